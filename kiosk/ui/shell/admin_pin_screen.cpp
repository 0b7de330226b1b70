#include "kiosk/ui/shell/admin_pin_screen.hpp"

#include <algorithm>
#include <array>

namespace motcua::kiosk::ui {

namespace {

/// Longer than any sensible PIN; stops a stuck finger filling memory.
constexpr std::size_t kMaxPinLength = 12;
constexpr int kColumns = 3;
constexpr int kDigitRows = 3;
/// Key ids: digits as themselves; the bottom row is delete, 0, confirm.
constexpr char kDelete = '<';
constexpr char kConfirm = '=';
constexpr std::array<char, 12> kKeys{'1', '2', '3', '4',     '5', '6',
                                     '7', '8', '9', kDelete, '0', kConfirm};

}  // namespace

void AdminPinScreen::open(std::chrono::steady_clock::time_point now) {
    entry_.clear();
    message_ = Message::none;
    last_activity_ = now;
}

void AdminPinScreen::press(UiFrame& ui, char key) {
    last_activity_ = ui.steady_now;
    if (key == kDelete) {
        if (!entry_.empty()) entry_.pop_back();
    } else if (key == kConfirm) {
        submit(ui);
    } else if (entry_.size() < kMaxPinLength) {
        entry_.push_back(key);
        message_ = Message::none;
    }
}

void AdminPinScreen::submit(UiFrame& ui) {
    switch (gate_.check(entry_, ui.steady_now)) {
        case AdminPinGate::Verdict::accepted:
            ui.actions.emplace_back(ExitKiosk{});
            break;
        case AdminPinGate::Verdict::rejected:
            message_ = Message::wrong;
            break;
        case AdminPinGate::Verdict::locked_out:
            message_ = Message::locked;
            break;
        case AdminPinGate::Verdict::not_configured:
            break;
    }
    entry_.clear();
}

void AdminPinScreen::draw(UiFrame& ui, const ShellView& /*view*/) {
    ui.a11y.set_screen("admin_pin");
    const Theme& t = ui.theme;
    const Palette& c = t.colours;

    const double idle = std::chrono::duration<double>(ui.steady_now - last_activity_).count();
    if (idle >= t.admin_pin_idle_s) {
        ui.actions.emplace_back(CloseAdminPin{});
        return;
    }
    ui.redraw_within(t.admin_pin_idle_s - idle);

    const int lockout = gate_.lockout_seconds_left(ui.steady_now);
    if (lockout > 0) {
        message_ = Message::locked;
        ui.redraw_within(1.0);  // the countdown
    } else if (message_ == Message::locked) {
        message_ = Message::none;
    }
    const bool usable = gate_.configured() && lockout == 0;

    std::string message;
    if (!gate_.configured())
        message = ui.tr(TextId::admin_not_configured);
    else if (message_ == Message::wrong)
        message = ui.tr(TextId::admin_wrong);
    else if (message_ == Message::locked)
        message = ui.tr.format(TextId::admin_locked, fmt::arg("seconds", lockout));

    // One centred column: title, masked entry, message, keypad, cancel.
    const float pad_w = kColumns * t.pin_key_w + (kColumns - 1) * t.gap;
    const float col_w = std::min(ui.display.x - 2 * t.margin, std::max(pad_w, t.content_max_width));
    const float title_h = paragraph_height(ui.fonts.heading, ui.tr(TextId::admin_pin_title), col_w);
    const float message_h = paragraph_height(ui.fonts.body, message.empty() ? " " : message, col_w);
    const float keys_h = (kDigitRows + 1) * t.pin_key_h + kDigitRows * t.gap;
    const float total = title_h + t.gap + t.touch_target + t.gap + message_h + t.gap + keys_h +
                        t.gap * 2 + t.touch_target;
    const float left = (ui.display.x - col_w) / 2;
    float y = std::max(t.margin, (ui.display.y - total) / 2);

    y += paragraph(ui, Box{{left, y}, {left + col_w, y + title_h}}, ui.tr(TextId::admin_pin_title),
                   {ui.fonts.heading, c.text, Align::centre});
    y += t.gap;

    // The entry shows dots only; its a11y label names the field, never the digits.
    const float pad_left = (ui.display.x - pad_w) / 2;
    const Box entry{{pad_left, y}, {pad_left + pad_w, y + t.touch_target}};
    ui.draw->AddRectFilled(entry.min, entry.max, c.card, t.rounding);
    ui.draw->AddRect(entry.min, entry.max, c.rule, t.rounding, 0, t.border);
    const float dots_w = static_cast<float>(entry_.size()) * 3 * t.pin_dot;
    for (std::size_t i = 0; i < entry_.size(); ++i) {
        const float x =
            entry.centre().x - dots_w / 2 + (static_cast<float>(i) * 3 + 1.5F) * t.pin_dot;
        ui.draw->AddCircleFilled({x, entry.centre().y}, t.pin_dot, c.text);
    }
    ui.a11y.add(A11yElement{A11yRole::textbox, ui.tr(TextId::admin_pin_label), entry.min.x,
                            entry.min.y, entry.width(), entry.height(), usable});
    y += t.touch_target + t.gap;

    if (!message.empty())
        paragraph(ui, Box{{left, y}, {left + col_w, y + message_h}}, message,
                  {ui.fonts.body, c.error_text, Align::centre});
    y += message_h + t.gap;

    for (std::size_t i = 0; i < kKeys.size(); ++i) {
        const char key = kKeys.at(i);
        const int column_index = static_cast<int>(i) % kColumns;
        const int row_index = static_cast<int>(i) / kColumns;
        const auto col = static_cast<float>(column_index);
        const auto row = static_cast<float>(row_index);
        const ImVec2 min{pad_left + col * (t.pin_key_w + t.gap), y + row * (t.pin_key_h + t.gap)};
        const Box box{min, {min.x + t.pin_key_w, min.y + t.pin_key_h}};
        const std::string id = std::string("##pin-") + key;
        std::string text(1, key);
        bool enabled = usable && entry_.size() < kMaxPinLength;
        ButtonKind kind = ButtonKind::secondary;
        if (key == kDelete) {
            text = ui.tr(TextId::admin_delete);
            enabled = usable && !entry_.empty();
        } else if (key == kConfirm) {
            text = ui.tr(TextId::admin_confirm);
            enabled = usable && !entry_.empty();
            kind = ButtonKind::primary;
        }
        if (button(ui, id.c_str(), box, text, kind, enabled)) press(ui, key);
    }
    y += keys_h + 2 * t.gap;

    const Box cancel{{pad_left, y}, {pad_left + pad_w, y + t.touch_target}};
    if (button(ui, "##pin-cancel", cancel, ui.tr(TextId::admin_cancel), ButtonKind::secondary))
        ui.actions.emplace_back(CloseAdminPin{});
}

}  // namespace motcua::kiosk::ui
