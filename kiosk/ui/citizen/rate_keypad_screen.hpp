#pragma once
/// Rating at the ticket kiosk ("rate_keypad"): the citizen types the number printed on the slip
/// (letters from the categories' prefixes, then digits) to rate a visit after leaving the counter.
#include "kiosk/core/citizen/citizen_views.hpp"
#include "kiosk/ui/citizen/citizen_layout.hpp"

namespace motcua::kiosk::ui {

class RateKeypadScreen {
public:
    void draw(UiFrame& ui, const ShellView& view, const RateKeypadView& keypad, Commands& out);

private:
    /// Height of the keys for this many letters: a row (or two) of letters, then 4 rows of digits.
    float keys_height(const UiFrame& ui, std::size_t letters) const;
    void draw_keys(UiFrame& ui, ImVec2 top_left, const RateKeypadView& keypad, Commands& out);
    float entry_height(const UiFrame& ui, float width, const RateKeypadView& keypad) const;
    /// Heading, hint, the typed number and the notice, from the top of `box`.
    void draw_entry(UiFrame& ui, const Box& box, const RateKeypadView& keypad);
};

}  // namespace motcua::kiosk::ui
