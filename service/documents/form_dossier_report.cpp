// Biểu II.06a: results of handling administrative procedures, as the printed report form.
#include <fmt/format.h>

#include <array>

#include "documents/form_parts.hpp"
#include "documents/forms.hpp"
#include "documents/pdf_table.hpp"
#include "documents/vn_text.hpp"

namespace motcua::documents {

namespace {

constexpr const char* kFormNumber = "Biểu số II.06a";
// Broken where the form breaks it, not inside "giải quyết".
constexpr const char* kTitle = "Tình hình, kết quả\ngiải quyết thủ tục hành chính";
constexpr double kTableSize = 9.0;
constexpr double kSideShare =
    0.25;                         // the form number and the reporting unit either side of the title
constexpr double kGutter = 12.0;  // between the title and the sides
constexpr int kNumberColumns = 11;  // columns 3..13

TableSpec report_table(reports::DossierGrouping group_by) {
    TableSpec spec;
    spec.widths = {24, 200};
    spec.widths.insert(spec.widths.end(), kNumberColumns, 48.0);
    spec.aligns = {Align::centre, Align::left};
    spec.aligns.insert(spec.aligns.end(), kNumberColumns, Align::centre);
    const char* unit = group_by == reports::DossierGrouping::procedure ? "Thủ tục hành chính"
                                                                       : "Lĩnh vực giải quyết";
    spec.header = {
        {"TT", 0, 0, 2, 1},
        {unit, 0, 1, 2, 1},
        {"Số hồ sơ tiếp nhận", 0, 2, 1, 4},
        {"Số hồ sơ đã giải quyết", 0, 6, 1, 4},
        {"Số hồ sơ đang giải quyết", 0, 10, 1, 3},
    };
    const std::array<const char*, kNumberColumns> sub{"Tổng số",
                                                      "Trực tuyến",
                                                      "Trực tiếp, dịch vụ bưu chính",
                                                      "Từ kỳ trước chuyển sang",
                                                      "Tổng số",
                                                      "Trước hạn",
                                                      "Đúng hạn",
                                                      "Quá hạn",
                                                      "Tổng số",
                                                      "Trong hạn",
                                                      "Quá hạn"};
    for (int i = 0; i < kNumberColumns; ++i)
        spec.header.push_back(HeaderCell{sub[static_cast<std::size_t>(i)], 1, i + 2});
    for (int col = 0; col < kNumberColumns + 2; ++col)
        spec.header.push_back(HeaderCell{fmt::format("({})", col + 1), 2, col});
    spec.header_rows = 3;
    spec.header_size = kTableSize;
    spec.body_size = kTableSize;
    return spec;
}

TableRow report_row(const std::string& number, const reports::DossierReportRow& row, bool total) {
    const reports::DossierCounts& c = row.counts;
    std::string label = row.label.empty() ? row.key : row.label;
    if (total) label = "Tổng cộng";
    TableRow out{{number, label}, total};
    for (const std::int64_t v : {c.received_total, c.received_online, c.received_direct,
                                 c.carried_over, c.processed_total, c.early, c.on_time, c.late,
                                 c.in_process_total, c.in_process_not_due, c.in_process_overdue})
        out.cells.push_back(std::to_string(v));
    return out;
}

// "đến hết ngày 30/11/2026" for a period that has ended, else the time the figures were taken.
std::string as_of_text(const reports::DossierReport& report, const OfficeZone& zone) {
    const Day after_to = date::sys_days{report.to} + date::days{1};
    if (report.as_of >= zone.start_of_day(after_to))
        return fmt::format("đến hết ngày {}", short_date(report.to));
    return fmt::format("đến {}", time_and_date(report.as_of, zone));
}

void report_heading(Flow& flow, const reports::DossierReport& report, const std::string& office) {
    PdfDocument& doc = flow.doc();
    const double side = doc.content_width() * kSideShare;
    const double middle = doc.content_width() - 2 * side - 2 * kGutter;
    const double middle_x = doc.left() + side + kGutter;
    const double top = flow.y();
    const double left_h = doc.draw_text(doc.left(), top, side, bold(kFormNumber),
                                        TextStyle{kForm.body, false, false, Align::left});
    double right_h = doc.draw_text(doc.right() - side, top, side, esc("Đơn vị báo cáo:"),
                                   TextStyle{kForm.small, false, false, Align::left});
    right_h += doc.draw_text(doc.right() - side, top + right_h, side, bold(office),
                             TextStyle{kForm.small, false, false, Align::left, 3});
    double mid_h = doc.draw_balanced(middle_x, top, middle, esc(upper(kTitle)),
                                     TextStyle{kForm.title, true, false, Align::centre});
    mid_h += kForm.gap / 2;
    mid_h += doc.draw_text(middle_x, top + mid_h, middle,
                           esc(fmt::format("Kỳ báo cáo: từ ngày {} đến ngày {}",
                                           short_date(report.from), short_date(report.to))),
                           TextStyle{kForm.body, false, true, Align::centre});
    flow.set_y(top + std::max({left_h, right_h, mid_h}));
    flow.space(kForm.gap);
    flow.paragraph(esc("Đơn vị tính: số hồ sơ"), TextStyle{kForm.small, false, true, Align::right});
    flow.space(kForm.gap / 2);
}

}  // namespace

Result<std::string> dossier_report_pdf(const reports::DossierReport& report,
                                       const WardConfig& config, const OfficeZone& zone) {
    const std::string office = report.office_name.empty() ? config.office_name : report.office_name;
    std::vector<TableRow> rows;
    for (std::size_t i = 0; i < report.rows.size(); ++i)
        rows.push_back(report_row(std::to_string(i + 1), report.rows[i], false));
    rows.push_back(report_row("", report.total, true));

    const std::string title = fmt::format("{} - {} - {} đến {}", kFormNumber, office,
                                          short_date(report.from), short_date(report.to));
    return render_pdf(Orientation::landscape, title, [&](PdfDocument& doc) {
        doc.set_footer([](PdfDocument& page) { page_number_footer(page, false); });
        Flow flow(doc);
        report_heading(flow, report, office);
        draw_table(flow, report_table(report.group_by), rows);
        flow.space(kForm.gap);

        const TextStyle note{kForm.small, false, true, Align::left};
        flow.paragraph(
            esc("Ghi chú: (3) = (4) + (5) + (6); (7) = (8) + (9) + (10); (11) = (12) + (13). "
                "Số hồ sơ đang giải quyết tính ") +
                esc(as_of_text(report, zone)) + ".",
            note);
        if (report.total.counts.refused_or_withdrawn > 0)
            flow.paragraph(esc(fmt::format("Ngoài biểu: {} hồ sơ bị từ chối hoặc rút trong kỳ.",
                                           report.total.counts.refused_or_withdrawn)),
                           note);
        flow.space(kForm.section_gap);

        // The place and date over the head of the unit's signature, as report forms are signed.
        const Day signed_on = zone.office_day(report.as_of - Millis{1});
        const double half = doc.content_width() / 2;
        const std::string dated = place_and_date(office, signed_on);
        flow.keep(
            doc.text_height(esc(dated), TextStyle{kForm.body, false, true, Align::centre}, half) +
            kForm.signature_room + 3 * kForm.body * 2);
        const double y = flow.y();
        flow.set_y(y + doc.draw_text(doc.left() + half, y, half, esc(dated),
                                     TextStyle{kForm.body, false, true, Align::centre}));
        signatures(flow, SignatureBlock{"Người lập biểu", "(Ký và ghi rõ họ tên)", "", {}},
                   SignatureBlock{"Thủ trưởng đơn vị", "(Ký, ghi rõ họ tên và đóng dấu)", "", {}});
    });
}

}  // namespace motcua::documents
