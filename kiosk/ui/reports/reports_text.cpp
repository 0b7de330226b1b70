#include "kiosk/ui/reports/reports_text.hpp"

#include "kiosk/core/reports/vn_format.hpp"

namespace motcua::kiosk::ui {

TextId grouping_tab(ReportGrouping g) {
    switch (g) {
        case ReportGrouping::category:
            return TextId::reports_tab_category;
        case ReportGrouping::counter:
            return TextId::reports_tab_counter;
        case ReportGrouping::officer:
            return TextId::reports_tab_officer;
        case ReportGrouping::day:
            return TextId::reports_tab_day;
        case ReportGrouping::hour:
            return TextId::reports_tab_hour;
        case ReportGrouping::ward:
            return TextId::reports_tab_ward;
    }
    return TextId::reports_tab_category;
}

TextId grouping_heading(ReportGrouping g) {
    switch (g) {
        case ReportGrouping::category:
            return TextId::reports_col_category;
        case ReportGrouping::counter:
            return TextId::reports_col_counter;
        case ReportGrouping::officer:
            return TextId::reports_col_officer;
        case ReportGrouping::day:
            return TextId::reports_col_day;
        case ReportGrouping::hour:
            return TextId::reports_col_hour;
        case ReportGrouping::ward:
            return TextId::reports_col_ward;
    }
    return TextId::reports_col_category;
}

TextId period_text(PeriodKind kind) {
    switch (kind) {
        case PeriodKind::today:
            return TextId::reports_period_today;
        case PeriodKind::week:
            return TextId::reports_period_week;
        case PeriodKind::month:
            return TextId::reports_period_month;
        case PeriodKind::custom:
            return TextId::reports_period_custom;
    }
    return TextId::reports_period_today;
}

TextId column_heading(ReportColumn c) {
    using C = ReportColumn;
    switch (c) {
        case C::issued:
            return TextId::reports_col_issued;
        case C::served:
            return TextId::reports_col_served;
        case C::no_show:
            return TextId::reports_col_no_show;
        case C::expired:
            return TextId::reports_col_expired;
        case C::wait_mean:
            return TextId::reports_col_mean;
        case C::wait_p50:
            return TextId::reports_col_p50;
        case C::wait_p90:
            return TextId::reports_col_p90;
        case C::wait_max:
            return TextId::reports_col_max;
        case C::service_mean:
            return TextId::reports_col_service_mean;
        case C::within_target:
            return TextId::reports_col_within_target;
        case C::ratings_count:
            return TextId::reports_col_ratings_count;
        case C::satisfied:
            return TextId::reports_col_satisfied;
        case C::open_time:
            return TextId::reports_col_open;
        case C::serving_time:
            return TextId::reports_col_serving;
        case C::idle_time:
            return TextId::reports_col_idle;
        case C::idle_waiting:
            return TextId::reports_col_idle_waiting;
        case C::booked:
            return TextId::reports_col_booked;
        case C::cancelled:
            return TextId::reports_col_cancelled;
        case C::checked_in:
            return TextId::reports_col_checked_in;
        case C::missed:
            return TextId::reports_col_missed;
        case C::booked_served:
            return TextId::reports_col_served;
        case C::punctuality_p50:
            return TextId::reports_col_p50;
        case C::punctuality_p90:
            return TextId::reports_col_p90;
        case C::est_tickets:
            return TextId::reports_col_est_tickets;
        case C::est_mae:
        case C::base_mae:
            return TextId::reports_col_mae;
        case C::est_bias:
        case C::base_bias:
            return TextId::reports_col_bias;
        case C::est_within:
            return TextId::reports_col_within_range;
        case C::est_late:
        case C::base_late:
            return TextId::reports_col_late;
    }
    return TextId::reports_col_issued;
}

std::optional<TextId> column_group(ReportColumn c) {
    using C = ReportColumn;
    switch (c) {
        case C::issued:
        case C::served:
        case C::no_show:
        case C::expired:
            return TextId::reports_group_tickets;
        case C::wait_mean:
        case C::wait_p50:
        case C::wait_p90:
        case C::wait_max:
            return TextId::reports_group_wait;
        case C::ratings_count:
        case C::satisfied:
            return TextId::reports_group_ratings;
        case C::booked:
        case C::cancelled:
        case C::checked_in:
        case C::missed:
        case C::booked_served:
            return TextId::reports_group_bookings;
        case C::punctuality_p50:
        case C::punctuality_p90:
            return TextId::reports_group_punctuality;
        case C::est_mae:
        case C::est_bias:
        case C::est_within:
        case C::est_late:
            return TextId::reports_group_estimate;
        case C::base_mae:
        case C::base_bias:
        case C::base_late:
            return TextId::reports_group_baseline;
        case C::service_mean:
        case C::within_target:
        case C::est_tickets:
        case C::open_time:
        case C::serving_time:
        case C::idle_time:
        case C::idle_waiting:
            break;
    }
    return std::nullopt;
}

std::string period_words(const Translator& tr, const ReportPeriod& period) {
    if (period.from == period.to)
        return tr.format(TextId::reports_range_day, fmt::arg("day", format_day_vn(period.from)));
    return tr.format(TextId::reports_range, fmt::arg("from", format_day_vn(period.from)),
                     fmt::arg("to", format_day_vn(period.to)));
}

std::string reports_message_text(const Translator& tr, ReportsMessage message,
                                 const std::string& detail, MessagePlace place) {
    using M = ReportsMessage;
    switch (message) {
        case M::none:
            return {};
        case M::unreachable:
            switch (place) {
                case MessagePlace::login:
                    return tr(TextId::msg_unreachable);
                case MessagePlace::export_file:
                    return tr(TextId::reports_msg_export_unreachable);
                case MessagePlace::report:
                    break;
            }
            return tr(TextId::reports_msg_unreachable);
        case M::bad_credentials:
            return tr(TextId::msg_bad_credentials);
        case M::login_locked:
            return tr(TextId::msg_login_locked);
        case M::session_expired:
            return tr(TextId::msg_session_expired);
        case M::forbidden:
            return tr(TextId::reports_msg_forbidden);
        case M::refused:
            return tr(TextId::reports_msg_refused);
        case M::save_failed:
            return tr.format(TextId::reports_msg_save_failed, fmt::arg("path", detail));
        case M::saved:
            return tr.format(TextId::reports_msg_saved, fmt::arg("path", detail));
    }
    return tr(TextId::reports_msg_refused);
}

std::string period_problem_text(const Translator& tr, PeriodProblem problem,
                                const std::string& from, const std::string& to) {
    using P = PeriodProblem;
    switch (problem) {
        case P::from_empty:
            return tr(TextId::reports_period_from_empty);
        case P::from_malformed:
            return tr.format(TextId::reports_period_from_malformed, fmt::arg("text", from));
        case P::from_no_such_date:
            return tr.format(TextId::reports_period_from_no_such_date, fmt::arg("text", from));
        case P::to_malformed:
            return tr.format(TextId::reports_period_to_malformed, fmt::arg("text", to));
        case P::to_no_such_date:
            return tr.format(TextId::reports_period_to_no_such_date, fmt::arg("text", to));
        case P::to_before_from:
            return tr(TextId::reports_period_to_before_from);
        case P::too_long:
            return tr.format(
                TextId::reports_period_too_long,
                fmt::arg("days", format_count(kMaxReportDays, number_style(tr.language()))));
    }
    return {};
}

}  // namespace motcua::kiosk::ui
