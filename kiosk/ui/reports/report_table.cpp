#include "kiosk/ui/reports/report_table.hpp"

#include <algorithm>
#include <optional>

#include "kiosk/ui/citizen/citizen_layout.hpp"
#include "kiosk/ui/reports/report_widgets.hpp"
#include "kiosk/ui/reports/reports_text.hpp"

namespace motcua::kiosk::ui {

namespace {

/// Lines a figure's heading may take: two under a group's name, three standing alone.
constexpr std::size_t kGroupedLines = 2;
constexpr std::size_t kAloneLines = 3;
/// Rows moved by one notch of the mouse wheel.
constexpr int kWheelRows = 3;

/// The narrowest width at which `text` wraps into at most `lines` lines.
float width_for_lines(const ImFont* font, std::string_view text, std::size_t lines) {
    const float full = measure(font, text).x;
    float lo = 0;  // the longest word: no narrower, or a word would be split
    for (std::size_t at = 0; at <= text.size();) {
        const std::size_t space = std::min(text.find(' ', at), text.size());
        lo = std::max(lo, measure(font, text.substr(at, space - at)).x);
        at = space + 1;
    }
    if (lo >= full || wrap_lines(font, text, lo + 1).size() <= lines) return std::min(full, lo + 1);
    float hi = full + 1;
    constexpr int kSteps = 12;  // within a pixel at any size
    for (int i = 0; i < kSteps; ++i) {
        const float mid = (lo + hi) / 2;
        if (wrap_lines(font, text, mid).size() <= lines)
            hi = mid;
        else
            lo = mid;
    }
    return hi;
}

struct Layout {
    float label_w = 0;
    std::vector<float> widths;
    float head_h = 0;  // the whole heading
};

Layout layout_of(const UiFrame& ui, float width, const TableSpec& s) {
    const Theme& t = ui.theme;
    const ImFont* font = ui.fonts.small;
    const float pad = t.report_cell_pad;
    const float line = font_px(font);
    Layout l;
    std::size_t lines = 1;
    for (std::size_t i = 0; i < s.columns.size(); ++i) {
        const ReportColumn col = s.columns[i];
        const bool in_group = column_group(col).has_value();
        const std::string& head = ui.tr(column_heading(col));
        float w = width_for_lines(font, head, in_group ? kGroupedLines : kAloneLines);
        const auto cell = [&](const TableLine& r) {
            if (i < r.cells.size()) w = std::max(w, fit_width(font, r.cells[i]));
        };
        for (const auto& r : *s.rows) cell(r);
        if (s.total != nullptr) cell(*s.total);
        l.widths.push_back(w + 2 * pad);
    }
    // A group's name fits over its columns on one line.
    for (std::size_t i = 0; i < s.columns.size();) {
        const auto group = column_group(s.columns[i]);
        std::size_t j = i + 1;
        while (j < s.columns.size() && group && column_group(s.columns[j]) == group) ++j;
        if (group) {
            float span = 0;
            for (std::size_t k = i; k < j; ++k) span += l.widths[k];
            const float need = fit_width(font, ui.tr(*group)) + 2 * pad;
            if (need > span)
                for (std::size_t k = i; k < j; ++k)
                    l.widths[k] += (need - span) / static_cast<float>(j - i);
        }
        i = j;
    }
    float label = fit_width(font, s.label_heading);
    for (const auto& r : *s.rows) label = std::max(label, fit_width(font, r.label));
    if (s.total != nullptr) label = std::max(label, fit_width(font, s.total_label));
    l.label_w = std::clamp(label + 2 * pad, t.report_label_min_w, t.report_label_max_w);

    float figures = 0;
    for (const float w : l.widths) figures += w;
    if (l.label_w + figures > width) {
        // Too wide: the names give way first (cut with "…"), then every column alike.
        l.label_w = std::max(t.report_label_min_w, width - figures);
        const float room = width - l.label_w;
        if (figures > room)
            for (float& w : l.widths) w *= room / figures;
    } else if (!l.widths.empty()) {
        // Room to spare: the figures spread out, so the table reads across the whole page.
        const float extra = (width - l.label_w - figures) / static_cast<float>(l.widths.size());
        for (float& w : l.widths) w += extra;
    }
    // The heading is as tall as its longest name wraps at the columns' final widths.
    for (std::size_t i = 0; i < s.columns.size(); ++i) {
        const bool in_group = column_group(s.columns[i]).has_value();
        const float text_w = l.widths[i] - 2 * pad;
        const std::size_t n = wrap_lines(font, ui.tr(column_heading(s.columns[i])), text_w).size();
        lines = std::max(lines, in_group ? n + 1 : n);
    }
    l.head_h = static_cast<float>(lines) * line + t.gap / 2;
    return l;
}

}  // namespace

float ReportTable::full_height(const UiFrame& ui, float width, const TableSpec& spec) {
    const Layout l = layout_of(ui, width, spec);
    const auto rows = static_cast<float>(spec.rows->size() + (spec.total != nullptr ? 1 : 0));
    return l.head_h + ui.theme.rule + rows * ui.theme.report_row_h;
}

float ReportTable::draw(UiFrame& ui, const Box& box, const TableSpec& s) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    ImFont* font = ui.fonts.small;
    const float pad = t.report_cell_pad;
    const float line = font_px(font);
    const float row_h = t.report_row_h;
    const Layout l = layout_of(ui, box.width(), s);

    // ---- heading: the first column's name, the groups' names, each figure's own name
    const float head_bottom = box.min.y + l.head_h;
    const float text_bottom = head_bottom - t.gap / 4;
    label(ui,
          Box{{box.min.x + pad, text_bottom - line}, {box.min.x + l.label_w - pad, text_bottom}},
          s.label_heading, {font, c.text_muted, Align::left});
    float x = box.min.x + l.label_w;
    std::vector<float> lefts;
    for (std::size_t i = 0; i < s.columns.size(); ++i) {
        lefts.push_back(x);
        x += l.widths[i];
    }
    for (std::size_t i = 0; i < s.columns.size();) {
        const auto group = column_group(s.columns[i]);
        std::size_t j = i + 1;
        while (j < s.columns.size() && group && column_group(s.columns[j]) == group) ++j;
        if (group) {
            const Box span{{lefts[i] + pad, box.min.y},
                           {lefts[j - 1] + l.widths[j - 1] - pad, box.min.y + line}};
            label(ui, span, ui.tr(*group), {font, c.text, Align::centre});
            ui.draw->AddRectFilled({span.min.x, span.max.y + t.gap / 8},
                                   {span.max.x, span.max.y + t.gap / 8 + t.rule}, c.rule);
        }
        i = j;
    }
    for (std::size_t i = 0; i < s.columns.size(); ++i) {
        const std::string& head = ui.tr(column_heading(s.columns[i]));
        const Box cell{{lefts[i] + pad, box.min.y}, {lefts[i] + l.widths[i] - pad, text_bottom}};
        const float h = paragraph_height(font, head, cell.width());
        paragraph(ui, Box{{cell.min.x, cell.max.y - h}, cell.max}, head,
                  {font, c.text_muted, Align::right});
    }
    ui.draw->AddRectFilled({box.min.x, head_bottom}, {box.max.x, head_bottom + t.rule},
                           c.text_muted);

    // ---- rows: as many as fit above the total; the pager under it when some are hidden
    const float top = head_bottom + t.rule;
    const std::size_t n = s.rows->size();
    const float total_h = s.total != nullptr ? row_h : 0;
    float room = box.max.y - top - total_h;
    std::size_t visible = n;
    const bool paged = static_cast<float>(n) * row_h > room + 0.5F;
    if (paged) {
        room -= t.report_control_h + t.gap / 2;
        visible = static_cast<std::size_t>(std::max(1.0F, room / row_h));
        const Box area{{box.min.x, top}, {box.max.x, top + static_cast<float>(visible) * row_h}};
        const ImGuiIO& io = ImGui::GetIO();
        if (io.MouseWheel != 0 && io.MousePos.x >= area.min.x && io.MousePos.x < area.max.x &&
            io.MousePos.y >= area.min.y && io.MousePos.y < area.max.y) {
            const int moved = -static_cast<int>(io.MouseWheel) * kWheelRows;
            first_ = static_cast<std::size_t>(std::max(0, static_cast<int>(first_) + moved));
        }
    }
    first_ = std::min(first_, n > visible ? n - visible : 0);
    const auto draw_line = [&](const TableLine& r, const std::string& name, float y, ImU32 fill) {
        const Box band{{box.min.x, y}, {box.max.x, y + row_h}};
        if (fill != 0) ui.draw->AddRectFilled(band.min, band.max, fill);
        label(ui, Box{{box.min.x + pad, y}, {box.min.x + l.label_w - pad, y + row_h}}, name,
              {font, c.text, Align::left});
        for (std::size_t i = 0; i < s.columns.size() && i < r.cells.size(); ++i)
            label(ui, Box{{lefts[i] + pad, y}, {lefts[i] + l.widths[i] - pad, y + row_h}},
                  r.cells[i], {font, c.text, Align::right});
    };
    float y = top;
    for (std::size_t i = first_; i < std::min(n, first_ + visible); ++i) {
        draw_line((*s.rows)[i], (*s.rows)[i].label, y, (i - first_) % 2 == 1 ? c.table_stripe : 0);
        y += row_h;
    }
    if (s.total != nullptr) {
        ui.draw->AddRectFilled({box.min.x, y}, {box.max.x, y + t.rule}, c.text_muted);
        draw_line(*s.total, s.total_label, y, c.table_total);
        y += row_h;
    }
    if (!paged) return y - box.min.y;

    const Box pager{{box.min.x, y + t.gap / 2}, {box.max.x, y + t.gap / 2 + t.report_control_h}};
    const float side = t.report_control_h;
    const Box down{{pager.max.x - side, pager.min.y}, pager.max};
    const Box up{{down.min.x - t.gap / 2 - side, pager.min.y},
                 {down.min.x - t.gap / 2, pager.max.y}};
    const std::string up_id = "##" + s.id + "-up";
    const std::string down_id = "##" + s.id + "-down";
    if (arrow_button(ui, up_id.c_str(), up, true, ui.tr(TextId::reports_page_up), first_ > 0))
        first_ = first_ > visible ? first_ - visible : 0;
    if (arrow_button(ui, down_id.c_str(), down, false, ui.tr(TextId::reports_page_down),
                     first_ + visible < n))
        first_ = std::min(first_ + visible, n - visible);
    const std::string shown =
        ui.tr.format(TextId::reports_rows_shown, fmt::arg("first", first_ + 1),
                     fmt::arg("last", std::min(n, first_ + visible)), fmt::arg("count", n));
    label(ui, Box{pager.min, {up.min.x - t.gap, pager.max.y}}, shown,
          {font, c.text_muted, Align::right});
    return pager.max.y - box.min.y;
}

}  // namespace motcua::kiosk::ui
