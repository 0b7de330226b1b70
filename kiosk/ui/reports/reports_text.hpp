#pragma once
/// The reports dashboard's words: tabs, periods, column headings, messages, period problems.
#include <string>
#include <string_view>

#include "kiosk/core/reports/reports_views.hpp"
#include "kiosk/ui/shell/translations.hpp"

namespace motcua::kiosk::ui {

/// "Theo lĩnh vực", ...
TextId grouping_tab(ReportGrouping g);
/// The first column's heading: "Lĩnh vực", "Quầy", "Cán bộ", "Ngày", "Giờ".
TextId grouping_heading(ReportGrouping g);
/// "Hôm nay", "Tuần này", "Tháng này", "Tùy chọn".
TextId period_text(PeriodKind kind);
/// A figure column's own heading ("Trung bình"), under its group's when it has one.
TextId column_heading(ReportColumn c);
/// The heading over a run of columns ("Thời gian chờ"); none for a column standing alone.
std::optional<TextId> column_group(ReportColumn c);
/// "Từ 23/11/2026 đến 29/11/2026", or "Ngày 23/11/2026" for one day.
std::string period_words(const Translator& tr, const ReportPeriod& period);
/// Where a message is said: a lost service is worded for what the officer was doing.
enum class MessagePlace { login, report, export_file };
/// The message in plain words; `detail` is a saved file's path or the export folder.
std::string reports_message_text(const Translator& tr, ReportsMessage message,
                                 const std::string& detail, MessagePlace place);
/// Why the typed period is not one; `from` and `to` are the texts as typed.
std::string period_problem_text(const Translator& tr, PeriodProblem problem,
                                const std::string& from, const std::string& to);

}  // namespace motcua::kiosk::ui
