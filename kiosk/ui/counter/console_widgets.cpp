#include "kiosk/ui/counter/console_widgets.hpp"

#include <algorithm>
#include <string>

#include "kiosk/ui/citizen/citizen_layout.hpp"
#include "kiosk/ui/counter/console_text.hpp"

namespace motcua::kiosk::ui {

namespace {

/// ImGui's character filter: 1 drops the character. Digits only, for a phone number (ImGui's own
/// CharsDecimal would let '.', '+', '-', '*' and '/' through).
int digits_only(ImGuiInputTextCallbackData* data) {
    return data->EventChar >= '0' && data->EventChar <= '9' ? 0 : 1;
}

}  // namespace

TextFieldState text_field(UiFrame& ui, const char* id, const Box& box, std::string_view label,
                          char* buffer, std::size_t size, bool password, bool focus, bool enabled,
                          std::string_view hint, TextFilter filter) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    ImFont* font = ui.fonts.body;
    const float text_h = font_px(font);
    ImGui::SetCursorScreenPos(box.min);
    ImGui::PushFont(font);
    // The field is exactly `box`: the padding centres one line of text in it.
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(t.gap, std::max(0.0F, (box.height() - text_h) / 2)));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, t.rounding);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, t.border);
    const ImVec4 field = ImGui::ColorConvertU32ToFloat4(c.field);
    ImGui::PushStyleColor(ImGuiCol_FrameBg, field);
    ImGui::PushStyleColor(ImGuiCol_FrameBgHovered, field);
    ImGui::PushStyleColor(ImGuiCol_FrameBgActive, field);
    ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(c.field_border));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(c.text));
    ImGui::PushStyleColor(ImGuiCol_TextSelectedBg,
                          ImGui::ColorConvertU32ToFloat4(c.field_selection));
    ImGui::SetNextItemWidth(box.width());
    if (focus && enabled) ImGui::SetKeyboardFocusHere();
    if (!enabled) ImGui::BeginDisabled();
    ImGuiInputTextFlags flags = ImGuiInputTextFlags_EnterReturnsTrue;
    if (password) flags |= ImGuiInputTextFlags_Password;
    ImGuiInputTextCallback callback = nullptr;
    if (filter == TextFilter::digits) {
        flags |= ImGuiInputTextFlags_CallbackCharFilter;
        callback = digits_only;
    }
    if (filter == TextFilter::uppercase) flags |= ImGuiInputTextFlags_CharsUppercase;
    ImGui::PushStyleColor(ImGuiCol_TextDisabled, ImGui::ColorConvertU32ToFloat4(c.text_muted));
    TextFieldState out;
    const std::string hint_text(hint);
    out.submitted = (hint.empty() ? ImGui::InputText(id, buffer, size, flags, callback)
                                  : ImGui::InputTextWithHint(id, hint_text.c_str(), buffer, size,
                                                             flags, callback)) &&
                    enabled;
    out.active = ImGui::IsItemActive();
    if (!enabled) ImGui::EndDisabled();
    ImGui::PopStyleColor(7);
    ImGui::PopStyleVar(3);
    ImGui::PopFont();
    // The field with the keyboard says so the way a touch button says it is held.
    if (out.active) ui.draw->AddRect(box.min, box.max, c.primary, t.rounding, 0, 2 * t.border);
    record_element(ui, A11yRole::textbox, label, box, enabled);
    return out;
}

float key_button_width(const UiFrame& ui, std::string_view text, std::string_view key) {
    const Theme& t = ui.theme;
    float w = measure(ui.fonts.body_bold, text).x + 2 * t.button_padding_x;
    if (!key.empty()) w += t.key_cap_w + t.gap;
    return std::max(w, t.button_min_width);
}

bool key_button(UiFrame& ui, const char* id, const Box& box, std::string_view text,
                std::string_view key, ButtonKind kind, bool enabled) {
    const Theme& t = ui.theme;
    // The label is cut exactly as drawn: the dump lists what a person sees.
    const float text_w = box.width() - 2 * t.gap - (key.empty() ? 0 : t.key_cap_w + t.gap);
    const std::string shown = fit_line(ui.fonts.body_bold, text, text_w);
    const Touch touch = touch_area(ui, id, box, with_key(shown, key), A11yRole::button, enabled);
    const ImU32 ink = button_face(ui, box, kind, touch.held, enabled, t.border);

    float text_left = box.min.x + t.gap;
    if (!key.empty()) {
        // The key's name on a plate, like the key cap the officer's finger looks for.
        const Box plate{{box.min.x + t.gap, box.centre().y - t.key_cap_h / 2},
                        {box.min.x + t.gap + t.key_cap_w, box.centre().y + t.key_cap_h / 2}};
        ui.draw->AddRect(plate.min, plate.max, ink, t.rounding / 2, 0, t.border);
        const ImVec2 ks = measure(ui.fonts.small, key);
        ui.draw->AddText(ui.fonts.small, font_px(ui.fonts.small),
                         {plate.centre().x - ks.x / 2, plate.centre().y - ks.y / 2}, ink,
                         key.data(), key.data() + key.size());
        text_left = plate.max.x + t.gap;
    }
    const Box text_box{{text_left, box.min.y}, {box.max.x - t.gap, box.max.y}};
    const ImVec2 size = measure(ui.fonts.body_bold, shown);
    ui.draw->AddText(ui.fonts.body_bold, font_px(ui.fonts.body_bold),
                     {text_box.centre().x - size.x / 2, text_box.centre().y - size.y / 2}, ink,
                     shown.c_str());
    return touch.tapped;
}

float console_message_slot(const UiFrame& ui, float width, const std::string& subject) {
    float h = notice_height(ui, width, ui.tr(TextId::console_sending), ui.fonts.body);
    for (std::size_t i = 1; i < EnumNames<ConsoleMessage>::names.size(); ++i) {
        const auto m = EnumNames<ConsoleMessage>::names.at(i).first;
        const std::string text = console_message_text(ui.tr, m, subject, "Địa chính - Xây dựng");
        h = std::max(h, notice_height(ui, width, text, ui.fonts.body));
    }
    return h;
}

void console_notice(UiFrame& ui, const Box& box, bool sending, ConsoleMessage message,
                    const std::string& subject, const std::string& detail) {
    if (sending) {
        notice(ui, box, ui.tr(TextId::console_sending), NoticeKind::info, ui.fonts.body);
        return;
    }
    if (message == ConsoleMessage::none) return;
    notice(ui, box, console_message_text(ui.tr, message, subject, detail),
           is_failure(message) ? NoticeKind::error : NoticeKind::info, ui.fonts.body);
}

}  // namespace motcua::kiosk::ui
