#include "kiosk/core/reports/reports_views.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "kiosk/core/shell/view_model.hpp"
#include "motcua/office_time.hpp"

namespace motcua::kiosk {

namespace {

constexpr std::string_view kNoValue = "—";

template <typename T>
Availability availability_of(const Loadable<T>& l) {
    return {l.state, l.problem, l.value.has_value()};
}

std::string duration_or_dash(bool meaningful, double seconds) {
    return meaningful ? format_clock_duration(seconds) : std::string(kNoValue);
}

/// A category's name in `lang` from the service's list; the report's own label otherwise.
std::string category_label(const WardData& data, const std::string& code,
                           const std::string& fallback, Language lang) {
    if (lang == Language::en)
        for (const auto& c : data.categories)
            if (c.code == code) return c.name_en;
    return fallback;
}

/// A row's label in the table: names in the screen's language, days as 23/11/2026.
std::string row_label(const TurnaroundRow& row, ReportGrouping g, const WardData& data,
                      Language lang) {
    switch (g) {
        case ReportGrouping::category:
            return category_label(data, row.key, row.label, lang);
        case ReportGrouping::day:
            if (auto d = parse_day(row.key)) return format_day_vn(*d);
            break;
        case ReportGrouping::counter:
        case ReportGrouping::officer:
        case ReportGrouping::hour:
        case ReportGrouping::ward:
            break;
    }
    return row.label;
}

TableLine line_of(const TurnaroundRow& row, std::string label, NumberStyle style,
                  const auto& columns) {
    TableLine line{row.key, std::move(label), {}};
    for (const ReportColumn c : columns) line.cells.push_back(cell_text(row, c, style));
    return line;
}

/// A chart's day under its axis: "23/11" for "2026-11-23".
std::string short_day(const std::string& key) {
    const auto d = parse_day(key);
    if (!d) return key;
    return fmt::format("{:02}/{:02}", static_cast<unsigned>(d->day()),
                       static_cast<unsigned>(d->month()));
}

std::string hh_mm(const OfficeZone& zone, TimePoint t) {
    const LocalDateTime l = local_date_time(zone, t);
    return fmt::format("{:02}:{:02}", l.hour, l.minute);
}

std::optional<int> hour_of(const std::string& key) {
    int h = 0;
    const auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), h);
    if (ec != std::errc{} || end != key.data() + key.size() || h < 0 || h > 23) return std::nullopt;
    return h;
}

HistogramView histogram_view(const ReportsSession& s, const WardData& data, Language lang) {
    HistogramView v;
    const auto& waits = s.waits();
    v.availability = availability_of(waits);
    if (!waits.value) return v;
    const WaitHistogram& h = *waits.value;
    v.edges_s = h.edges_s;
    std::size_t with_waits = 0;
    for (const auto& c : h.categories) with_waits += c.served > 0 ? 1 : 0;
    v.can_choose = with_waits > 1;
    const std::size_t choice = s.histogram_choice();
    if (choice > 0 && choice <= h.categories.size()) {
        const WaitBuckets& c = h.categories[choice - 1];
        v.counts = c.counts;
        v.served = c.served;
        v.category = category_label(data, c.key, c.label, lang);
        v.targets.push_back({c.target_wait_s, c.key});
        return v;
    }
    v.counts = h.total.counts;
    v.served = h.total.served;
    // One line per target, naming the categories that share it ("HT, VX"); only categories
    // that served someone, unless none did.
    std::map<std::int64_t, std::string> targets;
    for (const auto& c : h.categories) {
        if (with_waits > 0 && c.served == 0) continue;
        std::string& names = targets[c.target_wait_s];
        if (!names.empty()) names += ", ";
        names += c.key;
    }
    for (auto& [seconds, names] : targets) v.targets.push_back({seconds, std::move(names)});
    return v;
}

}  // namespace

std::string cell_text(const TurnaroundRow& row, ReportColumn column, NumberStyle style) {
    const bool served = row.served > 0;
    const OfficerTime times = row.officer.value_or(OfficerTime{});
    switch (column) {
        case ReportColumn::issued:
            return format_count(row.issued, style);
        case ReportColumn::served:
            return format_count(row.served, style);
        case ReportColumn::no_show:
            return format_count(row.no_show, style);
        case ReportColumn::expired:
            return format_count(row.expired, style);
        case ReportColumn::wait_mean:
            return duration_or_dash(served, row.wait_s.mean);
        case ReportColumn::wait_p50:
            return duration_or_dash(served, static_cast<double>(row.wait_s.p50));
        case ReportColumn::wait_p90:
            return duration_or_dash(served, static_cast<double>(row.wait_s.p90));
        case ReportColumn::wait_max:
            return duration_or_dash(served, static_cast<double>(row.wait_s.max));
        case ReportColumn::service_mean:
            return duration_or_dash(served, row.service_s.mean);
        case ReportColumn::within_target:
            // Over the called tickets: with nobody served or absent there is (nearly) nobody
            // to measure, and "0 %" would read as a failure.
            if (row.served + row.no_show == 0) return std::string(kNoValue);
            return format_percent(row.within_target_pct, style);
        case ReportColumn::ratings_count:
            return format_count(row.ratings.count, style);
        case ReportColumn::satisfied:
            if (row.ratings.count == 0) return std::string(kNoValue);
            return format_percent(row.ratings.satisfied_pct, style);
        case ReportColumn::open_time:
            return format_clock_duration(static_cast<double>(times.open_s));
        case ReportColumn::serving_time:
            return format_clock_duration(static_cast<double>(times.serving_s));
        case ReportColumn::idle_time:
            return format_clock_duration(static_cast<double>(times.idle_s));
        case ReportColumn::idle_waiting:
            return format_clock_duration(static_cast<double>(times.idle_while_waiting_s));
        default:  // the appointments report's columns: not a turnaround figure
            break;
    }
    return std::string(kNoValue);
}

std::string appointment_cell_text(const AppointmentRow& row, ReportColumn column,
                                  NumberStyle style) {
    const auto seconds = [](const std::optional<std::int64_t>& s) {
        return s ? duration_or_dash(true, static_cast<double>(*s)) : std::string(kNoValue);
    };
    switch (column) {
        case ReportColumn::booked:
            return format_count(row.counts.booked, style);
        case ReportColumn::cancelled:
            return format_count(row.counts.cancelled, style);
        case ReportColumn::checked_in:
            return format_count(row.counts.checked_in, style);
        case ReportColumn::missed:
            return format_count(row.counts.missed, style);
        case ReportColumn::booked_served:
            return format_count(row.counts.served, style);
        case ReportColumn::punctuality_p50:
            return seconds(row.punctuality_p50_s);
        case ReportColumn::punctuality_p90:
            return seconds(row.punctuality_p90_s);
        default:  // a turnaround column
            break;
    }
    return std::string(kNoValue);
}

AppointmentsTableView make_appointments_view(const ReportsSession& s, const WardData& data,
                                             Language lang) {
    AppointmentsTableView v;
    v.availability = availability_of(s.appointments());
    if (!s.appointments().value) return v;
    const AppointmentReport& r = *s.appointments().value;
    const NumberStyle style = number_style(lang);
    const auto line = [&](const AppointmentRow& row, std::string label) {
        TableLine out{row.key, std::move(label), {}};
        for (const ReportColumn c : kAppointmentColumns)
            out.cells.push_back(appointment_cell_text(row, c, style));
        return out;
    };
    for (const auto& row : r.rows)
        v.rows.push_back(line(row, category_label(data, row.key, row.label, lang)));
    v.total = line(r.total, "");
    v.no_bookings = r.total.counts.booked == 0;
    return v;
}

std::string estimate_cell_text(const EstimateFigures& f, ReportColumn column, NumberStyle style) {
    if (column == ReportColumn::est_tickets) return format_count(f.tickets, style);
    if (f.tickets == 0) return std::string(kNoValue);
    // The bias is signed: above 0 the waits were overestimated, below 0 underestimated.
    const auto signed_duration = [](double s) {
        const std::string magnitude = format_clock_duration(std::abs(s));
        if (magnitude == format_clock_duration(0)) return magnitude;
        return (s > 0 ? "+" : "-") + magnitude;  // ASCII: every font has it
    };
    switch (column) {
        case ReportColumn::est_mae:
            return format_clock_duration(f.mae_s);
        case ReportColumn::est_bias:
            return signed_duration(f.bias_s);
        case ReportColumn::est_within:
            return format_percent(f.within_range_pct, style);
        case ReportColumn::est_late:
            return format_percent(f.late_over_5min_pct, style);
        case ReportColumn::base_mae:
            return format_clock_duration(f.baseline_mae_s);
        case ReportColumn::base_bias:
            return signed_duration(f.baseline_bias_s);
        case ReportColumn::base_late:
            return format_percent(f.baseline_late_over_5min_pct, style);
        default:  // a column of another report
            break;
    }
    return std::string(kNoValue);
}

EstimatesView make_estimates_view(const ReportsSession& s, Language lang) {
    EstimatesView v;
    v.availability = availability_of(s.estimates());
    if (!s.estimates().value) return v;
    const EstimateReport& r = *s.estimates().value;
    const NumberStyle style = number_style(lang);
    const auto line = [&](const EstimateRow& row, std::string label) {
        TableLine out{row.key, std::move(label), {}};
        for (const ReportColumn c : kEstimateColumns)
            out.cells.push_back(estimate_cell_text(row.figures, c, style));
        return out;
    };
    for (const auto& row : r.rows) {
        const auto d = parse_day(row.key);
        v.rows.push_back(line(row, d ? format_day_vn(*d) : row.label));
        EstimatePoint p;
        p.day = short_day(row.key);
        if (row.figures.tickets > 0) {
            p.mae_min = row.figures.mae_s / 60.0;
            p.baseline_mae_min = row.figures.baseline_mae_s / 60.0;
        }
        v.points.push_back(std::move(p));
    }
    v.total = line(r.total, "");
    v.no_tickets = r.total.figures.tickets == 0;
    return v;
}

ReportsLoginView make_reports_login_view(const ReportsSession& s) {
    return {s.login_pending(), s.message()};
}

ReportsBarView make_bar_view(const ReportsSession& s, const OfficeZone& zone) {
    ReportsBarView v;
    v.screen = s.screen();
    if (s.officer()) v.officer_name = s.officer()->officer.name;
    v.kind = s.period_kind();
    v.period = s.period();
    if (s.as_of()) v.as_of = hh_mm(zone, *s.as_of());
    v.busy = s.busy();
    v.custom_open = s.custom_open();
    v.custom_from = s.custom_from();
    v.custom_to = s.custom_to();
    v.custom_problem = s.custom_problem();
    v.grouping = s.grouping();
    v.groupings.assign(s.groupings().begin(), s.groupings().end());
    v.province = s.province();
    if (s.ward()) v.ward_name = s.ward_name(*s.ward());
    v.can_choose_ward = s.can_choose_ward();
    v.exporting = s.exporting();
    v.can_export = s.can_export();
    // One load at a time: a second press would queue seven more requests behind the first.
    v.can_refresh = s.officer().has_value() && s.period().has_value() && !s.busy();
    v.message = s.message();
    v.message_detail = s.message_detail();
    return v;
}

TableView make_table_view(const ReportsSession& s, const WardData& data, Language lang) {
    TableView v;
    v.grouping = s.grouping();
    const auto& table = s.table(v.grouping);
    v.availability = availability_of(table);
    if (!table.value) return v;
    const TurnaroundReport& r = *table.value;
    const NumberStyle style = number_style(lang);
    for (const auto& row : r.rows)
        v.rows.push_back(line_of(row, row_label(row, v.grouping, data, lang), style, kMainColumns));
    v.total = line_of(r.total, "", style, kMainColumns);
    v.no_tickets = r.total.issued == 0;
    if (v.grouping == ReportGrouping::officer) {
        for (const auto& row : r.rows)
            v.work_rows.push_back(line_of(row, row.label, style, kWorkColumns));
        v.work_total = line_of(r.total, "", style, kWorkColumns);
    }
    return v;
}

OverviewView make_overview_view(const ReportsSession& s, RankMetric metric, Language lang) {
    OverviewView v;
    v.metric = metric;
    const auto& overview = s.overview();
    v.availability = availability_of(overview);
    if (!overview.value) return v;
    const NumberStyle style = number_style(lang);
    const auto rank_of = [metric](const hub::WardFigures& w) {
        switch (metric) {
            case RankMetric::wait:
                return w.rank_wait;
            case RankMetric::within_target:
                return w.rank_within_target;
            case RankMetric::satisfaction:
                return w.rank_satisfaction;
            case RankMetric::dossiers:
                return w.rank_dossiers;
        }
        return 0;
    };
    std::vector<const hub::WardFigures*> order;
    for (const auto& w : overview.value->wards) order.push_back(&w);
    std::stable_sort(order.begin(), order.end(),
                     [&](const auto* a, const auto* b) { return rank_of(*a) < rank_of(*b); });
    for (const auto* w : order) {
        OverviewLine line;
        line.code = w->code;
        line.name = w->name;
        line.rank = rank_of(*w);
        line.issued = format_count(w->issued, style);
        line.mean_wait = duration_or_dash(w->served > 0, w->mean_wait_s);
        line.within_target =
            w->issued > 0 ? format_percent(w->within_target_pct, style) : std::string(kNoValue);
        line.satisfied =
            w->rated > 0 ? format_percent(w->satisfied_pct, style) : std::string(kNoValue);
        line.dossiers_on_time = w->dossiers_processed > 0
                                    ? format_percent(w->dossiers_on_time_pct, style)
                                    : std::string(kNoValue);
        v.rows.push_back(std::move(line));
    }
    return v;
}

ChartsView make_charts_view(const ReportsSession& s, const WardData& data, Language lang) {
    ChartsView v;
    v.histogram = histogram_view(s, data, lang);

    const auto& hours = s.table(ReportGrouping::hour);
    v.hours_availability = availability_of(hours);
    if (hours.value && !hours.value->rows.empty()) {
        // Every hour from the first to the last, quiet ones (lunch) included as zeros.
        std::map<int, const TurnaroundRow*> by_hour;
        for (const auto& row : hours.value->rows)
            if (const auto h = hour_of(row.key)) by_hour[*h] = &row;
        if (!by_hour.empty())
            for (int h = by_hour.begin()->first; h <= by_hour.rbegin()->first; ++h) {
                const auto it = by_hour.find(h);
                HourBar bar{fmt::format("{:02}", h), 0, 0};
                if (it != by_hour.end()) {
                    bar.issued = it->second->issued;
                    bar.served = it->second->served;
                }
                v.hours.push_back(bar);
            }
    }

    const auto& categories = s.table(ReportGrouping::category);
    v.satisfaction_availability = availability_of(categories);
    if (categories.value) {
        for (const auto& [level, n] : categories.value->total.ratings.levels)
            v.levels.push_back(level);
        std::sort(v.levels.rbegin(), v.levels.rend());
        for (const auto& row : categories.value->rows) {
            SatisfactionBar bar;
            bar.label = category_label(data, row.key, row.label, lang);
            bar.count = row.ratings.count;
            for (const int level : v.levels) {
                const auto it = row.ratings.levels.find(level);
                bar.levels.emplace_back(level, it == row.ratings.levels.end() ? 0 : it->second);
            }
            v.satisfaction.push_back(std::move(bar));
        }
    }

    const auto& days = s.table(ReportGrouping::day);
    v.trend_availability = availability_of(days);
    if (days.value) {
        for (const auto& row : days.value->rows) {
            TrendPoint p;
            p.day = short_day(row.key);
            if (row.served > 0) p.mean_wait_s = row.wait_s.mean;
            if (row.ratings.count > 0) p.satisfied_pct = row.ratings.satisfied_pct;
            v.trend.push_back(std::move(p));
        }
    }
    return v;
}

}  // namespace motcua::kiosk
