// "Tra cứu hồ sơ" at the ticket kiosk without a window: dossier codes, the lookup flow (keys,
// a physical keyboard, a scanner on the home screen), the session around it, and its views.
#include <catch2/catch.hpp>

#include "kiosk/core/citizen/citizen_session.hpp"
#include "kiosk/core/citizen/dossier_code.hpp"
#include "kiosk/core/citizen/lookup_views.hpp"
#include "kiosk/core/counter/dossier_api.hpp"
#include "motcua/config.hpp"
#include "sample_dossier.hpp"

using namespace motcua;
using namespace motcua::kiosk;
using namespace std::chrono_literals;

namespace {

// The sample's `details` are set as an officer's view would have them, to show the kiosk drops
// them.
constexpr const char* kCode = test::kDossierCode;
using test::sample_dossier;

LookupFlow open_flow(SteadyTime now) {
    LookupFlow f{LookupTiming{}};
    f.open(now);
    return f;
}

CodeRequest dossier(std::string code) {
    return {CodeKind::dossier, std::move(code)};
}

void press_all(LookupFlow& f, std::string_view keys, SteadyTime now) {
    for (const char k : keys) f.press_key(k, now);
}

}  // namespace

TEST_CASE("dossier codes: the national form and what scanners type", "[lookup]") {
    CHECK(is_dossier_code(kCode));
    CHECK(is_dossier_code("H56-010101-0001"));
    CHECK(is_dossier_code("000.00.00.G01-251231-123456"));  // a busy day's six-digit sequence
    CHECK(dossier_code_char('h') == 'H');
    CHECK(dossier_code_char('-') == '-');
    CHECK(dossier_code_char(' ') == 0);

    CHECK(find_dossier_code(kCode) == kCode);
    CHECK(find_dossier_code("000.17.22.h56-261123-0007") == kCode);  // a scanner in lower case
    CHECK(find_dossier_code("  000.17.22.H56-261123-0007\r") == kCode);
    CHECK(find_dossier_code("http://10.0.0.5:8080/d/000.17.22.H56-261123-0007") == kCode);
    CHECK(find_dossier_code("https://dichvucong.gov.vn/tra-cuu?ma=000.17.22.H56-261123-0007") ==
          kCode);

    SECTION("bad inputs") {
        CHECK_FALSE(is_dossier_code(""));
        CHECK_FALSE(is_dossier_code("A012"));                        // a ticket number
        CHECK_FALSE(is_dossier_code("000.17.22.H56-261123"));        // no sequence
        CHECK_FALSE(is_dossier_code("000.17.22.H56-261123-007"));    // three-digit sequence
        CHECK_FALSE(is_dossier_code("000.17.22.H56-2611230-0007"));  // seven-digit date
        CHECK_FALSE(is_dossier_code("000.17.22.H56-261323-0007"));   // month 13
        CHECK_FALSE(is_dossier_code("000.17.22.H56-261100-0007"));   // day 0
        CHECK_FALSE(is_dossier_code("-261123-0007"));                // no unit code
        CHECK_FALSE(is_dossier_code(".17.22.H56-261123-0007"));      // unit code starts with '.'
        CHECK_FALSE(is_dossier_code("000.17.22.h56-261123-0007"));   // lower case (not typed)
        CHECK_FALSE(is_dossier_code("000.17 22.H56-261123-0007"));   // a blank inside
        CHECK_FALSE(is_dossier_code(std::string(41, '1') + "-261123-0007"));    // far too long
        CHECK_FALSE(find_dossier_code("http://10.0.0.5:8080/t/q7Hk2mZx9PaL"));  // a ticket's link
        CHECK_FALSE(find_dossier_code(""));
    }
}

TEST_CASE("the on-screen keyboard types a code and asks for it once", "[lookup]") {
    SteadyTime now{};
    LookupFlow f = open_flow(now);
    CHECK(f.screen() == LookupScreen::entry);
    press_all(f, "000.17.22.h56-261123-0007", now);  // small letters become capitals
    CHECK(f.entry() == kCode);
    f.delete_key(now);
    f.press_key('7', now);
    f.press_key('/', now);  // not a code character: nothing
    CHECK(f.entry() == kCode);

    const auto asked = f.submit(now);
    REQUIRE(asked);
    CHECK(*asked == dossier(kCode));
    CHECK(f.searching());
    CHECK_FALSE(f.submit(now));  // no second request while the first is out
    f.press_key('1', now);       // the keys wait too
    CHECK(f.entry() == kCode);

    SECTION("found: the public view only, then home after 45 s") {
        f.on_result(kCode, sample_dossier(DossierState::in_process), now);
        CHECK(f.screen() == LookupScreen::result);
        REQUIRE(f.result());
        CHECK_FALSE(f.result()->details);  // the applicant never stays in a public kiosk
        CHECK(f.seconds_left(now + 1s) == 44);
        CHECK_FALSE(f.tick(now + 44s));
        CHECK(f.tick(now + 45s));
        CHECK(f.screen() == LookupScreen::closed);
    }
    SECTION("bad inputs") {
        // 404 dossier_not_found: said with the code, which stays to be corrected
        f.on_result(kCode, make_error(ErrorCode::dossier_not_found, "no dossier"), now);
        CHECK(f.screen() == LookupScreen::entry);
        CHECK(f.problem() == LookupProblem::not_found);
        CHECK(f.problem_code() == kCode);
        CHECK(f.entry() == kCode);
        f.delete_key(now);  // correcting clears the notice
        CHECK(f.problem() == LookupProblem::none);
    }
    SECTION("the service is away") {
        f.on_result(kCode, make_error(ErrorCode::unreachable, "connection refused"), now);
        CHECK(f.problem() == LookupProblem::unreachable);
    }
    SECTION("an answer after the citizen left is dropped") {
        f.close();
        f.on_result(kCode, sample_dossier(DossierState::in_process), now);
        CHECK(f.screen() == LookupScreen::closed);
        CHECK_FALSE(f.result());
    }
}

TEST_CASE("a malformed code is said without asking the service", "[lookup]") {
    SteadyTime now{};
    LookupFlow f = open_flow(now);
    CHECK_FALSE(f.submit(now));  // nothing typed: nothing happens
    CHECK(f.problem() == LookupProblem::none);
    SECTION("bad inputs") {
        press_all(f, "A012", now);  // a ticket number, not a dossier code
        CHECK_FALSE(f.submit(now));
        CHECK(f.problem() == LookupProblem::malformed);
        CHECK(f.problem_code() == "A012");
        CHECK_FALSE(f.searching());
    }
    SECTION("the entry stops at its longest") {
        press_all(f, std::string(60, '1'), now);
        CHECK(f.entry().size() == kMaxDossierCodeLength);
    }
    SECTION("errors of the service in the citizen's words") {
        CHECK(lookup_problem_of(make_error(ErrorCode::timeout, "slow")) ==
              LookupProblem::unreachable);
        CHECK(lookup_problem_of(make_error(ErrorCode::dossier_not_found, "x")) ==
              LookupProblem::not_found);
        CHECK(lookup_problem_of(make_error(ErrorCode::unauthorized, "bad token")) ==
              LookupProblem::refused);
        CHECK(lookup_problem_of(make_error(ErrorCode::unexpected_answer, "proxy")) ==
              LookupProblem::refused);
    }
}

TEST_CASE("the keyboard left alone goes home; a search waits for its answer", "[lookup]") {
    SteadyTime now{};
    LookupFlow f = open_flow(now);
    f.press_key('0', now + 10s);
    CHECK(f.next_change_in(now + 20s) == Approx(20.0));
    CHECK_FALSE(f.tick(now + 39s));
    CHECK(f.tick(now + 40s));  // 30 s after the last key
    CHECK(f.screen() == LookupScreen::closed);

    LookupFlow g = open_flow(now);
    press_all(g, kCode, now);
    REQUIRE(g.submit(now));
    CHECK_FALSE(g.tick(now + 60s));  // the HTTP timeout ends a search, not the idle clock
    CHECK(g.screen() == LookupScreen::entry);
}

TEST_CASE("a scanner types the code and Enter: looked up at once", "[lookup]") {
    SteadyTime now{};
    LookupFlow f{LookupTiming{}};
    SECTION("on the home screen: the lookup opens with the code") {
        f.type_text("000.17.22.H56-", now);
        f.type_text("261123-0007", now + 20ms);
        const auto asked = f.type_enter(now + 30ms);
        REQUIRE(asked);
        CHECK(*asked == dossier(kCode));
        CHECK(f.screen() == LookupScreen::entry);
        CHECK(f.entry() == kCode);
        CHECK(f.searching());
    }
    SECTION("a link in the receipt's QR code") {
        f.type_text("http://10.0.0.5:8080/d/000.17.22.H56-261123-0007", now);
        CHECK(f.type_enter(now + 10ms) == std::optional(dossier(kCode)));
    }
    SECTION("on the keyboard screen: the scan replaces what was typed") {
        f.open(now);
        press_all(f, "999", now);
        f.type_text(kCode, now + 5s);
        CHECK(f.type_enter(now + 5s + 40ms) == std::optional(dossier(kCode)));
        CHECK(f.entry() == kCode);
    }
    SECTION("on the result: the next receipt is looked up") {
        f.open(now);
        press_all(f, kCode, now);
        REQUIRE(f.submit(now));
        f.on_result(kCode, sample_dossier(DossierState::in_process), now);
        f.type_text("000.17.22.H56-261123-0008", now + 3s);
        CHECK(f.type_enter(now + 3s) == std::optional(dossier("000.17.22.H56-261123-0008")));
        CHECK(f.screen() == LookupScreen::entry);
    }
    SECTION("bad inputs") {
        // characters typed slowly, with a pause, then Enter: not one scan
        f.type_text("000.17.22.H56-26", now);
        f.type_text("1123-0007", now + 2s);
        CHECK_FALSE(f.type_enter(now + 2s));
        CHECK(f.screen() == LookupScreen::closed);
        // a scan holding no code (a product barcode): nothing happens on the home screen
        f.type_text("8935049500018", now + 5s);
        CHECK_FALSE(f.type_enter(now + 5s));
        CHECK(f.screen() == LookupScreen::closed);
        // Enter after a pause longer than a scan's, with nothing typed since
        f.type_text(kCode, now + 10s);
        CHECK_FALSE(f.type_enter(now + 11s));
    }
    SECTION("a physical keyboard on the keyboard screen types and Enter asks") {
        f.open(now);
        f.type_text("000.17.22.H56-261123-000", now);
        f.type_backspace(now + 1s);
        f.type_text("07", now + 3s);
        CHECK(f.entry() == kCode);
        CHECK(f.type_enter(now + 6s) == std::optional(dossier(kCode)));
    }
}

TEST_CASE("the session routes the lookup and ends the visit when it closes", "[lookup]") {
    SteadyTime now{};
    CitizenSession s(CitizenSettings{});
    CHECK(s.screen() == CitizenScreen::ticket_home);
    s.apply(cmd::OpenLookup{}, now);
    CHECK(s.screen() == CitizenScreen::dossier_lookup);
    CHECK(screen_name(s.screen()) == "dossier_lookup");
    CHECK_FALSE(s.busy_with_citizen());  // a lookup needs the service
    for (const char k : std::string_view(kCode)) s.apply(cmd::LookupKey{k}, now);
    const SessionEffects asked = s.apply(cmd::LookupSubmit{}, now);
    REQUIRE(asked.lookup);
    CHECK(*asked.lookup == kCode);
    s.on_lookup(kCode, sample_dossier(DossierState::ready), now);
    CHECK(s.screen() == CitizenScreen::dossier_result);
    CHECK(s.busy_with_citizen());  // what was found stays through an outage
    const SessionEffects done = s.apply(cmd::CloseLookup{}, now);
    CHECK(done.session_ended);  // the next citizen gets the kiosk's language
    CHECK(s.screen() == CitizenScreen::ticket_home);

    SECTION("a scan on the home screen") {
        s.apply(cmd::TypeText{kCode}, now);
        const SessionEffects e = s.apply(cmd::TypeEnter{}, now + 20ms);
        REQUIRE(e.lookup);
        CHECK(s.screen() == CitizenScreen::dossier_lookup);
    }
    SECTION("a scan after a priority choice leaves the priority behind") {
        s.apply(cmd::OpenPriority{}, now);
        s.apply(cmd::ChoosePriority{"elderly"}, now);
        REQUIRE(s.ticket().priority_reason());
        s.apply(cmd::TypeText{kCode}, now);
        REQUIRE(s.apply(cmd::TypeEnter{}, now + 20ms).lookup);
        CHECK(s.screen() == CitizenScreen::dossier_lookup);
        CHECK_FALSE(s.ticket().priority_reason());
    }
    SECTION("the result goes home by itself") {
        s.apply(cmd::OpenLookup{}, now);
        s.apply(cmd::TypeText{kCode}, now);
        REQUIRE(s.apply(cmd::TypeEnter{}, now).lookup);
        s.on_lookup(kCode, sample_dossier(DossierState::in_process), now);
        CHECK(s.tick(now + 46s).session_ended);
        CHECK(s.screen() == CitizenScreen::ticket_home);
    }
    SECTION("bad inputs") {
        // the rating pad has no lookup and ignores typing
        CitizenSettings pad;
        pad.mode = Mode::rating;
        pad.counter = 1;
        CitizenSession p(pad);
        p.apply(cmd::OpenLookup{}, now);
        p.apply(cmd::TypeText{kCode}, now);
        CHECK_FALSE(p.apply(cmd::TypeEnter{}, now).lookup);
        CHECK(p.screen() == CitizenScreen::rating_idle);
        // while a ticket is being issued, a scan waits for nobody: it is ignored
        s.apply(cmd::ChooseCategory{"HT"}, now);
        s.apply(cmd::TypeText{kCode}, now);
        CHECK_FALSE(s.apply(cmd::TypeEnter{}, now).lookup);
        CHECK(s.screen() == CitizenScreen::ticket_home);
    }
}

TEST_CASE("the lookup's views: the appointment, the procedure's name, no personal data",
          "[lookup]") {
    const OfficeZone zone = *OfficeZone::load("Asia/Ho_Chi_Minh");
    auto config = load_config(std::string(MOTCUA_SOURCE_DIR) + "/assets/config/ward-demo.toml");
    REQUIRE(config);
    SteadyTime now{};
    LookupFlow f = open_flow(now);
    press_all(f, kCode, now);
    LookupEntryView e = make_lookup_entry_view(f, WardData{}, WardConfig{}, Language::vi);
    CHECK(e.entry == kCode);
    CHECK(e.can_submit);
    CHECK(e.can_delete);
    REQUIRE(f.submit(now));
    e = make_lookup_entry_view(f, WardData{}, WardConfig{}, Language::vi);
    CHECK(e.searching);
    CHECK_FALSE(e.can_type);
    CHECK_FALSE(e.can_submit);

    api::DossierView d = sample_dossier(DossierState::ready);
    f.on_result(kCode, d, now);
    LookupResultView v = make_lookup_result_view(f, *config, Language::vi, zone, now + 5s);
    CHECK(v.code == kCode);
    CHECK(v.procedure_name == "Xác nhận tình trạng hôn nhân");
    CHECK(v.state == DossierState::ready);
    CHECK(v.result_ready);
    CHECK(v.received.day == 23);
    CHECK(v.received.hour == 8);
    CHECK(v.appointment.day == 26);
    CHECK(v.appointment.month == 11);
    CHECK(v.appointment.weekday == 4);  // 26/11/2026 is a Thursday
    CHECK_FALSE(v.rescheduled);
    CHECK(v.seconds_left == 40);
    CHECK(make_lookup_result_view(f, *config, Language::en, zone, now).procedure_name ==
          "Certificate of marital status");

    SECTION("an apology letter's new date is the appointment") {
        LookupFlow g = open_flow(now);
        press_all(g, kCode, now);
        REQUIRE(g.submit(now));
        d.new_due_date = *parse_day("2026-12-03");
        d.state = DossierState::in_process;
        g.on_result(kCode, d, now);
        const LookupResultView r = make_lookup_result_view(g, *config, Language::vi, zone, now);
        CHECK(r.appointment.day == 3);
        CHECK(r.appointment.month == 12);
        CHECK(r.rescheduled);
        CHECK_FALSE(r.result_ready);
    }
}

TEST_CASE("dossier paths and receipt bytes", "[lookup]") {
    CHECK(path_segment(kCode) == kCode);
    CHECK(path_segment("HT-KS") == "HT-KS");
    CHECK(path_segment("a/b c?") == "a%2Fb%20c%3F");
    CHECK(path_segment("đ") == "%C4%91");
    CHECK(looks_like_pdf("%PDF-1.7\n..."));
    SECTION("bad inputs") {
        CHECK_FALSE(looks_like_pdf(""));
        CHECK_FALSE(looks_like_pdf("{\"error\":{}}"));  // an error body is no receipt
        CHECK_FALSE(looks_like_pdf("%PD"));
    }
}
