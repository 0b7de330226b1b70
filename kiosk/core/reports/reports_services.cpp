#include "kiosk/core/reports/reports_services.hpp"

#include <spdlog/spdlog.h>

#include <cstdlib>

#include "kiosk/core/shell/officer_login.hpp"

namespace motcua::kiosk {

namespace asio = boost::asio;

void LiveReportsServices::log_in(api::LoginRequest request, LoginDone done) {
    client_.post(
        [request = std::move(request), done = std::move(done), &queue = client_.ui_queue()](
            HttpClient& http, const ClientSettings&) -> asio::awaitable<void> {
            auto answer = co_await officer_login(http, request);
            queue.push([done, answer = std::move(answer)] { done(answer); });
        });
}

void LiveReportsServices::read_clock(ClockDone done) {
    client_.post([done = std::move(done), &queue = client_.ui_queue()](
                     HttpClient& http, const ClientSettings&) -> asio::awaitable<void> {
        auto now = co_await fetch_service_time(http);
        queue.push([done, now] { done(now); });
    });
}

void LiveReportsServices::fetch_turnaround(Token token, ReportPeriod period,
                                           ReportGrouping grouping, TurnaroundDone done) {
    client_.post([token = std::move(token), period, grouping, done = std::move(done),
                  &queue = client_.ui_queue()](HttpClient& http,
                                               const ClientSettings&) -> asio::awaitable<void> {
        auto report = co_await kiosk::fetch_turnaround(http, token, period, grouping);
        queue.push([done, report = std::move(report)] { done(report); });
    });
}

void LiveReportsServices::fetch_waits(Token token, ReportPeriod period, WaitsDone done) {
    client_.post(
        [token = std::move(token), period, done = std::move(done), &queue = client_.ui_queue()](
            HttpClient& http, const ClientSettings&) -> asio::awaitable<void> {
            auto waits = co_await fetch_wait_histogram(http, token, period);
            queue.push([done, waits = std::move(waits)] { done(waits); });
        });
}

void LiveReportsServices::fetch_appointments(Token token, ReportPeriod period,
                                             AppointmentsDone done) {
    client_.post(
        [token = std::move(token), period, done = std::move(done), &queue = client_.ui_queue()](
            HttpClient& http, const ClientSettings&) -> asio::awaitable<void> {
            auto report = co_await fetch_appointment_report(http, token, period);
            queue.push([done, report = std::move(report)] { done(report); });
        });
}

void LiveReportsServices::fetch_estimates(Token token, ReportPeriod period, EstimatesDone done) {
    client_.post(
        [token = std::move(token), period, done = std::move(done), &queue = client_.ui_queue()](
            HttpClient& http, const ClientSettings&) -> asio::awaitable<void> {
            auto report = co_await fetch_estimate_report(http, token, period);
            queue.push([done, report = std::move(report)] { done(report); });
        });
}

void LiveReportsServices::fetch_overview(Token token, ReportPeriod period, OverviewDone done) {
    client_.post(
        [token = std::move(token), period, done = std::move(done), &queue = client_.ui_queue()](
            HttpClient& http, const ClientSettings&) -> asio::awaitable<void> {
            auto overview = co_await kiosk::fetch_overview(http, token, period);
            queue.push([done, overview = std::move(overview)] { done(overview); });
        });
}

void LiveReportsServices::export_report(Token token, ReportPeriod period, ExportFormat format,
                                        ReportGrouping grouping, ExportDone done) {
    client_.post([token = std::move(token), period, format, grouping, dir = export_dir_,
                  done = std::move(done), &queue = client_.ui_queue()](
                     HttpClient& http, const ClientSettings&) -> asio::awaitable<void> {
        auto bytes = co_await download_export(http, token, period, format, grouping);
        Result<std::filesystem::path> saved =
            bytes ? save_export(dir, export_file_name(period, format, grouping), *bytes)
                  : Result<std::filesystem::path>(bytes.error());
        if (saved)
            spdlog::info("reports: saved {}", saved->string());
        else
            spdlog::warn("reports: export not saved: {} ({})", saved.error().message,
                         wire_name(saved.error().code));
        queue.push([done, saved = std::move(saved)] { done(saved); });
    });
}

void LiveReportsServices::use_token(std::string token, bool province) {
    // The hub has no categories of its own to read: its reports carry every label.
    if (province) return;
    link_.set_token(std::move(token));
    // The link starts with the first login: before it, every read would be refused (401).
    if (auto started = link_.start(); !started)
        spdlog::error("reports: ward link: {}", started.error().message);
}

std::filesystem::path default_export_dir() {
    const char* home = std::getenv("HOME");
    const std::filesystem::path base =
        home != nullptr && *home != '\0' ? std::filesystem::path(home) : std::filesystem::path(".");
    return base / "motcua-reports";
}

}  // namespace motcua::kiosk
