#pragma once
/// Reports home ("reports_home"): turnaround and satisfaction reports for officers.
#include "kiosk/ui/shell/screen.hpp"

namespace motcua::kiosk::ui {

class ReportsHomeScreen final : public Screen {
public:
    void draw(UiFrame& ui, const ShellView& view) override;
};

}  // namespace motcua::kiosk::ui
