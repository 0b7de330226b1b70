#include "reports/estimate_report.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>
#include <map>

#include "reports/export.hpp"
#include "reports/turnaround.hpp"

namespace motcua::reports {
namespace {

constexpr int kLateS = 5 * 60;

double round1(double x) {
    return std::round(x * 10.0) / 10.0;
}

EstimateRow row_of(const EstimateTally& tally, std::string key, std::string label) {
    return {std::move(key), std::move(label), tally.figures()};
}

}  // namespace

void EstimateTally::add(const EstimateAtIssue& told, std::int64_t real) {
    ++n_;
    abs_error_ += std::llabs(told.wait_s - real);
    error_ += told.wait_s - real;
    within_ += told.low_s <= real && real <= told.high_s;
    late_ += real - told.wait_s > kLateS;
    base_abs_error_ += std::llabs(told.baseline_s - real);
    base_error_ += told.baseline_s - real;
    // The simple rule shows one figure in whole minutes: the wait is "within" in that minute.
    base_within_ += std::lround(static_cast<double>(real) / 60.0) ==
                    std::lround(static_cast<double>(told.baseline_s) / 60.0);
    base_late_ += real - told.baseline_s > kLateS;
}

EstimateFigures EstimateTally::figures() const {
    EstimateFigures f;
    f.tickets = n_;
    if (n_ == 0) return f;
    const auto mean = [&](std::int64_t sum) {
        return round1(static_cast<double>(sum) / static_cast<double>(n_));
    };
    const auto pct = [&](std::int64_t count) {
        return round1(100.0 * static_cast<double>(count) / static_cast<double>(n_));
    };
    f.mae_s = mean(abs_error_);
    f.bias_s = mean(error_);
    f.within_range_pct = pct(within_);
    f.late_over_5min_pct = pct(late_);
    f.baseline_mae_s = mean(base_abs_error_);
    f.baseline_bias_s = mean(base_error_);
    f.baseline_within_range_pct = pct(base_within_);
    f.baseline_late_over_5min_pct = pct(base_late_);
    return f;
}

EstimateReport compute_estimate_report(const std::vector<Ticket>& tickets, const WardConfig& config,
                                       const OfficeZone& zone, Day from, Day to,
                                       EstimateGrouping group_by) {
    std::map<std::string, EstimateTally> groups;  // by key
    EstimateTally total;
    for (const Ticket& t : tickets) {
        if (!t.estimate || !t.called_at || t.day < from || to < t.day) continue;
        const std::int64_t real =
            std::chrono::duration_cast<std::chrono::seconds>(*t.called_at - t.issued_at).count();
        std::string key;
        switch (group_by) {
            case EstimateGrouping::category:
                key = t.issued_category;
                break;
            case EstimateGrouping::day:
                key = format_day(t.day);
                break;
            case EstimateGrouping::hour:
                key = hour_key(zone.minutes_of_day(t.issued_at) / 60);
                break;
        }
        groups[key].add(*t.estimate, real);
        total.add(*t.estimate, real);
    }
    EstimateReport report;
    report.from = from;
    report.to = to;
    report.group_by = group_by;
    switch (group_by) {
        case EstimateGrouping::category:
            for (const auto& c : config.categories) {
                auto it = groups.find(c.code);
                report.rows.push_back(
                    row_of(it == groups.end() ? EstimateTally{} : it->second, c.code, c.name_vi));
                if (it != groups.end()) groups.erase(it);
            }
            // A category that has left the config still counts, under its code.
            for (const auto& [key, t] : groups) report.rows.push_back(row_of(t, key, key));
            break;
        case EstimateGrouping::day:
            for (auto d = date::sys_days(from); d <= date::sys_days(to); d += date::days{1}) {
                const std::string key = format_day(Day{d});
                auto it = groups.find(key);
                report.rows.push_back(
                    row_of(it == groups.end() ? EstimateTally{} : it->second, key, key));
            }
            break;
        case EstimateGrouping::hour:
            for (const auto& [key, t] : groups)
                report.rows.push_back(row_of(t, key, hour_label(std::stoll(key))));
            break;
    }
    report.total = row_of(total, std::string(kTotalKey), std::string(kTotalLabel));
    return report;
}

std::string estimate_report_csv(const EstimateReport& report) {
    std::string out = "\xEF\xBB\xBF";  // BOM: Excel then reads the accents as UTF-8
    const char* group = report.group_by == EstimateGrouping::category ? "Lĩnh vực"
                        : report.group_by == EstimateGrouping::day    ? "Ngày"
                                                                      : "Giờ lấy số";
    out += fmt::format(
        "{},{},{},{},{},{},{},{},{},{},{}\r\n", csv_cell("Mã"), csv_cell(group), csv_cell("Số vé"),
        csv_cell("Sai số trung bình (giây)"), csv_cell("Lệch (giây)"), csv_cell("Trong khoảng (%)"),
        csv_cell("Trễ quá 5 phút (%)"), csv_cell("Cách cũ: sai số trung bình (giây)"),
        csv_cell("Cách cũ: lệch (giây)"), csv_cell("Cách cũ: đúng phút (%)"),
        csv_cell("Cách cũ: trễ quá 5 phút (%)"));
    const auto line = [&](const EstimateRow& r) {
        const auto& f = r.figures;
        out += fmt::format("{},{},{},{},{},{},{},{},{},{},{}\r\n", csv_cell(r.key),
                           csv_cell(r.label), f.tickets, f.mae_s, f.bias_s, f.within_range_pct,
                           f.late_over_5min_pct, f.baseline_mae_s, f.baseline_bias_s,
                           f.baseline_within_range_pct, f.baseline_late_over_5min_pct);
    };
    for (const auto& r : report.rows) line(r);
    line(report.total);
    return out;
}

}  // namespace motcua::reports
