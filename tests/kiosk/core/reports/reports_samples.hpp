#pragma once
/// The reports dashboard without a service: sample reports of a ward's week, and a fake of the
/// services that lets the test answer each request.
#include <catch2/catch.hpp>
#include <cmath>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "kiosk/core/reports/reports_services.hpp"
#include "kiosk/core/reports/reports_session.hpp"
#include "motcua/office_time.hpp"

namespace motcua::kiosk::test {

inline ReportPeriod week_of_23_november() {
    return {*parse_day("2026-11-23"), *parse_day("2026-11-29")};
}

inline TurnaroundRow report_row(std::string key, std::string label, int issued, int served,
                                int no_show, int expired, double wait_mean, int ratings,
                                std::map<int, int> levels = {}) {
    TurnaroundRow r;
    r.key = std::move(key);
    r.label = std::move(label);
    r.issued = issued;
    r.served = served;
    r.no_show = no_show;
    r.expired = expired;
    r.wait_s = {wait_mean, static_cast<std::int64_t>(wait_mean * 0.9),
                static_cast<std::int64_t>(wait_mean * 2.1),
                static_cast<std::int64_t>(wait_mean * 3.6)};
    r.service_s = {served > 0 ? 305.4 : 0, 280, 600, 1320};
    r.within_target_pct = served + no_show > 0 ? 81.8 : 0;
    r.ratings.count = ratings;
    for (int level : {1, 2, 3, 4, 5}) r.ratings.levels[level] = 0;
    for (const auto& [l, n] : levels) r.ratings.levels[l] = n;
    int satisfied = 0;
    for (const auto& [l, n] : r.ratings.levels) satisfied += l >= 4 ? n : 0;
    r.ratings.satisfied_pct = ratings > 0 ? std::round(1000.0 * satisfied / ratings) / 10 : 0;
    return r;
}

/// A ward's week as the service would report it, in `grouping`.
inline TurnaroundReport sample_report(ReportGrouping grouping,
                                      ReportPeriod period = week_of_23_november()) {
    TurnaroundReport r;
    r.from = period.from;
    r.to = period.to;
    r.group_by = grouping;
    switch (grouping) {
        case ReportGrouping::category:
            r.rows = {report_row("HT", "Tư pháp - Hộ tịch", 1234, 1180, 40, 14, 412.5, 900,
                                 {{1, 10}, {2, 30}, {3, 60}, {4, 400}, {5, 400}}),
                      report_row("DC", "Địa chính - Xây dựng - Đô thị và Môi trường", 320, 300, 12,
                                 8, 905.0, 210, {{2, 20}, {3, 40}, {4, 100}, {5, 50}}),
                      report_row("VX", "Văn hóa - Xã hội", 0, 0, 0, 0, 0, 0),
                      report_row("TK", "Trả kết quả", 96, 96, 0, 0, 95.0, 40, {{4, 10}, {5, 30}})};
            break;
        case ReportGrouping::counter:
            r.rows = {report_row("1", "Quầy 1 - Hộ tịch", 900, 860, 30, 0, 400, 700),
                      report_row("2", "Quầy 2 - Địa chính", 750, 716, 22, 0, 700, 450)};
            break;
        case ReportGrouping::officer: {
            auto lan = report_row("lan", "Nguyễn Thị Lan", 900, 860, 30, 0, 400, 700);
            lan.officer = OfficerTime{30 * 3600 + 125, 22 * 3600, 8 * 3600 + 125, 1800};
            auto binh = report_row("binh", "Trần Văn Bình", 750, 716, 22, 0, 700, 450);
            binh.officer = OfficerTime{28 * 3600, 20 * 3600, 8 * 3600, 2400};
            r.rows = {binh, lan};
            break;
        }
        case ReportGrouping::day:
            r.rows = {report_row("2026-11-23", "2026-11-23", 600, 580, 15, 5, 380, 400,
                                 {{3, 40}, {4, 160}, {5, 200}}),
                      report_row("2026-11-24", "2026-11-24", 520, 500, 14, 6, 520, 380,
                                 {{2, 30}, {4, 150}, {5, 200}}),
                      report_row("2026-11-25", "2026-11-25", 530, 496, 23, 11, 610, 370,
                                 {{1, 10}, {3, 60}, {4, 150}, {5, 150}})};
            break;
        case ReportGrouping::hour:
            r.rows = {report_row("07", "07:00–08:00", 120, 110, 5, 0, 200, 80),
                      report_row("08", "08:00–09:00", 480, 460, 12, 0, 500, 300),
                      report_row("10", "10:00–11:00", 250, 240, 6, 0, 420, 160),
                      report_row("13", "13:00–14:00", 300, 290, 8, 0, 390, 210)};
            break;
        case ReportGrouping::ward:  // a province hub's: never asked by a ward's dashboard
            break;
    }
    r.total = report_row("total", "Tổng cộng", 1650, 1576, 52, 22, 489.2, 1150,
                         {{1, 10}, {2, 50}, {3, 100}, {4, 510}, {5, 480}});
    if (grouping == ReportGrouping::officer)
        r.total.officer = OfficerTime{58 * 3600 + 125, 42 * 3600, 16 * 3600 + 125, 4200};
    return r;
}

/// Waits of the week in 5-minute buckets up to 30 minutes.
/// An appointments report by category: HT with bookings of every fate, DC with none called.
inline AppointmentReport sample_appointments(ReportPeriod period = week_of_23_november()) {
    AppointmentReport r;
    r.from = period.from;
    r.to = period.to;
    AppointmentRow ht;
    ht.key = "HT";
    ht.label = "Tư pháp - Hộ tịch";
    ht.counts = {1234, 56, 1100, 78, 1080};
    ht.punctuality_p50_s = 95;
    ht.punctuality_p90_s = 412;
    AppointmentRow dc;
    dc.key = "DC";
    dc.label = "Địa chính - Xây dựng - Đô thị và Môi trường";
    dc.counts = {3, 1, 0, 2, 0};
    r.rows = {ht, dc};
    r.total.key = "total";
    r.total.counts = {1237, 57, 1100, 80, 1080};
    r.total.punctuality_p50_s = 95;
    r.total.punctuality_p90_s = 412;
    return r;
}

inline WaitHistogram sample_waits(ReportPeriod period = week_of_23_november()) {
    WaitHistogram h;
    h.from = period.from;
    h.to = period.to;
    h.bucket_s = 300;
    h.edges_s = {0, 300, 600, 900, 1200, 1500, 1800};
    h.categories = {
        {"HT", "Tư pháp - Hộ tịch", 900, 1180, {300, 420, 260, 120, 60, 20}},
        {"DC", "Địa chính - Xây dựng - Đô thị và Môi trường", 1200, 300, {20, 60, 80, 80, 40, 20}},
        {"VX", "Văn hóa - Xã hội", 900, 0, {0, 0, 0, 0, 0, 0}},
        {"TK", "Trả kết quả", 600, 96, {70, 20, 6, 0, 0, 0}}};
    h.total = {"total", "", 0, 1576, {390, 500, 346, 200, 100, 40}};
    return h;
}

/// The estimates report by day: two days with called tickets, a Tuesday without any.
inline EstimateReport sample_estimates(ReportPeriod period = week_of_23_november()) {
    EstimateReport r;
    r.from = period.from;
    r.to = period.to;
    r.group_by = EstimateGrouping::day;
    r.rows = {{"2026-11-23", "2026-11-23", {120, 250, 30, 81.7, 4.2, 610, -400, 5.0, 38.3}},
              {"2026-11-24", "2026-11-24", {}},
              {"2026-11-25", "2026-11-25", {95, 198.4, -12.5, 78.9, 3.2, 540, -310, 6.3, 31.6}}};
    r.total = {"total", "", {215, 227.2, 11.2, 80.5, 3.7, 579.1, -360.2, 5.6, 35.3}};
    return r;
}

inline api::LoginResponse supervisor_login() {
    api::LoginResponse r;
    r.token = "session-of-hoa";
    r.expires_at = *parse_rfc3339("2026-11-25T17:30:00+07:00");
    r.officer.username = "hoa";
    r.officer.name = "Phạm Thu Hòa";
    r.officer.role = OfficerRole::supervisor;
    return r;
}

class FakeReportsServices final : public ReportsServices {
public:
    struct Fetch {
        Token token;
        ReportPeriod period;
        std::optional<ReportGrouping> grouping;  // none: the waits
    };
    struct Export {
        Token token;
        ReportPeriod period;
        ExportFormat format;
        ReportGrouping grouping;
    };
    void log_in(api::LoginRequest request, LoginDone done) override {
        logins.push_back(std::move(request));
        login_done.push_back(std::move(done));
    }
    void read_clock(ClockDone done) override { clock_done.push_back(std::move(done)); }
    void fetch_turnaround(Token token, ReportPeriod period, ReportGrouping grouping,
                          TurnaroundDone done) override {
        fetches.push_back({std::move(token), period, grouping});
        turnaround_done.push_back(std::move(done));
    }
    void fetch_waits(Token token, ReportPeriod period, WaitsDone done) override {
        fetches.push_back({std::move(token), period, std::nullopt});
        waits_done.push_back(std::move(done));
    }
    void export_report(Token token, ReportPeriod period, ExportFormat format,
                       ReportGrouping grouping, ExportDone done) override {
        exports.push_back({std::move(token), period, format, grouping});
        export_done.push_back(std::move(done));
    }
    void fetch_overview(Token token, ReportPeriod period, OverviewDone done) override {
        overviews.push_back({std::move(token), period, std::nullopt});
        overview_done.push_back(std::move(done));
    }
    void fetch_appointments(Token token, ReportPeriod period, AppointmentsDone done) override {
        appointment_fetches.push_back({std::move(token), period, std::nullopt});
        appointments_done.push_back(std::move(done));
    }
    void fetch_estimates(Token token, ReportPeriod period, EstimatesDone done) override {
        estimate_fetches.push_back({std::move(token), period, std::nullopt});
        estimates_done.push_back(std::move(done));
    }
    void use_token(std::string token, bool) override { tokens.push_back(std::move(token)); }

    /// Answers every report asked so far with the samples of the period asked.
    void answer_reports() {
        std::size_t turnaround = 0;
        std::size_t waits = 0;
        const auto asked = fetches;
        auto t_done = std::move(turnaround_done);
        auto w_done = std::move(waits_done);
        turnaround_done.clear();
        waits_done.clear();
        for (const auto& f : asked) {
            if (f.grouping)
                t_done.at(turnaround++)(sample_report(*f.grouping, f.period));
            else
                w_done.at(waits++)(sample_waits(f.period));
        }
        fetches.clear();
        auto a_done = std::move(appointments_done);
        appointments_done.clear();
        for (std::size_t i = 0; i < a_done.size(); ++i)
            a_done[i](sample_appointments(appointment_fetches.at(i).period));
        appointment_fetches.clear();
        auto e_done = std::move(estimates_done);
        estimates_done.clear();
        for (std::size_t i = 0; i < e_done.size(); ++i)
            e_done[i](sample_estimates(estimate_fetches.at(i).period));
        estimate_fetches.clear();
    }

    std::vector<api::LoginRequest> logins;
    std::deque<LoginDone> login_done;
    std::deque<ClockDone> clock_done;
    std::vector<Fetch> fetches;
    std::deque<TurnaroundDone> turnaround_done;
    std::deque<WaitsDone> waits_done;
    std::vector<Fetch> appointment_fetches;
    std::deque<AppointmentsDone> appointments_done;
    std::vector<Fetch> estimate_fetches;
    std::deque<EstimatesDone> estimates_done;
    std::vector<Fetch> overviews;
    std::deque<OverviewDone> overview_done;
    std::vector<Export> exports;
    std::deque<ExportDone> export_done;
    std::vector<std::string> tokens;
};

}  // namespace motcua::kiosk::test
