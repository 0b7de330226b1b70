#include "kiosk/core/reports/chart_axis.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace motcua::kiosk {

ValueAxis value_axis(double max_value, int max_ticks, double min_step) {
    max_ticks = std::max(1, max_ticks);
    min_step = min_step > 0 ? min_step : 1;
    if (!(max_value > 0)) return {min_step, min_step, 1};  // also NaN
    const double rough = std::max(min_step, max_value / max_ticks);
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    constexpr std::array kNice{1.0, 2.0, 5.0, 10.0};
    double step = magnitude * kNice.back();
    for (double n : kNice) {
        if (magnitude * n >= rough * (1 - 1e-9)) {
            step = magnitude * n;
            break;
        }
    }
    step = std::max(step, min_step);
    const int ticks = std::max(1, static_cast<int>(std::ceil(max_value / step - 1e-9)));
    return {step, step * ticks, ticks};
}

}  // namespace motcua::kiosk
