// The slip's layout: one centred column drawn top to bottom with cairo's toy text API (Noto Sans
// through fontconfig; its precomposed Vietnamese letters need no shaping), then thresholded to
// the 1-bit dots a thermal head prints.
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "kiosk/print/cairo_handles.hpp"
#include "kiosk/print/slip_text.hpp"
#include "kiosk/print/ticket_printer.hpp"
#include "motcua/qr.hpp"

namespace motcua::kiosk::print {

namespace {

constexpr const char* kFontFamily = "Noto Sans";
// Alpha at or above this prints black. Below half coverage, so that the one-dot-thin tilde and
// hook of small Vietnamese letters (mã, dõi, của) keep their shape instead of breaking up;
// much lower and the counters of "e" and "a" fill in.
constexpr unsigned char kInkThreshold = 96;
// The number is measured at this size and scaled, since cairo's extents are (nearly) linear in
// size.
constexpr double kMeasureSize = 100.0;
// The number should be about a third of the paper's width tall, as readable as the board,
// but leave some white beside it: a four-character number is width-bound.
constexpr double kNumberHeightOfWidth = 1.0 / 3.0;
constexpr double kNumberWidthOfText = 0.92;
// Scanners need at least this many dots per module at 203 dpi (0.5 mm).
constexpr int kQrMinModuleDots = 4;

/// Sizes in dots for one paper width. 80 mm paper gets larger text, not just longer lines:
/// the extra width is spent on older citizens' eyes rather than on fewer lines.
struct PaperStyle {
    int width;
    double margin;          // left, right, top and bottom
    double title_size;      // office name
    double body_size;       // category, waiting, estimate, counters, priority
    double small_size;      // issue time, QR caption, footer
    double rule_thickness;  // the line under the office name
    double gap;             // between groups of lines
    double qr_width;        // the QR code and its quiet zone aim at this width
    int qr_max_module;      // ... but modules grow no bigger than this
};

constexpr PaperStyle kStyle58{384, 8, 24, 22, 21, 2, 10, 200, 6};
constexpr PaperStyle kStyle80{576, 8, 32, 28, 24, 3, 14, 280, 8};

const PaperStyle& style_for(Paper paper) {
    return paper == Paper::mm80 ? kStyle80 : kStyle58;
}

enum class Weight { regular, bold };

/// Draws the slip's parts one below the other and remembers how far down it got.
class SlipPainter {
public:
    SlipPainter(cairo_t* cr, const PaperStyle& style) : cr_(cr), style_(style), y_(style.margin) {
        cairo_font_options_t* options = cairo_font_options_create();
        // Grey coverage, thresholded below, keeps thin diagonals that monochrome rasterising
        // drops; full hinting snaps Noto's stems and the small tilde to whole dots, which is
        // what keeps "mã" from printing as a flat "mā" at 20 dots.
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_FULL);
        cairo_set_font_options(cr_, options);
        cairo_font_options_destroy(options);
    }

    [[nodiscard]] double y() const { return y_; }
    void space(double dots) { y_ += dots; }

    /// Wrapped, centred lines of text.
    void text(const std::string& raw, Weight weight, double size) {
        const std::string clean = sanitize_utf8(raw);
        if (clean.empty()) return;
        select_font(weight, size);
        cairo_font_extents_t fe;
        cairo_font_extents(cr_, &fe);
        for (const std::string& line : wrap_balanced(clean, text_width(), measure())) {
            cairo_text_extents_t te;
            cairo_text_extents(cr_, line.c_str(), &te);
            // Whole-dot positions keep every line hinted the same way.
            cairo_move_to(cr_, std::round((style_.width - te.x_advance) / 2),
                          std::round(y_ + fe.ascent));
            cairo_show_text(cr_, line.c_str());
            y_ += std::ceil(fe.ascent + fe.descent);
        }
    }

    /// White text on a black bar: staff spot a priority ticket from across the desk.
    void inverted(const std::string& raw, double size) {
        const std::string clean = sanitize_utf8(raw);
        if (clean.empty()) return;
        select_font(Weight::bold, size);
        cairo_font_extents_t fe;
        cairo_font_extents(cr_, &fe);
        const double pad = std::round(size / 4);
        const auto lines = wrap_balanced(clean, text_width() - 2 * pad, measure());
        const double line_height = std::ceil(fe.ascent + fe.descent);
        cairo_rectangle(cr_, style_.margin, y_, text_width(),
                        line_height * static_cast<double>(lines.size()) + 2 * pad);
        cairo_fill(cr_);
        y_ += pad;
        cairo_set_operator(cr_, CAIRO_OPERATOR_CLEAR);
        for (const std::string& line : lines) {
            cairo_text_extents_t te;
            cairo_text_extents(cr_, line.c_str(), &te);
            cairo_move_to(cr_, std::round((style_.width - te.x_advance) / 2),
                          std::round(y_ + fe.ascent));
            cairo_show_text(cr_, line.c_str());
            y_ += line_height;
        }
        cairo_set_operator(cr_, CAIRO_OPERATOR_OVER);
        y_ += pad;
    }

    /// The ticket number, as tall as a third of the paper is wide unless that would be too wide.
    void number(const std::string& raw) {
        const std::string clean = sanitize_utf8(raw);
        if (clean.empty()) return;
        select_font(Weight::bold, kMeasureSize);
        cairo_text_extents_t te;
        cairo_text_extents(cr_, clean.c_str(), &te);
        if (te.width <= 0 || te.height <= 0) return;
        const double max_width = text_width() * kNumberWidthOfText;
        const double scale =
            std::min(style_.width * kNumberHeightOfWidth / te.height, max_width / te.width);
        cairo_set_font_size(cr_, kMeasureSize * scale);
        // Hinting makes extents only nearly linear in size: measure again at the real size,
        // and shrink once more if the rounding made the number too wide.
        cairo_text_extents(cr_, clean.c_str(), &te);
        if (te.width > max_width) {
            cairo_set_font_size(cr_, kMeasureSize * scale * max_width / te.width);
            cairo_text_extents(cr_, clean.c_str(), &te);
        }
        // Centre the ink, not the advance: side bearings of big digits are visibly uneven.
        cairo_move_to(cr_, std::round((style_.width - te.width) / 2 - te.x_bearing),
                      std::round(y_ - te.y_bearing));
        cairo_show_text(cr_, clean.c_str());
        y_ += std::ceil(te.height);
    }

    /// A horizontal rule across the text width.
    void rule() {
        cairo_rectangle(cr_, style_.margin, y_, text_width(), style_.rule_thickness);
        cairo_fill(cr_);
        y_ += style_.rule_thickness;
    }

    /// The QR code with its quiet zone, modules on whole dots so every module prints the same.
    /// Returns false when it cannot be printed scannably on this paper.
    bool qr(const QrMatrix& code) {
        const int span = code.size + 2 * kQrQuietZoneModules;
        const int module =
            std::min(style_.qr_max_module,
                     std::max(kQrMinModuleDots, static_cast<int>(style_.qr_width) / span));
        // The quiet zone may run into the side margins (they are white paper too).
        if (span * module > style_.width) return false;
        const double left = std::floor((style_.width - span * module) / 2.0);
        const double top = std::round(y_);
        const double quiet = kQrQuietZoneModules * module;
        for (int row = 0; row < code.size; ++row)
            for (int col = 0; col < code.size; ++col)
                if (code.dark(col, row))
                    cairo_rectangle(cr_, left + quiet + col * module, top + quiet + row * module,
                                    module, module);
        cairo_fill(cr_);
        y_ = top + span * module;
        return true;
    }

private:
    [[nodiscard]] double text_width() const { return style_.width - 2 * style_.margin; }

    void select_font(Weight weight, double size) {
        cairo_select_font_face(
            cr_, kFontFamily, CAIRO_FONT_SLANT_NORMAL,
            weight == Weight::bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
        cairo_set_font_size(cr_, size);
    }

    [[nodiscard]] MeasureText measure() const {
        return [cr = cr_](std::string_view piece) {
            const std::string s(piece);
            cairo_text_extents_t te;
            cairo_text_extents(cr, s.c_str(), &te);
            return te.x_advance;
        };
    }

    cairo_t* cr_;
    const PaperStyle& style_;
    double y_;
};

void lay_out(SlipPainter& p, const TicketSlip& slip, const PaperStyle& s) {
    p.text(slip.office_name, Weight::bold, s.title_size);
    p.space(s.gap / 2);
    p.rule();
    p.space(s.gap);
    p.text(slip.category_name, Weight::bold, s.body_size);
    p.space(s.gap);
    p.number(slip.number);
    p.space(s.gap);
    for (const std::string* band : {&slip.appointment_text, &slip.priority_text}) {
        if (band->empty()) continue;
        p.inverted(*band, s.body_size);
        p.space(s.gap);
    }
    p.text(slip.waiting_text, Weight::regular, s.body_size);
    p.text(slip.estimate_text, Weight::regular, s.body_size);
    p.text(slip.counters_text, Weight::bold, s.body_size);
    p.text(slip.issued_at_text, Weight::regular, s.small_size);
    if (!slip.qr_url.empty()) {
        auto code = make_qr(slip.qr_url);
        if (!code)
            spdlog::warn("ticket {}: no QR code on the slip: {}", slip.number,
                         code.error().message);
        else if (!p.qr(*code))
            spdlog::warn("ticket {}: no QR code on the slip: {} modules do not fit the paper",
                         slip.number, code->size);
        else
            p.text(slip.qr_caption, Weight::regular, s.small_size);
    }
    p.space(s.gap);
    p.text(slip.footer, Weight::regular, s.small_size);
}

Error cairo_failure(cairo_status_t status) {
    return make_error(ErrorCode::render_failed,
                      std::string("cannot draw the ticket: ") + cairo_status_to_string(status));
}

}  // namespace

int paper_width_dots(Paper paper) {
    return style_for(paper).width;
}

void release_font_caches() {
    // cairo first: its font map holds fontconfig patterns that FcFini would otherwise free
    // under it.
    cairo_debug_reset_static_data();
    FcFini();
}

Result<Bitmap> render_ticket(const TicketSlip& slip, Paper paper) {
    const PaperStyle& style = style_for(paper);

    // Draw once onto an unbounded recording surface to learn the height, then replay it onto
    // an image of exactly that size: one layout pass, no guessing.
    const SurfacePtr recording(cairo_recording_surface_create(CAIRO_CONTENT_ALPHA, nullptr));
    double content_bottom = 0;
    {
        const ContextPtr cr(cairo_create(recording.get()));
        SlipPainter painter(cr.get(), style);
        lay_out(painter, slip, style);
        content_bottom = painter.y();
        if (const auto status = cairo_status(cr.get()); status != CAIRO_STATUS_SUCCESS)
            return cairo_failure(status);
    }
    const int height = static_cast<int>(std::ceil(content_bottom + style.margin));

    const SurfacePtr image(cairo_image_surface_create(CAIRO_FORMAT_A8, style.width, height));
    if (const auto status = cairo_surface_status(image.get()); status != CAIRO_STATUS_SUCCESS)
        return cairo_failure(status);
    {
        const ContextPtr cr(cairo_create(image.get()));
        cairo_set_source_surface(cr.get(), recording.get(), 0, 0);
        cairo_paint(cr.get());
        if (const auto status = cairo_status(cr.get()); status != CAIRO_STATUS_SUCCESS)
            return cairo_failure(status);
    }
    cairo_surface_flush(image.get());

    Bitmap out;
    out.width = style.width;
    out.height = height;
    out.pixels.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(height));
    const unsigned char* data = cairo_image_surface_get_data(image.get());
    const int stride = cairo_image_surface_get_stride(image.get());
    for (int y = 0; y < height; ++y) {
        const unsigned char* row = data + static_cast<std::ptrdiff_t>(y) * stride;
        for (int x = 0; x < out.width; ++x)
            out.pixels[static_cast<std::size_t>(y * out.width + x)] =
                row[x] >= kInkThreshold ? 1 : 0;
    }
    return out;
}

}  // namespace motcua::kiosk::print
