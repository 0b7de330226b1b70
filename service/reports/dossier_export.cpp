// Biểu II.06a as JSON (the shared encoder, DESIGN.md §4), CSV (UTF-8 with BOM) and an Excel sheet
// in the form's layout.
#include <csv.h>
#include <fmt/format.h>
#include <xlsxwriter.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "reports/dossier_report.hpp"
#include "reports/export.hpp"

namespace motcua::reports {
namespace json = boost::json;
namespace {

/// Heading of the form's column 2 for the grouping.
std::string_view row_heading(DossierGrouping g) {
    return g == DossierGrouping::category ? "Lĩnh vực" : "Thủ tục hành chính";
}

std::string dmy(Day d) {
    return fmt::format("{:02}/{:02}/{:04}", static_cast<unsigned>(d.day()),
                       static_cast<unsigned>(d.month()), static_cast<int>(d.year()));
}

/// The sheet's layout: rows of the title block, the header and the body, columns of the table.
namespace sheet {
constexpr lxw_row_t kOffice = 0;
constexpr lxw_row_t kTitle = 1;
constexpr lxw_row_t kPeriod = 2;
constexpr lxw_row_t kUnit = 3;
constexpr lxw_row_t kGroupHeading = 4;  // Số hồ sơ nhận / đã / đang giải quyết
constexpr lxw_row_t kHeading = 5;       // Tổng số, Trực tuyến, …
constexpr lxw_row_t kNumbers = 6;       // (1) … (13)
constexpr lxw_row_t kFirstBody = 7;
constexpr lxw_col_t kTT = 0;
constexpr lxw_col_t kLabel = 1;
constexpr lxw_col_t kFirstFigure = 2;  // form column 3
constexpr lxw_col_t kExtra = 13;       // refused or withdrawn, beyond the form
}  // namespace sheet

struct Formats {
    lxw_format* office;
    lxw_format* title;
    lxw_format* period;
    lxw_format* unit;
    lxw_format* heading;
    lxw_format* number_heading;
    lxw_format* text;
    lxw_format* tt;
    lxw_format* figure;
    lxw_format* total_text;
    lxw_format* total_figure;
    lxw_format* note;
};

lxw_format* bordered(lxw_workbook* wb) {
    lxw_format* f = workbook_add_format(wb);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_font_name(f, "Times New Roman");
    format_set_font_size(f, 12);
    return f;
}

lxw_format* plain(lxw_workbook* wb) {
    lxw_format* f = workbook_add_format(wb);
    format_set_font_name(f, "Times New Roman");
    format_set_font_size(f, 12);
    return f;
}

Formats make_formats(lxw_workbook* wb) {
    Formats f{};
    f.office = plain(wb);
    format_set_bold(f.office);
    f.title = plain(wb);
    format_set_bold(f.title);
    format_set_font_size(f.title, 14);
    format_set_align(f.title, LXW_ALIGN_CENTER);
    f.period = plain(wb);
    format_set_italic(f.period);
    format_set_align(f.period, LXW_ALIGN_CENTER);
    f.unit = plain(wb);
    format_set_italic(f.unit);
    format_set_align(f.unit, LXW_ALIGN_RIGHT);
    f.heading = bordered(wb);
    format_set_bold(f.heading);
    format_set_text_wrap(f.heading);
    format_set_align(f.heading, LXW_ALIGN_CENTER);
    format_set_align(f.heading, LXW_ALIGN_VERTICAL_CENTER);
    format_set_bg_color(f.heading, 0xDCE6F5);
    f.number_heading = bordered(wb);
    format_set_italic(f.number_heading);
    format_set_align(f.number_heading, LXW_ALIGN_CENTER);
    f.text = bordered(wb);
    format_set_text_wrap(f.text);
    f.tt = bordered(wb);
    format_set_align(f.tt, LXW_ALIGN_CENTER);
    f.figure = bordered(wb);
    format_set_num_format(f.figure, "#,##0");
    f.total_text = bordered(wb);
    format_set_bold(f.total_text);
    format_set_align(f.total_text, LXW_ALIGN_CENTER);
    f.total_figure = bordered(wb);
    format_set_bold(f.total_figure);
    format_set_num_format(f.total_figure, "#,##0");
    f.note = plain(wb);
    format_set_italic(f.note);
    return f;
}

void write_header(lxw_worksheet* ws, const DossierReport& report, const Formats& f) {
    using namespace sheet;
    if (!report.office_name.empty())
        worksheet_write_string(ws, kOffice, kTT, report.office_name.c_str(), f.office);
    worksheet_write_string(ws, kOffice, kExtra, "Biểu II.06a", f.office);
    worksheet_merge_range(ws, kTitle, kTT, kTitle, kExtra,
                          "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", f.title);
    const auto period = fmt::format("Từ ngày {} đến ngày {}", dmy(report.from), dmy(report.to));
    worksheet_merge_range(ws, kPeriod, kTT, kPeriod, kExtra, period.c_str(), f.period);
    worksheet_merge_range(ws, kUnit, kTT, kUnit, kExtra, "Đơn vị tính: số hồ sơ", f.unit);

    // Columns 1, 2 and the extra span both heading rows; 3–13 sit under their group.
    worksheet_merge_range(ws, kGroupHeading, kTT, kHeading, kTT, "STT", f.heading);
    worksheet_merge_range(ws, kGroupHeading, kLabel, kHeading, kLabel,
                          std::string(row_heading(report.group_by)).c_str(), f.heading);
    struct Group {
        int first_form_column;
        int last_form_column;
        const char* heading;
    };
    for (const Group& g :
         {Group{3, 6, "Số hồ sơ nhận giải quyết"}, Group{7, 10, "Số hồ sơ đã giải quyết"},
          Group{11, 13, "Số hồ sơ đang giải quyết"}}) {
        worksheet_merge_range(ws, kGroupHeading, static_cast<lxw_col_t>(g.first_form_column - 1),
                              kGroupHeading, static_cast<lxw_col_t>(g.last_form_column - 1),
                              g.heading, f.heading);
    }
    static constexpr std::array<const char*, 11> kSubHeadings{"Tổng số",
                                                              "Trong đó: Trực tuyến",
                                                              "Trực tiếp, dịch vụ bưu chính",
                                                              "Từ kỳ trước",
                                                              "Tổng số",
                                                              "Trước hạn",
                                                              "Đúng hạn",
                                                              "Quá hạn",
                                                              "Tổng số",
                                                              "Trong hạn",
                                                              "Quá hạn"};
    for (std::size_t i = 0; i < kSubHeadings.size(); ++i)
        worksheet_write_string(ws, kHeading, static_cast<lxw_col_t>(kFirstFigure + i),
                               kSubHeadings[i], f.heading);
    worksheet_merge_range(ws, kGroupHeading, kExtra, kHeading, kExtra, "Từ chối, rút hồ sơ (*)",
                          f.heading);

    for (int n = 1; n <= 13; ++n)
        worksheet_write_string(ws, kNumbers, static_cast<lxw_col_t>(n - 1),
                               fmt::format("({})", n).c_str(), f.number_heading);
    worksheet_write_string(ws, kNumbers, kExtra, "(*)", f.number_heading);
}

}  // namespace

std::string dossier_report_json(const DossierReport& report, const OfficeZone& zone) {
    return json::serialize(to_json(report, zone));
}

std::string dossier_report_csv(const DossierReport& report) {
    std::string out = "\xEF\xBB\xBF";  // BOM: Excel then reads the accents as UTF-8
    out += fmt::format("{},{},{}", csv_cell("(1) TT"), csv_cell("Mã"),
                       csv_cell(fmt::format("(2) {}", row_heading(report.group_by))));
    for (const auto& column : dossier_columns()) {
        out += ',';
        out += column.form_column > 0
                   ? csv_cell(fmt::format("({}) {}", column.form_column, column.heading_vi))
                   : csv_cell(fmt::format("{} (ngoài biểu)", column.heading_vi));
    }
    out += "\r\n";
    auto line = [&](std::string_view tt, const DossierReportRow& row) {
        out += fmt::format("{},{},{}", tt, csv_cell(row.key), csv_cell(row.label));
        for (const auto& column : dossier_columns())
            out += fmt::format(",{}", dossier_value(row.counts, column.name));
        out += "\r\n";
    };
    for (std::size_t i = 0; i < report.rows.size(); ++i)
        line(std::to_string(i + 1), report.rows[i]);
    line("", report.total);
    return out;
}

Result<std::string> dossier_report_xlsx(const DossierReport& report) {
    using namespace sheet;
    std::random_device rd;
    const auto path = std::filesystem::temp_directory_path() /
                      fmt::format("motcua-ii06a-{:x}{:x}.xlsx", rd(), rd());
    lxw_workbook* wb = workbook_new(path.c_str());
    if (wb == nullptr)
        return make_error(ErrorCode::export_failed, "could not create the Excel workbook");
    const Formats f = make_formats(wb);
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Biểu II.06a");
    write_header(ws, report, f);

    const auto& columns = dossier_columns();
    lxw_row_t r = kFirstBody;
    auto write_row = [&](const DossierReportRow& row, bool total, std::size_t tt) {
        if (total)
            worksheet_write_blank(ws, r, kTT, f.total_text);
        else
            worksheet_write_number(ws, r, kTT, static_cast<double>(tt), f.tt);
        worksheet_write_string(ws, r, kLabel, row.label.c_str(), total ? f.total_text : f.text);
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const auto col = columns[c].form_column > 0
                                 ? static_cast<lxw_col_t>(columns[c].form_column - 1)
                                 : kExtra;
            worksheet_write_number(ws, r, col,
                                   static_cast<double>(dossier_value(row.counts, columns[c].name)),
                                   total ? f.total_figure : f.figure);
        }
        ++r;
    };
    for (std::size_t i = 0; i < report.rows.size(); ++i) write_row(report.rows[i], false, i + 1);
    write_row(report.total, true, 0);
    ++r;
    worksheet_write_string(ws, r++, kTT,
                           "(*) Ngoài biểu: hồ sơ bị từ chối giải quyết hoặc được rút trong kỳ; "
                           "(3) = (7) + (11) + (*).",
                           f.note);
    worksheet_write_string(
        ws, r, kTT, "(3) = (4) + (5) + (6); (7) = (8) + (9) + (10); (11) = (12) + (13).", f.note);

    worksheet_set_column(ws, kTT, kTT, 6, nullptr);
    worksheet_set_column(ws, kLabel, kLabel, 40, nullptr);
    worksheet_set_column(ws, kFirstFigure, kExtra, 12, nullptr);
    worksheet_set_row(ws, kTitle, 24, nullptr);
    worksheet_set_row(ws, kGroupHeading, 32, nullptr);
    worksheet_set_row(ws, kHeading, 48, nullptr);
    worksheet_freeze_panes(ws, kFirstBody, kFirstFigure);
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);  // A4
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_repeat_rows(ws, kGroupHeading, kNumbers);

    if (workbook_close(wb) != LXW_NO_ERROR)
        return make_error(ErrorCode::export_failed, "could not write the Excel workbook");
    std::ostringstream bytes;
    bool read = false;
    if (std::ifstream in(path, std::ios::binary); in) read = static_cast<bool>(bytes << in.rdbuf());
    std::error_code ec;
    std::filesystem::remove(path, ec);
    if (!read)
        return make_error(ErrorCode::export_failed, "could not read back the Excel workbook");
    return bytes.str();
}

}  // namespace motcua::reports
