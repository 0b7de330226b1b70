#include <catch2/catch.hpp>

#include "core/citizen/sample_ticket.hpp"
#include "kiosk/core/citizen/rating_flow.hpp"

using namespace motcua;
using namespace motcua::kiosk;
using namespace std::chrono_literals;

namespace {

const SteadyTime t0{};

RatingFlow pad(SatisfactionScale scale = SatisfactionScale::five_level) {
    return RatingFlow(RatingSource::pad, scale, {});
}

RatingAnswer answer(RatingVerdict verdict, ErrorCode code = ErrorCode::internal_error) {
    RatingAnswer a;
    a.verdict = verdict;
    a.error.code = code;
    return a;
}

}  // namespace

TEST_CASE("the pad asks the citizen its counter just served", "[rating_flow]") {
    RatingFlow flow = pad();
    CHECK(flow.screen() == RatingScreen::idle);
    flow.on_ticket_finished(test::sample_ticket(), t0);
    CHECK(flow.screen() == RatingScreen::levels);
    CHECK(flow.number() == "A012");
    CHECK(flow.levels() == std::vector<int>{5, 4, 3, 2, 1});

    SECTION("a good level is submitted at once, with the ticket id and a fresh key") {
        auto req = flow.choose_level(5, t0 + 2s);
        REQUIRE(req);
        CHECK(req->ticket == "q7Hk2mZx9PaL");
        CHECK(req->level == 5);
        CHECK(req->reasons.empty());
        REQUIRE(req->idempotency_key);
        CHECK(req->idempotency_key->size() == 32);
        CHECK(flow.screen() == RatingScreen::thanks);
        flow.tick(t0 + 9s);
        CHECK(flow.screen() == RatingScreen::thanks);
        flow.tick(t0 + 10s);
        CHECK(flow.screen() == RatingScreen::idle);
    }
    SECTION("a low level asks for reasons, several may be chosen") {
        CHECK_FALSE(flow.choose_level(2, t0 + 1s));
        CHECK(flow.screen() == RatingScreen::reasons);
        flow.toggle_reason(RatingReason::long_wait, t0 + 2s);
        flow.toggle_reason(RatingReason::attitude, t0 + 3s);
        flow.toggle_reason(RatingReason::other, t0 + 4s);
        flow.toggle_reason(RatingReason::other, t0 + 5s);  // tapped twice: off again
        CHECK(flow.has_reason(RatingReason::attitude));
        CHECK_FALSE(flow.has_reason(RatingReason::other));
        auto req = flow.submit_reasons(t0 + 6s);
        REQUIRE(req);
        CHECK(req->level == 2);
        CHECK(req->reasons ==
              std::vector<RatingReason>{RatingReason::attitude, RatingReason::long_wait});
        CHECK(flow.screen() == RatingScreen::thanks);
    }
    SECTION("a citizen who walks away from the reasons still gave the level") {
        CHECK_FALSE(flow.choose_level(1, t0));
        flow.toggle_reason(RatingReason::several_trips, t0 + 1s);
        CHECK_FALSE(flow.tick(t0 + 30s));
        auto req = flow.tick(t0 + 31s);
        REQUIRE(req);
        CHECK(req->level == 1);
        CHECK(req->reasons == std::vector<RatingReason>{RatingReason::several_trips});
        CHECK(flow.screen() == RatingScreen::idle);
    }
    SECTION("levels left alone for 30 s go back to idle without a rating") {
        CHECK_FALSE(flow.tick(t0 + 30s));
        CHECK(flow.screen() == RatingScreen::idle);
    }
    SECTION("the next finished ticket replaces an unanswered one") {
        auto next = test::sample_ticket("A013");
        next.id = "other";
        flow.on_ticket_finished(next, t0 + 5s);
        CHECK(flow.number() == "A013");
        auto req = flow.choose_level(4, t0 + 6s);
        REQUIRE(req);
        CHECK(req->ticket == "other");
    }
    SECTION("rated at the kiosk meanwhile: the pad stops asking") {
        flow.on_rated_elsewhere("q7Hk2mZx9PaL");
        CHECK(flow.screen() == RatingScreen::idle);
    }
    SECTION("bad inputs") {
        // not a level of the scale
        CHECK_FALSE(flow.choose_level(0, t0));
        CHECK_FALSE(flow.choose_level(6, t0));
        CHECK(flow.screen() == RatingScreen::levels);
        // a kiosk-only key press on the pad does nothing
        flow.press_key('1', t0);
        CHECK(flow.entry().empty());
    }
}

TEST_CASE("the 3-level scale offers 5, 4 and 2", "[rating_flow]") {
    RatingFlow flow = pad(SatisfactionScale::three_level);
    flow.on_ticket_finished(test::sample_ticket(), t0);
    CHECK(flow.levels() == std::vector<int>{5, 4, 2});
    CHECK_FALSE(flow.choose_level(3, t0));  // not on this scale
    CHECK_FALSE(flow.choose_level(2, t0));  // on it, and low: reasons
    CHECK(flow.screen() == RatingScreen::reasons);
}

TEST_CASE("the kiosk takes the printed number on its keypad", "[rating_flow]") {
    RatingFlow flow(RatingSource::kiosk, SatisfactionScale::five_level, {});
    flow.open_keypad(t0);
    CHECK(flow.screen() == RatingScreen::keypad);
    CHECK_FALSE(flow.entry_complete());
    flow.press_key('a', t0);  // letters are shown in capitals
    flow.press_key('0', t0);
    flow.press_key('1', t0);
    flow.press_key('B', t0);  // a letter after a digit cannot be a printed number
    flow.press_key('2', t0);
    CHECK(flow.entry() == "A012");
    flow.delete_key(t0);
    flow.press_key('3', t0);
    CHECK(flow.entry() == "A013");
    REQUIRE(flow.entry_complete());
    flow.confirm_number(t0 + 1s);
    CHECK(flow.screen() == RatingScreen::levels);
    CHECK(flow.number() == "A013");

    auto req = flow.choose_level(4, t0 + 2s);
    REQUIRE(req);
    CHECK(req->ticket == "A013");  // the service takes today's printed number
    CHECK(flow.screen() == RatingScreen::sending);
    const std::string key = *req->idempotency_key;

    SECTION("delivered: thanks") {
        flow.on_answer(key, answer(RatingVerdict::delivered), t0 + 3s);
        CHECK(flow.screen() == RatingScreen::thanks);
        CHECK(flow.notice() == RatingNotice::none);
    }
    SECTION("already rated: thanks, and says so") {
        flow.on_answer(key, answer(RatingVerdict::already_rated, ErrorCode::already_rated),
                       t0 + 3s);
        CHECK(flow.screen() == RatingScreen::thanks);
        CHECK(flow.notice() == RatingNotice::already_rated);
    }
    SECTION("service away: thanks after a short wait (the rating is on disk)") {
        flow.on_answer(key, answer(RatingVerdict::retry), t0 + 3s);
        CHECK(flow.screen() == RatingScreen::thanks);
    }
    SECTION("no answer in time: thanks anyway") {
        flow.tick(t0 + 6s);
        CHECK(flow.screen() == RatingScreen::thanks);
        flow.on_answer(key, answer(RatingVerdict::rejected, ErrorCode::unknown_ticket), t0 + 7s);
        CHECK(flow.screen() == RatingScreen::thanks);  // too late to matter
    }
    SECTION("bad inputs") {
        // a number nobody was given today: back to the keypad with the number to correct
        flow.on_answer(key, answer(RatingVerdict::rejected, ErrorCode::unknown_ticket), t0 + 3s);
        CHECK(flow.screen() == RatingScreen::keypad);
        CHECK(flow.notice() == RatingNotice::unknown_number);
        CHECK(flow.entry() == "A013");
        // typing clears the notice
        flow.delete_key(t0 + 4s);
        CHECK(flow.notice() == RatingNotice::none);
    }
    SECTION("a ticket not served yet") {
        flow.on_answer(key, answer(RatingVerdict::rejected, ErrorCode::not_served), t0 + 3s);
        CHECK(flow.notice() == RatingNotice::not_served);
    }
    SECTION("an answer for another rating is ignored") {
        flow.on_answer("another-key", answer(RatingVerdict::rejected, ErrorCode::not_served),
                       t0 + 3s);
        CHECK(flow.screen() == RatingScreen::sending);
    }
}

TEST_CASE("the keypad limits what can be typed", "[rating_flow]") {
    RatingFlow flow(RatingSource::kiosk, SatisfactionScale::five_level, {});
    flow.open_keypad(t0);
    SECTION("bad inputs") {
        // letters only: no digit, nothing to confirm
        flow.press_key('A', t0);
        flow.confirm_number(t0);
        CHECK(flow.screen() == RatingScreen::keypad);
        // punctuation is no key
        flow.press_key('-', t0);
        CHECK(flow.entry() == "A");
        // at most 8 characters
        for (int i = 0; i < 20; ++i) flow.press_key('9', t0);
        CHECK(flow.entry().size() == kMaxTicketNumberLength);
    }
    SECTION("Quay lại leaves without rating") {
        flow.press_key('1', t0);
        flow.cancel();
        CHECK(flow.screen() == RatingScreen::idle);
        CHECK(flow.entry().empty());
    }
    SECTION("an abandoned keypad closes after 30 s") {
        flow.press_key('1', t0 + 10s);
        flow.tick(t0 + 39s);
        CHECK(flow.screen() == RatingScreen::keypad);
        flow.tick(t0 + 40s);
        CHECK(flow.screen() == RatingScreen::idle);
    }
}
