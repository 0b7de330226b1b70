#include "kiosk/ui/citizen/rate_keypad_screen.hpp"

#include <algorithm>
#include <array>

#include "kiosk/ui/shell/shell_chrome.hpp"

namespace motcua::kiosk::ui {

namespace {

constexpr int kColumns = 3;
constexpr int kDigitRows = 4;
/// More letters than this go on two rows so each key stays wide enough for a finger.
constexpr std::size_t kLettersPerRow = 4;
constexpr char kDelete = '<';
constexpr char kConfirm = '=';
constexpr std::array<char, 12> kDigitKeys{'1', '2', '3', '4',     '5', '6',
                                          '7', '8', '9', kDelete, '0', kConfirm};

std::string notice_text(const Translator& tr, const RateKeypadView& v) {
    switch (v.notice) {
        case RatingNotice::unknown_number:
            return tr.format(TextId::rating_unknown_number, fmt::arg("number", v.number));
        case RatingNotice::not_served:
            return tr.format(TextId::rating_not_served, fmt::arg("number", v.number));
        case RatingNotice::not_accepted:
            return tr.format(TextId::rating_not_accepted, fmt::arg("number", v.number));
        default:
            return {};
    }
}

/// Space between the keys' rows: half a gap in large text, where height is short.
float row_gap(const Theme& t) {
    return t.variant.large_text ? t.gap / 2 : t.gap;
}

float pad_width(const Theme& t) {
    return kColumns * t.key_w + (kColumns - 1) * t.gap;
}

}  // namespace

float RateKeypadScreen::keys_height(const UiFrame& ui, std::size_t letters) const {
    const Theme& t = ui.theme;
    const std::size_t letter_rows = (letters + kLettersPerRow - 1) / kLettersPerRow;
    const auto rows = static_cast<float>(kDigitRows + letter_rows);
    return rows * t.touch_target + (rows - 1) * row_gap(t);
}

void RateKeypadScreen::draw_keys(UiFrame& ui, ImVec2 at, const RateKeypadView& v, Commands& out) {
    const Theme& t = ui.theme;
    const float pad_w = pad_width(t);
    float y = at.y;
    for (std::size_t first = 0; first < v.letters.size(); first += kLettersPerRow) {
        const std::size_t n = std::min(kLettersPerRow, v.letters.size() - first);
        const float w = (pad_w - static_cast<float>(n - 1) * t.gap) / static_cast<float>(n);
        for (std::size_t i = 0; i < n; ++i) {
            const char letter = v.letters[first + i];
            const float x = at.x + static_cast<float>(i) * (w + t.gap);
            const std::string id = std::string("##key-") + letter;
            // Letters come first in a number: after a digit they cannot be typed.
            if (button(ui, id.c_str(), Box{{x, y}, {x + w, y + t.touch_target}},
                       std::string(1, letter), ButtonKind::secondary,
                       v.entry.find_first_of("0123456789") == std::string::npos))
                out.emplace_back(cmd::PressKey{letter});
        }
        y += t.touch_target + row_gap(t);
    }
    for (std::size_t i = 0; i < kDigitKeys.size(); ++i) {
        const char key = kDigitKeys.at(i);
        const auto col = static_cast<float>(static_cast<int>(i) % kColumns);
        const auto row = static_cast<float>(static_cast<int>(i) / kColumns);
        const ImVec2 min{at.x + col * (t.key_w + t.gap), y + row * (t.touch_target + row_gap(t))};
        const Box box{min, {min.x + t.key_w, min.y + t.touch_target}};
        const std::string id = std::string("##key-") + key;
        if (key == kDelete) {
            if (button(ui, id.c_str(), box, ui.tr(TextId::keypad_delete), ButtonKind::secondary,
                       v.can_delete))
                out.emplace_back(cmd::DeleteKey{});
        } else if (key == kConfirm) {
            if (button(ui, id.c_str(), box, ui.tr(TextId::keypad_confirm), ButtonKind::primary,
                       v.can_confirm))
                out.emplace_back(cmd::ConfirmNumber{});
        } else if (button(ui, id.c_str(), box, std::string(1, key), ButtonKind::secondary)) {
            out.emplace_back(cmd::PressKey{key});
        }
    }
}

float RateKeypadScreen::entry_height(const UiFrame& ui, float width,
                                     const RateKeypadView& v) const {
    const Theme& t = ui.theme;
    const float head_h =
        heading_block_height(ui, width, ui.tr(TextId::keypad_heading), ui.tr(TextId::keypad_hint));
    const std::string message = notice_text(ui.tr, v);
    // Room for the longest notice is kept, so the typed number does not move when one appears.
    const std::string longest =
        ui.tr.format(TextId::rating_unknown_number, fmt::arg("number", "A0000000"));
    return head_h + 2 * t.gap + t.touch_target * 1.25F + t.gap +
           notice_height(ui, width, message.empty() ? longest : message, ui.fonts.body_bold);
}

void RateKeypadScreen::draw_entry(UiFrame& ui, const Box& box, const RateKeypadView& v) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    Box rest = box;
    const std::string& heading = ui.tr(TextId::keypad_heading);
    const std::string& hint = ui.tr(TextId::keypad_hint);
    const float head_h = heading_block_height(ui, rest.width(), heading, hint);
    heading_block(ui, take_top(rest, head_h, 2 * t.gap), heading, hint);

    // The typed number, big, in a box that names itself for assistive tools.
    const float box_w = std::min(rest.width(), t.number_box_w);
    const Box row = take_top(rest, t.touch_target * 1.25F, t.gap);
    const Box entry{{row.centre().x - box_w / 2, row.min.y},
                    {row.centre().x + box_w / 2, row.max.y}};
    ui.draw->AddRectFilled(entry.min, entry.max, c.card, t.rounding);
    ui.draw->AddRect(entry.min, entry.max, c.secondary_border, t.rounding, 0, t.border);
    ui.a11y.add(A11yElement{A11yRole::textbox, ui.tr(TextId::keypad_label), entry.min.x,
                            entry.min.y, entry.width(), entry.height(), true});
    if (!v.entry.empty()) label(ui, entry, v.entry, {ui.fonts.title, c.text, Align::centre});

    const std::string message = notice_text(ui.tr, v);
    if (!message.empty()) notice(ui, rest, message, NoticeKind::error, ui.fonts.body_bold);
}

void RateKeypadScreen::draw(UiFrame& ui, const ShellView& view, const RateKeypadView& v,
                            Commands& out) {
    ui.a11y.set_screen("rate_keypad");
    draw_header(ui, view, ui.tr(TextId::mode_rating_title));
    const Theme& t = ui.theme;
    Box body = content_box(ui);
    const float keys_w = pad_width(t);
    const float keys_h = keys_height(ui, v.letters.size());
    const std::string& back = ui.tr(TextId::common_back);
    const float back_w = std::max(button_size(ui, back).x, keys_w);

    if (landscape(ui)) {
        // Left: what to type and what was typed; right: the keys, with "Quay lại" under the text.
        const float keys_left = body.max.x - keys_w;
        const float top = body.min.y + std::max(0.0F, (body.height() - keys_h) / 2);
        draw_keys(ui, {keys_left, top}, v, out);
        Box left{body.min, {keys_left - 3 * t.gap, body.max.y}};
        const Box back_row = take_bottom(left, t.touch_target, 2 * t.gap);
        if (button(ui, "##back",
                   Box{{back_row.centre().x - back_w / 2, back_row.min.y},
                       {back_row.centre().x + back_w / 2, back_row.max.y}},
                   back, ButtonKind::secondary))
            out.emplace_back(cmd::CancelRating{});
        const float h = entry_height(ui, left.width(), v);
        left.min.y += std::max(0.0F, (left.height() - h) / 2);
        draw_entry(ui, left, v);
    } else {
        const Box back_row = take_bottom(body, t.touch_target, 2 * t.gap);
        if (button(ui, "##back",
                   Box{{back_row.centre().x - back_w / 2, back_row.min.y},
                       {back_row.centre().x + back_w / 2, back_row.max.y}},
                   back, ButtonKind::secondary))
            out.emplace_back(cmd::CancelRating{});
        const Box keys_row = take_bottom(body, keys_h, 2 * t.gap);
        draw_keys(ui, {keys_row.centre().x - keys_w / 2, keys_row.min.y}, v, out);
        draw_entry(ui, body, v);
    }
    draw_footer(ui, view);
}

}  // namespace motcua::kiosk::ui
