#pragma once
/// The one-stop desk's dossier documents as A4 PDF (Circular 03/2025/TT-VPCP, Appendix I; report
/// form Biểu II.06a): Vietnamese text, the national motto, the office, numbered fields, signature
/// blocks, and the dossier code printed and as a QR code. Each function returns the PDF's bytes.
#include <string>
#include <vector>

#include "motcua/config.hpp"
#include "motcua/model.hpp"
#include "motcua/office_time.hpp"
#include "motcua/result.hpp"
#include "motcua/time.hpp"
#include "reports/dossier_report.hpp"

namespace motcua::documents {

/// Form 01, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả": the receipt handed to the applicant.
/// The return date is the due date, or the new date of an apology letter (form 04), which the
/// receipt then explains. Fails when the dossier has no code.
Result<std::string> receipt_pdf(const Dossier& dossier, const Procedure& procedure,
                                const WardConfig& config, const OfficeZone& zone);

/// Form 02, "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ": every missing item at once, dated `at`.
/// Fails when `missing_items` is empty (the law asks for the whole list in one request).
Result<std::string> supplement_request_pdf(const Dossier& dossier, const Procedure& procedure,
                                           const WardConfig& config, const OfficeZone& zone,
                                           const std::vector<std::string>& missing_items,
                                           TimePoint at);

/// Form 04, "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết", from the dossier's
/// apology (reason, new due date, when it was made). Fails when the dossier has no apology.
Result<std::string> apology_pdf(const Dossier& dossier, const Procedure& procedure,
                                const WardConfig& config, const OfficeZone& zone);

/// Form 07, "Sổ theo dõi hồ sơ": the dossiers received on office days [from, to], in order of
/// receipt, one row each, on landscape pages with the header row repeated and page numbers.
Result<std::string> register_pdf(const std::vector<Dossier>& dossiers, const WardConfig& config,
                                 const OfficeZone& zone, Day from, Day to);

/// Biểu II.06a as a landscape table: columns 1–13 under the two-level header (received /
/// processed / in process), one numbered row per category or procedure, and the total.
Result<std::string> dossier_report_pdf(const reports::DossierReport& report,
                                       const WardConfig& config, const OfficeZone& zone);

/// Frees the font caches cairo and fontconfig keep for the whole process. Only for the very end of
/// a program, after the last document: LeakSanitizer counts the caches as leaks otherwise.
void release_font_caches();

}  // namespace motcua::documents
