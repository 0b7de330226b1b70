// Integration: appointments through the real service (DESIGN.md §10): every answer of the
// table, capacity, the per-phone and per-address limits, the cancel delay, the three check-in
// windows, missed bookings, and where the phone number may and may not appear.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "harness.hpp"

using namespace harness;
namespace json = boost::json;

namespace {

std::string error_code(const Response& r) {
    INFO(r.body);
    return std::string(r.json().at("error").at("code").as_string());
}

Response book(int port, const std::string& date, const std::string& start,
              const std::string& phone = "0912345123", const std::string& category = "HT") {
    return request(
        port, "POST", "/api/v1/public/appointments", "",
        json::serialize(json::value{
            {"category", category}, {"date", date}, {"start", start}, {"phone", phone}}));
}

int free_at(int port, const std::string& date, const std::string& start) {
    auto r = request(port, "GET", "/api/v1/public/slots?category=HT&date=" + date);
    REQUIRE(r.status == 200);
    const auto body = r.json();
    for (const auto& s : body.as_array())
        if (s.at("start").as_string() == start) return static_cast<int>(s.at("free").as_int64());
    FAIL("no slot " << start);
    return -1;
}

}  // namespace

TEST_CASE("booking, cancelling and checking in through the API",
          "[api][appointments][integration]") {
    Ward w;
    Service s(w.db);
    const int p = s.port();
    set_clock(p, "2026-11-23T08:00:00+07:00");  // Monday
    const std::string lan = w.login(s);
    harness::EventClient events(p, w.board_token, 0);

    // Slots: office hours in 15-minute steps, two places each for HT, none in the lunch break.
    auto slots = request(p, "GET", "/api/v1/public/slots?category=HT&date=2026-11-24");
    REQUIRE(slots.status == 200);
    const auto slots_body = slots.json();
    const auto& list = slots_body.as_array();
    REQUIRE(list.size() == 31);
    CHECK(list.front().at("start") == "07:30");
    CHECK(list.back().at("end") == "16:45");
    for (const auto& slot : list) {
        CHECK(slot.at("free") == 2);
        CHECK(slot.at("start") != "12:00");
    }
    // Today: only what has not started.
    auto today = request(p, "GET", "/api/v1/public/slots?category=HT&date=2026-11-23");
    CHECK(today.json().as_array().front().at("start") == "08:15");
    CHECK(error_code(request(p, "GET", "/api/v1/public/slots?category=VX&date=2026-11-24")) ==
          "not_bookable");
    CHECK(request(p, "GET", "/api/v1/public/slots?category=HT").status == 400);
    CHECK(request(p, "GET", "/api/v1/public/slots?category=HT&date=24/11/2026").status == 400);
    CHECK(request(p, "GET", "/api/v1/public/slots?category=NOPE&date=2026-11-24").status == 422);
    CHECK(request(p, "GET", "/api/v1/public/slots?category=HT&date=2026-11-28")
              .json()
              .as_array()
              .empty());  // a Saturday

    // A booking: 201, its code, the phone masked.
    auto first = book(p, "2026-11-24", "09:00");
    REQUIRE(first.status == 201);
    const std::string code(first.json().at("code").as_string());
    CHECK(code.size() == 8);
    CHECK(first.json().at("state") == "booked");
    CHECK(first.json().at("end") == "09:15");
    CHECK(first.json().at("phone") == "09•• ••• 123");
    CHECK(free_at(p, "2026-11-24", "09:00") == 1);
    auto shown = request(p, "GET", "/api/v1/public/appointments/" + code);
    REQUIRE(shown.status == 200);
    CHECK(shown.json() == first.json());
    CHECK(request(p, "GET", "/api/v1/public/appointments/" + code + "x").status == 404);
    CHECK(request(p, "GET", "/api/v1/public/appointments/AAAAAAAA").status == 404);

    // Capacity, then the per-phone limit.
    REQUIRE(book(p, "2026-11-24", "09:00", "0987654321").status == 201);
    auto full = book(p, "2026-11-24", "09:00", "0911111111");
    CHECK(full.status == 409);
    CHECK(error_code(full) == "slot_full");
    REQUIRE(book(p, "2026-11-24", "10:00").status == 201);
    auto third = book(p, "2026-11-24", "11:00", "+84 912 345 123");
    CHECK(third.status == 422);
    CHECK(error_code(third) == "limit_reached");
    CHECK(error_code(book(p, "2026-11-24", "12:00")) == "not_bookable");
    CHECK(error_code(book(p, "2026-11-23", "07:45", "0922222222")) == "not_bookable");  // past
    CHECK(error_code(book(p, "2026-11-24", "09:00", "", "VX")) == "invalid_field");
    CHECK(error_code(book(p, "2026-11-24", "09:00", "0922222222", "VX")) == "not_bookable");
    CHECK(error_code(book(p, "2026-11-24", "9h", "0922222222")) == "invalid_field");
    CHECK(request(p, "POST", "/api/v1/public/appointments", "", "{").status == 400);
    CHECK(request(p, "POST", "/api/v1/public/appointments", "", "{}", "text/plain").status == 415);
    // None of the refusals took a place.
    CHECK(free_at(p, "2026-11-24", "09:00") == 0);
    CHECK(free_at(p, "2026-11-24", "11:00") == 2);
    CHECK(free_at(p, "2026-11-24", "07:30") == 2);

    // Cancel: the place is held ten minutes, then free again.
    auto cancelled = request(p, "POST", "/api/v1/public/appointments/" + code + "/cancel");
    REQUIRE(cancelled.status == 200);
    CHECK(cancelled.json().at("state") == "cancelled");
    CHECK(request(p, "POST", "/api/v1/public/appointments/" + code + "/cancel").status == 200);
    CHECK(free_at(p, "2026-11-24", "09:00") == 0);
    set_clock(p, "2026-11-23T08:10:00+07:00");
    CHECK(free_at(p, "2026-11-24", "09:00") == 1);

    // Check-in on the day: too early, on time (a ticket marked with the booking), once.
    set_clock(p, "2026-11-24T08:00:00+07:00");
    auto tomorrow = book(p, "2026-11-24", "09:15", "0933333333");
    REQUIRE(tomorrow.status == 201);
    const std::string at_nine(tomorrow.json().at("code").as_string());
    const std::string check_in = "/api/v1/appointments/" + at_nine + "/check-in";
    CHECK(error_code(request(p, "POST", check_in, w.kiosk_token)) == "too_early");
    CHECK(request(p, "POST", check_in).status == 401);
    CHECK(request(p, "POST", check_in, lan).status == 403);
    set_clock(p, "2026-11-24T08:45:00+07:00");
    auto ticket = request(p, "POST", check_in, w.kiosk_token);
    REQUIRE(ticket.status == 201);
    CHECK(ticket.json().at("appointment").at("code").as_string() == at_nine);
    CHECK(ticket.json().at("appointment").at("start") == "09:15");
    auto again = request(p, "POST", check_in, w.kiosk_token);  // a retried scan
    CHECK(again.status == 200);
    CHECK(again.json().at("id") == ticket.json().at("id"));
    CHECK(error_code(request(p, "POST", "/api/v1/public/appointments/" + at_nine + "/cancel")) ==
          "invalid_state");
    // A cancelled booking cannot check in.
    CHECK(error_code(request(p, "POST", "/api/v1/appointments/" + code + "/check-in",
                             w.kiosk_token)) == "cancelled");

    // Not called before its slot: a walk-in goes first until 09:15.
    REQUIRE(request(p, "POST", "/api/v1/counters/1/open", lan).status == 200);
    REQUIRE(request(p, "POST", "/api/v1/tickets", w.kiosk_token, R"({"category":"HT"})").status ==
            201);
    auto walk_in = request(p, "POST", "/api/v1/counters/1/call-next", lan);
    REQUIRE(walk_in.status == 200);
    CHECK(walk_in.json().at("appointment").is_null());
    REQUIRE(
        request(p, "POST", "/api/v1/counters/1/finish", lan, R"({"outcome":"resolved"})").status ==
        200);
    REQUIRE(request(p, "POST", "/api/v1/tickets", w.kiosk_token, R"({"category":"HT"})").status ==
            201);
    set_clock(p, "2026-11-24T09:15:00+07:00");
    auto booked_call = request(p, "POST", "/api/v1/counters/1/call-next", lan);
    REQUIRE(booked_call.status == 200);
    CHECK(booked_call.json().at("id") == ticket.json().at("id"));  // before the waiting walk-in

    // Missed: the 10:00 booking of 0912345123 after 10:15.
    set_clock(p, "2026-11-24T10:16:00+07:00");
    auto day = request(p, "GET", "/api/v1/appointments?date=2026-11-24", lan);
    REQUIRE(day.status == 200);
    bool saw_missed = false;
    bool saw_full_phone = false;
    const auto day_body = day.json();
    for (const auto& a : day_body.as_array()) {
        if (a.at("start") == "10:00") saw_missed = a.at("state") == "missed";
        if (a.at("phone") == "0912345123") saw_full_phone = true;
    }
    CHECK(saw_missed);
    CHECK(saw_full_phone);  // the officers' list shows the number
    CHECK(request(p, "GET", "/api/v1/appointments?date=2026-11-24").status == 401);
    CHECK(request(p, "GET", "/api/v1/appointments?date=2026-11-24", w.kiosk_token).status == 403);
    CHECK(request(p, "GET", "/api/v1/appointments", lan).status == 400);

    // The appointments report: day 24's four HT bookings, one called on time.
    const std::string period = "from=2026-11-23&to=2026-11-24";
    auto report = request(p, "GET", "/api/v1/reports/appointments?" + period, lan);
    REQUIRE(report.status == 200);
    const auto report_body = report.json();
    const auto& ht = report_body.at("rows").at(0);
    CHECK(ht.at("key") == "HT");
    CHECK(ht.at("booked") == 4);
    CHECK(ht.at("cancelled") == 1);
    CHECK(ht.at("checked_in") == 1);
    CHECK(ht.at("missed") == 2);
    CHECK(ht.at("served") == 0);  // still at the counter
    CHECK(ht.at("punctuality_s").at("p50") == 0);
    CHECK(report_body.at("total").at("booked") == 4);
    auto by_day = request(p, "GET", "/api/v1/reports/appointments?group_by=day&" + period, lan);
    REQUIRE(by_day.status == 200);
    CHECK(by_day.json().at("rows").as_array().size() == 2);
    CHECK(request(p, "GET", "/api/v1/reports/appointments?group_by=hour&" + period, lan).status ==
          400);
    CHECK(request(p, "GET", "/api/v1/reports/appointments?" + period, w.kiosk_token).status == 403);
    auto csv = request(p, "GET", "/api/v1/reports/appointments?format=csv&" + period, lan);
    REQUIRE(csv.status == 200);
    CHECK(csv.body.find("Đã đặt") != std::string::npos);
    CHECK(csv.body.find("0912345123") == std::string::npos);

    // The turnaround over booked or walk-in tickets only: day 24 has one of each served or
    // called, and a walk-in still waiting.
    const std::string day24 = "/api/v1/reports/turnaround?from=2026-11-24&to=2026-11-24";
    const auto issued = [&](const std::string& query) {
        auto r = request(p, "GET", day24 + query, lan);
        REQUIRE(r.status == 200);
        return r.json().at("total").at("issued").as_int64();
    };
    CHECK(issued("") == 3);
    CHECK(issued("&kind=appointment") == 1);
    CHECK(issued("&kind=walk_in") == 2);
    auto walk_ins_only = request(p, "GET", day24 + "&kind=walk_in", lan);
    CHECK(walk_ins_only.json().at("total").at("served") == 1);
    // By officer: the rows count the kind's tickets, but lan's time at the counter is hers
    // whatever she served.
    const auto lan_row = [&](const std::string& query) {
        auto r = request(p, "GET", day24 + "&group_by=officer" + query, lan);
        REQUIRE(r.status == 200);
        const auto body = r.json();
        REQUIRE(body.at("rows").as_array().size() == 1);
        return json::value(body.at("rows").at(0));
    };
    const json::value every_ticket = lan_row("");
    const json::value booked_only = lan_row("&kind=appointment");
    CHECK(booked_only.at("issued") == 1);
    CHECK(every_ticket.at("issued") == 2);  // called by lan: one walk-in, one booking
    for (const char* time : {"open_s", "serving_s", "idle_s", "idle_while_waiting_s"}) {
        INFO(time);
        CHECK(booked_only.at(time) == every_ticket.at(time));
    }
    CHECK(every_ticket.at("open_s").as_int64() > 0);  // a real figure, not zeros on both sides
    auto bad_kind = request(p, "GET", day24 + "&kind=booked", lan);
    CHECK(bad_kind.status == 400);
    CHECK(error_code(bad_kind) == "invalid_query");
    CHECK(bad_kind.json().at("error").at("message") ==
          "'kind' must be one of: appointment, walk_in");
    auto kind_csv = request(p, "GET", day24 + "&kind=appointment&format=csv", lan);
    REQUIRE(kind_csv.status == 200);

    // The events name the bookings, never a phone number.
    int booked = 0, checked_in = 0, missed = 0, cancelled_events = 0;
    while (auto e = events.next(1500)) {
        const std::string type(e->at("type").as_string());
        const std::string text = json::serialize(*e);
        for (const char* phone : {"0912345123", "0987654321", "0933333333", "phone"})
            CHECK(text.find(phone) == std::string::npos);
        booked += type == "appointment_booked";
        checked_in += type == "appointment_checked_in";
        missed += type == "appointment_missed";
        cancelled_events += type == "appointment_cancelled";
    }
    CHECK(booked == 4);
    CHECK(checked_in == 1);
    CHECK(cancelled_events == 1);  // the second cancel changed nothing
    CHECK(missed >= 1);
}

TEST_CASE("one address may not book without end", "[api][appointments][integration]") {
    Ward w;
    Service s(w.db);
    const int p = s.port();
    set_clock(p, "2026-11-23T08:00:00+07:00");
    for (int i = 0; i < 10; ++i) {
        INFO(i);
        REQUIRE(book(p, "2026-11-25", fmt::format("{:02}:{:02}", 8 + i / 4, (i % 4) * 15),
                     fmt::format("09000000{:02}", i))
                    .status == 201);
    }
    auto refused = book(p, "2026-11-25", "13:00", "0900000099");
    CHECK(refused.status == 429);
    CHECK(error_code(refused) == "too_many_requests");
    REQUIRE(refused.headers.contains("Retry-After"));
    const int wait = std::stoi(refused.headers.at("Retry-After"));
    CHECK(wait > 0);
    CHECK(wait <= 3600);
    CHECK(free_at(p, "2026-11-25", "13:00") == 2);  // nothing was booked
    set_clock(p, "2026-11-23T09:00:00+07:00");      // an hour later
    CHECK(book(p, "2026-11-25", "13:00", "0900000099").status == 201);
}

TEST_CASE("the phone number stays on the booking, and is erased after retain_days",
          "[api][appointments][integration][privacy]") {
    Ward w;
    Service s(w.db);
    const int p = s.port();
    set_clock(p, "2026-11-23T08:00:00+07:00");
    const std::string lan = w.login(s);
    harness::EventClient events(p, w.board_token, 0);
    const std::string phone = "0912345678";
    // Every way the number could be written on a page.
    const auto leaks = [&](const std::string& text) {
        for (const char* form :
             {"0912345678", "912345678", "0912 345 678", "091 234 5678", "+84912345678", "345678"})
            if (text.find(form) != std::string::npos) return true;
        return false;
    };

    auto booked = book(p, "2026-11-23", "09:00", phone);
    REQUIRE(booked.status == 201);
    CHECK_FALSE(leaks(booked.body));
    CHECK(booked.json().at("phone") == "09•• ••• 678");
    const std::string code(booked.json().at("code").as_string());
    auto public_view = request(p, "GET", "/api/v1/public/appointments/" + code);
    REQUIRE(public_view.status == 200);
    CHECK_FALSE(leaks(public_view.body));
    auto page = request(p, "GET", "/dat-lich/" + code);
    REQUIRE(page.status == 200);
    CHECK_FALSE(leaks(page.body));

    // Checked in: the ticket, its phone page, the open data and the officers' ticket views.
    set_clock(p, "2026-11-23T08:40:00+07:00");
    auto ticket = request(p, "POST", "/api/v1/appointments/" + code + "/check-in", w.kiosk_token);
    REQUIRE(ticket.status == 201);
    CHECK_FALSE(leaks(ticket.body));
    CHECK(ticket.json().at("appointment").at("code").as_string() == code);
    const std::string id(ticket.json().at("id").as_string());
    for (const std::string& path :
         std::vector<std::string>{"/t/" + id, "/api/v1/public/tickets/" + id,
                                  "/api/v1/public/queue", "/api/v1/tickets?state=waiting"}) {
        auto r = request(p, "GET", path, lan);
        INFO(path << " " << r.status);
        CHECK(r.status < 500);
        CHECK_FALSE(leaks(r.body));
    }
    auto cancel_after = request(p, "POST", "/api/v1/public/appointments/" + code + "/cancel");
    CHECK(cancel_after.status == 409);
    CHECK_FALSE(leaks(cancel_after.body));
    int seen = 0;
    while (auto e = events.next(1000)) {
        ++seen;
        CHECK_FALSE(leaks(json::serialize(*e)));
    }
    CHECK(seen >= 3);  // booked, issued, checked in

    // The officers' list has it in full until retain_days (30) after the slot's day...
    const auto listed_phone = [&] {
        auto day = request(p, "GET", "/api/v1/appointments?date=2026-11-23", lan);
        REQUIRE(day.status == 200);
        const auto body = day.json();
        REQUIRE(body.as_array().size() == 1);
        return std::string(body.as_array()[0].at("phone").as_string());
    };
    CHECK(listed_phone() == phone);
    set_clock(p, "2026-12-23T08:00:00+07:00");                     // 30 days on: still kept
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // the service's ticks run
    CHECK(listed_phone() == phone);
    // ...and erased the day after, by the service's own daily job.
    set_clock(p, "2026-12-24T08:00:00+07:00");
    bool erased = false;
    for (int i = 0; i < 50 && !erased; ++i) {
        erased = listed_phone().empty();
        if (!erased) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    CHECK(erased);
    // The booking itself stays for the reports.
    auto report =
        request(p, "GET", "/api/v1/reports/appointments?from=2026-11-23&to=2026-11-23", lan);
    REQUIRE(report.status == 200);
    CHECK(report.json().at("total").at("checked_in") == 1);
}
