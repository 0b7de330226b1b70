// What the console's screens are given to draw, the officer's figures from the report, the
// requests' paths, and the oldest wait per category from the event stream.
#include <catch2/catch.hpp>

#include "core/counter/console_rig.hpp"
#include "kiosk/core/counter/console_views.hpp"
#include "kiosk/core/counter/waiting_tracker.hpp"

using namespace motcua;
using namespace motcua::kiosk;
using namespace std::chrono_literals;
using test::at;
using test::at_counter;
using test::ConsoleRig;
namespace cc = console_cmd;

namespace {

WardData ward_data() {
    WardData d;
    d.categories_loaded = true;
    d.counters_loaded = true;
    d.categories = {{"HT", "Tư pháp - Hộ tịch", "Justice - Civil status", 900, 3, 700, {490, 1050}},
                    {"DC", "Địa chính - Xây dựng", "Land - Construction", 1200, 0, 0, {0, 0}},
                    {"TK", "Trả kết quả", "Collect results", 600, 1, 120, {84, 180}}};
    d.counters = {test::counter_one(CounterState::open)};
    return d;
}

const OfficeZone& zone() {
    static const OfficeZone z = *OfficeZone::load("Asia/Ho_Chi_Minh");
    return z;
}

api::TicketView waiting(const char* id, const char* category, const char* issued) {
    api::TicketView t = test::sample_ticket("A100", category);
    t.id = id;
    t.issued_at = at(issued);
    return t;
}

}  // namespace

TEST_CASE("the console view: the ticket with its timers, the queue, the figures", "[console]") {
    ConsoleRig c;
    c.login_and_open();
    auto t = at_counter("t1", "A012", TicketState::called);  // issued 07:31, called 08:00
    t.priority = true;
    c.service_now = at("2026-11-23T08:00:00+07:00");
    c.call(t);
    const WardData data = ward_data();

    auto v = make_console_view(c.s, data, Language::vi, at("2026-11-23T08:01:05+07:00"), zone());
    CHECK(v.counter_name == "Quầy 1 - Hộ tịch");
    CHECK(v.officer_name == "Nguyễn Thị Lan");
    REQUIRE(v.current);
    CHECK(v.current->number == "A012");
    CHECK(v.current->category_name == "Tư pháp - Hộ tịch");
    CHECK(v.current->priority);
    CHECK(v.current->issued_at == "07:31");
    CHECK(v.current->waited_s == 29 * 60);  // first call − issue
    CHECK(v.current->since_call_s == 65);
    CHECK_FALSE(v.current->serving_s);
    CHECK(v.can(ConsoleAction::recall));
    CHECK_FALSE(v.can(ConsoleAction::call_next));
    // The counter's categories in its own order, in the screen's language.
    REQUIRE(v.waiting.size() == 2);
    CHECK(v.waiting[0].code == "HT");
    CHECK(v.waiting[0].waiting == 3);
    CHECK(v.waiting[0].wait ==
          api::WaitMinutes{api::WaitMinutes::Kind::range, 8, 18});  // 490-1050 s
    CHECK(v.waiting[1].code == "TK");
    CHECK(make_console_view(c.s, data, Language::en, c.service_now, zone()).waiting[1].name ==
          "Collect results");

    c.apply(cc::Start{});
    auto serving = at_counter("t1", "A012", TicketState::serving);
    serving.started_at = at("2026-11-23T08:01:00+07:00");
    c.answer(ConsoleReply{std::optional<api::TicketView>(serving)});
    v = make_console_view(c.s, data, Language::vi, at("2026-11-23T08:04:30+07:00"), zone());
    CHECK(v.current->serving_s == 210);
    CHECK_FALSE(v.current->since_call_s);

    c.s.on_figures(OfficerFigures{14, 380.0, 540.0});
    v = make_console_view(c.s, data, Language::vi, c.service_now, zone());
    REQUIRE(v.figures);
    CHECK(v.figures->served == 14);

    SECTION("before the counters are known the queue says it is loading") {
        v = make_console_view(c.s, WardData{}, Language::vi, c.service_now, zone());
        CHECK_FALSE(v.waiting_loaded);
        CHECK(v.counter_name.empty());
    }
    SECTION("the transfer offers every other category") {
        const auto choice = make_choice_view(c.s, data, Language::vi);
        CHECK(choice.number == "A012");
        REQUIRE(choice.categories.size() == 2);
        CHECK(choice.categories[0].code == "DC");
        CHECK(choice.categories[1].code == "TK");
    }
}

TEST_CASE("the officer's figures come from the report's row of that officer", "[console]") {
    const std::string report = R"({"from":"2026-11-23","to":"2026-11-23","group_by":"officer",
        "rows":[{"key":"binh","served":3,"wait_s":{"mean":100},"service_s":{"mean":200}},
                {"key":"lan","label":"Nguyễn Thị Lan","served":14,
                 "wait_s":{"mean":540.5,"p50":500},"service_s":{"mean":380,"p50":360}}],
        "total":{"key":"total","served":17}})";
    auto lan = decode_officer_figures(report, "lan");
    REQUIRE(lan);
    CHECK(lan->served == 14);
    CHECK(lan->mean_service_s == Approx(380));
    CHECK(lan->mean_wait_s == Approx(540.5));
    // Nobody served yet today: no row, zero.
    auto other = decode_officer_figures(report, "cuong");
    REQUIRE(other);
    CHECK(other->served == 0);
    CHECK_FALSE(other->mean_service_s);

    SECTION("bad inputs") {
        // not JSON
        CHECK_FALSE(decode_officer_figures("<html>", "lan"));
        // no rows array
        CHECK_FALSE(decode_officer_figures(R"({"total":{}})", "lan"));
        // a row that is not an object
        CHECK_FALSE(decode_officer_figures(R"({"rows":[7]})", "lan"));
        // the officer's count is not a whole number
        CHECK_FALSE(decode_officer_figures(R"({"rows":[{"key":"lan","served":"many"}]})", "lan"));
        // means missing: the count alone is still shown
        auto bare = decode_officer_figures(R"({"rows":[{"key":"lan","served":2}]})", "lan");
        REQUIRE(bare);
        CHECK(bare->served == 2);
        CHECK_FALSE(bare->mean_wait_s);
    }
}

TEST_CASE("each console request goes to its route", "[console]") {
    ConsoleRequest r;
    r.counter = 3;
    const std::vector<std::pair<ConsoleAction, std::string>> routes{
        {ConsoleAction::open, "open"},       {ConsoleAction::close, "close"},
        {ConsoleAction::pause, "pause"},     {ConsoleAction::call_next, "call-next"},
        {ConsoleAction::recall, "recall"},   {ConsoleAction::start, "start"},
        {ConsoleAction::no_show, "no-show"}, {ConsoleAction::transfer, "transfer"},
        {ConsoleAction::finish, "finish"},   {ConsoleAction::reinstate, "reinstate"}};
    for (const auto& [action, route] : routes) {
        r.action = action;
        CHECK(console_path(r) == "/api/v1/counters/3/" + route);
    }
}

TEST_CASE("the oldest wait per category, known or at least", "[console]") {
    WaitingTracker w;
    const TimePoint start = at("2026-11-23T08:00:00+07:00");
    w.start(start);
    w.start(at("2026-11-23T09:00:00+07:00"));  // the first reading counts
    const auto issued = [&](std::int64_t seq, const api::TicketView& t) {
        w.on_event(test::ticket_event(seq, EventType::ticket_issued, t, 0));
    };
    issued(1, waiting("a", "HT", "2026-11-23T08:05:00+07:00"));
    issued(2, waiting("b", "HT", "2026-11-23T08:10:00+07:00"));
    issued(3, waiting("c", "TK", "2026-11-23T08:12:00+07:00"));
    const TimePoint now = at("2026-11-23T08:20:00+07:00");

    // Everyone waiting was seen: the oldest exactly.
    auto ht = w.oldest("HT", 2, now);
    REQUIRE(ht);
    CHECK(ht->seconds == 15 * 60);
    CHECK_FALSE(ht->at_least);
    // The service counts more than were seen: someone was there before we watched.
    auto more = w.oldest("HT", 3, now);
    REQUIRE(more);
    CHECK(more->seconds == 20 * 60);
    CHECK(more->at_least);
    CHECK_FALSE(w.oldest("HT", 0, now));  // nobody waiting

    // Called: gone from the queue. Transferred: waits again under its new category.
    auto called = waiting("a", "HT", "2026-11-23T08:05:00+07:00");
    called.state = TicketState::called;
    w.on_event(test::ticket_event(4, EventType::ticket_called, called, 1));
    CHECK(w.oldest("HT", 1, now)->seconds == 10 * 60);
    auto moved = waiting("b", "TK", "2026-11-23T08:10:00+07:00");
    w.on_event(test::ticket_event(5, EventType::ticket_transferred, moved, 1));
    CHECK(w.oldest("TK", 2, now)->seconds == 10 * 60);
    CHECK(w.size() == 2);

    SECTION("bad inputs") {
        // an event without a ticket, or with an undecodable one, changes nothing
        api::Event odd;
        odd.type = EventType::counter_opened;
        odd.fields = {{"counter", 1}};
        w.on_event(odd);
        odd.fields = {{"ticket", 42}};
        w.on_event(odd);
        CHECK(w.size() == 2);
        // never watched: an incomplete picture cannot be told
        WaitingTracker fresh;
        fresh.on_event(test::ticket_event(9, EventType::ticket_issued,
                                          waiting("z", "VX", "2026-11-23T08:00:00+07:00"), 0));
        CHECK_FALSE(fresh.oldest("VX", 2, now));
    }
}
