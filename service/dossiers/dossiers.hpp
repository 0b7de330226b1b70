#pragma once
/// Dossier rules (DESIGN.md §3): the national code, the due date, the states a dossier may move
/// through, the apology letter and the early / on time / late result. Pure: no SQL, no sockets.
#include <string>
#include <string_view>

#include "motcua/calendar.hpp"
#include "motcua/config.hpp"
#include "motcua/model.hpp"
#include "motcua/office_time.hpp"
#include "motcua/result.hpp"

namespace motcua::dossiers {

/// `UNITCODE-YYMMDD-XXXX`: unit code, receipt date, sequence of that day (4 digits, more after
/// 9999).
std::string dossier_code(std::string_view unit_code, Day day, int seq);

/// True when `code` looks like a dossier code this office could have issued (bounded, no
/// characters beyond letters, digits, '.' and '-'); used to refuse junk before any lookup.
bool plausible_code(std::string_view code);

/// What a receipt needs: who received it where, from whom.
struct Receipt {
    std::string ticket_id;
    int counter = 0;
    std::string officer;
    Applicant applicant;
};

/// A dossier received now for `procedure`, with its code and legal due date.
Dossier receive(const WardConfig& config, const WorkingCalendar& calendar, const OfficeZone& zone,
                const Procedure& procedure, TimePoint now, int seq, Receipt receipt);

/// The result of returning on `returned_day` against the legal due date.
DossierResult classify(Day returned_day, Day due_date);

/// Moves a dossier to `to` (in_process, ready, supplement_requested, returned, refused, withdrawn).
/// Errors: `invalid_status` (to `received`), `dossier_closed` (already returned, refused or
/// withdrawn). Returns false when the dossier is already in that state (nothing changes).
Result<bool> change_state(Dossier& d, DossierState to, TimePoint now, const OfficeZone& zone);

/// The apology letter (form 04): once, no later than one day before the due date, with a later
/// date. Errors: `dossier_closed`, `apology_exists`, `apology_too_late`, `new_due_not_later`.
Status apologise(Dossier& d, Day new_due, std::string reason, TimePoint now,
                 const OfficeZone& zone);

}  // namespace motcua::dossiers
