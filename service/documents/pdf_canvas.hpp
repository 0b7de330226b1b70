#pragma once
/// A4 PDF pages drawn with cairo and laid out with pango: wrapped Vietnamese text in points,
/// page breaks that fall between lines, QR codes and rules. The forms (forms.hpp) are written
/// on top of this; nothing here knows about dossiers.
#include <cairo.h>
#include <pango/pangocairo.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "motcua/qr.hpp"
#include "motcua/result.hpp"

namespace motcua::documents {

/// Points per millimetre: PDF user space is in points (1/72 inch).
inline constexpr double kMm = 72.0 / 25.4;

enum class Orientation { portrait, landscape };
enum class Align { left, centre, right, justify };

/// How a piece of text is set. Sizes are in points.
struct TextStyle {
    double size = 13.0;
    bool bold = false;
    bool italic = false;
    Align align = Align::left;
    /// Lines beyond this many are cut and the last one ends in "…" (0: no limit). Table cells use
    /// it so that one absurdly long value cannot make a row taller than a page.
    int max_lines = 0;
    /// Indent of the second and later lines (numbered items, "Label: value" runs), in points.
    double hanging = 0.0;
    /// Indent of the first line of each paragraph (letters: Decree 30/2020 asks for 1–1.27 cm).
    double first_line = 0.0;
};

/// Text for pango markup: invalid UTF-8 repaired, control characters made spaces, and <, >, &
/// escaped, so that data typed by a person can never break a layout.
std::string esc(std::string_view plain);
/// `esc` wrapped in <b>…</b>.
std::string bold(std::string_view plain);
/// Valid UTF-8 without control characters other than '\n'.
std::string clean_text(std::string_view text);

struct LayoutFree {
    void operator()(PangoLayout* layout) const { g_object_unref(layout); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, LayoutFree>;

/// One PDF document being drawn, page after page. Pages are A4 in the given orientation with the
/// margins of Decree 30/2020 (portrait: 20 mm top and bottom, 30 mm left, 15 mm right).
class PdfDocument {
public:
    /// `total_pages` is what "Trang x/y" footers print (0 when not yet known). Fonts come from
    /// `fonts`, which must outlive the document.
    PdfDocument(Orientation orientation, const std::string& title, int total_pages,
                PangoFontMap* fonts);
    ~PdfDocument();
    PdfDocument(const PdfDocument&) = delete;
    PdfDocument& operator=(const PdfDocument&) = delete;

    [[nodiscard]] cairo_t* cr() const { return cr_; }
    [[nodiscard]] double page_width() const { return width_; }
    [[nodiscard]] double page_height() const { return height_; }
    [[nodiscard]] double left() const { return left_; }
    [[nodiscard]] double right() const { return width_ - right_margin_; }
    [[nodiscard]] double top() const { return top_; }
    [[nodiscard]] double bottom() const { return height_ - bottom_margin_; }
    [[nodiscard]] double content_width() const { return right() - left(); }
    [[nodiscard]] int page() const { return page_; }
    [[nodiscard]] int total_pages() const { return total_pages_; }

    /// Called on each page just before it is shown (page numbers, running footers).
    void set_footer(std::function<void(PdfDocument&)> footer) { footer_ = std::move(footer); }

    /// A layout of `markup` wrapped at `width` points.
    [[nodiscard]] LayoutPtr layout(const std::string& markup, const TextStyle& style,
                                   double width) const;
    /// Height in points of `markup` wrapped at `width`.
    [[nodiscard]] double text_height(const std::string& markup, const TextStyle& style,
                                     double width) const;
    /// Natural width of one unwrapped line of `markup`.
    [[nodiscard]] double text_width(const std::string& markup, const TextStyle& style) const;
    /// The narrowest width up to `width` at which `markup` takes no more lines than at `width`:
    /// centred titles then read as a block rather than a long line and an orphan word.
    [[nodiscard]] double balanced_width(const std::string& markup, const TextStyle& style,
                                        double width) const;
    /// Like draw_text, with the lines balanced (balanced_width) and the block centred in `width`.
    double draw_balanced(double x, double y, double width, const std::string& markup,
                         const TextStyle& style);
    /// Draws `markup` wrapped at `width` with its top at y; returns its height. No page breaks.
    double draw_text(double x, double y, double width, const std::string& markup,
                     const TextStyle& style);

    /// A QR symbol with its quiet zone filling the square (x, y, side); white behind it.
    void draw_qr(double x, double y, double side, const QrMatrix& qr);
    void line(double x1, double y1, double x2, double y2, double thickness);
    void rectangle(double x, double y, double w, double h, double thickness);

    /// Ends the current page and starts the next one.
    void new_page();
    /// Ends the last page and returns the PDF's bytes.
    Result<std::string> finish();

private:
    static cairo_status_t write_chunk(void* closure, const unsigned char* data,
                                      unsigned int length);

    std::string bytes_;
    cairo_surface_t* surface_ = nullptr;
    cairo_t* cr_ = nullptr;
    PangoContext* pango_ = nullptr;
    double width_ = 0, height_ = 0;
    double left_ = 0, right_margin_ = 0, top_ = 0, bottom_margin_ = 0;
    int page_ = 1;
    int total_pages_ = 0;
    bool finished_ = false;
    std::function<void(PdfDocument&)> footer_;
};

/// Draws a document twice when it needs its own page count ("Trang 2/5"): once to count the pages,
/// then for real. `draw` must be deterministic. Each call has its own pango font map, freed at the
/// end, so that no per-thread font state builds up in the service's threads.
Result<std::string> render_pdf(Orientation orientation, const std::string& title,
                               const std::function<void(PdfDocument&)>& draw);

/// A cursor running down the pages: paragraphs break between lines at the bottom margin, and
/// blocks that must stay whole move to the next page.
class Flow {
public:
    /// `on_new_page` draws what every following page repeats (e.g. a table header) and may
    /// move the cursor down.
    explicit Flow(PdfDocument& doc, std::function<void(Flow&)> on_new_page = {});

    [[nodiscard]] PdfDocument& doc() const { return doc_; }
    [[nodiscard]] double y() const { return y_; }
    void set_y(double y) { y_ = y; }
    [[nodiscard]] double room() const { return doc_.bottom() - y_; }

    void space(double points);
    /// Starts a new page unless `height` more points fit on this one.
    void keep(double height);
    void break_page();

    /// A paragraph over the content width, `indent` points in from the left margin.
    void paragraph(const std::string& markup, const TextStyle& style, double indent = 0.0);

private:
    PdfDocument& doc_;
    std::function<void(Flow&)> on_new_page_;
    double y_;
};

}  // namespace motcua::documents
