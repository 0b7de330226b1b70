#pragma once
/// Rating pad home ("rating_home"): faces the citizen at a counter.
#include "kiosk/ui/screen.hpp"

namespace motcua::kiosk::ui {

class RatingHomeScreen final : public Screen {
public:
    void draw(UiFrame& ui, const ShellView& view) override;
};

}  // namespace motcua::kiosk::ui
