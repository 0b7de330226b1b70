#include <catch2/catch.hpp>

#include "ui/citizen/citizen_rig.hpp"

using namespace motcua;
using namespace motcua::kiosk;
using namespace std::chrono_literals;
using test::CitizenRig;
using test::find;

namespace {

/// Walks the ticket kiosk through every screen, checking each one's layout.
void visit_every_ticket_screen(CitizenRig& rig, ImVec2 display) {
    const auto check = [&] { test::check_citizen_layout(rig.frame(), display, rig.kit.theme); };
    check();
    CHECK(rig.tree.screen == "ticket_home");
    const bool vi = rig.lang == Language::vi;
    rig.tap(vi ? "Tôi thuộc diện ưu tiên" : "I am entitled to priority");
    CHECK(rig.tree.screen == "ticket_priority");
    check();
    rig.tap(vi ? "Người cao tuổi (từ 60 tuổi)" : "Elderly (60 or older)");
    CHECK(rig.tree.screen == "ticket_home");
    check();  // with the chosen group and its "cancel"
    rig.tap(vi ? "Văn hóa - Xã hội" : "Culture - Social affairs");
    check();  // "getting your number…", tiles disabled
    REQUIRE(rig.services.issue_done.size() == 1);
    rig.services.issue_done[0](test::sample_ticket("C001", "VX"));
    rig.frame();
    CHECK(rig.tree.screen == "ticket_issued");
    check();
    REQUIRE(rig.services.print_done.size() == 1);
    rig.services.print_done[0](make_error(ErrorCode::printer_unavailable, "no paper"));
    check();  // "remember your number"
    rig.tap(vi ? "Xong" : "Done");
    rig.tap(vi ? "Đánh giá dịch vụ" : "Rate our service");
    CHECK(rig.tree.screen == "rate_keypad");
    rig.tap("C");
    rig.tap("1");
    check();
    rig.tap(vi ? "Tiếp tục" : "Continue");
    CHECK(rig.tree.screen == "rating_levels");
    check();
    rig.tap(vi ? "Không hài lòng" : "Dissatisfied");
    CHECK(rig.tree.screen == "rating_reasons");
    rig.tap(vi ? "Chờ quá lâu" : "Waited too long");
    check();
    rig.tap(vi ? "Gửi đánh giá" : "Send rating");
    CHECK(rig.tree.screen == "rating_sending");
    check();
    RatingAnswer already;
    already.verdict = RatingVerdict::already_rated;
    rig.services.rating_done.back()(already);
    rig.frame();
    CHECK(rig.tree.screen == "rating_thanks");
    check();
}

}  // namespace

TEST_CASE("every ticket kiosk screen fits, in both languages and three display shapes",
          "[citizen_screens]") {
    const ImVec2 display = GENERATE(ImVec2{1920, 1080}, ImVec2{1080, 1920}, ImVec2{1280, 800});
    const Language lang = GENERATE(Language::vi, Language::en);
    INFO(display.x << "x" << display.y << " " << to_string(lang));
    CitizenRig rig(Mode::ticket, display);
    rig.lang = lang;
    visit_every_ticket_screen(rig, display);
}

TEST_CASE("the home screen shows each category's queue in plain words", "[citizen_screens]") {
    CitizenRig rig(Mode::ticket, {1920, 1080});
    rig.frame();
    CHECK(rig.tree.screen == "ticket_home");
    const auto* tile = find(rig.tree, "Tư pháp - Hộ tịch");
    REQUIRE(tile != nullptr);
    CHECK(tile->role == ui::A11yRole::button);
    CHECK(tile->h >= 96);
    CHECK(find(rig.tree, "Đang chờ: 3 người · khoảng 8–17 phút") != nullptr);
    CHECK(find(rig.tree, "Không có người chờ") != nullptr);  // the fourth category
    CHECK(find(rig.tree, "Mời Quý khách chọn lĩnh vực cần giải quyết") != nullptr);
    CHECK(find(rig.tree, "Đánh giá dịch vụ") != nullptr);
    // Nothing changes by itself but the clock: asleep until the next minute (07:30:15 + 45 s).
    CHECK(rig.redraw_in_s == Approx(45.0));

    SECTION("before the service answered: loading, no tiles to tap") {
        rig.state.ward = WardData{};
        rig.frame();
        CHECK(find(rig.tree, "Đang tải danh sách lĩnh vực…") != nullptr);
        CHECK(find(rig.tree, "Tư pháp - Hộ tịch") == nullptr);
    }
    SECTION("English names from the service") {
        rig.lang = Language::en;
        rig.frame();
        CHECK(find(rig.tree, "Justice - Civil status") != nullptr);
        CHECK(find(rig.tree, "Waiting: 3 · about 8–17 min") != nullptr);
    }
    SECTION("short, open and open-ended ranges read in plain words") {
        rig.state.ward.categories[0].estimated_wait_range_s = {20, 170};
        rig.state.ward.categories[1].estimated_wait_range_s = {30, 400};
        rig.state.ward.categories[2].estimated_wait_range_s = {1400, 43200};
        rig.frame();
        // A high end past 3 hours (maybe not reached today): only the low end.
        CHECK(find(rig.tree, "Đang chờ: 1 người · khoảng 23 phút trở lên") != nullptr);
        CHECK(find(rig.tree, "Đang chờ: 3 người · sắp đến lượt") != nullptr);
        CHECK(find(rig.tree, "Đang chờ: 2 người · dưới 7 phút") != nullptr);
        rig.lang = Language::en;
        rig.frame();
        CHECK(find(rig.tree, "Waiting: 3 · almost your turn") != nullptr);
        CHECK(find(rig.tree, "Waiting: 2 · under 7 min") != nullptr);
        CHECK(find(rig.tree, "Waiting: 1 · about 23 min or more") != nullptr);
    }
}

TEST_CASE("a ticket whose wait ends within 3 minutes is told it is called soon",
          "[citizen_screens]") {
    CitizenRig rig(Mode::ticket, {1920, 1080});
    rig.tap("Tư pháp - Hộ tịch");
    auto ticket = test::sample_ticket();
    ticket.waiting_ahead = 0;
    ticket.estimated_wait_s = 40;
    ticket.estimated_wait_range_s = {0, 150};
    rig.services.issue_done.at(0)(ticket);
    rig.frame();
    CHECK(find(rig.tree, "Quý khách sẽ sớm được mời vào quầy") != nullptr);
    CHECK_FALSE(test::shows_text_containing(rig.tree, "Thời gian chờ dự kiến"));
    REQUIRE(rig.services.slips.size() == 1);
    CHECK(rig.services.slips[0].estimate_text == "Quý khách sẽ sớm được mời vào quầy");
}

TEST_CASE("tapping a tile issues a ticket, shows it big and prints its slip", "[citizen_screens]") {
    CitizenRig rig(Mode::ticket, {1920, 1080});
    rig.tap("Tư pháp - Hộ tịch");
    REQUIRE(rig.services.issued.size() == 1);
    CHECK(rig.services.issued[0].category == "HT");
    CHECK_FALSE(rig.services.issued[0].priority);
    CHECK_FALSE(find(rig.tree, "Văn hóa - Xã hội")->enabled);  // no second ticket meanwhile
    // A quick answer goes straight to the ticket: the notice waits a moment, the screen as it
    // was (its next frame would only delay the ticket), and says when to look again.
    CHECK(find(rig.tree, "Đang lấy số, xin chờ trong giây lát…") == nullptr);
    CHECK(rig.redraw_in_s > 0);
    CHECK(rig.redraw_in_s <= rig.kit.theme.ticket_timing.issuing_notice_after_s);
    rig.wait(std::chrono::milliseconds(300));
    CHECK(find(rig.tree, "Đang lấy số, xin chờ trong giây lát…") != nullptr);
    CHECK_FALSE(find(rig.tree, "Văn hóa - Xã hội")->enabled);
    CHECK(rig.services.issued.size() == 1);

    rig.services.issue_done[0](test::sample_ticket());
    rig.frame();
    CHECK(rig.tree.screen == "ticket_issued");
    const auto* number = find(rig.tree, "A012");
    REQUIRE(number != nullptr);
    CHECK(number->h >= 150);  // huge: readable from across the hall
    CHECK(find(rig.tree, "Quầy phục vụ: 1, 2, 4") != nullptr);
    CHECK(find(rig.tree, "Số người chờ trước Quý khách: 3") != nullptr);
    CHECK(find(rig.tree, "Thời gian chờ dự kiến: khoảng 8–18 phút") != nullptr);
    CHECK(find(rig.tree, "Đang in phiếu…") != nullptr);
    CHECK(find(rig.tree, "Tự động quay về sau 15 giây") != nullptr);

    REQUIRE(rig.services.slips.size() == 1);
    const auto& slip = rig.services.slips[0];
    CHECK(slip.number == "A012");
    CHECK(slip.office_name == "Trung tâm Phục vụ hành chính công phường Bến Thành");
    CHECK(slip.category_name == "Tư pháp - Hộ tịch");
    CHECK(slip.issued_at_text == "07:31 — 23/11/2026");
    CHECK(slip.qr_url == "http://10.0.0.5:8080/t/q7Hk2mZx9PaL");
    CHECK(slip.counters_text == "Quầy phục vụ: 1, 2, 4");
    CHECK(slip.priority_text.empty());
    CHECK(slip.estimate_text == "Thời gian chờ dự kiến: khoảng 8–18 phút");

    SECTION("printed: home after 15 s, in the kiosk's own language") {
        rig.services.print_done[0](Ok{});
        rig.frame();
        CHECK(find(rig.tree, "Mời Quý khách nhận phiếu ở khe bên dưới") != nullptr);
        CHECK(find(rig.tree, "Vui lòng ghi nhớ số của bạn") == nullptr);
        rig.wait(14s);
        CHECK(rig.tree.screen == "ticket_issued");
        rig.wait(2s);
        CHECK(rig.tree.screen == "ticket_home");
        CHECK(rig.language_resets == 1);
    }
    SECTION("the printer failed: a big notice and 45 s on screen") {
        rig.services.print_done[0](make_error(ErrorCode::printer_unavailable, "no paper"));
        rig.frame();
        CHECK(find(rig.tree, "Vui lòng ghi nhớ số của bạn") != nullptr);
        CHECK(find(rig.tree, "Máy in đang gặp sự cố, chưa in được phiếu.") != nullptr);
        rig.wait(40s);
        CHECK(rig.tree.screen == "ticket_issued");
        rig.wait(6s);
        CHECK(rig.tree.screen == "ticket_home");
    }
    SECTION("Xong goes home at once") {
        rig.tap("Xong");
        CHECK(rig.tree.screen == "ticket_home");
        CHECK(rig.language_resets == 1);
    }
}

TEST_CASE("a kiosk without a printer says so and keeps the number up", "[citizen_screens]") {
    CitizenRig rig(Mode::ticket, {1080, 1920}, /*printer=*/false);
    rig.tap("Trả kết quả");
    rig.services.issue_done[0](test::sample_ticket("D001", "TK"));
    rig.frame();
    CHECK(rig.services.slips.empty());
    CHECK(find(rig.tree, "Kiosk này không in phiếu.") != nullptr);
    CHECK(find(rig.tree, "Vui lòng ghi nhớ số của bạn") != nullptr);
    CHECK(find(rig.tree, "Tự động quay về sau 45 giây") != nullptr);
}

TEST_CASE("a failed issue is said plainly on the home screen", "[citizen_screens]") {
    CitizenRig rig(Mode::ticket, {1920, 1080});
    rig.tap("Tư pháp - Hộ tịch");
    SECTION("bad inputs") {
        // the service did not answer
        rig.services.issue_done[0](make_error(ErrorCode::unreachable, "connection refused"));
        rig.frame();
        CHECK(rig.tree.screen == "ticket_home");
        CHECK(find(rig.tree, "Chưa lấy được số vì hệ thống không phản hồi. Vui lòng thử lại.") !=
              nullptr);
        CHECK(find(rig.tree, "Tư pháp - Hộ tịch")->enabled);  // try again at once
    }
    SECTION("no more tickets today") {
        rig.services.issue_done[0](make_error(ErrorCode::issuing_stopped, "after 16:45"));
        rig.frame();
        CHECK(find(rig.tree,
                   "Đã hết giờ lấy số hôm nay. Kính mời Quý khách quay lại vào ngày làm việc tiếp "
                   "theo.") != nullptr);
    }
}

TEST_CASE("a priority ticket carries the chosen group", "[citizen_screens]") {
    CitizenRig rig(Mode::ticket, {1080, 1920});
    rig.tap("Tôi thuộc diện ưu tiên");
    CHECK(find(rig.tree, "Quý khách thuộc đối tượng ưu tiên nào?") != nullptr);
    rig.tap("Phụ nữ mang thai");
    CHECK(find(rig.tree, "Ưu tiên: Phụ nữ mang thai") != nullptr);
    CHECK(find(rig.tree, "Bỏ ưu tiên") != nullptr);
    rig.tap("Văn hóa - Xã hội");
    REQUIRE(rig.services.issued.size() == 1);
    CHECK(rig.services.issued[0].priority);
    CHECK(rig.services.issued[0].priority_reason == "pregnant");
    rig.services.issue_done[0](test::sample_ticket("C001", "VX"));
    rig.frame();
    CHECK(find(rig.tree, "Ưu tiên: Phụ nữ mang thai") != nullptr);
    CHECK(rig.services.slips.at(0).priority_text == "Ưu tiên: Phụ nữ mang thai");
}
