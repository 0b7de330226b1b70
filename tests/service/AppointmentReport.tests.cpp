// The appointments report (DESIGN.md §10): what became of the period's bookings, and the
// punctuality of calls: call − the later of slot start and check-in, p50 and p90 by nearest rank.
#include <catch2/catch.hpp>
#include <filesystem>

#include "reports/appointment_report.hpp"

using namespace motcua;
using namespace motcua::reports;
using namespace std::chrono_literals;

namespace {

Day d(int day) {
    return Day{date::year{2026}, date::November, date::day{static_cast<unsigned>(day)}};
}

WardConfig demo() {
    auto c = load_config(std::filesystem::path(MOTCUA_SOURCE_DIR) / "assets/config/ward-demo.toml");
    REQUIRE(c);
    return *c;
}

struct Rig {
    WardConfig config = demo();
    OfficeZone zone = *OfficeZone::load("Asia/Ho_Chi_Minh");
    std::vector<Appointment> bookings;
    std::vector<Ticket> tickets;
    int n = 0;

    Appointment& book(int day, int start, const char* category = "HT",
                      AppointmentState state = AppointmentState::booked) {
        Appointment a;
        a.code = "CODE" + std::to_string(++n);
        a.category = category;
        a.day = d(day);
        a.start = start;
        a.end = start + 15;
        a.state = state;
        a.booked_at = zone.at_local(d(day), 7 * 60);
        return bookings.emplace_back(a);
    }
    /// Checked in at `in` minutes of the day; called `called` seconds after the later of slot
    /// start and check-in; served or not.
    void check_in(int day, int start, int in, std::optional<int> called, bool served,
                  const char* category = "HT") {
        Appointment& a = book(day, start, category, AppointmentState::checked_in);
        a.checked_in_at = zone.at_local(d(day), in);
        Ticket t;
        t.id = "T" + a.code;
        t.category = category;
        t.state = served ? TicketState::done : TicketState::no_show;
        const TimePoint due = std::max(zone.at_local(d(day), start), *a.checked_in_at);
        if (called) t.called_at = due + std::chrono::seconds(*called);
        a.ticket_id = t.id;
        tickets.push_back(t);
    }
    AppointmentReport report(AppointmentGrouping g, int from = 23, int to = 27) {
        return compute_appointment_report(bookings, tickets, config, zone, d(from), d(to), g);
    }
};

}  // namespace

TEST_CASE("bookings counted by what became of them, per category", "[appointment_report]") {
    Rig r;
    r.book(23, 9 * 60);                                        // still booked
    r.book(23, 9 * 60, "HT", AppointmentState::cancelled);     // cancelled
    r.book(24, 10 * 60, "HT", AppointmentState::missed);       // missed
    r.check_in(24, 10 * 60, 9 * 60 + 50, 30, true);            // early, called 30 s after 10:00
    r.check_in(24, 10 * 60 + 15, 10 * 60 + 20, 120, true);     // late: 120 s after 10:20
    r.check_in(25, 8 * 60, 7 * 60 + 40, 600, false);           // absent when called
    r.check_in(25, 8 * 60, 7 * 60 + 40, std::nullopt, false);  // not called (yet)
    r.check_in(25, 9 * 60, 8 * 60 + 45, 0, true, "DC");
    r.book(30, 9 * 60);  // outside the period

    const auto rep = r.report(AppointmentGrouping::category);
    // Bookable categories in config order: HT (2 places), DC (1).
    REQUIRE(rep.rows.size() == 2);
    const auto& ht = rep.rows[0];
    CHECK(ht.key == "HT");
    CHECK(ht.label == "Tư pháp - Hộ tịch");
    CHECK(ht.counts == AppointmentCounts{7, 1, 4, 1, 2});
    // HT's punctualities: 30, 120, 600 -> p50 = 120 (rank 2), p90 = 600 (rank 3).
    CHECK(ht.punctuality_p50_s == 120);
    CHECK(ht.punctuality_p90_s == 600);
    const auto& dc = rep.rows[1];
    CHECK(dc.counts == AppointmentCounts{1, 0, 1, 0, 1});
    CHECK(dc.punctuality_p50_s == 0);
    CHECK(rep.total.key == "total");
    CHECK(rep.total.counts == AppointmentCounts{8, 1, 5, 1, 3});
    CHECK(rep.total.punctuality_p50_s == 30);   // 0, 30, 120, 600: rank 2
    CHECK(rep.total.punctuality_p90_s == 600);  // rank 4
}

TEST_CASE("by day, every day of the period, empty ones too", "[appointment_report]") {
    Rig r;
    r.check_in(24, 10 * 60, 9 * 60 + 50, 45, true);
    r.book(26, 9 * 60, "HT", AppointmentState::cancelled);
    const auto rep = r.report(AppointmentGrouping::day);
    REQUIRE(rep.rows.size() == 5);
    CHECK(rep.rows[0].key == "2026-11-23");
    CHECK(rep.rows[0].counts == AppointmentCounts{});
    CHECK_FALSE(rep.rows[0].punctuality_p50_s);
    CHECK(rep.rows[1].counts == AppointmentCounts{1, 0, 1, 0, 1});
    CHECK(rep.rows[1].punctuality_p90_s == 45);
    CHECK(rep.rows[3].counts.cancelled == 1);
    CHECK(rep.total.counts.booked == 2);
}
