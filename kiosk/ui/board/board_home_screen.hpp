#pragma once
/// Display board home ("board_home"): the TV on the wall, with a big clock.
#include "kiosk/ui/shell/screen.hpp"

namespace motcua::kiosk::ui {

class BoardHomeScreen final : public Screen {
public:
    void draw(UiFrame& ui, const ShellView& view) override;
};

}  // namespace motcua::kiosk::ui
