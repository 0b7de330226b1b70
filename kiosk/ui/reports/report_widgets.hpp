#pragma once
/// Controls of the reports dashboard: an officer's desktop with a mouse, so smaller than the
/// touch screens' (Theme::report_control_h) yet read from two metres. Each records itself for
/// the a11y dump as a button.
#include <string_view>

#include "kiosk/ui/shell/widgets.hpp"

namespace motcua::kiosk::ui {

/// The width of a box that holds `text` on one line: its measure and a pixel more, so that sums of
/// floats never make the box a hair too narrow (label() would cut the text with "…").
float fit_width(const ImFont* font, std::string_view text);

/// A toolbar button; `selected` draws it filled (the period on screen).
bool tool_button(UiFrame& ui, const char* id, const Box& box, std::string_view text, bool selected,
                 bool enabled = true);
float tool_button_width(const UiFrame& ui, std::string_view text);

/// A tab: the selected one in bold blue over a thick blue line.
bool tab_button(UiFrame& ui, const char* id, const Box& box, std::string_view text, bool selected);
float tab_width(const UiFrame& ui, std::string_view text);

/// A square button with a triangle pointing up or down; `label` names it in the dump.
bool arrow_button(UiFrame& ui, const char* id, const Box& box, bool up, std::string_view label,
                  bool enabled);

}  // namespace motcua::kiosk::ui
