#pragma once
/// A screen: one class per screen, drawing one frame from the view model.
#include "kiosk/core/shell/app_state.hpp"
#include "kiosk/core/shell/view_model.hpp"
#include "kiosk/ui/shell/widgets.hpp"

namespace motcua::kiosk::ui {

class Screen {
public:
    Screen() = default;
    virtual ~Screen() = default;
    Screen(const Screen&) = delete;
    Screen& operator=(const Screen&) = delete;

    /// Draws the whole window: names itself in the a11y tree, reports taps as UiActions.
    virtual void draw(UiFrame& ui, const ShellView& view) = 0;
};

/// A mode with several screens of its own that draw from the client's data and act through the
/// network (the citizen screens, the counter console, the display board).
class ModeScreens {
public:
    ModeScreens() = default;
    virtual ~ModeScreens() = default;
    ModeScreens(const ModeScreens&) = delete;
    ModeScreens& operator=(const ModeScreens&) = delete;

    /// Draws the current screen from `state`, this frame's copy of the client's state.
    virtual void draw(UiFrame& ui, const ShellView& view, const AppState& state) = 0;
    /// Keep drawing this mode's screen while the service is away (the app shows its
    /// "unavailable" notice otherwise): a citizen mid-way through something that needs no
    /// service, an officer's console (its actions say why they fail), the board (its own sign).
    [[nodiscard]] virtual bool draws_while_away() const = 0;
};

}  // namespace motcua::kiosk::ui
