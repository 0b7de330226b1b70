#pragma once
/// What the reports dashboard needs done away from the UI thread: the login, the service's
/// clock, the reports, and the exports written to the export folder. Callbacks run on the UI
/// thread. Tests substitute a fake; the live one runs everything on the client thread.
#include <filesystem>
#include <functional>
#include <string>

#include "kiosk/core/reports/report_data.hpp"
#include "kiosk/core/reports/report_period.hpp"
#include "kiosk/core/reports/reports_api.hpp"
#include "kiosk/core/shell/client_thread.hpp"
#include "kiosk/core/shell/ward_link.hpp"

namespace motcua::kiosk {

class ReportsServices {
public:
    using LoginDone = std::function<void(const Result<api::LoginResponse>&)>;
    using ClockDone = std::function<void(const Result<TimePoint>&)>;
    using TurnaroundDone = std::function<void(const Result<TurnaroundReport>&)>;
    using WaitsDone = std::function<void(const Result<WaitHistogram>&)>;
    using OverviewDone = std::function<void(const Result<hub::ProvinceOverview>&)>;
    using AppointmentsDone = std::function<void(const Result<AppointmentReport>&)>;
    using EstimatesDone = std::function<void(const Result<EstimateReport>&)>;
    using ExportDone = std::function<void(const Result<std::filesystem::path>&)>;

    ReportsServices() = default;
    virtual ~ReportsServices() = default;
    ReportsServices(const ReportsServices&) = delete;
    ReportsServices& operator=(const ReportsServices&) = delete;

    virtual void log_in(api::LoginRequest request, LoginDone done) = 0;
    virtual void read_clock(ClockDone done) = 0;
    virtual void fetch_turnaround(Token token, ReportPeriod period, ReportGrouping grouping,
                                  TurnaroundDone done) = 0;
    virtual void fetch_waits(Token token, ReportPeriod period, WaitsDone done) = 0;
    /// The province hub's ranking of wards.
    virtual void fetch_overview(Token token, ReportPeriod period, OverviewDone done) = 0;
    /// A ward's appointments report by category.
    virtual void fetch_appointments(Token token, ReportPeriod period, AppointmentsDone done) = 0;
    /// A ward's wait-estimate accuracy by day.
    virtual void fetch_estimates(Token token, ReportPeriod period, EstimatesDone done) = 0;
    /// Downloads the export and saves it in the export folder.
    virtual void export_report(Token token, ReportPeriod period, ExportFormat format,
                               ReportGrouping grouping, ExportDone done) = 0;
    /// Logged in: the categories (their English names) are read with this token from now on
    /// (from a ward service; a province hub has none of its own).
    virtual void use_token(std::string token, bool province) = 0;
};

/// The real services: requests run one at a time on the client thread's command connection, in
/// the order asked (the grouping on screen first); files are written there too, never on the UI
/// thread.
class LiveReportsServices final : public ReportsServices {
public:
    LiveReportsServices(ClientThread& client, WardLink& link, std::filesystem::path export_dir)
        : client_(client), link_(link), export_dir_(std::move(export_dir)) {}

    void log_in(api::LoginRequest request, LoginDone done) override;
    void read_clock(ClockDone done) override;
    void fetch_turnaround(Token token, ReportPeriod period, ReportGrouping grouping,
                          TurnaroundDone done) override;
    void fetch_waits(Token token, ReportPeriod period, WaitsDone done) override;
    void fetch_overview(Token token, ReportPeriod period, OverviewDone done) override;
    void fetch_appointments(Token token, ReportPeriod period, AppointmentsDone done) override;
    void fetch_estimates(Token token, ReportPeriod period, EstimatesDone done) override;
    void export_report(Token token, ReportPeriod period, ExportFormat format,
                       ReportGrouping grouping, ExportDone done) override;
    void use_token(std::string token, bool province) override;

private:
    ClientThread& client_;
    WardLink& link_;
    std::filesystem::path export_dir_;
};

/// `~/motcua-reports` ($HOME; the current directory when there is none).
std::filesystem::path default_export_dir();

}  // namespace motcua::kiosk
