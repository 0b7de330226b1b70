#pragma once
/// "The system is temporarily unavailable" ("unavailable"), or the API-version mismatch
/// ("incompatible"): a clear notice in place of the mode's screen.
#include "kiosk/ui/shell/screen.hpp"

namespace motcua::kiosk::ui {

class UnavailableScreen final : public Screen {
public:
    void draw(UiFrame& ui, const ShellView& view) override;
};

}  // namespace motcua::kiosk::ui
