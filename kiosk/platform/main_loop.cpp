#include "kiosk/platform/main_loop.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "kiosk/core/shell/options.hpp"
#include "motcua/clock.hpp"

namespace motcua::kiosk::platform {

int run_main_loop(GlfwPlatform& platform, ui::KioskApp& app, ClientThread& client,
                  const QuitSignals& signals) {
    const SystemClock clock;
    // Frames drawn but not shown since the last one shown (see step 4).
    constexpr int kMaxUnshownFrames = 2;
    int unshown = 0;
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

        // 4. Render and 5. swap, unless this frame is out of date already: a release ImGui
        //    will only see in the next frame, or a tap that changed the screen after it was
        //    drawn (redraw at once). A software renderer would spend a whole frame on it while
        //    the next one, the one that counts, waits. A few such frames in a row at most, so
        //    a screen that keeps asking cannot keep the display from updating.
        const bool superseded =
            (platform.release_pending() || out.redraw_in_s <= 0) && unshown < kMaxUnshownFrames;
        if (superseded) {
            platform.discard_frame();
            ++unshown;
        } else {
            platform.end_frame(app.theme().colours.page);
            unshown = 0;
        }
        if (out.quit) return kExitOk;

        const ui::Theme& theme = app.theme();
        if (superseded) {
            wait_s = 0;
        } else if (extra_frames > 0) {
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
