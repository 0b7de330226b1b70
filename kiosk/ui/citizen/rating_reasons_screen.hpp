#pragma once
/// Reasons for a low rating ("rating_reasons"): the five reasons as big check boxes (several may
/// be chosen) and "Gửi đánh giá".
#include "kiosk/core/citizen/citizen_views.hpp"
#include "kiosk/ui/citizen/citizen_layout.hpp"

namespace motcua::kiosk::ui {

class RatingReasonsScreen {
public:
    void draw(UiFrame& ui, const ShellView& view, const RatingReasonsView& reasons, Commands& out);

private:
    void draw_reason(UiFrame& ui, const Box& box, RatingReason reason, bool chosen, Commands& out);
};

}  // namespace motcua::kiosk::ui
