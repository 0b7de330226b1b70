#include "kiosk/core/reports/reports_api.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "motcua/office_time.hpp"

namespace motcua::kiosk {

namespace asio = boost::asio;
namespace fs = std::filesystem;

namespace {

/// A report over a ward-year is tens of milliseconds, a city month half a second (see
/// docs/performance.md); a slow disk's first read may take several. Beyond this the officer is
/// better told and lets it be tried again.
constexpr std::chrono::milliseconds kReportTimeout{15000};
/// The Excel workbook holds every grouping: five reports in one answer.
constexpr std::chrono::milliseconds kExportTimeout{30000};
/// "-2" .. "-999": past that the folder needs tidying, not another name.
constexpr int kMaxNameSuffix = 999;

std::string period_query(const ReportPeriod& p) {
    std::string q = "from=" + format_day(p.from) + "&to=" + format_day(p.to);
    if (p.ward) q += "&ward=" + *p.ward;  // unit codes are digits, dots and letters: no escaping
    return q;
}

asio::awaitable<Result<HttpResponse>> get(HttpClient& http, Token token, std::string target,
                                          std::chrono::milliseconds timeout) {
    HttpRequest req;
    req.target = std::move(target);
    req.bearer_token = std::move(token);
    req.timeout = timeout;
    auto res = co_await http.request(std::move(req));
    if (!res) co_return res.error();
    if (!res->success()) co_return error_of(*res);
    co_return std::move(*res);
}

Error save_error(const fs::path& path, const std::string& why) {
    return make_error(ErrorCode::save_failed, "cannot write " + path.string() + ": " + why);
}

/// Writes and flushes `bytes` to `path` (which must not exist yet).
Status write_new_file(const fs::path& path, std::string_view bytes) {
    std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "wbx"), &std::fclose);
    if (!f) return save_error(path, std::strerror(errno));
    const bool written = std::fwrite(bytes.data(), 1, bytes.size(), f.get()) == bytes.size() &&
                         std::fflush(f.get()) == 0 && ::fsync(fileno(f.get())) == 0;
    if (!written) {
        const std::string why = std::strerror(errno);
        f.reset();
        std::error_code ignored;
        fs::remove(path, ignored);
        return save_error(path, why);
    }
    if (std::fclose(f.release()) != 0) return save_error(path, std::strerror(errno));
    return Ok{};
}

}  // namespace

std::string turnaround_target(const ReportPeriod& period, ReportGrouping grouping) {
    return api_target("/reports/turnaround?" + period_query(period) +
                      "&group_by=" + std::string(to_string(grouping)));
}

std::string waits_target(const ReportPeriod& period) {
    return api_target("/reports/waits?" + period_query(period));
}

std::string appointments_target(const ReportPeriod& period) {
    return api_target("/reports/appointments?" + period_query(period) + "&group_by=category");
}

std::string estimates_target(const ReportPeriod& period) {
    return api_target("/reports/estimates?" + period_query(period) + "&group_by=day");
}

std::string export_target(const ReportPeriod& period, ExportFormat format,
                          ReportGrouping grouping) {
    const std::string group =
        format == ExportFormat::xlsx ? std::string("all") : std::string(to_string(grouping));
    return api_target("/reports/turnaround?" + period_query(period) + "&group_by=" + group +
                      "&format=" + std::string(to_string(format)));
}

std::string export_file_name(const ReportPeriod& period, ExportFormat format,
                             ReportGrouping grouping) {
    const std::string group =
        format == ExportFormat::xlsx ? std::string("tat-ca") : std::string(to_string(grouping));
    return fmt::format("bao-cao-{}{}-{}-{}.{}", period.ward ? *period.ward + "-" : "", group,
                       format_day(period.from), format_day(period.to), to_string(format));
}

std::string overview_target(const ReportPeriod& period) {
    return api_target("/reports/overview?" + period_query(period));
}

asio::awaitable<Result<TurnaroundReport>> fetch_turnaround(HttpClient& http, Token token,
                                                           ReportPeriod period,
                                                           ReportGrouping grouping) {
    auto res =
        co_await get(http, std::move(token), turnaround_target(period, grouping), kReportTimeout);
    if (!res) co_return res.error();
    co_return decode_turnaround_report(res->body);
}

asio::awaitable<Result<WaitHistogram>> fetch_wait_histogram(HttpClient& http, Token token,
                                                            ReportPeriod period) {
    auto res = co_await get(http, std::move(token), waits_target(period), kReportTimeout);
    if (!res) co_return res.error();
    co_return decode_wait_histogram(res->body);
}

asio::awaitable<Result<AppointmentReport>> fetch_appointment_report(HttpClient& http, Token token,
                                                                    ReportPeriod period) {
    auto res = co_await get(http, std::move(token), appointments_target(period), kReportTimeout);
    if (!res) co_return res.error();
    co_return decode_appointment_report(res->body);
}

asio::awaitable<Result<EstimateReport>> fetch_estimate_report(HttpClient& http, Token token,
                                                              ReportPeriod period) {
    auto res = co_await get(http, std::move(token), estimates_target(period), kReportTimeout);
    if (!res) co_return res.error();
    co_return decode_estimate_report(res->body);
}

asio::awaitable<Result<hub::ProvinceOverview>> fetch_overview(HttpClient& http, Token token,
                                                              ReportPeriod period) {
    auto res = co_await get(http, std::move(token), overview_target(period), kReportTimeout);
    if (!res) co_return res.error();
    auto parsed = api::parse_json(res->body);
    if (!parsed) co_return parsed.error();
    co_return hub::decode_province_overview(*parsed);
}

asio::awaitable<Result<std::string>> download_export(HttpClient& http, Token token,
                                                     ReportPeriod period, ExportFormat format,
                                                     ReportGrouping grouping) {
    auto res = co_await get(http, std::move(token), export_target(period, format, grouping),
                            kExportTimeout);
    if (!res) co_return res.error();
    co_return std::move(res->body);
}

Result<fs::path> save_export(const fs::path& dir, std::string_view name, std::string_view bytes) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return save_error(dir, ec.message());
    const fs::path wanted = dir / std::string(name);
    fs::path target = wanted;
    for (int n = 2; fs::exists(target, ec) || ec; ++n) {
        if (ec) return save_error(target, ec.message());
        if (n > kMaxNameSuffix) return save_error(wanted, "too many files of that name");
        target =
            dir / (wanted.stem().string() + "-" + std::to_string(n) + wanted.extension().string());
    }
    const fs::path temporary =
        dir / fmt::format(".{}.part-{}", target.filename().string(), ::getpid());
    fs::remove(temporary, ec);
    if (auto written = write_new_file(temporary, bytes); !written) return written.error();
    fs::rename(temporary, target, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(temporary, ignored);
        return save_error(target, ec.message());
    }
    return target;
}

}  // namespace motcua::kiosk
