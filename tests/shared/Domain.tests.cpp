#include "motcua/domain.hpp"

#include <catch2/catch.hpp>

#include "motcua/api.hpp"

using namespace motcua;

TEST_CASE("ticket numbers are prefixed, padded and never wrap", "[domain]") {
    Category a{"HT", "Tư pháp - Hộ tịch", "Justice", "A", 1, 3, 900};
    CHECK(format_ticket_number(a, 1) == "A001");
    CHECK(format_ticket_number(a, 12) == "A012");
    CHECK(format_ticket_number(a, 999) == "A999");
    CHECK(format_ticket_number(a, 1000) == "A1000");  // after 999 comes 1000
    Category numeric{"DC", "Địa chính", "Land", "", 1001, 4, 900};
    CHECK(format_ticket_number(numeric, 1) == "1001");
    CHECK(format_ticket_number(numeric, 9000) == "10000");
}

TEST_CASE("rating scales and their wording", "[domain]") {
    CHECK(rating_levels(SatisfactionScale::five_level) == std::vector<int>{5, 4, 3, 2, 1});
    CHECK(rating_levels(SatisfactionScale::three_level) == std::vector<int>{5, 4, 2});
    CHECK(rating_level_allowed(SatisfactionScale::three_level, 2));
    CHECK_FALSE(rating_level_allowed(SatisfactionScale::three_level, 3));
    CHECK_FALSE(rating_level_allowed(SatisfactionScale::five_level, 0));
    CHECK_FALSE(rating_level_allowed(SatisfactionScale::five_level, 6));
    CHECK(rating_label_vi(5) == "Rất hài lòng");
    CHECK(rating_label_vi(1) == "Rất không hài lòng");
    CHECK(rating_label_en(3) == "Neutral");
}

TEST_CASE("enum names round-trip and reject unknown text", "[domain]") {
    for (const auto& [e, name] : EnumNames<EventType>::names) {
        CHECK(to_string(e) == name);
        CHECK(parse_enum<EventType>(name) == e);
    }
    for (const auto& [e, name] : EnumNames<TicketState>::names)
        CHECK(parse_enum<TicketState>(name) == e);
    SECTION("bad inputs") {
        CHECK_FALSE(parse_enum<TicketState>("Waiting"));  // case matters on the wire
        CHECK_FALSE(parse_enum<TicketState>(""));         // empty
        CHECK_FALSE(parse_enum<FinishOutcome>("done"));   // a state, not an outcome
    }
}

TEST_CASE("a wait range is told in whole minutes that hold it", "[domain][estimate]") {
    using K = api::WaitMinutes::Kind;
    // Under 3 minutes at the high end: "sắp đến lượt", whatever the low end.
    CHECK(api::wait_minutes({0, 0}) == api::WaitMinutes{K::soon, 0, 0});
    CHECK(api::wait_minutes({30, 179}) == api::WaitMinutes{K::soon, 0, 0});
    // From 3 minutes: the low end rounded down, the high end up.
    CHECK(api::wait_minutes({0, 180}) == api::WaitMinutes{K::under, 0, 3});
    CHECK(api::wait_minutes({59, 200}) == api::WaitMinutes{K::under, 0, 4});
    CHECK(api::wait_minutes({610, 890}) == api::WaitMinutes{K::range, 10, 15});
    CHECK(api::wait_minutes({600, 900}) == api::WaitMinutes{K::range, 10, 15});
    CHECK(api::wait_minutes({601, 899}) == api::WaitMinutes{K::range, 10, 15});
    CHECK(api::wait_minutes({720, 720}) == api::WaitMinutes{K::about, 0, 12});
    CHECK(api::wait_minutes({3600, 7201}) == api::WaitMinutes{K::range, 60, 121});
    CHECK(api::wait_minutes({3600, 10800}) == api::WaitMinutes{K::range, 60, 180});
    // Past 3 hours at the high end (the ticket may not be reached today): only the low end.
    CHECK(api::wait_minutes({1400, 10801}) == api::WaitMinutes{K::over, 23, 0});
    CHECK(api::wait_minutes({1400, 43200}) == api::WaitMinutes{K::over, 23, 0});
    CHECK(api::wait_minutes({30, 43200}) == api::WaitMinutes{K::unsure, 0, 0});
    SECTION("a clock step or an old service's odd pair never shows negative minutes") {
        CHECK(api::wait_minutes({-120, -5}) == api::WaitMinutes{K::soon, 0, 0});
        CHECK(api::wait_minutes({-60, 400}) == api::WaitMinutes{K::under, 0, 7});
        CHECK(api::wait_minutes({900, 600}) == api::WaitMinutes{K::range, 10, 15});
    }
}
