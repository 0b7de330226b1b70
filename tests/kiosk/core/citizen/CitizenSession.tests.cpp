#include <catch2/catch.hpp>

#include "core/citizen/sample_ticket.hpp"
#include "kiosk/core/citizen/citizen_session.hpp"
#include "motcua/api.hpp"

using namespace motcua;
using namespace motcua::kiosk;
using namespace std::chrono_literals;

namespace {

const SteadyTime t0{};

CitizenSession ticket_kiosk(bool printer = true) {
    CitizenSettings s;
    s.mode = Mode::ticket;
    s.has_printer = printer;
    return CitizenSession(s);
}

CitizenSession rating_pad(int counter = 1) {
    CitizenSettings s;
    s.mode = Mode::rating;
    s.counter = counter;
    return CitizenSession(s);
}

/// An event as the service sends it on the WebSocket.
api::Event event(std::int64_t seq, EventType type, boost::json::object fields) {
    api::Event e;
    e.seq = seq;
    e.type = type;
    e.at = *parse_rfc3339("2026-11-23T07:45:00+07:00");
    e.fields = std::move(fields);
    return e;
}

api::Event finished_at(int counter, const char* id = "q7Hk2mZx9PaL") {
    const OfficeZone zone = *OfficeZone::load("Asia/Ho_Chi_Minh");
    auto t = test::sample_ticket();
    t.id = id;
    t.state = TicketState::done;
    t.counter = counter;
    return event(9, EventType::ticket_finished,
                 {{"ticket", api::to_json(t, zone)}, {"counter", counter}});
}

}  // namespace

TEST_CASE("the ticket kiosk's screens and their names", "[session]") {
    CitizenSession s = ticket_kiosk();
    CHECK(s.screen() == CitizenScreen::ticket_home);
    CHECK(screen_name(s.screen()) == "ticket_home");
    CHECK_FALSE(s.busy_with_citizen());

    s.apply(cmd::OpenPriority{}, t0);
    CHECK(screen_name(s.screen()) == "ticket_priority");
    auto fx = s.apply(cmd::ChoosePriority{"elderly"}, t0);
    CHECK_FALSE(fx.session_ended);  // same citizen, one step on
    CHECK(s.screen() == CitizenScreen::ticket_home);

    fx = s.apply(cmd::ChooseCategory{"HT"}, t0 + 1s);
    REQUIRE(fx.issue);
    CHECK(fx.issue->priority_reason == "elderly");
    s.on_issued(test::sample_ticket(), t0 + 2s);
    CHECK(screen_name(s.screen()) == "ticket_issued");
    CHECK(s.busy_with_citizen());  // the number stays through a service outage

    fx = s.apply(cmd::FinishTicket{}, t0 + 3s);
    CHECK(fx.session_ended);  // the language goes back for the next citizen
    CHECK(s.screen() == CitizenScreen::ticket_home);
}

TEST_CASE("rating at the ticket kiosk by printed number", "[session]") {
    CitizenSession s = ticket_kiosk();
    s.apply(cmd::OpenRating{}, t0);
    CHECK(screen_name(s.screen()) == "rate_keypad");
    CHECK_FALSE(s.busy_with_citizen());  // a typed number needs the service to check it
    for (char k : {'B', '0', '0', '7'}) s.apply(cmd::PressKey{k}, t0);
    s.apply(cmd::ConfirmNumber{}, t0);
    CHECK(screen_name(s.screen()) == "rating_levels");
    auto fx = s.apply(cmd::ChooseLevel{1}, t0);
    CHECK_FALSE(fx.rating);
    CHECK(screen_name(s.screen()) == "rating_reasons");
    s.apply(cmd::ToggleReason{RatingReason::unclear_guidance}, t0);
    fx = s.apply(cmd::SubmitReasons{}, t0);
    REQUIRE(fx.rating);
    CHECK(fx.rating->ticket == "B007");
    CHECK(screen_name(s.screen()) == "rating_sending");
    RatingAnswer delivered;
    delivered.verdict = RatingVerdict::delivered;
    s.on_rating_answer(*fx.rating->idempotency_key, delivered, t0 + 1s);
    CHECK(screen_name(s.screen()) == "rating_thanks");
    fx = s.tick(t0 + 10s);
    CHECK(fx.session_ended);
    CHECK(s.screen() == CitizenScreen::ticket_home);

    SECTION("Quay lại from the keypad ends the visit") {
        s.apply(cmd::OpenRating{}, t0);
        CHECK(s.apply(cmd::CancelRating{}, t0).session_ended);
    }
}

TEST_CASE("the rating pad follows its own counter only", "[session]") {
    CitizenSession s = rating_pad(1);
    CHECK(screen_name(s.screen()) == "rating_idle");

    s.on_event(finished_at(2), t0);  // another counter's citizen
    CHECK(s.screen() == CitizenScreen::rating_idle);
    s.on_event(finished_at(1), t0);
    CHECK(screen_name(s.screen()) == "rating_levels");
    CHECK(s.busy_with_citizen());

    SECTION("a level, thanks, idle") {
        auto fx = s.apply(cmd::ChooseLevel{5}, t0 + 1s);
        REQUIRE(fx.rating);
        CHECK(fx.rating->ticket == "q7Hk2mZx9PaL");
        CHECK(screen_name(s.screen()) == "rating_thanks");  // pads thank at once (outbox)
        fx = s.tick(t0 + 10s);
        CHECK(fx.session_ended);
        CHECK(s.screen() == CitizenScreen::rating_idle);
    }
    SECTION("rated elsewhere closes the levels") {
        s.on_event(event(10, EventType::rating_submitted,
                         {{"rating", api::to_json(api::RatingSubmittedFields{"q7Hk2mZx9PaL", "A012",
                                                                             4, 0, "lan"})}}),
                   t0);
        CHECK(s.screen() == CitizenScreen::rating_idle);
    }
    SECTION("bad inputs") {
        // a ticket_finished without its ticket, or with a broken one, changes nothing
        s.apply(cmd::ChooseLevel{4}, t0);
        s.tick(t0 + 10s);
        s.on_event(event(11, EventType::ticket_finished, {{"counter", 1}}), t0 + 11s);
        s.on_event(event(12, EventType::ticket_finished, {{"ticket", "A012"}}), t0 + 11s);
        CHECK(s.screen() == CitizenScreen::rating_idle);
        // the ticket kiosk ignores counter events altogether
        CitizenSession k = ticket_kiosk();
        k.on_event(finished_at(1), t0);
        CHECK(k.screen() == CitizenScreen::ticket_home);
    }
}
