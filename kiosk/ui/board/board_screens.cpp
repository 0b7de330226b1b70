#include "kiosk/ui/board/board_screens.hpp"

#include <spdlog/spdlog.h>

namespace motcua::kiosk::ui {

void BoardScreens::on_event(const api::Event& event) {
    // The times are read now, not at the last frame: an idle board may have slept a minute, and
    // a call's highlight and age count from when it arrived.
    const auto call =
        model_.on_event(event, config_.clocks.steady(), clock_.now(config_.clocks.wall()));
    if (event.type == EventType::ticket_called || event.type == EventType::ticket_recalled) {
        // One line per call put on the list: what the link-fault tests count (each call once).
        if (const auto& calls = model_.calls(); !calls.empty() && calls.front().seq == event.seq)
            spdlog::info("board: call #{} {} at counter {} shown", event.seq, calls.front().number,
                         calls.front().counter);
        if (!call)
            spdlog::info("board: call #{} shown, not announced (older than {} s)", event.seq,
                         config_.timing.max_age_s);
        else if (config_.announce)
            config_.announce(*call);
    }
}

void BoardScreens::draw(UiFrame& ui, const ShellView& view, const AppState& state) {
    board_.draw(
        ui, view,
        make_board_view(model_, state.ward, state.connection, ui.tr.language(), ui.steady_now));
    ui.redraw_within(model_.next_change_in(ui.steady_now));
}

}  // namespace motcua::kiosk::ui
