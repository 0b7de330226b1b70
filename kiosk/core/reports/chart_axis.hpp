#pragma once
/// Value axes for the dashboard's charts: from 0 up to a round top in a few round steps, so the
/// gridlines read 0, 5, 10, 15 rather than 0, 4.3, 8.6.
namespace motcua::kiosk {

struct ValueAxis {
    double step = 1;
    double top = 1;  // step × ticks, at least the largest value
    int ticks = 1;   // steps from 0 to top
};

/// Steps of 1, 2 or 5 × 10^k (never below `min_step`: counts step by whole units), at most
/// `max_ticks` of them, the top at or above `max_value`. An empty chart (max 0) gets 0..min_step.
ValueAxis value_axis(double max_value, int max_ticks = 5, double min_step = 1);

}  // namespace motcua::kiosk
