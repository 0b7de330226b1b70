// HTTP routes of DESIGN.md §4: authentication, role rules, decoding, and the engine commands.
#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>
#include <charconv>

#include "api/phone_page.hpp"
#include "api/ward.hpp"
#include "auth/crypto.hpp"

namespace motcua::api {

namespace json = boost::json;

namespace {

const auth::OfficerPrincipal* as_officer(const auth::Principal& p) {
    return std::get_if<auth::OfficerPrincipal>(&p);
}
const auth::DevicePrincipal* as_device(const auth::Principal& p) {
    return std::get_if<auth::DevicePrincipal>(&p);
}

Status content_ok_if_any(const Request& r) {
    if (!r.body.empty() && !is_json_media(r.content_type))
        return make_error(ErrorCode::unsupported_media_type, "send the body as application/json");
    return Ok{};
}

}  // namespace

void Ward::login(const Request& r, const Respond& respond) {
    auto req = body_of<LoginRequest>(r);
    if (!req) return respond(error_reply(req.error()));
    auto result = auth_.login(*req, r.remote);
    if (!result) {
        Reply refused = error_reply(result.error());
        if (result.error().code == ErrorCode::too_many_attempts)
            refused.headers.emplace_back(
                "Retry-After",
                std::to_string(std::max(1, auth_.login_retry_after(req->username, r.remote))));
        return respond(std::move(refused));
    }
    {
        std::lock_guard lock(mutex_);
        officer_names_[result->officer.username] = result->officer.name;
    }
    respond(json_reply(200, to_json(*result, zone_)));
}

void Ward::categories(const Respond& respond) {
    json::array out;
    std::lock_guard lock(mutex_);
    const TimePoint now = clock_.now();
    for (const auto& c : config_.categories) {
        const auto load = engine_.load(c.code, now);
        out.push_back(to_json(CategoryInfo{c.code,
                                           c.name_vi,
                                           c.name_en,
                                           c.target_wait_s,
                                           load.waiting,
                                           load.estimate.wait_s,
                                           {load.estimate.low_s, load.estimate.high_s}}));
    }
    respond(json_reply(200, out));
}

void Ward::procedures(const Respond& respond) {
    json::array out;
    for (const auto& p : config_.procedures)
        out.push_back(to_json(
            ProcedureInfo{p.code, p.name_vi, p.category, p.legal_days, p.cutoff_minutes, p.fee}));
    respond(json_reply(200, out));
}

void Ward::counters(const Respond& respond) {
    json::array out;
    std::lock_guard lock(mutex_);
    for (const auto& c : engine_.counters()) out.push_back(to_json(counter_info(c), zone_));
    respond(json_reply(200, out));
}

void Ward::issue_ticket(const Request& r, const auth::Principal& who, const Respond& respond) {
    (void)who;  // a kiosk (route table)
    auto req = body_of<IssueTicketRequest>(r);
    if (!req) return respond(error_reply(req.error()));
    apply(
        [req = std::move(*req)](queue::Engine& e, TimePoint now) {
            return e.issue(now, auth::new_ticket_id(), req.category, req.priority,
                           req.priority_reason, std::nullopt, req.idempotency_key);
        },
        [this](const queue::Change& c) {
            return json_reply(201, to_json(ticket_view(*c.ticket), zone_));
        },
        respond);
}

void Ward::get_ticket(const std::string& id, const Respond& respond) {
    {
        std::lock_guard lock(mutex_);
        if (const Ticket* t = engine_.find(id))
            return respond(json_reply(200, to_json(ticket_view(*t), zone_)));
    }
    if (id.size() > 64) return respond(error_reply(ErrorCode::unknown_ticket, "no such ticket"));
    auto stored = store_.find_ticket(id);
    if (!stored) return respond(error_reply(ErrorCode::unknown_ticket, "no such ticket"));
    std::lock_guard lock(mutex_);
    respond(json_reply(200, to_json(ticket_view(*stored), zone_)));
}

void Ward::public_queue(const Respond& respond) {
    PublicQueue q;
    std::lock_guard lock(mutex_);
    q.at = clock_.now();
    for (const auto& c : config_.categories) {
        const auto load = engine_.load(c.code, q.at);
        q.categories.push_back({c.code,
                                c.name_vi,
                                c.name_en,
                                load.waiting,
                                load.estimate.wait_s,
                                {load.estimate.low_s, load.estimate.high_s}});
    }
    respond(json_reply(200, to_json(q, zone_)));
}

void Ward::phone_page(const Request& r, const std::string& id, const Respond& respond) {
    std::optional<Ticket> ticket;
    TicketView view;
    std::string category_name;
    const bool english = r.query.contains("lang") && r.query.at("lang") == "en";
    {
        std::lock_guard lock(mutex_);
        if (const Ticket* t = engine_.find(id)) ticket = *t;
    }
    if (!ticket && id.size() <= 64) ticket = store_.find_ticket(id);
    if (ticket) {
        std::lock_guard lock(mutex_);
        view = ticket_view(*ticket);
        if (const Category* c = config_.find_category(ticket->category))
            category_name = english ? c->name_en : c->name_vi;
    }
    respond(
        page_reply(ticket ? 200 : 404, render_phone_page(ticket ? &view : nullptr, category_name,
                                                         config_.office_name, id, english, zone_)));
}

void Ward::rate(const Request& r, const auth::Principal& who, const Respond& respond) {
    const auto* device = as_device(who);  // a kiosk or a rating pad (route table)
    auto req = body_of<RatingRequest>(r);
    if (!req) return respond(error_reply(req.error()));
    queue::RatingInput in{req->ticket,
                          req->level,
                          req->reasons,
                          req->comment,
                          req->idempotency_key,
                          device->name,
                          device->role == DeviceRole::rating ? device->counter : std::nullopt};
    apply([in = std::move(in)](queue::Engine& e, TimePoint now) { return e.rate(now, in); },
          [this](const queue::Change& c) {
              json::object o{{"ticket", c.ticket->id}, {"number", c.ticket->number}};
              if (c.rating) {
                  o["level"] = c.rating->level;
                  o["counter"] = c.rating->counter;
                  o["at"] = zone_.format_rfc3339(c.rating->at);
              }
              return json_reply(201, o);
          },
          respond);
}

void Ward::counter_action(const Request& r, const auth::Principal& who, int number,
                          std::string_view action, const Respond& respond) {
    const auto* officer = as_officer(who);  // an officer (route table)
    if (auto ok = content_ok_if_any(r); !ok) return respond(error_reply(ok.error()));
    const std::string user = officer->username;
    {
        std::lock_guard lock(mutex_);
        officer_names_[user] = officer->name;
        if (engine_.counter(number) == nullptr)
            return respond(error_reply(ErrorCode::unknown_counter,
                                       fmt::format("no counter {} in this office", number)));
    }
    const auto counter_reply = [this, number](const queue::Change&) {
        return json_reply(200, to_json(counter_info(*engine_.counter(number)), zone_));
    };
    const auto ticket_reply = [this](const queue::Change& c) {
        if (!c.ticket) return Reply{204, "", "application/json", {}};
        return json_reply(200, to_json(ticket_view(*c.ticket), zone_));
    };
    using E = queue::Engine;
    if (action == "open")
        return apply([&](E& e, TimePoint now) { return e.open_counter(now, number, user); },
                     counter_reply, respond);
    if (action == "close")
        return apply([&](E& e, TimePoint now) { return e.close_counter(now, number, user); },
                     counter_reply, respond);
    if (action == "pause")
        return apply([&](E& e, TimePoint now) { return e.pause_counter(now, number, user); },
                     counter_reply, respond);
    if (action == "call-next")
        return apply([&](E& e, TimePoint now) { return e.call_next(now, number, user); },
                     ticket_reply, respond);
    if (action == "recall")
        return apply([&](E& e, TimePoint now) { return e.recall(now, number, user); }, ticket_reply,
                     respond);
    if (action == "start")
        return apply([&](E& e, TimePoint now) { return e.start(now, number, user); }, ticket_reply,
                     respond);
    if (action == "no-show")
        return apply([&](E& e, TimePoint now) { return e.no_show(now, number, user); },
                     ticket_reply, respond);
    if (action == "reinstate") {
        auto req = body_of<ReinstateRequest>(r);
        if (!req) return respond(error_reply(req.error()));
        return apply(
            [&](E& e, TimePoint now) { return e.reinstate(now, number, user, req->ticket); },
            ticket_reply, respond);
    }
    if (action == "transfer") {
        auto req = body_of<TransferRequest>(r);
        if (!req) return respond(error_reply(req.error()));
        return apply(
            [&](E& e, TimePoint now) { return e.transfer(now, number, user, req->category); },
            ticket_reply, respond);
    }
    if (action == "finish") {
        auto req = body_of<FinishRequest>(r);
        if (!req) return respond(error_reply(req.error()));
        if (req->procedure && config_.find_procedure(*req->procedure) == nullptr)
            return respond(error_reply(ErrorCode::unknown_procedure,
                                       fmt::format("no procedure '{}'", *req->procedure)));
        // A result returned without a code (a dossier from before motcua) is a plain finish.
        if (req->outcome == FinishOutcome::dossier_received ||
            (req->outcome == FinishOutcome::result_returned && req->dossier))
            return finish_with_dossier(*req, number, user, respond);
        return apply([&](E& e, TimePoint now) { return e.finish(now, number, user, req->outcome); },
                     ticket_reply, respond);
    }
    respond(error_reply(ErrorCode::not_found, "no such counter action"));
}

void Ward::set_test_clock(const Request& r, const Respond& respond) {
    auto req = body_of<TestClockRequest>(r);
    if (!req) return respond(error_reply(req.error()));
    std::lock_guard lock(mutex_);
    if (!storage_ready()) return respond(storage_unavailable_reply());
    if (auto ok = test_clock_->set(req->now); !ok) return respond(error_reply(ok.error()));
    auto events = engine_.advance(req->now);
    const std::string now_text = std::to_string(to_epoch_ms(req->now));
    // The clock's time is kept in the database: a restart resumes from it.
    store_.submit([now_text](store::WriteTx& tx) { tx.put_meta("test_clock_ms", now_text); },
                  nullptr);
    json::value body = {{"now", zone_.format_rfc3339(req->now)}};
    persist(std::move(events), nullptr);
    answer_behind_writes(respond, json_reply(200, body));
}

}  // namespace motcua::api
