#include "kiosk/ui/citizen/ticket_issued_screen.hpp"

#include <algorithm>

#include "kiosk/ui/shell/qr_view.hpp"
#include "kiosk/ui/shell/shell_chrome.hpp"
#include "motcua/vietnamese.hpp"

namespace motcua::kiosk::ui {

namespace {

/// Share of a landscape screen's width given to the number's card.
constexpr float kCardShare = 0.46F;
/// The smallest share of its size the QR code gives up height to (still read by phones).
constexpr float kQrLeast = 0.6F;

}  // namespace

std::string issued_counters_text(const Translator& tr, const TicketIssuedView& v) {
    if (v.counters.empty()) return {};
    std::string list;
    for (int n : v.counters) list += (list.empty() ? "" : ", ") + std::to_string(n);
    return tr.format(TextId::issued_counters, fmt::arg("counters", list));
}

std::string issued_ahead_text(const Translator& tr, const TicketIssuedView& v) {
    // A booking is called at its time, not after those ahead of it.
    if (v.appointment_start) return tr(TextId::issued_appointment_note);
    if (v.waiting_ahead == 0) return tr(TextId::issued_ahead_none);
    return tr.format(TextId::issued_ahead, fmt::arg("ahead", v.waiting_ahead));
}

std::string issued_estimate_text(const Translator& tr, const TicketIssuedView& v) {
    if (v.appointment_start) return {};
    if (v.wait.kind == api::WaitMinutes::Kind::soon) return tr(TextId::issued_estimate_none);
    return tr.format(TextId::issued_estimate, fmt::arg("wait", wait_text(tr, v.wait)));
}

float TicketIssuedScreen::card_height(const UiFrame& ui, float width,
                                      const TicketIssuedView& v) const {
    const Theme& t = ui.theme;
    const float inner = width - 4 * t.gap;
    float h = 2 * t.gap + font_px(ui.fonts.heading) + font_px(ui.fonts.huge) +
              paragraph_height(ui.fonts.heading, v.category_name, inner) + 2 * t.gap;
    if (v.priority_name) h += font_px(ui.fonts.body_bold) + t.gap / 2;
    if (v.appointment_start) h += font_px(ui.fonts.heading) + t.gap / 2;
    if (v.remember_number)
        h += t.gap + notice_height(ui, inner, ui.tr(TextId::issued_remember), ui.fonts.heading);
    return h;
}

void TicketIssuedScreen::draw_card(UiFrame& ui, const Box& box, const TicketIssuedView& v) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    ui.draw->AddRectFilled(box.min, box.max, c.card, t.rounding);
    ui.draw->AddRect(box.min, box.max, c.rule, t.rounding, 0, t.border);
    // The content centred in the card, however tall the card is.
    const float content = card_height(ui, box.width(), v) - 4 * t.gap;
    const float top = std::max(box.min.y + 2 * t.gap, box.centre().y - content / 2);
    Box in{{box.min.x + 2 * t.gap, top}, {box.max.x - 2 * t.gap, top + content}};
    label(ui, take_top(in, font_px(ui.fonts.heading)), ui.tr(TextId::issued_your_number),
          {ui.fonts.heading, c.text_muted, Align::centre});
    label(ui, take_top(in, font_px(ui.fonts.huge)), v.number,
          {ui.fonts.huge, c.primary, Align::centre});
    const float cat_h = paragraph_height(ui.fonts.heading, v.category_name, in.width());
    paragraph(ui, take_top(in, cat_h, t.gap / 2), v.category_name,
              {ui.fonts.heading, c.text, Align::centre});
    if (v.priority_name)
        label(ui, take_top(in, font_px(ui.fonts.body_bold)),
              ui.tr.format(TextId::ticket_priority_chosen, fmt::arg("reason", *v.priority_name)),
              {ui.fonts.body_bold, c.secondary_text, Align::centre});
    if (v.appointment_start)
        label(ui, take_top(in, font_px(ui.fonts.heading)),
              ui.tr.format(TextId::issued_appointment, fmt::arg("start", *v.appointment_start)),
              {ui.fonts.heading, c.secondary_text, Align::centre});
    if (v.remember_number) {
        const std::string& text = ui.tr(TextId::issued_remember);
        const float h = notice_height(ui, in.width(), text, ui.fonts.heading);
        notice(ui, take_bottom(in, h), text, NoticeKind::error, ui.fonts.heading);
    }
}

float TicketIssuedScreen::details_height(const UiFrame& ui, float width, const TicketIssuedView& v,
                                         bool with_qr) const {
    const Theme& t = ui.theme;
    const float line_h = font_px(ui.fonts.body) + t.gap / 2;
    const float lines = (v.counters.empty() ? 2 : 3) * line_h + t.gap;
    const float qr = with_qr ? t.qr_side + t.gap : 0;
    return lines + qr +
           notice_height(ui, width, ui.tr(TextId::issued_print_failed), ui.fonts.body_bold);
}

void TicketIssuedScreen::draw_details(UiFrame& ui, const Box& box, const TicketIssuedView& v,
                                      const QrMatrix* qr) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    Box rest = box;
    const float line_h = font_px(ui.fonts.body) + t.gap / 2;
    if (!v.counters.empty())
        label(ui, take_top(rest, line_h), issued_counters_text(ui.tr, v),
              {ui.fonts.body_bold, c.text, Align::left});
    label(ui, take_top(rest, line_h), issued_ahead_text(ui.tr, v),
          {ui.fonts.body, c.text, Align::left});
    if (const std::string estimate = issued_estimate_text(ui.tr, v); !estimate.empty())
        label(ui, take_top(rest, line_h, t.gap), estimate, {ui.fonts.body, c.text, Align::left});
    else
        rest.min.y += t.gap;

    // The print notice always shows; the QR code gives up height for it when the column is
    // short (large text), down to a size phones still read, or stays off the screen (the slip
    // carries it too) when even that is too tall.
    const float notice_h =
        notice_height(ui, rest.width(), ui.tr(TextId::issued_print_failed), ui.fonts.body_bold);
    const float qr_room = rest.height() - t.gap - notice_h;
    const float qr_side = std::min(t.qr_side, qr_room);
    if (qr != nullptr && qr_side >= t.qr_side * kQrLeast) {
        const Box row = take_top(rest, qr_side, t.gap);
        const Box code = draw_qr(ui.draw, Box{row.min, {row.min.x + qr_side, row.max.y}}, *qr, c);
        const std::string& text = ui.tr(TextId::issued_qr_caption);
        const float w = balanced_width(ui.fonts.body, text, row.max.x - code.max.x - t.gap);
        const float h = paragraph_height(ui.fonts.body, text, w);
        const float x = code.max.x + t.gap;
        paragraph(ui, Box{{x, row.centre().y - h / 2}, {x + w, row.centre().y + h / 2}}, text,
                  {ui.fonts.body, c.text_muted, Align::left});
    }

    switch (v.print) {
        case PrintState::printing:
            notice(ui, rest, ui.tr(TextId::issued_printing), NoticeKind::info, ui.fonts.body_bold);
            break;
        case PrintState::printed:
            notice(ui, rest, ui.tr(TextId::issued_printed), NoticeKind::info, ui.fonts.body_bold);
            break;
        case PrintState::failed:
            notice(ui, rest, ui.tr(TextId::issued_print_failed), NoticeKind::error,
                   ui.fonts.body_bold);
            break;
        case PrintState::none:
            paragraph(ui, rest, ui.tr(TextId::issued_no_printer),
                      {ui.fonts.body, c.text_muted, Align::left});
            break;
    }
}

std::string issued_speech(const Translator& tr, const TicketIssuedView& v) {
    // The number as a caller reads it: "a mười hai"; in English letter by letter, "A 0 1 2".
    std::string number;
    if (tr.language() == Language::vi) {
        number = vi::read_ticket_number(v.number);
    } else {
        for (const char ch : v.number) {
            if (!number.empty()) number += ' ';
            number += ch;
        }
    }
    std::string out = tr.format(TextId::guide_issued, fmt::arg("number", number));
    for (const std::string& part :
         {issued_ahead_text(tr, v), issued_estimate_text(tr, v), issued_counters_text(tr, v)})
        if (!part.empty()) out += " " + part + ".";
    if (v.appointment_start)
        out += " " +
               tr.format(TextId::issued_appointment, fmt::arg("start", *v.appointment_start)) + ".";
    return out + " " + tr(TextId::guide_issued_wait);
}

void TicketIssuedScreen::draw(UiFrame& ui, const ShellView& view, const TicketIssuedView& v,
                              const QrMatrix* qr, Commands& out) {
    ui.a11y.set_screen("ticket_issued");
    ui.intro = issued_speech(ui.tr, v);
    draw_header(ui, view, ui.tr(TextId::mode_ticket_title));
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    Box body = content_box(ui);

    // Bottom row: the countdown and "Xong".
    const std::string& done = ui.tr(TextId::issued_done);
    const Box bottom = take_bottom(body, t.touch_target, 2 * t.gap);
    const float done_w = std::max(button_size(ui, done).x, 1.5F * t.button_min_width);
    const Box done_box{{bottom.max.x - done_w, bottom.min.y}, bottom.max};
    if (button(ui, "##done", done_box, done, ButtonKind::primary))
        out.emplace_back(cmd::FinishTicket{});
    label(ui, Box{bottom.min, {done_box.min.x - t.gap, bottom.max.y}},
          ui.tr.format(TextId::issued_countdown, fmt::arg("seconds", v.seconds_left)),
          {ui.fonts.body, c.text_muted, Align::right});

    if (landscape(ui)) {
        // The card takes the column's full height; the details sit beside it from the top.
        const float card_w = body.width() * kCardShare;
        draw_card(ui, Box{body.min, {body.min.x + card_w, body.max.y}}, v);
        draw_details(ui, Box{{body.min.x + card_w + 2 * t.gap, body.min.y}, body.max}, v, qr);
    } else {
        // Card and details as one block, centred in the height above "Xong".
        const float card_h = std::min(body.height(), card_height(ui, body.width(), v));
        const float block = card_h + 2 * t.gap + details_height(ui, body.width(), v, qr != nullptr);
        body.min.y += std::max(0.0F, (body.height() - block) / 2);
        draw_card(ui, take_top(body, card_h, 2 * t.gap), v);
        draw_details(ui, body, v, qr);
    }
    draw_footer(ui, view);
}

}  // namespace motcua::kiosk::ui
