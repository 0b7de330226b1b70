#pragma once
/// The kiosk's fonts (Noto Sans, else DejaVu Sans) with every glyph Vietnamese needs.
#include <imgui.h>

#include <filesystem>

#include "kiosk/ui/shell/theme.hpp"
#include "motcua/result.hpp"

namespace motcua::kiosk::ui {

struct FontFiles {
    std::filesystem::path regular;
    std::filesystem::path bold;
};

/// Noto Sans from fonts-noto-core, falling back to DejaVu Sans from fonts-dejavu-core.
Result<FontFiles> find_font_files();

/// Latin, Latin-1, Latin Extended-A/B, combining marks, Latin Extended Additional (ạ…ỹ),
/// general punctuation (— … “ ”) and the đồng sign ₫; zero-terminated pairs for ImGui.
const ImWchar* vietnamese_glyph_ranges();
/// Printable ASCII only: the huge size is for ticket numbers and clocks, and a full
/// Vietnamese set at that size would not fit a texture.
const ImWchar* ticket_number_glyph_ranges();

/// The sizes the theme asks for. Owned by the ImGui font atlas.
struct Fonts {
    ImFont* small = nullptr;
    ImFont* body = nullptr;
    ImFont* body_bold = nullptr;
    ImFont* heading = nullptr;  // bold
    ImFont* title = nullptr;    // bold
    ImFont* huge = nullptr;     // bold, ASCII only
};

/// Clears `atlas` and builds it with the FreeType rasteriser at the theme's sizes.
/// `pixel_density` is framebuffer pixels per window pixel (2 on a HiDPI panel): glyphs are
/// rasterised that much larger and drawn scaled back, so text stays crisp.
Result<Fonts> build_fonts(ImFontAtlas& atlas, const Theme& theme, const FontFiles& files,
                          float pixel_density);

}  // namespace motcua::kiosk::ui
