// The dashboard's periods: the office week Monday to Sunday, the calendar month, and the custom
// range typed as DD/MM/YYYY or YYYY-MM-DD, with a plain reason for each refusal.
#include <catch2/catch.hpp>

#include "kiosk/core/reports/report_period.hpp"
#include "motcua/office_time.hpp"

using namespace motcua;
using namespace motcua::kiosk;

namespace {

Day day(const char* iso) {
    return *parse_day(iso);
}

std::string text(const ReportPeriod& p) {
    return format_day(p.from) + ".." + format_day(p.to);
}

std::string typed(std::string_view from, std::string_view to) {
    const auto r = parse_custom_period(from, to);
    if (const auto* p = std::get_if<ReportPeriod>(&r)) return text(*p);
    return std::string(to_string(std::get<PeriodProblem>(r)));
}

}  // namespace

TEST_CASE("the office week runs Monday to Sunday around today", "[report_period]") {
    // 23/11/2026 is a Monday.
    CHECK(text(week_of(day("2026-11-23"))) == "2026-11-23..2026-11-29");
    CHECK(text(week_of(day("2026-11-25"))) == "2026-11-23..2026-11-29");
    CHECK(text(week_of(day("2026-11-29"))) == "2026-11-23..2026-11-29");  // Sunday ends it
    CHECK(text(week_of(day("2026-11-30"))) == "2026-11-30..2026-12-06");
    // Across a month and a year.
    CHECK(text(week_of(day("2026-12-31"))) == "2026-12-28..2027-01-03");
    CHECK(text(week_of(day("2027-01-01"))) == "2026-12-28..2027-01-03");
}

TEST_CASE("the month runs from its first to its last day", "[report_period]") {
    CHECK(text(month_of(day("2026-11-23"))) == "2026-11-01..2026-11-30");
    CHECK(text(month_of(day("2026-12-01"))) == "2026-12-01..2026-12-31");
    CHECK(text(month_of(day("2028-02-10"))) == "2028-02-01..2028-02-29");  // leap year
    CHECK(text(month_of(day("2026-02-28"))) == "2026-02-01..2026-02-28");
}

TEST_CASE("presets are today, this week, this month of the given day", "[report_period]") {
    const Day today = day("2026-11-25");
    CHECK(text(preset_period(PeriodKind::today, today)) == "2026-11-25..2026-11-25");
    CHECK(text(preset_period(PeriodKind::week, today)) == "2026-11-23..2026-11-29");
    CHECK(text(preset_period(PeriodKind::month, today)) == "2026-11-01..2026-11-30");
    CHECK(period_days(preset_period(PeriodKind::week, today)) == 7);
    CHECK(period_days(preset_period(PeriodKind::today, today)) == 1);
}

TEST_CASE("office days are typed day first or ISO", "[report_period]") {
    const auto as_day = [](std::string_view s) -> std::string {
        const auto r = parse_office_day(s);
        if (const auto* d = std::get_if<Day>(&r)) return format_day(*d);
        switch (std::get<DayTextProblem>(r)) {
            case DayTextProblem::empty:
                return "empty";
            case DayTextProblem::malformed:
                return "malformed";
            case DayTextProblem::no_such_date:
                return "no_such_date";
        }
        return "?";
    };
    CHECK(as_day("23/11/2026") == "2026-11-23");
    CHECK(as_day("3/1/2026") == "2026-01-03");
    CHECK(as_day("03/01/2026") == "2026-01-03");
    CHECK(as_day("23-11-2026") == "2026-11-23");
    CHECK(as_day("23.11.2026") == "2026-11-23");
    CHECK(as_day("2026-11-23") == "2026-11-23");
    CHECK(as_day("  23/11/2026 ") == "2026-11-23");
    CHECK(as_day("29/02/2028") == "2028-02-29");
    SECTION("bad inputs") {
        CHECK(as_day("") == "empty");
        CHECK(as_day("   ") == "empty");
        // a month name, not digits
        CHECK(as_day("23 tháng 11 2026") == "malformed");
        // mixed separators
        CHECK(as_day("23/11-2026") == "malformed");
        // a two-digit year is ambiguous
        CHECK(as_day("23/11/26") == "malformed");
        // ISO with one-digit month
        CHECK(as_day("2026-1-23") == "malformed");
        // the month first (American order) with a day past 12 is a month 23
        CHECK(as_day("11/23/2026") == "no_such_date");
        // no 31st in November, no 29 February in 2026, no month 13, no day 0
        CHECK(as_day("31/11/2026") == "no_such_date");
        CHECK(as_day("29/02/2026") == "no_such_date");
        CHECK(as_day("2026-13-01") == "no_such_date");
        CHECK(as_day("00/11/2026") == "no_such_date");
        // years no ward has records of
        CHECK(as_day("23/11/0026") == "no_such_date");
        // too many parts, and trailing text
        CHECK(as_day("23/11/2026/1") == "malformed");
        CHECK(as_day("23/11/2026x") == "malformed");
    }
}

TEST_CASE("a custom period is two typed days in order, at most three years", "[report_period]") {
    CHECK(typed("23/11/2026", "29/11/2026") == "2026-11-23..2026-11-29");
    CHECK(typed("2026-11-01", "30/11/2026") == "2026-11-01..2026-11-30");
    CHECK(typed("23/11/2026", "23/11/2026") == "2026-11-23..2026-11-23");
    // The second field left empty: that one day.
    CHECK(typed("23/11/2026", "") == "2026-11-23..2026-11-23");
    // The service's longest report: 3 × 366 days, both ends included.
    CHECK(typed("01/01/2024", "02/01/2027") == "2024-01-01..2027-01-02");
    SECTION("bad inputs") {
        CHECK(typed("", "29/11/2026") == "from_empty");
        CHECK(typed("hôm qua", "29/11/2026") == "from_malformed");
        CHECK(typed("31/02/2026", "29/11/2026") == "from_no_such_date");
        CHECK(typed("23/11/2026", "29-11") == "to_malformed");
        CHECK(typed("23/11/2026", "31/11/2026") == "to_no_such_date");
        // the days the wrong way round
        CHECK(typed("29/11/2026", "23/11/2026") == "to_before_from");
        // one day more than the service reports on
        CHECK(typed("01/01/2024", "03/01/2027") == "too_long");
    }
    CHECK(format_day_vn(day("2026-01-03")) == "03/01/2026");
}
