// Mẫu số 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả (the receipt and return appointment).
#include <fmt/format.h>

#include "documents/form_parts.hpp"
#include "documents/forms.hpp"
#include "documents/pdf_table.hpp"
#include "documents/vn_text.hpp"

namespace motcua::documents {

namespace {

constexpr const char* kTitle = "Giấy tiếp nhận hồ sơ và hẹn trả kết quả";
// Blank rows of the document list: the model does not record the papers handed in, so the
// officer writes them in, as on the printed form.
constexpr int kDocumentRows = 3;
constexpr double kItemIndent = 0.0;
constexpr double kNoteIndent = 18.0;

std::string legal_time_text(const Procedure& procedure) {
    if (procedure.legal_days <= 0) return "trong ngày làm việc";
    return fmt::format("{} ngày làm việc", procedure.legal_days);
}

// Item 5: the promised date, and when an apology letter moved it, the new date with the old one
// and the reason beside it (the dossier is still judged against the old one in reports).
void return_time(Flow& flow, const Dossier& d, const WardConfig& config, const OfficeZone& zone) {
    const Day promised = d.new_due_date ? *d.new_due_date : d.due_date;
    std::string text = "Thời gian trả kết quả giải quyết hồ sơ: ";
    text += bold(long_date(promised));
    const std::string hours = office_hours_text(config);
    if (!hours.empty()) {
        text += esc(", trong giờ làm việc (");
        text += esc(hours);
        text += ")";
    }
    text += ".";
    numbered(flow, "5.", text, kItemIndent);
    if (!d.new_due_date) return;
    std::string note =
        fmt::format("Hẹn trả ban đầu: {}; đã gia hạn theo Văn bản xin lỗi và đề nghị gia hạn",
                    short_date(d.due_date));
    if (d.apology_at) {
        note += " ngày ";
        note += short_date(zone.office_day(*d.apology_at));
    }
    if (d.apology_reason && !d.apology_reason->empty()) {
        note += ". Lý do: ";
        note += *d.apology_reason;
    }
    TextStyle style{kForm.body - 1, false, true, Align::left};
    flow.paragraph(esc(sentence(note)), style, kNoteIndent);
    flow.space(kForm.gap / 2);
}

void document_list(Flow& flow) {
    numbered(flow, "1.", esc("Thành phần hồ sơ nộp gồm:"), kItemIndent);
    TableSpec spec;
    spec.widths = {6, 52, 14, 14, 14};
    spec.aligns = {Align::centre, Align::left, Align::centre, Align::centre, Align::centre};
    spec.header = {{"TT", 0, 0},
                   {"Tên giấy tờ", 0, 1},
                   {"Bản chính", 0, 2},
                   {"Bản sao", 0, 3},
                   {"Số lượng", 0, 4}};
    spec.header_size = kForm.small;
    spec.body_size = kForm.small;
    spec.padding = 2.5;
    std::vector<TableRow> rows;
    for (int i = 1; i <= kDocumentRows; ++i)
        rows.push_back(TableRow{{std::to_string(i), "", "", "", ""}, false});
    draw_table(flow, spec, rows);
    flow.space(kForm.gap);
}

}  // namespace

Result<std::string> receipt_pdf(const Dossier& d, const Procedure& procedure,
                                const WardConfig& config, const OfficeZone& zone) {
    const NationalHeader header{config.office_name, zone.office_day(d.received_at), "", ""};
    return dossier_form_pdf(d, kTitle, header, [&](Flow& flow) {
        // The office is named in the header: the line says where the dossier was handed in.
        std::string intro = "Tiếp nhận";
        const std::string counter = counter_phrase(d.counter);
        if (!counter.empty()) {
            intro += " tại ";
            intro += counter;
        }
        intro += " hồ sơ của:";
        flow.paragraph(esc(intro), TextStyle{kForm.body, false, false, Align::left});
        flow.space(kForm.gap / 2);
        field(flow, "Ông/\u2060Bà", applicant_name_markup(d.applicant));
        applicant_details(flow, d.applicant);
        field(flow, "Nội dung yêu cầu giải quyết", bold(procedure.name_vi));
        flow.space(kForm.gap);

        document_list(flow);
        numbered(flow, "2.", esc(fmt::format("Số lượng hồ sơ: {} (bộ).", kDots)), kItemIndent);
        numbered(flow, "3.",
                 esc("Thời gian giải quyết hồ sơ theo quy định: ") +
                     bold(legal_time_text(procedure)) + ".",
                 kItemIndent);
        numbered(flow, "4.",
                 esc("Thời gian nhận hồ sơ: ") + bold(time_and_date(d.received_at, zone)) + ".",
                 kItemIndent);
        return_time(flow, d, config, zone);
        numbered(flow, "6.", esc("Đăng ký nhận kết quả tại: ") + esc(config.office_name) + ".",
                 kItemIndent);
        numbered(flow, "7.",
                 esc("Phí, lệ phí: ") +
                     bold(procedure.fee > 0 ? money(procedure.fee) : "không thu") + ".",
                 kItemIndent);
        flow.space(kForm.gap);
        flow.paragraph(
            esc(fmt::format("Vào Sổ theo dõi hồ sơ ngày {}, số thứ tự: ", short_date(d.day))) +
                bold(std::to_string(d.seq)) + ".",
            TextStyle{kForm.body, false, true, Align::left});
        flow.space(kForm.section_gap);

        signatures(flow,
                   SignatureBlock{"Người nộp hồ sơ", "(Ký và ghi rõ họ tên)", d.applicant.name, {}},
                   SignatureBlock{"Người tiếp nhận hồ sơ", "(Ký và ghi rõ họ tên)", "", {}});
    });
}

}  // namespace motcua::documents
