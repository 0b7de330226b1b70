#pragma once
/// A counter console session driven by hand: commands in, the service's answers and events
/// given by the test, on a fake clock.
#include <catch2/catch.hpp>
#include <string>

#include "core/citizen/sample_ticket.hpp"
#include "kiosk/core/counter/counter_console.hpp"

namespace motcua::kiosk::test {

inline TimePoint at(const char* rfc3339) {
    return *parse_rfc3339(rfc3339);
}

inline api::LoginResponse lan_login() {
    api::LoginResponse r;
    r.token = "session-of-lan";
    r.expires_at = at("2026-11-23T17:30:00+07:00");
    r.officer = {"lan", "Nguyễn Thị Lan", OfficerRole::officer, std::nullopt};
    return r;
}

inline api::CounterInfo counter_one(CounterState state,
                                    std::optional<api::TicketView> current = std::nullopt) {
    api::CounterInfo c;
    c.number = 1;
    c.name = "Quầy 1 - Hộ tịch";
    c.categories = {"HT", "TK"};
    c.state = state;
    if (state != CounterState::closed) c.officer = "Nguyễn Thị Lan";
    c.current = std::move(current);
    return c;
}

/// A ticket at counter 1 in `state`, called at 08:00.
inline api::TicketView at_counter(const char* id, const char* number, TicketState state) {
    api::TicketView t = sample_ticket(number);
    t.id = id;
    t.state = state;
    t.counter = 1;
    t.called_at = at("2026-11-23T08:00:00+07:00");
    if (state == TicketState::serving) t.started_at = at("2026-11-23T08:01:00+07:00");
    return t;
}

/// An event as the service sends it: the ticket, the counter it happened at.
inline api::Event ticket_event(std::int64_t seq, EventType type, const api::TicketView& t,
                               int counter, const char* when = "2026-11-23T08:00:00+07:00") {
    const OfficeZone zone = *OfficeZone::load("Asia/Ho_Chi_Minh");
    api::Event e;
    e.seq = seq;
    e.type = type;
    e.at = at(when);
    e.fields = {{"ticket", api::to_json(t, zone)}, {"counter", counter}};
    return e;
}

inline api::Event counter_event(std::int64_t seq, EventType type, CounterState state,
                                std::optional<std::string> officer) {
    api::Event e;
    e.seq = seq;
    e.type = type;
    e.at = at("2026-11-23T08:00:00+07:00");
    e.fields = {{"counter", 1}, {"counter_state", std::string(to_string(state))}};
    e.fields["officer"] = officer ? boost::json::value(*officer) : boost::json::value(nullptr);
    return e;
}

struct ConsoleRig {
    ConsoleSession s{ConsoleSettings{1, {}, false}};
    SteadyTime now{};
    TimePoint service_now = at("2026-11-23T08:02:00+07:00");
    ConsoleEffects last;

    ConsoleEffects apply(const ConsoleCommand& c) {
        last = s.apply(c, now);
        return last;
    }
    /// The service's answer to the login the last effects sent.
    ConsoleEffects answer_login(const Result<api::LoginResponse>& r) {
        REQUIRE(last.login);
        const std::uint64_t id = last.login->id;
        last = s.on_login(id, r, now);
        return last;
    }
    /// The service's answer to the request the last effects sent (a refusal of the login, when
    /// that is what they sent).
    ConsoleEffects answer(const Result<ConsoleReply>& r) {
        if (last.login) {
            REQUIRE_FALSE(r);
            return answer_login(r.error());
        }
        REQUIRE(last.request);
        const std::uint64_t id = last.request->id;
        last = s.on_answer(id, r, now, service_now);
        return last;
    }
    void login_and_open(std::optional<api::TicketView> current = std::nullopt) {
        apply(console_cmd::Login{"lan", "matkhau-123"});
        answer_login(lan_login());
        answer(ConsoleReply{counter_one(CounterState::open, std::move(current))});
    }
    /// Call next answered with `t`.
    void call(const api::TicketView& t) {
        apply(console_cmd::CallNext{});
        answer(ConsoleReply{std::optional<api::TicketView>(t)});
    }
};

}  // namespace motcua::kiosk::test
