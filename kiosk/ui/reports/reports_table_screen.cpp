#include "kiosk/ui/reports/reports_table_screen.hpp"

#include <algorithm>

#include "kiosk/ui/citizen/citizen_layout.hpp"
#include "kiosk/ui/reports/report_charts.hpp"
#include "kiosk/ui/reports/reports_text.hpp"

namespace motcua::kiosk::ui {

namespace {

/// With two tables (officers), the first takes at most this share of the page.
constexpr float kMainShare = 0.55F;
/// The estimates' table takes what its rows need, up to this share of the page; the chart the
/// rest.
constexpr float kEstimateTableShare = 0.6F;

}  // namespace

void page_state(UiFrame& ui, const Box& page, const Availability& a) {
    const Palette& c = ui.theme.colours;
    if (a.state == LoadState::failed) {
        const std::string text = reports_message_text(ui.tr, a.problem, "", MessagePlace::report);
        const float w = std::min(page.width(), ui.theme.content_max_width);
        const float h = notice_height(ui, w, text, ui.fonts.body);
        const ImVec2 m = page.centre();
        notice(ui, Box{{m.x - w / 2, m.y - h / 2}, {m.x + w / 2, m.y + h / 2}}, text,
               NoticeKind::error, ui.fonts.body);
        return;
    }
    label(ui, page, ui.tr(TextId::reports_loading), {ui.fonts.body, c.text_muted, Align::centre});
}

/// The page above a table: the load's state when there are no figures yet (false: nothing more to
/// draw), else a failed reload's notice and, when `empty` is given, that the period had nothing.
/// Takes the notices off the top of `page`.
bool figures_head(UiFrame& ui, Box& page, const Availability& a, std::optional<TextId> empty) {
    if (!a.has_figures) {
        page_state(ui, page, a);
        return false;
    }
    const auto band = [&](const std::string& text, NoticeKind kind) {
        const float h = notice_height(ui, page.width(), text, ui.fonts.small);
        notice(ui, take_top(page, h, ui.theme.gap / 2), text, kind, ui.fonts.small);
    };
    // A reload that failed leaves the last figures on screen, and says so above them.
    if (a.state == LoadState::failed)
        band(reports_message_text(ui.tr, a.problem, "", MessagePlace::report), NoticeKind::error);
    if (empty) band(ui.tr(*empty), NoticeKind::info);
    return true;
}

void ReportsTableScreen::draw(UiFrame& ui, const Box& page_in, const TableView& v,
                              const std::optional<ReportPeriod>& period) {
    const Theme& t = ui.theme;
    ui.a11y.set_screen("reports_table");
    if (!shown_ || shown_->first != v.grouping || shown_->second != period) {
        main_.reset_scroll();
        work_.reset_scroll();
        shown_ = std::pair{v.grouping, period};
    }
    Box page = page_in;
    const auto empty = v.no_tickets ? std::optional(TextId::reports_no_tickets) : std::nullopt;
    if (!figures_head(ui, page, v.availability, empty)) return;
    if (v.rows.empty() && v.no_tickets) return;  // nothing but zeros to show

    TableSpec main{"main",
                   ui.tr(grouping_heading(v.grouping)),
                   {kMainColumns.begin(), kMainColumns.end()},
                   &v.rows,
                   &v.total,
                   ui.tr(TextId::reports_total)};
    if (!v.work_total) {
        main_.draw(ui, page, main);
        return;
    }
    const float want = ReportTable::full_height(ui, page.width(), main);
    main_.draw(ui, take_top(page, std::min(want, page.height() * kMainShare), t.gap), main);
    const float heading_h = font_px(ui.fonts.body_bold);
    label(ui, take_top(page, heading_h, t.gap / 2), ui.tr(TextId::reports_work_heading),
          {ui.fonts.body_bold, t.colours.text, Align::left});
    TableSpec work{"work",
                   ui.tr(grouping_heading(v.grouping)),
                   {kWorkColumns.begin(), kWorkColumns.end()},
                   &v.work_rows,
                   &*v.work_total,
                   ui.tr(TextId::reports_total)};
    work_.draw(ui, page, work);
}

void ReportsAppointmentsScreen::draw(UiFrame& ui, const Box& page_in,
                                     const AppointmentsTableView& v) {
    ui.a11y.set_screen("reports_appointments");
    Box page = page_in;
    const auto empty = v.no_bookings ? std::optional(TextId::reports_no_bookings) : std::nullopt;
    if (!figures_head(ui, page, v.availability, empty)) return;
    if (v.rows.empty() && v.no_bookings) return;
    TableSpec spec{"appointments",
                   ui.tr(TextId::reports_col_category),
                   {kAppointmentColumns.begin(), kAppointmentColumns.end()},
                   &v.rows,
                   &v.total,
                   ui.tr(TextId::reports_total)};
    table_.draw(ui, page, spec);
}

void ReportsEstimatesScreen::draw(UiFrame& ui, const Box& page_in, const EstimatesView& v) {
    ui.a11y.set_screen("reports_estimates");
    Box page = page_in;
    const auto empty = v.no_tickets ? std::optional(TextId::reports_no_estimates) : std::nullopt;
    if (!figures_head(ui, page, v.availability, empty)) return;
    if (v.no_tickets) return;
    TableSpec spec{"estimates",
                   ui.tr(TextId::reports_col_day),
                   {kEstimateColumns.begin(), kEstimateColumns.end()},
                   &v.rows,
                   &v.total,
                   ui.tr(TextId::reports_total)};
    const float table_h = std::min(ReportTable::full_height(ui, page.width(), spec),
                                   page.height() * kEstimateTableShare);
    draw_estimates_chart(ui, take_top(page, page.height() - table_h - ui.theme.gap, ui.theme.gap),
                         v.availability, v.points);
    table_.draw(ui, page, spec);
}

}  // namespace motcua::kiosk::ui
