#include <catch2/catch.hpp>

#include "core/citizen/sample_ticket.hpp"
#include "kiosk/core/citizen/ticket_flow.hpp"

using namespace motcua;
using namespace motcua::kiosk;
using namespace std::chrono_literals;

namespace {

const SteadyTime t0{};

Result<api::TicketView> refused(ErrorCode code) {
    return make_error(code, "refused");
}

}  // namespace

TEST_CASE("the issuing notice waits a moment, so a quick answer never flashes it",
          "[ticket_flow]") {
    TicketTiming timing;
    timing.issuing_notice_after_s = 0.3;
    TicketFlow flow(timing, /*has_printer=*/false);
    CHECK(flow.next_change_in(t0) > 60);  // nothing changes by itself on the home screen
    REQUIRE(flow.choose_category("HT", t0));
    CHECK(flow.issuing_category() == "HT");
    CHECK_FALSE(flow.issuing_notice_due(t0 + 100ms));
    CHECK(flow.next_change_in(t0 + 100ms) == Approx(0.2));  // the notice's frame is asked for
    CHECK(flow.issuing_notice_due(t0 + 300ms));
    CHECK(flow.next_change_in(t0 + 300ms) > 60);

    flow.on_issued(refused(ErrorCode::unreachable), t0 + 400ms);
    CHECK_FALSE(flow.issuing_notice_due(t0 + 400ms));  // over with the request
}

TEST_CASE("a tap on a category issues one ticket and shows it", "[ticket_flow]") {
    TicketFlow flow({}, /*has_printer=*/true);
    CHECK(flow.screen() == TicketScreen::home);

    auto req = flow.choose_category("HT", t0);
    REQUIRE(req);
    CHECK(req->category == "HT");
    CHECK_FALSE(req->priority);
    CHECK_FALSE(req->priority_reason);
    CHECK(flow.issuing());
    // A second tap while the first is with the service issues nothing.
    CHECK_FALSE(flow.choose_category("DC", t0 + 100ms));

    flow.on_issued(test::sample_ticket(), t0 + 200ms);
    CHECK(flow.screen() == TicketScreen::issued);
    CHECK_FALSE(flow.issuing());
    REQUIRE(flow.ticket());
    CHECK(flow.ticket()->number == "A012");
    CHECK(flow.print_state() == PrintState::printing);

    SECTION("printed: home after 15 s") {
        flow.on_printed("q7Hk2mZx9PaL", true, t0 + 1s);
        CHECK(flow.print_state() == PrintState::printed);
        CHECK(flow.seconds_left(t0 + 200ms) == 15);
        CHECK_FALSE(flow.tick(t0 + 15s));
        CHECK(flow.tick(t0 + 15200ms));
        CHECK(flow.screen() == TicketScreen::home);
        CHECK_FALSE(flow.ticket());
    }
    SECTION("print failed: the number stays 45 s from the failure") {
        flow.on_printed("q7Hk2mZx9PaL", false, t0 + 3s);
        CHECK(flow.print_state() == PrintState::failed);
        CHECK(flow.seconds_left(t0 + 3s) == 45);
        CHECK_FALSE(flow.tick(t0 + 40s));
        CHECK(flow.screen() == TicketScreen::issued);
        CHECK(flow.tick(t0 + 48s));
        CHECK(flow.screen() == TicketScreen::home);
    }
    SECTION("a slip still printing keeps the number up past 15 s") {
        CHECK_FALSE(flow.tick(t0 + 30s));
        CHECK(flow.seconds_left(t0 + 30s) == 1);
        flow.on_printed("q7Hk2mZx9PaL", false, t0 + 31s);
        CHECK(flow.seconds_left(t0 + 31s) == 45);
    }
    SECTION("a print result for another ticket changes nothing") {
        flow.on_printed("someone-else", false, t0 + 1s);
        CHECK(flow.print_state() == PrintState::printing);
    }
    SECTION("Xong goes home at once") {
        flow.done();
        CHECK(flow.screen() == TicketScreen::home);
    }
    SECTION("the countdown redraws at whole seconds") {
        CHECK(flow.next_change_in(t0 + 700ms) == Approx(0.5));
    }
}

TEST_CASE("without a printer the number stays up longer", "[ticket_flow]") {
    TicketFlow flow({}, /*has_printer=*/false);
    REQUIRE(flow.choose_category("HT", t0));
    flow.on_issued(test::sample_ticket(), t0);
    CHECK(flow.print_state() == PrintState::none);
    CHECK(flow.seconds_left(t0) == 45);
}

TEST_CASE("a failed issue says why and changes nothing", "[ticket_flow]") {
    TicketFlow flow({}, true);
    flow.open_priority(t0);
    flow.choose_priority("elderly", t0);
    REQUIRE(flow.choose_category("HT", t0));

    SECTION("bad inputs") {
        // the service did not answer
        flow.on_issued(refused(ErrorCode::unreachable), t0 + 3s);
        CHECK(flow.problem() == IssueProblem::unreachable);
        CHECK(flow.screen() == TicketScreen::home);
        CHECK_FALSE(flow.ticket());
        CHECK(flow.priority_reason() == "elderly");  // kept for the next try
        CHECK_FALSE(flow.issuing());
        // the notice fades after a while, and a new tap clears it at once
        CHECK(flow.next_change_in(t0 + 4s) == Approx(14.0));
        flow.tick(t0 + 19s);
        CHECK(flow.problem() == IssueProblem::none);
    }
    SECTION("issuing stopped for the day") {
        flow.on_issued(refused(ErrorCode::issuing_stopped), t0);
        CHECK(flow.problem() == IssueProblem::stopped);
        REQUIRE(flow.choose_category("HT", t0 + 1s));
        CHECK(flow.problem() == IssueProblem::none);
    }
    SECTION("any other refusal") {
        flow.on_issued(refused(ErrorCode::unknown_category), t0);
        CHECK(flow.problem() == IssueProblem::refused);
        flow.on_issued(refused(ErrorCode::timeout), t0);  // a stray second answer is ignored
        CHECK(flow.problem() == IssueProblem::refused);
    }
}

TEST_CASE("the priority choice applies to one ticket", "[ticket_flow]") {
    TicketFlow flow({}, true);
    flow.open_priority(t0);
    CHECK(flow.screen() == TicketScreen::priority);
    flow.choose_priority("pregnant", t0 + 1s);
    CHECK(flow.screen() == TicketScreen::home);
    auto req = flow.choose_category("VX", t0 + 2s);
    REQUIRE(req);
    CHECK(req->priority);
    CHECK(req->priority_reason == "pregnant");
    flow.on_issued(test::sample_ticket("C001", "VX"), t0 + 3s);
    CHECK(flow.ticket_priority() == "pregnant");
    CHECK_FALSE(flow.priority_reason());  // the next citizen starts without it

    SECTION("cancelled by hand") {
        flow.done();
        flow.open_priority(t0);
        flow.choose_priority("merit", t0);
        flow.clear_priority();
        auto plain = flow.choose_category("HT", t0);
        REQUIRE(plain);
        CHECK_FALSE(plain->priority);
    }
}

TEST_CASE("screens left alone go home", "[ticket_flow]") {
    TicketFlow flow({}, true);
    SECTION("the priority list after 30 s") {
        flow.open_priority(t0);
        CHECK_FALSE(flow.tick(t0 + 29s));
        CHECK(flow.tick(t0 + 30s));
        CHECK(flow.screen() == TicketScreen::home);
    }
    SECTION("a priority choice nobody used is dropped after 30 s") {
        flow.open_priority(t0);
        flow.choose_priority("elderly", t0 + 1s);
        CHECK(flow.next_change_in(t0 + 1s) == Approx(30.0));
        CHECK(flow.tick(t0 + 31s));
        CHECK_FALSE(flow.priority_reason());
    }
    SECTION("Quay lại from the priority list") {
        flow.open_priority(t0);
        flow.back_home();
        CHECK(flow.screen() == TicketScreen::home);
        CHECK_FALSE(flow.priority_reason());
    }
}
