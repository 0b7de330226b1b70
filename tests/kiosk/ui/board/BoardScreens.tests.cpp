// The display board drawn by its real controller in a bare ImGui context: layout in both
// languages, the number at its counter, the highlight, the lost-link sign, the voice's calls.
#include <catch2/catch.hpp>

#include "ui/counter/counter_rig.hpp"

using namespace motcua;
using namespace motcua::kiosk;
using namespace std::chrono_literals;
using test::find;
using test::ModeRig;

namespace {

struct BoardRig : ModeRig {
    explicit BoardRig(ImVec2 display) : ModeRig(display) {
        view.mode = Mode::board;
        ui::BoardScreensConfig config;
        config.timing.max_age_s = 60;
        config.clocks.steady = [this] { return kit.steady_now; };
        config.clocks.wall = [this] { return wall; };
        config.announce = [this](const CallToAnnounce& c) { said.push_back(c); };
        screens = std::make_unique<ui::BoardScreens>(std::move(config));
        screens->on_service_time(wall, wall);
        state.ward.events_connected = true;
    }
    ui::A11yTree frame() { return ModeRig::frame(*screens); }
    void call(std::int64_t seq, const char* number, int counter, const char* when,
              EventType type = EventType::ticket_called,
              std::optional<api::TicketAppointment> appointment = std::nullopt) {
        auto t = test::sample_ticket(number);
        t.id = std::string("id-") + number;
        t.state = TicketState::called;
        t.counter = counter;
        t.appointment = std::move(appointment);
        screens->on_event(test::ticket_event(seq, type, t, counter, when));
    }

    std::vector<CallToAnnounce> said;
    std::unique_ptr<ui::BoardScreens> screens;
};

/// The element labelled `label` whose vertical centre lies in `row`'s band: "A012 at counter 2".
const ui::A11yElement* in_row(const ui::A11yTree& tree, std::string_view label,
                              const ui::A11yElement& row) {
    for (const auto& e : tree.elements) {
        const float cy = e.y + e.h / 2;
        if (e.label == label && cy >= row.y - row.h && cy <= row.y + 2 * row.h && e.x > row.x)
            return &e;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("the board fits a TV in both languages, with and without calls", "[board_screens]") {
    const ImVec2 display = GENERATE(ImVec2{1920, 1080}, ImVec2{1280, 720});
    const Language lang = GENERATE(Language::vi, Language::en);
    INFO(display.x << "x" << display.y << " " << to_string(lang));
    BoardRig rig(display);
    rig.lang = lang;
    // Every counter open: the tightest board.
    for (auto& c : rig.state.ward.counters) {
        c.state = CounterState::open;
        c.officer = "Nguyễn Thị Lan";
    }
    test::check_citizen_layout(rig.frame(), display, rig.kit.theme);
    CHECK(rig.tree.screen == "board");
    CHECK(find(rig.tree, "English") == nullptr);  // a TV has no language button
    for (int i = 1; i <= 9; ++i) {
        const std::string number = "A00" + std::to_string(i);
        // The longest note: a booked ticket called again.
        rig.call(
            i, number.c_str(), 1 + i % 5, "2026-11-23T08:02:00+07:00",
            i >= 8 ? EventType::ticket_recalled : EventType::ticket_called,
            i % 2 == 1 ? std::optional(api::TicketAppointment{"K7PM3QX9", "08:00"}) : std::nullopt);
    }
    rig.state.connection = ConnectionState::unavailable;
    test::check_citizen_layout(rig.frame(), display, rig.kit.theme);
    CHECK(find(rig.tree,
               lang == Language::vi
                   ? "Mất kết nối với máy chủ — thông tin trên bảng có thể chưa được cập nhật"
                   : "Connection to the server lost — the board may be out of date") != nullptr);
}

TEST_CASE("a call shows its number at its counter, highlighted, and is announced",
          "[board_screens]") {
    BoardRig rig({1920, 1080});
    rig.frame();
    CHECK(find(rig.tree, "Chưa có số nào được gọi") != nullptr);
    CHECK(find(rig.tree, "Quầy 1 - Hộ tịch") != nullptr);              // open, nobody called yet
    CHECK(find(rig.tree, "Quầy 2 - Hộ tịch, chứng thực") == nullptr);  // closed: not listed

    rig.call(7, "A012", 1, "2026-11-23T08:02:00+07:00");
    rig.frame();
    REQUIRE(rig.said.size() == 1);
    CHECK(rig.said[0] == CallToAnnounce{7, "A012", 1});
    const auto* row = find(rig.tree, "Quầy 1 - Hộ tịch");
    REQUIRE(row != nullptr);
    CHECK(in_row(rig.tree, "A012", *row) != nullptr);
    CHECK(find(rig.tree, "Quầy số 1") != nullptr);  // in the calls list
    CHECK(rig.redraw_in_s <= 10.0);                 // the highlight ends by itself
    // The waiting strip: people and the estimate per category.
    CHECK(find(rig.tree, "Tư pháp - Hộ tịch") != nullptr);
    CHECK(find(rig.tree, "3 người chờ") != nullptr);
    CHECK(find(rig.tree, "Chờ khoảng 8–17 phút") != nullptr);

    SECTION("a category whose range ends under 3 minutes reads 'Sắp đến lượt'") {
        rig.state.ward.categories[0].estimated_wait_range_s = {0, 150};
        rig.frame();
        CHECK(find(rig.tree, "Sắp đến lượt") != nullptr);
    }

    SECTION("a recall is said again and marked") {
        rig.call(8, "A012", 1, "2026-11-23T08:02:00+07:00", EventType::ticket_recalled);
        rig.frame();
        CHECK(rig.said.size() == 2);
        CHECK(find(rig.tree, "Mời lại") != nullptr);
    }
    SECTION("a booked ticket's call is marked with its slot; a walk-in's is not") {
        CHECK_FALSE(test::shows_text_containing(rig.tree, "Lịch hẹn"));
        rig.call(8, "A013", 2, "2026-11-23T08:03:00+07:00", EventType::ticket_called,
                 api::TicketAppointment{"K7PM3QX9", "08:00"});
        rig.frame();
        CHECK(find(rig.tree, "Lịch hẹn lúc 08:00") != nullptr);
        rig.call(9, "A013", 2, "2026-11-23T08:05:00+07:00", EventType::ticket_recalled,
                 api::TicketAppointment{"K7PM3QX9", "08:00"});
        rig.frame();
        CHECK(find(rig.tree, "Mời lại · Lịch hẹn lúc 08:00") != nullptr);
    }
    SECTION("a call that was old when it arrived is shown but not said") {
        rig.call(9, "A013", 1, "2026-11-23T07:50:00+07:00");
        rig.frame();
        CHECK(rig.said.size() == 1);
        CHECK(in_row(rig.tree, "A013", *find(rig.tree, "Quầy 1 - Hộ tịch")) != nullptr);
    }
    SECTION("the service's clock decides the age, not the TV's") {
        // The TV's clock is an hour behind: a call made a moment ago is still recent.
        rig.screens->on_service_time(*parse_rfc3339("2026-11-23T09:02:00+07:00"), rig.wall);
        rig.call(10, "A014", 1, "2026-11-23T09:01:30+07:00");
        CHECK(rig.said.size() == 2);
    }
}
