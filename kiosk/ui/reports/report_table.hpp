#pragma once
/// A figures table of the dashboard: the first column names the row, the figure columns are
/// right-aligned under headings grouped as "Số lượt", "Thời gian chờ", "Đánh giá"; the total row
/// stays in view under the rows, which page with the mouse wheel or the arrows beside
/// "Dòng 1–9 trên 31" when they do not all fit.
#include <string>
#include <vector>

#include "kiosk/core/reports/reports_views.hpp"
#include "kiosk/ui/shell/widgets.hpp"

namespace motcua::kiosk::ui {

struct TableSpec {
    std::string id;             // unique among the tables of a screen (ImGui ids)
    std::string label_heading;  // "Lĩnh vực"
    std::vector<ReportColumn> columns;
    const std::vector<TableLine>* rows = nullptr;
    const TableLine* total = nullptr;  // none: no total row
    std::string total_label;           // "Tổng cộng"
};

class ReportTable {
public:
    /// Draws the table in `box` (as much of it as fits); returns the height used.
    float draw(UiFrame& ui, const Box& box, const TableSpec& spec);
    /// Height of the whole table with every row, at `width`.
    [[nodiscard]] static float full_height(const UiFrame& ui, float width, const TableSpec& spec);
    /// Back to the first row (another grouping or period).
    void reset_scroll() { first_ = 0; }

private:
    std::size_t first_ = 0;  // first row shown
};

}  // namespace motcua::kiosk::ui
