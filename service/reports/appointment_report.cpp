#include "reports/appointment_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <unordered_map>

#include "reports/export.hpp"
#include "reports/turnaround.hpp"

namespace motcua::reports {

namespace {

struct Tally {
    AppointmentCounts counts;
    std::vector<std::int64_t> punctuality;  // whole seconds

    void add(const Appointment& a, const Ticket* ticket, TimePoint slot_start) {
        ++counts.booked;
        switch (a.state) {
            case AppointmentState::cancelled:
                ++counts.cancelled;
                return;
            case AppointmentState::missed:
                ++counts.missed;
                return;
            case AppointmentState::booked:
                return;
            case AppointmentState::checked_in:
                break;
        }
        ++counts.checked_in;
        if (ticket == nullptr) return;
        if (ticket->state == TicketState::done) ++counts.served;
        if (ticket->called_at) {
            // From when the citizen could be called: the slot's start, or a late check-in.
            const TimePoint due = std::max(slot_start, a.checked_in_at.value_or(slot_start));
            punctuality.push_back(whole_seconds(to_epoch_ms(due), to_epoch_ms(*ticket->called_at)));
        }
    }

    [[nodiscard]] AppointmentRow row(std::string key, std::string label) {
        AppointmentRow r{std::move(key), std::move(label), counts, std::nullopt, std::nullopt};
        if (!punctuality.empty()) {
            std::sort(punctuality.begin(), punctuality.end());
            r.punctuality_p50_s = punctuality[nearest_rank(50, punctuality.size()) - 1];
            r.punctuality_p90_s = punctuality[nearest_rank(90, punctuality.size()) - 1];
        }
        return r;
    }
};

}  // namespace

AppointmentReport compute_appointment_report(const std::vector<Appointment>& bookings,
                                             const std::vector<Ticket>& tickets,
                                             const WardConfig& config, const OfficeZone& zone,
                                             Day from, Day to, AppointmentGrouping group_by) {
    std::unordered_map<std::string, const Ticket*> by_id;
    for (const auto& t : tickets) by_id[t.id] = &t;
    std::map<std::string, Tally> groups;  // by key
    Tally total;
    for (const Appointment& a : bookings) {
        if (date::sys_days(a.day) < date::sys_days(from) ||
            date::sys_days(a.day) > date::sys_days(to))
            continue;
        const Ticket* ticket = nullptr;
        if (a.ticket_id)
            if (auto it = by_id.find(*a.ticket_id); it != by_id.end()) ticket = it->second;
        const TimePoint start = zone.at_local(a.day, a.start);
        const std::string key =
            group_by == AppointmentGrouping::category ? a.category : format_day(a.day);
        groups[key].add(a, ticket, start);
        total.add(a, ticket, start);
    }
    AppointmentReport report;
    report.from = from;
    report.to = to;
    report.group_by = group_by;
    if (group_by == AppointmentGrouping::category) {
        for (const auto& c : config.categories) {
            auto it = groups.find(c.code);
            if (c.appointment_places <= 0 && it == groups.end()) continue;
            Tally t = it == groups.end() ? Tally{} : std::move(it->second);
            report.rows.push_back(t.row(c.code, c.name_vi));
            if (it != groups.end()) groups.erase(it);
        }
        // Bookings of a category that has left the config still count, under its code.
        for (auto& [key, t] : groups) report.rows.push_back(t.row(key, key));
    } else {
        for (auto d = date::sys_days(from); d <= date::sys_days(to); d += date::days{1}) {
            const std::string key = format_day(Day{d});
            auto it = groups.find(key);
            Tally t = it == groups.end() ? Tally{} : std::move(it->second);
            report.rows.push_back(t.row(key, key));
        }
    }
    report.total = total.row(std::string(kTotalKey), std::string(kTotalLabel));
    return report;
}

std::string appointment_report_csv(const AppointmentReport& report) {
    std::string out = "\xEF\xBB\xBF";  // BOM: Excel then reads the accents as UTF-8
    out += fmt::format("{},{},{},{},{},{},{},{},{}\r\n", csv_cell("Mã"),
                       csv_cell(report.group_by == AppointmentGrouping::day ? "Ngày" : "Lĩnh vực"),
                       csv_cell("Đã đặt"), csv_cell("Đã hủy"), csv_cell("Đã đến"),
                       csv_cell("Lỡ hẹn"), csv_cell("Đã phục vụ"), csv_cell("Đúng giờ p50 (giây)"),
                       csv_cell("Đúng giờ p90 (giây)"));
    const auto line = [&](const AppointmentRow& r) {
        const auto opt = [](const std::optional<std::int64_t>& v) {
            return v ? std::to_string(*v) : std::string();
        };
        out +=
            fmt::format("{},{},{},{},{},{},{},{},{}\r\n", csv_cell(r.key), csv_cell(r.label),
                        r.counts.booked, r.counts.cancelled, r.counts.checked_in, r.counts.missed,
                        r.counts.served, opt(r.punctuality_p50_s), opt(r.punctuality_p90_s));
    };
    for (const auto& r : report.rows) line(r);
    line(report.total);
    return out;
}

}  // namespace motcua::reports
