#include "kiosk/ui/shell/fonts.hpp"

#include <imgui_freetype.h>

#include <array>
#include <system_error>

namespace motcua::kiosk::ui {

namespace {

struct FontCandidate {
    const char* regular;
    const char* bold;
};

constexpr std::array kCandidates{
    FontCandidate{"/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
                  "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"},
    FontCandidate{"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                  "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"},
};

bool exists(const std::filesystem::path& p) {
    std::error_code ec;
    return std::filesystem::is_regular_file(p, ec);
}

}  // namespace

Result<FontFiles> find_font_files() {
    for (const auto& c : kCandidates) {
        if (!exists(c.regular)) continue;
        // A family without its bold face still reads well; bold falls back to regular.
        return FontFiles{c.regular, exists(c.bold) ? c.bold : c.regular};
    }
    return make_error(ErrorCode::no_fonts,
                      "no usable font: install fonts-noto-core (Noto Sans) or fonts-dejavu-core");
}

const ImWchar* vietnamese_glyph_ranges() {
    static const ImWchar ranges[] = {
        0x0020, 0x007E,  // Basic Latin
        0x00A0, 0x00FF,  // Latin-1 Supplement (à á â ã è é ê ì í ò ó ô õ ù ú ý)
        0x0100, 0x017F,  // Latin Extended-A (ă đ ĩ ũ)
        0x0180, 0x024F,  // Latin Extended-B (ơ ư)
        0x0300, 0x0323,  // combining grave, acute, tilde, hook above, dot below
        0x1EA0, 0x1EF9,  // Latin Extended Additional (ạ ả ấ … ỹ)
        0x2000, 0x206F,  // General Punctuation (– — ‘ ’ “ ” …)
        0x20AB, 0x20AB,  // ₫ đồng sign
        0,
    };
    return ranges;
}

const ImWchar* ticket_number_glyph_ranges() {
    static const ImWchar ranges[] = {0x0020, 0x007E, 0};
    return ranges;
}

Result<Fonts> build_fonts(ImFontAtlas& atlas, const Theme& theme, const FontFiles& files,
                          float pixel_density) {
    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    // Light hinting keeps Vietnamese stacked marks (ệ, ở) from snapping into the letter.
    atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;

    const float density = pixel_density > 0 ? pixel_density : 1.0F;
    const auto add = [&](const std::filesystem::path& file, float size, const ImWchar* ranges) {
        ImFontConfig cfg;
        cfg.OversampleH = 1;  // FreeType renders at the right size; no stb oversampling needed
        cfg.OversampleV = 1;
        ImFont* font = atlas.AddFontFromFileTTF(file.c_str(), size * density, &cfg, ranges);
        if (font != nullptr) font->Scale = 1.0F / density;
        return font;
    };

    Fonts fonts;
    fonts.body = add(files.regular, theme.text_body, vietnamese_glyph_ranges());  // first = default
    fonts.small = add(files.regular, theme.text_small, vietnamese_glyph_ranges());
    fonts.body_bold = add(files.bold, theme.text_body, vietnamese_glyph_ranges());
    fonts.heading = add(files.bold, theme.text_heading, vietnamese_glyph_ranges());
    fonts.title = add(files.bold, theme.text_title, vietnamese_glyph_ranges());
    fonts.huge = add(files.bold, theme.text_huge, ticket_number_glyph_ranges());
    if (fonts.body == nullptr || fonts.small == nullptr || fonts.body_bold == nullptr ||
        fonts.heading == nullptr || fonts.title == nullptr || fonts.huge == nullptr)
        return make_error(ErrorCode::bad_font, "cannot load font " + files.regular.string() +
                                                   " / " + files.bold.string());
    if (!atlas.Build())
        return make_error(ErrorCode::bad_font, "cannot build the font atlas (FreeType)");
    return fonts;
}

}  // namespace motcua::kiosk::ui
