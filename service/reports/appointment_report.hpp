#pragma once
/// The appointments report (DESIGN.md §10) over a period's bookings and the tickets they gave.
#include <vector>

#include "motcua/config.hpp"
#include "motcua/model.hpp"
#include "motcua/office_time.hpp"
#include "motcua/reports.hpp"

namespace motcua::reports {

/// `bookings`: those for slots in [from, to]; `tickets`: the tickets of checked-in bookings
/// (matched by id). Rows: every bookable category in config order, or every day of the period.
AppointmentReport compute_appointment_report(const std::vector<Appointment>& bookings,
                                             const std::vector<Ticket>& tickets,
                                             const WardConfig& config, const OfficeZone& zone,
                                             Day from, Day to, AppointmentGrouping group_by);

/// The report as CSV for a spreadsheet (UTF-8 with a BOM, Vietnamese headings).
std::string appointment_report_csv(const AppointmentReport& report);

}  // namespace motcua::reports
