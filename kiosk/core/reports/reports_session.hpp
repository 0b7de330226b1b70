#pragma once
/// The reports dashboard (--mode reports) as one state machine: UI thread, no ImGui. The
/// officer's login, the period (on the service's office day), the grouping on screen, the
/// reports of every grouping and the waits histogram with their loading states, and the exports.
/// Nothing here waits: requests go out as effects and come back through the on_* calls.
#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "kiosk/core/reports/report_data.hpp"
#include "kiosk/core/reports/report_period.hpp"
#include "kiosk/core/reports/reports_api.hpp"
#include "kiosk/core/shell/officer_login.hpp"
#include "motcua/api.hpp"
#include "motcua/hub.hpp"
#include "motcua/office_time.hpp"

namespace motcua::kiosk {

/// A slot per ReportGrouping value (the hub's `ward` included).
inline constexpr std::size_t kGroupingSlots = static_cast<std::size_t>(ReportGrouping::ward) + 1;

/// Screens; the a11y dump names them with reports_screen_name().
/// `overview` is the province hub's ranking of wards.
/// `appointments` is a ward's appointments report (DESIGN.md §10); `estimates` its wait
/// estimates' accuracy by day (DESIGN.md §9).
enum class ReportsScreen { login, table, charts, overview, appointments, estimates };
std::string_view reports_screen_name(ReportsScreen screen);

enum class LoadState { idle, loading, loaded, failed };

/// What the dashboard tells the officer: a refusal, a lost service, a saved file.
enum class ReportsMessage {
    none,
    // ---- failures ----------------------------------------------------------------------------
    unreachable,      // no answer (network, service down, timeout)
    bad_credentials,  // 401 at login
    login_locked,     // 429 at login
    session_expired,  // 401 after login: back to the login screen
    forbidden,        // 403: this account may not read reports
    refused,          // any other refusal, or an answer the dashboard cannot read
    save_failed,      // the export arrived but the file could not be written
    // ---- information -------------------------------------------------------------------------
    saved,  // the export is in {path}
};

[[nodiscard]] bool is_failure(ReportsMessage m);
/// The message for a failed request; `login` tells a refused password from an expired session.
ReportsMessage reports_message_for(const Error& error, bool login);

/// One report as the dashboard holds it: the last figures, and whether newer ones are coming.
template <typename T>
struct Loadable {
    LoadState state = LoadState::idle;
    std::optional<T> value;
    ReportsMessage problem = ReportsMessage::none;
    std::uint64_t request = 0;  // the answer awaited
};

namespace reports_cmd {
struct Login {
    std::string username;
    std::string password;
};
struct Logout {};
/// Today, this week, this month: loads at once. Custom: opens the two date fields.
struct ChoosePeriod {
    PeriodKind kind;
};
struct ApplyCustom {
    std::string from;
    std::string to;
};
struct ChooseGrouping {
    ReportGrouping grouping;
};
struct ShowCharts {};
/// The province hub's ranking of wards.
struct ShowOverview {};
/// A ward's appointments report: booked, cancelled, checked in, missed, served, punctuality.
struct ShowAppointments {};
/// A ward's wait estimates against the simple rule, day by day.
struct ShowEstimates {};
/// The province hub: the figures of one ward (its unit code), or of every ward (none).
struct ChooseWard {
    std::optional<std::string> ward;
};
/// The histogram shows every category, then each category that served someone, in turn.
struct NextHistogramCategory {};
struct Refresh {};
struct Export {
    ExportFormat format;
};
}  // namespace reports_cmd

using ReportsCommand =
    std::variant<reports_cmd::Login, reports_cmd::Logout, reports_cmd::ChoosePeriod,
                 reports_cmd::ApplyCustom, reports_cmd::ChooseGrouping, reports_cmd::ShowCharts,
                 reports_cmd::ShowOverview, reports_cmd::ShowAppointments,
                 reports_cmd::ShowEstimates, reports_cmd::ChooseWard,
                 reports_cmd::NextHistogramCategory, reports_cmd::Refresh, reports_cmd::Export>;

/// One report to fetch: a grouping of the turnaround report, or (no grouping) the waits, or the
/// province's ranking of wards.
struct ReportFetch {
    std::uint64_t id = 0;
    ReportPeriod period;
    std::optional<ReportGrouping> grouping;
    bool overview = false;
    bool appointments = false;  // GET /reports/appointments (a ward's)
    bool estimates = false;     // GET /reports/estimates by day (a ward's)
};
struct ExportJob {
    std::uint64_t id = 0;
    ReportPeriod period;
    ExportFormat format = ExportFormat::csv;
    ReportGrouping grouping = ReportGrouping::category;
};

/// What must happen outside the session.
struct ReportsEffects {
    std::optional<LoginJob> login;
    /// Read the service's clock (its office day is "today"); the answer goes to on_clock.
    std::optional<std::uint64_t> read_clock;
    /// In order: the grouping on screen first.
    std::vector<ReportFetch> fetches;
    std::optional<ExportJob> export_job;
    /// Logged in: the ward link reads the categories (their English names) with this token.
    std::optional<std::string> token;
};

struct ReportsSettings {
    OfficeZone zone;
    /// Where exports are saved (said when a file cannot be written there).
    std::filesystem::path export_dir;
};

class ReportsSession {
public:
    explicit ReportsSession(ReportsSettings settings) : settings_(std::move(settings)) {}

    [[nodiscard]] ReportsScreen screen() const { return screen_; }
    [[nodiscard]] const std::optional<api::LoginResponse>& officer() const {
        return login_.officer();
    }
    [[nodiscard]] bool login_pending() const { return login_.pending(); }
    [[nodiscard]] PeriodKind period_kind() const { return kind_; }
    /// The period of the figures on screen (or being loaded); none before the first clock.
    [[nodiscard]] const std::optional<ReportPeriod>& period() const { return period_; }
    /// The service's time when the figures were asked for.
    [[nodiscard]] const std::optional<TimePoint>& as_of() const { return as_of_; }
    [[nodiscard]] const std::optional<Day>& today() const { return today_; }
    [[nodiscard]] ReportGrouping grouping() const { return grouping_; }
    [[nodiscard]] const Loadable<TurnaroundReport>& table(ReportGrouping g) const {
        return tables_.at(static_cast<std::size_t>(g));
    }
    [[nodiscard]] const Loadable<WaitHistogram>& waits() const { return waits_; }
    /// Logged in to a province hub (a province or ward_viewer account), not a ward service.
    [[nodiscard]] bool province() const { return province_; }
    /// The tabs: a ward's five groupings, or the hub's (ward, category, day, hour).
    [[nodiscard]] std::span<const ReportGrouping> groupings() const;
    [[nodiscard]] const Loadable<hub::ProvinceOverview>& overview() const { return overview_; }
    /// The ward's appointments report by category (a ward service only).
    [[nodiscard]] const Loadable<AppointmentReport>& appointments() const { return appointments_; }
    /// The ward's wait-estimate accuracy by day (a ward service only).
    [[nodiscard]] const Loadable<EstimateReport>& estimates() const { return estimates_; }
    /// The ward the figures cover on the hub; none: every ward the account sees.
    [[nodiscard]] const std::optional<std::string>& ward() const { return ward_; }
    /// The ward's name, from the ranking (its code when the ranking has not come yet).
    [[nodiscard]] std::string ward_name(const std::string& code) const;
    /// May choose a ward (a province account; a ward_viewer sees its own only).
    [[nodiscard]] bool can_choose_ward() const;
    /// Waiting for the clock or any report.
    [[nodiscard]] bool busy() const;
    /// The histogram's category: 0 = every category, n = the waits report's n-th category.
    [[nodiscard]] std::size_t histogram_choice() const { return histogram_choice_; }
    /// The custom fields are open (Tùy chọn), with the texts they start from.
    [[nodiscard]] bool custom_open() const { return custom_open_; }
    [[nodiscard]] const std::string& custom_from() const { return custom_from_; }
    [[nodiscard]] const std::string& custom_to() const { return custom_to_; }
    [[nodiscard]] const std::optional<PeriodProblem>& custom_problem() const {
        return custom_problem_;
    }
    [[nodiscard]] ReportsMessage message() const { return message_; }
    /// A saved file's path, or the folder that could not be written.
    [[nodiscard]] const std::string& message_detail() const { return detail_; }
    [[nodiscard]] std::optional<ExportFormat> exporting() const;
    [[nodiscard]] bool can_export() const;

    ReportsEffects apply(const ReportsCommand& command);
    ReportsEffects on_login(std::uint64_t id, const Result<api::LoginResponse>& answer);
    ReportsEffects on_clock(std::uint64_t id, const Result<TimePoint>& service_now);
    void on_turnaround(std::uint64_t id, const Result<TurnaroundReport>& answer);
    void on_waits(std::uint64_t id, const Result<WaitHistogram>& answer);
    void on_overview(std::uint64_t id, const Result<hub::ProvinceOverview>& answer);
    void on_appointments(std::uint64_t id, const Result<AppointmentReport>& answer);
    void on_estimates(std::uint64_t id, const Result<EstimateReport>& answer);
    void on_export(std::uint64_t id, const Result<std::filesystem::path>& answer);

private:
    ReportsEffects load();
    void fetch_all(ReportsEffects& out);
    /// A refused or failed answer: the problem on `slot`, or back to the login when the session
    /// expired. True when the officer was signed out.
    bool failed(const Error& error, LoadState& state, ReportsMessage& problem);
    void say(ReportsMessage m, std::string detail = {});
    void logout();

    ReportsSettings settings_;
    ReportsScreen screen_ = ReportsScreen::login;
    OfficerLogin login_;
    std::uint64_t next_id_ = 1;
    std::uint64_t clock_request_ = 0;
    PeriodKind kind_ = PeriodKind::today;
    std::optional<ReportPeriod> custom_period_;
    std::optional<ReportPeriod> period_;
    std::optional<TimePoint> as_of_;
    std::optional<Day> today_;
    ReportGrouping grouping_ = ReportGrouping::category;
    std::array<Loadable<TurnaroundReport>, kGroupingSlots> tables_{};  // by ReportGrouping value
    Loadable<WaitHistogram> waits_;
    Loadable<hub::ProvinceOverview> overview_;
    Loadable<AppointmentReport> appointments_;
    Loadable<EstimateReport> estimates_;
    bool province_ = false;
    std::optional<std::string> ward_;
    std::size_t histogram_choice_ = 0;
    bool custom_open_ = false;
    std::string custom_from_;
    std::string custom_to_;
    std::optional<PeriodProblem> custom_problem_;
    ReportsMessage message_ = ReportsMessage::none;
    std::string detail_;
    std::optional<ExportJob> export_;
};

}  // namespace motcua::kiosk

namespace motcua {

template <>
struct EnumNames<kiosk::ReportsMessage> {
    using M = kiosk::ReportsMessage;
    static constexpr std::array<std::pair<M, std::string_view>, 9> names{{
        {M::none, "none"},
        {M::unreachable, "unreachable"},
        {M::bad_credentials, "bad_credentials"},
        {M::login_locked, "login_locked"},
        {M::session_expired, "session_expired"},
        {M::forbidden, "forbidden"},
        {M::refused, "refused"},
        {M::save_failed, "save_failed"},
        {M::saved, "saved"},
    }};
};

}  // namespace motcua
