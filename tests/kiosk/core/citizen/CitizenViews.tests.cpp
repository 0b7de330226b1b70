#include <catch2/catch.hpp>

#include "core/citizen/sample_ticket.hpp"
#include "kiosk/core/citizen/citizen_views.hpp"
#include "motcua/config.hpp"

using namespace motcua;
using namespace motcua::kiosk;
using namespace std::chrono_literals;

namespace {

const SteadyTime t0{};

/// The demo ward's config: four categories with letters, four priority groups, five counters.
const WardConfig& demo() {
    static const WardConfig config = [] {
        auto c = load_config(std::string(MOTCUA_SOURCE_DIR) + "/assets/config/ward-demo.toml");
        REQUIRE(c);
        return *c;
    }();
    return config;
}

WardData served_data() {
    WardData d;
    d.categories_loaded = true;
    d.categories = {{"HT", "Tư pháp - Hộ tịch", "Justice - Civil status", 900, 3, 700, {490, 1050}},
                    {"DC", "Địa chính - Xây dựng - Đô thị và Môi trường", "", 1200, 0, 0, {0, 0}},
                    {"TK", "Trả kết quả", "Collect results", 600, 2, 0, {0, 0}}};
    api::CounterInfo c1;
    c1.number = 1;
    c1.name = "Quầy 1 - Hộ tịch";
    c1.categories = {"HT", "TK"};
    c1.state = CounterState::open;
    c1.officer = "Nguyễn Thị Lan";
    api::CounterInfo c4 = c1;
    c4.number = 4;
    c4.name = "Quầy 4 - Văn hóa - Xã hội";
    c4.categories = {"VX", "HT", "DC"};
    c4.state = CounterState::closed;
    api::CounterInfo c3 = c1;
    c3.number = 3;
    c3.categories = {"DC", "TK"};
    d.counters = {c4, c3, c1};
    d.counters_loaded = true;
    return d;
}

}  // namespace

TEST_CASE("the home view: tiles from the service, letters and priority from the config",
          "[views]") {
    TicketFlow flow({}, true);
    const WardData data = served_data();
    auto v = make_ticket_home_view(data, demo(), flow, Language::vi, SteadyTime{});
    CHECK(v.loaded);
    REQUIRE(v.tiles.size() == 3);
    CHECK(v.tiles[0].name == "Tư pháp - Hộ tịch");
    CHECK(v.tiles[0].prefix == "A");
    CHECK(v.tiles[0].waiting == 3);
    // A ticket taken now: the range 490-1050 s in whole minutes that hold it.
    CHECK(v.tiles[0].wait == api::WaitMinutes{api::WaitMinutes::Kind::range, 8, 18});
    CHECK(v.tiles[2].prefix == "D");
    CHECK(v.priority_offered);
    CHECK_FALSE(v.priority_name);

    const auto en = make_ticket_home_view(data, demo(), flow, Language::en, SteadyTime{});
    CHECK(en.tiles[0].name == "Justice - Civil status");
    CHECK(en.tiles[1].name == "Địa chính - Xây dựng - Đô thị và Môi trường");  // no English name

    flow.open_priority(t0);
    flow.choose_priority("elderly", t0);
    CHECK(make_ticket_home_view(data, demo(), flow, Language::vi, SteadyTime{}).priority_name ==
          "Người cao tuổi (từ 60 tuổi)");
    CHECK(make_ticket_home_view(data, demo(), flow, Language::en, SteadyTime{}).priority_name ==
          "Elderly (60 or older)");

    SECTION("before the first answer: loading, no tiles") {
        const auto empty =
            make_ticket_home_view(WardData{}, demo(), flow, Language::vi, SteadyTime{});
        CHECK_FALSE(empty.loaded);
        CHECK(empty.tiles.empty());
    }
    SECTION("without a config: no priority choice") {
        CHECK_FALSE(make_ticket_home_view(data, WardConfig{}, flow, Language::vi, SteadyTime{})
                        .priority_offered);
    }
    SECTION("the priority list marks the chosen group") {
        const auto p = make_priority_view(demo(), flow, Language::vi);
        REQUIRE(p.options.size() == 4);
        CHECK(p.options[0].chosen);
        CHECK_FALSE(p.options[1].chosen);
        CHECK(p.options[3].name == "Người có công với cách mạng");
    }
}

TEST_CASE("the issued view: number, counters that serve it, estimate, QR target", "[views]") {
    TicketFlow flow({}, true);
    REQUIRE(flow.choose_category("HT", t0));
    flow.on_issued(test::sample_ticket(), t0);
    const auto v = make_issued_view(served_data(), demo(), flow, Language::vi,
                                    "http://10.0.0.5:8080", t0 + 2s);
    CHECK(v.number == "A012");
    CHECK(v.category_name == "Tư pháp - Hộ tịch");
    CHECK(v.counters == std::vector<int>{1, 4});  // sorted; counter 3 does not serve HT
    CHECK(v.waiting_ahead == 3);
    CHECK(v.wait == api::WaitMinutes{api::WaitMinutes::Kind::range, 8, 18});
    CHECK(v.qr_text == "http://10.0.0.5:8080/t/q7Hk2mZx9PaL");
    CHECK(v.print == PrintState::printing);
    CHECK_FALSE(v.remember_number);
    CHECK(v.seconds_left == 13);

    flow.on_printed("q7Hk2mZx9PaL", false, t0 + 3s);
    const auto failed =
        make_issued_view(served_data(), demo(), flow, Language::en, "http://h:1", t0 + 3s);
    CHECK(failed.remember_number);
    CHECK(failed.category_name == "Justice - Civil status");

    SECTION("before /counters answered, the config's counters stand in") {
        const auto early =
            make_issued_view(WardData{}, demo(), flow, Language::vi, "http://h:1", t0);
        CHECK(early.counters == std::vector<int>{1, 2, 4});
    }
}

TEST_CASE("rating views: keypad letters, levels, reasons, idle counter", "[views]") {
    RatingFlow kiosk(RatingSource::kiosk, SatisfactionScale::five_level, {});
    kiosk.open_keypad(t0);
    auto keypad = make_keypad_view(demo(), kiosk);
    CHECK(keypad.letters == std::vector<char>{'A', 'B', 'C', 'D'});
    CHECK_FALSE(keypad.can_confirm);
    CHECK_FALSE(keypad.can_delete);
    kiosk.press_key('C', t0);
    kiosk.press_key('5', t0);
    keypad = make_keypad_view(demo(), kiosk);
    CHECK(keypad.entry == "C5");
    CHECK(keypad.can_confirm);
    CHECK(make_keypad_view(WardConfig{}, kiosk).letters.empty());  // no config: digits only

    kiosk.confirm_number(t0);
    CHECK(make_levels_view(kiosk).number == "C5");
    CHECK(make_levels_view(kiosk).levels.size() == 5);
    kiosk.choose_level(2, t0);
    kiosk.toggle_reason(RatingReason::long_wait, t0);
    const auto reasons = make_reasons_view(kiosk);
    CHECK(reasons.level == 2);
    REQUIRE(reasons.reasons.size() == 5);
    CHECK(reasons.reasons[1] == std::pair{RatingReason::long_wait, true});
    CHECK(reasons.reasons[0] == std::pair{RatingReason::attitude, false});

    const WardData data = served_data();
    const auto idle = make_rating_idle_view(data, 1, SatisfactionScale::three_level);
    CHECK(idle.counter_name == "Quầy 1 - Hộ tịch");
    CHECK(idle.officer == "Nguyễn Thị Lan");
    CHECK(idle.levels == std::vector<int>{5, 4, 2});
    // a closed counter has nobody on duty, whatever was last known
    CHECK_FALSE(make_rating_idle_view(data, 4, SatisfactionScale::five_level).officer);
    // an unknown counter: only its number
    CHECK(make_rating_idle_view(data, 9, SatisfactionScale::five_level).counter_name.empty());
}
