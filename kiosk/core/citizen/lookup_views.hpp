#pragma once
/// What the kiosk's code keyboard screens show ("dossier_lookup", "dossier_result",
/// "appointment_check_in"), as plain data built from the lookup flow and the ward config. Only
/// the public view's fields: a dossier's applicant and a booking's phone never reach a view.
#include <optional>
#include <string>

#include "kiosk/core/citizen/citizen_views.hpp"
#include "kiosk/core/citizen/dossier_lookup.hpp"
#include "kiosk/core/shell/mode.hpp"
#include "kiosk/core/shell/view_model.hpp"
#include "motcua/config.hpp"
#include "motcua/office_time.hpp"

namespace motcua::kiosk {

/// A calendar day as the screens write dates (the weekday included); no time of day.
LocalDateTime local_day(Day day);

/// A booking the check-in refused, as the notice tells it.
struct CheckInBooking {
    LocalDateTime day;
    std::string start;           // "09:00"
    std::string check_in_opens;  // "08:30": early_checkin_min before the start
    std::string category_name;   // in the screen's language
};

struct LookupEntryView {
    CodeKind kind = CodeKind::dossier;
    std::string entry;
    bool searching = false;
    /// Keys that add a character: off while searching and once the entry is full.
    bool can_type = false;
    bool can_delete = false;
    bool can_submit = false;
    LookupProblem problem = LookupProblem::none;
    std::string problem_code;  // the code a notice is about
    /// Check-in refused for the booking's time or state: what the service said of it.
    std::optional<CheckInBooking> booking;
    /// A check-in problem other than a mistyped code: "Lấy số thường" is offered.
    bool offer_normal_ticket = false;
    /// The wait a check-in opens before a slot, and the grace after its start (the config's).
    int early_checkin_min = 0;
    int late_grace_min = 0;
};

/// True when the keyboard's key adds to a code of this kind (the others are shown greyed: a
/// booking code has no 0, O, 1, I, L, 2, Z, 5, S, 8 or B).
bool key_types(CodeKind kind, char key);

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

LookupEntryView make_lookup_entry_view(const LookupFlow& flow, const WardData& data,
                                       const WardConfig& config, Language lang);
/// Empty (no code) when the flow holds no result.
LookupResultView make_lookup_result_view(const LookupFlow& flow, const WardConfig& config,
                                         Language lang, const OfficeZone& zone, SteadyTime now);

}  // namespace motcua::kiosk
