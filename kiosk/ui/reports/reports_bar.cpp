#include "kiosk/ui/reports/reports_bar.hpp"

#include <algorithm>
#include <cstring>
#include <span>

#include "kiosk/ui/citizen/citizen_layout.hpp"
#include "kiosk/ui/counter/console_widgets.hpp"
#include "kiosk/ui/reports/report_widgets.hpp"
#include "kiosk/ui/reports/reports_text.hpp"
#include "kiosk/ui/shell/shell_chrome.hpp"

namespace motcua::kiosk::ui {

namespace {

constexpr std::array kPeriods{PeriodKind::today, PeriodKind::week, PeriodKind::month,
                              PeriodKind::custom};

void copy_text(std::span<char> buffer, const std::string& text) {
    std::fill(buffer.begin(), buffer.end(), '\0');
    std::copy_n(text.begin(), std::min(text.size(), buffer.size() - 1), buffer.begin());
}

bool away(const ShellView& view) {
    return view.connection == ConnectionState::unavailable ||
           view.connection == ConnectionState::incompatible;
}

}  // namespace

Box ReportsBar::draw(UiFrame& ui, const ShellView& view, const ReportsBarView& v,
                     ReportsCommands& out) {
    const Theme& t = ui.theme;
    draw_header(ui, view, ui.tr(TextId::mode_reports_title));
    Box page{{t.gap, header_height(ui) + t.gap},
             {ui.display.x - t.gap, ui.display.y - t.footer_height - t.gap}};
    draw_actions_rows(ui, page, v, out);
    draw_tabs_row(ui, page, v, out);
    if (v.ward_name) draw_ward_row(ui, page, v, out);
    if (v.custom_open) {
        draw_custom_row(ui, page, v, out);
    } else {
        was_open_ = false;
    }
    const auto band = [&](const std::string& text, NoticeKind kind) {
        const float h = notice_height(ui, page.width(), text, ui.fonts.small);
        notice(ui, take_top(page, h, t.gap / 2), text, kind, ui.fonts.small);
    };
    if (away(view)) band(ui.tr(TextId::reports_link_lost), NoticeKind::error);
    // On the dashboard every message is an export's: a lost service is said as such.
    if (v.message != ReportsMessage::none)
        band(reports_message_text(ui.tr, v.message, v.message_detail, MessagePlace::export_file),
             is_failure(v.message) ? NoticeKind::error : NoticeKind::info);
    return page;
}

void ReportsBar::draw_actions_rows(UiFrame& ui, Box& page, const ReportsBarView& v,
                                   ReportsCommands& out) {
    const Theme& t = ui.theme;
    const float h = t.report_control_h;
    const float gap = t.gap / 2;
    float left_w = 0;
    for (const PeriodKind k : kPeriods)
        left_w += tool_button_width(ui, ui.tr(period_text(k))) + gap;
    const std::string& exporting = ui.tr(TextId::reports_exporting);
    const auto export_w = [&](TextId id) {
        return std::max(tool_button_width(ui, ui.tr(id)), tool_button_width(ui, exporting));
    };
    const float refresh_w = tool_button_width(ui, ui.tr(TextId::reports_refresh));
    const float csv_w = export_w(TextId::reports_export_csv);
    const float xlsx_w = export_w(TextId::reports_export_excel);
    const float logout_w = tool_button_width(ui, ui.tr(TextId::action_logout));
    const float right_w = refresh_w + csv_w + xlsx_w + logout_w + 3 * gap;

    Box row = take_top(page, h, gap);
    float x = row.min.x;
    for (const PeriodKind k : kPeriods) {
        const std::string& text = ui.tr(period_text(k));
        const float w = tool_button_width(ui, text);
        const std::string id = "##period-" + std::string(to_string(k));
        if (tool_button(ui, id.c_str(), Box{{x, row.min.y}, {x + w, row.max.y}}, text, v.kind == k))
            out.emplace_back(reports_cmd::ChoosePeriod{k});
        x += w + gap;
    }
    // The actions at the right end of the same row when they fit, else of a row of their own.
    if (left_w + t.gap + right_w > row.width()) row = take_top(page, h, gap);
    x = row.max.x - right_w;
    const auto action = [&](const char* id, float w, const std::string& text, bool enabled) {
        const Box box{{x, row.min.y}, {x + w, row.max.y}};
        x += w + gap;
        return tool_button(ui, id, box, text, false, enabled);
    };
    if (action("##refresh", refresh_w, ui.tr(TextId::reports_refresh), v.can_refresh))
        out.emplace_back(reports_cmd::Refresh{});
    const bool csv_out = v.exporting == ExportFormat::csv;
    const bool xlsx_out = v.exporting == ExportFormat::xlsx;
    if (action("##export-csv", csv_w, csv_out ? exporting : ui.tr(TextId::reports_export_csv),
               v.can_export))
        out.emplace_back(reports_cmd::Export{ExportFormat::csv});
    if (action("##export-xlsx", xlsx_w, xlsx_out ? exporting : ui.tr(TextId::reports_export_excel),
               v.can_export))
        out.emplace_back(reports_cmd::Export{ExportFormat::xlsx});
    if (action("##logout", logout_w, ui.tr(TextId::action_logout), true))
        out.emplace_back(reports_cmd::Logout{});
}

void ReportsBar::draw_tabs_row(UiFrame& ui, Box& page, const ReportsBarView& v,
                               ReportsCommands& out) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    const Box row = take_top(page, t.report_control_h, t.gap / 2);
    ui.draw->AddRectFilled({row.min.x, row.max.y - t.rule}, row.max, c.rule);
    float x = row.min.x;
    const auto tab = [&](const char* id, const std::string& text, bool selected) {
        const float w = tab_width(ui, text);
        const bool tapped =
            tab_button(ui, id, Box{{x, row.min.y}, {x + w, row.max.y}}, text, selected);
        x += w;
        return tapped;
    };
    if (v.province && tab("##tab-overview", ui.tr(TextId::reports_tab_overview),
                          v.screen == ReportsScreen::overview))
        out.emplace_back(reports_cmd::ShowOverview{});
    for (const ReportGrouping g : v.groupings) {
        const std::string id = "##tab-" + std::string(to_string(g));
        if (tab(id.c_str(), ui.tr(grouping_tab(g)),
                v.screen == ReportsScreen::table && v.grouping == g))
            out.emplace_back(reports_cmd::ChooseGrouping{g});
    }
    if (tab("##tab-charts", ui.tr(TextId::reports_tab_charts), v.screen == ReportsScreen::charts))
        out.emplace_back(reports_cmd::ShowCharts{});
    // A ward's bookings (DESIGN.md §10); the province hub does not project them.
    if (!v.province && tab("##tab-appointments", ui.tr(TextId::reports_tab_appointments),
                           v.screen == ReportsScreen::appointments))
        out.emplace_back(reports_cmd::ShowAppointments{});
    // How good the wait estimates were (DESIGN.md §9): a ward's, or the hub's over its wards.
    if (tab("##tab-estimates", ui.tr(TextId::reports_tab_estimates),
            v.screen == ReportsScreen::estimates))
        out.emplace_back(reports_cmd::ShowEstimates{});

    // What the figures are: their period and when the service gave them.
    std::string status;
    if (v.period) status = period_words(ui.tr, *v.period);
    const auto add = [&](const std::string& part) {
        if (!status.empty()) status += " · ";
        status += part;
    };
    if (!v.as_of.empty()) add(ui.tr.format(TextId::reports_as_of, fmt::arg("time", v.as_of)));
    if (v.busy) add(ui.tr(TextId::reports_loading));
    if (status.empty()) return;
    const TextStyle style{ui.fonts.small, c.text_muted, Align::right};
    const Box rest{{x + t.gap, row.min.y}, row.max};
    if (fit_width(ui.fonts.small, status) <= rest.width()) {
        label(ui, rest, status, style);
        return;
    }
    label(ui, take_top(page, font_px(ui.fonts.small), t.gap / 2), status,
          {ui.fonts.small, c.text_muted, Align::left});
}

void ReportsBar::draw_ward_row(UiFrame& ui, Box& page, const ReportsBarView& v,
                               ReportsCommands& out) {
    // The one ward the figures cover, and the way back to every ward.
    const Theme& t = ui.theme;
    const Box row = take_top(page, t.report_control_h, t.gap / 2);
    const std::string scope =
        ui.tr.format(TextId::reports_ward_scope, fmt::arg("ward", *v.ward_name));
    const float w = fit_width(ui.fonts.body_bold, scope);
    label(ui, Box{row.min, {row.min.x + w, row.max.y}}, scope,
          {ui.fonts.body_bold, t.colours.text, Align::left});
    if (!v.can_choose_ward) return;
    const std::string& all = ui.tr(TextId::reports_all_wards);
    const float x = row.min.x + w + t.gap;
    if (tool_button(ui, "##all-wards",
                    Box{{x, row.min.y}, {x + tool_button_width(ui, all), row.max.y}}, all, false))
        out.emplace_back(reports_cmd::ChooseWard{std::nullopt});
}

void ReportsBar::apply_custom(ReportsCommands& out) {
    out.emplace_back(reports_cmd::ApplyCustom{from_.data(), to_.data()});
}

void ReportsBar::draw_custom_row(UiFrame& ui, Box& page, const ReportsBarView& v,
                                 ReportsCommands& out) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    if (!was_open_) {
        // Opened: the fields start from the period on screen, the first one with the keyboard.
        copy_text(from_, v.custom_from);
        copy_text(to_, v.custom_to);
        focus_ = Focus::from;
        was_open_ = true;
    }
    const float h = t.report_control_h;
    const float gap = t.gap / 2;
    Box row = take_top(page, h, gap);
    float x = row.min.x;
    const auto field = [&](TextId name, const char* id, std::span<char> buffer, Focus mine) {
        const std::string& words = ui.tr(name);
        const float lw = fit_width(ui.fonts.body, words);
        label(ui, Box{{x, row.min.y}, {x + lw, row.max.y}}, words,
              {ui.fonts.body, c.text, Align::left});
        x += lw + gap;
        const Box box{{x, row.min.y}, {x + t.report_field_w, row.max.y}};
        x += t.report_field_w + t.gap;
        const bool focus = focus_ == mine;
        if (focus) focus_ = Focus::none;
        return text_field(ui, id, box, words, buffer.data(), buffer.size(), false, focus);
    };
    if (field(TextId::reports_from, "##report-from", from_, Focus::from).submitted)
        focus_ = Focus::to;
    if (field(TextId::reports_to, "##report-to", to_, Focus::to).submitted) apply_custom(out);
    const std::string& apply = ui.tr(TextId::reports_apply);
    const float aw = std::max(tool_button_width(ui, apply), 2 * h);
    if (tool_button(ui, "##apply", Box{{x, row.min.y}, {x + aw, row.max.y}}, apply, true))
        apply_custom(out);
    x += aw + t.gap;

    // Beside the fields: how to type a date, or why the typed one is not a period.
    const bool problem = v.custom_problem.has_value();
    const std::string text =
        problem ? period_problem_text(ui.tr, *v.custom_problem, v.custom_from, v.custom_to)
                : ui.tr(TextId::reports_date_hint);
    const TextStyle style{ui.fonts.small, problem ? c.error_text : c.text_muted, Align::left};
    Box beside{{x, row.min.y}, row.max};
    if (paragraph_height(ui.fonts.small, text, beside.width()) > h || beside.width() < h) {
        beside = take_top(page, paragraph_height(ui.fonts.small, text, page.width()), gap);
    } else {
        const float ph = paragraph_height(ui.fonts.small, text, beside.width());
        beside.min.y = row.centre().y - ph / 2;
    }
    paragraph(ui, beside, text, style);
}

}  // namespace motcua::kiosk::ui
