#pragma once
/// The top of every dashboard screen under the header: the period (Hôm nay, Tuần này, Tháng
/// này, Tùy chọn with its two date fields), Làm mới, the exports and Đăng xuất; the tabs of the
/// groupings and the charts, with the period and time of the figures beside them; then the
/// notices (a lost link, a saved file, a refusal). Rows wrap when the window is narrow.
#include <array>
#include <vector>

#include "kiosk/core/reports/reports_views.hpp"
#include "kiosk/core/shell/view_model.hpp"
#include "kiosk/ui/shell/widgets.hpp"

namespace motcua::kiosk::ui {

/// What the dashboard's screens ask for; the controller applies them.
using ReportsCommands = std::vector<ReportsCommand>;

class ReportsBar {
public:
    ReportsBar() = default;
    ReportsBar(const ReportsBar&) = delete;
    ReportsBar& operator=(const ReportsBar&) = delete;

    /// Draws the header and the bar; returns the page left below it.
    Box draw(UiFrame& ui, const ShellView& view, const ReportsBarView& bar, ReportsCommands& out);

private:
    void draw_actions_rows(UiFrame& ui, Box& page, const ReportsBarView& v, ReportsCommands& out);
    void draw_tabs_row(UiFrame& ui, Box& page, const ReportsBarView& v, ReportsCommands& out);
    void draw_custom_row(UiFrame& ui, Box& page, const ReportsBarView& v, ReportsCommands& out);
    void draw_ward_row(UiFrame& ui, Box& page, const ReportsBarView& v, ReportsCommands& out);
    void apply_custom(ReportsCommands& out);

    static constexpr std::size_t kDateBytes = 32;
    std::array<char, kDateBytes> from_{};
    std::array<char, kDateBytes> to_{};
    bool was_open_ = false;
    enum class Focus { none, from, to };
    Focus focus_ = Focus::none;
};

}  // namespace motcua::kiosk::ui
