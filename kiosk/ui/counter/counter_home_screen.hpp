#pragma once
/// Counter console home ("counter_home"): the officer's desk screen.
#include "kiosk/ui/shell/screen.hpp"

namespace motcua::kiosk::ui {

class CounterHomeScreen final : public Screen {
public:
    void draw(UiFrame& ui, const ShellView& view) override;
};

}  // namespace motcua::kiosk::ui
