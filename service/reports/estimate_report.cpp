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

std::optional<std::int64_t> EstimateReportBuilder::real_wait(const Ticket& t) const {
    if (!t.estimate || !t.called_at || t.day < from_ || to_ < t.day) return std::nullopt;
    return std::chrono::duration_cast<std::chrono::seconds>(*t.called_at - t.issued_at).count();
}

void EstimateReportBuilder::add(std::string_view issued_category, Day day, std::int64_t hour,
                                std::string_view ward, const EstimateAtIssue& told,
                                std::int64_t real) {
    std::string key;
    switch (group_by_) {
        case EstimateGrouping::category:
            key = issued_category;
            break;
        case EstimateGrouping::day:
            key = format_day(day);
            break;
        case EstimateGrouping::hour:
            key = hour_key(hour);
            break;
        case EstimateGrouping::ward:
            key = ward;
            break;
    }
    groups_[key].add(told, real);
    total_.add(told, real);
}

EstimateReport EstimateReportBuilder::finish(
    const WardConfig& config, const std::vector<std::pair<std::string, std::string>>& wards) const {
    EstimateReport report;
    report.from = from_;
    report.to = to_;
    report.group_by = group_by_;
    const auto tally = [&](std::string_view key) {
        auto it = groups_.find(key);
        return it == groups_.end() ? EstimateTally{} : it->second;
    };
    switch (group_by_) {
        case EstimateGrouping::category:
            for (const auto& c : config.categories)
                report.rows.push_back(row_of(tally(c.code), c.code, c.name_vi));
            // A category that has left the config still counts, under its code.
            for (const auto& [key, t] : groups_)
                if (config.find_category(key) == nullptr)
                    report.rows.push_back(row_of(t, key, key));
            break;
        case EstimateGrouping::day:
            for (auto d = date::sys_days(from_); d <= date::sys_days(to_); d += date::days{1}) {
                const std::string key = format_day(Day{d});
                report.rows.push_back(row_of(tally(key), key, key));
            }
            break;
        case EstimateGrouping::hour:
            for (const auto& [key, t] : groups_)
                report.rows.push_back(row_of(t, key, hour_label(std::stoll(key))));
            break;
        case EstimateGrouping::ward:
            for (const auto& [code, name] : wards)
                report.rows.push_back(row_of(tally(code), code, name));
            break;
    }
    report.total = row_of(total_, std::string(kTotalKey), std::string(kTotalLabel));
    return report;
}

EstimateReport compute_estimate_report(const std::vector<Ticket>& tickets, const WardConfig& config,
                                       const OfficeZone& zone, Day from, Day to,
                                       EstimateGrouping group_by) {
    EstimateReportBuilder builder(from, to, group_by);
    for (const Ticket& t : tickets)
        if (const auto real = builder.real_wait(t))
            builder.add(t.issued_category, t.day, zone.minutes_of_day(t.issued_at) / 60,
                        config.unit_code, *t.estimate, *real);
    return builder.finish(config, {{config.unit_code, config.office_name}});
}

std::string estimate_report_csv(const EstimateReport& report) {
    std::string out = "\xEF\xBB\xBF";  // BOM: Excel then reads the accents as UTF-8
    const char* group = report.group_by == EstimateGrouping::category ? "Lĩnh vực"
                        : report.group_by == EstimateGrouping::day    ? "Ngày"
                        : report.group_by == EstimateGrouping::hour   ? "Giờ lấy số"
                                                                      : "Phường, xã";
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
