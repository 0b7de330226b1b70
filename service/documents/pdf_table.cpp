#include "documents/pdf_table.hpp"

#include <algorithm>
#include <cassert>
#include <numeric>

namespace motcua::documents {

namespace {

constexpr double kGridLine = 0.5;
constexpr double kMinHeaderRow = 12.0;

struct Geometry {
    std::vector<double> x;  // left edge of each column, and the right edge of the last
    [[nodiscard]] double left(int col) const { return x[static_cast<std::size_t>(col)]; }
    [[nodiscard]] double width(int col, int span) const {
        return x[static_cast<std::size_t>(col + span)] - x[static_cast<std::size_t>(col)];
    }
};

Geometry geometry(const PdfDocument& doc, const TableSpec& spec) {
    const double sum = std::accumulate(spec.widths.begin(), spec.widths.end(), 0.0);
    Geometry g;
    double x = doc.left();
    g.x.push_back(x);
    for (double w : spec.widths) {
        x += doc.content_width() * w / sum;
        g.x.push_back(x);
    }
    return g;
}

TextStyle header_style(const TableSpec& spec) {
    TextStyle s{spec.header_size, true, false, Align::centre};
    s.max_lines = spec.max_lines;
    return s;
}

// Heights of the header rows: each tall enough for its own cells, and the last row of a merged
// cell grows when the merged text needs more than the rows it spans.
std::vector<double> header_heights(const PdfDocument& doc, const TableSpec& spec,
                                   const Geometry& g) {
    std::vector<double> h(static_cast<std::size_t>(spec.header_rows), kMinHeaderRow);
    const TextStyle style = header_style(spec);
    auto need = [&](const HeaderCell& c) {
        return doc.text_height(esc(c.text), style, g.width(c.col, c.col_span) - 2 * spec.padding) +
               2 * spec.padding;
    };
    for (const auto& c : spec.header)
        if (c.row_span == 1)
            h[static_cast<std::size_t>(c.row)] =
                std::max(h[static_cast<std::size_t>(c.row)], need(c));
    for (const auto& c : spec.header) {
        if (c.row_span == 1) continue;
        const auto first = h.begin() + c.row;
        const double have = std::accumulate(first, first + c.row_span, 0.0);
        const double missing = need(c) - have;
        if (missing > 0) h[static_cast<std::size_t>(c.row + c.row_span - 1)] += missing;
    }
    return h;
}

double header_height(const PdfDocument& doc, const TableSpec& spec, const Geometry& g) {
    const auto h = header_heights(doc, spec, g);
    return std::accumulate(h.begin(), h.end(), 0.0);
}

void draw_header(Flow& flow, const TableSpec& spec, const Geometry& g) {
    PdfDocument& doc = flow.doc();
    const auto h = header_heights(doc, spec, g);
    const TextStyle style = header_style(spec);
    const double top = flow.y();
    for (const auto& c : spec.header) {
        const double y = top + std::accumulate(h.begin(), h.begin() + c.row, 0.0);
        const double height =
            std::accumulate(h.begin() + c.row, h.begin() + c.row + c.row_span, 0.0);
        const double x = g.left(c.col);
        const double w = g.width(c.col, c.col_span);
        doc.rectangle(x, y, w, height, kGridLine);
        const std::string markup = esc(c.text);
        const double text_h = doc.text_height(markup, style, w - 2 * spec.padding);
        doc.draw_text(x + spec.padding, y + (height - text_h) / 2, w - 2 * spec.padding, markup,
                      style);
    }
    flow.set_y(top + std::accumulate(h.begin(), h.end(), 0.0));
}

}  // namespace

void draw_table(Flow& flow, const TableSpec& spec, const std::vector<TableRow>& rows) {
    assert(spec.widths.size() == spec.aligns.size());
    PdfDocument& doc = flow.doc();
    const Geometry g = geometry(doc, spec);
    const int columns = static_cast<int>(spec.widths.size());

    auto cell_style = [&](int col, bool bold_row) {
        TextStyle s{spec.body_size, bold_row, false, spec.aligns[static_cast<std::size_t>(col)]};
        s.max_lines = spec.max_lines;
        return s;
    };
    auto row_height = [&](const TableRow& row) {
        double h = 0;
        for (int col = 0; col < columns && col < static_cast<int>(row.cells.size()); ++col)
            h = std::max(
                h, doc.text_height(esc(row.cells[static_cast<std::size_t>(col)]),
                                   cell_style(col, row.bold), g.width(col, 1) - 2 * spec.padding));
        return h + 2 * spec.padding;
    };

    // The header never stands alone at the foot of a page: it needs its first row with it.
    const double first_row = rows.empty() ? 0.0 : row_height(rows.front());
    flow.keep(header_height(doc, spec, g) + first_row);
    draw_header(flow, spec, g);

    for (const auto& row : rows) {
        const double h = row_height(row);
        if (h > flow.room()) {
            flow.break_page();
            draw_header(flow, spec, g);
        }
        const double top = flow.y();
        for (int col = 0; col < columns; ++col) {
            const double x = g.left(col);
            const double w = g.width(col, 1);
            doc.rectangle(x, top, w, h, kGridLine);
            if (col >= static_cast<int>(row.cells.size())) continue;
            const std::string markup = esc(row.cells[static_cast<std::size_t>(col)]);
            const TextStyle style = cell_style(col, row.bold);
            const double text_h = doc.text_height(markup, style, w - 2 * spec.padding);
            doc.draw_text(x + spec.padding, top + (h - text_h) / 2, w - 2 * spec.padding, markup,
                          style);
        }
        flow.set_y(top + h);
    }
}

}  // namespace motcua::documents
