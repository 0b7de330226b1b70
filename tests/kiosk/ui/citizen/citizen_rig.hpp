#pragma once
/// The citizen screens' controller in a bare ImGui context: real screens, real session, fake
/// services, a fake clock and a fake finger.
#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "imgui_harness.hpp"
#include "kiosk/ui/citizen/citizen_screens.hpp"
#include "motcua/config.hpp"
#include "ui/citizen/fake_services.hpp"

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
        w.categories.push_back(
            {c.code, c.name_vi, c.name_en, c.target_wait_s, waiting--, 700, {480, 1020}});
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
    CitizenRig(Mode mode, ImVec2 display, bool printer = true, ui::ThemeVariant variant = {})
        : kit(display, variant), services(printer) {
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
        tree = kit.frame(lang, actions, [&](ui::UiFrame& ui) {
            screens->draw(ui, view, state);
            redraw_in_s = ui.redraw_in_s;
        });
        for (const auto& a : actions)
            if (std::holds_alternative<ui::ResetLanguage>(a)) language_resets++;
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

/// What every citizen screen owes a person: the layout rules with buttons big enough for a
/// finger.
inline void check_citizen_layout(const ui::A11yTree& tree, ImVec2 display, const ui::Theme& theme) {
    check_layout_rules(tree, display, theme.touch_target);
    // Every target at least 9 mm each way on a 21.5" 1080p kiosk screen (issue 17), i.e. on this
    // display as the kiosk draws it at the same physical size: 1920x1080 over a 21.5" diagonal
    // is 4.03 px/mm; another display scales by its short side.
    const double px_per_mm =
        std::hypot(1920.0, 1080.0) / (21.5 * 25.4) * std::min(display.x, display.y) / 1080.0;
    const double min_px = 9.0 * px_per_mm;
    for (const auto& e : tree.elements) {
        if (e.role == ui::A11yRole::text) continue;
        INFO(tree.screen << ": " << e.label << " is " << e.w << "x" << e.h << " px, at least "
                         << min_px << " px each way");
        CHECK(e.w >= min_px - 0.5);
        CHECK(e.h >= min_px - 0.5);
    }
}

/// One frame of `rig` (a citizen or counter rig) in `lang`, checked as above; then the rig is
/// back in Vietnamese, whose labels the tests tap.
template <typename Rig>
void check_citizen_layout_in(Rig& rig, Language lang, ImVec2 display) {
    rig.lang = lang;
    check_citizen_layout(rig.frame(), display, rig.kit.theme);
    rig.lang = Language::vi;
}

// ---- the ticket kiosk's code keyboard and a scanner ----------------------------------------

inline constexpr int kEnter = 300;  // ImGui's Enter, as the GLFW backend maps it
inline constexpr int kBackspace = 301;

inline void map_keys() {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[ImGuiKey_Enter] = kEnter;
    io.KeyMap[ImGuiKey_Backspace] = kBackspace;
}

/// Taps the on-screen key labelled `key` (a button: the typed code may read "0" too).
inline void tap_key(CitizenRig& rig, const std::string& key) {
    rig.frame();
    const ui::A11yElement* e = nullptr;
    for (const auto& el : rig.tree.elements)
        if (el.label == key && el.role == ui::A11yRole::button && e == nullptr) e = &el;
    INFO("key " << key);
    REQUIRE(e != nullptr);
    REQUIRE(e->enabled);
    const ImVec2 at = test::centre_of(*e);
    rig.kit.harness.mouse(at, false);
    rig.frame();
    rig.kit.harness.mouse(at, true);
    rig.frame();
    rig.kit.harness.mouse(at, false);
    rig.frame();
    rig.frame();
}

/// Taps the on-screen keys of `code`, one by one.
inline void tap_code(CitizenRig& rig, std::string_view code) {
    for (const char k : code) tap_key(rig, std::string(1, k));
}

/// A scanner: every character in one burst, then Enter in the same poll.
inline void scan(CitizenRig& rig, std::string_view text) {
    for (const char ch : text) ImGui::GetIO().AddInputCharacter(static_cast<unsigned char>(ch));
    ImGui::GetIO().KeysDown[kEnter] = true;
    rig.frame();
    ImGui::GetIO().KeysDown[kEnter] = false;
    rig.frame();
}

inline bool shows_text_containing(const ui::A11yTree& tree, std::string_view part) {
    for (const auto& e : tree.elements)
        if (e.label.find(part) != std::string::npos) return true;
    return false;
}

}  // namespace motcua::kiosk::test
