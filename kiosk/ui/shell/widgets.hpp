#pragma once
/// Kiosk widgets: big touch buttons and text that record themselves for the a11y dump.
#include <imgui.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "kiosk/core/shell/key_press.hpp"
#include "kiosk/ui/shell/a11y.hpp"
#include "kiosk/ui/shell/fonts.hpp"
#include "kiosk/ui/shell/guide.hpp"
#include "kiosk/ui/shell/theme.hpp"
#include "kiosk/ui/shell/translations.hpp"
#include "motcua/time.hpp"

namespace motcua::kiosk::ui {

/// An axis-aligned rectangle in window pixels.
struct Box {
    ImVec2 min;
    ImVec2 max;

    [[nodiscard]] float width() const { return max.x - min.x; }
    [[nodiscard]] float height() const { return max.y - min.y; }
    [[nodiscard]] ImVec2 size() const { return {width(), height()}; }
    [[nodiscard]] ImVec2 centre() const { return {(min.x + max.x) / 2, (min.y + max.y) / 2}; }
    /// Same centre, given size.
    [[nodiscard]] Box centred(ImVec2 size) const;
    /// Shrunk by `d` on every side.
    [[nodiscard]] Box inset(float d) const {
        return {{min.x + d, min.y + d}, {max.x - d, max.y - d}};
    }
};

// ---- what screens ask the app to do
// ---------------------------------------------------------------
struct ToggleLanguage {};
struct OpenAdminPin {};
struct CloseAdminPin {};
/// The admin PIN was accepted: leave kiosk mode (quit).
struct ExitKiosk {};
/// A citizen's visit ended: back to the kiosk's own language, and to the default theme, text
/// size and no voice guidance, for the next one (DESIGN.md §13).
struct ResetLanguage {};
/// The accessibility switches on every citizen screen (DESIGN.md §13).
struct ToggleGuidance {};
struct ToggleHighContrast {};
struct ToggleLargeText {};
/// Guidance mode's own controls: say it again, louder, softer.
struct GuidanceRepeat {};
struct GuidanceLouder {};
struct GuidanceSofter {};
using UiAction = std::variant<ToggleLanguage, OpenAdminPin, CloseAdminPin, ExitKiosk, ResetLanguage,
                              ToggleGuidance, ToggleHighContrast, ToggleLargeText, GuidanceRepeat,
                              GuidanceLouder, GuidanceSofter>;

/// Everything a screen needs to draw one frame; screens keep no pointers to it.
struct UiFrame {
    const Theme& theme;
    const Fonts& fonts;
    Translator tr;
    A11yRecorder& a11y;
    std::vector<UiAction>& actions;
    ImDrawList* draw = nullptr;
    /// Window size in window pixels.
    ImVec2 display;
    /// For timeouts and lockouts; tests pass their own.
    std::chrono::steady_clock::time_point steady_now;
    /// Seconds until something on screen changes by itself (a clock, a countdown).
    double redraw_in_s = 0;
    /// Something moves or is held down: draw the next frame soon.
    bool animating = false;
    /// The wall clock (ours, not the service's): timers measured on the service's clock.
    TimePoint wall_now{};
    /// Keys pressed since the last frame, in order (the platform latches them).
    std::vector<KeyPress> keys{};
    /// Keypad focus and voice guidance (citizen modes); none: controls act on a tap only.
    Guide* guide = nullptr;
    /// What the screen says when it opens in guidance mode, when it has more to say than its
    /// title and what to do (the issued ticket's number and wait). Screens set it.
    std::string intro{};
    /// Voice guidance is on (DESIGN.md §13): its switch shows so; KioskApp owns the state.
    bool guidance = false;
    /// A citizen screen: the footer carries the accessibility switches (voice guidance, high
    /// contrast, large text) and is taller. Set by the citizen screens before they draw.
    bool accessibility_switches = false;

    /// Keeps the earliest requested redraw.
    void redraw_within(double seconds);
};

enum class Align { left, centre, right };
enum class ButtonKind { primary, secondary };

struct TextStyle {
    ImFont* font = nullptr;
    ImU32 colour = 0;
    Align align = Align::left;
};

/// Pixel height a font draws at (fonts are rasterised at the display's density).
float font_px(const ImFont* font);
/// Width and height of one line of text.
ImVec2 measure(const ImFont* font, std::string_view text);
/// `text` cut at a character boundary with "…" so it fits `width`; unchanged if it fits.
std::string fit_line(const ImFont* font, std::string_view text, float width);
/// The lines `text` wraps into at `width` (breaks at spaces; a long word is split).
std::vector<std::string> wrap_lines(const ImFont* font, std::string_view text, float width);

/// One line of text, vertically centred in `box`, aligned horizontally, cut with "…" when it
/// does not fit. Returns the rectangle the text covers.
Box label(UiFrame& ui, const Box& box, std::string_view text, const TextStyle& style);
/// Wrapped text from the top of `box`; returns the height used. Recorded as one text element.
float paragraph(UiFrame& ui, const Box& box, std::string_view text, const TextStyle& style);
/// Where `paragraph` puts `text` in `box`: its lines' extent from the top. A word wider than
/// the box (which the paragraph must split) widens it, so words that do not fit show.
Box paragraph_box(const ImFont* font, std::string_view text, const Box& box, Align align);
/// Height `paragraph` would use.
float paragraph_height(const ImFont* font, std::string_view text, float width);

/// The size a button needs for `text`: at least the theme's touch target.
ImVec2 button_size(const UiFrame& ui, std::string_view text);
/// A big touch button; true on the frame it is tapped (press and release on it).
/// No state is shown on hover only: touch screens have no hover.
bool button(UiFrame& ui, const char* id, const Box& box, std::string_view text,
            ButtonKind kind = ButtonKind::primary, bool enabled = true);
/// A button's face, drawn in `box`: filled when `kind` is primary, else light with an outline
/// `border` wide; darker while `held`, grey when disabled. Returns the colour of its words.
ImU32 button_face(UiFrame& ui, const Box& box, ButtonKind kind, bool held, bool enabled,
                  float border);
/// A square check box: an empty outline, or filled with a tick when `checked`, so the state
/// shows without colour.
void check_box(UiFrame& ui, const Box& box, bool checked);
/// The width of the narrowest two lines `text` breaks into at a space (its one-line width when
/// it has none): for words that must fit a narrow place.
float two_line_width(const ImFont* font, std::string_view text);
/// The size `toggle_button` needs: the check box, the widest of `text` and `state_on` /
/// `state_off` (when given), its padding; at least the touch target high.
ImVec2 toggle_button_size(const UiFrame& ui, std::string_view text, std::string_view state_on = {},
                          std::string_view state_off = {});
/// A button that is on or off (a priority group, an accessibility switch): a check box before
/// its words, ticked when `on`, the on look with a thicker edge; `state` (e.g. "Đang bật") is
/// written small under the words when given. Recorded as a button with `checked`. True when
/// tapped.
bool toggle_button(UiFrame& ui, const char* id, const Box& box, std::string_view text, bool on,
                   std::string_view state = {});
/// What a finger did to a touch area this frame.
struct Touch {
    bool tapped = false;   // pressed and released on it (or chosen with the keypad)
    bool held = false;     // being pressed now: draw the pressed look
    bool focused = false;  // has the keypad's or the guidance's focus (the ring is drawn)
    /// Its element in the frame's a11y tree (none when off screen): see `report_label`.
    std::optional<std::size_t> element = {};
};
/// A tappable area whose look the caller draws (tiles, cards, keys with pictures). Recorded in
/// the a11y tree as `role` with `label`, like a button; `checked` for a switch or check box;
/// `detail` is its state in words, said after the label in guidance mode ("Đang chờ: 3 người").
Touch touch_area(UiFrame& ui, const char* id, const Box& box, std::string_view label,
                 A11yRole role = A11yRole::button, bool enabled = true,
                 std::optional<bool> checked = std::nullopt, std::string_view detail = {});
/// A touch area's caller reports where its words go, at full length (before any cut), so the
/// a11y tree shows words that do not fit (`A11yElement::label_box`). Call once per piece.
void report_label(UiFrame& ui, const Touch& touch, const Box& words);
/// Where `text` would be drawn on one line in `box` (aligned, vertically centred), uncut.
Box line_box(const ImFont* font, std::string_view text, const Box& box, Align align);
/// The keypad focus ring around `box`: two bands, visible on any background of the theme.
void focus_ring(UiFrame& ui, const Box& box);
/// Records visible text drawn by other means (e.g. inside a touch area) for the a11y tree.
void record_text(UiFrame& ui, std::string_view text, const Box& box);
/// Records any element drawn by other means (an ImGui text field) for the a11y tree.
void record_element(UiFrame& ui, A11yRole role, std::string_view label, const Box& box,
                    bool enabled = true);
/// An invisible area that fires once after being held `seconds`; not in the a11y tree.
bool long_press_area(UiFrame& ui, const char* id, const Box& box, float seconds);
/// A filled circle: the connection indicator beside its words.
void status_dot(UiFrame& ui, ImVec2 centre, ImU32 colour);

}  // namespace motcua::kiosk::ui
