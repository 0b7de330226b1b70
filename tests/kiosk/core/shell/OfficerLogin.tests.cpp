// The officer's login, one flow for the counter console and the reports dashboard: one login out
// at a time, answers matched by id, and the same words for the same failure on both screens.
#include <catch2/catch.hpp>

#include "kiosk/core/counter/console_messages.hpp"
#include "kiosk/core/reports/reports_session.hpp"
#include "kiosk/core/shell/officer_login.hpp"

using namespace motcua;
using namespace motcua::kiosk;

namespace {

api::LoginResponse hoa() {
    api::LoginResponse r;
    r.token = "session-of-hoa";
    r.officer = {"hoa", "Trần Thị Hoa", OfficerRole::supervisor, std::nullopt};
    return r;
}

}  // namespace

TEST_CASE("one login at a time, its answer matched by id", "[officer_login]") {
    OfficerLogin login;
    CHECK_FALSE(login.begin("", "matkhau"));  // nothing typed: nothing sent
    auto job = login.begin("hoa", "matkhau-123");
    REQUIRE(job);
    CHECK(job->request.username == "hoa");
    CHECK(job->request.password == "matkhau-123");
    CHECK(login.pending());
    CHECK_FALSE(login.begin("hoa", "matkhau-123"));  // a double press sends one

    CHECK_FALSE(login.on_answer(job->id + 1, hoa()));  // not the one out
    CHECK_FALSE(login.logged_in());
    auto done = login.on_answer(job->id, hoa());
    REQUIRE(done);
    CHECK(*done);
    CHECK(login.logged_in());
    CHECK(login.officer()->token == "session-of-hoa");
    CHECK_FALSE(login.pending());
    CHECK_FALSE(login.on_answer(job->id, hoa()));    // answered already
    CHECK_FALSE(login.begin("hoa", "matkhau-123"));  // logged in already

    SECTION("an answer after logging out is ignored, and ids are not reused") {
        login.log_out();
        auto again = login.begin("hoa", "matkhau-123");
        REQUIRE(again);
        CHECK(again->id != job->id);
        login.log_out();  // the officer walked away before the answer
        CHECK_FALSE(login.on_answer(again->id, hoa()));
        CHECK_FALSE(login.logged_in());
    }
    SECTION("a refused login says why and keeps the form") {
        login.log_out();
        auto again = login.begin("hoa", "sai");
        const auto refused =
            login.on_answer(again->id, make_error(ErrorCode::bad_credentials, "x"));
        REQUIRE(refused);
        REQUIRE_FALSE(*refused);
        CHECK(refused->error().code == ErrorCode::bad_credentials);
        CHECK_FALSE(login.logged_in());
        CHECK(login.begin("hoa", "matkhau-123"));  // and may try again
    }
    SECTION("an expired session logs out; other refusals do not") {
        CHECK(login.on_failure(make_error(ErrorCode::not_at_counter, "x")) == LoginProblem::none);
        CHECK(login.logged_in());
        CHECK(login.on_failure(make_error(ErrorCode::forbidden, "x")) == LoginProblem::forbidden);
        CHECK(login.logged_in());
        CHECK(login.on_failure(make_error(ErrorCode::unauthorized, "x")) ==
              LoginProblem::session_expired);
        CHECK_FALSE(login.logged_in());
    }
}

TEST_CASE("what a login or a session problem is", "[officer_login]") {
    using P = LoginProblem;
    struct Case {
        ErrorCode code;
        P at_login;
        P later;
    };
    const Case c = GENERATE(values<Case>({
        {ErrorCode::unreachable, P::unreachable, P::unreachable},
        {ErrorCode::timeout, P::unreachable, P::unreachable},
        {ErrorCode::protocol, P::unreachable, P::unreachable},
        {ErrorCode::bad_credentials, P::bad_credentials, P::bad_credentials},
        {ErrorCode::too_many_attempts, P::login_locked, P::login_locked},
        {ErrorCode::unauthorized, P::bad_credentials, P::session_expired},
        {ErrorCode::session_expired, P::bad_credentials, P::session_expired},
        {ErrorCode::forbidden, P::forbidden, P::forbidden},
        {ErrorCode::unexpected_answer, P::none, P::none},
        {ErrorCode::not_at_counter, P::none, P::none},
    }));
    INFO(c.code);
    CHECK(login_problem_of(make_error(c.code, "x"), true) == c.at_login);
    CHECK(login_problem_of(make_error(c.code, "x"), false) == c.later);
}

TEST_CASE("the console and the dashboard say every login problem alike", "[officer_login]") {
    // Walks every error code the service can send: where it is a login or session problem, both
    // screens give the message of the same name; elsewhere each words it itself.
    for (const auto& info : kErrorCodes) {
        for (const bool at_login : {true, false}) {
            const Error e = make_error(info.code, "x");
            INFO(info.wire_name << (at_login ? " at login" : " later"));
            const LoginProblem p = login_problem_of(e, at_login);
            const ConsoleMessage console =
                message_for(at_login ? ConsoleAction::login : ConsoleAction::call_next, e);
            const ReportsMessage reports = reports_message_for(e, at_login);
            if (p == LoginProblem::none) {
                CHECK(console != ConsoleMessage::unreachable);
                CHECK(reports != ReportsMessage::session_expired);
                continue;
            }
            CHECK(to_string(console) == to_string(reports));
            CHECK(console == login_message<ConsoleMessage>(p));
            CHECK(reports == login_message<ReportsMessage>(p));
            CHECK(is_failure(console));
            CHECK(is_failure(reports));
        }
    }
}
