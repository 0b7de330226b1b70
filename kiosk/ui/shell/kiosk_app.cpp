#include "kiosk/ui/shell/kiosk_app.hpp"

#include <spdlog/spdlog.h>

#include <cassert>

#include "kiosk/ui/board/board_home_screen.hpp"
#include "kiosk/ui/counter/counter_home_screen.hpp"
#include "kiosk/ui/reports/reports_home_screen.hpp"

namespace motcua::kiosk::ui {

namespace {

/// The shell screen of a mode without screens of its own; none for the citizen modes, whose
/// screens come from the caller (they need the network).
std::unique_ptr<Screen> make_mode_screen(Mode mode) {
    switch (mode) {
        case Mode::ticket:
        case Mode::rating:
            return nullptr;
        case Mode::counter:
            return std::make_unique<CounterHomeScreen>();
        case Mode::board:
            return std::make_unique<BoardHomeScreen>();
        case Mode::reports:
            return std::make_unique<ReportsHomeScreen>();
    }
    return nullptr;
}

// NoBackground: the platform clears to the page colour (the theme's WindowBg) before drawing, so
// a full-screen background quad would only blend the same colour over it again: some 2 million
// fragments, a third of a 1080p frame with a software renderer.
constexpr ImGuiWindowFlags kScreenWindowFlags =
    ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
    ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse |
    ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoBackground;

}  // namespace

KioskApp::KioskApp(KioskAppConfig config, Translations translations, OfficeZone zone,
                   FontFiles fonts, std::unique_ptr<ModeScreens> mode_screens)
    : config_(std::move(config)),
      translations_(std::move(translations)),
      zone_(std::move(zone)),
      font_files_(std::move(fonts)),
      language_(config_.language),
      variant_(config_.theme_variant),
      mode_screen_(make_mode_screen(config_.shell.mode)),
      mode_screens_(std::move(mode_screens)),
      admin_pin_(AdminPinGate(config_.admin_pin)),
      guided_modes_(config_.shell.mode == Mode::ticket || config_.shell.mode == Mode::rating) {
    assert((mode_screen_ || mode_screens_) && "ticket and rating modes need their screens");
    if (config_.a11y_dump) dump_.emplace(*config_.a11y_dump);
}

Result<bool> KioskApp::prepare_display(ImVec2 size, float pixel_density) {
    if (size.x <= 0 || size.y <= 0) return false;  // minimised: keep what we have
    if (size.x == display_.x && size.y == display_.y && pixel_density == density_ &&
        variant_ == theme_.variant)
        return false;
    const Theme next = Theme::for_display(size.x, size.y, variant_);
    // High contrast alone only recolours; a new scale or text size needs new glyphs.
    const bool rebuild = fonts_.body == nullptr || next.scale != theme_.scale ||
                         next.text_scale != theme_.text_scale || pixel_density != density_;
    display_ = size;
    density_ = pixel_density;
    theme_ = next;
    theme_.apply(ImGui::GetStyle());
    if (!rebuild) return false;
    auto fonts = build_fonts(*ImGui::GetIO().Fonts, theme_, font_files_, pixel_density);
    if (!fonts) return fonts.error();
    fonts_ = *fonts;
    return true;
}

FrameOutcome KioskApp::frame(const AppState& state, TimePoint now,
                             std::chrono::steady_clock::time_point steady_now,
                             std::vector<KeyPress> keys) {
    FrameOutcome out;
    const ImGuiIO& io = ImGui::GetIO();
    const ShellView view = make_shell_view(config_.shell, state, local_date_time(zone_, now));

    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("##screen", nullptr, kScreenWindowFlags);
    a11y_.begin_frame();
    std::vector<UiAction> actions;
    UiFrame ui{theme_,         fonts_,     Translator(translations_, language_),
               a11y_,          actions,    ImGui::GetWindowDrawList(),
               io.DisplaySize, steady_now, theme_.max_idle_wait_s};
    ui.wall_now = now;
    if (!keys.empty() || io.MouseDown[0] || io.MouseReleased[0]) last_input_ = steady_now;
    Guide* guide = guided_modes_ && !admin_open_ ? &guide_ : nullptr;
    if (guide != nullptr) guide->begin_frame(keys, ui.tr);
    ui.guide = guide;
    ui.keys = std::move(keys);
    ui.guidance = guide_.guiding();

    // Admin first: ward IT must be able to leave even while the service is down. A citizen
    // holding a number on screen or giving a rating keeps it through a service outage.
    const bool service_away = view.connection == ConnectionState::unavailable ||
                              view.connection == ConnectionState::incompatible;
    if (admin_open_)
        admin_pin_.draw(ui, view);
    else if (mode_screens_ && (!service_away || mode_screens_->draws_while_away()))
        mode_screens_->draw(ui, view, state);
    else if (service_away || !mode_screen_)
        unavailable_.draw(ui, view);
    else
        mode_screen_->draw(ui, view);
    ImGui::End();

    out.animating = ui.animating;
    out.redraw_in_s = ui.redraw_in_s;
    for (const auto& action : actions) apply(action, steady_now, out);
    // The change shows in the next frame; ask for it now rather than wait for more input.
    if (!actions.empty()) out.redraw_in_s = 0;
    if (guide != nullptr) {
        // Guidance, contrast or large text left on by a citizen who walked away end, so the
        // next one starts from the kiosk as configured (the home screen has no visit to end).
        const double idle = std::chrono::duration<double>(steady_now - last_input_).count();
        if (guide_.guiding() || !(variant_ == config_.theme_variant)) {
            if (idle >= config_.accessibility_idle_s) {
                guide_.reset();
                variant_ = config_.theme_variant;
                out.redraw_in_s = 0;  // the theme shows in the next frame
            } else {
                out.redraw_in_s = std::min(out.redraw_in_s, config_.accessibility_idle_s - idle);
            }
        }
        const std::string intro =
            ui.intro.empty() ? screen_intro(ui.tr, a11y_.tree().screen) : ui.intro;
        if (auto said = guide_.end_frame(a11y_.tree().screen, intro); said && config_.speak)
            config_.speak(*said);
    }

    if (dump_ && !dump_failed_) {
        auto written = dump_->write_if_changed(a11y_.tree());
        if (!written) {
            // Once: a kiosk must keep serving citizens even if its dump directory is gone.
            spdlog::error("a11y dump: {}", written.error().message);
            dump_failed_ = true;
        }
    }
    return out;
}

void KioskApp::apply(const UiAction& action, std::chrono::steady_clock::time_point steady_now,
                     FrameOutcome& out) {
    std::visit(
        [&](const auto& a) {
            using A = std::decay_t<decltype(a)>;
            if constexpr (std::is_same_v<A, ToggleLanguage>) {
                language_ = language_ == Language::vi ? Language::en : Language::vi;
            } else if constexpr (std::is_same_v<A, OpenAdminPin>) {
                admin_open_ = true;
                admin_pin_.open(steady_now);
            } else if constexpr (std::is_same_v<A, CloseAdminPin>) {
                admin_open_ = false;
            } else if constexpr (std::is_same_v<A, ResetLanguage>) {
                // The next citizen starts from the kiosk's own settings (DESIGN.md §13).
                language_ = config_.language;
                variant_ = config_.theme_variant;
                guide_.reset();
            } else if constexpr (std::is_same_v<A, ToggleGuidance>) {
                guide_.set_guiding(!guide_.guiding());
            } else if constexpr (std::is_same_v<A, ToggleHighContrast>) {
                variant_.high_contrast = !variant_.high_contrast;
            } else if constexpr (std::is_same_v<A, ToggleLargeText>) {
                variant_.large_text = !variant_.large_text;
            } else if constexpr (std::is_same_v<A, GuidanceRepeat>) {
                guide_.repeat();
            } else if constexpr (std::is_same_v<A, GuidanceLouder>) {
                guide_.louder();
            } else if constexpr (std::is_same_v<A, GuidanceSofter>) {
                guide_.softer();
            } else if constexpr (std::is_same_v<A, ExitKiosk>) {
                spdlog::info("admin PIN accepted: leaving kiosk mode");
                out.quit = true;
            }
        },
        action);
}

}  // namespace motcua::kiosk::ui
