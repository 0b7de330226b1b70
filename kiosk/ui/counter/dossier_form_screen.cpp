#include "kiosk/ui/counter/dossier_form_screen.hpp"

#include <algorithm>
#include <cmath>

#include "kiosk/ui/citizen/citizen_layout.hpp"
#include "kiosk/ui/counter/console_text.hpp"
#include "kiosk/ui/counter/console_widgets.hpp"
#include "kiosk/ui/shell/shell_chrome.hpp"

namespace motcua::kiosk::ui {

namespace {

/// A procedure's name on its button: two lines at most, the second cut with "…".
constexpr std::size_t kOptionLines = 2;

std::string days_text(const Translator& tr, int days) {
    if (days == 0) return tr(TextId::receipt_form_days_same);
    return tr.format(TextId::receipt_form_days, fmt::arg("days", days));
}

/// A calm band (the due date): light blue, or the error colours when something failed.
void band(UiFrame& ui, const Box& box, std::string_view text, bool problem) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    const ImU32 fill = problem ? c.notice_fill : c.chosen_fill;
    const ImU32 ink = problem ? c.error_text : c.secondary_text;
    ui.draw->AddRectFilled(box.min, box.max, fill, t.rounding);
    ui.draw->AddRect(box.min, box.max, ink, t.rounding, 0, t.border);
    const Box in{{box.min.x + t.gap, box.min.y}, {box.max.x - t.gap, box.max.y}};
    const float h = paragraph_height(ui.fonts.body_bold, text, in.width());
    paragraph(ui, Box{{in.min.x, in.centre().y - h / 2}, {in.max.x, in.centre().y + h / 2}}, text,
              {ui.fonts.body_bold, ink, Align::left});
}

std::string due_text(const Translator& tr, const DossierFormView& v) {
    switch (v.due_state) {
        case FetchState::none:
            return tr(TextId::receipt_form_due_choose);
        case FetchState::loading:
            return tr(TextId::receipt_form_due_loading);
        case FetchState::failed:
            return tr(TextId::receipt_form_due_failed);
        case FetchState::loaded:
            break;
    }
    if (!v.due) return tr(TextId::receipt_form_due_loading);
    std::string text =
        tr.format(TextId::receipt_form_due, fmt::arg("date", format_date(tr, *v.due)));
    for (const auto& p : v.procedures)
        if (p.chosen) text += " · " + days_text(tr, p.legal_days);
    return text;
}

float fields_height(const UiFrame& ui, float width) {
    const Theme& t = ui.theme;
    const float field = font_px(ui.fonts.body_bold) + t.gap / 2 + t.touch_target + t.gap;
    return 2 * field + console_message_slot(ui, width, kLongDossierCode) + t.gap + t.touch_target;
}

}  // namespace

DossierFormScreen::~DossierFormScreen() {
    wipe();
}

void DossierFormScreen::wipe() {
    name_.fill('\0');
    phone_.fill('\0');
}

void DossierFormScreen::start(const DossierFormView& form) {
    wipe();  // the previous citizen's name and phone go
    serial_ = form.serial;
    page_ = 0;
    focus_ = Focus::name;
}

void DossierFormScreen::confirm(ConsoleCommands& out) {
    out.emplace_back(console_cmd::ConfirmDossier{name_.data(), phone_.data()});
    refocus_ = true;
}

void DossierFormScreen::draw(UiFrame& ui, const ShellView& view, const std::string& title,
                             const DossierFormView& v, ConsoleCommands& out) {
    ui.a11y.set_screen("counter_dossier");
    draw_header(ui, view, title);
    if (v.serial != serial_) start(v);
    if (refocus_ && !v.busy) {
        refocus_ = false;
        if (v.message == ConsoleMessage::applicant_required) focus_ = Focus::name;
        if (v.message == ConsoleMessage::phone_invalid) focus_ = Focus::phone;
    }
    const Theme& t = ui.theme;
    Box body = content_box(ui);
    const std::string heading =
        ui.tr.format(TextId::receipt_form_heading, fmt::arg("number", v.number));
    label(ui, take_top(body, font_px(ui.fonts.heading), t.gap), heading,
          {ui.fonts.heading, t.colours.text, Align::left});

    Box list = body;
    Box fields = body;
    if (landscape(ui)) {
        // The procedures where the eye starts; the applicant beside them.
        const float w = std::min(t.dossier_fields_w, body.width() * 0.45F);
        fields.min.x = body.max.x - w;
        list.max.x = fields.min.x - 2 * t.gap;
    } else {
        fields = take_bottom(list, fields_height(ui, body.width()), 2 * t.gap);
    }
    draw_fields(ui, fields, v, out);
    draw_due(ui, take_bottom(list, due_height(ui, list.width()), t.gap), v);
    draw_procedures(ui, list, v, out);
    draw_footer(ui, view);
}

float DossierFormScreen::due_height(const UiFrame& ui, float width) {
    // The longest the band can say: a date with the longest weekday and many working days.
    DossierFormView longest;
    longest.due_state = FetchState::loaded;
    longest.due = LocalDateTime{2026, 12, 31, 4, 0, 0, 0};
    longest.procedures.push_back({"X", "X", 30, true, true});
    float h = 0;
    for (const FetchState s :
         {FetchState::none, FetchState::loading, FetchState::failed, FetchState::loaded}) {
        longest.due_state = s;
        h = std::max(h, notice_height(ui, width - ui.theme.gap, due_text(ui.tr, longest),
                                      ui.fonts.body_bold));
    }
    return h;
}

void DossierFormScreen::draw_due(UiFrame& ui, const Box& box, const DossierFormView& v) {
    band(ui, box, due_text(ui.tr, v), v.due_state == FetchState::failed);
}

void DossierFormScreen::draw_procedures(UiFrame& ui, Box box, const DossierFormView& v,
                                        ConsoleCommands& out) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    const float g = t.gap / 2;
    const Box head = take_top(box, font_px(ui.fonts.body_bold), g);
    label(ui, head, ui.tr(TextId::receipt_form_procedure),
          {ui.fonts.body_bold, c.text, Align::left});
    if (v.procedures.empty()) {
        if (v.procedures_state == FetchState::failed) {
            const std::string& failed = ui.tr(TextId::receipt_form_failed);
            label(ui, take_top(box, font_px(ui.fonts.body), t.gap), failed,
                  {ui.fonts.body, c.error_text, Align::left});
            const std::string& retry = ui.tr(TextId::receipt_form_retry);
            if (key_button(ui, "##procedures-retry",
                           take_top(box, t.touch_target)
                               .centred({key_button_width(ui, retry, ""), t.touch_target}),
                           retry, "", ButtonKind::secondary))
                out.emplace_back(console_cmd::RetryProcedures{});
        } else {
            label(ui, take_top(box, font_px(ui.fonts.body)), ui.tr(TextId::receipt_form_loading),
                  {ui.fonts.body, c.text_muted, Align::left});
        }
        return;
    }

    // As many buttons as fit, in pages when there are more (two columns when wide enough).
    const std::size_t n = v.procedures.size();
    const int cols = box.width() >= 2 * t.dossier_option_min_w + g ? 2 : 1;
    const auto rows_in = [&](float h) {
        return std::max(1, static_cast<int>(std::floor((h + g) / (t.touch_target + g))));
    };
    int rows = rows_in(box.height());
    std::size_t per_page = static_cast<std::size_t>(rows * cols);
    const bool paged = n > per_page;
    if (paged) {
        rows = rows_in(box.height() - t.touch_target - g);
        per_page = static_cast<std::size_t>(rows * cols);
    }
    const std::size_t pages = (n + per_page - 1) / per_page;
    page_ = std::min(page_, pages - 1);
    if (paged)
        label(ui, head,
              ui.tr.format(TextId::receipt_form_page, fmt::arg("page", page_ + 1),
                           fmt::arg("pages", pages)),
              {ui.fonts.body, c.text_muted, Align::right});

    const float col_w = (box.width() - static_cast<float>(cols - 1) * g) / static_cast<float>(cols);
    const float line_h = font_px(ui.fonts.body_bold);
    for (std::size_t i = page_ * per_page; i < std::min(n, (page_ + 1) * per_page); ++i) {
        const ProcedureOption& p = v.procedures[i];
        const std::size_t at = i - page_ * per_page;
        // Down the first column, then the second: the list reads in its order.
        const auto col = static_cast<float>(at / static_cast<std::size_t>(rows));
        const auto row = static_cast<float>(at % static_cast<std::size_t>(rows));
        const ImVec2 min{box.min.x + col * (col_w + g), box.min.y + row * (t.touch_target + g)};
        const Box b{min, {min.x + col_w, min.y + t.touch_target}};
        const std::string id = "##procedure-" + p.code;
        const Touch touch = touch_area(ui, id.c_str(), b, p.name, A11yRole::button, !v.busy);
        if (touch.tapped) {
            out.emplace_back(console_cmd::ChooseProcedure{p.code});
            if (name_[0] == '\0') focus_ = Focus::name;  // on to the applicant
        }
        ImU32 fill = p.chosen ? c.chosen_fill : c.card;
        if (touch.held) fill = c.secondary_pressed;
        if (v.busy) fill = c.disabled;
        ui.draw->AddRectFilled(b.min, b.max, fill, t.rounding);
        ui.draw->AddRect(b.min, b.max, p.chosen ? c.primary : c.rule, t.rounding, 0,
                         p.chosen ? 2 * t.border : t.border);
        // The ticket's own category is marked at the left edge.
        if (p.own_category)
            ui.draw->AddRectFilled({b.min.x, b.min.y + t.rounding},
                                   {b.min.x + 2 * t.border, b.max.y - t.rounding}, c.primary);
        const float text_w = b.width() - 2 * t.gap;
        std::vector<std::string> lines = wrap_lines(ui.fonts.body_bold, p.name, text_w);
        if (lines.size() > kOptionLines) {
            lines.resize(kOptionLines);
            lines.back() = fit_line(ui.fonts.body_bold, lines.back() + " …", text_w);
        }
        float y = b.centre().y - static_cast<float>(lines.size()) * line_h / 2;
        const ImU32 ink = v.busy ? c.disabled_text : c.secondary_text;
        for (const auto& line : lines) {
            ui.draw->AddText(ui.fonts.body_bold, line_h, {b.min.x + t.gap, y}, ink, line.c_str());
            y += line_h;
        }
    }
    if (!paged) return;
    const Box pager{{box.min.x, box.max.y - t.touch_target}, box.max};
    const std::string& prev = ui.tr(TextId::receipt_form_prev);
    const std::string& next = ui.tr(TextId::receipt_form_next);
    const float pw = key_button_width(ui, prev, "");
    const float nw = key_button_width(ui, next, "");
    if (key_button(ui, "##procedures-prev", Box{pager.min, {pager.min.x + pw, pager.max.y}}, prev,
                   "", ButtonKind::secondary, page_ > 0))
        --page_;
    if (key_button(ui, "##procedures-next", Box{{pager.max.x - nw, pager.min.y}, pager.max}, next,
                   "", ButtonKind::secondary, page_ + 1 < pages))
        ++page_;
}

void DossierFormScreen::draw_fields(UiFrame& ui, Box box, const DossierFormView& v,
                                    ConsoleCommands& out) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    const bool enabled = !v.busy;
    const float label_h = font_px(ui.fonts.body_bold);
    const auto field = [&](TextId name, const char* id, char* buffer, std::size_t size,
                           TextFilter filter, Focus mine) {
        label(ui, take_top(box, label_h, t.gap / 2), ui.tr(name),
              {ui.fonts.body_bold, c.text, Align::left});
        const Box fb = take_top(box, t.touch_target, t.gap);
        const bool focus = focus_ == mine;
        if (focus) focus_ = Focus::none;
        return text_field(ui, id, fb, ui.tr(name), buffer, size, false, focus, enabled, {}, filter);
    };
    // Enter in the name moves to the phone; Enter in the phone receives the dossier.
    if (field(TextId::receipt_form_name, "##applicant-name", name_.data(), name_.size(),
              TextFilter::any, Focus::name)
            .submitted)
        focus_ = Focus::phone;
    if (field(TextId::receipt_form_phone, "##applicant-phone", phone_.data(), phone_.size(),
              TextFilter::digits, Focus::phone)
            .submitted)
        confirm(out);

    const Box slot = take_top(box, console_message_slot(ui, box.width(), kLongDossierCode), t.gap);
    console_notice(ui, slot, v.busy, v.message, v.message_subject);
    const Box buttons = take_top(box, t.touch_target);
    const float w = (buttons.width() - t.gap) / 2;
    if (key_button(ui, "##dossier-back", Box{buttons.min, {buttons.min.x + w, buttons.max.y}},
                   ui.tr(TextId::common_back), kEscapeKey, ButtonKind::secondary, enabled))
        out.emplace_back(console_cmd::CancelDialog{});
    if (key_button(ui, "##dossier-confirm", Box{{buttons.max.x - w, buttons.min.y}, buttons.max},
                   ui.tr(TextId::receipt_form_confirm), "", ButtonKind::primary, enabled))
        confirm(out);
}

}  // namespace motcua::kiosk::ui
