#pragma once
/// The ticket's QR code on screen, drawn module by module with ImGui rectangles from the same
/// matrix the printed slip uses (motcua/qr.hpp).
#include <imgui.h>

#include "kiosk/ui/shell/theme.hpp"
#include "kiosk/ui/shell/widgets.hpp"
#include "motcua/qr.hpp"

namespace motcua::kiosk::ui {

/// Draws `qr` with its quiet zone, as large as whole pixels per module allow inside `box`,
/// centred; returns the square actually covered. Whole pixels keep every module edge sharp,
/// which phone cameras need more than size.
Box draw_qr(ImDrawList* draw, const Box& box, const QrMatrix& qr, const Palette& colours);

}  // namespace motcua::kiosk::ui
