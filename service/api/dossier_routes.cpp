// Dossier routes (DESIGN.md §3, §4): receipt and return at the counter, lookup, status, apology,
// the printed forms (01, 02, 04, 07) and Biểu II.06a.
#include <fmt/format.h>

#include <boost/json.hpp>

#include "api/report_period.hpp"
#include "api/report_replies.hpp"
#include "api/ward.hpp"
#include "documents/forms.hpp"
#include "dossiers/dossiers.hpp"
#include "reports/dossier_report.hpp"

namespace motcua::api {

namespace json = boost::json;

namespace {

// The longest register (form 07) printed at once: a quarter.
constexpr int kMaxRegisterDays = 92;

Reply not_found_dossier(const std::string& code) {
    return error_reply(ErrorCode::dossier_not_found,
                       fmt::format("no dossier with code '{}'", code));
}

// The officer's note split into lines: the items a citizen must supplement (form 02).
std::vector<std::string> note_lines(const std::optional<std::string>& note) {
    std::vector<std::string> lines;
    if (!note) return lines;
    std::size_t pos = 0;
    while (pos <= note->size()) {
        const auto nl = note->find('\n', pos);
        std::string line =
            note->substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
        const auto first = line.find_first_not_of(" \t\r");
        if (first != std::string::npos) {
            const auto last = line.find_last_not_of(" \t\r");
            lines.push_back(line.substr(first, last - first + 1));
        }
        if (nl == std::string::npos) break;
        pos = nl + 1;
    }
    return lines;
}

}  // namespace

std::optional<Dossier> Ward::cached_dossier(const std::string& code) {
    std::lock_guard lock(dossier_cache_mutex_);
    if (auto it = dossiers_.find(code); it != dossiers_.end()) return it->second.dossier;
    return std::nullopt;
}

std::optional<Dossier> Ward::load_dossier(const std::string& code) {
    if (auto cached = cached_dossier(code)) return cached;
    if (!dossiers::plausible_code(code)) return std::nullopt;
    return store_.find_dossier(code);
}

DomainEvent Ward::dossier_event(EventType type, TimePoint now, const Dossier& d) {
    DomainEvent e = engine_.next_event(type, now);
    e.dossier = d;
    std::lock_guard lock(dossier_cache_mutex_);
    // Kept until its transaction is durable (see persist): until then the store's read connection
    // would answer with the state before it.
    dossiers_[d.code] = CachedDossier{d, e.seq};
    return e;
}

void Ward::forget_committed_dossiers(
    const std::vector<std::pair<std::string, std::int64_t>>& committed) {
    std::lock_guard lock(dossier_cache_mutex_);
    for (const auto& [code, seq] : committed)
        if (auto it = dossiers_.find(code); it != dossiers_.end() && it->second.seq == seq)
            dossiers_.erase(it);
}

Procedure Ward::procedure_for_documents(const std::string& code) const {
    if (const Procedure* p = config_.find_procedure(code)) return *p;
    Procedure p;  // removed from the config since: documents still print its code
    p.code = code;
    p.name_vi = code;
    p.name_en = code;
    return p;
}

DossierView Ward::dossier_view(const Dossier& d, bool full) const {
    DossierView v;
    v.code = d.code;
    v.procedure = d.procedure;
    v.state = d.state;
    v.received_at = d.received_at;
    v.due_date = d.due_date;
    v.returned_at = d.returned_at;
    v.result = d.result;
    const Procedure* p = config_.find_procedure(d.procedure);
    v.procedure_name = p != nullptr ? p->name_vi : d.procedure;
    v.new_due_date = d.new_due_date;
    if (full)
        v.details = DossierDetails{d.applicant, d.category, d.counter, d.officer, d.apology_reason};
    return v;
}

void Ward::finish_with_dossier(const FinishRequest& req, int number, const std::string& officer,
                               const Respond& respond) {
    const bool receiving = req.outcome == FinishOutcome::dossier_received;
    if (receiving && !req.procedure)
        return respond(
            error_reply(ErrorCode::procedure_required, "a received dossier needs its 'procedure'"));
    if (receiving && !req.applicant)
        return respond(error_reply(
            ErrorCode::applicant_required,
            "a received dossier needs the 'applicant' (at least the name) for the receipt"));

    std::optional<Dossier> dossier;  // set by the command, read by the reply (both under the lock)
    apply(
        [&](queue::Engine& e, TimePoint now) -> Result<queue::Change> {
            Dossier d;
            if (!receiving) {
                auto found = load_dossier(*req.dossier);
                if (!found)
                    return make_error(ErrorCode::dossier_not_found,
                                      fmt::format("no dossier with code '{}'", *req.dossier));
                d = std::move(*found);
                auto changed = dossiers::change_state(d, DossierState::returned, now, zone_);
                if (!changed) return changed.error();
                if (!*changed)
                    return make_error(ErrorCode::dossier_closed,
                                      fmt::format("dossier {} was already returned", d.code));
            }
            auto change = e.finish(now, number, officer, req.outcome);
            if (!change) return change.error();
            const Ticket& ticket = *change->ticket;
            if (receiving) {
                const Day day = zone_.office_day(now);
                // The day's last sequence: in memory once used here (the store may not have the
                // latest one yet), from the store the first time.
                auto [seq, fresh] = dossier_seq_.try_emplace(day, 0);
                if (fresh) seq->second = store_.last_dossier_seq(day);
                while (dossier_seq_.size() > 8) dossier_seq_.erase(dossier_seq_.begin());
                d = dossiers::receive(
                    config_, calendar_, zone_, *config_.find_procedure(*req.procedure), now,
                    ++seq->second, dossiers::Receipt{ticket.id, number, officer, *req.applicant});
                change->events.push_back(dossier_event(EventType::dossier_received, now, d));
            } else {
                d.return_ticket_id = ticket.id;
                change->events.push_back(dossier_event(EventType::dossier_status_changed, now, d));
            }
            dossier = d;
            return change;
        },
        [&](const queue::Change& c) {
            json::value body = to_json(ticket_view(*c.ticket), zone_);
            if (dossier) body.as_object()["dossier"] = to_json(dossier_view(*dossier, true), zone_);
            return json_reply(200, body);
        },
        respond);
}

void Ward::change_dossier(const std::string& code, const DossierChange& change,
                          const Respond& respond) {
    std::lock_guard lock(mutex_);
    if (!storage_ready()) return respond(storage_unavailable_reply());
    const TimePoint now = clock_.now();
    std::vector<DomainEvent> events = engine_.advance(now);
    auto d = load_dossier(code);
    if (!d) {
        persist(std::move(events), nullptr);
        return respond(not_found_dossier(code));
    }
    auto event = change(*d, now);
    if (!event) {
        persist(std::move(events), nullptr);
        return respond(error_reply(event.error()));
    }
    if (*event) events.push_back(dossier_event(**event, now, *d));
    Reply reply = json_reply(200, to_json(dossier_view(*d, true), zone_));
    reply.headers.emplace_back("Cache-Control", "no-store");
    if (events.empty()) {
        // Nothing changed, but an earlier change to this dossier may still be on its way to the
        // disk: answer behind it in the writer's queue, never ahead of it.
        return answer_behind_writes(respond, std::move(reply));
    }
    persist(std::move(events), answer_when_stored(respond, std::move(reply)));
}

void Ward::get_dossier(const auth::Principal& who, const std::string& code,
                       const Respond& respond) {
    const bool officer = std::holds_alternative<auth::OfficerPrincipal>(who);
    // No engine lock: the cache has its own, and the store is read like any report.
    auto d = load_dossier(code);
    if (!d) return respond(not_found_dossier(code));
    Reply reply = json_reply(200, to_json(dossier_view(*d, officer), zone_));
    reply.headers.emplace_back("Cache-Control", "no-store");
    respond(std::move(reply));
}

void Ward::dossier_status(const Request& r, const std::string& code, const Respond& respond) {
    auto req = body_of<DossierStatusRequest>(r);
    if (!req) return respond(error_reply(req.error()));
    const std::optional<std::string>& note = req->note;
    // Form 02 lists every missing item at once (Decree 118/2025): the request must name them.
    if (req->status == DossierState::supplement_requested && note_lines(note).empty())
        return respond(error_reply(
            ErrorCode::note_required,
            "a supplement request needs a 'note' listing the missing items, one per line"));
    change_dossier(
        code,
        [&](Dossier& d, TimePoint now) -> Result<std::optional<EventType>> {
            auto changed = dossiers::change_state(d, req->status, now, zone_);
            if (!changed) return changed.error();
            if (!*changed) {
                // The same status with a corrected list of missing items: the new list counts.
                if (!note || note == d.note || dossier_closed(d.state))
                    return std::optional<EventType>();
                d.updated_at = now;
            }
            d.note = note;
            return std::optional<EventType>(EventType::dossier_status_changed);
        },
        respond);
}

void Ward::dossier_apology(const Request& r, const std::string& code, const Respond& respond) {
    auto req = body_of<ApologyRequest>(r);
    if (!req) return respond(error_reply(req.error()));
    change_dossier(
        code,
        [&](Dossier& d, TimePoint now) -> Result<std::optional<EventType>> {
            if (auto ok = dossiers::apologise(d, req->new_due, req->reason, now, zone_); !ok)
                return ok.error();
            return std::optional<EventType>(EventType::dossier_apology);
        },
        respond);
}

void Ward::dossier_form(const std::string& code, std::string_view form, const Respond& respond) {
    if (form != "01" && form != "02" && form != "04")
        return respond(
            error_reply(ErrorCode::not_found,
                        "forms are 01 (receipt), 02 (supplement request) and 04 (apology)"));
    auto found = load_dossier(code);
    if (!found) return respond(not_found_dossier(code));
    const Dossier d = std::move(*found);
    if (form == "02" && d.state != DossierState::supplement_requested)
        return respond(error_reply(ErrorCode::invalid_state,
                                   "form 02 is for a dossier whose supplement was requested"));
    if (form == "04" && !d.new_due_date)
        return respond(error_reply(ErrorCode::invalid_state,
                                   "form 04 needs an apology: POST .../apology first"));
    renderer_.run(
        [this, d, form = std::string(form)] {
            const Procedure procedure = procedure_for_documents(d.procedure);
            const std::string name = fmt::format("mau-{}-{}", form, d.code);
            if (form == "01")
                return pdf_reply(documents::receipt_pdf(d, procedure, config_, zone_), name);
            if (form == "02")
                return pdf_reply(
                    documents::supplement_request_pdf(d, procedure, config_, zone_,
                                                      note_lines(d.note), d.updated_at),
                    name);
            return pdf_reply(documents::apology_pdf(d, procedure, config_, zone_), name);
        },
        respond);
}

void Ward::due_date_preview(const std::string& code, const Respond& respond) {
    const Procedure* p = config_.find_procedure(code);
    if (p == nullptr)
        return respond(error_reply(ErrorCode::not_found, fmt::format("no procedure '{}'", code)));
    const TimePoint now = clock_.now();
    respond(json_reply(200, to_json(DueDatePreview{p->code, now,
                                                   calendar_.due_date(now, p->legal_days,
                                                                      p->cutoff_minutes, zone_)},
                                    zone_)));
}

void Ward::dossier_report(const Request& r, const Respond& respond) {
    auto period = period_of(r);
    if (!period) return respond(error_reply(period.error()));
    auto group = reports::DossierGrouping::category;
    if (auto it = r.query.find("group_by"); it != r.query.end()) {
        if (it->second == "procedure")
            group = reports::DossierGrouping::procedure;
        else if (it->second != "category")
            return respond(error_reply(ErrorCode::invalid_query,
                                       "'group_by' must be one of: category, procedure"));
    }
    auto format = format_of(r, {"json", "csv", "xlsx", "pdf"});
    if (!format) return respond(error_reply(format.error()));

    const TimePoint start = zone_.start_of_day(period->from);
    const TimePoint end = zone_.end_of_day(period->to);
    // Acknowledged changes are committed: the read connection sees every one of them.
    const auto dossiers = store_.dossiers_open_during(start, end);
    const auto report = reports::compute_dossier_report(dossiers, config_, zone_, period->from,
                                                        period->to, group, clock_.now());
    const std::string name =
        fmt::format("bieu-ii-06a-{}-{}", format_day(period->from), format_day(period->to));
    if (*format == "json" || *format == "csv")
        return respond(dossier_report_reply(report, *format, name, config_, zone_));
    // Documents are drawn on the render thread, never on a network thread.
    renderer_.run(
        [this, report, name, format = *format] {
            return dossier_report_reply(report, format, name, config_, zone_);
        },
        respond);
}

void Ward::dossier_register(const Request& r, const Respond& respond) {
    auto period = period_of(r);
    if (!period) return respond(error_reply(period.error()));
    // The register is printed a month or a quarter at a time; a longer one would take minutes.
    if ((date::sys_days{period->to} - date::sys_days{period->from}).count() >= kMaxRegisterDays)
        return respond(error_reply(
            ErrorCode::invalid_query,
            fmt::format("the register covers at most {} days; print it a quarter at a time",
                        kMaxRegisterDays)));
    const TimePoint start = zone_.start_of_day(period->from);
    const TimePoint end = zone_.end_of_day(period->to);
    renderer_.run(
        [this, start, end, from = period->from, to = period->to] {
            const auto dossiers = store_.dossiers_received_between(start, end);
            return pdf_reply(
                documents::register_pdf(dossiers, config_, zone_, from, to),
                fmt::format("so-theo-doi-ho-so-{}-{}", format_day(from), format_day(to)));
        },
        respond);
}

}  // namespace motcua::api
