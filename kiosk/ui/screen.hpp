#pragma once
/// A screen: one class per screen, drawing one frame from the view model.
#include "kiosk/core/view_model.hpp"
#include "kiosk/ui/widgets.hpp"

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

}  // namespace motcua::kiosk::ui
