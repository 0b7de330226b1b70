#include "reports/export.hpp"

#include <csv.h>
#include <fmt/format.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "reports/report_json.hpp"

namespace motcua::reports {

std::string csv_cell(std::string_view text) {
    std::string out(text.size() * 2 + 2, '\0');
    out.resize(csv_write(out.data(), out.size(), text.data(), text.size()));
    return out;
}

namespace {

std::string number_text(double v) {
    if (v == static_cast<double>(static_cast<std::int64_t>(v)))
        return std::to_string(static_cast<std::int64_t>(v));
    return fmt::format("{:.1f}", v);
}

std::string sheet_name(ReportGrouping g) {
    switch (g) {
        case ReportGrouping::category:
            return "Theo lĩnh vực";
        case ReportGrouping::counter:
            return "Theo quầy";
        case ReportGrouping::officer:
            return "Theo cán bộ";
        case ReportGrouping::day:
            return "Theo ngày";
        case ReportGrouping::hour:
            return "Theo giờ";
        case ReportGrouping::ward:
            return "Theo phường, xã";  // a province hub's workbook
    }
    return "Báo cáo";
}

}  // namespace

std::string heading_vi(const std::string& column) {
    static const std::map<std::string, std::string> kNames{
        {"key", "Mã"},
        {"label", "Tên"},
        {"issued", "Số phiếu đã cấp"},
        {"served", "Đã phục vụ"},
        {"no_show", "Vắng mặt"},
        {"expired", "Hết hiệu lực"},
        {"wait_s_mean", "Chờ trung bình (giây)"},
        {"wait_s_p50", "Chờ trung vị (giây)"},
        {"wait_s_p90", "Chờ P90 (giây)"},
        {"wait_s_max", "Chờ lâu nhất (giây)"},
        {"service_s_mean", "Phục vụ trung bình (giây)"},
        {"service_s_p50", "Phục vụ trung vị (giây)"},
        {"service_s_p90", "Phục vụ P90 (giây)"},
        {"service_s_max", "Phục vụ lâu nhất (giây)"},
        {"visit_s_mean", "Tổng thời gian trung bình (giây)"},
        {"visit_s_p50", "Tổng thời gian trung vị (giây)"},
        {"visit_s_p90", "Tổng thời gian P90 (giây)"},
        {"visit_s_max", "Tổng thời gian lâu nhất (giây)"},
        {"within_target_pct", "Trong thời gian chờ mục tiêu (%)"},
        {"ratings_count", "Số lượt đánh giá"},
        {"ratings_levels_5", "Rất hài lòng"},
        {"ratings_levels_4", "Hài lòng"},
        {"ratings_levels_3", "Bình thường"},
        {"ratings_levels_2", "Không hài lòng"},
        {"ratings_levels_1", "Rất không hài lòng"},
        {"ratings_satisfied_pct", "Hài lòng (%)"},
        {"ratings_not_dissatisfied_pct", "Không phàn nàn (%)"},
        {"open_s", "Thời gian mở quầy (giây)"},
        {"serving_s", "Thời gian phục vụ (giây)"},
        {"idle_s", "Thời gian rảnh (giây)"},
        {"idle_while_waiting_s", "Rảnh khi có người chờ (giây)"}};
    auto it = kNames.find(column);
    return it == kNames.end() ? column : it->second;
}

std::string to_csv(const TurnaroundReport& report) {
    std::string out = "\xEF\xBB\xBF";  // BOM: Excel then reads the accents as UTF-8
    const auto columns = flat_columns(report);
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (i > 0) out += ',';
        out += csv_cell(columns[i]);
    }
    out += "\r\n";
    auto line = [&](const TurnaroundRow& row) {
        const auto values = flat_values(report, row);
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (i > 0) out += ',';
            out += values[i].is_text ? csv_cell(values[i].text) : number_text(values[i].number);
        }
        out += "\r\n";
    };
    for (const auto& row : report.rows) line(row);
    line(report.total);
    return out;
}

Result<std::string> to_xlsx(const std::vector<TurnaroundReport>& reports) {
    std::random_device rd;
    const auto path =
        std::filesystem::temp_directory_path() / fmt::format("motcua-report-{:x}.xlsx", rd());
    lxw_workbook* wb = workbook_new(path.c_str());
    if (wb == nullptr)
        return make_error(ErrorCode::export_failed, "could not create the Excel workbook");
    lxw_format* header = workbook_add_format(wb);
    format_set_bold(header);
    format_set_text_wrap(header);
    format_set_bg_color(header, 0xDCE6F5);
    format_set_border(header, LXW_BORDER_THIN);
    lxw_format* integer = workbook_add_format(wb);
    format_set_num_format(integer, "#,##0");
    lxw_format* decimal = workbook_add_format(wb);
    format_set_num_format(decimal, "#,##0.0");
    lxw_format* total_text = workbook_add_format(wb);
    format_set_bold(total_text);
    for (const auto& report : reports) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name(report.group_by).c_str());
        const std::string title =
            fmt::format("Báo cáo thời gian chờ, phục vụ và mức độ hài lòng, từ {} đến {}",
                        format_day(report.from), format_day(report.to));
        worksheet_write_string(ws, 0, 0, title.c_str(), total_text);
        const auto columns = flat_columns(report);
        for (std::size_t c = 0; c < columns.size(); ++c)
            worksheet_write_string(ws, 2, static_cast<lxw_col_t>(c), heading_vi(columns[c]).c_str(),
                                   header);
        worksheet_set_column(ws, 0, 0, 10, nullptr);
        worksheet_set_column(ws, 1, 1, 36, nullptr);
        worksheet_set_column(ws, 2, static_cast<lxw_col_t>(columns.size()), 14, nullptr);
        worksheet_set_row(ws, 2, 45, nullptr);
        lxw_row_t r = 3;
        auto write_row = [&](const TurnaroundRow& row) {
            const auto values = flat_values(report, row);
            for (std::size_t c = 0; c < values.size(); ++c) {
                const auto col = static_cast<lxw_col_t>(c);
                if (values[c].is_text)
                    worksheet_write_string(ws, r, col, values[c].text.c_str(), nullptr);
                else
                    worksheet_write_number(
                        ws, r, col, values[c].number,
                        columns[c].ends_with("_pct") || columns[c].ends_with("_mean") ? decimal
                                                                                      : integer);
            }
            ++r;
        };
        for (const auto& row : report.rows) write_row(row);
        write_row(report.total);
        worksheet_freeze_panes(ws, 3, 2);
    }
    if (workbook_close(wb) != LXW_NO_ERROR)
        return make_error(ErrorCode::export_failed, "could not write the Excel workbook");
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    std::error_code ec;
    std::filesystem::remove(path, ec);
    return bytes.str();
}

}  // namespace motcua::reports
