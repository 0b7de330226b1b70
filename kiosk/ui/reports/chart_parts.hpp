#pragma once
/// The parts every dashboard chart is made of: its card and title, legends, value axes with
/// gridlines, labels under categories, dashed lines; and the numbers on them in the screen's
/// language.
#include <functional>
#include <string>
#include <vector>

#include "kiosk/core/reports/chart_axis.hpp"
#include "kiosk/core/reports/reports_views.hpp"
#include "kiosk/core/reports/vn_format.hpp"
#include "kiosk/ui/shell/widgets.hpp"

namespace motcua::kiosk::ui {

/// Value axes have at most this many steps.
inline constexpr int kAxisTicks = 4;

NumberStyle style_of(const UiFrame& ui);
/// "45 %" / "45%": a share on a chart, whole percent.
std::string whole_percent(const UiFrame& ui, double pct);
/// A tick's value: whole numbers, tenths when the steps are smaller than one.
std::string tick_text(const UiFrame& ui, double value, double step);

struct LegendEntry {
    ImU32 colour;
    std::string text;
    bool line = false;  // a line's sample rather than a square
};

/// Rows of entries that fit `width`, in order.
std::vector<std::vector<const LegendEntry*>> legend_rows(const UiFrame& ui, float width,
                                                         const std::vector<LegendEntry>& entries);
float legend_width(const UiFrame& ui, const std::vector<LegendEntry>& entries);
float legend_line_h(const UiFrame& ui);
void draw_legend(UiFrame& ui, const Box& box, const std::vector<LegendEntry>& entries, Align align);

/// The card and its title; the title row's right part takes the legend when it fits there
/// (else the legend gets rows of its own). `title_h` makes the title row taller (a button in it).
/// Returns what is left for the plot.
Box chart_card(UiFrame& ui, const Box& box, const std::string& title,
               const std::vector<LegendEntry>& legend, float title_h = 0);
/// Nothing to draw (loading, failed, or no figures): said in the middle of `box`; true then.
bool chart_state(UiFrame& ui, const Box& box, const Availability& a, bool empty);

/// How many steps a value axis may have in a plot `height` high: its texts never touch.
int ticks_for(const UiFrame& ui, float height);

/// A value axis with its tick texts; the top one names the unit ("12 lượt").
struct YAxis {
    ValueAxis axis;
    std::vector<std::string> texts;  // from 0 up
    float width = 0;
};
YAxis y_axis(const UiFrame& ui, const ValueAxis& axis, const std::string& unit,
             const std::function<std::string(double)>& text_of);
/// Gridlines across `plot` and the tick texts beside it (left or right), centred on their line.
/// On a short chart the top (with its unit) and 0 are written first, the others where they fit.
void draw_y_axis(UiFrame& ui, const Box& plot, const YAxis& y, bool left, bool grid);
/// Labels under the slots of a categorical axis, every k-th so none touch.
void draw_x_labels(UiFrame& ui, const Box& row, const std::vector<std::string>& texts, float slot_w,
                   float first_centre);
void dashed_vertical(UiFrame& ui, float x, float top, float bottom, ImU32 colour);

}  // namespace motcua::kiosk::ui
