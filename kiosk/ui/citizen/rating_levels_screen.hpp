#pragma once
/// The levels ("rating_levels"): one big button per level of the office's scale, best first,
/// each a face and its national wording (Rất hài lòng … Rất không hài lòng).
#include "kiosk/core/citizen/citizen_views.hpp"
#include "kiosk/ui/citizen/citizen_layout.hpp"

namespace motcua::kiosk::ui {

class RatingLevelsScreen {
public:
    /// `can_go_back`: the kiosk offers "Quay lại"; the counter's pad waits for its timeout.
    void draw(UiFrame& ui, const ShellView& view, const RatingLevelsView& levels, bool can_go_back,
              Commands& out);

private:
    /// A level as a card: face above the words (a row of cards) or beside them (a column).
    void draw_level(UiFrame& ui, const Box& box, int level, bool face_beside, Commands& out);
};

}  // namespace motcua::kiosk::ui
