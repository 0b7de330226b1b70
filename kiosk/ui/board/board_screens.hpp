#pragma once
/// The display board's controller (--mode board): feeds the event stream into the board's model,
/// hands the calls to announce to the voice, and draws the board. UI thread only.
#include <functional>

#include "kiosk/core/board/board_model.hpp"
#include "kiosk/core/shell/service_clock.hpp"
#include "kiosk/ui/board/board_screen.hpp"
#include "kiosk/ui/shell/screen.hpp"

namespace motcua::kiosk::ui {

struct BoardScreensConfig {
    BoardTiming timing;
    ScreenClocks clocks;
    /// Says a call (the announcer's queue); none: a silent board.
    std::function<void(const CallToAnnounce&)> announce;
};

class BoardScreens final : public ModeScreens {
public:
    explicit BoardScreens(BoardScreensConfig config)
        : config_(std::move(config)), model_(config_.timing) {}

    void draw(UiFrame& ui, const ShellView& view, const AppState& state) override;
    /// The board stays up through an outage, with its own sign that the link is lost.
    [[nodiscard]] bool draws_while_away() const override { return true; }
    /// An event from the service. UI thread.
    void on_event(const api::Event& event);
    /// A reading of the service's clock. UI thread, in order with the events.
    void on_service_time(TimePoint service_now, TimePoint local_now) {
        clock_.sample(service_now, local_now);
    }
    [[nodiscard]] const BoardModel& model() const { return model_; }

private:
    BoardScreensConfig config_;
    BoardModel model_;
    ServiceClock clock_;
    BoardScreen board_;
};

}  // namespace motcua::kiosk::ui
