#pragma once
/// The kiosk's UI thread state: which screen shows, the language, fonts, the a11y dump.
#include <imgui.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>

#include "kiosk/core/shell/app_state.hpp"
#include "kiosk/core/shell/view_model.hpp"
#include "kiosk/ui/shell/a11y.hpp"
#include "kiosk/ui/shell/admin_pin_screen.hpp"
#include "kiosk/ui/shell/fonts.hpp"
#include "kiosk/ui/shell/guide.hpp"
#include "kiosk/ui/shell/screen.hpp"
#include "kiosk/ui/shell/theme.hpp"
#include "kiosk/ui/shell/translations.hpp"
#include "kiosk/ui/shell/unavailable_screen.hpp"
#include "motcua/office_time.hpp"

namespace motcua::kiosk::ui {

struct KioskAppConfig {
    ShellSettings shell;
    Language language = Language::vi;
    /// office.admin_pin; empty: kiosk mode cannot be left from the screen.
    std::string admin_pin;
    std::optional<std::filesystem::path> a11y_dump;
    /// The guidance voice (citizen modes): says each utterance, cutting off the one before.
    std::function<void(const Utterance&)> speak;
    /// With no touch or key this long, guidance mode ends (DESIGN.md §13): the next citizen
    /// starts from the same screen.
    double accessibility_idle_s = 60.0;
    /// --theme and --large-text: where every citizen starts, and what the idle timeout
    /// returns to after the on-screen switches changed it.
    ThemeVariant theme_variant;
};

/// What the main loop needs to know after a frame.
struct FrameOutcome {
    bool quit = false;
    /// Draw the next frame soon (something is held or moving).
    bool animating = false;
    /// Seconds until the screen changes by itself (the clock's next minute, a countdown).
    double redraw_in_s = 0;
};

/// Drives one frame between ImGui::NewFrame and ImGui::Render; owns no window, so tests run
/// it in a bare ImGui context.
class KioskApp {
public:
    /// `mode_screens` draws the modes with screens of their own (ticket, rating, counter,
    /// board: they need the network); the shell's screens are built in for the rest (reports),
    /// and stand in for the counter and board when no screens are given (tests).
    KioskApp(KioskAppConfig config, Translations translations, OfficeZone zone, FontFiles fonts,
             std::unique_ptr<ModeScreens> mode_screens = nullptr);

    /// Rebuilds theme and font atlas when the display's size or density changed, or a switch
    /// changed the theme (large text: new font sizes). True when the atlas was rebuilt: the
    /// renderer must upload it again before the next frame.
    Result<bool> prepare_display(ImVec2 size, float pixel_density);
    /// Draws the current screen for `state` at `now` and applies the taps it reports; `keys`
    /// were pressed since the last frame.
    FrameOutcome frame(const AppState& state, TimePoint now,
                       std::chrono::steady_clock::time_point steady_now,
                       std::vector<KeyPress> keys = {});

    [[nodiscard]] const Theme& theme() const { return theme_; }
    [[nodiscard]] Language language() const { return language_; }
    /// What the accessibility switches chose; the theme follows at the next prepare_display.
    [[nodiscard]] ThemeVariant theme_variant() const { return variant_; }
    [[nodiscard]] bool guidance() const { return guide_.guiding(); }
    /// The last frame's accessibility tree.
    [[nodiscard]] const A11yTree& a11y_tree() const { return a11y_.tree(); }
    /// Window close button: honoured only outside kiosk mode.
    [[nodiscard]] bool allows_window_close() const { return !config_.shell.kiosk_locked; }
    /// Keypad focus and guidance mode (citizen modes only).
    [[nodiscard]] const Guide& guide() const { return guide_; }

private:
    void apply(const UiAction& action, std::chrono::steady_clock::time_point steady_now,
               FrameOutcome& out);

    KioskAppConfig config_;
    Translations translations_;
    OfficeZone zone_;
    FontFiles font_files_;
    Language language_;
    ThemeVariant variant_;
    Theme theme_;
    Fonts fonts_;
    ImVec2 display_{0, 0};
    float density_ = 0;

    std::unique_ptr<Screen> mode_screen_;
    std::unique_ptr<ModeScreens> mode_screens_;
    UnavailableScreen unavailable_;
    AdminPinScreen admin_pin_;
    bool admin_open_ = false;

    /// Citizen modes: the keypad moves a focus and guidance mode speaks; officers' screens
    /// keep their own keys.
    bool guided_modes_ = false;
    Guide guide_;
    std::chrono::steady_clock::time_point last_input_{};

    A11yRecorder a11y_;
    std::optional<A11yDumpWriter> dump_;
    bool dump_failed_ = false;
};

}  // namespace motcua::kiosk::ui
