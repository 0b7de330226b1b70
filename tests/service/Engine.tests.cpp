#include "queue/engine.hpp"

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <map>
#include <random>
#include <set>

using namespace motcua;
using namespace motcua::queue;
using namespace std::chrono_literals;

namespace {

const char* kConfig = R"(
[office]
name = "Phường Thử"
unit_code = "000.00.00.X01"
admin_pin = "1234"
[priority]
normal_per_priority = 2
max_normal_wait_min = 30
[[priority.reasons]]
code = "elderly"
name_vi = "Người cao tuổi"
name_en = "Elderly"
[[categories]]
code = "HT"
name_vi = "Tư pháp - Hộ tịch"
name_en = "Justice"
prefix = "A"
[[categories]]
code = "DC"
name_vi = "Địa chính"
name_en = "Land"
prefix = "B"
[[counters]]
number = 1
categories = ["HT", "DC"]
[[counters]]
number = 2
categories = ["DC", "HT"]
[[counters]]
number = 3
categories = ["HT"]
)";

struct Fixture {
    WardConfig config = *parse_config(kConfig, "test.toml");
    OfficeZone zone = *OfficeZone::load("Asia/Ho_Chi_Minh");
    TimePoint now = *parse_rfc3339("2026-11-23T07:30:00+07:00");
    Engine engine{config, zone, now};
    int next_id = 0;

    Ticket issue(const std::string& cat, bool priority = false) {
        auto c = engine.issue(now, fmt::format("t{}", ++next_id), cat, priority, std::nullopt);
        REQUIRE(c.ok());
        return *c->ticket;
    }
    std::optional<Ticket> call(int counter, const std::string& officer) {
        auto c = engine.call_next(now, counter, officer);
        REQUIRE(c.ok());
        return c->ticket;
    }
    void open(int counter, const std::string& officer) {
        REQUIRE(engine.open_counter(now, counter, officer).ok());
    }
};

}  // namespace

TEST_CASE("tickets are numbered per category and day, and never repeat", "[engine]") {
    Fixture f;
    CHECK(f.issue("HT").number == "A001");
    CHECK(f.issue("HT").number == "A002");
    CHECK(f.issue("DC").number == "B001");
    CHECK(f.issue("HT", true).number == "A003");
    SECTION("a new office day restarts numbering and expires who still waits") {
        f.now = *parse_rfc3339("2026-11-24T07:00:00+07:00");
        auto events = f.engine.advance(f.now);
        CHECK(events.size() == 4);
        for (const auto& e : events) {
            CHECK(e.type == EventType::ticket_expired);
            CHECK(e.ticket->state == TicketState::expired);
        }
        CHECK(f.issue("HT").number == "A001");
        CHECK(f.engine.total_waiting() == 1);
    }
    SECTION("bad inputs") {
        // unknown category
        CHECK(f.engine.issue(f.now, "x", "ZZ", false, std::nullopt).error().code ==
              ErrorCode::unknown_category);
        // unknown priority reason
        CHECK(f.engine.issue(f.now, "y", "HT", true, "vip").error().code ==
              ErrorCode::unknown_priority_reason);
        // a failed command changes nothing: numbering continues
        CHECK(f.issue("HT").number == "A004");
    }
}

TEST_CASE("a ticket goes waiting, called, serving, done", "[engine]") {
    Fixture f;
    auto t = f.issue("HT");
    f.open(1, "lan");
    f.now += 5min;
    auto called = f.call(1, "lan");
    REQUIRE(called);
    CHECK(called->id == t.id);
    CHECK(called->state == TicketState::called);
    CHECK(called->called_at == f.now);
    f.now += 1min;
    auto rc = f.engine.recall(f.now, 1, "lan");
    REQUIRE(rc.ok());
    CHECK(rc->ticket->recalls == 1);
    CHECK(rc->ticket->called_at ==
          f.now - 1min);  // the first call stays: wait is to the first call
    f.now += 1min;
    REQUIRE(f.engine.start(f.now, 1, "lan").ok());
    f.now += 4min;
    auto done = f.engine.finish(f.now, 1, "lan", FinishOutcome::resolved);
    REQUIRE(done.ok());
    CHECK(done->ticket->state == TicketState::done);
    CHECK(*done->ticket->finished_at - *done->ticket->started_at == 4min);
    CHECK(f.engine.counter(1)->current_ticket == std::nullopt);

    SECTION("service starts at the last call when Start was never pressed") {
        f.issue("HT");
        auto c = f.call(1, "lan");
        f.now += 2min;
        REQUIRE(f.engine.recall(f.now, 1, "lan").ok());
        const auto last_call = f.now;
        f.now += 3min;
        auto fin = f.engine.finish(f.now, 1, "lan", FinishOutcome::guidance);
        CHECK(fin->ticket->started_at == last_call);
    }
    SECTION("rating: once, only served tickets, right counter") {
        RatingInput in{t.id, 5, {}, std::nullopt, std::nullopt, "pad1", 1};
        auto r = f.engine.rate(f.now, in);
        REQUIRE(r.ok());
        CHECK(r->rating->counter == 1);
        CHECK(r->rating->officer == "lan");
        CHECK(f.engine.rate(f.now, in).error().code == ErrorCode::already_rated);
        auto waiting = f.issue("DC");
        CHECK(f.engine.rate(f.now, {waiting.id, 4, {}, {}, {}, "k", {}}).error().code ==
              ErrorCode::not_served);
    }
    SECTION("rating with an idempotency key is stored once and answered again") {
        RatingInput in{t.id, 4, {}, std::nullopt, "key-1", "kiosk", std::nullopt};
        REQUIRE(f.engine.rate(f.now, in).ok());
        auto again = f.engine.rate(f.now, in);
        REQUIRE(again.ok());
        CHECK(again->replayed);
        CHECK(again->events.empty());
    }
    SECTION("a citizen may give the printed number instead of the id") {
        auto r = f.engine.rate(f.now, {"a001", 3, {}, {}, {}, "kiosk", {}});
        REQUIRE(r.ok());
        CHECK(r->rating->ticket_id == t.id);
        CHECK(f.engine.rate(f.now, {"A999", 3, {}, {}, {}, "kiosk", {}}).error().code ==
              ErrorCode::unknown_ticket);
    }
    SECTION("a rating given by printed number is answered again on a retry with its key") {
        RatingInput in{"A001", 4, {}, std::nullopt, "key-2", "kiosk", std::nullopt};
        REQUIRE(f.engine.rate(f.now, in).ok());
        auto again = f.engine.rate(f.now, in);
        REQUIRE(again.ok());
        CHECK(again->replayed);
        CHECK(again->ticket->id == t.id);
        in.ticket_id = t.id;  // the same ticket by its id
        CHECK(f.engine.rate(f.now, in).ok());
        auto other = f.issue("HT");
        in.ticket_id = other.number;  // another ticket: the key is not this one's
        CHECK(f.engine.rate(f.now, in).error().code == ErrorCode::idempotency_key_reused);
    }
    SECTION("a rating pad cannot rate another counter's ticket") {
        CHECK(f.engine.rate(f.now, {t.id, 5, {}, {}, {}, "pad2", 2}).error().code ==
              ErrorCode::wrong_counter);
    }
}

TEST_CASE("no-show, reinstate and transfer", "[engine]") {
    Fixture f;
    auto a = f.issue("HT");
    auto b = f.issue("HT");
    f.open(1, "lan");
    f.call(1, "lan");
    auto ns = f.engine.no_show(f.now, 1, "lan");
    REQUIRE(ns.ok());
    CHECK(ns->ticket->state == TicketState::no_show);
    // put back: goes to the front of its queue
    auto back = f.engine.reinstate(f.now, 1, "lan", a.id);
    REQUIRE(back.ok());
    CHECK(back->ticket->state == TicketState::waiting);
    CHECK(f.call(1, "lan")->id == a.id);
    // transfer to DC keeps the number, waits at the front of DC
    auto c = f.issue("DC");
    auto tr = f.engine.transfer(f.now, 1, "lan", "DC");
    REQUIRE(tr.ok());
    CHECK(tr->ticket->number == a.number);
    CHECK(tr->ticket->category == "DC");
    CHECK(tr->ticket->state == TicketState::waiting);
    CHECK(tr->events[0].from_category == "HT");
    f.open(2, "binh");
    CHECK(f.call(2, "binh")->id == a.id);
    CHECK(f.call(1, "lan")->id == b.id);
    (void)c;
    SECTION("bad inputs") {
        // recall at a counter that is not yours
        CHECK(f.engine.recall(f.now, 1, "binh").error().code == ErrorCode::not_at_counter);
        // call next while a ticket is still at the counter
        CHECK(f.engine.call_next(f.now, 1, "lan").error().code == ErrorCode::ticket_in_progress);
        // reinstate a ticket that is not absent
        CHECK(f.engine.reinstate(f.now, 1, "lan", b.id).error().code == ErrorCode::invalid_state);
        // transfer to an unknown category
        CHECK(f.engine.transfer(f.now, 1, "lan", "ZZ").error().code == ErrorCode::unknown_category);
        // close with a ticket in progress
        CHECK(f.engine.close_counter(f.now, 1, "lan").error().code ==
              ErrorCode::ticket_in_progress);
        // unknown counter
        CHECK(f.engine.open_counter(f.now, 9, "lan").error().code == ErrorCode::unknown_counter);
    }
}

TEST_CASE("opening a counter moves the officer there", "[engine]") {
    Fixture f;
    f.open(1, "lan");
    auto moved = f.engine.open_counter(f.now, 3, "lan");
    REQUIRE(moved.ok());
    CHECK(f.engine.counter(1)->state == CounterState::closed);
    CHECK(f.engine.counter(3)->officer == "lan");
    REQUIRE(moved->events.size() == 2);
    CHECK(moved->events[0].type == EventType::counter_closed);
    CHECK(moved->events[1].type == EventType::counter_opened);
    REQUIRE(f.engine.pause_counter(f.now, 3, "lan").ok());
    CHECK(f.engine.call_next(f.now, 3, "lan").error().code == ErrorCode::counter_paused);
}

TEST_CASE("counters take categories in their order of preference", "[engine]") {
    Fixture f;
    auto ht = f.issue("HT");
    auto dc = f.issue("DC");
    f.open(2, "binh");  // prefers DC
    CHECK(f.call(2, "binh")->id == dc.id);
    f.open(1, "lan");  // prefers HT
    CHECK(f.call(1, "lan")->id == ht.id);
    f.open(3, "an");  // HT only, none left
    CHECK_FALSE(f.call(3, "an"));
}

TEST_CASE("priority tickets are interleaved by the ratio, within the guard", "[engine]") {
    Fixture f;
    std::vector<std::string> normal, priority;
    for (int i = 0; i < 6; ++i) normal.push_back(f.issue("HT").id);
    for (int i = 0; i < 3; ++i) priority.push_back(f.issue("HT", true).id);
    f.open(3, "an");
    std::string pattern;
    auto finish = [&] { REQUIRE(f.engine.finish(f.now, 3, "an", FinishOutcome::resolved).ok()); };
    for (int i = 0; i < 9; ++i) {
        auto t = f.call(3, "an");
        pattern += t->priority ? 'P' : 'N';
        finish();
    }
    // the first priority ticket goes first, then 1 priority after every 2 normal;
    // first come first served within each class
    CHECK(pattern == "PNNPNNPNN");

    SECTION("no normal ticket waits past the guard while priority tickets pass it") {
        Fixture g;
        auto old = g.issue("HT");
        g.now += 31min;  // the normal ticket has now waited past 30 minutes
        g.issue("HT", true);
        g.issue("HT", true);
        g.open(3, "an");
        // the ratio alone would call a priority ticket first; the guard calls the old normal one
        CHECK(g.call(3, "an")->id == old.id);
    }
}

TEST_CASE("waiting ahead and estimates follow the interleaving", "[engine]") {
    Fixture f;
    auto n1 = f.issue("HT");
    auto n2 = f.issue("HT");
    auto n3 = f.issue("HT");
    auto p1 = f.issue("HT", true);
    // order of calls: p1 (ratio counter starts full), n1, n2, n3
    CHECK(f.engine.waiting_ahead(*f.engine.find(p1.id)) == 0);
    CHECK(f.engine.waiting_ahead(*f.engine.find(n1.id)) == 1);
    CHECK(f.engine.waiting_ahead(*f.engine.find(n3.id)) == 3);
    f.open(3, "an");
    CHECK(f.call(3, "an")->id == p1.id);
    (void)n2;
    CHECK(f.engine.load("HT", f.now).waiting == 3);
    // the simple rule: 2 ahead × a first day's 5 minutes ÷ 1 counter
    CHECK(f.engine.baseline_wait_s(*f.engine.find(n3.id)) == 2 * 300);
}

TEST_CASE("randomised command sequences keep the queue's invariants", "[engine][random]") {
    std::mt19937 rng(Catch::rngSeed());
    for (int round = 0; round < 20; ++round) {
        Fixture f;
        const int ratio = f.config.priority.normal_per_priority;
        const auto guard = std::chrono::seconds(f.config.priority.max_normal_wait_s);
        const std::vector<std::string> officers{"lan", "binh", "an"};
        std::set<std::pair<std::string, int>> numbers;  // (issued category, seq) seen
        // Shadow of the waiting lines: category -> class -> (issue time, id) in issue order.
        std::map<std::string, std::map<bool, std::vector<std::pair<TimePoint, std::string>>>>
            waiting;
        std::map<std::string, int> normals_since_priority;
        std::map<std::string, bool> priority_line_was_empty;  // since the last priority call
        for (const auto& c : f.config.categories) priority_line_was_empty[c.code] = true;

        for (int step = 0; step < 400; ++step) {
            f.now += std::chrono::seconds(std::uniform_int_distribution<int>(0, 240)(rng));
            const int op = std::uniform_int_distribution<int>(0, 9)(rng);
            const int counter = std::uniform_int_distribution<int>(1, 3)(rng);
            const std::string& officer = officers[static_cast<std::size_t>(counter - 1)];
            if (op <= 3) {
                const bool prio = std::uniform_int_distribution<int>(0, 2)(rng) == 0;
                const std::string cat = op % 2 ? "HT" : "DC";
                auto c = f.engine.issue(f.now, fmt::format("id{}", step), cat, prio, std::nullopt);
                REQUIRE(c.ok());
                // numbers unique per day
                CHECK(numbers.insert({c->ticket->issued_category, c->ticket->seq}).second);
                waiting[cat][prio].emplace_back(f.now, c->ticket->id);
            } else if (op == 4) {
                (void)f.engine.open_counter(f.now, counter, officer);
            } else if (op <= 6) {
                auto c = f.engine.call_next(f.now, counter, officer);
                if (c.ok() && c->ticket) {
                    const Ticket& t = *c->ticket;
                    auto& line = waiting[t.category][t.priority];
                    REQUIRE_FALSE(line.empty());
                    // first come, first served within a class
                    CHECK(line.front().second == t.id);
                    line.erase(line.begin());
                    auto& normals = waiting[t.category][false];
                    if (t.priority) {
                        if (!normals.empty()) {
                            // the guard: no normal ticket that waited the maximum is passed
                            CHECK(f.now - normals.front().first < guard);
                            // the ratio: enough normal tickets went since the last priority one
                            CHECK((normals_since_priority[t.category] >= ratio ||
                                   priority_line_was_empty[t.category]));
                        }
                        normals_since_priority[t.category] = 0;
                        priority_line_was_empty[t.category] = false;
                    } else {
                        ++normals_since_priority[t.category];
                    }
                }
            } else if (op == 7) {
                (void)f.engine.finish(f.now, counter, officer, FinishOutcome::resolved);
            } else if (op == 8) {
                (void)f.engine.no_show(f.now, counter, officer);
            } else {
                (void)f.engine.start(f.now, counter, officer);
            }
            for (auto& [cat, lines] : waiting)
                if (lines[true].empty()) priority_line_was_empty[cat] = true;
            // A ticket is never at two counters.
            std::set<std::string> held;
            for (const auto& c : f.engine.counters()) {
                if (!c.current_ticket) continue;
                CHECK(held.insert(*c.current_ticket).second);
                const Ticket* t = f.engine.find(*c.current_ticket);
                REQUIRE(t != nullptr);
                CHECK((t->state == TicketState::called || t->state == TicketState::serving));
                CHECK(t->counter == c.number);
            }
            // The engine's count of people waiting matches the shadow lines.
            for (auto& [cat, lines] : waiting)
                CHECK(f.engine.waiting(cat) ==
                      static_cast<int>(lines[false].size() + lines[true].size()));
        }
    }
}

TEST_CASE("appointments are called on time, before walk-ins, and never early", "[engine][random]") {
    std::mt19937 rng(Catch::rngSeed());
    using Line = std::vector<std::pair<TimePoint, std::string>>;
    for (int round = 0; round < 20; ++round) {
        Fixture f;
        const int ratio = f.config.priority.normal_per_priority;
        const auto guard = std::chrono::seconds(f.config.priority.max_normal_wait_s);
        const std::vector<std::string> officers{"lan", "binh", "an"};
        // Shadow: walk-ins by category and class in issue order; appointments by category as
        // (slot start, check-in order, id).
        std::map<std::string, std::map<bool, Line>> walk_ins;
        std::map<std::string, std::vector<std::tuple<TimePoint, int, std::string>>> booked;
        std::map<std::string, int> normals_since_priority;
        std::map<std::string, bool> priority_line_was_empty{{"HT", true}, {"DC", true}};
        std::set<std::string> issued;
        std::set<std::string> called;

        const auto check_call = [&](const Ticket& t) {
            INFO("called " << t.number << " at " << f.zone.format_rfc3339(f.now));
            CHECK(called.insert(t.id).second);  // nothing is called twice
            auto& appts = booked[t.category];
            // The earliest started slot, then check-in order.
            auto due = std::min_element(appts.begin(), appts.end());
            const bool one_due = due != appts.end() && std::get<0>(*due) <= f.now;
            if (t.appointment) {
                CHECK(t.appointment->start <= f.now);  // never before its slot starts
                REQUIRE(one_due);
                CHECK(std::get<2>(*due) == t.id);  // earliest slot first
                appts.erase(due);
                return;
            }
            CHECK_FALSE(one_due);  // a started appointment goes before every walk-in
            auto& line = walk_ins[t.category][t.priority];
            REQUIRE_FALSE(line.empty());
            CHECK(line.front().second == t.id);
            line.erase(line.begin());
            auto& normals = walk_ins[t.category][false];
            if (t.priority) {
                if (!normals.empty()) {
                    CHECK(f.now - normals.front().first < guard);
                    CHECK((normals_since_priority[t.category] >= ratio ||
                           priority_line_was_empty[t.category]));
                }
                normals_since_priority[t.category] = 0;
                priority_line_was_empty[t.category] = false;
            } else {
                ++normals_since_priority[t.category];
            }
        };

        for (int step = 0; step < 400; ++step) {
            f.now += std::chrono::seconds(std::uniform_int_distribution<int>(0, 180)(rng));
            const int op = std::uniform_int_distribution<int>(0, 10)(rng);
            const int counter = std::uniform_int_distribution<int>(1, 3)(rng);
            const std::string& officer = officers[static_cast<std::size_t>(counter - 1)];
            const std::string cat = std::uniform_int_distribution<int>(0, 1)(rng) ? "HT" : "DC";
            const std::string id = fmt::format("id{}", step);
            if (op <= 2) {
                const bool prio = std::uniform_int_distribution<int>(0, 2)(rng) == 0;
                auto c = f.engine.issue(f.now, id, cat, prio, std::nullopt);
                REQUIRE(c.ok());
                walk_ins[cat][prio].emplace_back(f.now, id);
                issued.insert(id);
            } else if (op <= 4) {
                // A check-in from 30 minutes before its slot to 15 after, slots every 15 minutes.
                const auto offset = std::chrono::minutes(
                    15 * std::uniform_int_distribution<int>(-1, 2)(rng) -
                    static_cast<int>(
                        std::chrono::duration_cast<std::chrono::minutes>(f.now.time_since_epoch())
                            .count() %
                        15));
                const TimePoint start = f.now + offset;
                auto c = f.engine.issue(f.now, id, cat, false, std::nullopt,
                                        AppointmentRef{fmt::format("BK{}", step), start});
                REQUIRE(c.ok());
                CHECK(c->ticket->appointment->start == start);
                booked[cat].emplace_back(start, step, id);
                issued.insert(id);
            } else if (op == 5) {
                (void)f.engine.open_counter(f.now, counter, officer);
            } else if (op <= 7) {
                auto c = f.engine.call_next(f.now, counter, officer);
                if (c.ok() && c->ticket) check_call(*c->ticket);
            } else if (op == 8) {
                (void)f.engine.finish(f.now, counter, officer, FinishOutcome::resolved);
            } else if (op == 9) {
                (void)f.engine.no_show(f.now, counter, officer);
            } else {
                (void)f.engine.start(f.now, counter, officer);
            }
            for (auto& [c, lines] : walk_ins)
                if (lines[true].empty()) priority_line_was_empty[c] = true;
            for (const auto& c : {"HT", "DC"})
                CHECK(f.engine.waiting(c) ==
                      static_cast<int>(walk_ins[c][false].size() + walk_ins[c][true].size() +
                                       booked[c].size()));
        }
        // Nothing is lost: once every slot has started, the counters call everyone left.
        f.now += std::chrono::hours(2);
        for (int c = 1; c <= 3; ++c) (void)f.engine.open_counter(f.now, c, officers[c - 1]);
        for (bool any = true; any;) {
            any = false;
            for (int c = 1; c <= 3; ++c) {
                const std::string& officer = officers[static_cast<std::size_t>(c - 1)];
                (void)f.engine.start(f.now, c, officer);
                (void)f.engine.finish(f.now, c, officer, FinishOutcome::resolved);
                auto next = f.engine.call_next(f.now, c, officer);
                REQUIRE(next.ok());
                if (next->ticket) {
                    check_call(*next->ticket);
                    any = true;
                }
            }
            f.now += std::chrono::seconds(30);
        }
        CHECK(called == issued);
        CHECK(f.engine.total_waiting() == 0);
    }
}
