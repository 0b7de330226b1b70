#include "kiosk/ui/citizen/dossier_lookup_screen.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "kiosk/core/citizen/dossier_code.hpp"
#include "kiosk/ui/shell/shell_chrome.hpp"

namespace motcua::kiosk::ui {

namespace {

/// The keys as on a phone's keyboard, which most citizens know; '.' and '-' at the ends of the
/// rows where a code needs them.
constexpr std::array<std::string_view, 4> kRows{"1234567890", "QWERTYUIOP", "ASDFGHJKL.",
                                                "ZXCVBNM-"};
constexpr int kKeysPerRow = 10;
constexpr int kActions = 4;  // Xóa, Xóa hết, Tra cứu, Quay lại
constexpr std::string_view kEllipsis = "…";
/// Side by side (large text, landscape): the keys' share of the width.
constexpr float kKeysShare = 0.62F;

float key_gap(const Theme& t) {
    return t.gap / 2;
}

}  // namespace

std::string fit_tail(const ImFont* font, std::string_view text, float width) {
    if (measure(font, text).x <= width) return std::string(text);
    // Codes are ASCII; a stray multi-byte character is cut whole all the same.
    std::string_view tail = text;
    while (!tail.empty()) {
        std::size_t cut = 1;
        while (cut < tail.size() && (static_cast<unsigned char>(tail[cut]) & 0xC0U) == 0x80U) ++cut;
        tail.remove_prefix(cut);
        const std::string shown = std::string(kEllipsis) + std::string(tail);
        if (measure(font, shown).x <= width) return shown;
    }
    return std::string(kEllipsis);
}

namespace {

/// The screen's words for its kind: the dossier lookup's or the check-in's.
struct KindTexts {
    const char* screen;
    TextId title, prompt, label, submit, searching;
};

KindTexts texts_for(CodeKind kind) {
    if (kind == CodeKind::appointment)
        return {"appointment_check_in", TextId::checkin_title,  TextId::checkin_prompt,
                TextId::checkin_label,  TextId::checkin_submit, TextId::checkin_searching};
    return {"dossier_lookup",     TextId::lookup_title,  TextId::lookup_prompt,
            TextId::lookup_label, TextId::lookup_submit, TextId::lookup_searching};
}

std::string check_in_problem_text(const Translator& tr, const LookupEntryView& v,
                                  const std::string& example) {
    const auto& b = v.booking;
    switch (v.problem) {
        case LookupProblem::malformed:
            return tr.format(TextId::checkin_malformed, fmt::arg("code", v.problem_code),
                             fmt::arg("example", example));
        case LookupProblem::not_found:
            return tr.format(TextId::checkin_not_found, fmt::arg("code", v.problem_code));
        case LookupProblem::unreachable:
            return tr(TextId::checkin_unreachable);
        case LookupProblem::refused:
            return tr(TextId::checkin_refused);
        case LookupProblem::too_early:
            if (!b)
                return tr.format(TextId::checkin_too_early_general,
                                 fmt::arg("minutes", v.early_checkin_min));
            return tr.format(TextId::checkin_too_early, fmt::arg("start", b->start),
                             fmt::arg("day", b->day.day), fmt::arg("month", b->day.month),
                             fmt::arg("year", b->day.year), fmt::arg("opens", b->check_in_opens));
        case LookupProblem::missed:
            if (!b) return tr(TextId::checkin_missed_general);
            return tr.format(TextId::checkin_missed, fmt::arg("start", b->start),
                             fmt::arg("day", b->day.day), fmt::arg("month", b->day.month),
                             fmt::arg("year", b->day.year), fmt::arg("minutes", v.late_grace_min));
        case LookupProblem::cancelled:
            return tr(TextId::checkin_cancelled);
        case LookupProblem::none:
            break;
    }
    return {};
}

/// "Lấy số thường" beside a check-in notice: its width, the same for every notice.
float normal_ticket_width(const UiFrame& ui) {
    return button_size(ui, ui.tr(TextId::checkin_normal_ticket)).x + 2 * ui.theme.gap;
}

/// Share of the status line's width a check-in notice keeps beside "Lấy số thường"; narrower
/// (a portrait kiosk in large text) and the button goes under the notice.
constexpr float kNoticeShare = 0.6F;

bool normal_ticket_below(const UiFrame& ui, float width) {
    return width - normal_ticket_width(ui) - ui.theme.gap < kNoticeShare * width;
}

}  // namespace

std::string lookup_problem_text(const Translator& tr, const LookupEntryView& v,
                                const std::string& example) {
    if (v.kind == CodeKind::appointment) return check_in_problem_text(tr, v, example);
    const std::string& code = v.problem_code;
    switch (v.problem) {
        case LookupProblem::malformed:
            return tr.format(TextId::lookup_malformed, fmt::arg("code", code),
                             fmt::arg("example", example));
        case LookupProblem::not_found:
            return tr.format(TextId::lookup_not_found, fmt::arg("code", code));
        case LookupProblem::unreachable:
            return tr(TextId::lookup_unreachable);
        case LookupProblem::refused:
            return tr(TextId::lookup_refused);
        default:  // check-in answers: not the lookup's
            break;
    }
    return {};
}

float DossierLookupScreen::Keyboard::width(const Theme& t) const {
    const float keys = kKeysPerRow * key_w + (kKeysPerRow - 1) * key_gap(t);
    return actions_beside ? keys + t.gap + t.code_action_w : keys;
}

float DossierLookupScreen::Keyboard::height(const Theme& t) const {
    const auto rows = static_cast<float>(kRows.size() + (actions_beside ? 0 : 1));
    return rows * t.touch_target + (rows - 1) * key_gap(t);
}

DossierLookupScreen::Keyboard DossierLookupScreen::keyboard_for(const Theme& t, float width) {
    Keyboard k;
    const float gaps = (kKeysPerRow - 1) * key_gap(t);
    k.key_w = std::min(t.code_key_max_w, (width - t.gap - t.code_action_w - gaps) / kKeysPerRow);
    if (k.key_w >= t.code_key_min_w) return k;
    // Narrow (a portrait kiosk): the keys take the width, the actions a row of their own.
    k.actions_beside = false;
    k.key_w = std::min(t.code_key_max_w, (width - gaps) / kKeysPerRow);
    return k;
}

void DossierLookupScreen::draw_keyboard(UiFrame& ui, ImVec2 at, const Keyboard& k,
                                        const LookupEntryView& v, Commands& out) {
    const Theme& t = ui.theme;
    const float g = key_gap(t);
    for (std::size_t r = 0; r < kRows.size(); ++r) {
        const float y = at.y + static_cast<float>(r) * (t.touch_target + g);
        for (std::size_t i = 0; i < kRows.at(r).size(); ++i) {
            const char key = kRows.at(r)[i];
            const float x = at.x + static_cast<float>(i) * (k.key_w + g);
            const std::string id = std::string("##code-key-") + key;
            if (button(ui, id.c_str(), Box{{x, y}, {x + k.key_w, y + t.touch_target}},
                       std::string(1, key), ButtonKind::secondary,
                       v.can_type && key_types(v.kind, key)))
                out.emplace_back(cmd::LookupKey{key});
        }
    }
    // Xóa, Xóa hết, Tra cứu, Quay lại: a column beside the keys, or a row under them.
    struct Action {
        const char* id;
        TextId text;
        ButtonKind kind;
        bool enabled;
        CitizenCommand command;
    };
    const std::array<Action, kActions> actions{{
        {"##code-delete", TextId::lookup_delete, ButtonKind::secondary, v.can_delete,
         cmd::LookupDelete{}},
        {"##code-clear", TextId::lookup_clear, ButtonKind::secondary, v.can_delete,
         cmd::LookupClear{}},
        {"##code-submit", texts_for(v.kind).submit, ButtonKind::primary, v.can_submit,
         cmd::LookupSubmit{}},
        // A check-in under way stays: its answer may be a ticket the citizen must not lose.
        {"##code-back", TextId::common_back, ButtonKind::secondary,
         v.kind != CodeKind::appointment || !v.searching, cmd::CloseLookup{}},
    }};
    const float keys_w = kKeysPerRow * k.key_w + (kKeysPerRow - 1) * g;
    const float row_y = at.y + static_cast<float>(kRows.size()) * (t.touch_target + g);
    const float action_w =
        k.actions_beside ? t.code_action_w : (keys_w - (kActions - 1) * g) / kActions;
    for (std::size_t i = 0; i < actions.size(); ++i) {
        const auto n = static_cast<float>(i);
        const ImVec2 min = k.actions_beside
                               ? ImVec2{at.x + keys_w + t.gap, at.y + n * (t.touch_target + g)}
                               : ImVec2{at.x + n * (action_w + g), row_y};
        const Action& a = actions.at(i);
        if (button(ui, a.id, Box{min, {min.x + action_w, min.y + t.touch_target}}, ui.tr(a.text),
                   a.kind, a.enabled))
            out.push_back(a.command);
    }
}

void DossierLookupScreen::draw_entry(UiFrame& ui, const Box& box, const LookupEntryView& v,
                                     const std::string& example) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    ui.draw->AddRectFilled(box.min, box.max, c.card, t.rounding);
    ui.draw->AddRect(box.min, box.max, v.searching ? c.disabled : c.primary, t.rounding, 0,
                     2 * t.border);
    record_element(ui, A11yRole::textbox, ui.tr(texts_for(v.kind).label), box);
    const Box inner = box.inset(t.gap);
    if (v.entry.empty()) {
        // What a code looks like, muted, until the first key.
        // On two lines in a narrow box (large text), never cut.
        const std::string text = ui.tr.format(TextId::lookup_example, fmt::arg("code", example));
        const float h = paragraph_height(ui.fonts.body, text, inner.width());
        paragraph(
            ui,
            Box{{inner.min.x, inner.centre().y - h / 2}, {inner.max.x, inner.centre().y + h / 2}},
            text, {ui.fonts.body, c.text_muted, Align::centre});
        return;
    }
    // The code big, its end always in view, and a bar where the next character goes.
    const float bar_w = t.border * 2;
    const std::string shown = fit_tail(ui.fonts.title, v.entry, inner.width() - t.gap - bar_w);
    const Box text = label(ui, inner, shown, {ui.fonts.title, c.text, Align::centre});
    if (!v.searching) {
        const float h = font_px(ui.fonts.title);
        const float x = text.max.x + t.gap / 4;
        ui.draw->AddRectFilled({x, inner.centre().y - h / 2}, {x + bar_w, inner.centre().y + h / 2},
                               c.primary);
    }
}

float DossierLookupScreen::status_height(const UiFrame& ui, float width, CodeKind kind,
                                         const std::string& example) {
    const KindTexts texts = texts_for(kind);
    float h = paragraph_height(ui.fonts.body, ui.tr(texts.prompt), width);
    h = std::max(h, notice_height(ui, width, ui.tr(texts.searching), ui.fonts.body_bold));
    // A check-in notice shares its row with "Lấy số thường", or has it underneath.
    float below = 0;
    if (kind == CodeKind::appointment) {
        h = std::max(h, ui.theme.touch_target);
        if (normal_ticket_below(ui, width))
            below = ui.theme.gap + ui.theme.touch_target;
        else
            width -= normal_ticket_width(ui) + ui.theme.gap;
    }
    // Every notice at its longest: the widest code, a long category name, a two-digit date.
    LookupEntryView v;
    v.kind = kind;
    v.problem_code = std::string(kMaxDossierCodeLength, 'W');
    v.early_checkin_min = 30;
    v.late_grace_min = 15;
    v.booking = CheckInBooking{{2026, 12, 28, 1, 0, 0, 0}, "16:45", "16:15", ""};
    for (const LookupProblem p :
         {LookupProblem::malformed, LookupProblem::not_found, LookupProblem::unreachable,
          LookupProblem::refused, LookupProblem::too_early, LookupProblem::missed,
          LookupProblem::cancelled}) {
        v.problem = p;
        h = std::max(h, notice_height(ui, width, lookup_problem_text(ui.tr, v, example),
                                      ui.fonts.body_bold) +
                            below);
    }
    return h;
}

void DossierLookupScreen::draw_status(UiFrame& ui, const Box& box, const LookupEntryView& v,
                                      const std::string& example, Commands& out) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    const KindTexts texts = texts_for(v.kind);
    if (v.searching) {
        notice(ui, box, ui.tr(texts.searching), NoticeKind::info, ui.fonts.body_bold);
        return;
    }
    const std::string problem = lookup_problem_text(ui.tr, v, example);
    if (!problem.empty()) {
        Box rest = box;
        if (v.kind == CodeKind::appointment) {
            // The way on, beside the explanation: a ticket for the booking's category (or the
            // tiles, when the category is not known).
            const float w = normal_ticket_width(ui);
            Box at{{rest.max.x - w, rest.centre().y - t.touch_target / 2},
                   {rest.max.x, rest.centre().y + t.touch_target / 2}};
            if (normal_ticket_below(ui, box.width())) {
                const Box row = take_bottom(rest, t.touch_target, t.gap);
                at = Box{{row.centre().x - w / 2, row.min.y}, {row.centre().x + w / 2, row.max.y}};
            } else {
                rest.max.x -= w + t.gap;
            }
            if (v.offer_normal_ticket &&
                button(ui, "##normal-ticket", at, ui.tr(TextId::checkin_normal_ticket),
                       ButtonKind::primary))
                out.emplace_back(cmd::TakeNormalTicket{});
        }
        notice(ui, rest, problem,
               v.problem == LookupProblem::too_early ? NoticeKind::info : NoticeKind::error,
               ui.fonts.body_bold);
        return;
    }
    const std::string& prompt = ui.tr(texts.prompt);
    const float h = paragraph_height(ui.fonts.body, prompt, box.width());
    paragraph(ui, Box{{box.min.x, box.centre().y - h / 2}, {box.max.x, box.centre().y + h / 2}},
              prompt, {ui.fonts.body, c.text, Align::centre});
}

void DossierLookupScreen::draw(UiFrame& ui, const ShellView& view, const LookupEntryView& v,
                               const std::string& example, Commands& out) {
    const KindTexts texts = texts_for(v.kind);
    ui.a11y.set_screen(texts.screen);
    draw_header(ui, view, ui.tr(texts.title));
    const Theme& t = ui.theme;
    const Box body = content_box(ui);
    Keyboard k = keyboard_for(t, body.width());
    float keys_w = k.width(t);
    float status_h = status_height(ui, body.width(), v.kind, example);
    const float entry_h = t.touch_target;
    const float block = status_h + t.gap + entry_h + t.gap + k.height(t);
    // Stacked while it fits, the page's bottom margin included (the default theme at 1080p).
    const float bottom_margin = t.variant.large_text ? t.gap : t.margin;
    if (block > body.height() + bottom_margin && landscape(ui)) {
        // Too tall stacked (large text on a landscape screen): the words and the typed code on
        // the left, the keys (their actions under them) on the right.
        k = keyboard_for(t, body.width() * kKeysShare);
        keys_w = k.width(t);
        Box left{body.min, {body.max.x - keys_w - 2 * t.gap, body.max.y}};
        status_h = status_height(ui, left.width(), v.kind, example);
        const float left_h = status_h + t.gap + entry_h;
        left.min.y += std::max(0.0F, (left.height() - left_h) / 2);
        draw_status(ui, take_top(left, status_h, t.gap), v, example, out);
        draw_entry(ui, take_top(left, entry_h), v, example);
        draw_keyboard(
            ui,
            {body.max.x - keys_w, body.min.y + std::max(0.0F, (body.height() - k.height(t)) / 2)},
            k, v, out);
        return draw_footer(ui, view);
    }
    Box col{{body.min.x, body.min.y + std::max(0.0F, (body.height() - block) / 2)}, body.max};

    draw_status(ui, take_top(col, status_h, t.gap), v, example, out);
    const float entry_w = std::min({body.width(), t.code_entry_max_w, std::max(keys_w, 0.0F)});
    const Box row = take_top(col, entry_h, t.gap);
    draw_entry(
        ui,
        Box{{row.centre().x - entry_w / 2, row.min.y}, {row.centre().x + entry_w / 2, row.max.y}},
        v, example);
    draw_keyboard(ui, {col.centre().x - keys_w / 2, col.min.y}, k, v, out);
    draw_footer(ui, view);
}

}  // namespace motcua::kiosk::ui
