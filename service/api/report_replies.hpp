#pragma once
/// Report answers both programs give (the ward service and the province hub): the period and
/// format of a request, and a report as JSON, CSV, Excel or PDF with its file name.
#include <initializer_list>
#include <string>
#include <string_view>

#include "api/http.hpp"
#include "api/report_period.hpp"
#include "motcua/config.hpp"
#include "motcua/office_time.hpp"
#include "reports/dossier_report.hpp"
#include "reports/turnaround.hpp"

namespace motcua::api {

/// `format` from the query (json when absent); `invalid_query` unless it is one of `allowed`.
Result<std::string> format_of(const Request& r, std::initializer_list<std::string_view> allowed);

/// An attachment reply: `bytes` with its media type, saved as `file_name`.
Reply file_reply(std::string bytes, std::string_view media_type, const std::string& file_name);
/// A PDF shown inline, or the rendering error.
Reply pdf_reply(Result<std::string> bytes, const std::string& file_name);

/// The turnaround report as json, csv or xlsx; `name` without extension.
Reply turnaround_reply(const TurnaroundReport& report, std::string_view format,
                       const std::string& name);
/// Biểu II.06a as json, csv, xlsx or pdf (PDF and Excel are slow: call from a render thread).
Reply dossier_report_reply(const reports::DossierReport& report, std::string_view format,
                           const std::string& name, const WardConfig& config,
                           const OfficeZone& zone);

}  // namespace motcua::api
