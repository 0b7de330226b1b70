#pragma once
/// The reports dashboard's calls of the ward service (or the province hub), on the client thread:
/// the turnaround report in each grouping, the waits histogram, and the export files (CSV, Excel)
/// saved to a folder.
#include <boost/asio/awaitable.hpp>
#include <filesystem>
#include <string>
#include <string_view>

#include "kiosk/core/reports/report_data.hpp"
#include "kiosk/core/reports/report_period.hpp"
#include "kiosk/core/shell/http_client.hpp"
#include "kiosk/core/shell/ward_api.hpp"
#include "motcua/hub.hpp"

namespace motcua::kiosk {

/// CSV is the grouping on screen; Excel is one workbook with a sheet per grouping.
enum class ExportFormat { csv, xlsx };

/// "/api/v1/reports/turnaround?from=2026-11-23&to=2026-11-29&group_by=hour".
std::string turnaround_target(const ReportPeriod& period, ReportGrouping grouping);
/// "/api/v1/reports/waits?from=…&to=…".
std::string waits_target(const ReportPeriod& period);
/// The province hub's ranking of wards: "/api/v1/reports/overview?from=…&to=…".
std::string overview_target(const ReportPeriod& period);
/// The export's route: format=csv of `grouping`, or format=xlsx of every grouping (group_by=all).
std::string export_target(const ReportPeriod& period, ExportFormat format, ReportGrouping grouping);
/// "bao-cao-hour-2026-11-23-2026-11-29.csv", "bao-cao-tat-ca-2026-11-23-2026-11-29.xlsx": the
/// service's own names for the same files.
std::string export_file_name(const ReportPeriod& period, ExportFormat format,
                             ReportGrouping grouping);

boost::asio::awaitable<Result<TurnaroundReport>> fetch_turnaround(HttpClient& http, Token token,
                                                                  ReportPeriod period,
                                                                  ReportGrouping grouping);
/// A ward's appointments report by category: "/api/v1/reports/appointments?from=…&to=…".
std::string appointments_target(const ReportPeriod& period);
boost::asio::awaitable<Result<AppointmentReport>> fetch_appointment_report(HttpClient& http,
                                                                           Token token,
                                                                           ReportPeriod period);

/// A ward's wait-estimate accuracy by day (DESIGN.md §9):
/// "/api/v1/reports/estimates?from=…&to=…&group_by=day".
std::string estimates_target(const ReportPeriod& period);
boost::asio::awaitable<Result<EstimateReport>> fetch_estimate_report(HttpClient& http, Token token,
                                                                     ReportPeriod period);

boost::asio::awaitable<Result<WaitHistogram>> fetch_wait_histogram(HttpClient& http, Token token,
                                                                   ReportPeriod period);
boost::asio::awaitable<Result<hub::ProvinceOverview>> fetch_overview(HttpClient& http, Token token,
                                                                     ReportPeriod period);
/// The file's bytes as the service sent them.
boost::asio::awaitable<Result<std::string>> download_export(HttpClient& http, Token token,
                                                            ReportPeriod period,
                                                            ExportFormat format,
                                                            ReportGrouping grouping);

/// Writes `bytes` as `name` in `dir` (created if missing): to a temporary name, flushed, then
/// renamed, so the folder never holds half a report. An existing file is kept: the new one is
/// "name-2.csv", "name-3.csv"… Fails with code `save_failed` and a message naming the path.
Result<std::filesystem::path> save_export(const std::filesystem::path& dir, std::string_view name,
                                          std::string_view bytes);

}  // namespace motcua::kiosk

namespace motcua {

template <>
struct EnumNames<kiosk::ExportFormat> {
    static constexpr std::array<std::pair<kiosk::ExportFormat, std::string_view>, 2> names{
        {{kiosk::ExportFormat::csv, "csv"}, {kiosk::ExportFormat::xlsx, "xlsx"}}};
};

}  // namespace motcua
