#include "motcua/lunar.hpp"

#include <catch2/catch.hpp>

#include "motcua/office_time.hpp"

using namespace motcua;
using namespace motcua::lunar;

TEST_CASE("lunar New Year and Hùng Kings' day at UTC+7 match the reference", "[lunar]") {
    // ../shared/reference/one-stop-facts.md
    const std::vector<std::pair<int, std::string>> tet{
        {2024, "2024-02-10"}, {2025, "2025-01-29"}, {2026, "2026-02-17"}, {2027, "2027-02-06"}};
    for (const auto& [year, expected] : tet) {
        INFO(year);
        CHECK(format_day(to_solar({1, 1, year, false})) == expected);
        const auto back = from_solar(*parse_day(expected));
        CHECK(back.day == 1);
        CHECK(back.month == 1);
        CHECK(back.year == year);
    }
    const std::vector<std::pair<int, std::string>> hung{
        {2024, "2024-04-18"}, {2025, "2025-04-07"}, {2026, "2026-04-26"}};
    for (const auto& [year, expected] : hung) {
        INFO(year);
        CHECK(format_day(to_solar({10, 3, year, false})) == expected);  // 10th day of the 3rd month
    }
}

TEST_CASE("the Vietnamese calendar differs from the Chinese one in 1985", "[lunar]") {
    // Tết 1985 fell on 21 January in Vietnam (UTC+7) and 20 February in China (UTC+8).
    CHECK(format_day(to_solar({1, 1, 1985, false}, 7.0)) == "1985-01-21");
    CHECK(format_day(to_solar({1, 1, 1985, false}, 8.0)) == "1985-02-20");
}

TEST_CASE("solar to lunar and back agree for every day of several years", "[lunar]") {
    for (auto d = date::sys_days{date::year{2020} / 1 / 1};
         d < date::sys_days{date::year{2031} / 1 / 1}; d += date::days{1}) {
        const Day day{d};
        const auto l = from_solar(day);
        INFO(format_day(day) << " -> " << l.day << "/" << l.month << "/" << l.year
                             << (l.leap ? " leap" : ""));
        REQUIRE(l.day >= 1);
        REQUIRE(l.day <= 30);
        REQUIRE(to_solar(l) == day);
    }
    // 2023 had a leap 2nd month (tháng 2 nhuận), starting 2023-03-22.
    CHECK(format_day(to_solar({1, 2, 2023, true})) == "2023-03-22");
    SECTION("bad inputs") {
        CHECK_FALSE(to_solar({1, 5, 2023, true}).ok());  // no leap 5th month in 2023
        CHECK_FALSE(to_solar({1, 1, 2026, true}).ok());  // lunar year 2026 has no leap 1st month
    }
}
