#include <boost/json.hpp>
#include <catch2/catch.hpp>
#include <string>

#include "motcua/api.hpp"
#include "motcua/reports.hpp"

using namespace motcua;
namespace json = boost::json;

namespace {

const OfficeZone& zone() {
    static const OfficeZone z = *OfficeZone::load("Asia/Ho_Chi_Minh");
    return z;
}

Day day(const char* text) {
    return *parse_day(text);
}

TurnaroundRow row(std::string key, std::string label, int issued, double wait_mean) {
    TurnaroundRow r;
    r.key = std::move(key);
    r.label = std::move(label);
    r.issued = issued;
    r.served = issued - 10;
    r.no_show = 6;
    r.expired = 4;
    r.wait_s = {wait_mean, 380, 900, 1500};
    r.service_s = {300, 280, 600, 900};
    r.visit_s = {712.5, 700, 1400, 2000};
    r.within_target_pct = 81.8;
    r.ratings.count = 90;
    r.ratings.levels = {{1, 1}, {2, 3}, {3, 6}, {4, 40}, {5, 40}};
    r.ratings.satisfied_pct = 88.9;
    r.ratings.not_dissatisfied_pct = 95.6;
    return r;
}

/// A report as the service (or, grouped by ward, the hub) would send it, with the keys of `g`.
TurnaroundReport sample_report(ReportGrouping g) {
    TurnaroundReport r;
    r.from = day("2026-11-23");
    r.to = day("2026-11-25");
    r.group_by = g;
    switch (g) {
        case ReportGrouping::category:
            r.rows = {row("HT", "Tư pháp - Hộ tịch", 120, 412.5),
                      row("VX", "Văn hóa - Xã hội", 10, 0)};
            break;
        case ReportGrouping::counter:
            r.rows = {row("1", "Quầy 1", 70, 400), row("2", "Quầy 2", 60, 420.3)};
            break;
        case ReportGrouping::officer:
            r.rows = {row("binh", "Trần Văn Bình", 60, 700), row("lan", "Nguyễn Thị Lan", 70, 400)};
            r.rows[0].officer = OfficerTime{28 * 3600, 20 * 3600, 8 * 3600, 2400};
            r.rows[1].officer = OfficerTime{30 * 3600 + 125, 22 * 3600, 8 * 3600 + 125, 0};
            break;
        case ReportGrouping::day:
            r.rows = {row("2026-11-23", "2026-11-23", 50, 380),
                      row("2026-11-25", "2026-11-25", 80, 610)};
            break;
        case ReportGrouping::hour:
            r.rows = {row("07", "07:00–08:00", 30, 200), row("13", "13:00–14:00", 100, 390)};
            break;
        case ReportGrouping::ward:
            r.rows = {row("26734", "Phường Ba Đình", 130, 412.5),
                      row("26737", "Phường Ngọc Hà", 90, 377)};
            break;
    }
    r.total = row("total", "Tổng cộng", 130, 489.2);
    r.total.ratings.levels = {{2, 0}, {4, 50}, {5, 40}};  // a 3-level office: levels 5, 4 and 2
    if (g == ReportGrouping::officer)
        r.total.officer = OfficerTime{58 * 3600 + 125, 42 * 3600, 16 * 3600 + 125, 2400};
    return r;
}

WaitHistogram sample_waits() {
    WaitHistogram h;
    h.from = day("2026-11-23");
    h.to = day("2026-11-29");
    h.bucket_s = 300;
    h.edges_s = {0, 300, 600, 900};
    h.categories = {{"HT", "Tư pháp - Hộ tịch", 900, 5, {1, 2, 2}},
                    {"TK", "Trả kết quả", 600, 1, {1, 0, 0}}};
    h.total = {"total", "", 0, 6, {2, 2, 2}};  // the total's label is not on the wire
    return h;
}

DossierReport sample_dossiers(DossierGrouping g) {
    DossierReport r;
    r.from = day("2026-11-01");
    r.to = day("2026-11-30");
    r.group_by = g;
    r.as_of = *parse_rfc3339("2026-11-25T10:15:00+07:00");
    DossierCounts c;
    c.received_online = 3;
    c.received_direct = 40;
    c.carried_over = 7;
    c.received_total = 50;
    c.early = 20;
    c.on_time = 10;
    c.late = 2;
    c.processed_total = 32;
    c.in_process_not_due = 12;
    c.in_process_overdue = 3;
    c.in_process_total = 15;
    c.refused_or_withdrawn = 3;
    const std::string key = g == DossierGrouping::category ? "HT" : "1.001234";
    r.rows = {{key, "Tư pháp - Hộ tịch", c}, {"DC", "Địa chính", {}}};
    r.total = {"total", "Tổng cộng", c};
    return r;
}

/// A fraction as Boost.JSON writes it ("7.125E2"), as the service always has.
std::string written(double v) {
    return json::serialize(json::value(v));
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

template <typename T>
Error error_of(const Result<T>& r) {
    REQUIRE_FALSE(r.ok());
    CHECK_FALSE(r.error().message.empty());
    return r.error();
}

}  // namespace

TEST_CASE("the turnaround report round-trips in every grouping", "[report_codec]") {
    for (const auto& [g, name] : EnumNames<ReportGrouping>::names) {
        INFO("group_by=" << name);
        const TurnaroundReport sent = sample_report(g);
        const std::string wire = api::write_json(to_json(sent));
        auto got = decode_turnaround_report(wire);
        INFO(wire);
        REQUIRE(got.ok());
        CHECK(*got == sent);
        CHECK(got->rows.front().officer.has_value() == (g == ReportGrouping::officer));
        CHECK(got->total.ratings.levels.size() == 3);
    }
}

TEST_CASE("the turnaround report's bytes: field order and whole numbers as integers",
          "[report_codec]") {
    TurnaroundReport r = sample_report(ReportGrouping::officer);
    r.rows.resize(1);
    const std::string wire = api::write_json(to_json(r));
    CHECK(
        wire.rfind(
            R"({"from":"2026-11-23","to":"2026-11-25","group_by":"officer","rows":[{"key":"binh",)",
            0) == 0);
    CHECK(
        wire.find(
            R"("issued":60,"served":50,"no_show":6,"expired":4,"wait_s":{"mean":700,"p50":380,"p90":900,"max":1500},"service_s":{"mean":300,)") !=
        std::string::npos);
    CHECK(wire.find(R"("ratings":{"count":90,"levels":{"1":1,"2":3,"3":6,"4":40,"5":40},)") !=
          std::string::npos);
    CHECK(
        wire.find(
            R"("open_s":100800,"serving_s":72000,"idle_s":28800,"idle_while_waiting_s":2400}],"total":{"key":"total",)") !=
        std::string::npos);
    CHECK(wire.find(R"("visit_s":{"mean":)" + written(712.5) + ",") != std::string::npos);
}

TEST_CASE("the waits histogram and Biểu II.06a round-trip", "[report_codec]") {
    SECTION("waits") {
        const WaitHistogram sent = sample_waits();
        const std::string wire = api::write_json(to_json(sent));
        CHECK(wire.find(R"("total":{"served":6,"counts":[2,2,2]}})") != std::string::npos);
        auto got = decode_wait_histogram(wire);
        REQUIRE(got.ok());
        CHECK(*got == sent);
    }
    SECTION("dossiers, by category and by procedure") {
        for (const auto g : {DossierGrouping::category, DossierGrouping::procedure}) {
            const DossierReport sent = sample_dossiers(g);
            const std::string wire = api::write_json(to_json(sent, zone()));
            INFO(wire);
            CHECK(wire.find(R"("as_of":"2026-11-25T10:15:00+07:00")") != std::string::npos);
            CHECK(
                wire.find(
                    R"("received_total":50,"received_online":3,"received_direct":40,"carried_over":7,)") !=
                std::string::npos);
            auto got = decode_dossier_report(wire);
            REQUIRE(got.ok());
            CHECK(*got == sent);  // office_name is not on the wire: empty on both sides
        }
    }
    SECTION("the form's columns and their sum") {
        REQUIRE(dossier_columns().size() == 12);
        CHECK(dossier_columns().front().form_column == 3);
        CHECK(dossier_columns().back().name == "refused_or_withdrawn");
        DossierCounts sum;
        sum += sample_dossiers(DossierGrouping::category).total.counts;
        sum += sample_dossiers(DossierGrouping::category).total.counts;
        CHECK(dossier_value(sum, "received_total") == 100);
        CHECK(dossier_value(sum, "in_process_overdue") == 6);
    }
}

TEST_CASE("the appointments report round-trips, punctuality or none", "[report_codec]") {
    AppointmentReport sent;
    sent.from = *parse_day("2026-11-23");
    sent.to = *parse_day("2026-11-27");
    sent.group_by = AppointmentGrouping::category;
    sent.rows.push_back({"HT", "Tư pháp - Hộ tịch", {7, 1, 4, 1, 2}, 120, 600});
    sent.rows.push_back({"DC", "Địa chính", {0, 0, 0, 0, 0}, std::nullopt, std::nullopt});
    sent.total = {"total", "Tổng cộng", {7, 1, 4, 1, 2}, 120, 600};
    const std::string wire = api::write_json(to_json(sent));
    CHECK(wire.find(R"("booked":7,"cancelled":1,"checked_in":4,"missed":1,"served":2,)"
                    R"("punctuality_s":{"p50":120,"p90":600})") != std::string::npos);
    CHECK(wire.find(R"("punctuality_s":null)") != std::string::npos);
    auto got = decode_appointment_report(wire);
    REQUIRE(got.ok());
    CHECK(*got == sent);
    CHECK(error_of(decode_appointment_report(R"({"from":"2026-11-23"})")).code ==
          ErrorCode::missing_field);
}

TEST_CASE("the estimates report round-trips and refuses impossible figures", "[report_codec]") {
    EstimateReport sent;
    sent.from = *parse_day("2026-11-23");
    sent.to = *parse_day("2026-11-27");
    sent.group_by = EstimateGrouping::hour;
    sent.rows.push_back(
        {"08", "08:00–09:00", {42, 95.5, -12.3, 81.0, 4.8, 260.1, -140.0, 9.5, 21.4}});
    sent.rows.push_back({"09", "09:00–10:00", {}});
    sent.total = {"total", "Tổng cộng", {42, 95.5, -12.3, 81.0, 4.8, 260.1, -140.0, 9.5, 21.4}};
    const std::string wire = api::write_json(to_json(sent));
    CHECK(wire.find(R"("group_by":"hour")") != std::string::npos);
    // Whole figures are written as integers.
    CHECK(wire.find(R"("tickets":42,)") != std::string::npos);
    CHECK(wire.find(R"("within_range_pct":81,)") != std::string::npos);
    CHECK(wire.find(R"("baseline_bias_s":-140,)") != std::string::npos);
    auto got = decode_estimate_report(wire);
    REQUIRE(got.ok());
    CHECK(*got == sent);
    CHECK(error_of(decode_estimate_report(R"({"from":"2026-11-23"})")).code ==
          ErrorCode::missing_field);
    std::string over = wire;
    over.replace(over.find(R"("within_range_pct":81)"), 21, R"("within_range_pct":181)");
    const auto e = error_of(decode_estimate_report(over));
    CHECK(e.code == ErrorCode::invalid_field);
    CHECK(e.message.find("within_range_pct") != std::string::npos);
}

TEST_CASE("report decoders reject bad input with a clear error", "[report_codec]") {
    const std::string good = api::write_json(to_json(sample_report(ReportGrouping::officer)));
    const std::string waits = api::write_json(to_json(sample_waits()));
    const std::string dossiers =
        api::write_json(to_json(sample_dossiers(DossierGrouping::category), zone()));
    REQUIRE(decode_turnaround_report(good).ok());
    REQUIRE(decode_wait_histogram(waits).ok());
    REQUIRE(decode_dossier_report(dossiers).ok());

    SECTION("bad inputs") {
        // not JSON at all: a proxy's error page
        CHECK(error_of(decode_turnaround_report("<html>proxy error</html>")).code ==
              ErrorCode::invalid_json);
        // JSON, but an array where the report should be
        CHECK(error_of(decode_turnaround_report("[]")).code == ErrorCode::invalid_body);
        // a grouping nobody knows
        auto e = error_of(decode_turnaround_report(
            replaced(good, R"("group_by":"officer")", R"("group_by":"week")")));
        CHECK(e.code == ErrorCode::invalid_field);
        CHECK(e.message.find("ward") != std::string::npos);  // the choices are listed
        // a count that is text, in the second row: the error says where
        e = error_of(
            decode_turnaround_report(replaced(good, R"("issued":70)", R"("issued":"70")")));
        CHECK(e.code == ErrorCode::invalid_field);
        CHECK(e.message.find("rows[1]") != std::string::npos);
        CHECK(e.message.find("issued") != std::string::npos);
        // a negative count
        CHECK(
            error_of(decode_turnaround_report(replaced(good, R"("no_show":6)", R"("no_show":-6)")))
                .code == ErrorCode::invalid_field);
        // a missing time block
        e = error_of(decode_turnaround_report(replaced(good, R"("visit_s":)", R"("visit_x":)")));
        CHECK(e.code == ErrorCode::missing_field);
        CHECK(e.message.find("visit_s") != std::string::npos);
        // a time block that is a number
        CHECK_FALSE(decode_turnaround_report(
            replaced(good, R"("service_s":{"mean":300,"p50":280,"p90":600,"max":900})",
                     R"("service_s":300)")));
        // a mean in words
        CHECK_FALSE(
            decode_turnaround_report(replaced(good, R"("mean":300)", R"("mean":"5 phút")")));
        // a rating level outside 1..5
        e = error_of(
            decode_turnaround_report(replaced(good, R"("levels":{"1":1,)", R"("levels":{"7":1,)")));
        CHECK(e.message.find("'7'") != std::string::npos);
        // a level's count that is fractional
        CHECK_FALSE(decode_turnaround_report(replaced(good, R"("2":3,)", R"("2":3.5,)")));
        // a share above 100 %
        CHECK_FALSE(decode_turnaround_report(replaced(
            good, R"("within_target_pct":)" + written(81.8), R"("within_target_pct":181.8)")));
        // an officer's time that is negative
        CHECK_FALSE(
            decode_turnaround_report(replaced(good, R"("idle_s":28800)", R"("idle_s":-28800)")));
        // an officer row with only some of its times
        CHECK_FALSE(
            decode_turnaround_report(replaced(good, R"(,"idle_while_waiting_s":2400)", "")));
        // a day that is not one, and a period that ends before it starts
        CHECK_FALSE(decode_turnaround_report(
            replaced(good, R"("from":"2026-11-23")", R"("from":"23/11/2026")")));
        e = error_of(decode_turnaround_report(
            replaced(good, R"("to":"2026-11-25")", R"("to":"2026-11-22")")));
        CHECK(e.message.find("'to'") != std::string::npos);
        // rows that are not a list, and a row that is not an object
        CHECK_FALSE(decode_turnaround_report(
            replaced(good, R"("rows":[)", R"("rows":"none","old_rows":[)")));
        CHECK_FALSE(decode_turnaround_report(replaced(good, R"("rows":[)", R"("rows":[7,)")));
        // no total
        CHECK(error_of(decode_turnaround_report(good.substr(0, good.find(R"(,"total")")) + "}"))
                  .code == ErrorCode::missing_field);
        // a truncated body
        CHECK_FALSE(decode_turnaround_report(good.substr(0, good.size() / 2)));

        // waits: a category with a bucket too few
        e = error_of(
            decode_wait_histogram(replaced(waits, R"("counts":[1,0,0])", R"("counts":[1,0])")));
        CHECK(e.message.find("categories[1]") != std::string::npos);
        // waits: edges that do not climb, or do not start at 0, or are missing altogether
        CHECK_FALSE(decode_wait_histogram(replaced(waits, "[0,300,600,900]", "[0,600,300,900]")));
        CHECK_FALSE(decode_wait_histogram(replaced(waits, "[0,300,600,900]", "[60,300,600,900]")));
        CHECK_FALSE(decode_wait_histogram(replaced(waits, "[0,300,600,900]", "[]")));
        // waits: a negative count in the total
        CHECK_FALSE(
            decode_wait_histogram(replaced(waits, R"("counts":[2,2,2])", R"("counts":[2,-2,2])")));
        // waits: a target in words
        CHECK_FALSE(decode_wait_histogram(
            replaced(waits, R"("target_wait_s":900)", R"("target_wait_s":"15 phút")")));
        // waits: buckets of no width
        CHECK_FALSE(decode_wait_histogram(replaced(waits, R"("bucket_s":300)", R"("bucket_s":0)")));

        // dossiers: a grouping the form does not have
        CHECK_FALSE(decode_dossier_report(
            replaced(dossiers, R"("group_by":"category")", R"("group_by":"officer")")));
        // dossiers: a time without its offset
        CHECK_FALSE(decode_dossier_report(
            replaced(dossiers, "2026-11-25T10:15:00+07:00", "25/11/2026 10:15")));
        // dossiers: a column missing from a row
        e = error_of(decode_dossier_report(replaced(dossiers, R"("late":2,)", "")));
        CHECK(e.code == ErrorCode::missing_field);
        CHECK(e.message.find("late") != std::string::npos);
        // dossiers: a negative figure
        CHECK_FALSE(decode_dossier_report(replaced(dossiers, R"("early":20,)", R"("early":-20,)")));
        // dossiers: a row without a key
        CHECK_FALSE(decode_dossier_report(replaced(dossiers, R"("key":"DC",)", "")));
    }
}
