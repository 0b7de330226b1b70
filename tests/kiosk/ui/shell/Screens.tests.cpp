#include <catch2/catch.hpp>
#include <memory>

#include "imgui_harness.hpp"
#include "kiosk/ui/board/board_home_screen.hpp"
#include "kiosk/ui/counter/counter_home_screen.hpp"
#include "kiosk/ui/reports/reports_home_screen.hpp"
#include "kiosk/ui/shell/admin_pin_screen.hpp"
#include "kiosk/ui/shell/shell_chrome.hpp"
#include "kiosk/ui/shell/unavailable_screen.hpp"

using namespace motcua;
using namespace motcua::kiosk;
using test::find;
using test::ScreenKit;

namespace {

ShellView fake_view(Mode mode, ConnectionState connection) {
    ShellView v;
    v.mode = mode;
    v.office_name = "Trung tâm Phục vụ hành chính công phường Bến Thành";
    v.connection = connection;
    v.now = LocalDateTime{2026, 11, 23, 1, 7, 30, 15};  // Monday 07:30:15
    return v;
}

/// The shell screens of the officers' and the board's modes (the citizen modes' screens are
/// tested in CitizenScreens.tests.cpp).
std::unique_ptr<ui::Screen> home_screen(Mode mode) {
    switch (mode) {
        case Mode::ticket:
        case Mode::rating:
            return nullptr;
        case Mode::counter:
            return std::make_unique<ui::CounterHomeScreen>();
        case Mode::board:
            return std::make_unique<ui::BoardHomeScreen>();
        case Mode::reports:
            return std::make_unique<ui::ReportsHomeScreen>();
    }
    return nullptr;
}

/// What every screen owes a person: everything on screen, nothing on top of anything else,
/// every label readable, every button big enough for a finger.
void check_layout(const ui::A11yTree& tree, ImVec2 display, const ui::Theme& theme) {
    REQUIRE_FALSE(tree.elements.empty());
    for (const auto& e : tree.elements) {
        INFO(e.label);
        CHECK_FALSE(e.label.empty());
        CHECK(e.x >= 0);
        CHECK(e.y >= 0);
        CHECK(e.x + e.w <= display.x + 0.5F);
        CHECK(e.y + e.h <= display.y + 0.5F);
        if (e.role == ui::A11yRole::button) CHECK(e.h >= theme.touch_target);
    }
    for (std::size_t i = 0; i < tree.elements.size(); ++i)
        for (std::size_t j = i + 1; j < tree.elements.size(); ++j) {
            INFO(tree.elements[i].label << " / " << tree.elements[j].label);
            CHECK_FALSE(test::overlap(tree.elements[i], tree.elements[j]));
        }
}

}  // namespace

TEST_CASE("each mode's home screen shows title, clock, connection and the language switch",
          "[screens]") {
    const ImVec2 display = GENERATE(ImVec2{1920, 1080}, ImVec2{1080, 1920}, ImVec2{1280, 800});
    const Mode mode = GENERATE(Mode::counter, Mode::board, Mode::reports);
    INFO(display.x << "x" << display.y << " " << to_string(mode));
    ScreenKit kit(display);
    auto screen = home_screen(mode);

    const auto vi = kit.draw(*screen, fake_view(mode, ConnectionState::online), Language::vi);
    CHECK(vi.screen == std::string(to_string(mode)) + "_home");
    check_layout(vi, display, kit.theme);
    const ui::Translator tr_vi(*kit.tables, Language::vi);
    CHECK(find(vi, tr_vi(ui::mode_title(mode))) != nullptr);
    CHECK(find(vi, "Đã kết nối") != nullptr);
    CHECK(find(vi, "07:30") != nullptr);
    const auto* english = find(vi, "English");
    REQUIRE(english != nullptr);
    CHECK(english->role == ui::A11yRole::button);
    CHECK(english->enabled);

    const auto en = kit.draw(*screen, fake_view(mode, ConnectionState::connecting), Language::en);
    check_layout(en, display, kit.theme);
    CHECK(find(en, "Connecting to the server…") != nullptr);
    CHECK(find(en, "Tiếng Việt") != nullptr);
    CHECK(find(en, "English") == nullptr);
}

TEST_CASE("a long office name is cut with an ellipsis, a portrait header gets two rows",
          "[screens]") {
    ScreenKit kit({1080, 1920});
    ui::CounterHomeScreen screen;
    ShellView v = fake_view(Mode::counter, ConnectionState::online);
    auto tree = kit.draw(screen, v);
    check_layout(tree, {1080, 1920}, kit.theme);
    // The usual name fits once the clock has moved to its own row.
    CHECK(find(tree, v.office_name) != nullptr);
    CHECK(find(tree, "Thứ Hai, ngày 23/11/2026") != nullptr);

    v.office_name = "Trung tâm Phục vụ hành chính công phường Bến Thành, Thành phố Hồ Chí Minh";
    tree = kit.draw(screen, v);
    check_layout(tree, {1080, 1920}, kit.theme);
    bool cut = false;
    for (const auto& e : tree.elements)
        if (e.label.rfind("Trung tâm", 0) == 0) cut = e.label.ends_with("…");
    CHECK(cut);
}

TEST_CASE("counter screens name their counter", "[screens]") {
    ScreenKit kit({1920, 1080});
    ui::CounterHomeScreen screen;
    ShellView v = fake_view(Mode::counter, ConnectionState::online);
    v.counter = 3;
    const auto tree = kit.draw(screen, v);
    CHECK(tree.screen == "counter_home");
    int named = 0;
    for (const auto& e : tree.elements) named += e.label == "Quầy số 3" ? 1 : 0;
    CHECK(named == 2);  // the heading and the footer
    CHECK(find(kit.draw(screen, v, Language::en), "Counter 3") != nullptr);
}

TEST_CASE("the unavailable notice replaces the screen in plain words", "[screens]") {
    ScreenKit kit({1920, 1080});
    ui::UnavailableScreen screen;
    const auto vi = kit.draw(screen, fake_view(Mode::ticket, ConnectionState::unavailable));
    CHECK(vi.screen == "unavailable");
    check_layout(vi, {1920, 1080}, kit.theme);
    CHECK(find(vi, "Hệ thống tạm thời gián đoạn. Vui lòng chờ trong giây lát.") != nullptr);
    CHECK(find(vi, "Đang thử kết nối lại…") != nullptr);
    CHECK(find(vi, "English") != nullptr);  // the language switch still works

    const auto en =
        kit.draw(screen, fake_view(Mode::ticket, ConnectionState::unavailable), Language::en);
    CHECK(find(en, "The system is temporarily unavailable. Please wait a moment.") != nullptr);

    SECTION("another API version gets its own notice") {
        const auto inc = kit.draw(screen, fake_view(Mode::board, ConnectionState::incompatible));
        CHECK(inc.screen == "incompatible");
        CHECK(find(inc, "Màn hình này chưa tương thích với máy chủ.") != nullptr);
    }
    SECTION("a narrow window wraps the notice instead of cutting it") {
        ScreenKit narrow({800, 1280});
        const auto tree =
            narrow.draw(screen, fake_view(Mode::ticket, ConnectionState::unavailable));
        check_layout(tree, {800, 1280}, narrow.theme);
        const auto* notice =
            find(tree, "Hệ thống tạm thời gián đoạn. Vui lòng chờ trong giây lát.");
        REQUIRE(notice != nullptr);
        CHECK(notice->h > narrow.theme.text_heading * 1.5F);  // more than one line
    }
}

TEST_CASE("the admin PIN pad", "[screens]") {
    ScreenKit kit({1920, 1080});
    ui::AdminPinScreen screen(AdminPinGate("2468"));
    screen.open(kit.steady_now);
    const ShellView view = fake_view(Mode::ticket, ConnectionState::online);
    auto tree = kit.draw(screen, view);
    CHECK(tree.screen == "admin_pin");
    check_layout(tree, {1920, 1080}, kit.theme);
    const auto* field = find(tree, "Mã quản trị");
    REQUIRE(field != nullptr);
    CHECK(field->role == ui::A11yRole::textbox);
    const auto* confirm = find(tree, "Thoát");
    REQUIRE(confirm != nullptr);
    CHECK_FALSE(confirm->enabled);  // nothing typed yet

    const auto tap = [&](std::string_view label) {
        const auto before = kit.draw(screen, view);
        const auto* key = find(before, label);
        REQUIRE(key != nullptr);
        kit.harness.mouse(test::centre_of(*key), false);
        kit.draw(screen, view);
        kit.harness.mouse(test::centre_of(*key), true);
        kit.draw(screen, view);
        kit.harness.mouse(test::centre_of(*key), false);
        return kit.draw(screen, view);
    };

    SECTION("the right PIN leaves kiosk mode") {
        for (const char* digit : {"2", "4", "6", "8"}) tap(digit);
        tap("Thoát");
        REQUIRE(kit.actions.size() == 1);
        CHECK(std::holds_alternative<ui::ExitKiosk>(kit.actions[0]));
    }
    SECTION("a wrong PIN says so and clears the entry") {
        tap("1");
        tap("Thoát");
        CHECK(kit.actions.empty());
        const auto after = kit.draw(screen, view);
        CHECK(find(after, "Mã không đúng. Vui lòng thử lại.") != nullptr);
        CHECK_FALSE(find(after, "Thoát")->enabled);
    }
    SECTION("cancel closes the pad") {
        tap("Hủy");
        REQUIRE(kit.actions.size() == 1);
        CHECK(std::holds_alternative<ui::CloseAdminPin>(kit.actions[0]));
    }
    SECTION("an abandoned pad closes itself") {
        kit.steady_now += std::chrono::seconds(31);
        kit.draw(screen, view);
        REQUIRE(kit.actions.size() == 1);
        CHECK(std::holds_alternative<ui::CloseAdminPin>(kit.actions[0]));
    }
}

TEST_CASE("without a configured PIN the pad explains and stays locked", "[screens]") {
    ScreenKit kit({1920, 1080});
    ui::AdminPinScreen screen(AdminPinGate(""));
    screen.open(kit.steady_now);
    const auto tree = kit.draw(screen, fake_view(Mode::ticket, ConnectionState::online));
    CHECK(find(tree,
               "Chưa cài đặt mã quản trị (office.admin_pin) nên không thể thoát từ màn hình.") !=
          nullptr);
    CHECK_FALSE(find(tree, "1")->enabled);
    CHECK(find(tree, "Hủy")->enabled);
}
