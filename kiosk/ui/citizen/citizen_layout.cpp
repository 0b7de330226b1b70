#include "kiosk/ui/citizen/citizen_layout.hpp"

#include <algorithm>

namespace motcua::kiosk::ui {

bool landscape(const UiFrame& ui) {
    return ui.display.x >= ui.display.y * ui.theme.wide_aspect;
}

Box take_top(Box& box, float height, float gap) {
    const float h = std::min(height, box.height());
    const Box piece{box.min, {box.max.x, box.min.y + h}};
    box.min.y = std::min(box.max.y, box.min.y + h + gap);
    return piece;
}

Box take_bottom(Box& box, float height, float gap) {
    const float h = std::min(height, box.height());
    const Box piece{{box.min.x, box.max.y - h}, box.max};
    box.max.y = std::max(box.min.y, box.max.y - h - gap);
    return piece;
}

float balanced_width(const ImFont* font, std::string_view text, float width) {
    const std::size_t lines = wrap_lines(font, text, width).size();
    if (lines <= 1) return std::min(width, measure(font, text).x + 1);
    // Bisection on the width; a dozen steps get within a pixel on any screen.
    constexpr int kSteps = 12;
    float lo = width / static_cast<float>(lines);
    float hi = width;
    for (int i = 0; i < kSteps; ++i) {
        const float mid = (lo + hi) / 2;
        if (wrap_lines(font, text, mid).size() > lines)
            lo = mid;
        else
            hi = mid;
    }
    return hi;
}

float heading_block_height(const UiFrame& ui, float width, std::string_view heading,
                           std::string_view note) {
    float h = paragraph_height(ui.fonts.heading, heading, width);
    if (!note.empty()) h += ui.theme.gap / 2 + paragraph_height(ui.fonts.body, note, width);
    return h;
}

namespace {

/// `box` narrowed around its centre to the balanced width of `text`.
Box balanced_box(const ImFont* font, std::string_view text, const Box& box) {
    const float w = balanced_width(font, text, box.width());
    return {{box.centre().x - w / 2, box.min.y}, {box.centre().x + w / 2, box.max.y}};
}

}  // namespace

float heading_block(UiFrame& ui, const Box& box, std::string_view heading, std::string_view note) {
    const Palette& c = ui.theme.colours;
    Box rest = box;
    const float hh = paragraph_height(ui.fonts.heading, heading, box.width());
    paragraph(ui, balanced_box(ui.fonts.heading, heading, take_top(rest, hh, ui.theme.gap / 2)),
              heading, {ui.fonts.heading, c.text, Align::centre});
    if (!note.empty()) {
        const float nh = paragraph_height(ui.fonts.body, note, box.width());
        paragraph(ui, balanced_box(ui.fonts.body, note, take_top(rest, nh)), note,
                  {ui.fonts.body, c.text_muted, Align::centre});
    }
    return heading_block_height(ui, box.width(), heading, note);
}

float notice_height(const UiFrame& ui, float width, std::string_view text, const ImFont* font) {
    const float pad = ui.theme.gap;
    return paragraph_height(font, text, width - 2 * pad) + 2 * pad * 0.75F;
}

float notice(UiFrame& ui, const Box& box, std::string_view text, NoticeKind kind, ImFont* font) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    const float h = notice_height(ui, box.width(), text, font);
    if (h > box.height() + 0.5F) return 0;  // never draw a notice over its neighbours
    const ImU32 fill = kind == NoticeKind::error ? c.notice_fill : c.info_fill;
    const ImU32 ink = kind == NoticeKind::error ? c.error_text : c.info_text;
    const Box band{box.min, {box.max.x, box.min.y + h}};
    ui.draw->AddRectFilled(band.min, band.max, fill, t.rounding);
    ui.draw->AddRect(band.min, band.max, ink, t.rounding, 0, t.border);
    const float pad = t.gap;
    paragraph(ui,
              balanced_box(font, text,
                           Box{{band.min.x + pad, band.min.y + pad * 0.75F},
                               {band.max.x - pad, band.max.y}}),
              text, {font, ink, Align::centre});
    return h;
}

std::string_view level_words(const Translator& tr, int level) {
    return tr.language() == Language::en ? rating_label_en(level) : rating_label_vi(level);
}

TextId reason_text(RatingReason reason) {
    switch (reason) {
        case RatingReason::attitude:
            return TextId::reason_attitude;
        case RatingReason::long_wait:
            return TextId::reason_long_wait;
        case RatingReason::unclear_guidance:
            return TextId::reason_unclear_guidance;
        case RatingReason::several_trips:
            return TextId::reason_several_trips;
        case RatingReason::other:
            return TextId::reason_other;
    }
    return TextId::reason_other;
}

}  // namespace motcua::kiosk::ui
