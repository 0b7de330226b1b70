#include "documents/form_parts.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "documents/vn_text.hpp"

namespace motcua::documents {

namespace {

constexpr const char* kMottoCountry = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
constexpr const char* kMottoWords = "Độc lập - Tự do - Hạnh phúc";
// The office takes a little over two fifths of the width, the motto the rest (its first line is
// long).
constexpr double kOfficeColumnShare = 0.42;
// The rule under the office name spans a third of the column (Decree 30/2020: 1/3 to 1/2).
constexpr double kOfficeRuleShare = 1.0 / 3.0;
constexpr int kOfficeMaxLines = 4;
constexpr double kRuleGap = 4.0;
// Smallest size the motto and the date line shrink to when a narrow page cannot hold them.
constexpr double kMinMottoSize = 10.0;
constexpr double kFooterSize = 10.0;
constexpr double kRunningHeadSize = 9.0;
constexpr double kFooterDrop = 0.25;  // the footer's top sits this far down the bottom margin

// The largest size up to `size` at which `text` fits `width` on one line.
double fitting_size(const PdfDocument& doc, const std::string& markup, TextStyle style,
                    double width) {
    const double natural = doc.text_width(markup, style);
    if (natural <= width) return style.size;
    return std::max(kMinMottoSize, style.size * width / natural * 0.99);
}

}  // namespace

void national_header(Flow& flow, const NationalHeader& header) {
    PdfDocument& doc = flow.doc();
    const double top = flow.y();
    const double left_w = doc.content_width() * kOfficeColumnShare;
    const double right_x = doc.left() + left_w;
    const double right_w = doc.content_width() - left_w;

    // Left: the office.
    TextStyle office{kForm.header, true, false, Align::centre, kOfficeMaxLines};
    // The ward or commune on a line of its own, as offices write their names under each other.
    const auto [body, place] = split_office_name(header.office_name);
    std::string office_text = upper(body);
    if (!place.empty()) {
        if (!office_text.empty()) office_text += "\n";
        office_text += upper(place);
    }
    double left_y = top + doc.draw_balanced(doc.left(), top, left_w, esc(office_text), office);
    left_y += kRuleGap;
    const double rule_w = left_w * kOfficeRuleShare;
    doc.line(doc.left() + (left_w - rule_w) / 2, left_y, doc.left() + (left_w + rule_w) / 2, left_y,
             kForm.rule);

    // Right: the motto, the second line underlined over its own length.
    TextStyle country{kForm.header, true, false, Align::centre};
    country.size = fitting_size(doc, esc(kMottoCountry), country, right_w);
    double right_y = top + doc.draw_text(right_x, top, right_w, esc(kMottoCountry), country);
    TextStyle words{kForm.body, true, false, Align::centre};
    words.size = fitting_size(doc, esc(kMottoWords), words, right_w);
    right_y += doc.draw_text(right_x, right_y, right_w, esc(kMottoWords), words);
    right_y += kRuleGap;
    const double words_w = doc.text_width(esc(kMottoWords), words);
    doc.line(right_x + (right_w - words_w) / 2, right_y, right_x + (right_w + words_w) / 2, right_y,
             kForm.rule);

    // The number on the left and the place and date on the right share a row.
    const double row = std::max(left_y, right_y) + kForm.gap * 1.5;
    double left_end = row;
    if (!header.number_line.empty())
        left_end += doc.draw_text(doc.left(), row, left_w, esc(header.number_line),
                                  TextStyle{kForm.body, false, false, Align::centre});
    if (!header.subject_line.empty())
        left_end += doc.draw_text(doc.left(), left_end, left_w, esc(header.subject_line),
                                  TextStyle{kForm.small, false, false, Align::centre});
    if (!header.dated) {
        flow.set_y(left_end);
        flow.space(kForm.section_gap);
        return;
    }
    std::string dated;
    if (header.date) {
        dated = place_and_date(header.office_name, *header.date);
    } else {
        dated = kDots;
        dated += ", ngày …… tháng …… năm ……";
    }
    TextStyle dated_style{kForm.body, false, true, Align::centre};
    dated_style.size = fitting_size(doc, esc(dated), dated_style, right_w);
    const double right_end = row + doc.draw_text(right_x, row, right_w, esc(dated), dated_style);
    flow.set_y(std::max(left_end, right_end));
    flow.space(kForm.section_gap);
}

void form_title(Flow& flow, const std::string& title, const std::vector<std::string>& lines_markup,
                const QrMatrix* qr) {
    PdfDocument& doc = flow.doc();
    // The title stays centred on the page: the QR code takes the right, as much is left free on
    // the left.
    const double side = qr != nullptr ? kForm.qr_side + kForm.gap : 0.0;
    const double width = doc.content_width() - 2 * side;
    const TextStyle title_style{kForm.title, true, false, Align::centre};
    const TextStyle line_style{kForm.body, false, false, Align::centre};
    const std::string title_markup = esc(upper(title));
    const double title_w = doc.balanced_width(title_markup, title_style, width);
    double text_h = doc.text_height(title_markup, title_style, title_w);
    for (const auto& line : lines_markup)
        text_h += kForm.gap / 2 + doc.text_height(line, line_style, width);
    const double block_h = std::max(text_h, qr != nullptr ? kForm.qr_side : 0.0);
    flow.keep(block_h);

    const double top = flow.y();
    // Text centred vertically against the QR code.
    double y = top + (block_h - text_h) / 2;
    y += doc.draw_balanced(doc.left() + side, y, width, title_markup, title_style);
    for (const auto& line : lines_markup) {
        y += kForm.gap / 2;
        y += doc.draw_text(doc.left() + side, y, width, line, line_style);
    }
    if (qr != nullptr) doc.draw_qr(doc.right() - kForm.qr_side, top, kForm.qr_side, *qr);
    flow.set_y(top + block_h);
    flow.space(kForm.section_gap);
}

namespace {

double draw_signature_block(PdfDocument& doc, double x, double y, double width,
                            const SignatureBlock& block, bool draw) {
    const double start = y;
    auto put = [&](const std::string& markup, const TextStyle& style) {
        y += draw ? doc.draw_text(x, y, width, markup, style)
                  : doc.text_height(markup, style, width);
    };
    if (!block.recipients.empty()) {
        put("<b><i>Nơi nhận:</i></b>", TextStyle{kForm.small, false, false, Align::left});
        for (const auto& r : block.recipients) {
            std::string line = "- ";
            line += r;
            put(esc(line), TextStyle{kForm.small - 1, false, false, Align::left, 0, kForm.small});
        }
        return y - start;
    }
    if (block.title.empty()) return 0.0;
    put(esc(upper(block.title)), TextStyle{kForm.body, true, false, Align::centre});
    if (!block.note.empty())
        put(esc(block.note), TextStyle{kForm.small, false, true, Align::centre});
    y += kForm.signature_room;
    if (!block.name.empty())
        put(bold(block.name), TextStyle{kForm.body, false, false, Align::centre});
    return y - start;
}

}  // namespace

void signatures(Flow& flow, const SignatureBlock& left, const SignatureBlock& right) {
    PdfDocument& doc = flow.doc();
    const double half = doc.content_width() / 2;
    const double height =
        std::max(draw_signature_block(doc, doc.left(), 0, half, left, false),
                 draw_signature_block(doc, doc.left() + half, 0, half, right, false));
    flow.keep(height);
    const double top = flow.y();
    draw_signature_block(doc, doc.left(), top, half, left, true);
    draw_signature_block(doc, doc.left() + half, top, half, right, true);
    flow.set_y(top + height);
}

void field(Flow& flow, const std::string& label, const std::string& value_markup, double indent) {
    std::string markup = esc(label);
    markup += ": ";
    markup += value_markup;
    TextStyle style{kForm.body, false, false, Align::left};
    style.hanging = 2 * kForm.body;
    flow.paragraph(markup, style, indent);
    flow.space(kForm.field_gap);
}

void numbered(Flow& flow, const std::string& number, const std::string& text_markup,
              double indent) {
    std::string markup = esc(number);
    markup += " ";
    markup += text_markup;
    TextStyle style{kForm.body, false, false, Align::left};
    style.hanging = flow.doc().text_width(esc(number + " "), style);
    flow.paragraph(markup, style, indent);
    flow.space(kForm.field_gap);
}

std::function<void(Flow&)> running_head(std::string text) {
    return [text = std::move(text)](Flow& flow) {
        PdfDocument& doc = flow.doc();
        const TextStyle style{kRunningHeadSize, false, true, Align::right, 1};
        flow.set_y(flow.y() +
                   doc.draw_text(doc.left(), flow.y(), doc.content_width(), esc(text), style));
        flow.space(kForm.gap / 2);
    };
}

void page_number_footer(PdfDocument& doc, bool always) {
    const int total = doc.total_pages();
    if (!always && total <= 1) return;
    std::string text = "Trang ";
    text += std::to_string(doc.page());
    if (total > 0) {
        text += "/";
        text += std::to_string(total);
    }
    const TextStyle style{kFooterSize, false, true, Align::centre};
    const double y = doc.bottom() + (doc.page_height() - doc.bottom()) * kFooterDrop;
    doc.draw_text(doc.left(), y, doc.content_width(), esc(text), style);
}

std::string applicant_name_markup(const Applicant& applicant) {
    if (clean_text(applicant.name).find_first_not_of(' ') == std::string::npos) return esc(kDots);
    return bold(applicant.name);
}

Result<QrMatrix> dossier_qr(const Dossier& dossier) {
    if (dossier.code.empty())
        return make_error(ErrorCode::dossier_code_missing, "the dossier has no code to print");
    return make_qr(dossier.code);
}

std::string code_line(const Dossier& dossier) {
    std::string out = "Mã hồ sơ: ";
    out += bold(dossier.code);
    return out;
}

Result<std::string> dossier_form_pdf(const Dossier& dossier, const std::string& title,
                                     const NationalHeader& header,
                                     const std::function<void(Flow&)>& body) {
    auto qr = dossier_qr(dossier);
    if (!qr) return qr.error();
    return render_pdf(
        Orientation::portrait, fmt::format("{} {}", title, dossier.code), [&](PdfDocument& doc) {
            doc.set_footer([](PdfDocument& page) { page_number_footer(page, false); });
            Flow flow(doc, running_head(fmt::format("{} · Mã hồ sơ: {} · (tiếp theo)", title,
                                                    dossier.code)));
            national_header(flow, header);
            form_title(flow, title, {code_line(dossier)}, &*qr);
            body(flow);
        });
}

void applicant_details(Flow& flow, const Applicant& applicant) {
    if (applicant.id_number && !applicant.id_number->empty())
        field(flow, "Số định danh cá nhân (CCCD)", esc(*applicant.id_number));
    if (applicant.address && !applicant.address->empty())
        field(flow, "Địa chỉ", esc(*applicant.address));
    if (applicant.phone && !applicant.phone->empty())
        field(flow, "Số điện thoại", esc(*applicant.phone));
}

std::string counter_phrase(int counter) {
    if (counter <= 0) return {};
    return fmt::format("quầy số {}", counter);
}

std::string office_hours_text(const WardConfig& config) {
    std::string out;
    for (const OfficeSession& s : config.hours) {
        if (!out.empty()) out += " và ";
        out += format_hhmm(s.open);
        out += " - ";
        out += format_hhmm(s.close);
    }
    return out;
}

std::string sentence(std::string_view text) {
    std::string out(text);
    while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
    if (out.empty()) return out;
    const char last = out.back();
    const bool ellipsis = out.size() >= 3 && out.compare(out.size() - 3, 3, "…") == 0;
    if (last != '.' && last != '!' && last != '?' && !ellipsis) out += '.';
    return out;
}

}  // namespace motcua::documents
