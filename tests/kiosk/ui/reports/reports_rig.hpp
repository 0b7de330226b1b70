#pragma once
/// The reports dashboard's controller and screens in a bare ImGui context, with fake services.
#include <memory>

#include "core/reports/reports_samples.hpp"
#include "kiosk/ui/reports/reports_screens.hpp"
#include "ui/counter/counter_rig.hpp"

namespace motcua::kiosk::test {

/// The dashboard's real controller and screens with fake services.
struct ReportsRig : ModeRig {
    explicit ReportsRig(ImVec2 display) : ModeRig(display) {
        view.mode = Mode::reports;
        view.counter.reset();
        screens = std::make_unique<ui::ReportsScreens>(
            ReportsSettings{*OfficeZone::load("Asia/Ho_Chi_Minh"), "/home/hoa/motcua-reports"},
            services);
    }
    ui::A11yTree frame() { return ModeRig::frame(*screens); }
    void tap(std::string_view label) { ModeRig::tap(*screens, label); }
    void tap_field(std::string_view label) { ModeRig::tap(*screens, label, ui::A11yRole::textbox); }
    void type(std::string_view text) { ModeRig::type(*screens, text); }
    void enter() { ModeRig::enter(*screens); }
    /// Ctrl+A-less clearing: as many backspaces as characters.
    void erase(std::size_t n) {
        for (std::size_t i = 0; i < n; ++i) ModeRig::key_down_up(*screens, kBackspace);
    }
    /// The service's clock: 25/11/2026 08:40 in the office, unless told otherwise.
    void clock(const char* at = "2026-11-25T08:40:00+07:00") {
        REQUIRE_FALSE(services.clock_done.empty());
        auto done = std::move(services.clock_done.front());
        services.clock_done.pop_front();
        done(*parse_rfc3339(at));
        frame();
    }
    void answer_reports() {
        services.answer_reports();
        frame();
    }
    void login() {
        frame();
        type("hoa");
        enter();
        type("matkhau-hoa");
        enter();
        REQUIRE_FALSE(services.login_done.empty());
        auto done = std::move(services.login_done.front());
        services.login_done.pop_front();
        done(supervisor_login());
        frame();
        clock();
        answer_reports();
    }

    FakeReportsServices services;
    std::unique_ptr<ui::ReportsScreens> screens;
};

}  // namespace motcua::kiosk::test
