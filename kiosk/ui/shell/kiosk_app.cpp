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
      mode_screen_(make_mode_screen(config_.shell.mode)),
      mode_screens_(std::move(mode_screens)),
      admin_pin_(AdminPinGate(config_.admin_pin)) {
    assert((mode_screen_ || mode_screens_) && "ticket and rating modes need their screens");
    if (config_.a11y_dump) dump_.emplace(*config_.a11y_dump);
}

Result<bool> KioskApp::prepare_display(ImVec2 size, float pixel_density) {
    if (size.x <= 0 || size.y <= 0) return false;  // minimised: keep what we have
    if (size.x == display_.x && size.y == display_.y && pixel_density == density_) return false;
    const Theme next = Theme::for_display(size.x, size.y);
    const bool rebuild =
        fonts_.body == nullptr || next.scale != theme_.scale || pixel_density != density_;
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
    ui.keys = std::move(keys);

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
                language_ = config_.language;
            } else if constexpr (std::is_same_v<A, ExitKiosk>) {
                spdlog::info("admin PIN accepted: leaving kiosk mode");
                out.quit = true;
            }
        },
        action);
}

}  // namespace motcua::kiosk::ui
