#pragma once
/// The turnaround report as CSV (UTF-8 with BOM, for Excel) and as an Excel workbook.
#include <string>
#include <string_view>
#include <vector>

#include "motcua/result.hpp"
#include "reports/turnaround.hpp"

namespace motcua::reports {

/// Flat columns (`wait_s_mean`…), one line per row then the total; UTF-8 with a BOM.
std::string to_csv(const TurnaroundReport& report);
/// One CSV field, quoted by libcsv when it holds commas, quotes or newlines (quotes doubled).
std::string csv_cell(std::string_view text);

/// An .xlsx workbook (libxlsxwriter) with one sheet per report given (one per grouping):
/// Vietnamese headers, seconds and percentages with number formats. Returns the file's bytes.
Result<std::string> to_xlsx(const std::vector<TurnaroundReport>& reports);

/// Vietnamese column heading of a flat column ("wait_s_mean" -> "Chờ TB (giây)").
std::string heading_vi(const std::string& column);

}  // namespace motcua::reports
