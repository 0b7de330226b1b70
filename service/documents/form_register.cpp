// Mẫu số 07: Sổ theo dõi hồ sơ (the register of dossiers), one row per dossier received.
#include <fmt/format.h>

#include <algorithm>

#include "documents/form_parts.hpp"
#include "documents/forms.hpp"
#include "documents/pdf_table.hpp"
#include "documents/vn_text.hpp"

namespace motcua::documents {

namespace {

constexpr const char* kTitle = "Sổ theo dõi hồ sơ";
constexpr double kTableSize = 8.5;
constexpr double kCellPadding = 2.5;
constexpr int kCellMaxLines = 6;

// Column widths in points: the number and code columns as wide as their longest entry, so that a
// code is never cut in two (people search the register for it), the others sharing the rest.
TableSpec register_table(const PdfDocument& doc, const std::vector<TableRow>& rows) {
    TableSpec spec;
    spec.header_size = kTableSize;
    spec.body_size = kTableSize;
    spec.padding = kCellPadding;
    spec.max_lines = kCellMaxLines;
    const TextStyle heading{kTableSize, true, false, Align::left};
    const TextStyle body{kTableSize, false, false, Align::left};
    double number_w = doc.text_width(esc("(1)"), heading);
    double code_w = doc.text_width(esc("Mã hồ sơ"), heading);
    for (const TableRow& row : rows) {
        number_w = std::max(number_w, doc.text_width(esc(row.cells[0]), body));
        code_w = std::max(code_w, doc.text_width(esc(row.cells[1]), body));
    }
    number_w += 2 * kCellPadding + 1;
    code_w += 2 * kCellPadding + 1;
    // TT, (code), procedure, applicant, address and phone, handling body, received, due, returned,
    // how the result is collected, signature.
    std::vector<double> widths{0, 0, 104, 80, 112, 82, 58, 56, 60, 50, 40};
    double others = 0;
    for (double w : widths) others += w;
    const double scale = std::max(0.0, doc.content_width() - number_w - code_w) / others;
    for (double& w : widths) w *= scale;
    widths[0] = number_w;
    widths[1] = code_w;
    spec.widths = widths;
    spec.aligns = {Align::centre, Align::left,   Align::left,   Align::left,
                   Align::left,   Align::left,   Align::centre, Align::centre,
                   Align::centre, Align::centre, Align::centre};
    const std::vector<std::string> headings{"TT",
                                            "Mã hồ sơ",
                                            "Tên thủ tục hành chính",
                                            "Tên cá nhân, tổ chức",
                                            "Địa chỉ, số điện thoại",
                                            "Cơ quan chủ trì giải quyết",
                                            "Ngày nhận",
                                            "Ngày hẹn trả",
                                            "Ngày trả thực tế",
                                            "Hình thức nhận kết quả",
                                            "Ký nhận"};
    for (std::size_t i = 0; i < headings.size(); ++i) {
        const int col = static_cast<int>(i);
        spec.header.push_back(HeaderCell{headings[i], 0, col});
        spec.header.push_back(HeaderCell{fmt::format("({})", i + 1), 1, col});
    }
    spec.header_rows = 2;
    return spec;
}

std::string address_and_phone(const Applicant& a) {
    std::string out;
    if (a.address) out += *a.address;
    if (a.phone && !a.phone->empty()) {
        if (!out.empty()) out += "\n";
        out += "ĐT: ";
        out += *a.phone;
    }
    return out;
}

std::string handling_body(const Dossier& d, const WardConfig& config) {
    // Within a ward the dossier is handled by the section of its area (lĩnh vực).
    if (const Category* c = config.find_category(d.category); c != nullptr) return c->name_vi;
    return config.office_name;
}

std::string due_text(const Dossier& d) {
    std::string out = short_date(d.due_date);
    if (d.new_due_date) {
        out += "\nGia hạn: ";
        out += short_date(*d.new_due_date);
    }
    return out;
}

std::string returned_text(const Dossier& d, const OfficeZone& zone) {
    switch (d.state) {
        case DossierState::refused:
            return "Từ chối giải quyết";
        case DossierState::withdrawn:
            return "Rút hồ sơ";
        case DossierState::supplement_requested:
            return "Chờ bổ sung";
        default:
            break;
    }
    if (!d.returned_at) return "";
    std::string out = fmt::format("{}\n{}", short_date(zone.office_day(*d.returned_at)),
                                  format_hhmm(zone.minutes_of_day(*d.returned_at)));
    if (d.result) {
        switch (*d.result) {
            case DossierResult::early:
                out += "\n(trước hạn)";
                break;
            case DossierResult::on_time:
                out += "\n(đúng hạn)";
                break;
            case DossierResult::late:
                out += "\n(quá hạn)";
                break;
        }
    }
    return out;
}

std::string received_text(const Dossier& d, const OfficeZone& zone) {
    std::string out = fmt::format("{}\n{}", short_date(zone.office_day(d.received_at)),
                                  format_hhmm(zone.minutes_of_day(d.received_at)));
    if (d.channel == DossierChannel::online) out += "\n(trực tuyến)";
    return out;
}

std::string period_text(Day from, Day to) {
    return fmt::format("Từ ngày {} đến ngày {}", short_date(from), short_date(to));
}

}  // namespace

Result<std::string> register_pdf(const std::vector<Dossier>& dossiers, const WardConfig& config,
                                 const OfficeZone& zone, Day from, Day to) {
    if (to < from)
        return make_error(ErrorCode::bad_period, "the register's period ends before it starts");
    std::vector<const Dossier*> in_period;
    for (const Dossier& d : dossiers)
        if (d.day >= from && d.day <= to) in_period.push_back(&d);
    std::stable_sort(in_period.begin(), in_period.end(), [](const Dossier* a, const Dossier* b) {
        if (a->received_at != b->received_at) return a->received_at < b->received_at;
        return a->code < b->code;
    });

    std::vector<TableRow> rows;
    rows.reserve(in_period.size());
    for (std::size_t i = 0; i < in_period.size(); ++i) {
        const Dossier& d = *in_period[i];
        const Procedure* p = config.find_procedure(d.procedure);
        rows.push_back(
            TableRow{{std::to_string(i + 1), d.code, p != nullptr ? p->name_vi : d.procedure,
                      d.applicant.name, address_and_phone(d.applicant), handling_body(d, config),
                      received_text(d, zone), due_text(d), returned_text(d, zone),
                      d.state == DossierState::returned ? "Trực tiếp" : "", ""},
                     false});
    }

    const std::string period = period_text(from, to);
    const std::string title = fmt::format("{} - {}", kTitle, period);
    return render_pdf(Orientation::landscape, title, [&](PdfDocument& doc) {
        doc.set_footer([](PdfDocument& page) { page_number_footer(page, true); });
        Flow flow(doc,
                  running_head(fmt::format("{} · {} · {}", kTitle, config.office_name, period)));
        national_header(flow, NationalHeader{config.office_name, std::nullopt, "", "", false});
        form_title(flow, kTitle, {esc(period), esc(fmt::format("Số hồ sơ: {}", rows.size()))},
                   nullptr);
        if (rows.empty()) {
            flow.paragraph(esc("Không có hồ sơ nào được tiếp nhận trong kỳ."),
                           TextStyle{kForm.body, false, true, Align::centre});
            return;
        }
        draw_table(flow, register_table(doc, rows), rows);
    });
}

}  // namespace motcua::documents
