// What the dashboard's screens show, built without a window: cells written the Vietnamese way,
// names in the screen's language, the charts' series; the reports decoded from the service's
// JSON (good and bad); the routes asked; the export files written to their folder.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "core/reports/reports_samples.hpp"
#include "kiosk/core/reports/reports_views.hpp"

using namespace motcua;
using namespace motcua::kiosk;
using test::sample_report;

namespace {

constexpr const char* kNbsp = "\xC2\xA0";

OfficeZone hcm() {
    return *OfficeZone::load("Asia/Ho_Chi_Minh");
}

WardData categories_in_both_languages() {
    WardData d;
    d.categories_loaded = true;
    d.categories = {
        {"HT", "Tư pháp - Hộ tịch", "Justice - Civil status", 900, 0, 0, {0, 0}},
        {"DC", "Địa chính - Xây dựng - Đô thị và Môi trường", "Land", 1200, 0, 0, {0, 0}},
        {"VX", "Văn hóa - Xã hội", "Culture - Social affairs", 900, 0, 0, {0, 0}},
        {"TK", "Trả kết quả", "Collect results", 600, 0, 0, {0, 0}}};
    return d;
}

/// A session logged in on 25/11/2026 08:40 with this week's samples loaded.
ReportsSession loaded_session(ReportGrouping on_screen = ReportGrouping::category) {
    ReportsSession s{ReportsSettings{hcm(), "/tmp/exports"}};
    auto e = s.apply(reports_cmd::Login{"hoa", "x"});
    e = s.on_login(e.login->id, test::supervisor_login());
    s.apply(reports_cmd::ChooseGrouping{on_screen});
    e = s.apply(reports_cmd::ChoosePeriod{PeriodKind::week});
    e = s.on_clock(*e.read_clock, *parse_rfc3339("2026-11-25T08:40:00+07:00"));
    for (const auto& f : e.fetches) {
        if (f.appointments)
            s.on_appointments(f.id, test::sample_appointments(f.period));
        else if (f.estimates)
            s.on_estimates(f.id, test::sample_estimates(f.period));
        else if (f.grouping)
            s.on_turnaround(f.id, sample_report(*f.grouping, f.period));
        else
            s.on_waits(f.id, test::sample_waits(f.period));
    }
    return s;
}

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

struct TempDir {
    TempDir() {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "motcua-reports-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    std::filesystem::path path;
};

const char* const kTurnaroundJson = R"({"from":"2026-11-23","to":"2026-11-29","group_by":"officer",
 "rows":[{"key":"lan","label":"Nguyễn Thị Lan","issued":120,"served":110,"no_show":6,"expired":4,
          "wait_s":{"mean":412.5,"p50":380,"p90":900,"max":1500},
          "service_s":{"mean":300,"p50":280,"p90":600,"max":900},
          "visit_s":{"mean":712.5,"p50":700,"p90":1400,"max":2000},
          "within_target_pct":81.8,
          "ratings":{"count":90,"levels":{"1":1,"2":3,"3":6,"4":40,"5":40},
                     "satisfied_pct":88.9,"not_dissatisfied_pct":95.6},
          "open_s":28800,"serving_s":20000,"idle_s":8800,"idle_while_waiting_s":600}],
 "total":{"key":"total","label":"Tổng cộng","issued":120,"served":110,"no_show":6,"expired":4,
          "wait_s":{"mean":412.5,"p50":380,"p90":900,"max":1500},
          "service_s":{"mean":300,"p50":280,"p90":600,"max":900},
          "visit_s":{"mean":712.5,"p50":700,"p90":1400,"max":2000},
          "within_target_pct":81.8,
          "ratings":{"count":90,"levels":{"1":1,"2":3,"3":6,"4":40,"5":40},
                     "satisfied_pct":88.9,"not_dissatisfied_pct":95.6},
          "open_s":28800,"serving_s":20000,"idle_s":8800,"idle_while_waiting_s":600}})";

const char* const kWaitsJson = R"({"from":"2026-11-23","to":"2026-11-29","bucket_s":300,
 "edges_s":[0,300,600,900],
 "categories":[{"key":"HT","label":"Tư pháp - Hộ tịch","target_wait_s":900,"served":5,"counts":[1,2,2]},
               {"key":"TK","label":"Trả kết quả","target_wait_s":600,"served":1,"counts":[1,0,0]}],
 "total":{"served":6,"counts":[2,2,2]}})";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE(
    "cells: counts grouped, durations as mm:ss, percentages with a comma, dashes where "
    "nothing was measured",
    "[reports_views]") {
    const TurnaroundRow row = test::report_row("HT", "Tư pháp - Hộ tịch", 1234, 1180, 40, 14, 412.5,
                                               900, {{4, 450}, {5, 350}, {3, 100}});
    const auto cell = [&](ReportColumn c) { return cell_text(row, c, NumberStyle::vi); };
    CHECK(cell(ReportColumn::issued) == "1.234");
    CHECK(cell(ReportColumn::served) == "1.180");
    CHECK(cell(ReportColumn::no_show) == "40");
    CHECK(cell(ReportColumn::expired) == "14");
    CHECK(cell(ReportColumn::wait_mean) == "06:53");
    CHECK(cell(ReportColumn::wait_p50) == "06:11");  // 371 s
    CHECK(cell(ReportColumn::wait_max) == "24:45");  // 1485 s
    CHECK(cell(ReportColumn::service_mean) == "05:05");
    CHECK(cell(ReportColumn::within_target) == std::string("81,8") + kNbsp + "%");
    CHECK(cell(ReportColumn::ratings_count) == "900");
    CHECK(cell(ReportColumn::satisfied) == std::string("88,9") + kNbsp + "%");
    CHECK(cell_text(row, ReportColumn::within_target, NumberStyle::en) == "81.8%");
    CHECK(cell_text(row, ReportColumn::issued, NumberStyle::en) == "1,234");

    const TurnaroundRow quiet = test::report_row("VX", "Văn hóa - Xã hội", 3, 0, 0, 3, 0, 0);
    CHECK(cell_text(quiet, ReportColumn::wait_mean, NumberStyle::vi) == "—");
    CHECK(cell_text(quiet, ReportColumn::service_mean, NumberStyle::vi) == "—");
    CHECK(cell_text(quiet, ReportColumn::within_target, NumberStyle::vi) == "—");
    CHECK(cell_text(quiet, ReportColumn::satisfied, NumberStyle::vi) == "—");
    CHECK(cell_text(quiet, ReportColumn::ratings_count, NumberStyle::vi) == "0");

    TurnaroundRow officer = row;
    officer.officer = OfficerTime{8 * 3600 + 62, 5 * 3600, 3 * 3600 + 62, 754};
    CHECK(cell_text(officer, ReportColumn::open_time, NumberStyle::vi) == "8:01:02");
    CHECK(cell_text(officer, ReportColumn::idle_waiting, NumberStyle::vi) == "12:34");
}

TEST_CASE("the table of a grouping: its rows, names in the screen's language, the total",
          "[reports_views]") {
    const WardData data = categories_in_both_languages();
    const ReportsSession s = loaded_session();
    TableView vi = make_table_view(s, data, Language::vi);
    CHECK(vi.availability.state == LoadState::loaded);
    REQUIRE(vi.rows.size() == 4);
    CHECK(vi.rows[0].label == "Tư pháp - Hộ tịch");
    CHECK(vi.rows[0].cells.size() == kMainColumns.size());
    CHECK(vi.rows[0].cells[0] == "1.234");
    CHECK(vi.total.label.empty());  // the screen says "Tổng cộng" in its language
    CHECK(vi.total.cells[0] == "1.650");
    CHECK_FALSE(vi.no_tickets);
    CHECK(vi.work_rows.empty());
    const TableView en = make_table_view(s, data, Language::en);
    CHECK(en.rows[0].label == "Justice - Civil status");
    CHECK(en.rows[0].cells[0] == "1,234");
    // A category the service's list does not have keeps the report's own name.
    CHECK(make_table_view(s, WardData{}, Language::en).rows[0].label == "Tư pháp - Hộ tịch");

    SECTION("days read as 23/11/2026") {
        const TableView days =
            make_table_view(loaded_session(ReportGrouping::day), data, Language::vi);
        REQUIRE(days.rows.size() == 3);
        CHECK(days.rows[0].label == "23/11/2026");
    }
    SECTION("officers also get their time at the counter") {
        const TableView officers =
            make_table_view(loaded_session(ReportGrouping::officer), data, Language::vi);
        REQUIRE(officers.work_rows.size() == 2);
        CHECK(officers.work_rows[0].label == "Trần Văn Bình");
        CHECK(officers.work_rows[0].cells.size() == kWorkColumns.size());
        CHECK(officers.work_rows[0].cells[0] == "28:00:00");
        REQUIRE(officers.work_total);
        CHECK(officers.work_total->cells[3] == "1:10:00");
    }
    SECTION("before the figures come: loading, nothing to show") {
        ReportsSession fresh{ReportsSettings{hcm(), "/tmp"}};
        const TableView none = make_table_view(fresh, data, Language::vi);
        CHECK_FALSE(none.availability.has_figures);
        CHECK(none.rows.empty());
    }
    SECTION("a period without a ticket") {
        ReportsSession quiet{ReportsSettings{hcm(), "/tmp"}};
        auto e = quiet.apply(reports_cmd::Login{"hoa", "x"});
        e = quiet.on_login(e.login->id, test::supervisor_login());
        e = quiet.on_clock(*e.read_clock, *parse_rfc3339("2026-11-25T08:40:00+07:00"));
        TurnaroundReport empty = sample_report(ReportGrouping::category);
        for (auto& r : empty.rows) r = test::report_row(r.key, r.label, 0, 0, 0, 0, 0, 0);
        empty.total = test::report_row("total", "Tổng cộng", 0, 0, 0, 0, 0, 0);
        quiet.on_turnaround(e.fetches[0].id, empty);
        const TableView v = make_table_view(quiet, data, Language::vi);
        CHECK(v.no_tickets);
        CHECK(v.rows.size() == 4);  // every category, with zeros
    }
}

TEST_CASE("the bar: the period, the service's time of the figures, what may be done",
          "[reports_views]") {
    const ReportsSession s = loaded_session();
    const ReportsBarView v = make_bar_view(s, hcm());
    CHECK(v.officer_name == "Phạm Thu Hòa");
    CHECK(v.kind == PeriodKind::week);
    CHECK(format_day(v.period->from) == "2026-11-23");
    CHECK(v.as_of == "08:40");
    CHECK_FALSE(v.busy);
    CHECK(v.can_export);
    CHECK(v.can_refresh);
    CHECK_FALSE(v.exporting);
}

TEST_CASE("Làm mới waits while a load runs", "[reports_views]") {
    ReportsSession s = loaded_session();
    REQUIRE(make_bar_view(s, hcm()).can_refresh);
    s.apply(reports_cmd::Refresh{});
    REQUIRE(s.busy());
    CHECK_FALSE(make_bar_view(s, hcm()).can_refresh);
}

TEST_CASE("the charts' series", "[reports_views]") {
    const WardData data = categories_in_both_languages();
    ReportsSession s = loaded_session();
    ChartsView v = make_charts_view(s, data, Language::vi);

    // Hours from the first to the last, the quiet ones as zeros.
    REQUIRE(v.hours.size() == 7);  // 07..13
    CHECK(v.hours[0].hour == "07");
    CHECK(v.hours[0].issued == 120);
    CHECK(v.hours[2].hour == "09");
    CHECK(v.hours[2].issued == 0);
    CHECK(v.hours[6].served == 290);

    // Satisfaction per category, levels best first with the scale's every level.
    CHECK(v.levels == std::vector<int>{5, 4, 3, 2, 1});
    REQUIRE(v.satisfaction.size() == 4);
    CHECK(v.satisfaction[0].label == "Tư pháp - Hộ tịch");
    CHECK(v.satisfaction[0].count == 900);
    CHECK(v.satisfaction[0].levels.front() == std::pair{5, 400});
    CHECK(v.satisfaction[2].count == 0);

    // The trend: a point a day; days without served tickets or ratings have no value.
    REQUIRE(v.trend.size() == 3);
    CHECK(v.trend[0].day == "23/11");
    CHECK(v.trend[1].mean_wait_s == Approx(520));
    CHECK(v.trend[2].satisfied_pct.has_value());

    // The histogram of every category: one line per target, naming the categories that
    // served someone (VX served nobody).
    CHECK(v.histogram.category.empty());
    CHECK(v.histogram.served == 1576);
    CHECK(v.histogram.can_choose);
    REQUIRE(v.histogram.targets.size() == 3);
    CHECK(v.histogram.targets[0].seconds == 600);
    CHECK(v.histogram.targets[0].categories == "TK");
    CHECK(v.histogram.targets[1].categories == "HT");
    CHECK(v.histogram.targets[2].categories == "DC");
    s.apply(reports_cmd::NextHistogramCategory{});
    v = make_charts_view(s, data, Language::en);
    CHECK(v.histogram.category == "Justice - Civil status");
    CHECK(v.histogram.counts == std::vector<int>{300, 420, 260, 120, 60, 20});
    REQUIRE(v.histogram.targets.size() == 1);
    CHECK(v.histogram.targets[0].seconds == 900);
    CHECK(v.satisfaction[0].label == "Justice - Civil status");
}

TEST_CASE("the turnaround report decodes strictly", "[report_data]") {
    auto r = decode_turnaround_report(kTurnaroundJson);
    REQUIRE(r);
    CHECK(r->group_by == ReportGrouping::officer);
    CHECK(format_day(r->from) == "2026-11-23");
    REQUIRE(r->rows.size() == 1);
    const TurnaroundRow& lan = r->rows[0];
    CHECK(lan.key == "lan");
    CHECK(lan.label == "Nguyễn Thị Lan");
    CHECK(lan.issued == 120);
    CHECK(lan.wait_s.mean == Approx(412.5));
    CHECK(lan.wait_s.max == 1500);
    CHECK(lan.service_s.p90 == 600);
    CHECK(lan.within_target_pct == Approx(81.8));
    CHECK(lan.ratings.count == 90);
    CHECK(lan.ratings.levels.at(4) == 40);
    CHECK(lan.ratings.satisfied_pct == Approx(88.9));
    REQUIRE(lan.officer);
    CHECK(lan.officer->idle_while_waiting_s == 600);
    CHECK(r->total.key == "total");
    SECTION("bad inputs") {
        const std::string good = kTurnaroundJson;
        // not JSON at all
        CHECK_FALSE(decode_turnaround_report("<html>proxy error</html>"));
        // an array where the report should be
        CHECK_FALSE(decode_turnaround_report("[]"));
        // a grouping the dashboard does not know
        CHECK_FALSE(decode_turnaround_report(
            replaced(good, R"("group_by":"officer")", R"("group_by":"week")")));
        // a count that is text
        CHECK_FALSE(
            decode_turnaround_report(replaced(good, R"("issued":120)", R"("issued":"120")")));
        // a missing time block
        CHECK_FALSE(decode_turnaround_report(
            replaced(good, R"("wait_s":{"mean":412.5,"p50":380,"p90":900,"max":1500},)", "")));
        // a rating level outside 1..5
        CHECK_FALSE(
            decode_turnaround_report(replaced(good, R"("levels":{"1":1,)", R"("levels":{"7":1,)")));
        // a day that is not one
        CHECK_FALSE(decode_turnaround_report(
            replaced(good, R"("from":"2026-11-23")", R"("from":"23/11/2026")")));
        // no total
        const auto cut = good.find(R"(,
 "total")");
        CHECK_FALSE(decode_turnaround_report(good.substr(0, cut) + "}"));
        const auto e =
            decode_turnaround_report(replaced(good, R"("issued":120)", R"("issued":"120")"));
        CHECK(e.error().code == ErrorCode::invalid_field);
        CHECK(e.error().message.find("rows[0]: field 'issued'") != std::string::npos);
    }
}

TEST_CASE("the waits histogram decodes strictly", "[report_data]") {
    auto h = decode_wait_histogram(kWaitsJson);
    REQUIRE(h);
    CHECK(h->bucket_s == 300);
    CHECK(h->edges_s == std::vector<std::int64_t>{0, 300, 600, 900});
    REQUIRE(h->categories.size() == 2);
    CHECK(h->categories[0].target_wait_s == 900);
    CHECK(h->categories[1].counts == std::vector<int>{1, 0, 0});
    CHECK(h->total.served == 6);
    SECTION("bad inputs") {
        const std::string good = kWaitsJson;
        // a category with a bucket too few
        CHECK_FALSE(
            decode_wait_histogram(replaced(good, R"("counts":[1,0,0])", R"("counts":[1,0])")));
        // edges that do not climb from 0
        CHECK_FALSE(decode_wait_histogram(replaced(good, "[0,300,600,900]", "[0,600,300,900]")));
        CHECK_FALSE(decode_wait_histogram(replaced(good, "[0,300,600,900]", "[60,300,600,900]")));
        // no buckets at all
        CHECK_FALSE(decode_wait_histogram(replaced(good, "[0,300,600,900]", "[]")));
        // a negative count
        CHECK_FALSE(
            decode_wait_histogram(replaced(good, R"("counts":[2,2,2])", R"("counts":[2,-2,2])")));
        // a target in words
        CHECK_FALSE(decode_wait_histogram(
            replaced(good, R"("target_wait_s":900)", R"("target_wait_s":"15 phút")")));
    }
}

TEST_CASE("the routes the dashboard asks and the files it writes", "[reports_api]") {
    const ReportPeriod week = test::week_of_23_november();
    CHECK(turnaround_target(week, ReportGrouping::hour) ==
          "/api/v1/reports/turnaround?from=2026-11-23&to=2026-11-29&group_by=hour");
    CHECK(waits_target(week) == "/api/v1/reports/waits?from=2026-11-23&to=2026-11-29");
    CHECK(export_target(week, ExportFormat::csv, ReportGrouping::counter) ==
          "/api/v1/reports/turnaround?from=2026-11-23&to=2026-11-29&group_by=counter&format=csv");
    // Excel: every grouping in one workbook.
    CHECK(export_target(week, ExportFormat::xlsx, ReportGrouping::counter) ==
          "/api/v1/reports/turnaround?from=2026-11-23&to=2026-11-29&group_by=all&format=xlsx");
    CHECK(export_file_name(week, ExportFormat::csv, ReportGrouping::day) ==
          "bao-cao-day-2026-11-23-2026-11-29.csv");
    CHECK(export_file_name(week, ExportFormat::xlsx, ReportGrouping::day) ==
          "bao-cao-tat-ca-2026-11-23-2026-11-29.xlsx");

    TempDir dir;
    const auto folder = dir.path / "motcua-reports";  // made when missing
    auto first = save_export(folder, "bao-cao.csv", "\xEF\xBB\xBFkey,label\r\n");
    REQUIRE(first);
    CHECK(*first == folder / "bao-cao.csv");
    CHECK(slurp(*first) == "\xEF\xBB\xBFkey,label\r\n");
    // The same name again keeps the first file.
    auto second = save_export(folder, "bao-cao.csv", "second");
    REQUIRE(second);
    CHECK(*second == folder / "bao-cao-2.csv");
    CHECK(slurp(*first) == "\xEF\xBB\xBFkey,label\r\n");
    CHECK(slurp(*second) == "second");
    // No half-written leftovers.
    std::size_t files = 0;
    for (const auto& e : std::filesystem::directory_iterator(folder)) {
        ++files;
        CHECK(e.path().filename().string().front() != '.');
    }
    CHECK(files == 2);
    SECTION("bad inputs") {
        // a folder that cannot exist: its parent is a file
        std::ofstream(dir.path / "plain-file") << "x";
        auto failed = save_export(dir.path / "plain-file" / "reports", "bao-cao.csv", "x");
        REQUIRE_FALSE(failed);
        CHECK(failed.error().code == ErrorCode::save_failed);
        CHECK(failed.error().message.find("plain-file") != std::string::npos);
    }
}

TEST_CASE("the appointments table: names in the screen's language, figures the Vietnamese way",
          "[reports_views]") {
    const ReportsSession s = loaded_session();
    WardData data;
    data.categories.push_back(
        {"HT", "Tư pháp - Hộ tịch", "Justice - Civil status", 900, 0, 0, {0, 0}});
    const AppointmentsTableView vi = make_appointments_view(s, data, Language::vi);
    CHECK(vi.availability.has_figures);
    CHECK_FALSE(vi.no_bookings);
    REQUIRE(vi.rows.size() == 2);
    CHECK(vi.rows[0].label == "Tư pháp - Hộ tịch");
    CHECK(vi.rows[0].cells ==
          std::vector<std::string>{"1.234", "56", "1.100", "78", "1.080", "01:35", "06:52"});
    CHECK(vi.rows[1].label == "Địa chính - Xây dựng - Đô thị và Môi trường");  // the report's own
    CHECK(vi.rows[1].cells[5] == "—");  // no booked ticket called: no punctuality
    CHECK(vi.total.cells[0] == "1.237");
    const AppointmentsTableView en = make_appointments_view(s, data, Language::en);
    CHECK(en.rows[0].label == "Justice - Civil status");
    CHECK(en.rows[0].cells[0] == "1,234");

    AppointmentRow none;
    CHECK(appointment_cell_text(none, ReportColumn::booked, NumberStyle::vi) == "0");
    CHECK(appointment_cell_text(none, ReportColumn::punctuality_p90, NumberStyle::vi) == "—");
    CHECK(appointment_cell_text(none, ReportColumn::issued, NumberStyle::vi) == "—");
}

TEST_CASE("the estimates view: the daily error as chart points and the table under it",
          "[reports_views]") {
    const ReportsSession s = loaded_session();
    const EstimatesView v = make_estimates_view(s, Language::vi);
    CHECK(v.availability.has_figures);
    CHECK_FALSE(v.no_tickets);
    REQUIRE(v.points.size() == 3);
    CHECK(v.points[0].day == "23/11");
    CHECK(v.points[0].mae_min == Approx(250.0 / 60));
    CHECK(v.points[0].baseline_mae_min == Approx(610.0 / 60));
    CHECK_FALSE(v.points[1].mae_min);  // a day without a called ticket breaks the line
    CHECK_FALSE(v.points[1].baseline_mae_min);
    REQUIRE(v.rows.size() == 3);
    CHECK(v.rows[0].label == "23/11/2026");
    const std::string pct = std::string(kNbsp) + "%";
    CHECK(v.rows[0].cells == std::vector<std::string>{"120", "04:10", "+00:30", "81,7" + pct,
                                                      "4,2" + pct, "10:10", "-06:40",
                                                      "38,3" + pct});
    // Under 0: waits were underestimated; the row without tickets has only its count.
    CHECK(v.rows[2].cells[2] == "-00:13");
    CHECK(v.rows[1].cells == std::vector<std::string>{"0", "—", "—", "—", "—", "—", "—", "—"});
    CHECK(v.total.cells[0] == "215");
    CHECK(make_estimates_view(s, Language::en).rows[0].cells[3] == "81.7%");

    SECTION("nothing called with an estimate: the period is said to be empty") {
        ReportsSession empty = loaded_session();
        auto e = empty.apply(reports_cmd::Refresh{});
        e = empty.on_clock(*e.read_clock, *parse_rfc3339("2026-11-25T08:41:00+07:00"));
        EstimateReport none;
        none.rows = {{"2026-11-25", "2026-11-25", {}}};
        none.total = {"total", "", {}};
        for (const auto& f : e.fetches)
            if (f.estimates) empty.on_estimates(f.id, none);
        CHECK(make_estimates_view(empty, Language::vi).no_tickets);
    }
}
