// Mẫu số 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (request to complete a dossier).
#include <fmt/format.h>

#include <algorithm>

#include "documents/form_parts.hpp"
#include "documents/forms.hpp"
#include "documents/vn_text.hpp"

namespace motcua::documents {

namespace {

constexpr const char* kTitle = "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ";
constexpr double kItemIndent = 18.0;

bool blank(const std::string& text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\n'; });
}

}  // namespace

Result<std::string> supplement_request_pdf(const Dossier& d, const Procedure& procedure,
                                           const WardConfig& config, const OfficeZone& zone,
                                           const std::vector<std::string>& missing_items,
                                           TimePoint at) {
    std::vector<std::string> items;
    for (const auto& item : missing_items)
        if (!blank(item)) items.push_back(item);
    if (items.empty())
        return make_error(
            ErrorCode::no_missing_items,
            "list what the applicant must add: the request names every missing item at once");
    const NationalHeader header{config.office_name, zone.office_day(at), "", ""};
    return dossier_form_pdf(d, kTitle, header, [&](Flow& flow) {
        field(flow, "Hồ sơ của Ông/\u2060Bà", applicant_name_markup(d.applicant));
        applicant_details(flow, d.applicant);
        field(flow, "Nội dung yêu cầu giải quyết", bold(procedure.name_vi));
        field(flow, "Thời gian tiếp nhận", esc(time_and_date(d.received_at, zone)));
        flow.space(kForm.gap);

        const TextStyle body{kForm.body, false, false, Align::justify};
        flow.paragraph(
            esc(fmt::format(
                "Sau khi xem xét thành phần, nội dung hồ sơ, {} đề nghị Ông/\u2060Bà bổ sung, "
                "hoàn thiện hồ sơ gồm những nội dung sau:",
                config.office_name)),
            body);
        flow.space(kForm.gap);
        for (std::size_t i = 0; i < items.size(); ++i)
            numbered(flow, fmt::format("{}.", i + 1), esc(sentence(items[i])), kItemIndent);
        flow.space(kForm.gap);

        flow.paragraph(esc("Thời gian giải quyết hồ sơ được tính từ ngày nhận đủ hồ sơ hợp lệ."),
                       body);
        flow.space(kForm.gap);
        std::string contact = fmt::format(
            "Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/\u2060Bà liên hệ {}",
            config.office_name);
        const std::string counter = counter_phrase(d.counter);
        if (!counter.empty()) {
            contact += ", ";
            contact += counter;
        }
        contact += " để được hướng dẫn.";
        flow.paragraph(esc(contact), body);
        flow.space(kForm.section_gap);

        signatures(flow, SignatureBlock{},
                   SignatureBlock{"Người hướng dẫn", "(Ký và ghi rõ họ tên)", "", {}});
    });
}

}  // namespace motcua::documents
