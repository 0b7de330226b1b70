#pragma once
/// The frame every shell screen shares: header (office, title, clock, language) and footer.
#include <string>

#include "kiosk/core/shell/view_model.hpp"
#include "kiosk/ui/shell/widgets.hpp"

namespace motcua::kiosk::ui {

/// The title of a mode's screen: "Lấy số thứ tự", "Đánh giá sự hài lòng", ...
TextId mode_title(Mode mode);
/// "Thứ Hai, ngày 23/11/2026" / "Monday, 23/11/2026".
std::string format_date(const Translator& tr, const LocalDateTime& t);
/// "07:30".
std::string format_time(const Translator& tr, const LocalDateTime& t);

/// Deep-blue band: the ward's name and `title` on the left; time, date and the language
/// button on the right (on portrait displays the time and date get a row below).
/// In kiosk mode its top-left corner hides the admin long-press.
/// `language_switch` false: no language button (the board: a TV nobody touches).
void draw_header(UiFrame& ui, const ShellView& view, std::string_view title,
                 bool language_switch = true);
/// White band: the connection state in plain words; the counter number when there is one.
/// On citizen screens (`ui.accessibility_switches`) it holds the state in words and the three
/// accessibility switches (voice guidance, high contrast, large text) instead, on as many
/// rows as the width needs.
void draw_footer(UiFrame& ui, const ShellView& view);
/// The footer's height on this display: taller with the accessibility switches.
float footer_height(const UiFrame& ui);
/// Header height for this display: taller on portrait displays (the clock gets its own row).
float header_height(const UiFrame& ui);
/// The page between header and footer, inside the margins.
Box content_box(const UiFrame& ui);

}  // namespace motcua::kiosk::ui

namespace motcua::kiosk::ui {

/// A heading and a note, wrapped and centred as one block in `box`: the shell's body.
void draw_welcome(UiFrame& ui, const Box& box, std::string_view heading, std::string_view note);

}  // namespace motcua::kiosk::ui
