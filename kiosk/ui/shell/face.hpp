#pragma once
/// Rating faces drawn with ImGui primitives: a coloured disc, two eyes and a mouth that bends
/// from a frown (level 1) to a wide smile (level 5). Pictures read before words, from afar.
#include <imgui.h>

#include "kiosk/ui/shell/theme.hpp"

namespace motcua::kiosk::ui {

/// The disc colour of a level (1..5); out-of-range levels are clamped.
ImU32 level_colour(const Palette& colours, int level);

/// A face of `diameter` window pixels centred on `centre`.
void draw_face(ImDrawList* draw, ImVec2 centre, float diameter, int level, const Palette& colours);

}  // namespace motcua::kiosk::ui
