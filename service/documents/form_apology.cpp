// Mẫu số 04: Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (apology for a late dossier
// with a new return date).
#include <fmt/format.h>

#include "documents/form_parts.hpp"
#include "documents/forms.hpp"
#include "documents/vn_text.hpp"

namespace motcua::documents {

namespace {

constexpr const char* kTitle = "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết";
constexpr const char* kSubject = "V/v xin lỗi và đề nghị gia hạn thời gian giải quyết hồ sơ";
// Decree 30/2020: paragraphs of a letter start 1–1.27 cm in.
constexpr double kFirstLine = 10.0 * kMm;

}  // namespace

Result<std::string> apology_pdf(const Dossier& d, const Procedure& procedure,
                                const WardConfig& config, const OfficeZone& zone) {
    if (!d.new_due_date || !d.apology_reason || d.apology_reason->empty())
        return make_error(ErrorCode::no_apology,
                          "the dossier has no apology: record the reason and the new date first");
    std::optional<Day> dated;
    if (d.apology_at) dated = zone.office_day(*d.apology_at);
    const NationalHeader header{config.office_name, dated, fmt::format("Số: {}", kDots), kSubject};
    return dossier_form_pdf(d, kTitle, header, [&](Flow& flow) {
        flow.paragraph(esc("Kính gửi: Ông/\u2060Bà ") + applicant_name_markup(d.applicant),
                       TextStyle{kForm.letter, false, false, Align::centre});
        if (d.applicant.address && !d.applicant.address->empty())
            flow.paragraph(esc(fmt::format("Địa chỉ: {}", *d.applicant.address)),
                           TextStyle{kForm.body - 1, false, true, Align::centre});
        flow.space(kForm.section_gap);

        TextStyle body{kForm.letter, false, false, Align::justify};
        body.first_line = kFirstLine;
        auto para = [&](const std::string& markup) {
            flow.paragraph(markup, body);
            flow.space(kForm.gap);
        };
        para(esc(fmt::format(
                 "Vào lúc {}, {} đã tiếp nhận hồ sơ của Ông/\u2060Bà đề nghị giải quyết thủ tục ",
                 time_and_date(d.received_at, zone), config.office_name)) +
             bold(procedure.name_vi) + esc(", mã hồ sơ ") + bold(d.code) +
             esc(". Thời hạn trả kết quả ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả là ") +
             bold(long_date(d.due_date)) + ".");
        para(
            esc(fmt::format("Tuy nhiên, {} chưa thể trả kết quả giải quyết hồ sơ cho Ông/\u2060Bà "
                            "đúng thời hạn nêu trên.",
                            config.office_name)));
        para(esc("Lý do: ") + esc(sentence(*d.apology_reason)));
        para(esc(fmt::format("Sự chậm trễ này có thể gây phiền hà, tốn kém chi phí, công sức của "
                             "Ông/\u2060Bà. {} "
                             "trân trọng xin lỗi Ông/\u2060Bà và đề nghị được gia hạn thời gian "
                             "giải quyết hồ sơ. "
                             "Kết quả giải quyết hồ sơ sẽ được trả cho Ông/\u2060Bà vào ",
                             config.office_name)) +
             bold(long_date(*d.new_due_date)) + ".");
        para(esc("Xin trân trọng cảm ơn sự hợp tác của Ông/\u2060Bà./."));
        flow.space(kForm.gap);

        signatures(flow, SignatureBlock{"", "", "", {"Như trên;", "Lưu: VT, hồ sơ."}},
                   SignatureBlock{"Thủ trưởng cơ quan", "(Ký, ghi rõ họ tên và đóng dấu)", "", {}});
    });
}

}  // namespace motcua::documents
