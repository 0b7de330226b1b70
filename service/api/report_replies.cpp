#include "api/report_replies.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "documents/forms.hpp"
#include "reports/export.hpp"
#include "reports/report_json.hpp"

namespace motcua::api {
namespace {

// The longest period a report may cover: beyond it the answer would be slow and nobody reads it.
constexpr int kMaxReportDays = 3 * 366;
constexpr std::string_view kXlsx =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

}  // namespace

Result<Period> period_of(const Request& r) {
    auto get = [&](const char* name) -> Result<Day> {
        auto it = r.query.find(name);
        if (it == r.query.end())
            return make_error(ErrorCode::invalid_query,
                              fmt::format("'{}' is required (YYYY-MM-DD)", name));
        auto d = parse_day(it->second);
        if (!d)
            return make_error(ErrorCode::invalid_query,
                              fmt::format("'{}': {}", name, d.error().message));
        return *d;
    };
    auto from = get("from");
    if (!from) return from.error();
    auto to = get("to");
    if (!to) return to.error();
    if (*to < *from) return make_error(ErrorCode::invalid_query, "'to' is before 'from'");
    if ((date::sys_days{*to} - date::sys_days{*from}).count() >= kMaxReportDays)
        return make_error(ErrorCode::invalid_query,
                          fmt::format("a report covers at most {} days", kMaxReportDays));
    return Period{*from, *to};
}

Result<std::string> format_of(const Request& r, std::initializer_list<std::string_view> allowed) {
    std::string format = "json";
    if (auto it = r.query.find("format"); it != r.query.end()) format = it->second;
    if (std::find(allowed.begin(), allowed.end(), format) != allowed.end()) return format;
    std::string choices;
    for (auto a : allowed) choices += (choices.empty() ? "" : ", ") + std::string(a);
    return make_error(ErrorCode::invalid_query,
                      fmt::format("'format' must be one of: {}", choices));
}

Reply file_reply(std::string bytes, std::string_view media_type, const std::string& file_name) {
    Reply reply{200, std::move(bytes), std::string(media_type), {}};
    reply.headers.emplace_back("Content-Disposition",
                               fmt::format("attachment; filename=\"{}\"", file_name));
    return reply;
}

Reply pdf_reply(Result<std::string> bytes, const std::string& file_name) {
    if (!bytes) return error_reply(bytes.error());
    Reply reply{200, std::move(*bytes), "application/pdf", {}};
    reply.headers.emplace_back("Content-Disposition",
                               fmt::format("inline; filename=\"{}.pdf\"", file_name));
    reply.headers.emplace_back("Cache-Control", "no-store");
    return reply;
}

Reply turnaround_reply(const TurnaroundReport& report, std::string_view format,
                       const std::string& name) {
    if (format == "csv")
        return file_reply(reports::to_csv(report), "text/csv; charset=utf-8", name + ".csv");
    if (format == "xlsx") {
        auto bytes = reports::to_xlsx({report});
        if (!bytes) return error_reply(bytes.error());
        return file_reply(std::move(*bytes), kXlsx, name + ".xlsx");
    }
    return json_reply(200, reports::to_json(report));
}

Reply dossier_report_reply(const reports::DossierReport& report, std::string_view format,
                           const std::string& name, const WardConfig& config,
                           const OfficeZone& zone) {
    if (format == "csv")
        return file_reply(reports::dossier_report_csv(report), "text/csv; charset=utf-8",
                          name + ".csv");
    if (format == "pdf")
        return pdf_reply(documents::dossier_report_pdf(report, config, zone), name);
    if (format == "xlsx") {
        auto bytes = reports::dossier_report_xlsx(report);
        if (!bytes) return error_reply(bytes.error());
        return file_reply(std::move(*bytes), kXlsx, name + ".xlsx");
    }
    return Reply{200, reports::dossier_report_json(report, zone), "application/json", {}};
}

}  // namespace motcua::api
