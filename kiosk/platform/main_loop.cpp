#include "kiosk/platform/main_loop.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "kiosk/core/shell/options.hpp"
#include "motcua/clock.hpp"

namespace motcua::kiosk::platform {

int run_main_loop(GlfwPlatform& platform, ui::KioskApp& app, ClientThread& client,
                  const QuitSignals& signals) {
    const SystemClock clock;
    int extra_frames = 0;
    double wait_s = 0;  // the first frame at once
    for (;;) {
        // 1. Poll or sleep. Woken by input, by the client thread (glfwPostEmptyEvent), by a
        //    quit signal, or when the screen said it changes by itself (the clock's minute).
        platform.wait_events(wait_s);
        platform.settle_keys();
        if (platform.take_input_events() > 0) extra_frames = app.theme().frames_after_input;
        if (signals.requested()) return kExitOk;
        if (platform.close_requested()) {
            if (app.allows_window_close()) return kExitOk;
            platform.refuse_close();  // kiosk mode: only the admin PIN leaves
        }

        // 2. New frame: work from the client thread, then its state under one lock.
        client.ui_queue().run_all();
        const AppState state = client.snapshot();
        auto rebuilt = app.prepare_display(platform.window_size(), platform.pixel_density());
        if (!rebuilt) {
            spdlog::error("{}", rebuilt.error().message);
            return kExitFailure;
        }
        if (*rebuilt) platform.reload_fonts();
        platform.begin_frame();

        // 3. Draw.
        const ui::FrameOutcome out = app.frame(state, clock.now(), std::chrono::steady_clock::now(),
                                               platform.take_key_presses());

        // 4. Render and 5. swap.
        platform.end_frame(app.theme().colours.page);
        if (out.quit) return kExitOk;

        const ui::Theme& theme = app.theme();
        if (extra_frames > 0) {
            --extra_frames;
            wait_s = 0;
        } else if (out.animating) {
            wait_s = theme.animation_frame_s;
        } else {
            wait_s = std::clamp(out.redraw_in_s, 0.0, theme.max_idle_wait_s);
        }
    }
}

}  // namespace motcua::kiosk::platform
