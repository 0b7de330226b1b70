// The counter console's state machine without a window: login, the counter's actions and their
// answers, every failure's message (and that nothing changed), events, no-shows, the shortcuts.
#include <catch2/catch.hpp>

#include "core/counter/console_rig.hpp"
#include "kiosk/core/counter/console_views.hpp"

using namespace motcua;
using namespace motcua::kiosk;
using namespace std::chrono_literals;
using test::at_counter;
using test::ConsoleRig;
namespace cc = console_cmd;

namespace {

using MaybeTicket = std::optional<api::TicketView>;

}  // namespace

TEST_CASE("logging in opens the counter and hands the token to the link", "[console]") {
    ConsoleRig c;
    CHECK(c.s.screen() == ConsoleScreen::login);
    CHECK_FALSE(c.s.can(ConsoleAction::call_next));
    c.apply(cc::Login{"lan", "matkhau-123"});
    REQUIRE(c.last.login);
    CHECK_FALSE(c.last.request);
    CHECK(c.last.login->request.username == "lan");
    CHECK(c.last.login->request.password == "matkhau-123");
    CHECK(c.s.pending() == ConsoleAction::login);
    // One login at a time: a second press sends nothing.
    CHECK_FALSE(c.s.apply(cc::Login{"lan", "matkhau-123"}, c.now).login);
    const std::uint64_t first = c.last.login->id;

    c.answer_login(test::lan_login());
    CHECK(c.s.screen() == ConsoleScreen::console);
    CHECK(c.last.token == "session-of-lan");
    REQUIRE(c.last.request);  // the counter opens at once
    CHECK(c.last.request->action == ConsoleAction::open);
    CHECK(c.last.request->counter == 1);
    // The same answer again (a retried delivery) is not a second login.
    CHECK_FALSE(c.s.on_login(first, test::lan_login(), c.now).request);

    c.answer(ConsoleReply{test::counter_one(CounterState::open)});
    CHECK(c.s.counter_state() == CounterState::open);
    CHECK(c.last.fetch_figures);
    CHECK(c.s.can(ConsoleAction::call_next));
    CHECK_FALSE(c.s.can(ConsoleAction::recall));
    CHECK_FALSE(c.s.can(ConsoleAction::finish));

    SECTION("a console restarted mid-visit gets its ticket back from the open answer") {
        ConsoleRig again;
        again.login_and_open(at_counter("t1", "A012", TicketState::serving));
        REQUIRE(again.s.current());
        CHECK(again.s.current()->number == "A012");
        CHECK(again.s.can(ConsoleAction::finish));
    }
    SECTION("bad inputs") {
        ConsoleRig empty;
        // no username: nothing is sent
        CHECK_FALSE(empty.apply(cc::Login{"", "x"}).request);
        // logging out of an open counter would strand its queue: refused
        c.apply(cc::Logout{});
        CHECK(c.s.screen() == ConsoleScreen::console);
    }
}

TEST_CASE("a visit: call, recall, start, finish", "[console]") {
    ConsoleRig c;
    c.login_and_open();
    c.call(at_counter("t1", "A001", TicketState::called));
    REQUIRE(c.s.current());
    CHECK(c.s.current()->number == "A001");
    CHECK(c.s.called_at() == c.service_now);
    CHECK_FALSE(c.s.can(ConsoleAction::call_next));  // finish it first
    CHECK(c.s.can(ConsoleAction::recall));
    CHECK_FALSE(c.s.can(ConsoleAction::close));

    c.service_now += 30s;
    c.apply(cc::Recall{});
    CHECK(c.last.request->action == ConsoleAction::recall);
    c.answer(ConsoleReply{MaybeTicket(at_counter("t1", "A001", TicketState::called))});
    CHECK(c.s.called_at() == c.service_now);  // the timer counts from the latest call

    c.apply(cc::Start{});
    c.answer(ConsoleReply{MaybeTicket(at_counter("t1", "A001", TicketState::serving))});
    CHECK(c.s.current()->state == TicketState::serving);
    CHECK_FALSE(c.s.can(ConsoleAction::recall));
    CHECK_FALSE(c.s.can(ConsoleAction::no_show));

    c.apply(cc::OpenFinish{});
    CHECK(c.s.screen() == ConsoleScreen::finish);
    CHECK_FALSE(c.last.request);  // nothing is sent before the outcome is chosen
    c.apply(cc::ChooseOutcome{FinishOutcome::guidance});
    CHECK(c.s.screen() == ConsoleScreen::console);
    REQUIRE(c.last.request);
    CHECK(c.last.request->outcome == FinishOutcome::guidance);
    c.answer(ConsoleReply{MaybeTicket(at_counter("t1", "A001", TicketState::done))});
    CHECK_FALSE(c.s.current());
    CHECK(c.last.fetch_figures);  // the officer's count changed
    CHECK(c.s.can(ConsoleAction::call_next));

    SECTION("nobody waiting is said, and fades") {
        c.apply(cc::CallNext{});
        c.answer(ConsoleReply{MaybeTicket{}});
        CHECK(c.s.message() == ConsoleMessage::none_waiting);
        CHECK_FALSE(c.s.current());
        c.now += 11s;
        c.s.tick(c.now);
        CHECK(c.s.message() == ConsoleMessage::none);
    }
    SECTION("the dialog can be left without acting") {
        c.call(at_counter("t2", "A002", TicketState::called));
        c.apply(cc::OpenTransfer{});
        CHECK(c.s.screen() == ConsoleScreen::transfer);
        c.apply(cc::CancelDialog{});
        CHECK(c.s.screen() == ConsoleScreen::console);
        CHECK(c.s.current()->id == "t2");
    }
}

TEST_CASE("one action at a time: a double press never acts twice", "[console]") {
    ConsoleRig c;
    c.login_and_open();
    c.apply(cc::CallNext{});
    const auto first = c.last.request->id;
    CHECK(c.s.pending() == ConsoleAction::call_next);
    ConsoleEffects again = c.s.apply(cc::CallNext{}, c.now);
    CHECK_FALSE(again.request);
    CHECK_FALSE(c.s.can(ConsoleAction::pause));
    // An answer to a request no longer pending (the officer logged out meanwhile) is ignored.
    c.s.on_answer(first + 7, ConsoleReply{MaybeTicket{}}, c.now, c.service_now);
    CHECK(c.s.pending() == ConsoleAction::call_next);
}

TEST_CASE("no-shows are listed and can be put back", "[console]") {
    ConsoleRig c;
    c.login_and_open();
    c.call(at_counter("t1", "A001", TicketState::called));
    c.apply(cc::NoShow{});
    auto gone = at_counter("t1", "A001", TicketState::no_show);
    gone.finished_at = test::at("2026-11-23T08:03:00+07:00");
    c.answer(ConsoleReply{MaybeTicket(gone)});
    CHECK_FALSE(c.s.current());
    REQUIRE(c.s.no_shows().size() == 1);
    CHECK(c.s.no_shows()[0].number == "A001");
    CHECK(c.s.no_shows()[0].at == *gone.finished_at);

    c.apply(cc::Reinstate{"t1"});
    REQUIRE(c.last.request);
    CHECK(c.last.request->ticket == "t1");
    c.answer(ConsoleReply{MaybeTicket(at_counter("t1", "A001", TicketState::waiting))});
    CHECK(c.s.no_shows().empty());
    CHECK(c.s.message() == ConsoleMessage::reinstated);
    CHECK(c.s.message_subject() == "A001");

    SECTION("put back from another counter: the event removes it here too") {
        c.call(at_counter("t2", "A002", TicketState::called));
        c.apply(cc::NoShow{});
        c.answer(ConsoleReply{MaybeTicket(at_counter("t2", "A002", TicketState::no_show))});
        REQUIRE(c.s.no_shows().size() == 1);
        c.s.on_event(test::ticket_event(40, EventType::ticket_reinstated,
                                        at_counter("t2", "A002", TicketState::waiting), 3),
                     c.now);
        CHECK(c.s.no_shows().empty());
    }
    SECTION("bad inputs") {
        // a ticket that is not on the list: nothing is sent
        CHECK_FALSE(c.apply(cc::Reinstate{"nope"}).request);
    }
}

TEST_CASE("a transfer sends the ticket to the chosen category and says so", "[console]") {
    ConsoleRig c;
    c.login_and_open();
    c.call(at_counter("t1", "A001", TicketState::called));
    c.apply(cc::OpenTransfer{});
    c.apply(cc::ChooseCategory{"DC"});
    REQUIRE(c.last.request);
    CHECK(c.last.request->category == "DC");
    auto moved = at_counter("t1", "A001", TicketState::waiting);
    moved.category = "DC";
    c.answer(ConsoleReply{MaybeTicket(moved)});
    CHECK_FALSE(c.s.current());
    CHECK(c.s.message() == ConsoleMessage::transferred);
    CHECK(c.s.message_subject() == "A001");
    CHECK(c.s.message_detail() == "DC");
}

TEST_CASE("pause, resume and close change the counter only on the service's word", "[console]") {
    ConsoleRig c;
    c.login_and_open();
    c.apply(cc::PauseCounter{});
    CHECK(c.s.counter_state() == CounterState::open);  // not yet
    c.answer(ConsoleReply{test::counter_one(CounterState::paused)});
    CHECK(c.s.counter_state() == CounterState::paused);
    CHECK_FALSE(c.s.can(ConsoleAction::call_next));
    CHECK(c.s.can(ConsoleAction::open));  // resume
    c.apply(cc::OpenCounter{});
    c.answer(ConsoleReply{test::counter_one(CounterState::open)});
    c.apply(cc::CloseCounter{});
    c.answer(ConsoleReply{test::counter_one(CounterState::closed)});
    CHECK(c.s.counter_state() == CounterState::closed);
    c.apply(cc::Logout{});
    CHECK(c.s.screen() == ConsoleScreen::login);
    CHECK_FALSE(c.s.officer());
}

TEST_CASE("events: the counter's own actions are not applied twice, others' are", "[console]") {
    ConsoleRig c;
    c.login_and_open();
    const auto a1 = at_counter("t1", "A001", TicketState::called);
    c.call(a1);
    c.apply(cc::Start{});
    c.answer(ConsoleReply{MaybeTicket(at_counter("t1", "A001", TicketState::serving))});
    // The call's event arrives after the start's answer: the screen must not go back to "called".
    c.s.on_event(test::ticket_event(10, EventType::ticket_called, a1, 1), c.now);
    CHECK(c.s.current()->state == TicketState::serving);

    SECTION("an event that beats its own answer is applied once") {
        c.apply(cc::OpenFinish{});
        c.apply(cc::ChooseOutcome{FinishOutcome::resolved});
        const auto done = at_counter("t1", "A001", TicketState::done);
        c.s.on_event(test::ticket_event(11, EventType::ticket_finished, done, 1), c.now);
        CHECK_FALSE(c.s.current());
        c.answer(ConsoleReply{MaybeTicket(done)});
        CHECK_FALSE(c.s.current());
        // The next call works as usual, and its (late) event does not disturb it.
        const auto a2 = at_counter("t2", "A002", TicketState::called);
        c.call(a2);
        c.s.on_event(test::ticket_event(12, EventType::ticket_called, a2, 1), c.now);
        CHECK(c.s.current()->id == "t2");
    }
    SECTION("a call made elsewhere for this counter shows (the officer's second PC)") {
        c.apply(cc::OpenFinish{});
        c.apply(cc::ChooseOutcome{FinishOutcome::resolved});
        c.answer(ConsoleReply{MaybeTicket(at_counter("t1", "A001", TicketState::done))});
        const auto a3 = at_counter("t3", "A003", TicketState::called);
        c.s.on_event(
            test::ticket_event(20, EventType::ticket_called, a3, 1, "2026-11-23T08:05:00+07:00"),
            c.now);
        REQUIRE(c.s.current());
        CHECK(c.s.current()->id == "t3");
        CHECK(c.s.called_at() == test::at("2026-11-23T08:05:00+07:00"));
    }
    SECTION("another counter's events leave this one alone") {
        c.s.on_event(test::ticket_event(30, EventType::ticket_called,
                                        at_counter("t9", "B001", TicketState::called), 3),
                     c.now);
        CHECK(c.s.current()->id == "t1");
    }
    SECTION("another officer opening this counter takes it over") {
        c.s.on_event(
            test::counter_event(31, EventType::counter_opened, CounterState::open, "Trần Văn Bình"),
            c.now);
        CHECK(c.s.counter_state() == CounterState::closed);
        CHECK(c.s.message() == ConsoleMessage::taken_over);
        CHECK(c.s.message_subject() == "Trần Văn Bình");
        CHECK_FALSE(c.s.can(ConsoleAction::call_next));
        CHECK(c.s.can(ConsoleAction::open));
    }
}
