// The counter console's screens drawn by their real controller in a bare ImGui context, with fake
// services: layout in both languages and four display shapes, typing the login, clicks and
// F-keys, and every failure said on screen.
#include <catch2/catch.hpp>

#include "kiosk/ui/counter/console_text.hpp"
#include "ui/counter/counter_rig.hpp"

using namespace motcua;
using namespace motcua::kiosk;
using namespace std::chrono_literals;
using test::at_counter;
using test::CounterRig;
using test::find;
using test::shows;

namespace {

using MaybeTicket = std::optional<api::TicketView>;

api::BookingView day_booking(const char* code, const char* category, const char* start,
                             AppointmentState state) {
    api::BookingView b;
    b.code = code;
    b.category = category;
    b.date = *parse_day("2026-11-23");
    b.start = start;
    b.end = start;  // not shown
    b.state = state;
    b.phone = "0912345123";  // the officers' list has it in full; no screen may show it
    return b;
}

/// A day of bookings: counter 1 serves HT; DC's are another counter's.
std::vector<api::BookingView> day_bookings() {
    return {day_booking("K7PM3QX9", "HT", "08:00", AppointmentState::checked_in),
            day_booking("MNPQ3479", "HT", "09:30", AppointmentState::booked),
            day_booking("ACDE6794", "HT", "08:15", AppointmentState::missed),
            day_booking("FGHJ7943", "HT", "09:00", AppointmentState::booked),
            day_booking("TUVW3466", "HT", "10:00", AppointmentState::cancelled),
            day_booking("XYAC9999", "DC", "08:30", AppointmentState::booked)};
}

}  // namespace

TEST_CASE("every console screen fits, in both languages and four display shapes",
          "[counter_screens]") {
    const ImVec2 display =
        GENERATE(ImVec2{1920, 1080}, ImVec2{1366, 768}, ImVec2{1280, 800}, ImVec2{1080, 1920});
    const Language lang = GENERATE(Language::vi, Language::en);
    INFO(display.x << "x" << display.y << " " << to_string(lang));
    CounterRig rig(display);
    const auto check = [&] { test::check_citizen_layout_in(rig, lang, display); };
    check();
    CHECK(rig.tree.screen == "counter_login");
    rig.tap_field("Tên đăng nhập");
    rig.type("lan");
    rig.enter();  // on to the password
    rig.type("sai");
    rig.enter();
    rig.answer(make_error(ErrorCode::bad_credentials, "wrong"));
    check();  // with the refusal under the fields

    rig.type("matkhau-123");  // the password field has the keyboard again
    rig.enter();
    rig.answer_login(test::lan_login());
    rig.answer(ConsoleReply{test::counter_one(CounterState::open)});
    check();
    CHECK(rig.tree.screen == "counter_console");
    rig.tap("Gọi tiếp (F1)");
    rig.answer(make_error(ErrorCode::not_at_counter, "the longest message"));
    check();

    auto called = at_counter("t1", "A012", TicketState::called);
    called.priority = true;  // with a booking too: the widest badges
    called.appointment = api::TicketAppointment{"K7PM3QX9", "08:00"};
    for (const char* id : {"n1", "n2", "n3"}) {
        rig.tap("Gọi tiếp (F1)");
        rig.answer(ConsoleReply{MaybeTicket(at_counter(id, "A099", TicketState::called))});
        rig.tap("Vắng mặt (F4)");
        rig.answer(ConsoleReply{MaybeTicket(at_counter(id, "A099", TicketState::no_show))});
    }
    rig.tap("Gọi tiếp (F1)");
    rig.answer(ConsoleReply{MaybeTicket(called)});
    REQUIRE_FALSE(rig.services.figures.empty());
    rig.services.figures.front()(OfficerFigures{14, 383.0, 605.0});
    REQUIRE_FALSE(rig.services.appointments.empty());
    rig.services.appointments.front()(day_bookings());
    check();
    rig.press(KeyPress::function(5));
    check();
    CHECK(rig.tree.screen == "counter_transfer");
    rig.press(KeyPress::escape());
    rig.press(KeyPress::function(6));
    check();
    CHECK(rig.tree.screen == "counter_finish");
    rig.press(KeyPress::escape());
    rig.press(KeyPress::function(4));
    rig.answer(ConsoleReply{MaybeTicket(at_counter("t1", "A012", TicketState::no_show))});
    rig.press(KeyPress::function(7));
    rig.answer(ConsoleReply{test::counter_one(CounterState::paused)});
    check();
    rig.tap("Đóng quầy");
    rig.answer(ConsoleReply{test::counter_one(CounterState::closed)});
    check();
    rig.frame();
    CHECK(shows(rig.tree, "Mở quầy"));
    CHECK(shows(rig.tree, "Đăng xuất"));
}

TEST_CASE("the officer logs in with the keyboard and the counter opens", "[counter_screens]") {
    CounterRig rig({1280, 800});
    rig.frame();
    CHECK(rig.tree.screen == "counter_login");
    const auto* user = find(rig.tree, "Tên đăng nhập");
    REQUIRE(user != nullptr);
    // The label above and the field itself, which the dump calls a textbox.
    int textboxes = 0;
    for (const auto& e : rig.tree.elements) textboxes += e.role == ui::A11yRole::textbox ? 1 : 0;
    CHECK(textboxes == 2);
    CHECK_FALSE(find(rig.tree, "Đăng nhập")->enabled);  // nothing typed yet

    // The username has the keyboard from the start; Enter moves to the password.
    rig.type("lan");
    rig.enter();
    rig.type("matkhau-123");
    rig.enter();
    REQUIRE(rig.services.logins.size() == 1);
    CHECK(rig.services.sent.empty());
    CHECK(rig.services.logins[0].username == "lan");
    CHECK(rig.services.logins[0].password == "matkhau-123");
    CHECK(shows(rig.frame(), "Đang đăng nhập…"));

    rig.answer_login(test::lan_login());
    CHECK(rig.services.tokens == std::vector<std::string>{"session-of-lan"});
    REQUIRE(rig.services.sent.size() == 1);
    CHECK(rig.services.sent[0].request.action == ConsoleAction::open);
    CHECK(rig.services.sent[0].token == "session-of-lan");
    rig.answer(ConsoleReply{test::counter_one(CounterState::open)});
    CHECK(rig.tree.screen == "counter_console");
    CHECK(shows(rig.tree, "Quầy 1 - Hộ tịch"));
    CHECK(shows(rig.tree, "Quầy đang mở"));
    // The officer's figures are asked for today, as the service's clock has it.
    REQUIRE(rig.services.figures_asked.size() == 1);
    CHECK(format_day(rig.services.figures_asked[0].day) == "2026-11-23");
    CHECK(rig.services.figures_asked[0].username == "lan");

    SECTION("the figures wait for the service's clock: today is the service's day") {
        CounterRig early({1280, 800}, false);
        early.login_and_open();
        CHECK(early.services.figures_asked.empty());
        // The console's own clock says 23 November; the service is already on the 24th.
        early.screens->on_service_time(*parse_rfc3339("2026-11-24T07:35:00+07:00"), early.wall);
        REQUIRE(early.services.figures_asked.size() == 1);
        CHECK(format_day(early.services.figures_asked[0].day) == "2026-11-24");
    }
    SECTION("a wrong password is said and the password must be typed again") {
        CounterRig again({1280, 800});
        again.frame();
        again.type("lan");
        again.enter();
        again.type("sai");
        again.enter();
        again.answer(make_error(ErrorCode::bad_credentials, "wrong username or password"));
        CHECK(again.tree.screen == "counter_login");
        CHECK(shows(again.tree, "Tên đăng nhập hoặc mật khẩu không đúng."));
        again.type("matkhau-123");
        again.enter();
        REQUIRE(again.services.logins.size() == 2);
        CHECK(again.services.logins[1].password == "matkhau-123");  // not "sai…"
    }
}

TEST_CASE("the console's buttons and keys act on the ticket at the desk", "[counter_screens]") {
    CounterRig rig({1920, 1080});
    rig.login_and_open();
    const auto sent = [&] { return rig.services.sent.back().request; };
    CHECK(shows(rig.tree, "Bấm Gọi tiếp (F1) để mời người tiếp theo."));
    CHECK(shows(rig.tree, "Cán bộ: Nguyễn Thị Lan"));
    for (const char* label :
         {"Gọi lại (F2)", "Bắt đầu (F3)", "Vắng mặt (F4)", "Chuyển (F5)", "Hoàn thành (F6)"})
        CHECK_FALSE(find(rig.tree, label)->enabled);

    rig.press(KeyPress::function(1));
    CHECK(sent().action == ConsoleAction::call_next);
    CHECK(shows(rig.tree, "Đang gửi yêu cầu…"));
    CHECK_FALSE(find(rig.tree, "Gọi tiếp (F1)")->enabled);  // one at a time
    rig.wall += 45s;
    rig.answer(ConsoleReply{MaybeTicket(at_counter("t1", "A012", TicketState::called))});
    CHECK(shows(rig.tree, "A012"));
    CHECK(shows(rig.tree, "Đang mời vào quầy"));
    CHECK(shows(rig.tree, "Tư pháp - Hộ tịch"));
    CHECK(shows(rig.tree, "Lấy số lúc 07:31 · đã chờ 29 phút"));
    rig.wall += 75s;
    rig.frame();
    CHECK(shows(rig.tree, "Đã mời 01:15"));
    CHECK(rig.redraw_in_s <= 1.0);  // the timer ticks

    rig.tap("Bắt đầu (F3)");
    CHECK(sent().action == ConsoleAction::start);
    auto serving = at_counter("t1", "A012", TicketState::serving);
    serving.started_at = rig.wall;
    rig.answer(ConsoleReply{MaybeTicket(serving)});
    rig.wall += 200s;
    rig.frame();
    CHECK(shows(rig.tree, "Đang phục vụ"));
    CHECK(shows(rig.tree, "Phục vụ 03:20"));

    rig.press(KeyPress::function(6));
    CHECK(rig.tree.screen == "counter_finish");
    for (const char* outcome :
         {"Giải quyết ngay (1)", "Tiếp nhận hồ sơ (2)", "Yêu cầu bổ sung hồ sơ (3)",
          "Từ chối tiếp nhận (4)", "Hướng dẫn, tư vấn (5)", "Trả kết quả (6)", "Hủy (Esc)"})
        CHECK(shows(rig.tree, outcome));
    rig.tap("Hướng dẫn, tư vấn (5)");
    CHECK(sent().action == ConsoleAction::finish);
    CHECK(sent().outcome == FinishOutcome::guidance);
    rig.answer(ConsoleReply{MaybeTicket(at_counter("t1", "A012", TicketState::done))});
    CHECK(rig.tree.screen == "counter_console");
    CHECK(rig.services.figures_asked.size() == 2);  // after open, and after the finish
    rig.services.figures.back()(OfficerFigures{1, 200.0, 1740.0});
    rig.frame();
    CHECK(shows(rig.tree, "Đã phục vụ: 1 lượt"));
    CHECK(shows(rig.tree, "Phục vụ trung bình: 3 phút 20 giây"));
    CHECK(shows(rig.tree, "Chờ trung bình: 29 phút 0 giây"));

    SECTION("transfer with the digit of the category") {
        rig.press(KeyPress::function(1));
        rig.answer(ConsoleReply{MaybeTicket(at_counter("t2", "A013", TicketState::called))});
        rig.press(KeyPress::function(5));
        CHECK(rig.tree.screen == "counter_transfer");
        CHECK(shows(rig.tree, "Chuyển số A013 sang lĩnh vực nào?"));
        // Every other category, numbered: DC, VX, TK.
        CHECK(shows(rig.tree, "Văn hóa - Xã hội (2)"));
        rig.press(KeyPress::digit(2));
        CHECK(sent().action == ConsoleAction::transfer);
        CHECK(sent().category == "VX");
        auto moved = at_counter("t2", "A013", TicketState::waiting);
        moved.category = "VX";
        rig.answer(ConsoleReply{MaybeTicket(moved)});
        CHECK(shows(rig.tree, "Đã chuyển số A013 sang lĩnh vực Văn hóa - Xã hội."));
    }
    SECTION("a no-show is listed and put back with one click") {
        rig.press(KeyPress::function(1));
        rig.answer(ConsoleReply{MaybeTicket(at_counter("t3", "A014", TicketState::called))});
        rig.press(KeyPress::function(4));
        auto absent = at_counter("t3", "A014", TicketState::no_show);
        absent.finished_at = *parse_rfc3339("2026-11-23T08:10:00+07:00");
        rig.answer(ConsoleReply{MaybeTicket(absent)});
        CHECK(shows(rig.tree, "A014"));
        CHECK(shows(rig.tree, "vắng lúc 08:10"));
        rig.tap("Đưa lại hàng chờ");
        CHECK(sent().action == ConsoleAction::reinstate);
        CHECK(sent().ticket == "t3");
        rig.answer(ConsoleReply{MaybeTicket(at_counter("t3", "A014", TicketState::waiting))});
        CHECK(shows(rig.tree, "Đã đưa số A014 trở lại hàng chờ."));
        CHECK(shows(rig.tree, "Chưa có ai vắng mặt"));
    }
}

TEST_CASE("every failure is said on the console in plain words", "[counter_screens]") {
    struct Said {
        ErrorCode code;
        const char* vi;
    };
    const Said s = GENERATE(values<Said>({
        {ErrorCode::unreachable,
         "Không kết nối được máy chủ. Thao tác chưa được thực hiện, vui lòng thử lại."},
        {ErrorCode::counter_paused, "Quầy đang tạm nghỉ. Bấm Làm việc tiếp (F7) trước khi gọi số."},
        {ErrorCode::ticket_in_progress,
         "Quầy còn một lượt chưa xong. Hãy hoàn thành, chuyển hoặc đánh dấu vắng mặt trước."},
        {ErrorCode::forbidden, "Tài khoản này không được phép thực hiện thao tác đó."},
        {ErrorCode::unexpected_answer,
         "Máy chủ từ chối thao tác này. Vui lòng báo cán bộ phụ trách kỹ thuật."},
    }));
    CounterRig rig({1920, 1080});
    rig.login_and_open();
    rig.press(KeyPress::function(1));
    rig.answer(make_error(s.code, "refused"));
    CHECK(shows(rig.tree, s.vi));
    CHECK_FALSE(shows(rig.tree, "A001"));  // nothing was called
    CHECK(find(rig.tree, "Gọi tiếp (F1)")->enabled);

    SECTION("a ticket another step already took") {
        rig.press(KeyPress::function(1));
        rig.answer(ConsoleReply{MaybeTicket(at_counter("t1", "A012", TicketState::called))});
        rig.press(KeyPress::function(2));
        rig.answer(make_error(ErrorCode::invalid_state, "ticket A012 is already being served"));
        CHECK(shows(rig.tree,
                    "Số A012 đã được bắt đầu phục vụ nên không thể thực hiện thao tác này."));
        CHECK(shows(rig.tree, "Đang mời vào quầy"));  // unchanged
    }
}

TEST_CASE("every console message reads whole in both languages", "[counter_screens]") {
    auto tables = ui::Translations::builtin();
    REQUIRE(tables);
    for (const Language lang : {Language::vi, Language::en}) {
        const ui::Translator tr(*tables, lang);
        for (const auto& [m, name] : EnumNames<ConsoleMessage>::names) {
            INFO(name << " " << to_string(lang));
            const std::string text = ui::console_message_text(tr, m, "A012", "Trả kết quả");
            CHECK(text.empty() == (m == ConsoleMessage::none));
            CHECK(text.find('{') == std::string::npos);  // every placeholder filled
        }
    }
}

TEST_CASE("the console lists the day's bookings of its categories and a booked ticket's slot",
          "[counter_screens]") {
    CounterRig rig({1920, 1080});
    rig.login_and_open();
    // Fetched with the figures, for the service's day.
    REQUIRE(rig.services.appointments_asked.size() == 1);
    CHECK(format_day(rig.services.appointments_asked[0].day) == "2026-11-23");
    CHECK_FALSE(shows(rig.tree, "Lịch hẹn hôm nay"));  // nothing known yet: no section
    rig.services.appointments.front()(day_bookings());
    rig.frame();
    CHECK(shows(rig.tree, "Lịch hẹn hôm nay"));
    CHECK(shows(rig.tree, "Lịch hẹn: chờ đến 2 · đã đến 1 · lỡ hẹn 1"));  // beside the queue
    // Due first, earliest slot first; then checked in; then missed. Cancelled and other
    // counters' categories are left out.
    std::vector<std::string> rows;
    for (const auto& e : rig.tree.elements)
        if (e.label.size() > 6 && e.label[2] == ':' && e.label.substr(5, 2) == "  ")
            rows.push_back(e.label);
    // Codes masked but their last three: a code cancels a booking, and the desk is in view.
    CHECK(rows == std::vector<std::string>{"09:00  •••••943", "09:30  •••••479", "08:00  •••••QX9",
                                           "08:15  •••••794"});
    CHECK(shows(rig.tree, "Chờ đến"));
    CHECK(shows(rig.tree, "Đã đến"));
    CHECK(shows(rig.tree, "Lỡ hẹn"));
    for (const auto& e : rig.tree.elements) {
        INFO(e.label);
        CHECK(e.label.find("0912345123") == std::string::npos);
        CHECK(e.label.find("XYAC9999") == std::string::npos);
        CHECK(e.label.find("FGHJ7943") == std::string::npos);
        CHECK(e.label.find("TUVW3466") == std::string::npos);
    }

    // A check-in anywhere in the ward: the list is fetched again.
    api::Event checked_in;
    checked_in.seq = 30;
    checked_in.type = EventType::appointment_checked_in;
    checked_in.at = *parse_rfc3339("2026-11-23T08:50:00+07:00");
    checked_in.fields = {{"appointment", {{"code", "FGHJ7943"}, {"state", "checked_in"}}}};
    rig.screens->on_event(checked_in);
    REQUIRE(rig.services.appointments_asked.size() == 2);
    // Two more events at once: only the last request's answer counts.
    rig.screens->on_event(checked_in);
    REQUIRE(rig.services.appointments.size() == 3);  // the first was answered above
    auto stale = day_bookings();
    stale.resize(1);
    rig.services.appointments[2](day_bookings());  // the newest request answers first
    rig.services.appointments[1](stale);           // then the older one: dropped
    rig.frame();
    CHECK(shows(rig.tree, "Lịch hẹn: chờ đến 2 · đã đến 1 · lỡ hẹn 1"));

    // The booked ticket called: its slot beside the number.
    rig.tap("Gọi tiếp (F1)");
    auto booked = at_counter("t9", "A014", TicketState::called);
    booked.appointment = api::TicketAppointment{"FGHJ7943", "09:00"};
    rig.answer(ConsoleReply{MaybeTicket(booked)});
    CHECK(shows(rig.tree, "A014"));
    CHECK(shows(rig.tree, "Lịch hẹn lúc 09:00"));
    rig.tap("Vắng mặt (F4)");
    rig.answer(ConsoleReply{MaybeTicket(at_counter("t9", "A014", TicketState::no_show))});
    rig.tap("Gọi tiếp (F1)");
    rig.answer(ConsoleReply{MaybeTicket(at_counter("t10", "A015", TicketState::called))});
    CHECK_FALSE(shows(rig.tree, "Lịch hẹn lúc"));  // a walk-in has none
}
