#include <catch2/catch.hpp>

#include "ui/citizen/citizen_rig.hpp"

using namespace motcua;
using namespace motcua::kiosk;
using namespace std::chrono_literals;
using test::CitizenRig;
using test::find;

namespace {

RatingAnswer verdict(RatingVerdict v, ErrorCode code = ErrorCode::internal_error) {
    RatingAnswer a;
    a.verdict = v;
    a.error.code = code;
    return a;
}

}  // namespace

TEST_CASE("every rating pad screen fits, in both languages and three display shapes",
          "[citizen_screens]") {
    const ImVec2 display = GENERATE(ImVec2{1280, 800}, ImVec2{1920, 1080}, ImVec2{800, 1280});
    const Language lang = GENERATE(Language::vi, Language::en);
    INFO(display.x << "x" << display.y << " " << to_string(lang));
    CitizenRig rig(Mode::rating, display);
    rig.lang = lang;
    const auto check = [&] { test::check_citizen_layout(rig.frame(), display, rig.kit.theme); };
    check();
    CHECK(rig.tree.screen == "rating_idle");
    rig.screens->on_event(test::finished_event(1));
    check();
    CHECK(rig.tree.screen == "rating_levels");
    rig.tap(std::string(lang == Language::vi ? rating_label_vi(1) : rating_label_en(1)));
    check();
    CHECK(rig.tree.screen == "rating_reasons");
    rig.tap(lang == Language::vi ? "Phải đi lại nhiều lần" : "Had to come back several times");
    check();
    rig.tap(lang == Language::vi ? "Gửi đánh giá" : "Send rating");
    check();
    CHECK(rig.tree.screen == "rating_thanks");
}

TEST_CASE("the pad's idle screen names the counter and the officer on duty", "[citizen_screens]") {
    CitizenRig rig(Mode::rating, {1280, 800});
    rig.frame();
    CHECK(rig.tree.screen == "rating_idle");
    CHECK(find(rig.tree, "Quầy 1 - Hộ tịch") != nullptr);
    CHECK(find(rig.tree, "Cán bộ phục vụ: Nguyễn Thị Lan") != nullptr);
    CHECK(find(rig.tree, "Sau khi được phục vụ, kính mời Quý khách đánh giá tại màn hình này.") !=
          nullptr);

    rig.state.ward.counters[0].state = CounterState::closed;  // counter_closed arrived
    rig.frame();
    CHECK(find(rig.tree, "Quầy đang đóng") != nullptr);
    CHECK(find(rig.tree, "Cán bộ phục vụ: Nguyễn Thị Lan") == nullptr);
    SECTION("before /counters answered: the number from the command line") {
        rig.state.ward = WardData{};
        rig.frame();
        CHECK(find(rig.tree, "Quầy số 1") != nullptr);
    }
}

TEST_CASE("the pad shows the levels when its counter finishes a ticket", "[citizen_screens]") {
    CitizenRig rig(Mode::rating, {1280, 800});
    rig.frame();
    rig.screens->on_event(test::finished_event(3));  // another counter
    rig.frame();
    CHECK(rig.tree.screen == "rating_idle");
    rig.screens->on_event(test::finished_event(1));
    rig.frame();
    CHECK(rig.tree.screen == "rating_levels");
    CHECK(find(rig.tree, "Phiếu số A012") != nullptr);
    for (int level = 1; level <= 5; ++level) {
        const auto* b = find(rig.tree, rating_label_vi(level));
        REQUIRE(b != nullptr);
        CHECK(b->role == ui::A11yRole::button);
    }
    CHECK(find(rig.tree, "Quay lại") == nullptr);  // the pad waits for its citizen

    SECTION("a good level: submitted with the ticket id, thanks, idle again") {
        rig.tap("Rất hài lòng");
        REQUIRE(rig.services.ratings.size() == 1);
        CHECK(rig.services.ratings[0].ticket == "q7Hk2mZx9PaL");
        CHECK(rig.services.ratings[0].level == 5);
        CHECK(rig.tree.screen == "rating_thanks");
        CHECK(find(rig.tree, "Cảm ơn Quý khách đã đánh giá!") != nullptr);
        rig.wait(9s);
        CHECK(rig.tree.screen == "rating_idle");
    }
    SECTION("a low level asks for reasons") {
        rig.tap("Rất không hài lòng");
        CHECK(rig.tree.screen == "rating_reasons");
        CHECK(find(rig.tree, "Quý khách chưa hài lòng về điều gì?") != nullptr);
        const auto* attitude = find(rig.tree, "Thái độ chưa tốt");
        REQUIRE(attitude != nullptr);
        CHECK(attitude->role == ui::A11yRole::checkbox);
        for (const char* r : {"Thái độ chưa tốt", "Chờ quá lâu", "Hướng dẫn chưa rõ",
                              "Phải đi lại nhiều lần", "Lý do khác"})
            CHECK(find(rig.tree, r) != nullptr);
        rig.tap("Thái độ chưa tốt");
        rig.tap("Hướng dẫn chưa rõ");
        rig.tap("Gửi đánh giá");
        REQUIRE(rig.services.ratings.size() == 1);
        CHECK(rig.services.ratings[0].level == 1);
        CHECK(rig.services.ratings[0].reasons ==
              std::vector<RatingReason>{RatingReason::attitude, RatingReason::unclear_guidance});
    }
    SECTION("left alone for 30 s: idle, nothing sent") {
        rig.wait(31s);
        CHECK(rig.tree.screen == "rating_idle");
        CHECK(rig.services.ratings.empty());
    }
}

TEST_CASE("the kiosk's keypad takes the printed number", "[citizen_screens]") {
    CitizenRig rig(Mode::ticket, {1920, 1080});
    rig.tap("Đánh giá dịch vụ");
    CHECK(rig.tree.screen == "rate_keypad");
    CHECK(find(rig.tree, "Nhập số trên phiếu của Quý khách") != nullptr);
    const auto* field = find(rig.tree, "Số phiếu");
    REQUIRE(field != nullptr);
    CHECK(field->role == ui::A11yRole::textbox);
    for (const char* key : {"A", "B", "C", "D", "0", "9", "Xóa"})
        CHECK(find(rig.tree, key) != nullptr);
    CHECK_FALSE(find(rig.tree, "Tiếp tục")->enabled);
    for (const char* key : {"A", "0", "1", "2"}) rig.tap(key);
    CHECK(find(rig.tree, "A012") != nullptr);
    CHECK_FALSE(find(rig.tree, "B")->enabled);  // letters come before digits
    rig.tap("Tiếp tục");
    CHECK(rig.tree.screen == "rating_levels");
    CHECK(find(rig.tree, "Quay lại") != nullptr);
    rig.tap("Hài lòng");
    REQUIRE(rig.services.ratings.size() == 1);
    CHECK(rig.services.ratings[0].ticket == "A012");
    CHECK(rig.tree.screen == "rating_sending");

    SECTION("bad inputs") {
        // nobody had that number today: back to the keypad, with the number to correct
        rig.services.rating_done[0](verdict(RatingVerdict::rejected, ErrorCode::unknown_ticket));
        rig.frame();
        CHECK(rig.tree.screen == "rate_keypad");
        CHECK(find(rig.tree,
                   "Không tìm thấy phiếu số A012 trong hôm nay. Vui lòng kiểm tra lại số trên "
                   "phiếu.") != nullptr);
        CHECK(find(rig.tree, "A012") != nullptr);
    }
    SECTION("delivered") {
        rig.services.rating_done[0](verdict(RatingVerdict::delivered));
        rig.frame();
        CHECK(rig.tree.screen == "rating_thanks");
        rig.wait(9s);
        CHECK(rig.tree.screen == "ticket_home");
        CHECK(rig.language_resets == 1);
    }
}

TEST_CASE("Quay lại leaves the kiosk's rating without sending anything", "[citizen_screens]") {
    CitizenRig rig(Mode::ticket, {1080, 1920});
    rig.tap("Đánh giá dịch vụ");
    rig.tap("7");
    rig.tap("Tiếp tục");
    rig.tap("Quay lại");
    CHECK(rig.tree.screen == "ticket_home");
    CHECK(rig.services.ratings.empty());
}
