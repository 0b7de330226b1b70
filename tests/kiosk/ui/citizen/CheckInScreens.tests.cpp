// "Tôi đã đặt lịch hẹn" drawn by the real citizen controller in a bare ImGui context with fake
// services (DESIGN.md §10): the home button, the booking code typed (look-alike keys greyed) or
// scanned, the ticket and slip marked with the slot, and a booking too early, missed, cancelled
// or unknown explained with a normal ticket offered. Layouts in both languages, three shapes.
#include <catch2/catch.hpp>

#include "core/citizen/sample_ticket.hpp"
#include "ui/citizen/citizen_rig.hpp"

using namespace motcua;
using namespace motcua::kiosk;
using namespace std::chrono_literals;
using test::CitizenRig;
using test::find;
using test::map_keys;
using test::scan;
using test::shows_text_containing;
using test::tap_code;
using test::tap_key;

namespace {

constexpr const char* kBooking = "K7PM3QX9";

/// The ticket the service gives for a checked-in booking of 09:00.
api::TicketView booked_ticket() {
    api::TicketView t = test::sample_ticket("A013", "HT");
    t.appointment = api::TicketAppointment{kBooking, "09:00"};
    return t;
}

/// The public view of the booking, as the kiosk reads it after a refusal.
api::BookingView booking(AppointmentState state) {
    api::BookingView b;
    b.code = kBooking;
    b.category = "HT";
    b.date = *parse_day("2026-11-23");
    b.start = "09:00";
    b.end = "09:15";
    b.state = state;
    b.phone = "09•• ••• 123";
    return b;
}

CheckInAnswer refused(ErrorCode code, std::optional<api::BookingView> b = std::nullopt) {
    CheckInAnswer a;
    a.ticket = make_error(code, "refused");
    a.booking = std::move(b);
    return a;
}

CheckInAnswer granted() {
    CheckInAnswer a;
    a.ticket = booked_ticket();
    return a;
}

/// Home → "Tôi đã đặt lịch hẹn" → the code on the keys → "Xác nhận".
void type_booking(CitizenRig& rig) {
    rig.tap("Tôi đã đặt lịch hẹn");
    REQUIRE(rig.tree.screen == "appointment_check_in");
    tap_code(rig, kBooking);
    rig.tap("Xác nhận");
}

}  // namespace

TEST_CASE("every check-in screen fits, in both languages and three display shapes", "[check-in]") {
    const ImVec2 display = GENERATE(ImVec2{1920, 1080}, ImVec2{1080, 1920}, ImVec2{1280, 800});
    const Language lang = GENERATE(Language::vi, Language::en);
    INFO(display.x << "x" << display.y << " " << to_string(lang));
    CitizenRig rig(Mode::ticket, display);
    const auto check = [&] { test::check_citizen_layout_in(rig, lang, display); };
    check();  // home, with the check-in button above the tiles
    type_booking(rig);
    check();  // checking in
    for (const auto& answer : {refused(ErrorCode::too_early, booking(AppointmentState::booked)),
                               refused(ErrorCode::missed, booking(AppointmentState::missed)),
                               refused(ErrorCode::missed), refused(ErrorCode::cancelled),
                               refused(ErrorCode::not_found), refused(ErrorCode::unreachable)}) {
        rig.services.check_in_done.back()(answer);
        check();  // each notice, with its normal-ticket button where offered
        rig.tap("Xác nhận");
    }
    rig.services.check_in_done.back()(granted());
    rig.frame();
    CHECK(rig.tree.screen == "ticket_issued");
    check();  // the number with the slot
}

TEST_CASE("a booking code typed on the keys checks in and the ticket shows its slot",
          "[check-in]") {
    CitizenRig rig(Mode::ticket, {1920, 1080});
    rig.frame();
    rig.tap("Tôi đã đặt lịch hẹn");
    CHECK(rig.tree.screen == "appointment_check_in");
    CHECK(find(rig.tree, "Xác nhận lịch hẹn") != nullptr);
    CHECK(find(rig.tree, "Ví dụ: K7PM3QX9") != nullptr);
    CHECK(find(rig.tree, "Mã lịch hẹn") != nullptr);
    // Keys a booking code never holds are there, greyed: a code read from a phone is typed right.
    for (const char* never : {"0", "O", "1", "I", "L", "2", "Z", "5", "S", "8", "B", ".", "-"}) {
        INFO(never);
        const auto* key = find(rig.tree, never);
        REQUIRE(key != nullptr);
        CHECK_FALSE(key->enabled);
    }
    CHECK(find(rig.tree, "K")->enabled);
    CHECK(find(rig.tree, "7")->enabled);

    tap_code(rig, kBooking);
    CHECK_FALSE(find(rig.tree, "K")->enabled);  // eight characters: the code is whole
    rig.tap("Xác nhận");
    REQUIRE(rig.services.check_ins == std::vector<std::string>{kBooking});
    CHECK(rig.services.issued.empty());
    CHECK(find(rig.tree, "Đang xác nhận lịch hẹn, xin chờ trong giây lát…") != nullptr);

    rig.services.check_in_done[0](granted());
    rig.frame();
    CHECK(rig.tree.screen == "ticket_issued");
    CHECK(find(rig.tree, "A013") != nullptr);
    CHECK(find(rig.tree, "Lịch hẹn lúc 09:00") != nullptr);
    CHECK(find(rig.tree, "Quý khách sẽ được mời vào quầy khi đến giờ hẹn.") != nullptr);
    // Those ahead in the category's line are not this ticket's wait.
    CHECK_FALSE(shows_text_containing(rig.tree, "Số người chờ trước"));
    CHECK_FALSE(shows_text_containing(rig.tree, "Thời gian chờ dự kiến"));

    // The slip carries the slot in its own band; never the booking's phone.
    REQUIRE(rig.services.slips.size() == 1);
    const auto& slip = rig.services.slips[0];
    CHECK(slip.number == "A013");
    CHECK(slip.appointment_text == "Lịch hẹn lúc 09:00");
    CHECK(slip.waiting_text == "Quý khách sẽ được mời vào quầy khi đến giờ hẹn.");
    CHECK(slip.estimate_text.empty());
    CHECK(slip.priority_text.empty());
}

TEST_CASE("a walk-in ticket's slip has no appointment band", "[check-in]") {
    CitizenRig rig(Mode::ticket, {1920, 1080});
    rig.tap("Tư pháp - Hộ tịch");
    REQUIRE(rig.services.issue_done.size() == 1);
    rig.services.issue_done[0](test::sample_ticket());
    rig.frame();
    REQUIRE(rig.services.slips.size() == 1);
    CHECK(rig.services.slips[0].appointment_text.empty());
    CHECK_FALSE(shows_text_containing(rig.tree, "Lịch hẹn"));
}

TEST_CASE("a scanned booking QR code checks in from the home screen", "[check-in]") {
    CitizenRig rig(Mode::ticket, {1920, 1080});
    map_keys();
    rig.frame();
    REQUIRE(rig.tree.screen == "ticket_home");
    // The booking page's QR code holds its link; the scanner types it and Enter.
    scan(rig, "http://10.0.0.5:8080/dat-lich/K7PM3QX9");
    REQUIRE(rig.services.check_ins == std::vector<std::string>{kBooking});
    CHECK(rig.tree.screen == "appointment_check_in");
    CHECK(rig.services.lookups.empty());
    rig.services.check_in_done[0](granted());
    rig.frame();
    CHECK(rig.tree.screen == "ticket_issued");
    CHECK(find(rig.tree, "Lịch hẹn lúc 09:00") != nullptr);

    // A dossier receipt scanned is still a lookup, not a check-in.
    rig.tap("Xong");
    scan(rig, "000.17.22.H56-261123-0007");
    CHECK(rig.services.lookups.size() == 1);
    CHECK(rig.services.check_ins.size() == 1);
}

TEST_CASE("a late arrival is told kindly and gets a normal ticket for the booking's category",
          "[check-in]") {
    CitizenRig rig(Mode::ticket, {1920, 1080});
    rig.lang = Language::en;  // the citizen's language stays through the normal ticket
    rig.frame();
    rig.tap("I have an appointment");
    tap_code(rig, kBooking);
    rig.tap("Check in");
    rig.services.check_in_done[0](refused(ErrorCode::missed, booking(AppointmentState::missed)));
    rig.frame();
    CHECK(rig.tree.screen == "appointment_check_in");
    CHECK(find(rig.tree,
               "Your appointment at 09:00 on 23/11/2026 is more than 15 minutes past, "
               "so its place is no longer held. We are sorry: you will still be "
               "served, please take a normal ticket.") != nullptr);
    const int resets = rig.language_resets;
    rig.tap("Take a normal ticket");
    REQUIRE(rig.services.issued.size() == 1);
    CHECK(rig.services.issued[0].category == "HT");
    CHECK_FALSE(rig.services.issued[0].priority);
    CHECK(rig.language_resets == resets);
    rig.services.issue_done[0](test::sample_ticket("A014"));
    rig.frame();
    CHECK(rig.tree.screen == "ticket_issued");
    CHECK(find(rig.tree, "A014") != nullptr);
    CHECK_FALSE(shows_text_containing(rig.tree, "Appointment at"));
}

TEST_CASE("too early, cancelled and unknown bookings are explained", "[check-in]") {
    CitizenRig rig(Mode::ticket, {1920, 1080});
    rig.frame();
    type_booking(rig);

    SECTION("too early: when check-in opens, and a normal ticket now if wanted") {
        rig.services.check_in_done[0](
            refused(ErrorCode::too_early, booking(AppointmentState::booked)));
        rig.frame();
        CHECK(find(rig.tree,
                   "Lịch hẹn của Quý khách lúc 09:00 ngày 23/11/2026. Kiosk nhận xác nhận từ "
                   "08:30: mời Quý khách quay lại lúc đó, hoặc lấy số thường ngay bây giờ.") !=
              nullptr);
        // Trying again works: the code is still typed.
        rig.tap("Xác nhận");
        REQUIRE(rig.services.check_ins.size() == 2);
        CHECK(rig.services.check_ins[1] == kBooking);
        rig.services.check_in_done[1](
            refused(ErrorCode::too_early, booking(AppointmentState::booked)));
        rig.tap("Lấy số thường");  // the booking's category, straight away
        REQUIRE(rig.services.issued.size() == 1);
        CHECK(rig.services.issued[0].category == "HT");
    }
    SECTION("missed without the booking's details: general words, a normal ticket at a tile") {
        rig.services.check_in_done[0](refused(ErrorCode::missed));
        rig.frame();
        CHECK(find(rig.tree,
                   "Lịch hẹn này đã quá giờ nên không còn giữ chỗ. Xin Quý khách thông "
                   "cảm: Quý khách vẫn được phục vụ, mời lấy số thường.") != nullptr);
        rig.tap("Lấy số thường");
        CHECK(rig.tree.screen == "ticket_home");
        CHECK(rig.services.issued.empty());  // the citizen picks the tile
    }
    SECTION("cancelled") {
        rig.services.check_in_done[0](
            refused(ErrorCode::cancelled, booking(AppointmentState::cancelled)));
        rig.frame();
        CHECK(find(rig.tree,
                   "Lịch hẹn này đã được hủy. Quý khách vẫn được phục vụ, mời lấy số "
                   "thường.") != nullptr);
        CHECK(find(rig.tree, "Lấy số thường") != nullptr);
    }
    SECTION("unknown code: check it, or take a normal ticket") {
        rig.services.check_in_done[0](refused(ErrorCode::not_found));
        rig.frame();
        CHECK(find(rig.tree,
                   "Không tìm thấy lịch hẹn có mã K7PM3QX9. Vui lòng kiểm tra lại mã, "
                   "hoặc lấy số thường.") != nullptr);
        CHECK(find(rig.tree, "Lấy số thường") != nullptr);
    }
    SECTION("the service away: try again, no ticket offered for a problem of ours") {
        rig.services.check_in_done[0](refused(ErrorCode::unreachable));
        rig.frame();
        CHECK(shows_text_containing(rig.tree, "hệ thống không phản hồi"));
        CHECK(find(rig.tree, "Lấy số thường") == nullptr);
    }
    SECTION("no leaving while a check-in is out: its ticket is never lost") {
        rig.frame();
        CHECK_FALSE(find(rig.tree, "Quay lại")->enabled);
        rig.wait(std::chrono::minutes(2));  // nor does the idle timeout take the screen away
        CHECK(rig.tree.screen == "appointment_check_in");
        rig.services.check_in_done[0](granted());
        rig.frame();
        CHECK(rig.tree.screen == "ticket_issued");
        CHECK(find(rig.tree, "A013") != nullptr);
    }
    SECTION("the same booking scanned again after Xong: its ticket again, printed again") {
        rig.services.check_in_done[0](granted());
        rig.frame();
        REQUIRE(rig.services.slips.size() == 1);
        rig.services.print_done[0](Ok{});
        rig.tap("Xong");
        CHECK(rig.tree.screen == "ticket_home");
        map_keys();
        scan(rig, kBooking);
        REQUIRE(rig.services.check_ins.size() == 2);
        rig.services.check_in_done[1](granted());  // the service answers the same ticket
        rig.frame();
        CHECK(rig.tree.screen == "ticket_issued");
        REQUIRE(rig.services.slips.size() == 2);
        rig.services.print_done[1](Ok{});
        rig.wait(std::chrono::seconds(16));  // printed: the screen goes home by itself
        CHECK(rig.tree.screen == "ticket_home");
    }
}

TEST_CASE("a code of the wrong length is caught before asking", "[check-in]") {
    CitizenRig rig(Mode::ticket, {1920, 1080});
    rig.frame();
    rig.tap("Tôi đã đặt lịch hẹn");
    tap_code(rig, "K7PM3QX");
    rig.tap("Xác nhận");
    CHECK(rig.services.check_ins.empty());
    CHECK(find(rig.tree, "Mã “K7PM3QX” chưa đúng. Mã lịch hẹn gồm 8 ký tự, ví dụ K7PM3QX9.") !=
          nullptr);
}

TEST_CASE("no check-in button where the office takes no bookings", "[check-in]") {
    WardConfig config = test::demo_ward();
    config.appointments.enabled = false;
    const AppState state = test::served_state();
    TicketFlow flow{TicketTiming{}, false};
    CHECK_FALSE(make_ticket_home_view(state.ward, config, flow, Language::vi, SteadyTime{})
                    .check_in_offered);
    CHECK(make_ticket_home_view(state.ward, test::demo_ward(), flow, Language::vi, SteadyTime{})
              .check_in_offered);
    config.appointments.enabled = true;
    for (auto& c : config.categories) c.appointment_places = 0;
    CHECK_FALSE(make_ticket_home_view(state.ward, config, flow, Language::vi, SteadyTime{})
                    .check_in_offered);
}
