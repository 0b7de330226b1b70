#pragma once
/// The reports the dashboard reads: GET /reports/turnaround (DESIGN.md §4) and GET /reports/waits
/// (the waits of the served tickets in buckets, for the histogram). Their shapes and decoders are
/// shared with the service that sends them (motcua/reports.hpp); here only the dashboard's tabs.
#include <cstddef>

#include "motcua/reports.hpp"

namespace motcua::kiosk {

/// The dashboard's table tabs, in this order: what a ward service answers. The session keeps a
/// table per tab at the grouping's own index.
inline constexpr auto kReportGroupings = kWardGroupings;
static_assert([] {
    for (std::size_t i = 0; i < kReportGroupings.size(); ++i)
        if (static_cast<std::size_t>(kReportGroupings[i]) != i) return false;
    return true;
}());

}  // namespace motcua::kiosk
