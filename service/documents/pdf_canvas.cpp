#include "documents/pdf_canvas.hpp"

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <cmath>

#include "documents/forms.hpp"  // release_font_caches

namespace motcua::documents {

namespace {

// Noto Serif: a Times-like face (Decree 30/2020 asks for Times New Roman, which Debian does not
// ship) with every precomposed Vietnamese letter and its combining marks.
constexpr const char* kFontFamily = "Noto Serif";

constexpr double kA4ShortMm = 210.0;
constexpr double kA4LongMm = 297.0;
// Decree 30/2020 margins for portrait documents; landscape tables use the narrower ones that
// registers and report forms are printed with, to give the columns room.
constexpr double kPortraitTopMm = 20, kPortraitBottomMm = 20, kPortraitLeftMm = 30,
                 kPortraitRightMm = 15;
constexpr double kLandscapeTopMm = 15, kLandscapeBottomMm = 15, kLandscapeLeftMm = 20,
                 kLandscapeRightMm = 15;
// pango sizes are given at 72 dpi so that one pango point is one PDF point.
constexpr double kPointsPerInch = 72.0;

double from_pango(int units) {
    return static_cast<double>(units) / PANGO_SCALE;
}
int to_pango(double points) {
    return static_cast<int>(std::lround(points * PANGO_SCALE));
}

PangoAlignment pango_alignment(Align align) {
    switch (align) {
        case Align::centre:
            return PANGO_ALIGN_CENTER;
        case Align::right:
            return PANGO_ALIGN_RIGHT;
        case Align::left:
        case Align::justify:
            break;
    }
    return PANGO_ALIGN_LEFT;
}

}  // namespace

std::string clean_text(std::string_view text) {
    // g_utf8_make_valid replaces bad bytes with U+FFFD, which Noto draws as a visible mark.
    gchar* valid = g_utf8_make_valid(text.data(), static_cast<gssize>(text.size()));
    std::string out(valid);
    g_free(valid);
    for (char& c : out) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && c != '\n') || byte == 0x7f) c = ' ';
    }
    return out;
}

std::string esc(std::string_view plain) {
    const std::string clean = clean_text(plain);
    gchar* escaped = g_markup_escape_text(clean.c_str(), static_cast<gssize>(clean.size()));
    std::string out(escaped);
    g_free(escaped);
    return out;
}

std::string bold(std::string_view plain) {
    std::string out = "<b>";
    out += esc(plain);
    out += "</b>";
    return out;
}

PdfDocument::PdfDocument(Orientation orientation, const std::string& title, int total_pages,
                         PangoFontMap* fonts)
    : total_pages_(total_pages) {
    const bool portrait = orientation == Orientation::portrait;
    width_ = (portrait ? kA4ShortMm : kA4LongMm) * kMm;
    height_ = (portrait ? kA4LongMm : kA4ShortMm) * kMm;
    top_ = (portrait ? kPortraitTopMm : kLandscapeTopMm) * kMm;
    bottom_margin_ = (portrait ? kPortraitBottomMm : kLandscapeBottomMm) * kMm;
    left_ = (portrait ? kPortraitLeftMm : kLandscapeLeftMm) * kMm;
    right_margin_ = (portrait ? kPortraitRightMm : kLandscapeRightMm) * kMm;

    surface_ =
        cairo_pdf_surface_create_for_stream(&PdfDocument::write_chunk, this, width_, height_);
    const std::string clean_title = clean_text(title);
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, clean_title.c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "motcua");
    cr_ = cairo_create(surface_);
    pango_ = pango_font_map_create_context(fonts);
    pango_cairo_update_context(cr_, pango_);
    pango_cairo_context_set_resolution(pango_, kPointsPerInch);
    // Unhinted metrics: line breaks must not depend on the device (the page count is taken from
    // a first pass, and a PDF is scaled by whoever prints it).
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(pango_, options);
    cairo_font_options_destroy(options);
    cairo_set_source_rgb(cr_, 0, 0, 0);
}

PdfDocument::~PdfDocument() {
    if (pango_ != nullptr) g_object_unref(pango_);
    if (cr_ != nullptr) cairo_destroy(cr_);
    if (surface_ != nullptr) cairo_surface_destroy(surface_);
}

cairo_status_t PdfDocument::write_chunk(void* closure, const unsigned char* data,
                                        unsigned int length) {
    auto* self = static_cast<PdfDocument*>(closure);
    self->bytes_.append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

LayoutPtr PdfDocument::layout(const std::string& markup, const TextStyle& style,
                              double width) const {
    LayoutPtr layout(pango_layout_new(pango_));
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, kFontFamily);
    pango_font_description_set_size(font, to_pango(style.size));
    pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(font, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(layout.get(), font);
    pango_font_description_free(font);

    pango_layout_set_width(layout.get(), to_pango(std::max(width, 1.0)));
    // Words longer than a line (a code in a narrow column) break between letters rather than
    // running past the edge.
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout.get(), pango_alignment(style.align));
    pango_layout_set_justify(layout.get(), style.align == Align::justify);
    if (style.hanging > 0)
        pango_layout_set_indent(layout.get(), -to_pango(style.hanging));
    else if (style.first_line > 0)
        pango_layout_set_indent(layout.get(), to_pango(style.first_line));
    if (style.max_lines > 0) {
        pango_layout_set_height(layout.get(), -style.max_lines);
        pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
    }
    pango_layout_set_markup(layout.get(), markup.c_str(), static_cast<int>(markup.size()));
    return layout;
}

double PdfDocument::text_height(const std::string& markup, const TextStyle& style,
                                double width) const {
    const LayoutPtr l = layout(markup, style, width);
    PangoRectangle logical;
    pango_layout_get_extents(l.get(), nullptr, &logical);
    return from_pango(logical.height);
}

double PdfDocument::text_width(const std::string& markup, const TextStyle& style) const {
    LayoutPtr l = layout(markup, style, 1.0);
    pango_layout_set_width(l.get(), -1);  // no wrapping
    PangoRectangle logical;
    pango_layout_get_extents(l.get(), nullptr, &logical);
    return from_pango(logical.width);
}

double PdfDocument::balanced_width(const std::string& markup, const TextStyle& style,
                                   double width) const {
    const LayoutPtr l = layout(markup, style, width);
    // Count the lines the text really needs, not the ones a line limit would leave.
    pango_layout_set_height(l.get(), -1);
    pango_layout_set_ellipsize(l.get(), PANGO_ELLIPSIZE_NONE);
    auto lines_at = [&](double w) {
        pango_layout_set_width(l.get(), to_pango(w));
        return pango_layout_get_line_count(l.get());
    };
    const int lines = lines_at(width);
    if (lines <= 1) return width;
    // Bisection to a tenth of a point is plenty: the line count only changes at word widths.
    constexpr int kSteps = 14;
    double lo = width / (lines + 1);
    double hi = width;
    for (int i = 0; i < kSteps; ++i) {
        const double mid = (lo + hi) / 2;
        (lines_at(mid) <= lines ? hi : lo) = mid;
    }
    return std::min(width, hi + 0.5);
}

double PdfDocument::draw_balanced(double x, double y, double width, const std::string& markup,
                                  const TextStyle& style) {
    const double w = balanced_width(markup, style, width);
    return draw_text(x + (width - w) / 2, y, w, markup, style);
}

double PdfDocument::draw_text(double x, double y, double width, const std::string& markup,
                              const TextStyle& style) {
    const LayoutPtr l = layout(markup, style, width);
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, l.get());
    PangoRectangle logical;
    pango_layout_get_extents(l.get(), nullptr, &logical);
    return from_pango(logical.height);
}

void PdfDocument::draw_qr(double x, double y, double side, const QrMatrix& qr) {
    if (qr.size <= 0) return;
    const double module = side / (qr.size + 2 * kQrQuietZoneModules);
    const double origin_x = x + kQrQuietZoneModules * module;
    const double origin_y = y + kQrQuietZoneModules * module;
    cairo_save(cr_);
    cairo_set_source_rgb(cr_, 1, 1, 1);
    cairo_rectangle(cr_, x, y, side, side);
    cairo_fill(cr_);
    cairo_set_source_rgb(cr_, 0, 0, 0);
    // One path for the whole symbol, a rectangle per horizontal run: no hairline seams between
    // neighbouring modules when a viewer anti-aliases.
    for (int row = 0; row < qr.size; ++row) {
        int col = 0;
        while (col < qr.size) {
            if (!qr.dark(col, row)) {
                ++col;
                continue;
            }
            const int start = col;
            while (col < qr.size && qr.dark(col, row)) ++col;
            cairo_rectangle(cr_, origin_x + start * module, origin_y + row * module,
                            (col - start) * module, module);
        }
    }
    cairo_fill(cr_);
    cairo_restore(cr_);
}

void PdfDocument::line(double x1, double y1, double x2, double y2, double thickness) {
    cairo_save(cr_);
    cairo_set_line_width(cr_, thickness);
    cairo_set_line_cap(cr_, CAIRO_LINE_CAP_SQUARE);
    cairo_move_to(cr_, x1, y1);
    cairo_line_to(cr_, x2, y2);
    cairo_stroke(cr_);
    cairo_restore(cr_);
}

void PdfDocument::rectangle(double x, double y, double w, double h, double thickness) {
    cairo_save(cr_);
    cairo_set_line_width(cr_, thickness);
    cairo_rectangle(cr_, x, y, w, h);
    cairo_stroke(cr_);
    cairo_restore(cr_);
}

void PdfDocument::new_page() {
    if (footer_) footer_(*this);
    cairo_show_page(cr_);
    ++page_;
}

Result<std::string> PdfDocument::finish() {
    if (!finished_) {
        if (footer_) footer_(*this);
        cairo_show_page(cr_);
        cairo_surface_finish(surface_);
        finished_ = true;
    }
    const cairo_status_t status = cairo_status(cr_) != CAIRO_STATUS_SUCCESS
                                      ? cairo_status(cr_)
                                      : cairo_surface_status(surface_);
    if (status != CAIRO_STATUS_SUCCESS)
        return make_error(ErrorCode::pdf_failed, std::string("cannot draw the PDF document: ") +
                                                     cairo_status_to_string(status));
    return bytes_;
}

Result<std::string> render_pdf(Orientation orientation, const std::string& title,
                               const std::function<void(PdfDocument&)>& draw) {
    const std::unique_ptr<PangoFontMap, decltype(&g_object_unref)> fonts(pango_cairo_font_map_new(),
                                                                         &g_object_unref);
    int pages = 0;
    {
        PdfDocument count(orientation, title, 0, fonts.get());
        draw(count);
        auto done = count.finish();
        if (!done) return done.error();
        pages = count.page();
    }
    PdfDocument doc(orientation, title, pages, fonts.get());
    draw(doc);
    return doc.finish();
}

void release_font_caches() {
    // cairo first: its font caches hold fontconfig patterns that FcFini would free under it.
    cairo_debug_reset_static_data();
    FcFini();
}

Flow::Flow(PdfDocument& doc, std::function<void(Flow&)> on_new_page)
    : doc_(doc), on_new_page_(std::move(on_new_page)), y_(doc.top()) {}

void Flow::space(double points) {
    y_ = std::min(y_ + points, doc_.bottom());
}

void Flow::keep(double height) {
    // A block taller than a whole page cannot be kept together: it starts where it is.
    if (height > room() && y_ > doc_.top() + 1.0) break_page();
}

void Flow::break_page() {
    doc_.new_page();
    y_ = doc_.top();
    if (on_new_page_) on_new_page_(*this);
}

void Flow::paragraph(const std::string& markup, const TextStyle& style, double indent) {
    double x = doc_.left() + indent;
    double width = doc_.content_width() - indent;
    if (style.align == Align::centre) {
        // Centred lines of even length, not a long line and an orphan.
        const double balanced = doc_.balanced_width(markup, style, width);
        x += (width - balanced) / 2;
        width = balanced;
    }
    const LayoutPtr layout = doc_.layout(markup, style, width);
    PangoLayoutIter* it = pango_layout_get_iter(layout.get());
    // Layout coordinates of the first line placed on the current page, and where it went.
    double layout_top = 0;
    double page_top = y_;
    double layout_bottom = 0;
    do {
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(it, nullptr, &logical);
        const double line_top = from_pango(logical.y);
        const double line_bottom = from_pango(logical.y + logical.height);
        if (page_top + (line_bottom - layout_top) > doc_.bottom() &&
            page_top + (line_top - layout_top) > doc_.top() + 1.0) {
            break_page();
            page_top = y_;
            layout_top = line_top;
        }
        const double baseline = from_pango(pango_layout_iter_get_baseline(it));
        cairo_move_to(doc_.cr(), x + from_pango(logical.x), page_top + (baseline - layout_top));
        pango_cairo_show_layout_line(doc_.cr(), pango_layout_iter_get_line_readonly(it));
        layout_bottom = line_bottom;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    y_ = page_top + (layout_bottom - layout_top);
}

}  // namespace motcua::documents
