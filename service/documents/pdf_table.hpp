#pragma once
/// Ruled tables for registers and report forms: a header of one or more rows with merged
/// cells, body rows whose cells wrap, and page breaks between rows with the header repeated.
#include <string>
#include <vector>

#include "documents/pdf_canvas.hpp"

namespace motcua::documents {

/// A header cell at (row, col) spanning row_span rows and col_span columns. Text is plain.
struct HeaderCell {
    std::string text;
    int row = 0;
    int col = 0;
    int row_span = 1;
    int col_span = 1;
};

struct TableSpec {
    /// Relative column widths; the table fills the content width.
    std::vector<double> widths;
    /// Alignment of the body cells, per column.
    std::vector<Align> aligns;
    std::vector<HeaderCell> header;
    int header_rows = 1;
    double header_size = 9.0;
    double body_size = 9.0;
    double padding = 3.0;
    /// A cell shows at most this many lines (the last ends in "…"), so a row always fits a page.
    int max_lines = 8;
};

struct TableRow {
    std::vector<std::string> cells;  // plain text, one per column; '\n' starts a new line
    bool bold = false;               // totals
};

/// Draws the table from the flow's position. A row that does not fit goes to the next page
/// (Flow::break_page, which draws what the document repeats) under the repeated header.
void draw_table(Flow& flow, const TableSpec& spec, const std::vector<TableRow>& rows);

}  // namespace motcua::documents
