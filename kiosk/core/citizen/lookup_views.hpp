#pragma once
/// What the kiosk's dossier lookup screens show ("dossier_lookup", "dossier_result"), as plain
/// data built from the lookup flow and the ward config. Only the public view's fields: a
/// dossier's applicant never reaches a view.
#include <optional>
#include <string>

#include "kiosk/core/citizen/dossier_lookup.hpp"
#include "kiosk/core/shell/mode.hpp"
#include "kiosk/core/shell/view_model.hpp"
#include "motcua/config.hpp"
#include "motcua/office_time.hpp"

namespace motcua::kiosk {

/// A calendar day as the screens write dates (the weekday included); no time of day.
LocalDateTime local_day(Day day);

struct LookupEntryView {
    std::string entry;
    bool searching = false;
    /// Keys that add a character: off while searching and once the entry is full.
    bool can_type = false;
    bool can_delete = false;
    bool can_submit = false;
    LookupProblem problem = LookupProblem::none;
    std::string problem_code;  // the code a notice is about
};

struct LookupResultView {
    std::string code;
    /// In the screen's language when the config names it in English; else the service's name.
    std::string procedure_name;
    DossierState state = DossierState::received;
    LocalDateTime received;
    /// The appointment: the date the apology letter promised (new_due_date), else the due date.
    LocalDateTime appointment;
    bool rescheduled = false;  // the appointment is a new date (an apology letter)
    std::optional<LocalDateTime> returned;
    /// The result waits at the desk to be collected.
    bool result_ready = false;
    int seconds_left = 0;
};

LookupEntryView make_lookup_entry_view(const LookupFlow& flow);
/// Empty (no code) when the flow holds no result.
LookupResultView make_lookup_result_view(const LookupFlow& flow, const WardConfig& config,
                                         Language lang, const OfficeZone& zone, SteadyTime now);

}  // namespace motcua::kiosk
