#pragma once
/// The citizen screens' controller in a bare ImGui context: real screens, real session, fake
/// services, a fake clock and a fake finger.
#include <memory>
#include <string>
#include <vector>

#include "fake_services.hpp"
#include "imgui_harness.hpp"
#include "kiosk/ui/citizen_screens.hpp"
#include "motcua/config.hpp"

namespace motcua::kiosk::test {

inline const WardConfig& demo_ward() {
    static const WardConfig config = [] {
        auto c = load_config(std::string(MOTCUA_SOURCE_DIR) + "/assets/config/ward-demo.toml");
        REQUIRE(c);
        return *c;
    }();
    return config;
}

/// What the service would have said: four categories, five counters, one officer on duty.
inline AppState served_state() {
    AppState s;
    s.connection = ConnectionState::online;
    auto& w = s.ward;
    w.categories_loaded = true;
    w.counters_loaded = true;
    int waiting = 3;
    for (const auto& c : demo_ward().categories)
        w.categories.push_back({c.code, c.name_vi, c.name_en, c.target_wait_s, waiting--, 700});
    for (const auto& c : demo_ward().counters) {
        api::CounterInfo info;
        info.number = c.number;
        info.name = c.name;
        info.categories = c.categories;
        info.state = c.number == 1 ? CounterState::open : CounterState::closed;
        if (c.number == 1) info.officer = "Nguyễn Thị Lan";
        w.counters.push_back(info);
    }
    return s;
}

struct CitizenRig {
    CitizenRig(Mode mode, ImVec2 display, bool printer = true) : kit(display), services(printer) {
        ui::CitizenScreensConfig config;
        config.session.mode = mode;
        config.session.counter = 1;
        config.session.scale = demo_ward().scale;
        config.ward = demo_ward();
        config.server_origin = "http://10.0.0.5:8080";
        screens = std::make_unique<ui::CitizenScreens>(
            std::move(config), *OfficeZone::load("Asia/Ho_Chi_Minh"), services);
        view.mode = mode;
        view.office_name = demo_ward().office_name;
        view.counter = mode == Mode::rating ? std::optional<int>(1) : std::nullopt;
        view.connection = ConnectionState::online;
        view.now = LocalDateTime{2026, 11, 23, 1, 7, 30, 15};
        state = served_state();
    }

    /// One frame; returns the a11y tree it drew.
    ui::A11yTree frame() {
        ImGuiHarness::new_frame();
        ImGui::SetNextWindowPos({0, 0});
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("##screen", nullptr, ImGuiWindowFlags_NoDecoration);
        kit.recorder.begin_frame();
        actions.clear();
        ui::UiFrame ui{kit.theme,
                       kit.fonts,
                       ui::Translator(*kit.tables, lang),
                       kit.recorder,
                       actions,
                       ImGui::GetWindowDrawList(),
                       ImGui::GetIO().DisplaySize,
                       kit.steady_now,
                       60.0};
        screens->draw(ui, view, state);
        redraw_in_s = ui.redraw_in_s;
        ImGui::End();
        ImGuiHarness::render();
        for (const auto& a : actions)
            if (std::holds_alternative<ui::ResetLanguage>(a)) language_resets++;
        tree = kit.recorder.tree();
        return tree;
    }

    /// Press and release on the element labelled `label` (any role), then one more frame.
    void tap(std::string_view label) {
        frame();
        const auto* e = find(tree, label);
        INFO("tap " << label << " on " << tree.screen);
        REQUIRE(e != nullptr);
        REQUIRE(e->enabled);
        const ImVec2 at = centre_of(*e);
        kit.harness.mouse(at, false);
        frame();
        kit.harness.mouse(at, true);
        frame();
        kit.harness.mouse(at, false);
        frame();
        frame();
    }

    void wait(std::chrono::milliseconds d) {
        kit.steady_now += d;
        frame();
    }

    ScreenKit kit;
    FakeCitizenServices services;
    std::unique_ptr<ui::CitizenScreens> screens;
    ShellView view;
    AppState state;
    Language lang = Language::vi;
    std::vector<ui::UiAction> actions;
    ui::A11yTree tree;
    double redraw_in_s = 0;
    int language_resets = 0;
};

/// What every citizen screen owes a person: all on screen, buttons big enough for a finger,
/// nothing tappable on top of anything else, no text over other text, and text that overlaps a
/// button lying wholly inside it (its own words).
inline void check_citizen_layout(const ui::A11yTree& tree, ImVec2 display, const ui::Theme& theme) {
    INFO("screen " << tree.screen);
    REQUIRE_FALSE(tree.elements.empty());
    const auto inside = [](const ui::A11yElement& in, const ui::A11yElement& out) {
        return in.x >= out.x - 0.5F && in.y >= out.y - 0.5F &&
               in.x + in.w <= out.x + out.w + 0.5F && in.y + in.h <= out.y + out.h + 0.5F;
    };
    for (const auto& e : tree.elements) {
        INFO(e.label);
        CHECK_FALSE(e.label.empty());
        CHECK(e.x >= 0);
        CHECK(e.y >= 0);
        CHECK(e.x + e.w <= display.x + 0.5F);
        CHECK(e.y + e.h <= display.y + 0.5F);
        if (e.role != ui::A11yRole::text) CHECK(e.h >= theme.touch_target - 0.5F);
    }
    for (std::size_t i = 0; i < tree.elements.size(); ++i)
        for (std::size_t j = i + 1; j < tree.elements.size(); ++j) {
            const auto& a = tree.elements[i];
            const auto& b = tree.elements[j];
            if (!overlap(a, b)) continue;
            INFO(a.label << " / " << b.label);
            const bool a_text = a.role == ui::A11yRole::text;
            const bool b_text = b.role == ui::A11yRole::text;
            CHECK(a_text != b_text);  // two texts or two controls never overlap
            if (a_text && !b_text) CHECK(inside(a, b));
            if (b_text && !a_text) CHECK(inside(b, a));
        }
}

}  // namespace motcua::kiosk::test
