// Every console action that fails says why in one message and changes nothing; and every
// keyboard shortcut does what its button does, only when its button is enabled.
#include <catch2/catch.hpp>

#include "core/counter/console_rig.hpp"
#include "kiosk/core/counter/console_views.hpp"

using namespace motcua;
using namespace motcua::kiosk;
using test::at_counter;
using test::ConsoleRig;
namespace cc = console_cmd;

namespace {

using MaybeTicket = std::optional<api::TicketView>;

/// Brings the console to where `action` is possible and asks for it.
void ask(ConsoleRig& c, ConsoleAction action) {
    if (action == ConsoleAction::login) {
        c.apply(cc::Login{"lan", "matkhau-123"});
        return;
    }
    c.login_and_open();
    const auto called = at_counter("t1", "A012", TicketState::called);
    switch (action) {
        case ConsoleAction::open:
            c.apply(cc::PauseCounter{});
            c.answer(ConsoleReply{test::counter_one(CounterState::paused)});
            c.apply(cc::OpenCounter{});
            break;
        case ConsoleAction::close:
            c.apply(cc::CloseCounter{});
            break;
        case ConsoleAction::pause:
            c.apply(cc::PauseCounter{});
            break;
        case ConsoleAction::call_next:
            c.apply(cc::CallNext{});
            break;
        case ConsoleAction::recall:
            c.call(called);
            c.apply(cc::Recall{});
            break;
        case ConsoleAction::start:
            c.call(called);
            c.apply(cc::Start{});
            break;
        case ConsoleAction::no_show:
            c.call(called);
            c.apply(cc::NoShow{});
            break;
        case ConsoleAction::transfer:
            c.call(called);
            c.apply(cc::OpenTransfer{});
            c.apply(cc::ChooseCategory{"DC"});
            break;
        case ConsoleAction::finish:
            c.call(called);
            c.apply(cc::OpenFinish{});
            c.apply(cc::ChooseOutcome{FinishOutcome::resolved});
            break;
        case ConsoleAction::reinstate:
            c.call(called);
            c.apply(cc::NoShow{});
            c.answer(ConsoleReply{MaybeTicket(at_counter("t1", "A012", TicketState::no_show))});
            c.apply(cc::Reinstate{"t1"});
            break;
        case ConsoleAction::login:
            break;
    }
    REQUIRE(c.last.request);
    REQUIRE(c.last.request->action == action);
}

struct ConsoleSnapshot {
    ConsoleScreen screen;
    CounterState state;
    std::string current;
    TicketState current_state;
    std::size_t no_shows;

    explicit ConsoleSnapshot(const ConsoleSession& s)
        : screen(s.screen() == ConsoleScreen::login ? ConsoleScreen::login
                                                    : ConsoleScreen::console),
          state(s.counter_state()),
          current(s.current() ? s.current()->id : ""),
          current_state(s.current() ? s.current()->state : TicketState::waiting),
          no_shows(s.no_shows().size()) {}
    bool operator==(const ConsoleSnapshot&) const = default;
};

struct Case {
    ConsoleAction action;
    ErrorCode code;  // the service's error code, or a transport failure's
    ConsoleMessage message;
};

}  // namespace

TEST_CASE("every failed action says why and changes nothing", "[console]") {
    using A = ConsoleAction;
    using M = ConsoleMessage;
    const Case c = GENERATE(values<Case>({
        // the service cannot be reached, at any step
        {A::login, ErrorCode::unreachable, M::unreachable},
        {A::call_next, ErrorCode::timeout, M::unreachable},
        {A::start, ErrorCode::protocol, M::unreachable},
        {A::finish, ErrorCode::unreachable, M::unreachable},
        // login
        {A::login, ErrorCode::bad_credentials, M::bad_credentials},
        {A::login, ErrorCode::too_many_attempts, M::login_locked},
        {A::login, ErrorCode::unauthorized, M::bad_credentials},
        // the counter
        {A::open, ErrorCode::counter_busy, M::counter_busy},
        {A::open, ErrorCode::ticket_in_progress, M::busy_elsewhere},
        {A::open, ErrorCode::forbidden, M::forbidden},
        {A::close, ErrorCode::ticket_in_progress, M::ticket_in_progress},
        {A::close, ErrorCode::not_at_counter, M::not_at_counter},
        {A::pause, ErrorCode::not_at_counter, M::not_at_counter},
        // the ticket: already taken, in progress, gone
        {A::call_next, ErrorCode::counter_paused, M::counter_paused},
        {A::call_next, ErrorCode::ticket_in_progress, M::ticket_in_progress},
        {A::call_next, ErrorCode::not_at_counter, M::not_at_counter},
        {A::recall, ErrorCode::invalid_state, M::already_serving},
        {A::recall, ErrorCode::no_current_ticket, M::no_current_ticket},
        {A::start, ErrorCode::invalid_state, M::already_serving},
        {A::no_show, ErrorCode::invalid_state, M::already_serving},
        {A::transfer, ErrorCode::same_category, M::same_category},
        {A::transfer, ErrorCode::unknown_category, M::unknown_category},
        {A::transfer, ErrorCode::no_current_ticket, M::no_current_ticket},
        {A::finish, ErrorCode::no_current_ticket, M::no_current_ticket},
        {A::finish, ErrorCode::unexpected_answer, M::refused},  // a proxy's error page
        {A::reinstate, ErrorCode::invalid_state, M::not_absent},
    }));
    INFO(to_string(c.message) << " at " << static_cast<int>(c.action) << " for " << c.code);
    // Every code the console words is one a route answers with (4xx), a failure of the link, or
    // an answer that is not the service's.
    CHECK((http_status(c.code) / 100 == 4 || is_transport_error(make_error(c.code, "")) ||
           c.code == ErrorCode::unexpected_answer));
    ConsoleRig rig;
    ask(rig, c.action);
    const ConsoleSnapshot before(rig.s);
    rig.answer(make_error(c.code, "refused in the test"));
    CHECK(rig.s.message() == c.message);
    CHECK(is_failure(rig.s.message()));
    CHECK(ConsoleSnapshot(rig.s) == before);
    CHECK_FALSE(rig.s.pending());
    // The failure stays until the next action: an officer who looked away still reads it.
    rig.now += std::chrono::minutes(5);
    rig.s.tick(rig.now);
    CHECK(rig.s.message() == c.message);
}

TEST_CASE("the failures that do change something", "[console]") {
    SECTION("an expired session goes back to the login, saying so") {
        ConsoleRig c;
        ask(c, ConsoleAction::call_next);
        c.answer(make_error(ErrorCode::session_expired, "log in again"));
        CHECK(c.s.screen() == ConsoleScreen::login);
        CHECK(c.s.message() == ConsoleMessage::session_expired);
        CHECK_FALSE(c.s.officer());
    }
    SECTION("a no-show the service no longer knows (yesterday's) leaves the list") {
        ConsoleRig c;
        ask(c, ConsoleAction::reinstate);
        c.answer(make_error(ErrorCode::unknown_ticket, "no such ticket today"));
        CHECK(c.s.message() == ConsoleMessage::unknown_ticket);
        CHECK(c.s.message_subject() == "A012");
        CHECK(c.s.no_shows().empty());
    }
    SECTION("a new action clears the last failure") {
        ConsoleRig c;
        ask(c, ConsoleAction::call_next);
        c.answer(make_error(ErrorCode::unreachable, "down"));
        c.apply(cc::CallNext{});
        CHECK(c.s.message() == ConsoleMessage::none);
    }
}

TEST_CASE("shortcut keys: F1..F7 on the console, digits and Esc in the dialogs", "[console]") {
    ConsoleRig c;
    const auto key = [&](KeyPress k, const std::vector<std::string>& codes = {}) {
        return command_for_key(c.s, k, codes);
    };
    // Typing a name or a password: no key is a command.
    CHECK_FALSE(key(KeyPress::function(1)));
    CHECK_FALSE(key(KeyPress::digit(1)));
    c.login_and_open();
    CHECK(function_key_of(ConsoleAction::call_next) == 1);
    CHECK(function_key_of(ConsoleAction::finish) == 6);
    CHECK(function_key_of(ConsoleAction::pause) == 7);
    CHECK_FALSE(function_key_of(ConsoleAction::close));  // closing is a deliberate click

    // Nobody at the desk: only F1 (call next) and F7 (pause) do anything.
    const auto f1 = key(KeyPress::function(1));
    REQUIRE(f1);
    CHECK(std::holds_alternative<cc::CallNext>(*f1));
    for (int n : {2, 3, 4, 5, 6, 8, 12}) CHECK_FALSE(key(KeyPress::function(n)));
    CHECK(std::holds_alternative<cc::PauseCounter>(*key(KeyPress::function(7))));

    c.call(at_counter("t1", "A012", TicketState::called));
    CHECK_FALSE(key(KeyPress::function(1)));
    CHECK(std::holds_alternative<cc::Recall>(*key(KeyPress::function(2))));
    CHECK(std::holds_alternative<cc::Start>(*key(KeyPress::function(3))));
    CHECK(std::holds_alternative<cc::NoShow>(*key(KeyPress::function(4))));
    CHECK(std::holds_alternative<cc::OpenTransfer>(*key(KeyPress::function(5))));
    CHECK(std::holds_alternative<cc::OpenFinish>(*key(KeyPress::function(6))));
    CHECK_FALSE(key(KeyPress::digit(1)));  // digits mean something only in a dialog
    CHECK_FALSE(key(KeyPress::escape()));

    SECTION("finish: 1..6 are the outcomes in order, Esc cancels") {
        c.apply(cc::OpenFinish{});
        for (int n = 1; n <= 6; ++n) {
            const auto k = key(KeyPress::digit(n));
            REQUIRE(k);
            CHECK(std::get<cc::ChooseOutcome>(*k).outcome == kFinishOutcomes.at(n - 1));
        }
        CHECK_FALSE(key(KeyPress::digit(7)));
        CHECK_FALSE(key(KeyPress::function(1)));
        CHECK(std::holds_alternative<cc::CancelDialog>(*key(KeyPress::escape())));
    }
    SECTION("transfer: the n-th category shown") {
        c.apply(cc::OpenTransfer{});
        const std::vector<std::string> codes{"DC", "VX", "TK"};
        CHECK(std::get<cc::ChooseCategory>(*key(KeyPress::digit(2), codes)).code == "VX");
        CHECK_FALSE(key(KeyPress::digit(4), codes));
        CHECK(std::holds_alternative<cc::CancelDialog>(*key(KeyPress::escape(), codes)));
    }
    SECTION("while an action is out, no key acts") {
        c.apply(cc::Start{});
        for (int n = 1; n <= 7; ++n) CHECK_FALSE(key(KeyPress::function(n)));
    }
    SECTION("F7 resumes a paused counter") {
        c.apply(cc::OpenFinish{});
        c.apply(cc::ChooseOutcome{FinishOutcome::guidance});
        c.answer(ConsoleReply{MaybeTicket(at_counter("t1", "A012", TicketState::done))});
        c.apply(cc::PauseCounter{});
        c.answer(ConsoleReply{test::counter_one(CounterState::paused)});
        CHECK(std::holds_alternative<cc::OpenCounter>(*key(KeyPress::function(7))));
        CHECK_FALSE(key(KeyPress::function(1)));  // paused: no calling
    }
}
