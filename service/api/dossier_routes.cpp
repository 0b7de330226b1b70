// Dossier routes (DESIGN.md §3, §4): receipt and return at the counter, lookup, status, apology,
// the printed forms (01, 02, 04, 07) and Biểu II.06a.
#include <fmt/format.h>

#include <boost/json.hpp>

#include "api/report_period.hpp"
#include "api/ward.hpp"
#include "documents/forms.hpp"
#include "dossiers/dossiers.hpp"
#include "reports/dossier_report.hpp"

namespace motcua::api {

namespace json = boost::json;

namespace {

Reply pdf_reply(Result<std::string> bytes, const std::string& file_name) {
    if (!bytes) return error_reply(500, bytes.error().code, bytes.error().message);
    Reply reply{200, std::move(*bytes), "application/pdf", {}};
    reply.headers.emplace_back("Content-Disposition", fmt::format("inline; filename=\"{}.pdf\"", file_name));
    reply.headers.emplace_back("Cache-Control", "no-store");
    return reply;
}

Reply not_found_dossier(const std::string& code) {
    return error_reply(404, "dossier_not_found", fmt::format("no dossier with code '{}'", code));
}

// The officer's note split into lines: the items a citizen must supplement (form 02).
std::vector<std::string> note_lines(const std::optional<std::string>& note) {
    std::vector<std::string> lines;
    if (!note) return lines;
    std::size_t pos = 0;
    while (pos <= note->size()) {
        const auto nl = note->find('\n', pos);
        std::string line = note->substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
        if (!line.empty()) lines.push_back(std::move(line));
        if (nl == std::string::npos) break;
        pos = nl + 1;
    }
    return lines;
}

}  // namespace

std::optional<Dossier> Ward::load_dossier(const std::string& code) {
    if (auto it = dossiers_.find(code); it != dossiers_.end()) return it->second;
    if (!dossiers::plausible_code(code)) return std::nullopt;
    return store_.find_dossier(code);
}

DomainEvent Ward::dossier_event(EventType type, TimePoint now, const Dossier& d) {
    DomainEvent e = engine_.next_event(type, now);
    e.dossier = d;
    dossiers_[d.code] = d;
    return e;
}

Procedure Ward::procedure_or_placeholder(const std::string& code) const {
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
    if (full) v.details = DossierDetails{d.applicant, d.category, d.counter, d.officer, d.apology_reason};
    return v;
}

void Ward::finish_with_dossier(const FinishRequest& req, int number, const std::string& officer,
                               const Respond& respond) {
    const bool receiving = req.outcome == FinishOutcome::dossier_received;
    if (receiving && !req.procedure)
        return respond(error_reply(422, "procedure_required", "a received dossier needs its 'procedure'"));
    if (receiving && !req.applicant)
        return respond(error_reply(422, "applicant_required",
                                   "a received dossier needs the 'applicant' (at least the name) for the receipt"));
    if (!receiving && !req.dossier)
        return respond(error_reply(422, "dossier_required", "returning a result needs the 'dossier' code"));

    std::optional<Dossier> dossier;  // set by the command, read by the reply (both under the lock)
    apply(
        [&](queue::Engine& e, TimePoint now) -> Result<queue::Change> {
            Dossier d;
            if (!receiving) {
                auto found = load_dossier(*req.dossier);
                if (!found)
                    return make_error("unknown_dossier", fmt::format("no dossier with code '{}'", *req.dossier));
                d = std::move(*found);
                auto changed = dossiers::change_state(d, DossierState::returned, now, zone_);
                if (!changed) return changed.error();
                if (!*changed)
                    return make_error("dossier_closed", fmt::format("dossier {} was already returned", d.code));
            }
            auto change = e.finish(now, number, officer, req.outcome);
            if (!change) return change.error();
            const Ticket& ticket = *change->ticket;
            if (receiving) {
                const Day day = zone_.office_day(now);
                if (day != dossier_day_) {
                    dossier_day_ = day;
                    dossier_seq_ = store_.last_dossier_seq(day);
                }
                d = dossiers::receive(config_, calendar_, zone_, *config_.find_procedure(*req.procedure), now,
                                      ++dossier_seq_,
                                      dossiers::Receipt{ticket.id, number, officer, *req.applicant});
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

void Ward::get_dossier(const auth::Principal& who, const std::string& code, const Respond& respond) {
    const bool officer = std::holds_alternative<auth::OfficerPrincipal>(who);
    std::lock_guard lock(mutex_);
    auto d = load_dossier(code);
    if (!d) return respond(not_found_dossier(code));
    respond(json_reply(200, to_json(dossier_view(*d, officer), zone_)));
}

void Ward::dossier_status(const Request& r, const std::string& code, const Respond& respond) {
    if (!is_json_media(r.content_type))
        return respond(error_reply(415, "unsupported_media_type", "send the body as application/json"));
    auto parsed = parse_json(r.body);
    if (!parsed) return respond(error_reply(parsed.error()));
    auto req = decode<DossierStatusRequest>(*parsed);
    if (!req) return respond(error_reply(req.error()));
    // An optional note: for supplement_requested, the items to supplement, one per line (form 02).
    std::optional<std::string> note;
    if (const auto* n = parsed->as_object().if_contains("note"); n != nullptr && !n->is_null()) {
        if (!n->is_string()) return respond(error_reply(400, "invalid_field", "field 'note' must be a string"));
        if (n->get_string().size() > 4000)
            return respond(error_reply(400, "invalid_field", "field 'note' is longer than 4000 bytes"));
        note = std::string(n->get_string());
    }
    // Form 02 lists every missing item at once (Decree 118/2025): the request must name them.
    if (req->status == DossierState::supplement_requested && note_lines(note).empty())
        return respond(error_reply(422, "note_required",
                                   "a supplement request needs a 'note' listing the missing items, one per line"));
    std::lock_guard lock(mutex_);
    const TimePoint now = clock_.now();
    std::vector<DomainEvent> events = engine_.advance(now);
    auto d = load_dossier(code);
    if (!d) {
        persist(std::move(events), nullptr);
        return respond(not_found_dossier(code));
    }
    auto changed = dossiers::change_state(*d, req->status, now, zone_);
    if (!changed) {
        persist(std::move(events), nullptr);
        return respond(error_reply(changed.error()));
    }
    if (*changed) {
        d->note = note;
        events.push_back(dossier_event(EventType::dossier_status_changed, now, *d));
    }
    Reply reply = json_reply(200, to_json(dossier_view(*d, true), zone_));
    persist(std::move(events), [respond, reply = std::move(reply)]() mutable { respond(std::move(reply)); });
}

void Ward::dossier_apology(const Request& r, const std::string& code, const Respond& respond) {
    if (!is_json_media(r.content_type))
        return respond(error_reply(415, "unsupported_media_type", "send the body as application/json"));
    auto req = decode_body<ApologyRequest>(r.body);
    if (!req) return respond(error_reply(req.error()));
    std::lock_guard lock(mutex_);
    const TimePoint now = clock_.now();
    std::vector<DomainEvent> events = engine_.advance(now);
    auto d = load_dossier(code);
    if (!d) {
        persist(std::move(events), nullptr);
        return respond(not_found_dossier(code));
    }
    if (auto ok = dossiers::apologise(*d, req->new_due, req->reason, now, zone_); !ok) {
        persist(std::move(events), nullptr);
        return respond(error_reply(ok.error()));
    }
    events.push_back(dossier_event(EventType::dossier_apology, now, *d));
    Reply reply = json_reply(200, to_json(dossier_view(*d, true), zone_));
    persist(std::move(events), [respond, reply = std::move(reply)]() mutable { respond(std::move(reply)); });
}

void Ward::dossier_form(const std::string& code, std::string_view form, const Respond& respond) {
    std::optional<Dossier> d;
    {
        std::lock_guard lock(mutex_);
        d = load_dossier(code);
    }
    if (!d) return respond(not_found_dossier(code));
    const Procedure procedure = procedure_or_placeholder(d->procedure);
    if (form == "01")
        return respond(pdf_reply(documents::receipt_pdf(*d, procedure, config_, zone_), fmt::format("mau-01-{}", d->code)));
    if (form == "02") {
        if (d->state != DossierState::supplement_requested)
            return respond(error_reply(409, "invalid_state", "form 02 is for a dossier whose supplement was requested"));
        return respond(pdf_reply(documents::supplement_request_pdf(*d, procedure, config_, zone_, note_lines(d->note),
                                                                   d->updated_at),
                                 fmt::format("mau-02-{}", d->code)));
    }
    if (form == "04") {
        if (!d->new_due_date)
            return respond(error_reply(409, "invalid_state", "form 04 needs an apology: POST .../apology first"));
        return respond(pdf_reply(documents::apology_pdf(*d, procedure, config_, zone_), fmt::format("mau-04-{}", d->code)));
    }
    respond(error_reply(404, "not_found", "forms are 01 (receipt), 02 (supplement request) and 04 (apology)"));
}

void Ward::due_date_preview(const std::string& code, const Respond& respond) {
    const Procedure* p = config_.find_procedure(code);
    if (p == nullptr) return respond(error_reply(404, "not_found", fmt::format("no procedure '{}'", code)));
    const TimePoint now = clock_.now();
    respond(json_reply(
        200, to_json(DueDatePreview{p->code, now, calendar_.due_date(now, p->legal_days, p->cutoff_minutes, zone_)},
                     zone_)));
}

void Ward::dossier_report(const Request& r, const Respond& respond) {
    auto period = period_of(r);
    if (!period) return respond(error_reply(period.error()));
    auto group = reports::DossierGrouping::category;
    if (auto it = r.query.find("group_by"); it != r.query.end()) {
        if (it->second == "procedure") group = reports::DossierGrouping::procedure;
        else if (it->second != "category")
            return respond(error_reply(400, "invalid_query", "'group_by' must be one of: category, procedure"));
    }
    std::string format = "json";
    if (auto it = r.query.find("format"); it != r.query.end()) format = it->second;
    if (format != "json" && format != "csv" && format != "xlsx" && format != "pdf")
        return respond(error_reply(400, "invalid_query", "'format' must be one of: json, csv, xlsx, pdf"));

    const TimePoint start = zone_.start_of_day(period->from);
    const TimePoint end = zone_.start_of_day(Day{date::sys_days{period->to} + date::days{1}});
    // Acknowledged changes are committed: the read connection sees every one of them.
    const auto dossiers = store_.dossiers_open_during(start, end);
    const auto report =
        reports::compute_dossier_report(dossiers, config_, zone_, period->from, period->to, group, clock_.now());
    const std::string name = fmt::format("bieu-ii-06a-{}-{}", format_day(period->from), format_day(period->to));
    if (format == "json") {
        Reply reply{200, reports::dossier_report_json(report, zone_), "application/json", {}};
        return respond(std::move(reply));
    }
    if (format == "pdf") return respond(pdf_reply(documents::dossier_report_pdf(report, config_, zone_), name));
    Reply reply;
    if (format == "csv") {
        reply = Reply{200, reports::dossier_report_csv(report), "text/csv; charset=utf-8", {}};
        reply.headers.emplace_back("Content-Disposition", fmt::format("attachment; filename=\"{}.csv\"", name));
    } else {
        auto bytes = reports::dossier_report_xlsx(report);
        if (!bytes) return respond(error_reply(500, bytes.error().code, bytes.error().message));
        reply = Reply{200, std::move(*bytes), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", {}};
        reply.headers.emplace_back("Content-Disposition", fmt::format("attachment; filename=\"{}.xlsx\"", name));
    }
    respond(std::move(reply));
}

void Ward::dossier_register(const Request& r, const Respond& respond) {
    auto period = period_of(r);
    if (!period) return respond(error_reply(period.error()));
    const TimePoint start = zone_.start_of_day(period->from);
    const TimePoint end = zone_.start_of_day(Day{date::sys_days{period->to} + date::days{1}});
    const auto dossiers = store_.dossiers_received_between(start, end);
    respond(pdf_reply(documents::register_pdf(dossiers, config_, zone_, period->from, period->to),
                      fmt::format("so-theo-doi-ho-so-{}-{}", format_day(period->from), format_day(period->to))));
}

}  // namespace motcua::api
