#include "dossiers/dossiers.hpp"

#include <fmt/format.h>

namespace motcua::dossiers {

std::string dossier_code(std::string_view unit_code, Day day, int seq) {
    const int yy = static_cast<int>(day.year()) % 100;
    return fmt::format("{}-{:02}{:02}{:02}-{:04}", unit_code, yy,
                       static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()), seq);
}

bool plausible_code(std::string_view code) {
    if (code.empty() || code.size() > 64) return false;
    for (char c : code) {
        const bool ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
                        (c >= 'a' && c <= 'z') || c == '.' || c == '-' || c == '_';
        if (!ok) return false;
    }
    return true;
}

Dossier receive(const WardConfig& config, const WorkingCalendar& calendar, const OfficeZone& zone,
                const Procedure& procedure, TimePoint now, int seq, Receipt receipt) {
    Dossier d;
    d.day = zone.office_day(now);
    d.seq = seq;
    d.code = dossier_code(config.unit_code, d.day, seq);
    d.procedure = procedure.code;
    d.category = procedure.category;
    d.channel = DossierChannel::direct;
    d.state = DossierState::received;
    d.received_at = now;
    d.due_date = calendar.due_date(now, procedure.legal_days, procedure.cutoff_minutes, zone);
    d.applicant = std::move(receipt.applicant);
    d.ticket_id = std::move(receipt.ticket_id);
    d.counter = receipt.counter;
    d.officer = std::move(receipt.officer);
    d.updated_at = now;
    return d;
}

DossierResult classify(Day returned_day, Day due_date) {
    if (returned_day < due_date) return DossierResult::early;
    if (returned_day == due_date) return DossierResult::on_time;
    return DossierResult::late;
}

namespace {
Error closed_error(const Dossier& d) {
    return make_error(ErrorCode::dossier_closed,
                      fmt::format("dossier {} is already {}; its state no longer changes", d.code,
                                  to_string(d.state)));
}
}  // namespace

Result<bool> change_state(Dossier& d, DossierState to, TimePoint now, const OfficeZone& zone) {
    if (to == DossierState::received)
        return make_error(ErrorCode::invalid_status, "a dossier cannot be set back to 'received'");
    if (dossier_closed(d.state)) {
        if (d.state == to) return false;  // a repeated request after a lost answer
        return closed_error(d);
    }
    if (d.state == to) return false;
    d.state = to;
    d.updated_at = now;
    if (dossier_closed(to)) d.closed_at = now;
    if (to == DossierState::returned) {
        d.returned_at = now;
        d.result = classify(zone.office_day(now), d.due_date);
    }
    return true;
}

Status apologise(Dossier& d, Day new_due, std::string reason, TimePoint now,
                 const OfficeZone& zone) {
    if (dossier_closed(d.state)) return closed_error(d);
    if (d.new_due_date)
        return make_error(ErrorCode::apology_exists,
                          fmt::format("dossier {} already has an apology letter (new date {}); "
                                      "the date may be moved only once",
                                      d.code, format_day(*d.new_due_date)));
    const Day today = zone.office_day(now);
    const Day last_day = Day{date::sys_days{d.due_date} - date::days{1}};
    if (today > last_day)
        return make_error(
            ErrorCode::apology_too_late,
            fmt::format("the apology letter must be sent no later than {}, one day before the due "
                        "date {}",
                        format_day(last_day), format_day(d.due_date)));
    if (new_due <= d.due_date)
        return make_error(ErrorCode::new_due_not_later,
                          fmt::format("the new date {} must be after the due date {}",
                                      format_day(new_due), format_day(d.due_date)));
    d.new_due_date = new_due;
    d.apology_reason = std::move(reason);
    d.apology_at = now;
    d.updated_at = now;
    return Ok{};
}

}  // namespace motcua::dossiers
