#include "kiosk/core/citizen/lookup_views.hpp"

#include "kiosk/core/citizen/dossier_code.hpp"
#include "motcua/appointment_code.hpp"

namespace motcua::kiosk {

LocalDateTime local_day(Day day) {
    LocalDateTime out;
    out.year = static_cast<int>(day.year());
    out.month = static_cast<int>(static_cast<unsigned>(day.month()));
    out.day = static_cast<int>(static_cast<unsigned>(day.day()));
    out.weekday = static_cast<int>(date::weekday(date::sys_days(day)).c_encoding());
    return out;
}

bool key_types(CodeKind kind, char key) {
    return kind == CodeKind::dossier ? dossier_code_char(key) != 0
                                     : appointment_code_char(key) == key;
}

LookupEntryView make_lookup_entry_view(const LookupFlow& flow, const WardData& data,
                                       const WardConfig& config, Language lang) {
    LookupEntryView v;
    v.kind = flow.kind();
    v.entry = flow.entry();
    v.searching = flow.searching();
    const std::size_t full =
        v.kind == CodeKind::dossier ? kMaxDossierCodeLength : kAppointmentCodeLength;
    v.can_type = !v.searching && v.entry.size() < full;
    v.can_delete = !v.searching && !v.entry.empty();
    v.can_submit = !v.searching && !v.entry.empty();
    v.problem = flow.problem();
    v.problem_code = flow.problem_code();
    v.early_checkin_min = config.appointments.early_checkin_min;
    v.late_grace_min = config.appointments.late_grace_min;
    if (v.kind != CodeKind::appointment) return v;
    v.offer_normal_ticket =
        v.problem == LookupProblem::too_early || v.problem == LookupProblem::missed ||
        v.problem == LookupProblem::cancelled || v.problem == LookupProblem::not_found;
    if (const auto& b = flow.booking()) {
        CheckInBooking shown;
        shown.day = local_day(b->date);
        shown.start = b->start;
        if (const auto start = parse_hhmm(b->start))
            shown.check_in_opens = format_hhmm(std::max(0, *start - v.early_checkin_min));
        shown.category_name = category_name(data, config, b->category, lang);
        v.booking = std::move(shown);
    }
    return v;
}

LookupResultView make_lookup_result_view(const LookupFlow& flow, const WardConfig& config,
                                         Language lang, const OfficeZone& zone, SteadyTime now) {
    LookupResultView v;
    if (!flow.result()) return v;
    const api::DossierView& d = *flow.result();
    v.code = d.code;
    v.procedure_name = d.procedure_name.empty() ? d.procedure : d.procedure_name;
    if (lang == Language::en)
        if (const Procedure* p = config.find_procedure(d.procedure); p && !p->name_en.empty())
            v.procedure_name = p->name_en;
    v.state = d.state;
    v.received = local_date_time(zone, d.received_at);
    v.appointment = local_day(d.new_due_date.value_or(d.due_date));
    v.rescheduled = d.new_due_date.has_value();
    if (d.returned_at) v.returned = local_date_time(zone, *d.returned_at);
    v.result_ready = d.state == DossierState::ready;
    v.seconds_left = flow.seconds_left(now);
    return v;
}

}  // namespace motcua::kiosk
