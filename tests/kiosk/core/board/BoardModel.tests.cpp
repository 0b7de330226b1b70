// The display board's state without a window: calls from the event stream, which to announce,
// what each counter serves, the highlight, and the view it draws.
#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "core/counter/console_rig.hpp"
#include "kiosk/core/board/board_model.hpp"

using namespace motcua;
using namespace motcua::kiosk;
using namespace std::chrono_literals;
using test::at;

namespace {

api::TicketView ticket(const char* id, const char* number, int counter, TicketState state) {
    auto t = test::sample_ticket(number);
    t.id = id;
    t.counter = counter;
    t.state = state;
    return t;
}

api::Event call(std::int64_t seq, const char* id, const char* number, int counter,
                const char* when = "2026-11-23T08:00:00+07:00",
                EventType type = EventType::ticket_called) {
    return test::ticket_event(seq, type, ticket(id, number, counter, TicketState::called), counter,
                              when);
}

WardData counters() {
    WardData d;
    d.counters_loaded = true;
    d.events_connected = true;
    for (int n = 1; n <= 3; ++n) {
        api::CounterInfo c;
        c.number = n;
        c.name = "Quầy " + std::to_string(n);
        c.state = n == 3 ? CounterState::closed : CounterState::open;
        d.counters.push_back(c);
    }
    d.counters[1].current = ticket("old", "B007", 2, TicketState::serving);  // from /counters
    d.categories = {
        {"HT", "Tư pháp - Hộ tịch", "Justice - Civil status", 900, 4, 1300, {910, 1950}}};
    return d;
}

}  // namespace

TEST_CASE("a fresh call is shown, highlighted for a while, and announced", "[board]") {
    BoardModel m({10, 8, 60});
    const SteadyTime t0{};
    const TimePoint now = at("2026-11-23T08:00:01+07:00");
    const auto said = m.on_event(call(5, "t1", "A001", 1), t0, now);
    REQUIRE(said);
    CHECK(*said == CallToAnnounce{5, "A001", 1});
    REQUIRE(m.calls().size() == 1);
    CHECK(m.serving_at(1) == "A001");
    CHECK_FALSE(m.serving_at(2));  // no event about it yet: /counters knows
    CHECK(m.highlighted(m.calls().front(), t0 + 9s));
    CHECK_FALSE(m.highlighted(m.calls().front(), t0 + 10s));
    CHECK(m.next_change_in(t0 + 4s) == Approx(6));

    SECTION("the next call takes the highlight; the list is newest first") {
        m.on_event(call(6, "t2", "A002", 2), t0 + 2s, now);
        CHECK(m.calls().front().number == "A002");
        CHECK_FALSE(m.highlighted(m.calls().back(), t0 + 3s));
        CHECK(m.highlighted(m.calls().front(), t0 + 3s));
    }
    SECTION("a recall moves the call back to the top, announced again, never listed twice") {
        m.on_event(call(6, "t2", "A002", 2), t0 + 1s, now);
        const auto again = m.on_event(
            call(7, "t1", "A001", 1, "2026-11-23T08:00:01+07:00", EventType::ticket_recalled),
            t0 + 2s, now);
        REQUIRE(again);
        CHECK(again->number == "A001");
        REQUIRE(m.calls().size() == 2);
        CHECK(m.calls().front().number == "A001");
        CHECK(m.calls().front().recall);
    }
    SECTION("the citizen leaves the desk: the counter is free") {
        m.on_event(test::ticket_event(8, EventType::ticket_finished,
                                      ticket("t1", "A001", 1, TicketState::done), 1),
                   t0 + 5s, now);
        CHECK(m.serving_at(1) == "");
        CHECK(m.calls().size() == 1);  // the call stays in the list
    }
}

TEST_CASE("calls older than voice.max_age_s when they arrive are shown, not announced", "[board]") {
    BoardModel m({10, 8, 60});
    const SteadyTime t0{};
    // Replayed after an outage: the service's clock is at 08:05 when they reach the board.
    const TimePoint now = at("2026-11-23T08:05:00+07:00");
    CHECK_FALSE(m.on_event(call(5, "t1", "A001", 1, "2026-11-23T08:01:00+07:00"), t0, now));
    CHECK_FALSE(m.on_event(call(6, "t2", "A002", 2, "2026-11-23T08:03:59+07:00"), t0, now));
    CHECK(m.on_event(call(7, "t3", "A003", 1, "2026-11-23T08:04:00+07:00"), t0, now));
    REQUIRE(m.calls().size() == 3);
    CHECK(m.serving_at(1) == "A003");
    CHECK(m.serving_at(2) == "A002");
    // An old call is never highlighted: the highlight says "this one, now".
    CHECK_FALSE(m.highlighted(m.calls()[1], t0));
}

TEST_CASE("the list keeps the newest calls only", "[board]") {
    BoardModel m({10, 3, 60});
    const TimePoint now = at("2026-11-23T08:00:00+07:00");
    for (int i = 1; i <= 5; ++i) {
        const std::string id = fmt::format("t{}", i);
        const std::string number = fmt::format("A00{}", i);
        m.on_event(call(i, id.c_str(), number.c_str(), 1), SteadyTime{}, now);
    }
    REQUIRE(m.calls().size() == 3);
    CHECK(m.calls().front().number == "A005");
    CHECK(m.calls().back().number == "A003");
    SECTION("bad inputs") {
        // an event without a counter or a ticket: ignored
        api::Event odd;
        odd.seq = 9;
        odd.type = EventType::ticket_called;
        CHECK_FALSE(m.on_event(odd, SteadyTime{}, now));
        odd.fields = {{"counter", 1}, {"ticket", "not a ticket"}};
        CHECK_FALSE(m.on_event(odd, SteadyTime{}, now));
        CHECK(m.calls().size() == 3);
    }
}

TEST_CASE("the board view: open counters with their numbers, calls, the queue", "[board]") {
    BoardModel m({10, 8, 60});
    const SteadyTime t0{};
    WardData data = counters();
    auto v = make_board_view(m, data, ConnectionState::online, Language::vi, t0);
    CHECK(v.loaded);
    CHECK_FALSE(v.link_lost);
    REQUIRE(v.counters.size() == 2);  // counter 3 is closed
    CHECK(v.counters[0].ticket.empty());
    CHECK(v.counters[1].ticket == "B007");  // what /counters said
    CHECK(v.calls.empty());
    REQUIRE(v.categories.size() == 1);
    CHECK(v.categories[0].waiting == 4);
    CHECK(v.categories[0].wait ==
          api::WaitMinutes{api::WaitMinutes::Kind::range, 15, 33});  // 910-1950 s
    CHECK(make_board_view(m, data, ConnectionState::online, Language::en, t0).categories[0].name ==
          "Justice - Civil status");

    m.on_event(call(5, "t1", "A001", 1), t0, at("2026-11-23T08:00:00+07:00"));
    v = make_board_view(m, data, ConnectionState::online, Language::vi, t0 + 1s);
    CHECK(v.counters[0].ticket == "A001");  // the event, at once, before /counters catches up
    CHECK(v.counters[0].highlighted);
    CHECK_FALSE(v.counters[1].highlighted);
    REQUIRE(v.calls.size() == 1);
    CHECK(v.calls[0].highlighted);
    v = make_board_view(m, data, ConnectionState::online, Language::vi, t0 + 11s);
    CHECK_FALSE(v.counters[0].highlighted);
    CHECK_FALSE(v.calls[0].highlighted);

    SECTION("the link is lost when the service is away or the event stream broke") {
        CHECK(make_board_view(m, data, ConnectionState::unavailable, Language::vi, t0).link_lost);
        data.events_connected = false;
        CHECK(make_board_view(m, data, ConnectionState::online, Language::vi, t0).link_lost);
        // starting up is not "lost"
        CHECK_FALSE(make_board_view(m, WardData{}, ConnectionState::connecting, Language::vi, t0)
                        .link_lost);
    }
    SECTION("a paused counter stays on the board; a closed one goes") {
        data.counters[0].state = CounterState::paused;
        data.counters[1].state = CounterState::closed;
        v = make_board_view(m, data, ConnectionState::online, Language::vi, t0);
        REQUIRE(v.counters.size() == 1);
        CHECK(v.counters[0].state == CounterState::paused);
        m.on_event(
            test::counter_event(9, EventType::counter_closed, CounterState::closed, std::nullopt),
            t0, at("2026-11-23T08:00:00+07:00"));
        CHECK(m.serving_at(1) == "");
    }
}
