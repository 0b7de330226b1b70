// The reports dashboard's session without a window: login, "today" on the service's clock, the
// periods, the order of the requests, stale answers, failures (an expired session back to the
// login), exports, and the histogram's category.
#include <catch2/catch.hpp>
#include <set>

#include "core/reports/reports_samples.hpp"

using namespace motcua;
using namespace motcua::kiosk;
using test::sample_report;
using test::sample_waits;

namespace {

OfficeZone hcm() {
    return *OfficeZone::load("Asia/Ho_Chi_Minh");
}

TimePoint at(const char* rfc3339) {
    return *parse_rfc3339(rfc3339);
}

std::string text(const std::optional<ReportPeriod>& p) {
    if (!p) return "none";
    return format_day(p->from) + ".." + format_day(p->to);
}

/// A session driven by hand: the test plays the service.
struct SessionRig {
    ReportsSession s{ReportsSettings{hcm(), "/home/hoa/motcua-reports"}};
    ReportsEffects last;

    ReportsEffects apply(const ReportsCommand& c) {
        last = s.apply(c);
        return last;
    }
    ReportsEffects clock(const char* now = "2026-11-25T08:40:00+07:00") {
        REQUIRE(last.read_clock);
        last = s.on_clock(*last.read_clock, at(now));
        return last;
    }
    /// Answers every report of the last effects with the samples.
    void answer_all() {
        for (const auto& f : last.fetches) {
            if (f.appointments)
                s.on_appointments(f.id, test::sample_appointments(f.period));
            else if (f.estimates)
                s.on_estimates(f.id, test::sample_estimates(f.period));
            else if (f.grouping)
                s.on_turnaround(f.id, sample_report(*f.grouping, f.period));
            else
                s.on_waits(f.id, sample_waits(f.period));
        }
    }
    void login() {
        apply(reports_cmd::Login{"hoa", "matkhau-hoa"});
        REQUIRE(last.login);
        last = s.on_login(last.login->id, test::supervisor_login());
        clock();
        answer_all();
    }
};

/// Every report target of the effects names the ward (the ranking excepted).
bool targets_hold_ward(const ReportsEffects& e) {
    for (const auto& f : e.fetches) {
        if (f.overview) continue;
        const std::string t =
            f.grouping ? turnaround_target(f.period, *f.grouping) : waits_target(f.period);
        if (t.find("&ward=000.00.01.H01") == std::string::npos) return false;
    }
    return !e.fetches.empty();
}

}  // namespace

TEST_CASE("the officer logs in; today's reports load, the grouping on screen first",
          "[reports_session]") {
    SessionRig r;
    CHECK(r.s.screen() == ReportsScreen::login);
    CHECK(reports_screen_name(r.s.screen()) == "reports_login");
    r.apply(reports_cmd::Login{"hoa", "matkhau-hoa"});
    REQUIRE(r.last.login);
    CHECK(r.last.login->request.username == "hoa");
    CHECK(r.last.login->request.password == "matkhau-hoa");
    CHECK(r.s.login_pending());
    // A second press while the first is out sends nothing.
    CHECK_FALSE(r.s.apply(reports_cmd::Login{"hoa", "matkhau-hoa"}).login);

    r.last = r.s.on_login(r.last.login->id, test::supervisor_login());
    CHECK(r.s.screen() == ReportsScreen::table);
    CHECK(reports_screen_name(r.s.screen()) == "reports_table");
    CHECK(r.last.token == "session-of-hoa");
    // "Today" is the service's office day: its clock is read before anything else.
    REQUIRE(r.last.read_clock);
    CHECK(r.last.fetches.empty());
    CHECK(r.s.busy());

    r.clock("2026-11-25T08:40:00+07:00");
    CHECK(text(r.s.period()) == "2026-11-25..2026-11-25");
    REQUIRE(r.last.fetches.size() == 7);
    CHECK(r.last.fetches[0].grouping == ReportGrouping::category);
    CHECK(r.last.fetches[1].grouping == ReportGrouping::counter);
    CHECK(r.last.fetches[4].grouping == ReportGrouping::hour);
    CHECK_FALSE(r.last.fetches[5].grouping);  // the waits: only the charts need them
    CHECK(r.last.fetches[6].appointments);    // the bookings last: their own tab
    r.answer_all();
    CHECK_FALSE(r.s.busy());
    for (const ReportGrouping g : kReportGroupings) {
        CHECK(r.s.table(g).state == LoadState::loaded);
        CHECK(r.s.table(g).value->group_by == g);
    }
    CHECK(r.s.waits().state == LoadState::loaded);
    CHECK(r.s.appointments().state == LoadState::loaded);
    CHECK(r.s.as_of() == at("2026-11-25T08:40:00+07:00"));
}

TEST_CASE("today is the office day of the service's clock, not the PC's", "[reports_session]") {
    SessionRig r;
    r.apply(reports_cmd::Login{"hoa", "x"});
    r.last = r.s.on_login(r.last.login->id, test::supervisor_login());
    // 23:30 UTC on the 25th is already the 26th in Hồ Chí Minh City (UTC+7).
    r.clock("2026-11-25T23:30:00Z");
    CHECK(text(r.s.period()) == "2026-11-26..2026-11-26");
    CHECK(format_day(*r.s.today()) == "2026-11-26");
    SECTION("a service under a test clock far from the PC's date") {
        r.apply(reports_cmd::ChoosePeriod{PeriodKind::month});
        r.clock("2000-01-01T00:00:00+07:00");
        CHECK(text(r.s.period()) == "2000-01-01..2000-01-31");
    }
}

TEST_CASE("periods: this week, this month, and a custom range typed and checked",
          "[reports_session]") {
    SessionRig r;
    r.login();
    r.apply(reports_cmd::ChoosePeriod{PeriodKind::week});
    REQUIRE(r.last.read_clock);  // the day may have changed since the last load
    CHECK(r.s.period_kind() == PeriodKind::week);
    CHECK(r.s.busy());
    r.clock();
    CHECK(text(r.s.period()) == "2026-11-23..2026-11-29");
    // Another period: the figures of the last one are not shown as this one's.
    CHECK_FALSE(r.s.table(ReportGrouping::category).value);
    for (const auto& f : r.last.fetches) CHECK(text(f.period) == "2026-11-23..2026-11-29");
    r.answer_all();

    r.apply(reports_cmd::ChoosePeriod{PeriodKind::month});
    r.clock();
    CHECK(text(r.s.period()) == "2026-11-01..2026-11-30");
    r.answer_all();

    SECTION("custom: the fields open on the period on screen, nothing loads yet") {
        CHECK(r.apply(reports_cmd::ChoosePeriod{PeriodKind::custom}).fetches.empty());
        CHECK_FALSE(r.last.read_clock);
        CHECK(r.s.custom_open());
        CHECK(r.s.custom_from() == "01/11/2026");
        CHECK(r.s.custom_to() == "30/11/2026");
        CHECK(r.s.table(ReportGrouping::category).state == LoadState::loaded);

        r.apply(reports_cmd::ApplyCustom{"29/11/2026", "23/11/2026"});
        CHECK(r.s.custom_problem() == PeriodProblem::to_before_from);
        CHECK_FALSE(r.last.read_clock);
        CHECK(text(r.s.period()) == "2026-11-01..2026-11-30");  // unchanged
        CHECK(r.s.custom_from() == "29/11/2026");  // the texts as typed, for the message

        r.apply(reports_cmd::ApplyCustom{"31/02/2026", ""});
        CHECK(r.s.custom_problem() == PeriodProblem::from_no_such_date);

        r.apply(reports_cmd::ApplyCustom{"2026-11-20", "24/11/2026"});
        CHECK_FALSE(r.s.custom_problem());
        r.clock();
        CHECK(text(r.s.period()) == "2026-11-20..2026-11-24");
        CHECK(r.s.custom_open());
        r.answer_all();
        // Làm mới reloads the same range.
        r.apply(reports_cmd::Refresh{});
        r.clock("2026-11-26T09:00:00+07:00");
        CHECK(text(r.s.period()) == "2026-11-20..2026-11-24");
        // Back to a preset closes the fields.
        r.apply(reports_cmd::ChoosePeriod{PeriodKind::today});
        CHECK_FALSE(r.s.custom_open());
        r.clock("2026-11-26T09:00:00+07:00");
        CHECK(text(r.s.period()) == "2026-11-26..2026-11-26");
    }
    SECTION("custom opened but not applied: Làm mới reloads what is on screen") {
        r.apply(reports_cmd::ChoosePeriod{PeriodKind::custom});
        r.apply(reports_cmd::Refresh{});
        r.clock();
        CHECK(text(r.s.period()) == "2026-11-01..2026-11-30");
    }
}

TEST_CASE("answers to an earlier load are not taken for the new one", "[reports_session]") {
    SessionRig r;
    r.login();
    r.apply(reports_cmd::ChoosePeriod{PeriodKind::week});
    r.clock();
    const ReportsEffects week = r.last;
    r.apply(reports_cmd::ChoosePeriod{PeriodKind::month});
    r.clock();
    // The week's answers arrive late: ignored.
    for (const auto& f : week.fetches)
        if (f.grouping) r.s.on_turnaround(f.id, sample_report(*f.grouping, f.period));
    CHECK_FALSE(r.s.table(ReportGrouping::category).value);
    r.answer_all();
    CHECK(text(ReportPeriod{r.s.table(ReportGrouping::category).value->from,
                            r.s.table(ReportGrouping::category).value->to}) ==
          "2026-11-01..2026-11-30");
    SECTION("a clock answer of an earlier load is ignored too") {
        r.apply(reports_cmd::Refresh{});
        const auto first = *r.last.read_clock;
        r.apply(reports_cmd::Refresh{});
        CHECK(r.s.on_clock(first, at("2026-11-25T08:41:00+07:00")).fetches.empty());
    }
}

TEST_CASE("failures: said per report, the session's end back to the login", "[reports_session]") {
    SessionRig r;
    SECTION("wrong password, locked, unreachable at login") {
        struct Case {
            ErrorCode code;
            ReportsMessage said;
        };
        const Case c =
            GENERATE(values<Case>({{ErrorCode::bad_credentials, ReportsMessage::bad_credentials},
                                   {ErrorCode::unauthorized, ReportsMessage::bad_credentials},
                                   {ErrorCode::too_many_attempts, ReportsMessage::login_locked},
                                   {ErrorCode::unreachable, ReportsMessage::unreachable},
                                   {ErrorCode::timeout, ReportsMessage::unreachable},
                                   {ErrorCode::unexpected_answer, ReportsMessage::refused}}));
        r.apply(reports_cmd::Login{"hoa", "sai"});
        r.s.on_login(r.last.login->id, make_error(c.code, "no"));
        CHECK(r.s.screen() == ReportsScreen::login);
        CHECK(r.s.message() == c.said);
        CHECK_FALSE(r.s.login_pending());
    }
    SECTION("an empty username sends nothing") {
        CHECK_FALSE(r.apply(reports_cmd::Login{"", "x"}).login);
    }
    SECTION("one report refused, the others shown") {
        r.apply(reports_cmd::Login{"hoa", "x"});
        r.last = r.s.on_login(r.last.login->id, test::supervisor_login());
        r.clock();
        for (const auto& f : r.last.fetches) {
            if (f.grouping == ReportGrouping::officer)
                r.s.on_turnaround(f.id, make_error(ErrorCode::forbidden, "no"));
            else if (f.grouping)
                r.s.on_turnaround(f.id, sample_report(*f.grouping, f.period));
            else
                r.s.on_waits(f.id, make_error(ErrorCode::timeout, "slow"));
        }
        CHECK(r.s.table(ReportGrouping::officer).state == LoadState::failed);
        CHECK(r.s.table(ReportGrouping::officer).problem == ReportsMessage::forbidden);
        CHECK(r.s.table(ReportGrouping::day).state == LoadState::loaded);
        CHECK(r.s.waits().problem == ReportsMessage::unreachable);
        CHECK(r.s.screen() == ReportsScreen::table);
    }
    SECTION("the service cannot be asked its clock: every report says so") {
        r.apply(reports_cmd::Login{"hoa", "x"});
        r.last = r.s.on_login(r.last.login->id, test::supervisor_login());
        r.s.on_clock(*r.last.read_clock, make_error(ErrorCode::unreachable, "refused"));
        CHECK(r.s.table(ReportGrouping::category).state == LoadState::failed);
        CHECK(r.s.table(ReportGrouping::category).problem == ReportsMessage::unreachable);
        CHECK_FALSE(r.s.busy());
    }
    SECTION("an expired session returns to the login and forgets the figures") {
        r.login();
        r.apply(reports_cmd::Refresh{});
        r.clock();
        const auto pending = r.last.fetches;
        r.s.on_turnaround(pending[0].id, make_error(ErrorCode::unauthorized, "session expired"));
        CHECK(r.s.screen() == ReportsScreen::login);
        CHECK(r.s.message() == ReportsMessage::session_expired);
        CHECK_FALSE(r.s.officer());
        CHECK_FALSE(r.s.table(ReportGrouping::category).value);
        // The rest of the old session's answers change nothing.
        r.s.on_turnaround(pending[1].id, sample_report(ReportGrouping::counter));
        CHECK_FALSE(r.s.table(ReportGrouping::counter).value);
        CHECK(r.s.message() == ReportsMessage::session_expired);
    }
}

TEST_CASE("exports: one at a time, of the period and grouping on screen", "[reports_session]") {
    SessionRig r;
    CHECK_FALSE(r.s.can_export());
    r.login();
    r.apply(reports_cmd::ChooseGrouping{ReportGrouping::hour});
    CHECK(r.s.screen() == ReportsScreen::table);
    CHECK(r.s.can_export());
    r.apply(reports_cmd::Export{ExportFormat::csv});
    REQUIRE(r.last.export_job);
    CHECK(r.last.export_job->format == ExportFormat::csv);
    CHECK(r.last.export_job->grouping == ReportGrouping::hour);
    CHECK(text(r.last.export_job->period) == "2026-11-25..2026-11-25");
    CHECK(r.s.exporting() == ExportFormat::csv);
    CHECK_FALSE(r.s.can_export());
    CHECK_FALSE(r.s.apply(reports_cmd::Export{ExportFormat::xlsx}).export_job);
    const auto id = r.last.export_job->id;

    SECTION("saved: the path is said") {
        r.s.on_export(id, std::filesystem::path("/home/hoa/motcua-reports/bao-cao.csv"));
        CHECK(r.s.message() == ReportsMessage::saved);
        CHECK(r.s.message_detail() == "/home/hoa/motcua-reports/bao-cao.csv");
        CHECK_FALSE(is_failure(r.s.message()));
        CHECK(r.s.can_export());
    }
    SECTION("the folder cannot be written: the folder is said") {
        r.s.on_export(id, make_error(ErrorCode::save_failed,
                                     "cannot write /home/hoa/motcua-reports: denied"));
        CHECK(r.s.message() == ReportsMessage::save_failed);
        CHECK(r.s.message_detail() == "/home/hoa/motcua-reports");
        CHECK(is_failure(r.s.message()));
    }
    SECTION("the service went away") {
        r.s.on_export(id, make_error(ErrorCode::unreachable, "refused"));
        CHECK(r.s.message() == ReportsMessage::unreachable);
    }
    SECTION("the session ended meanwhile") {
        r.s.on_export(id, make_error(ErrorCode::session_expired, "expired"));
        CHECK(r.s.screen() == ReportsScreen::login);
        CHECK(r.s.message() == ReportsMessage::session_expired);
    }
    SECTION("a late answer after logout changes nothing") {
        r.apply(reports_cmd::Logout{});
        CHECK(r.s.screen() == ReportsScreen::login);
        r.s.on_export(id, std::filesystem::path("/x.csv"));
        CHECK(r.s.message() == ReportsMessage::none);
    }
}

TEST_CASE("tabs, charts and the histogram's category", "[reports_session]") {
    SessionRig r;
    r.login();
    r.apply(reports_cmd::ShowCharts{});
    CHECK(r.s.screen() == ReportsScreen::charts);
    CHECK(reports_screen_name(r.s.screen()) == "reports_charts");
    // On the charts the waits come first when reloading.
    r.apply(reports_cmd::Refresh{});
    r.clock();
    CHECK_FALSE(r.last.fetches.front().grouping);
    r.answer_all();
    CHECK(r.s.histogram_choice() == 0);
    // Every category, then each one that served someone (VX served nobody: skipped).
    r.apply(reports_cmd::NextHistogramCategory{});
    CHECK(r.s.histogram_choice() == 1);  // HT
    r.apply(reports_cmd::NextHistogramCategory{});
    CHECK(r.s.histogram_choice() == 2);  // DC
    r.apply(reports_cmd::NextHistogramCategory{});
    CHECK(r.s.histogram_choice() == 4);  // TK
    r.apply(reports_cmd::NextHistogramCategory{});
    CHECK(r.s.histogram_choice() == 0);
    r.apply(reports_cmd::ChooseGrouping{ReportGrouping::officer});
    CHECK(r.s.screen() == ReportsScreen::table);
    CHECK(r.s.grouping() == ReportGrouping::officer);
    r.apply(reports_cmd::Logout{});
    CHECK(r.s.screen() == ReportsScreen::login);
    CHECK_FALSE(r.s.period());
    CHECK(r.s.message() == ReportsMessage::none);
}

TEST_CASE("each failure maps to one message", "[reports_session]") {
    using M = ReportsMessage;
    CHECK(reports_message_for(make_error(ErrorCode::unreachable, ""), false) == M::unreachable);
    CHECK(reports_message_for(make_error(ErrorCode::protocol, ""), false) == M::unreachable);
    CHECK(reports_message_for(make_error(ErrorCode::unauthorized, ""), false) ==
          M::session_expired);
    CHECK(reports_message_for(make_error(ErrorCode::unauthorized, ""), true) == M::bad_credentials);
    CHECK(reports_message_for(make_error(ErrorCode::forbidden, ""), false) == M::forbidden);
    CHECK(reports_message_for(make_error(ErrorCode::save_failed, ""), false) == M::save_failed);
    CHECK(reports_message_for(make_error(ErrorCode::invalid_body, ""), false) == M::refused);
    CHECK(reports_message_for(make_error(ErrorCode::invalid_query, ""), false) == M::refused);
}

TEST_CASE(
    "on a province hub the dashboard opens on the ranking, shows the hub's groupings and filters "
    "by ward",
    "[reports_session]") {
    SessionRig r;
    r.apply(reports_cmd::Login{"tinh", "matkhau-tinh"});
    api::LoginResponse province = test::supervisor_login();
    province.officer.role = OfficerRole::province;
    r.last = r.s.on_login(r.last.login->id, province);
    CHECK(r.s.province());
    CHECK(r.s.screen() == ReportsScreen::overview);
    CHECK(r.s.can_choose_ward());
    REQUIRE(r.s.groupings().size() == 4);
    CHECK(r.s.groupings()[0] == ReportGrouping::ward);
    r.clock();
    // The ranking first (it is on screen), then the hub's four groupings and the waits: no
    // counter or officer report, which a hub does not have.
    REQUIRE_FALSE(r.last.fetches.empty());
    CHECK(r.last.fetches.front().overview);
    std::set<std::string> asked;
    for (const auto& f : r.last.fetches)
        if (f.grouping) asked.insert(std::string(to_string(*f.grouping)));
    CHECK(asked == std::set<std::string>{"ward", "category", "day", "hour"});
    for (const auto& f : r.last.fetches) CHECK_FALSE(f.period.ward);
    // The hub does not project bookings: no appointments report, and no tab for it.
    for (const auto& f : r.last.fetches) CHECK_FALSE(f.appointments);
    r.apply(reports_cmd::ShowAppointments{});
    CHECK(r.s.screen() == ReportsScreen::overview);

    SECTION(
        "a ward chosen from the ranking: its figures by category, every report asked again for "
        "it") {
        auto effects = r.apply(reports_cmd::ChooseWard{std::string("000.00.01.H01")});
        CHECK(r.s.screen() == ReportsScreen::table);
        CHECK(r.s.grouping() == ReportGrouping::category);
        REQUIRE(effects.read_clock);
        r.clock();
        for (const auto& f : r.last.fetches) {
            if (f.overview)
                CHECK_FALSE(f.period.ward);  // the ranking stays the province's
            else
                CHECK(f.period.ward == "000.00.01.H01");
        }
        CHECK(targets_hold_ward(r.last));
        // And back to every ward.
        r.apply(reports_cmd::ChooseWard{std::nullopt});
        r.clock();
        for (const auto& f : r.last.fetches) CHECK_FALSE(f.period.ward);
    }
    SECTION("a ward_viewer sees its own ward and cannot choose another") {
        SessionRig v;
        v.apply(reports_cmd::Login{"xem", "matkhau"});
        api::LoginResponse viewer = test::supervisor_login();
        viewer.officer.role = OfficerRole::ward_viewer;
        viewer.officer.ward = "000.00.01.H01";
        v.last = v.s.on_login(v.last.login->id, viewer);
        CHECK(v.s.province());
        CHECK(v.s.screen() == ReportsScreen::table);
        CHECK_FALSE(v.s.can_choose_ward());
        CHECK(v.apply(reports_cmd::ChooseWard{std::string("000.00.02.H02")}).fetches.empty());
        CHECK_FALSE(v.s.ward());
    }
}

TEST_CASE("a ward service's dashboard has no ranking and no ward filter", "[reports_session]") {
    SessionRig r;
    r.login();
    CHECK_FALSE(r.s.province());
    CHECK(r.s.groupings().size() == 5);
    CHECK(r.apply(reports_cmd::ShowOverview{}).fetches.empty());
    CHECK(r.s.screen() == ReportsScreen::table);
    CHECK(r.apply(reports_cmd::ChooseWard{std::string("000.00.01.H01")}).fetches.empty());
    CHECK_FALSE(r.s.ward());
}

TEST_CASE("a ward's appointments report: its tab, fetched with the rest, first when on screen",
          "[reports_session]") {
    SessionRig r;
    r.apply(reports_cmd::Login{"hoa", "matkhau-hoa"});
    r.last = r.s.on_login(r.last.login->id, test::supervisor_login());
    r.clock();
    r.answer_all();
    REQUIRE(r.s.appointments().value);
    CHECK(r.s.appointments().value->total.counts.booked == 1237);

    r.apply(reports_cmd::ShowAppointments{});
    CHECK(r.s.screen() == ReportsScreen::appointments);
    CHECK(reports_screen_name(r.s.screen()) == "reports_appointments");
    CHECK(r.last.fetches.empty());  // the figures are there: nothing to ask
    CHECK_FALSE(r.s.can_export());  // the exports are the turnaround report's

    // Another period: asked again, the report on screen first, its old figures gone.
    r.apply(reports_cmd::ChoosePeriod{PeriodKind::month});
    r.clock();
    REQUIRE_FALSE(r.last.fetches.empty());
    CHECK(r.last.fetches.front().appointments);
    CHECK(format_day(r.last.fetches.front().period.from) == "2026-11-01");
    CHECK(appointments_target(r.last.fetches.front().period) ==
          "/api/v1/reports/appointments?from=2026-11-01&to=2026-11-30&group_by=category");
    CHECK_FALSE(r.s.appointments().value);
    CHECK(r.s.busy());

    SECTION("a refusal is the report's own problem") {
        r.s.on_appointments(r.last.fetches.front().id,
                            make_error(ErrorCode::forbidden, "not for this account"));
        CHECK(r.s.appointments().state == LoadState::failed);
        CHECK(r.s.appointments().problem == ReportsMessage::forbidden);
        CHECK(r.s.screen() == ReportsScreen::appointments);
    }
    SECTION("an expired session goes back to the login") {
        r.s.on_appointments(r.last.fetches.front().id,
                            make_error(ErrorCode::unauthorized, "expired"));
        CHECK(r.s.screen() == ReportsScreen::login);
    }
    SECTION("an answer to an old request is dropped") {
        r.s.on_appointments(9999, test::sample_appointments());
        CHECK_FALSE(r.s.appointments().value);
    }
}

TEST_CASE("wait-estimate accuracy: its tab, fetched by day, first when on screen",
          "[reports_session]") {
    SessionRig r;
    r.login();
    REQUIRE(r.s.estimates().value);
    CHECK(r.s.estimates().value->total.figures.tickets == 215);
    CHECK_FALSE(r.s.busy());

    r.apply(reports_cmd::ShowEstimates{});
    CHECK(r.s.screen() == ReportsScreen::estimates);
    CHECK(reports_screen_name(r.s.screen()) == "reports_estimates");
    CHECK(r.last.fetches.empty());
    CHECK_FALSE(r.s.can_export());  // its CSV is the API's and the command line's

    r.apply(reports_cmd::ChoosePeriod{PeriodKind::month});
    r.clock();
    REQUIRE_FALSE(r.last.fetches.empty());
    CHECK(r.last.fetches.front().estimates);
    CHECK(estimates_target(r.last.fetches.front().period) ==
          "/api/v1/reports/estimates?from=2026-11-01&to=2026-11-30&group_by=day");
    CHECK_FALSE(r.s.estimates().value);  // another period: the old figures are gone
    CHECK(r.s.busy());

    SECTION("a refusal is the report's own problem") {
        r.s.on_estimates(r.last.fetches.front().id,
                         make_error(ErrorCode::forbidden, "not for this account"));
        CHECK(r.s.estimates().state == LoadState::failed);
        CHECK(r.s.estimates().problem == ReportsMessage::forbidden);
        CHECK(r.s.screen() == ReportsScreen::estimates);
    }
    SECTION("an answer to an old request is dropped") {
        r.s.on_estimates(9999, test::sample_estimates());
        CHECK_FALSE(r.s.estimates().value);
    }
    SECTION("a province hub has the tab too: its wards' accuracy, or one ward's") {
        SessionRig hub;
        hub.apply(reports_cmd::Login{"tinh", "matkhau"});
        auto province = test::supervisor_login();
        province.officer.role = OfficerRole::province;
        hub.last = hub.s.on_login(hub.last.login->id, province);
        hub.clock();
        const auto estimates_fetch = [&]() -> const ReportFetch* {
            for (const auto& f : hub.last.fetches)
                if (f.estimates) return &f;
            return nullptr;
        };
        REQUIRE(estimates_fetch() != nullptr);
        CHECK(estimates_target(estimates_fetch()->period) ==
              "/api/v1/reports/estimates?from=2026-11-25&to=2026-11-25&group_by=day");
        hub.apply(reports_cmd::ShowEstimates{});
        CHECK(hub.s.screen() == ReportsScreen::estimates);
        hub.apply(reports_cmd::ChooseWard{std::string("000.00.02.H02")});
        hub.clock();
        REQUIRE_FALSE(hub.last.fetches.empty());
        CHECK(hub.last.fetches.front().estimates);  // on screen: fetched first
        CHECK(estimates_target(hub.last.fetches.front().period) ==
              "/api/v1/reports/estimates?from=2026-11-25&to=2026-11-25&ward=000.00.02.H02"
              "&group_by=day");
    }
}
