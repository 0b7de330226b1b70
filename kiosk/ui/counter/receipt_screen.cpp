#include "kiosk/ui/counter/receipt_screen.hpp"

#include <algorithm>

#include "kiosk/core/citizen/lookup_views.hpp"
#include "kiosk/ui/citizen/citizen_layout.hpp"
#include "kiosk/ui/counter/console_text.hpp"
#include "kiosk/ui/counter/console_widgets.hpp"
#include "kiosk/ui/shell/shell_chrome.hpp"

namespace motcua::kiosk::ui {

namespace {

constexpr std::string_view kEnterKey = "Enter";

}  // namespace

std::string receipt_print_text(const Translator& tr, ReceiptPrint print,
                               const std::string& printer) {
    switch (print) {
        case ReceiptPrint::no_printer:
            return tr(TextId::receipt_no_printer);
        case ReceiptPrint::printing:
            return tr(TextId::receipt_printing);
        case ReceiptPrint::printed:
            return tr(TextId::receipt_printed);
        case ReceiptPrint::download_failed:
            return tr(TextId::receipt_download_failed);
        case ReceiptPrint::printer_failed:
            break;
    }
    return tr.format(TextId::receipt_print_failed, fmt::arg("printer", printer));
}

float ReceiptScreen::card_height(const UiFrame& ui, float width, const ReceiptView& v) const {
    const Theme& t = ui.theme;
    const float inner = width - 4 * t.gap;
    float h = 2 * t.gap + font_px(ui.fonts.body) + font_px(ui.fonts.title) + t.gap +
              font_px(ui.fonts.heading) + t.gap;
    h += paragraph_height(
        ui.fonts.body, ui.tr.format(TextId::receipt_procedure, fmt::arg("name", v.procedure_name)),
        inner);
    if (!v.applicant.empty()) h += t.gap / 2 + font_px(ui.fonts.body);
    return h + 2 * t.gap;
}

void ReceiptScreen::draw_card(UiFrame& ui, const Box& box, const ReceiptView& v) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    ui.draw->AddRectFilled(box.min, box.max, c.card, t.rounding);
    ui.draw->AddRect(box.min, box.max, c.rule, t.rounding, 0, t.border);
    Box in{{box.min.x + 2 * t.gap, box.min.y + 2 * t.gap}, {box.max.x - 2 * t.gap, box.max.y}};
    label(ui, take_top(in, font_px(ui.fonts.body)), ui.tr(TextId::receipt_code),
          {ui.fonts.body, c.text_muted, Align::centre});
    // The code as the citizen will read it on the receipt, and the officer aloud.
    label(ui, take_top(in, font_px(ui.fonts.title), t.gap), v.code,
          {ui.fonts.title, c.number, Align::centre});
    label(ui, take_top(in, font_px(ui.fonts.heading), t.gap),
          ui.tr.format(TextId::receipt_due, fmt::arg("date", format_date(ui.tr, v.due))),
          {ui.fonts.heading, c.text, Align::centre});
    const std::string procedure =
        ui.tr.format(TextId::receipt_procedure, fmt::arg("name", v.procedure_name));
    const float ph = paragraph_height(ui.fonts.body, procedure, in.width());
    paragraph(ui, take_top(in, ph, t.gap / 2), procedure, {ui.fonts.body, c.text, Align::centre});
    if (!v.applicant.empty())
        label(ui, take_top(in, font_px(ui.fonts.body)),
              ui.tr.format(TextId::receipt_applicant, fmt::arg("name", v.applicant)),
              {ui.fonts.body, c.text_muted, Align::centre});
}

void ReceiptScreen::draw(UiFrame& ui, const ShellView& view, const std::string& title,
                         const ReceiptView& v, const std::string& printer, ConsoleCommands& out) {
    const Theme& t = ui.theme;
    ui.a11y.set_screen("counter_receipt");
    draw_header(ui, view, title);
    const Box body = content_box(ui);
    const float w = std::min(body.width(), t.content_max_width);
    const std::string heading = ui.tr.format(TextId::receipt_heading, fmt::arg("number", v.number));
    const std::string print = receipt_print_text(ui.tr, v.print, printer);
    // Room for the longest print line, so the buttons never move when printing ends.
    float print_h = 0;
    for (const ReceiptPrint p :
         {ReceiptPrint::no_printer, ReceiptPrint::printing, ReceiptPrint::printed,
          ReceiptPrint::download_failed, ReceiptPrint::printer_failed})
        print_h = std::max(
            print_h, notice_height(ui, w, receipt_print_text(ui.tr, p, printer), ui.fonts.body));
    const float head_h = font_px(ui.fonts.heading);
    const float card_h = card_height(ui, w, v);
    const float block = head_h + t.gap + card_h + t.gap + print_h + t.gap + t.touch_target;
    const float left = body.centre().x - w / 2;
    Box col{{left, body.min.y + std::max(0.0F, (body.height() - block) / 2)},
            {left + w, body.max.y}};
    label(ui, take_top(col, head_h, t.gap), heading,
          {ui.fonts.heading, t.colours.online, Align::centre});
    draw_card(ui, take_top(col, card_h, t.gap), v);
    const bool failed =
        v.print == ReceiptPrint::printer_failed || v.print == ReceiptPrint::download_failed;
    notice(ui, take_top(col, print_h, t.gap), print, failed ? NoticeKind::error : NoticeKind::info,
           ui.fonts.body);

    // In lại · Gọi tiếp (F1) · Xong (Enter)
    const Box row = take_top(col, t.touch_target);
    const float bw = (row.width() - 2 * t.gap) / 3;
    const auto at = [&](int i) {
        const float x = row.min.x + static_cast<float>(i) * (bw + t.gap);
        return Box{{x, row.min.y}, {x + bw, row.max.y}};
    };
    if (key_button(ui, "##reprint", at(0), ui.tr(TextId::receipt_reprint), "",
                   ButtonKind::secondary, v.can_reprint))
        out.emplace_back(console_cmd::Reprint{});
    if (key_button(ui, "##receipt-call", at(1), ui.tr(TextId::action_call_next), "F1",
                   ButtonKind::secondary, v.can_call_next))
        out.emplace_back(console_cmd::CallNext{});
    const bool enter = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                       ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false);
    if (key_button(ui, "##receipt-done", at(2), ui.tr(TextId::receipt_done), kEnterKey,
                   ButtonKind::primary) ||
        enter)
        out.emplace_back(console_cmd::CloseReceipt{});
    draw_footer(ui, view);
}

}  // namespace motcua::kiosk::ui
