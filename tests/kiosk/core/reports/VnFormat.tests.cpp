// The dashboard's numbers written the Vietnamese way (and the English way): thousands, decimals,
// percentages and durations; and the charts' round axes.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "kiosk/core/reports/chart_axis.hpp"
#include "kiosk/core/reports/vn_format.hpp"

using namespace motcua::kiosk;

namespace {
constexpr const char* kNbsp = "\xC2\xA0";
}

TEST_CASE("whole numbers group thousands with a dot, the English way with a comma", "[vn_format]") {
    CHECK(format_count(0) == "0");
    CHECK(format_count(7) == "7");
    CHECK(format_count(999) == "999");
    CHECK(format_count(1000) == "1.000");
    CHECK(format_count(1234) == "1.234");
    CHECK(format_count(1234567) == "1.234.567");
    CHECK(format_count(-45678) == "-45.678");
    CHECK(format_count(1234567, NumberStyle::en) == "1,234,567");
    SECTION("bad inputs") {
        // the most negative number has no positive twin: its magnitude must not overflow
        CHECK(format_count(std::numeric_limits<std::int64_t>::min()) ==
              "-9.223.372.036.854.775.808");
    }
}

TEST_CASE("decimals take a comma, thousands a dot; rounding is half away from zero",
          "[vn_format]") {
    CHECK(format_decimal(1234.5, 1) == "1.234,5");
    CHECK(format_decimal(1234.56, 1) == "1.234,6");
    CHECK(format_decimal(0.25, 1) == "0,3");  // printf would say 0.2 (binary halves)
    CHECK(format_decimal(81.8, 1) == "81,8");
    CHECK(format_decimal(100, 1) == "100,0");
    CHECK(format_decimal(0.04, 1) == "0,0");
    CHECK(format_decimal(12345678.9, 2) == "12.345.678,90");
    CHECK(format_decimal(412.5, 0) == "413");
    CHECK(format_decimal(1234.5, 1, NumberStyle::en) == "1,234.5");
    CHECK(format_decimal(-2.35, 1) == "-2,4");
    SECTION("bad inputs") {
        // a negative that rounds to zero is zero, not "-0,0"
        CHECK(format_decimal(-0.01, 1) == "0,0");
        // not a number, or infinite: a dash rather than "nan"
        CHECK(format_decimal(std::nan(""), 1) == "—");
        CHECK(format_decimal(std::numeric_limits<double>::infinity(), 1) == "—");
        // more places than anyone reads are capped at six
        CHECK(format_decimal(1.0, 40) == "1,000000");
        CHECK(format_decimal(1.6, -3) == "2");
    }
}

TEST_CASE("percentages have one decimal, with a non-breaking space in Vietnamese", "[vn_format]") {
    CHECK(format_percent(81.8) == std::string("81,8") + kNbsp + "%");
    CHECK(format_percent(100) == std::string("100,0") + kNbsp + "%");
    CHECK(format_percent(0) == std::string("0,0") + kNbsp + "%");
    CHECK(format_percent(88.94) == std::string("88,9") + kNbsp + "%");
    CHECK(format_percent(81.8, NumberStyle::en) == "81.8%");
}

TEST_CASE("durations read mm:ss under an hour and h:mm:ss from an hour", "[vn_format]") {
    CHECK(format_clock_duration(0) == "00:00");
    CHECK(format_clock_duration(59.4) == "00:59");
    CHECK(format_clock_duration(59.5) == "01:00");
    CHECK(format_clock_duration(412.5) == "06:53");
    CHECK(format_clock_duration(3599) == "59:59");
    CHECK(format_clock_duration(3600) == "1:00:00");
    CHECK(format_clock_duration(3723) == "1:02:03");
    CHECK(format_clock_duration(36000 + 61) == "10:01:01");
    SECTION("bad inputs") {
        // clocks a moment apart give a negative duration: read as nothing yet
        CHECK(format_clock_duration(-3) == "00:00");
        CHECK(format_clock_duration(std::nan("")) == "00:00");
    }
}

TEST_CASE("chart axes climb in round steps to a round top", "[chart_axis]") {
    const auto check = [](double max, int ticks, double step, double top) {
        INFO("max " << max);
        const ValueAxis a = value_axis(max, ticks);
        CHECK(a.step == Approx(step));
        CHECK(a.top == Approx(top));
        CHECK(a.ticks == static_cast<int>(std::lround(top / step)));
        CHECK(a.top >= max);
        CHECK(a.ticks <= ticks);
    };
    check(7, 5, 2, 8);
    check(10, 5, 2, 10);
    check(11, 4, 5, 15);
    check(100, 5, 20, 100);
    check(1234, 4, 500, 1500);
    check(3, 5, 1, 3);
    SECTION("fractions step by tenths when allowed; counts never below one") {
        const ValueAxis minutes = value_axis(0.7, 4, 0.1);
        CHECK(minutes.step == Approx(0.2));
        CHECK(minutes.top == Approx(0.8));
        CHECK(value_axis(0.7, 4).step == Approx(1));
    }
    SECTION("bad inputs") {
        // an empty chart still has an axis: 0..1
        CHECK(value_axis(0).top == Approx(1));
        // negative and not-a-number maxima are empty charts
        CHECK(value_axis(-5).top == Approx(1));
        CHECK(value_axis(std::nan("")).top == Approx(1));
        // zero ticks asked: one
        CHECK(value_axis(10, 0).ticks >= 1);
    }
}
