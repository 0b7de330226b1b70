#include "kiosk/ui/counter/dossier_return_screen.hpp"

#include <algorithm>
#include <utility>

#include "kiosk/ui/citizen/citizen_layout.hpp"
#include "kiosk/ui/counter/console_text.hpp"
#include "kiosk/ui/counter/console_widgets.hpp"
#include "kiosk/ui/shell/shell_chrome.hpp"

namespace motcua::kiosk::ui {

namespace {

/// The field's hint: what a code looks like.
constexpr const char* kExampleCode = "000.17.22.H56-261123-0007";
constexpr std::string_view kEnterKey = "Enter";

}  // namespace

void DossierReturnScreen::draw(UiFrame& ui, const ShellView& view, const std::string& title,
                               const DossierReturnView& v, ConsoleCommands& out) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    ui.a11y.set_screen("counter_return");
    draw_header(ui, view, title);
    if (v.serial != serial_) {
        serial_ = v.serial;
        code_.fill('\0');
        focus_ = true;  // a scanner types into the field at once
    }
    // After a refusal the code stays, to be corrected, and the field takes the keyboard again.
    if (refocus_ && !v.busy) {
        refocus_ = false;
        focus_ = true;
    }

    const Box body = content_box(ui);
    const float w = std::min(body.width(), t.field_w);
    const std::string heading =
        ui.tr.format(TextId::receipt_return_heading, fmt::arg("number", v.number));
    const std::string& note = ui.tr(TextId::receipt_return_note);
    const float head_h = heading_block_height(ui, w, heading, note);
    const float label_h = font_px(ui.fonts.body_bold);
    const float slot_h = console_message_slot(ui, w, kLongDossierCode);
    const float block = head_h + 2 * t.gap + label_h + t.gap / 2 + t.touch_target + t.gap + slot_h +
                        t.gap + t.touch_target;
    const float left = body.centre().x - w / 2;
    Box col{{left, body.min.y + std::max(0.0F, (body.height() - block) / 2)},
            {left + w, body.max.y}};
    heading_block(ui, take_top(col, head_h, 2 * t.gap), heading, note);

    const std::string& name = ui.tr(TextId::receipt_return_code);
    label(ui, take_top(col, label_h, t.gap / 2), name, {ui.fonts.body_bold, c.text, Align::left});
    const bool focus = std::exchange(focus_, false);
    const bool enabled = !v.busy;
    const TextFieldState field =
        text_field(ui, "##dossier-code", take_top(col, t.touch_target, t.gap), name, code_.data(),
                   code_.size(), false, focus, enabled, kExampleCode, TextFilter::uppercase);

    console_notice(ui, take_top(col, slot_h, t.gap), v.busy, v.message, v.message_subject);

    const Box buttons = take_top(col, t.touch_target);
    const float bw = (buttons.width() - t.gap) / 2;
    if (key_button(ui, "##return-back", Box{buttons.min, {buttons.min.x + bw, buttons.max.y}},
                   ui.tr(TextId::common_back), kEscapeKey, ButtonKind::secondary, enabled))
        out.emplace_back(console_cmd::CancelDialog{});
    const bool confirm =
        key_button(ui, "##return-confirm", Box{{buttons.max.x - bw, buttons.min.y}, buttons.max},
                   ui.tr(TextId::receipt_return_confirm), kEnterKey, ButtonKind::primary, enabled);
    if (confirm || field.submitted) {
        out.emplace_back(console_cmd::ConfirmReturn{code_.data()});
        refocus_ = true;
    }
}

}  // namespace motcua::kiosk::ui
