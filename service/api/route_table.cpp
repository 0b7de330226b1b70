// The ward service's route table (DESIGN.md §4): one row per route, {method, pattern, who may
// call, handler}. The dispatcher, the metrics labels and the role-matrix test read it.
#include <fmt/format.h>

#include <charconv>

#include "api/openapi.hpp"
#include "api/phone_page.hpp"
#include "api/ward.hpp"

namespace motcua::api {
namespace {

std::optional<int> parse_int(std::string_view s) {
    int v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
    return v;
}

Error need_login() {
    return make_error(ErrorCode::unauthorized, "this route needs 'Authorization: Bearer TOKEN'");
}

}  // namespace

Status ward_allows(WardAccess access, const auth::Principal& who) {
    if (access == WardAccess::anyone) return Ok{};
    if (std::holds_alternative<std::monostate>(who)) return need_login();
    const auto* device = std::get_if<auth::DevicePrincipal>(&who);
    switch (access) {
        case WardAccess::anyone:
        case WardAccess::device_or_officer:
            return Ok{};
        case WardAccess::kiosk:
            if (device != nullptr && device->role == DeviceRole::kiosk) return Ok{};
            return make_error(ErrorCode::forbidden, "only a ticket kiosk may do this");
        case WardAccess::citizen_device:
            if (device != nullptr &&
                (device->role == DeviceRole::kiosk || device->role == DeviceRole::rating))
                return Ok{};
            return make_error(ErrorCode::forbidden,
                              "only a citizen-facing device (kiosk or rating pad) may do this");
        case WardAccess::officer:
            if (std::holds_alternative<auth::OfficerPrincipal>(who)) return Ok{};
            return make_error(ErrorCode::forbidden, "this needs an officer's login");
    }
    return make_error(ErrorCode::forbidden, "not allowed");
}

void Ward::add_routes() {
    using A = WardAccess;
    auto& t = router_;
    const std::string v1 = "/api/v1";
    t.add("GET", "/metrics", A::anyone,
          [this](const WardRouter::Call& c) { metrics_route(c.respond); });
    t.add("GET", "/t/{id}", A::anyone, [this](const WardRouter::Call& c) {
        if (!lookup_refused(c, true)) phone_page(c.request, c.params[0], c.respond);
    });
    t.add("GET", v1 + "/healthz", A::anyone, [](const WardRouter::Call& c) {
        c.respond(json_reply(200, {{"status", "ok"}}));
    });
    t.add("GET", v1 + "/openapi.yaml", A::anyone,
          [](const WardRouter::Call& c) { c.respond(openapi_reply()); });
    t.add("POST", v1 + "/auth/login", A::anyone,
          [this](const WardRouter::Call& c) { login(c.request, c.respond); });
    t.add("GET", v1 + "/categories", A::device_or_officer,
          [this](const WardRouter::Call& c) { categories(c.respond); });
    t.add("GET", v1 + "/procedures", A::device_or_officer,
          [this](const WardRouter::Call& c) { procedures(c.respond); });
    t.add("GET", v1 + "/procedures/{code}/due-date", A::device_or_officer,
          [this](const WardRouter::Call& c) { due_date_preview(c.params[0], c.respond); });
    t.add("GET", v1 + "/counters", A::device_or_officer,
          [this](const WardRouter::Call& c) { counters(c.respond); });
    t.add("POST", v1 + "/tickets", A::kiosk,
          [this](const WardRouter::Call& c) { issue_ticket(c.request, c.who, c.respond); });
    t.add("GET", v1 + "/tickets/{id}", A::anyone, [this](const WardRouter::Call& c) {
        if (!lookup_refused(c, false)) get_ticket(c.params[0], c.respond);
    });
    t.add("GET", v1 + "/public/queue", A::anyone,
          [this](const WardRouter::Call& c) { public_queue(c.respond); });
    t.add("POST", v1 + "/ratings", A::citizen_device,
          [this](const WardRouter::Call& c) { rate(c.request, c.who, c.respond); });
    t.add("GET", v1 + "/events", A::device_or_officer, [](const WardRouter::Call& c) {
        c.respond(error_reply(ErrorCode::websocket_required, "open /api/v1/events as a WebSocket"));
    });
    for (const char* action : {"open", "close", "pause", "call-next", "recall", "start", "no-show",
                               "reinstate", "transfer", "finish"}) {
        t.add("POST", fmt::format("{}/counters/{{n}}/{}", v1, action), A::officer,
              [this, action = std::string_view(action)](const WardRouter::Call& c) {
                  auto number = parse_int(c.params[0]);
                  if (!number)
                      return c.respond(error_reply(ErrorCode::unknown_counter,
                                                   fmt::format("no counter '{}'", c.params[0])));
                  counter_action(c.request, c.who, *number, action, c.respond);
              });
    }
    // Appointments (DESIGN.md §10): the public routes are for anyone holding a booking's code.
    t.add("GET", v1 + "/public/slots", A::anyone,
          [this](const WardRouter::Call& c) { public_slots(c.request, c.respond); });
    t.add("POST", v1 + "/public/appointments", A::anyone,
          [this](const WardRouter::Call& c) { book_appointment(c.request, c.respond); });
    t.add("GET", v1 + "/public/appointments/{code}", A::anyone, [this](const WardRouter::Call& c) {
        if (!lookup_refused(c, false)) get_appointment(c.params[0], c.respond);
    });
    t.add("POST", v1 + "/public/appointments/{code}/cancel", A::anyone,
          [this](const WardRouter::Call& c) {
              if (!lookup_refused(c, false)) cancel_appointment(c.params[0], c.respond);
          });
    t.add("POST", v1 + "/appointments/{code}/check-in", A::kiosk,
          [this](const WardRouter::Call& c) { check_in(c.who, c.params[0], c.respond); });
    t.add("GET", "/dat-lich", A::anyone,
          [this](const WardRouter::Call& c) { booking_page(c.request, c.respond); });
    t.add("POST", "/dat-lich", A::anyone,
          [this](const WardRouter::Call& c) { booking_submit(c.request, c.respond); });
    t.add("GET", "/dat-lich/{code}", A::anyone, [this](const WardRouter::Call& c) {
        if (!lookup_refused(c, true)) booking_show(c.request, c.params[0], c.respond);
    });
    t.add("POST", "/dat-lich/{code}/huy", A::anyone, [this](const WardRouter::Call& c) {
        if (!lookup_refused(c, true)) booking_cancel(c.request, c.params[0], c.respond);
    });
    t.add("GET", v1 + "/appointments", A::officer,
          [this](const WardRouter::Call& c) { day_appointments(c.request, c.respond); });
    // A dossier's public view is for anyone holding its code; officers get the full view.
    t.add("GET", v1 + "/dossiers/{code}", A::anyone, [this](const WardRouter::Call& c) {
        if (!lookup_refused(c, false)) get_dossier(c.who, c.params[0], c.respond);
    });
    t.add("POST", v1 + "/dossiers/{code}/status", A::officer, [this](const WardRouter::Call& c) {
        dossier_status(c.request, c.who, c.params[0], c.respond);
    });
    t.add("POST", v1 + "/dossiers/{code}/apology", A::officer, [this](const WardRouter::Call& c) {
        dossier_apology(c.request, c.who, c.params[0], c.respond);
    });
    t.add("GET", v1 + "/dossiers/{code}/forms/{form}", A::officer,
          [this](const WardRouter::Call& c) { dossier_form(c.params[0], c.params[1], c.respond); });
    t.add("GET", v1 + "/reports/turnaround", A::officer,
          [this](const WardRouter::Call& c) { turnaround_report(c.request, c.respond); });
    t.add("GET", v1 + "/reports/ratings", A::officer,
          [this](const WardRouter::Call& c) { ratings_report(c.request, c.respond); });
    t.add("GET", v1 + "/reports/waits", A::officer,
          [this](const WardRouter::Call& c) { waits_report(c.request, c.respond); });
    t.add("GET", v1 + "/reports/appointments", A::officer,
          [this](const WardRouter::Call& c) { appointments_report(c.request, c.respond); });
    t.add("GET", v1 + "/reports/estimates", A::officer,
          [this](const WardRouter::Call& c) { estimates_report(c.request, c.respond); });
    t.add("GET", v1 + "/reports/dossiers", A::officer,
          [this](const WardRouter::Call& c) { dossier_report(c.request, c.respond); });
    t.add("GET", v1 + "/reports/dossier-register", A::officer,
          [this](const WardRouter::Call& c) { dossier_register(c.request, c.respond); });
    // Only with --test-clock; otherwise the route does not exist (DESIGN.md §4).
    if (test_clock_ != nullptr)
        t.add("POST", v1 + "/test/clock", A::anyone,
              [this](const WardRouter::Call& c) { set_test_clock(c.request, c.respond); });
}

bool Ward::lookup_refused(const WardRouter::Call& c, bool html) {
    // Devices and officers are known: a kiosk looks up for many citizens in turn.
    if (!std::holds_alternative<std::monostate>(c.who)) return false;
    const int wait =
        lookups_.admit(c.request.remote, c.params[0], std::chrono::steady_clock::now());
    if (wait == 0) return false;
    Reply reply =
        html ? page_reply(
                   429, render_notice_page(
                            c.request.query.contains("lang") && c.request.query.at("lang") == "en",
                            config_.office_name,
                            fmt::format("Quá nhiều lượt tra cứu từ máy này. Xin thử lại "
                                        "sau {} giây.",
                                        wait),
                            fmt::format("Too many look-ups from this device. Please try "
                                        "again in {} seconds.",
                                        wait)))
             : error_reply(ErrorCode::too_many_requests,
                           fmt::format("too many look-ups from this address; try again in {} "
                                       "seconds",
                                       wait));
    reply.headers.emplace_back("Retry-After", std::to_string(wait));
    c.respond(std::move(reply));
    return true;
}

void Ward::handle(const Request& r, const Respond& respond) {
    router_.dispatch(r, respond);
}

std::string Ward::route_label(std::string_view method, std::string_view path) const {
    return router_.label(method, path);
}

Result<std::string> Ward::authorize_events(const Request& r) {
    // Only the event stream reads a token from the URL: browsers cannot set headers on a
    // WebSocket. Anywhere else a token in a URL would end up in logs and browser history.
    auto who = r.authorization.empty() && r.query.contains("token")
                   ? auth_.identify_token(r.query.at("token"))
                   : identify(r);
    if (!who) return who.error();
    if (auto ok = router_.check("GET", "/api/v1/events", *who); !ok) return ok.error();
    if (const auto* d = std::get_if<auth::DevicePrincipal>(&*who))
        return fmt::format("device '{}' ({})", d->name, to_string(d->role));
    if (const auto* o = std::get_if<auth::OfficerPrincipal>(&*who))
        return fmt::format("officer {}", o->username);
    return std::string("anonymous");
}

std::vector<std::pair<std::int64_t, std::string>> Ward::stored_events(std::int64_t since,
                                                                      std::int64_t upto,
                                                                      int limit) {
    std::vector<std::pair<std::int64_t, std::string>> out;
    for (auto& e : store_.events_between(since, upto, limit))
        out.emplace_back(e.seq, std::move(e.payload));
    return out;
}

void Ward::metrics_route(const Respond& respond) {
    int waiting = 0;
    {
        std::lock_guard lock(mutex_);
        waiting = engine_.total_waiting();
    }
    std::vector<MetricValue> figures{
        {"motcua_tickets_waiting", "Tickets waiting now, all categories.", "gauge",
         static_cast<double>(waiting)},
        {"motcua_store_commits_total", "Group-commit transactions written.", "counter",
         static_cast<double>(store_.commits())},
        {"motcua_event_seq", "Last event sequence number.", "gauge",
         static_cast<double>(hub_.last_published())}};
    if (auto* shipper = shipper_.load(); shipper != nullptr)
        for (auto& m : shipper->metrics()) figures.push_back(std::move(m));
    respond(Reply{200, metrics_.render(figures), "text/plain; version=0.0.4", {}});
}

}  // namespace motcua::api
