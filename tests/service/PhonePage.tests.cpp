#include <catch2/catch.hpp>

#include "api/phone_page.hpp"
#include "motcua/office_time.hpp"

using namespace motcua;

TEST_CASE("the phone page tells a waiting ticket its range in whole minutes", "[phone_page]") {
    const auto zone = OfficeZone::load("Asia/Ho_Chi_Minh");
    REQUIRE(zone);
    api::TicketView t;
    t.id = "q7Hk2mZx9PaL";
    t.number = "A012";
    t.category = "HT";
    t.state = TicketState::waiting;
    t.issued_at = *parse_rfc3339("2026-11-23T07:31:00+07:00");
    t.waiting_ahead = 4;
    t.estimated_wait_s = 740;
    t.estimated_wait_range_s = {610, 890};
    const auto page = [&](bool en) {
        return api::render_phone_page(&t, "Tư pháp - Hộ tịch", "Phường Bến Thành", t.id, en, *zone);
    };
    const auto shows = [](const std::string& html, const std::string& text) {
        return html.find(text) != std::string::npos;
    };
    CHECK(shows(page(false), "Thời gian chờ dự kiến</td><td><b>khoảng 10–15 phút</b>"));
    CHECK(shows(page(true), "Estimated wait</td><td><b>about 10–15 minutes</b>"));
    CHECK(shows(page(false), "<b>4</b>"));  // people ahead

    t.estimated_wait_range_s = {0, 400};
    CHECK(shows(page(false), "<b>dưới 7 phút</b>"));
    CHECK(shows(page(true), "<b>under 7 minutes</b>"));
    t.estimated_wait_range_s = {720, 720};
    CHECK(shows(page(false), "<b>khoảng 12 phút</b>"));
    t.estimated_wait_range_s = {1400, 43200};  // may not be reached today
    CHECK(shows(page(false), "<b>khoảng 23 phút trở lên</b>"));
    CHECK(shows(page(true), "<b>about 23 minutes or more</b>"));
    t.estimated_wait_range_s = {20, 150};
    CHECK(shows(page(false), "<b>sắp đến lượt</b>"));
    CHECK(shows(page(true), "<b>almost your turn</b>"));

    SECTION("once called, the counter instead of a wait") {
        t.state = TicketState::called;
        t.counter = 3;
        CHECK(shows(page(false), "Quầy số 3"));
        CHECK_FALSE(shows(page(false), "Thời gian chờ dự kiến"));
    }
}
