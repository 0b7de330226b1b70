#include "kiosk/ui/shell/widgets.hpp"

#include <algorithm>
#include <cfloat>

namespace motcua::kiosk::ui {

namespace {

constexpr std::string_view kEllipsis = "…";
/// The tick of a check box, as fractions of its side: a short stroke down, a long one up.
const ImVec2 kTickStart{0.22F, 0.52F};
const ImVec2 kTickCorner{0.42F, 0.72F};
const ImVec2 kTickEnd{0.78F, 0.30F};

bool is_continuation_byte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U;
}

/// Byte length of the UTF-8 character starting at `s` (1 for a stray byte).
std::size_t char_length(std::string_view s) {
    std::size_t n = 1;
    while (n < s.size() && is_continuation_byte(s[n])) ++n;
    return n;
}

std::string_view trim_right(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.remove_suffix(1);
    return s;
}

A11yRect rect_of(const Box& box) {
    return {box.min.x, box.min.y, box.width(), box.height()};
}

/// Records an element only if some of it is on screen: the dump lists what a person sees.
/// Returns its index in the tree.
std::optional<std::size_t> record(UiFrame& ui, A11yRole role, std::string text, const Box& box,
                                  bool enabled, bool focused = false) {
    if (box.width() <= 0 || box.height() <= 0) return std::nullopt;
    if (box.max.x <= 0 || box.max.y <= 0 || box.min.x >= ui.display.x || box.min.y >= ui.display.y)
        return std::nullopt;
    ui.a11y.add(A11yElement{role, std::move(text), box.min.x, box.min.y, box.width(), box.height(),
                            enabled, focused});
    return ui.a11y.tree().elements.size() - 1;
}

/// An invisible ImGui button over `box` as a control: tapped, held, and what the guide makes of
/// it (keypad focus, guidance's first touch that only speaks).
Touch control(UiFrame& ui, const char* id, const Box& box, std::string speech, bool enabled) {
    ImGui::SetCursorScreenPos(box.min);
    const ImGuiID gid = ImGui::GetID(id);
    if (!enabled) ImGui::BeginDisabled();
    Touch t;
    bool touched = ImGui::InvisibleButton(id, box.size()) && enabled;
    t.held = enabled && ImGui::IsItemActive();
    // In guidance mode a disabled control still says what it is (and that it cannot be used).
    if (!enabled && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) &&
        ImGui::IsMouseReleased(ImGuiMouseButton_Left))
        touched = true;
    if (!enabled) ImGui::EndDisabled();
    if (ui.guide == nullptr) {
        t.tapped = touched && enabled;
        return t;
    }
    const ControlState s = ui.guide->control(gid, box.min, std::move(speech), enabled, touched);
    t.tapped = s.activate && enabled;
    t.focused = s.focused;
    return t;
}

float aligned_x(const Box& box, float width, Align align) {
    switch (align) {
        case Align::left:
            return box.min.x;
        case Align::centre:
            return box.min.x + (box.width() - width) / 2;
        case Align::right:
            return box.max.x - width;
    }
    return box.min.x;
}

}  // namespace

Box Box::centred(ImVec2 s) const {
    const ImVec2 c = centre();
    return {{c.x - s.x / 2, c.y - s.y / 2}, {c.x + s.x / 2, c.y + s.y / 2}};
}

void UiFrame::redraw_within(double seconds) {
    redraw_in_s = std::min(redraw_in_s, seconds);
}

float font_px(const ImFont* font) {
    return font->FontSize * font->Scale;
}

ImVec2 measure(const ImFont* font, std::string_view text) {
    return font->CalcTextSizeA(font_px(font), FLT_MAX, 0.0F, text.data(),
                               text.data() + text.size());
}

std::string fit_line(const ImFont* font, std::string_view text, float width) {
    if (measure(font, text).x <= width) return std::string(text);
    const float ellipsis = measure(font, kEllipsis).x;
    std::string_view head = text;
    while (!head.empty()) {
        // Drop one whole character from the end, never half of a Vietnamese letter.
        std::size_t cut = head.size() - 1;
        while (cut > 0 && is_continuation_byte(head[cut])) --cut;
        head = head.substr(0, cut);
        const std::string_view shown = trim_right(head);
        if (measure(font, shown).x + ellipsis <= width)
            return std::string(shown) + std::string(kEllipsis);
    }
    return std::string(kEllipsis);
}

std::vector<std::string> wrap_lines(const ImFont* font, std::string_view text, float width) {
    std::vector<std::string> lines;
    // ImGui's wrap finder runs through newlines, so each hard line is wrapped on its own.
    while (!text.empty()) {
        const auto nl = text.find('\n');
        const std::string_view hard = text.substr(0, nl);
        text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
        if (hard.empty()) {
            lines.emplace_back();
            continue;
        }
        const char* s = hard.data();
        const char* end = hard.data() + hard.size();
        while (s < end) {
            const char* brk = font->CalcWordWrapPositionA(font->Scale, s, end, width);
            if (brk <= s)
                brk = s + char_length(std::string_view(s, static_cast<std::size_t>(end - s)));
            lines.emplace_back(trim_right(std::string_view(s, static_cast<std::size_t>(brk - s))));
            s = brk;
            // Like ImGui's own wrapping: blanks at a break vanish.
            while (s < end && (*s == ' ' || *s == '\t')) ++s;
        }
    }
    return lines;
}

Box label(UiFrame& ui, const Box& box, std::string_view text, const TextStyle& style) {
    const std::string shown = fit_line(style.font, text, box.width());
    const ImVec2 size = measure(style.font, shown);
    const ImVec2 pos{aligned_x(box, size.x, style.align), box.min.y + (box.height() - size.y) / 2};
    ui.draw->AddText(style.font, font_px(style.font), pos, style.colour, shown.data(),
                     shown.data() + shown.size());
    const Box covered{pos, {pos.x + size.x, pos.y + size.y}};
    record(ui, A11yRole::text, shown, covered, true);
    return covered;
}

float paragraph_height(const ImFont* font, std::string_view text, float width) {
    return static_cast<float>(wrap_lines(font, text, width).size()) * font_px(font);
}

Box paragraph_box(const ImFont* font, std::string_view text, const Box& box, Align align) {
    float widest = 0;
    for (const auto& line : wrap_lines(font, text, box.width()))
        widest = std::max(widest, measure(font, line).x);
    // The longest word, whole: wrap_lines splits one that is wider than the box.
    std::string_view rest = text;
    while (!rest.empty()) {
        const auto end = rest.find_first_of(" \n");
        widest = std::max(widest, measure(font, rest.substr(0, end)).x);
        rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
    }
    const float x = aligned_x(box, widest, align);
    return {{x, box.min.y}, {x + widest, box.min.y + paragraph_height(font, text, box.width())}};
}

float paragraph(UiFrame& ui, const Box& box, std::string_view text, const TextStyle& style) {
    const auto lines = wrap_lines(style.font, text, box.width());
    const float line_h = font_px(style.font);
    float y = box.min.y;
    float left = box.max.x;
    float right = box.min.x;
    for (const auto& line : lines) {
        const float w = measure(style.font, line).x;
        const float x = aligned_x(box, w, style.align);
        ui.draw->AddText(style.font, line_h, {x, y}, style.colour, line.data(),
                         line.data() + line.size());
        left = std::min(left, x);
        right = std::max(right, x + w);
        y += line_h;
    }
    if (!lines.empty())
        record(ui, A11yRole::text, std::string(text), Box{{left, box.min.y}, {right, y}}, true);
    return y - box.min.y;
}

ImVec2 button_size(const UiFrame& ui, std::string_view text) {
    const float w = measure(ui.fonts.body_bold, text).x + 2 * ui.theme.button_padding_x;
    return {std::max(w, ui.theme.button_min_width), ui.theme.touch_target};
}

bool button(UiFrame& ui, const char* id, const Box& box, std::string_view text, ButtonKind kind,
            bool enabled) {
    const Theme& t = ui.theme;
    // Words for the guide only where one listens (citizen modes): no string per control per
    // frame on the officers' screens.
    const Touch touch =
        control(ui, id, box, ui.guide != nullptr ? std::string(text) : std::string(), enabled);
    const ImU32 ink = button_face(ui, box, kind, touch.held, enabled, t.border);
    if (touch.focused) focus_ring(ui, box);

    // At worst half the padding each side before the label is cut.
    const std::string shown = fit_line(ui.fonts.body_bold, text, box.width() - t.button_padding_x);
    const ImVec2 size = measure(ui.fonts.body_bold, shown);
    const ImVec2 pos{box.min.x + (box.width() - size.x) / 2,
                     box.min.y + (box.height() - size.y) / 2};
    ui.draw->AddText(ui.fonts.body_bold, font_px(ui.fonts.body_bold), pos, ink, shown.data(),
                     shown.data() + shown.size());
    if (const auto index = record(ui, A11yRole::button, shown, box, enabled, touch.focused))
        ui.a11y.extend_label_box(*index,
                                 rect_of(line_box(ui.fonts.body_bold, text, box, Align::centre)));
    return touch.tapped;
}

ImU32 button_face(UiFrame& ui, const Box& box, ButtonKind kind, bool held, bool enabled,
                  float border) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    const bool primary = kind == ButtonKind::primary;
    ImU32 fill = primary ? (held ? c.primary_pressed : c.primary)
                         : (held ? c.secondary_pressed : c.secondary);
    ImU32 ink = primary ? c.primary_text : c.secondary_text;
    if (!enabled) {
        fill = c.disabled;
        ink = c.disabled_text;
    }
    ui.draw->AddRectFilled(box.min, box.max, fill, t.rounding);
    // The primary fill stands out from the page by itself; its edge matters in high contrast.
    if (enabled)
        ui.draw->AddRect(box.min, box.max, primary ? c.primary_border : c.secondary_border,
                         t.rounding, 0, border);
    return ink;
}

void check_box(UiFrame& ui, const Box& box, bool checked) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    if (!checked) {
        ui.draw->AddRect(box.min, box.max, c.secondary_border, t.rounding / 2, 0, t.border);
        return;
    }
    ui.draw->AddRectFilled(box.min, box.max, c.primary, t.rounding / 2);
    const float s = box.width();
    const auto at = [&](ImVec2 f) { return ImVec2{box.min.x + f.x * s, box.min.y + f.y * s}; };
    const ImVec2 tick[] = {at(kTickStart), at(kTickCorner), at(kTickEnd)};
    ui.draw->AddPolyline(tick, 3, c.primary_text, 0, 2 * t.border);
}

ImVec2 toggle_button_size(const UiFrame& ui, std::string_view text, std::string_view state_on,
                          std::string_view state_off) {
    const Theme& t = ui.theme;
    float words = measure(ui.fonts.body_bold, text).x;
    if (!state_on.empty()) words = std::max(words, measure(ui.fonts.small, state_on).x);
    if (!state_off.empty()) words = std::max(words, measure(ui.fonts.small, state_off).x);
    return {2 * t.gap + t.switch_box + t.gap / 2 + words, t.touch_target};
}

namespace {

/// The space at which `text` breaks into the narrowest two lines no wider than `width`.
std::optional<std::size_t> balanced_break(const ImFont* font, std::string_view text, float width) {
    std::optional<std::size_t> best;
    float best_w = width;
    for (std::size_t at = text.find(' '); at != std::string_view::npos;
         at = text.find(' ', at + 1)) {
        const float w =
            std::max(measure(font, text.substr(0, at)).x, measure(font, text.substr(at + 1)).x);
        if (w <= best_w) {
            best_w = w;
            best = at;
        }
    }
    return best;
}

/// `text` on the two balanced lines that fit `width` ("Hướng dẫn / bằng giọng nói", not
/// "Hướng dẫn bằng giọng / nói"); as wrap_lines breaks it when no break fits.
std::vector<std::string> balanced_two_lines(const ImFont* font, std::string_view text,
                                            float width) {
    const auto at = balanced_break(font, text, width);
    if (!at) return wrap_lines(font, text, width);
    return {std::string(text.substr(0, *at)), std::string(text.substr(*at + 1))};
}

}  // namespace

float two_line_width(const ImFont* font, std::string_view text) {
    const auto at = balanced_break(font, text, FLT_MAX);
    if (!at) return measure(font, text).x;
    // A pixel more: wrapping at exactly this width must find the same break.
    return std::max(measure(font, text.substr(0, *at)).x, measure(font, text.substr(*at + 1)).x) +
           1;
}

bool toggle_button(UiFrame& ui, const char* id, const Box& box, std::string_view text, bool on,
                   std::string_view state) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    const Touch touch = touch_area(ui, id, box, text, A11yRole::button, true, on);
    ui.draw->AddRectFilled(box.min, box.max,
                           touch.held ? c.secondary_pressed
                           : on       ? c.chosen_fill
                                      : c.secondary,
                           t.rounding);
    ui.draw->AddRect(box.min, box.max, on ? c.primary : c.secondary_border, t.rounding, 0,
                     on ? 2 * t.border : t.border);
    const float side = t.switch_box;
    const Box mark{{box.min.x + t.gap, box.centre().y - side / 2},
                   {box.min.x + t.gap + side, box.centre().y + side / 2}};
    check_box(ui, mark, on);

    const Box words{{mark.max.x + t.gap / 2, box.min.y}, {box.max.x - t.gap, box.max.y}};
    // The name on one line, or two when the button is narrow (a footer short of width); never
    // cut: a name that needs more lines is drawn whole on one, and the a11y tree's label box
    // shows it does not fit (the large-text tests look for that).
    std::vector<std::string> lines = wrap_lines(ui.fonts.body_bold, text, words.width());
    if (lines.size() > 2) lines = {std::string(text)};
    if (lines.size() == 2) lines = balanced_two_lines(ui.fonts.body_bold, text, words.width());
    const float name_h = font_px(ui.fonts.body_bold);
    const float names_h = static_cast<float>(lines.size()) * name_h;
    // The state in words under the name when there is room; the tick says it anyway.
    const float state_h = font_px(ui.fonts.small);
    const bool with_state = !state.empty() && names_h + state_h <= box.height() - t.gap / 2;
    float y = box.centre().y - (names_h + (with_state ? state_h : 0)) / 2;
    Box name_box{{words.min.x, y}, {words.min.x, y}};
    for (const auto& line : lines) {
        const Box at = line_box(ui.fonts.body_bold, line,
                                Box{{words.min.x, y}, {words.max.x, y + name_h}}, Align::left);
        ui.draw->AddText(ui.fonts.body_bold, name_h, at.min, c.secondary_text, line.data(),
                         line.data() + line.size());
        name_box.max = {std::max(name_box.max.x, at.max.x), at.max.y};
        y += name_h;
    }
    report_label(ui, touch, name_box);
    // A single word wider than the button (split by wrap_lines) shows whole in the label box.
    report_label(ui, touch, paragraph_box(ui.fonts.body_bold, text, words, Align::left));
    if (with_state) {
        const Box state_at = line_box(
            ui.fonts.small, state, Box{{words.min.x, y}, {words.max.x, y + state_h}}, Align::left);
        ui.draw->AddText(ui.fonts.small, state_h, state_at.min, c.text_muted, state.data(),
                         state.data() + state.size());
        record_text(ui, state, state_at);
        report_label(ui, touch, state_at);
    }
    return touch.tapped;
}

Touch touch_area(UiFrame& ui, const char* id, const Box& box, std::string_view label, A11yRole role,
                 bool enabled, std::optional<bool> checked, std::string_view detail) {
    std::string speech;
    if (ui.guide != nullptr) {
        speech = label;
        if (checked) {
            // A reason is chosen or not; a switch is on or off.
            const bool box = role == A11yRole::checkbox;
            speech += ", " + ui.tr(*checked ? (box ? TextId::guide_checked : TextId::a11y_on)
                                            : (box ? TextId::guide_not_checked : TextId::a11y_off));
        }
        if (!detail.empty()) speech += ", " + std::string(detail);
    }
    Touch t = control(ui, id, box, std::move(speech), enabled);
    t.element = record(ui, role, std::string(label), box, enabled, t.focused);
    if (t.element && checked) ui.a11y.set_checked(*t.element, *checked);
    return t;
}

void report_label(UiFrame& ui, const Touch& touch, const Box& words) {
    if (touch.element) ui.a11y.extend_label_box(*touch.element, rect_of(words));
}

Box line_box(const ImFont* font, std::string_view text, const Box& box, Align align) {
    const ImVec2 size = measure(font, text);
    const ImVec2 pos{aligned_x(box, size.x, align), box.min.y + (box.height() - size.y) / 2};
    return {pos, {pos.x + size.x, pos.y + size.y}};
}

void focus_ring(UiFrame& ui, const Box& box) {
    // Drawn by the caller after its face: a band in the page's opposite outside a band of the
    // page's own colour, so it reads on the dark header, the light page and the black one alike.
    const Theme& t = ui.theme;
    const float w = std::max(2.0F, 2 * t.border);
    ui.draw->AddRect({box.min.x - 2 * w, box.min.y - 2 * w}, {box.max.x + 2 * w, box.max.y + 2 * w},
                     t.colours.focus_ring, t.rounding + 2 * w, 0, w);
    ui.draw->AddRect({box.min.x - w, box.min.y - w}, {box.max.x + w, box.max.y + w},
                     t.colours.focus_gap, t.rounding + w, 0, w);
}

void record_text(UiFrame& ui, std::string_view text, const Box& box) {
    record(ui, A11yRole::text, std::string(text), box, true);
}

void record_element(UiFrame& ui, A11yRole role, std::string_view label, const Box& box,
                    bool enabled) {
    record(ui, role, std::string(label), box, enabled);
}

bool long_press_area(UiFrame& ui, const char* id, const Box& box, float seconds) {
    ImGui::SetCursorScreenPos(box.min);
    ImGui::InvisibleButton(id, box.size());
    if (!ImGui::IsItemActive()) return false;
    ui.animating = true;  // time passes while held, with no input events to wake us
    const ImGuiIO& io = ImGui::GetIO();
    return io.MouseDownDurationPrev[0] < seconds && io.MouseDownDuration[0] >= seconds;
}

void status_dot(UiFrame& ui, ImVec2 centre, ImU32 colour) {
    ui.draw->AddCircleFilled(centre, ui.theme.status_dot, colour);
}

}  // namespace motcua::kiosk::ui
