#pragma once
/// The parts every one-stop form shares, laid out as Decree 30/2020 places them: the office and
/// the national motto at the top, the title, signature blocks, numbered fields, page numbers.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "documents/pdf_canvas.hpp"
#include "motcua/config.hpp"
#include "motcua/model.hpp"
#include "motcua/qr.hpp"
#include "motcua/time.hpp"

namespace motcua::documents {

/// Sizes of the forms, in points (Decree 30/2020: motto 12–13, title 13–14 bold; letters' body
/// 13–14, forms a little smaller so that a receipt keeps its signatures on one page).
struct FormSizes {
    double body = 12.5;
    double letter = 13.0;  // the body of a letter (form 04)
    double header = 12.5;
    double title = 14.5;
    double small = 11.0;
    double caption = 8.0;
    double gap = 6.0;              // between paragraphs
    double field_gap = 2.0;        // between the fields of a form
    double section_gap = 10.0;     // between the parts of a form
    double rule = 0.6;             // lines under the office name and the motto
    double qr_side = 25.0 * kMm;   // the dossier code's QR symbol with its quiet zone
    double signature_room = 52.0;  // blank space for a handwritten signature (about 1.8 cm)
};
inline constexpr FormSizes kForm{};

/// Top of a document: the office (upper case, bold, a short rule under it) on the left, the
/// national motto on the right, then "Số: …" on the left and place and date on the right.
struct NationalHeader {
    std::string office_name;
    std::optional<Day> date;   // none: "……, ngày … tháng … năm …" to fill in by hand
    std::string number_line;   // "Số: …/…"; empty for none
    std::string subject_line;  // "V/v …" under the number; empty for none
    bool dated = true;         // false: no place-and-date line (registers)
};
void national_header(Flow& flow, const NationalHeader& header);

/// The form's title (upper case, bold, centred) and the lines under it (markup; e.g. the
/// dossier code), with the code's QR symbol at the right margin when `qr` is given.
void form_title(Flow& flow, const std::string& title, const std::vector<std::string>& lines_markup,
                const QrMatrix* qr);

/// One side of the signatures: "NGƯỜI NỘP HỒ SƠ", "(Ký và ghi rõ họ tên)", room, name.
/// With `recipients` it is the "Nơi nhận:" list of an official letter instead.
struct SignatureBlock {
    std::string title;
    std::string note;
    std::string name;
    std::vector<std::string> recipients;
};
/// Both blocks side by side, kept together on one page.
void signatures(Flow& flow, const SignatureBlock& left, const SignatureBlock& right);

/// "Label: value" as one paragraph, its following lines slightly indented. `value_markup` is
/// markup (use esc or bold for data).
void field(Flow& flow, const std::string& label, const std::string& value_markup,
           double indent = 0.0);

/// "1. text" with the following lines under the text, not under the number.
void numbered(Flow& flow, const std::string& number, const std::string& text_markup,
              double indent = 0.0);

/// What later pages repeat at their top: a small line naming the document (form, dossier code or
/// period), so that a loose page still says what it belongs to. For Flow's `on_new_page`.
std::function<void(Flow&)> running_head(std::string text);

/// "Trang 2/5" centred in the bottom margin; when `always` is false only for documents of more
/// than one page.
void page_number_footer(PdfDocument& doc, bool always);

/// The applicant's name with "Ông/Bà" when it is known, else a dotted line to fill in.
std::string applicant_name_markup(const Applicant& applicant);

/// The dossier code as a QR symbol; fails when the dossier has no code.
Result<QrMatrix> dossier_qr(const Dossier& dossier);
/// "Mã hồ sơ: <b>000.17.22.H56-261123-0007</b>".
std::string code_line(const Dossier& dossier);
/// A form about one dossier (01, 02, 04), portrait: page numbers past one page, the running head
/// with the code, `header`, `title` with the code and its QR symbol, then `body`. Fails when the
/// dossier has no code.
Result<std::string> dossier_form_pdf(const Dossier& dossier, const std::string& title,
                                     const NationalHeader& header,
                                     const std::function<void(Flow&)>& body);
/// The applicant's ID number, address and phone, those that are known, one field each.
void applicant_details(Flow& flow, const Applicant& applicant);
/// "quầy số 2", or empty when the dossier came through no counter.
std::string counter_phrase(int counter);
/// Office hours as "07:30 - 11:30 và 13:00 - 17:00"; empty when none are configured.
std::string office_hours_text(const WardConfig& config);
/// Text ending in a full stop (one is added unless it already ends in . ! ? or …).
std::string sentence(std::string_view text);

// The forms write "Ông/\u2060Bà": a word joiner (U+2060) after the slash, which draws nothing and
// is left out of copied text, so that no line ends in "Ông/".

/// Dots to fill in by hand.
inline constexpr const char* kDots = "……………………";

}  // namespace motcua::documents
