// HTTP routes of DESIGN.md §4: authentication, role rules, decoding, and the engine commands.
#include <fmt/format.h>

#include <boost/json.hpp>
#include <charconv>

#include "api/phone_page.hpp"
#include "api/ward.hpp"
#include "auth/crypto.hpp"

namespace motcua::api {

namespace json = boost::json;

namespace {

std::vector<std::string_view> split_path(std::string_view path) {
    std::vector<std::string_view> parts;
    std::size_t pos = 0;
    while (pos < path.size()) {
        if (path[pos] == '/') { ++pos; continue; }
        const auto end = path.find('/', pos);
        parts.push_back(path.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos));
        if (end == std::string_view::npos) break;
        pos = end;
    }
    return parts;
}

std::optional<int> parse_int(std::string_view s) {
    int v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
    return v;
}

Reply not_found() { return error_reply(404, "not_found", "no such route"); }

Reply method_not_allowed(std::string_view allowed) {
    Reply r = error_reply(405, "method_not_allowed", fmt::format("use {} on this route", allowed));
    r.headers.emplace_back("Allow", std::string(allowed));
    return r;
}


Status content_ok_if_any(const Request& r) {
    if (!r.body.empty() && !is_json_media(r.content_type))
        return make_error("unsupported_media_type", "send the body as application/json");
    return Ok{};
}

const auth::OfficerPrincipal* as_officer(const auth::Principal& p) { return std::get_if<auth::OfficerPrincipal>(&p); }
const auth::DevicePrincipal* as_device(const auth::Principal& p) { return std::get_if<auth::DevicePrincipal>(&p); }
bool anonymous(const auth::Principal& p) { return std::holds_alternative<std::monostate>(p); }

Error need_login() { return make_error("unauthorized", "this route needs 'Authorization: Bearer TOKEN'"); }
Error forbidden(std::string_view what) { return make_error("forbidden", std::string(what)); }

}  // namespace

void Ward::handle(const Request& r, const Respond& respond) {
    const auto parts = split_path(r.path);
    if (parts.size() >= 2 && parts[0] == "api" && parts[1] == "v1") {
        route_api(r, parts, respond);
        return;
    }
    if (parts.size() == 1 && parts[0] == "metrics") {
        if (r.method != "GET") return respond(method_not_allowed("GET"));
        int waiting = 0;
        {
            std::lock_guard lock(mutex_);
            waiting = engine_.total_waiting();
        }
        Reply reply{200, metrics_.render(waiting, store_.commits(), hub_.last_published()),
                    "text/plain; version=0.0.4", {}};
        return respond(std::move(reply));
    }
    if (parts.size() == 2 && parts[0] == "t") {
        if (r.method != "GET") return respond(method_not_allowed("GET"));
        return phone_page(r, std::string(parts[1]), respond);
    }
    respond(not_found());
}

void Ward::route_api(const Request& r, const std::vector<std::string_view>& parts, const Respond& respond) {
    const std::size_t n = parts.size();
    const auto route = [&](std::size_t i) { return i < n ? parts[i] : std::string_view(); };
    const std::string_view a = route(2);

    // Routes anyone may use.
    if (n == 3 && a == "healthz") {
        if (r.method != "GET") return respond(method_not_allowed("GET"));
        return respond(json_reply(200, {{"status", "ok"}}));
    }
    if (n == 4 && a == "auth" && route(3) == "login") {
        if (r.method != "POST") return respond(method_not_allowed("POST"));
        return login(r, respond);
    }
    if (n == 4 && a == "tickets" && r.method == "GET") return get_ticket(std::string(route(3)), respond);
    if (n == 4 && a == "public" && route(3) == "queue") {
        if (r.method != "GET") return respond(method_not_allowed("GET"));
        return public_queue(respond);
    }
    if (n == 4 && a == "test" && route(3) == "clock" && test_clock_ != nullptr) {
        if (r.method != "POST") return respond(method_not_allowed("POST"));
        return set_test_clock(r, respond);
    }

    // A dossier's public view is for anyone holding its code; officers get the full view.
    if (n == 4 && a == "dossiers") {
        if (r.method != "GET") return respond(method_not_allowed("GET"));
        auto who = identify(r);
        if (!who) return respond(error_reply(who.error()));
        return get_dossier(*who, std::string(route(3)), respond);
    }

    // Everything else needs a device or an officer; unknown routes are 404 before auth.
    const bool known = (n == 3 && (a == "categories" || a == "procedures" || a == "counters" || a == "tickets" ||
                                   a == "ratings" || a == "events")) ||
                       (n == 5 && a == "counters") ||
                       (n == 5 && a == "procedures" && route(4) == "due-date") ||
                       (n == 5 && a == "dossiers" && (route(4) == "status" || route(4) == "apology")) ||
                       (n == 6 && a == "dossiers" && route(4) == "forms") ||
                       (n == 4 && a == "reports" &&
                        (route(3) == "turnaround" || route(3) == "ratings" || route(3) == "waits" ||
                         route(3) == "dossiers" ||
                         route(3) == "dossier-register"));
    if (!known) return respond(not_found());
    auto who = identify(r);
    if (!who) return respond(error_reply(who.error()));
    if (anonymous(*who)) return respond(error_reply(need_login()));

    if (n == 5 && a == "procedures") {
        if (r.method != "GET") return respond(method_not_allowed("GET"));
        return due_date_preview(std::string(route(3)), respond);
    }
    if (a == "dossiers") {
        if (as_officer(*who) == nullptr) return respond(error_reply(forbidden("dossiers are handled by officers")));
        if (n == 6) {
            if (r.method != "GET") return respond(method_not_allowed("GET"));
            return dossier_form(std::string(route(3)), route(5), respond);
        }
        if (r.method != "POST") return respond(method_not_allowed("POST"));
        if (route(4) == "status") return dossier_status(r, std::string(route(3)), respond);
        return dossier_apology(r, std::string(route(3)), respond);
    }

    if (n == 3 && a == "categories") {
        if (r.method != "GET") return respond(method_not_allowed("GET"));
        return categories(respond);
    }
    if (n == 3 && a == "procedures") {
        if (r.method != "GET") return respond(method_not_allowed("GET"));
        return procedures(respond);
    }
    if (n == 3 && a == "counters") {
        if (r.method != "GET") return respond(method_not_allowed("GET"));
        return counters(respond);
    }
    if (n == 3 && a == "tickets") {
        if (r.method != "POST") return respond(method_not_allowed("POST"));
        return issue_ticket(r, *who, respond);
    }
    if (n == 3 && a == "ratings") {
        if (r.method != "POST") return respond(method_not_allowed("POST"));
        return rate(r, *who, respond);
    }
    if (n == 3 && a == "events")
        return respond(error_reply(400, "websocket_required", "open /api/v1/events as a WebSocket"));
    if (n == 4 && a == "reports") {
        if (r.method != "GET") return respond(method_not_allowed("GET"));
        if (as_officer(*who) == nullptr) return respond(error_reply(forbidden("reports are for officers")));
        if (route(3) == "dossiers") return dossier_report(r, respond);
        if (route(3) == "dossier-register") return dossier_register(r, respond);
        if (route(3) == "waits") return waits_report(r, respond);
        return route(3) == "turnaround" ? turnaround_report(r, respond) : ratings_report(r, respond);
    }
    // /counters/{n}/{action}
    if (r.method != "POST") return respond(method_not_allowed("POST"));
    auto number = parse_int(route(3));
    if (!number) return respond(error_reply(404, "unknown_counter", fmt::format("no counter '{}'", route(3))));
    counter_action(r, *who, *number, route(4), respond);
}

void Ward::login(const Request& r, const Respond& respond) {
    auto req = body_of<LoginRequest>(r);
    if (!req) return respond(error_reply(req.error()));
    auto result = auth_.login(*req, r.remote);
    if (!result) return respond(error_reply(result.error()));
    {
        std::lock_guard lock(mutex_);
        officer_names_[result->officer.username] = result->officer.name;
    }
    respond(json_reply(200, to_json(*result, zone_)));
}

void Ward::categories(const Respond& respond) {
    json::array out;
    std::lock_guard lock(mutex_);
    for (const auto& c : config_.categories) {
        const auto load = engine_.load(c.code);
        out.push_back(to_json(CategoryInfo{c.code, c.name_vi, c.name_en, c.target_wait_s, load.waiting,
                                           load.estimated_wait_s}));
    }
    respond(json_reply(200, out));
}

void Ward::procedures(const Respond& respond) {
    json::array out;
    for (const auto& p : config_.procedures)
        out.push_back(to_json(ProcedureInfo{p.code, p.name_vi, p.category, p.legal_days, p.cutoff_minutes, p.fee}));
    respond(json_reply(200, out));
}

void Ward::counters(const Respond& respond) {
    json::array out;
    std::lock_guard lock(mutex_);
    for (const auto& c : engine_.counters()) out.push_back(to_json(counter_info(c), zone_));
    respond(json_reply(200, out));
}

void Ward::issue_ticket(const Request& r, const auth::Principal& who, const Respond& respond) {
    const auto* device = as_device(who);
    if (device == nullptr || device->role != DeviceRole::kiosk)
        return respond(error_reply(forbidden("only a ticket kiosk may issue tickets")));
    auto req = body_of<IssueTicketRequest>(r);
    if (!req) return respond(error_reply(req.error()));
    apply(
        [req = std::move(*req)](queue::Engine& e, TimePoint now) {
            return e.issue(now, auth::new_ticket_id(), req.category, req.priority, req.priority_reason);
        },
        [this](const queue::Change& c) { return json_reply(201, to_json(ticket_view(*c.ticket), zone_)); },
        respond);
}

void Ward::get_ticket(const std::string& id, const Respond& respond) {
    {
        std::lock_guard lock(mutex_);
        if (const Ticket* t = engine_.find(id)) return respond(json_reply(200, to_json(ticket_view(*t), zone_)));
    }
    if (id.size() > 64) return respond(error_reply(404, "unknown_ticket", "no such ticket"));
    auto stored = store_.find_ticket(id);
    if (!stored) return respond(error_reply(404, "unknown_ticket", "no such ticket"));
    std::lock_guard lock(mutex_);
    respond(json_reply(200, to_json(ticket_view(*stored), zone_)));
}

void Ward::public_queue(const Respond& respond) {
    PublicQueue q;
    std::lock_guard lock(mutex_);
    q.at = clock_.now();
    for (const auto& c : config_.categories) {
        const auto load = engine_.load(c.code);
        q.categories.push_back({c.code, c.name_vi, c.name_en, load.waiting, load.estimated_wait_s});
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
        if (const Category* c = config_.find_category(ticket->category)) category_name = english ? c->name_en : c->name_vi;
    }
    Reply reply{ticket ? 200 : 404,
                render_phone_page(ticket ? &view : nullptr, category_name, config_.office_name, id, english, zone_),
                "text/html; charset=utf-8", {}};
    reply.headers.emplace_back("Cache-Control", "no-store");
    respond(std::move(reply));
}

void Ward::rate(const Request& r, const auth::Principal& who, const Respond& respond) {
    const auto* device = as_device(who);
    if (device == nullptr || (device->role != DeviceRole::kiosk && device->role != DeviceRole::rating))
        return respond(error_reply(forbidden("only a citizen-facing device (kiosk or rating pad) may submit ratings")));
    auto req = body_of<RatingRequest>(r);
    if (!req) return respond(error_reply(req.error()));
    queue::RatingInput in{req->ticket, req->level, req->reasons, req->comment, req->idempotency_key, device->name,
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

void Ward::counter_action(const Request& r, const auth::Principal& who, int number, std::string_view action,
                          const Respond& respond) {
    const auto* officer = as_officer(who);
    if (officer == nullptr) return respond(error_reply(forbidden("counter actions need an officer's login")));
    if (auto ok = content_ok_if_any(r); !ok) return respond(error_reply(ok.error()));
    const std::string user = officer->username;
    {
        std::lock_guard lock(mutex_);
        officer_names_[user] = officer->name;
        if (engine_.counter(number) == nullptr)
            return respond(error_reply(404, "unknown_counter", fmt::format("no counter {} in this office", number)));
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
        return apply([&](E& e, TimePoint now) { return e.open_counter(now, number, user); }, counter_reply, respond);
    if (action == "close")
        return apply([&](E& e, TimePoint now) { return e.close_counter(now, number, user); }, counter_reply, respond);
    if (action == "pause")
        return apply([&](E& e, TimePoint now) { return e.pause_counter(now, number, user); }, counter_reply, respond);
    if (action == "call-next")
        return apply([&](E& e, TimePoint now) { return e.call_next(now, number, user); }, ticket_reply, respond);
    if (action == "recall")
        return apply([&](E& e, TimePoint now) { return e.recall(now, number, user); }, ticket_reply, respond);
    if (action == "start")
        return apply([&](E& e, TimePoint now) { return e.start(now, number, user); }, ticket_reply, respond);
    if (action == "no-show")
        return apply([&](E& e, TimePoint now) { return e.no_show(now, number, user); }, ticket_reply, respond);
    if (action == "reinstate") {
        auto req = body_of<ReinstateRequest>(r);
        if (!req) return respond(error_reply(req.error()));
        return apply([&](E& e, TimePoint now) { return e.reinstate(now, number, user, req->ticket); }, ticket_reply,
                     respond);
    }
    if (action == "transfer") {
        auto req = body_of<TransferRequest>(r);
        if (!req) return respond(error_reply(req.error()));
        return apply([&](E& e, TimePoint now) { return e.transfer(now, number, user, req->category); }, ticket_reply,
                     respond);
    }
    if (action == "finish") {
        auto req = body_of<FinishRequest>(r);
        if (!req) return respond(error_reply(req.error()));
        if (req->procedure && config_.find_procedure(*req->procedure) == nullptr)
            return respond(error_reply(422, "unknown_procedure", fmt::format("no procedure '{}'", *req->procedure)));
        // A result returned without a code (a dossier from before motcua) is a plain finish.
        if (req->outcome == FinishOutcome::dossier_received ||
            (req->outcome == FinishOutcome::result_returned && req->dossier))
            return finish_with_dossier(*req, number, user, respond);
        return apply([&](E& e, TimePoint now) { return e.finish(now, number, user, req->outcome); }, ticket_reply,
                     respond);
    }
    respond(not_found());
}

void Ward::set_test_clock(const Request& r, const Respond& respond) {
    auto req = body_of<TestClockRequest>(r);
    if (!req) return respond(error_reply(req.error()));
    std::lock_guard lock(mutex_);
    if (auto ok = test_clock_->set(req->now); !ok) return respond(error_reply(ok.error()));
    auto events = engine_.advance(req->now);
    const std::string now_text = std::to_string(to_epoch_ms(req->now));
    // The clock's time is kept in the database: a restart resumes from it.
    store_.submit([now_text](store::WriteTx& tx) { tx.put_meta("test_clock_ms", now_text); }, nullptr);
    json::value body = {{"now", zone_.format_rfc3339(req->now)}};
    persist(std::move(events), nullptr);
    store_.submit([](store::WriteTx&) {},
                  [respond, body = std::move(body)](const Status&) { respond(json_reply(200, body)); });
}

}  // namespace motcua::api
