#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "imgui_harness.hpp"
#include "kiosk/ui/citizen/citizen_screens.hpp"
#include "kiosk/ui/shell/kiosk_app.hpp"
#include "ui/citizen/citizen_rig.hpp"
#include "ui/citizen/fake_services.hpp"

using namespace motcua;
using namespace motcua::kiosk;
using test::find;

namespace {

/// A KioskApp in a bare ImGui context, driven frame by frame with a fake client state.
struct AppRig {
    explicit AppRig(ui::KioskAppConfig config, ImVec2 display = {1920, 1080}) : harness(display) {
        auto tables = ui::Translations::builtin();
        REQUIRE(tables);
        auto zone = OfficeZone::load("Asia/Ho_Chi_Minh");
        REQUIRE(zone);
        auto fonts = ui::find_font_files();
        REQUIRE(fonts);
        ui::CitizenScreensConfig citizen;
        citizen.session.mode = config.shell.mode;
        citizen.server_origin = "http://127.0.0.1:8080";
        auto screens = std::make_unique<ui::CitizenScreens>(std::move(citizen), *zone, services);
        app.emplace(std::move(config), std::move(*tables), std::move(*zone), std::move(*fonts),
                    std::move(screens));
        auto rebuilt = app->prepare_display(display, 1.0F);
        REQUIRE(rebuilt);
        CHECK(*rebuilt);
        test::ImGuiHarness::upload_fonts();
        now = *parse_rfc3339("2026-11-23T00:30:15Z");  // Monday 07:30:15 in the office
    }

    ui::FrameOutcome frame() {
        test::ImGuiHarness::new_frame();
        auto out = app->frame(state, now, steady_now);
        test::ImGuiHarness::render();
        return out;
    }
    ui::FrameOutcome tap(std::string_view label) {
        const auto* e = find(app->a11y_tree(), label);
        REQUIRE(e != nullptr);
        const ImVec2 at = test::centre_of(*e);
        harness.mouse(at, false);
        frame();
        harness.mouse(at, true);
        frame();
        harness.mouse(at, false);
        auto out = frame();
        frame();  // the change shows in the frame after the tap
        return out;
    }

    test::ImGuiHarness harness;
    test::FakeCitizenServices services;
    std::optional<ui::KioskApp> app;
    AppState state;
    TimePoint now;
    std::chrono::steady_clock::time_point steady_now{};
};

ui::KioskAppConfig kiosk_config() {
    ui::KioskAppConfig c;
    c.shell.mode = Mode::ticket;
    c.shell.office_name = "UBND phường Bến Thành";
    c.shell.kiosk_locked = true;
    c.admin_pin = "246810";
    return c;
}

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

TEST_CASE("the app shows the mode's screen or the unavailable notice", "[app]") {
    AppRig rig(kiosk_config());
    rig.state.connection = ConnectionState::connecting;
    rig.frame();
    CHECK(rig.app->a11y_tree().screen == "ticket_home");
    CHECK(find(rig.app->a11y_tree(), "Đang kết nối tới máy chủ…") != nullptr);

    rig.state.connection = ConnectionState::unavailable;
    rig.frame();
    CHECK(rig.app->a11y_tree().screen == "unavailable");

    rig.state.connection = ConnectionState::online;
    const auto out = rig.frame();
    CHECK(rig.app->a11y_tree().screen == "ticket_home");
    CHECK(find(rig.app->a11y_tree(), "Đã kết nối") != nullptr);
    CHECK_FALSE(out.quit);
    CHECK_FALSE(out.animating);
    CHECK(out.redraw_in_s == Approx(45.0));  // asleep until the clock's next minute
}

TEST_CASE("a number on screen stays through a service outage", "[app]") {
    AppRig rig(kiosk_config());
    rig.state = test::served_state();
    rig.frame();
    rig.tap("Tư pháp - Hộ tịch");
    REQUIRE(rig.services.issue_done.size() == 1);
    rig.services.issue_done[0](test::sample_ticket());
    rig.frame();
    CHECK(rig.app->a11y_tree().screen == "ticket_issued");

    rig.state.connection = ConnectionState::unavailable;
    rig.frame();
    CHECK(rig.app->a11y_tree().screen == "ticket_issued");  // the citizen still reads A012
    CHECK(find(rig.app->a11y_tree(), "A012") != nullptr);
    rig.tap("Xong");
    CHECK(rig.app->a11y_tree().screen == "unavailable");  // nobody is left to serve
}

TEST_CASE("the language button switches every text at runtime", "[app]") {
    AppRig rig(kiosk_config());
    rig.state.connection = ConnectionState::unavailable;
    rig.frame();
    REQUIRE(rig.app->language() == Language::vi);
    const auto out = rig.tap("English");
    CHECK(out.redraw_in_s == 0);  // the switch is drawn at once
    CHECK(rig.app->language() == Language::en);
    CHECK(find(rig.app->a11y_tree(),
               "The system is temporarily unavailable. Please wait a moment.") != nullptr);
    CHECK(find(rig.app->a11y_tree(), "Take a queue number") != nullptr);

    rig.tap("Tiếng Việt");
    CHECK(rig.app->language() == Language::vi);
    CHECK(find(rig.app->a11y_tree(), "Lấy số thứ tự") != nullptr);
}

TEST_CASE("leaving kiosk mode takes a long press and the admin PIN", "[app]") {
    AppRig rig(kiosk_config());
    rig.state.connection = ConnectionState::unavailable;  // must work even with the service down
    rig.frame();
    CHECK_FALSE(rig.app->allows_window_close());

    // Hold the top-left corner for the theme's long-press time.
    rig.harness.mouse({10, 10}, false);
    rig.frame();
    rig.harness.mouse({10, 10}, true);
    rig.harness.delta_time(0.25F);
    bool animating = false;
    for (int i = 0; i < 14 && rig.app->a11y_tree().screen != "admin_pin"; ++i)
        animating |= rig.frame().animating;
    CHECK(animating);
    rig.harness.mouse({10, 10}, false);
    rig.harness.delta_time(1.0F / 60.0F);
    rig.frame();
    REQUIRE(rig.app->a11y_tree().screen == "admin_pin");

    SECTION("the right PIN quits") {
        for (const char* d : {"2", "4", "6", "8", "1", "0"}) CHECK_FALSE(rig.tap(d).quit);
        const auto* confirm = find(rig.app->a11y_tree(), "Thoát");
        REQUIRE(confirm != nullptr);
        CHECK(confirm->enabled);
        const ImVec2 at = test::centre_of(*confirm);
        rig.harness.mouse(at, false);
        rig.frame();
        rig.harness.mouse(at, true);
        rig.frame();
        rig.harness.mouse(at, false);
        CHECK(rig.frame().quit);
    }
    SECTION("cancel goes back to the screen it came from") {
        rig.tap("Hủy");
        CHECK(rig.app->a11y_tree().screen == "unavailable");
    }
}

TEST_CASE("a windowed kiosk closes with its window and has no hidden corner", "[app]") {
    ui::KioskAppConfig config = kiosk_config();
    config.shell.kiosk_locked = false;
    AppRig rig(config, {1280, 800});
    rig.state.connection = ConnectionState::online;
    rig.frame();
    CHECK(rig.app->allows_window_close());
    rig.harness.mouse({10, 10}, true);
    rig.harness.delta_time(0.5F);
    for (int i = 0; i < 10; ++i) rig.frame();
    CHECK(rig.app->a11y_tree().screen == "ticket_home");
}

TEST_CASE("the app rewrites the a11y dump when the screen changes", "[app]") {
    const auto path = std::filesystem::temp_directory_path() /
                      ("motcua-app-dump-" + std::to_string(::getpid()) + ".json");
    std::filesystem::remove(path);
    ui::KioskAppConfig config = kiosk_config();
    config.a11y_dump = path;
    AppRig rig(config);
    rig.state.connection = ConnectionState::unavailable;
    rig.frame();
    const std::string first = slurp(path);
    CHECK(first.rfind(R"({"screen": "unavailable")", 0) == 0);
    CHECK(first.find(R"("label":"English")") != std::string::npos);

    rig.tap("English");
    const std::string second = slurp(path);
    CHECK(second.find(R"("label":"Tiếng Việt")") != std::string::npos);
    CHECK(second.find("The system is temporarily unavailable") != std::string::npos);
    std::filesystem::remove(path);
}

TEST_CASE("the accessibility switches change theme and text size; a visit's end resets them",
          "[app]") {
    AppRig rig(kiosk_config());
    rig.state.connection = ConnectionState::online;
    rig.frame();
    REQUIRE(rig.app->a11y_tree().screen == "ticket_home");
    const auto* guidance = find(rig.app->a11y_tree(), "Hướng dẫn bằng giọng nói");
    REQUIRE(guidance != nullptr);
    CHECK(guidance->checked == false);

    rig.tap("Tương phản cao");
    CHECK(rig.app->theme_variant().high_contrast);
    // Colours only: the same fonts, nothing to upload.
    auto recoloured = rig.app->prepare_display({1920, 1080}, 1.0F);
    REQUIRE(recoloured);
    CHECK_FALSE(*recoloured);
    CHECK(rig.app->theme().colours.page == ui::Palette::high_contrast().page);
    rig.frame();
    CHECK(find(rig.app->a11y_tree(), "Tương phản cao")->checked == true);

    rig.tap("Chữ lớn");
    CHECK(rig.app->theme_variant().large_text);
    // New text sizes: the atlas is rebuilt and must be uploaded again.
    auto rebuilt = rig.app->prepare_display({1920, 1080}, 1.0F);
    REQUIRE(rebuilt);
    CHECK(*rebuilt);
    test::ImGuiHarness::upload_fonts();
    CHECK(rig.app->theme().text_body == Approx(36 * 1.5));
    CHECK(rig.app->theme().colours.page == ui::Palette::high_contrast().page);
    rig.frame();
    CHECK(find(rig.app->a11y_tree(), "Chữ lớn")->checked == true);

    rig.tap("Hướng dẫn bằng giọng nói");
    CHECK(rig.app->guidance());
    CHECK(find(rig.app->a11y_tree(), "Hướng dẫn bằng giọng nói")->checked == true);
    rig.tap("Hướng dẫn bằng giọng nói");
    CHECK_FALSE(rig.app->guidance());
    rig.tap("Hướng dẫn bằng giọng nói");
    rig.tap("English");
    CHECK(rig.app->language() == Language::en);

    SECTION("a visit's end (idle) returns to the kiosk's own settings") {
        // The dossier lookup opened, then left alone: the session ends and the app resets.
        rig.tap("Look up a dossier");
        REQUIRE(rig.app->a11y_tree().screen == "dossier_lookup");
        rig.steady_now += std::chrono::minutes(5);
        rig.frame();
        rig.frame();
        CHECK(rig.app->a11y_tree().screen == "ticket_home");
        CHECK(rig.app->language() == Language::vi);
        CHECK_FALSE(rig.app->guidance());
        CHECK(rig.app->theme_variant() == ui::ThemeVariant{});
        auto back = rig.app->prepare_display({1920, 1080}, 1.0F);
        REQUIRE(back);
        CHECK(*back);  // normal text again: new fonts
        CHECK(rig.app->theme().text_body == Approx(36));
        CHECK(rig.app->theme().colours.page == ui::Palette{}.page);
    }
}

TEST_CASE("the command line's theme and text size are where every visit starts", "[app]") {
    ui::KioskAppConfig config = kiosk_config();
    config.theme_variant = ui::ThemeVariant{true, true};
    AppRig rig(config);
    CHECK(rig.app->theme().variant == ui::ThemeVariant{true, true});
    CHECK(rig.app->theme().text_body == Approx(36 * 1.5));
    rig.state.connection = ConnectionState::online;
    rig.frame();
    rig.tap("Tương phản cao");  // this visit: back to the default colours
    CHECK_FALSE(rig.app->theme_variant().high_contrast);
    rig.tap("Tra cứu hồ sơ");
    rig.steady_now += std::chrono::minutes(5);
    rig.frame();
    rig.frame();
    CHECK(rig.app->theme_variant() == ui::ThemeVariant{true, true});  // the kiosk's own again
}

TEST_CASE("the display size sets the theme and rebuilds fonts only when the scale changes",
          "[app]") {
    AppRig rig(kiosk_config(), {1920, 1080});
    CHECK(rig.app->theme().text_body == Approx(36));
    CHECK(rig.app->theme().touch_target >= 96);
    auto same_scale = rig.app->prepare_display({1080, 1920}, 1.0F);  // portrait: same short side
    REQUIRE(same_scale);
    CHECK_FALSE(*same_scale);
    auto smaller = rig.app->prepare_display({1280, 800}, 1.0F);
    REQUIRE(smaller);
    CHECK(*smaller);
    CHECK(rig.app->theme().text_body == Approx(36.0 * 800 / 1080));
}

TEST_CASE("guidance mode ends after the idle timeout and with the citizen's visit", "[guidance]") {
    auto config = kiosk_config();
    std::vector<ui::Utterance> said;
    config.speak = [&](const ui::Utterance& u) { said.push_back(u); };
    config.accessibility_idle_s = 60;
    AppRig rig(config);
    rig.state.connection = ConnectionState::online;
    rig.state.ward = test::served_state().ward;
    rig.frame();
    CHECK(said.empty());

    // `*` on the keypad turns guidance on: the app's voice is called with the home screen's words.
    test::ImGuiHarness::new_frame();
    rig.app->frame(rig.state, rig.now, rig.steady_now, {KeyPress::repeat()});
    test::ImGuiHarness::render();
    REQUIRE(rig.app->guide().guiding());
    REQUIRE_FALSE(said.empty());
    CHECK(said.back().text.find("Mời Quý khách chọn lĩnh vực") != std::string::npos);

    // The frame asks to be drawn again when the idle time runs out, so no input is needed.
    rig.steady_now += std::chrono::seconds(30);
    auto out = rig.frame();
    CHECK(rig.app->guide().guiding());
    CHECK(out.redraw_in_s <= 30.5);
    rig.steady_now += std::chrono::seconds(31);
    rig.frame();
    CHECK_FALSE(rig.app->guide().guiding());

    // On again; the visit ends ("Xong" on the issued ticket): off for the next citizen.
    test::ImGuiHarness::new_frame();
    rig.app->frame(rig.state, rig.now, rig.steady_now, {KeyPress::repeat()});
    test::ImGuiHarness::render();
    REQUIRE(rig.app->guide().guiding());
    rig.tap("Tư pháp - Hộ tịch");
    rig.tap("Tư pháp - Hộ tịch");
    REQUIRE(rig.services.issue_done.size() == 1);
    rig.services.issue_done[0](test::sample_ticket("A001", "HT"));
    rig.frame();
    REQUIRE(rig.app->a11y_tree().screen == "ticket_issued");
    CHECK(said.back().text.find("Số thứ tự của Quý khách là a một") != std::string::npos);
    rig.tap("Xong");
    rig.tap("Xong");
    CHECK(rig.app->a11y_tree().screen == "ticket_home");
    CHECK_FALSE(rig.app->guide().guiding());
}

TEST_CASE("the officers' screens keep their keys: no keypad focus outside the citizen modes",
          "[guidance]") {
    auto config = kiosk_config();
    config.shell.mode = Mode::reports;
    std::vector<ui::Utterance> said;
    config.speak = [&](const ui::Utterance& u) { said.push_back(u); };
    AppRig rig(config);
    test::ImGuiHarness::new_frame();
    rig.app->frame(rig.state, rig.now, rig.steady_now, {KeyPress::next(), KeyPress::repeat()});
    test::ImGuiHarness::render();
    CHECK_FALSE(rig.app->guide().guiding());
    CHECK(said.empty());
    for (const auto& e : rig.app->a11y_tree().elements) CHECK_FALSE(e.focused);
}
