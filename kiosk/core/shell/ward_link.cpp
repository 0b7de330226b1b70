#include "kiosk/core/shell/ward_link.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <map>

#include "kiosk/core/shell/event_stream.hpp"
#include "motcua/clock.hpp"

namespace motcua::kiosk {

namespace asio = boost::asio;
using SteadyTime = std::chrono::steady_clock::time_point;

namespace {

bool same(const std::vector<api::CategoryInfo>& a, const std::vector<api::CategoryInfo>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const auto& x, const auto& y) {
        return x.code == y.code && x.name_vi == y.name_vi && x.name_en == y.name_en &&
               x.waiting == y.waiting && x.estimated_wait_s == y.estimated_wait_s &&
               x.estimated_wait_range_s == y.estimated_wait_range_s;
    });
}

bool same(const std::vector<api::CounterInfo>& a, const std::vector<api::CounterInfo>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const auto& x, const auto& y) {
        return x.number == y.number && x.name == y.name && x.categories == y.categories &&
               x.state == y.state && x.officer == y.officer &&
               x.current.has_value() == y.current.has_value() &&
               (!x.current || x.current->id == y.current->id);
    });
}

void log_failure(const std::exception_ptr& e, std::string_view what) {
    if (!e) return;
    try {
        std::rethrow_exception(e);
    } catch (const std::exception& x) {
        spdlog::error("ward link: {} stopped: {}", what, x.what());
    }
}

/// A loop's wake-up: sleeps until `due`, or earlier when kicked. Client thread only.
struct Alarm {
    explicit Alarm(const asio::any_io_executor& ex) : timer(ex) {}
    asio::steady_timer timer;
    SteadyTime due = SteadyTime::max();

    void ring_within(Millis delay) {
        due = std::min(due, std::chrono::steady_clock::now() + delay);
        timer.cancel();
    }
    asio::awaitable<void> wait(Millis period) {
        due = std::min(due, std::chrono::steady_clock::now() + period);
        while (std::chrono::steady_clock::now() < due) {
            boost::system::error_code ec;  // cancelled = kicked: look at `due` again
            timer.expires_at(due);
            co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
        }
        due = SteadyTime::max();
    }
};

}  // namespace

struct WardLink::State : std::enable_shared_from_this<WardLink::State> {
    State(ClientThread& c, WardLinkSettings s)
        : client(c),
          settings(std::move(s)),
          ex(c.executor()),
          refresh_http(ex, c.settings().server),
          outbox_http(ex, c.settings().server),
          refresh_alarm(ex),
          outbox_alarm(ex) {}

    ClientThread& client;
    WardLinkSettings settings;
    asio::any_io_executor ex;
    // One connection per loop: HttpClient requests must not overlap.
    HttpClient refresh_http;
    HttpClient outbox_http;
    Alarm refresh_alarm;
    Alarm outbox_alarm;
    std::optional<RatingOutbox> outbox;
    std::map<std::string, RatingDone> first_answer;  // by idempotency key
    EventHandler on_event;                           // runs on the UI thread
    ServiceTimeHandler on_service_time;              // runs on the UI thread
    std::optional<Token> token_override;             // client thread once started
    std::shared_ptr<EventStream> events;
    bool outbox_stalled = false;  // the last attempt said "later": log the next success
    /// Keys of ticket requests that ended in failure, by request (client thread).
    struct OpenKey {
        std::string key;
        SteadyTime until;
    };
    std::map<std::string, OpenKey> open_ticket_keys;
    std::string refresh_problem;  // logged once per kind: an outage must not flood the journal

    [[nodiscard]] bool online() const {
        return client.snapshot().connection == ConnectionState::online;
    }
    [[nodiscard]] Token token() const {
        return token_override ? *token_override : client.settings().token;
    }
    void publish_service_time(TimePoint service_now, TimePoint local_now) {
        if (on_service_time)
            client.ui_queue().push([handler = on_service_time, service_now, local_now] {
                handler(service_now, local_now);
            });
    }

    asio::awaitable<void> refresh_loop();
    asio::awaitable<void> refresh_once();
    void note_refresh(const Error* problem);
    asio::awaitable<void> outbox_loop();
    void answer_first(const std::string& key, const RatingAnswer& answer);
    void publish_pending();
    void handle_event(const api::Event& event);
    /// The key for a ticket request: the one a failed identical request left, else a new one.
    std::optional<std::string> ticket_key(const api::IssueTicketRequest& request);
    void settle_ticket_key(const api::IssueTicketRequest& request, bool keep);
};

namespace {
std::string request_signature(const api::IssueTicketRequest& r) {
    return r.category + (r.priority ? "|p|" : "|n|") + r.priority_reason.value_or("");
}
}  // namespace

std::optional<std::string> WardLink::State::ticket_key(const api::IssueTicketRequest& request) {
    const auto now = std::chrono::steady_clock::now();
    std::erase_if(open_ticket_keys, [&](const auto& kv) { return kv.second.until <= now; });
    if (auto it = open_ticket_keys.find(request_signature(request)); it != open_ticket_keys.end())
        return it->second.key;
    auto key = random_key();
    if (!key) {
        spdlog::warn("ticket request without an idempotency key: {}", key.error().message);
        return std::nullopt;
    }
    return *key;
}

void WardLink::State::settle_ticket_key(const api::IssueTicketRequest& request, bool keep) {
    if (!keep || !request.idempotency_key) {
        open_ticket_keys.erase(request_signature(request));
        return;
    }
    open_ticket_keys[request_signature(request)] = {
        *request.idempotency_key, std::chrono::steady_clock::now() + settings.issue_key_memory};
}

asio::awaitable<void> WardLink::State::refresh_loop() {
    bool was_online = false;
    for (;;) {
        const bool now_online = online();
        if (now_online && !was_online) outbox_alarm.ring_within(Millis{0});  // back: deliver
        was_online = now_online;
        if (now_online) co_await refresh_once();
        co_await refresh_alarm.wait(now_online ? settings.refresh_period : settings.online_check);
    }
}

asio::awaitable<void> WardLink::State::refresh_once() {
    if (settings.track_service_clock) {
        auto service_now = co_await fetch_service_time(refresh_http);
        if (service_now) publish_service_time(*service_now, SystemClock{}.now());
    }
    if (settings.fetch_categories) {
        auto categories = co_await fetch_categories(refresh_http, token());
        if (categories) {
            client.update([&](AppState& s) {
                const bool changed =
                    !s.ward.categories_loaded || !same(s.ward.categories, *categories);
                s.ward.categories = std::move(*categories);
                s.ward.categories_loaded = true;
                return changed;
            });
        }
        note_refresh(categories ? nullptr : &categories.error());
    }
    if (settings.fetch_counters) {
        auto counters = co_await fetch_counters(refresh_http, token());
        if (counters) {
            client.update([&](AppState& s) {
                const bool changed = !s.ward.counters_loaded || !same(s.ward.counters, *counters);
                s.ward.counters = std::move(*counters);
                s.ward.counters_loaded = true;
                return changed;
            });
        }
        note_refresh(counters ? nullptr : &counters.error());
    }
}

void WardLink::State::note_refresh(const Error* problem) {
    if (problem == nullptr) {
        if (!refresh_problem.empty()) spdlog::info("ward link: categories and counters back");
        refresh_problem.clear();
        return;
    }
    if (problem->message == refresh_problem) return;
    refresh_problem = problem->message;
    spdlog::warn("ward link: cannot refresh: {} ({})", problem->message, wire_name(problem->code));
}

void WardLink::State::answer_first(const std::string& key, const RatingAnswer& answer) {
    auto it = first_answer.find(key);
    if (it == first_answer.end()) return;
    client.ui_queue().push([done = std::move(it->second), answer] { done(answer); });
    first_answer.erase(it);
}

void WardLink::State::publish_pending() {
    const int n = outbox ? static_cast<int>(outbox->size()) : 0;
    client.update([n](AppState& s) {
        const bool changed = s.ward.ratings_pending != n;
        s.ward.ratings_pending = n;
        return changed;
    });
}

asio::awaitable<void> WardLink::State::outbox_loop() {
    for (;;) {
        for (const auto& item : outbox->pending()) {
            const RatingAnswer answer = co_await post_rating(outbox_http, token(), item.request);
            answer_first(item.key, answer);
            const std::string& ticket = item.request.ticket;
            if (answer.verdict == RatingVerdict::retry) {
                if (!outbox_stalled)
                    spdlog::warn("rating outbox: ticket {} kept for later: {}", ticket,
                                 answer.error.message);
                outbox_stalled = true;
                break;  // in order: the rest wait with it
            }
            if (answer.verdict == RatingVerdict::rejected)
                spdlog::warn("rating outbox: dropped the rating of ticket {} (HTTP {} {}: {})",
                             ticket, answer.status, wire_name(answer.error.code),
                             answer.error.message);
            else if (outbox_stalled || answer.verdict == RatingVerdict::already_rated)
                spdlog::info("rating outbox: ticket {} delivered{}", ticket,
                             answer.verdict == RatingVerdict::already_rated ? " (already rated)"
                                                                            : " after a wait");
            outbox_stalled = false;
            if (auto removed = outbox->remove(item); !removed)
                spdlog::error("rating outbox: {}", removed.error().message);
        }
        publish_pending();
        co_await outbox_alarm.wait(settings.outbox_retry);
    }
}

void WardLink::State::handle_event(const api::Event& event) {
    client.update([&](AppState& s) {
        s.ward.last_event_seq = event.seq;
        if (event.type != EventType::counter_opened && event.type != EventType::counter_closed &&
            event.type != EventType::counter_paused)
            return false;
        // Who sits at the counter shows at once; the next fetch confirms the rest.
        auto change = api::decode<api::CounterEventFields>(boost::json::value(event.fields));
        if (!change) return false;
        for (auto& c : s.ward.counters)
            if (c.number == change->counter) {
                c.state = change->state;
                c.officer = change->officer;
                return true;
            }
        return false;
    });
    if (event.type != EventType::rating_submitted)
        refresh_alarm.ring_within(settings.refresh_after_event);
    if (on_event) client.ui_queue().push([handler = on_event, event] { handler(event); });
}

WardLink::WardLink(ClientThread& client, WardLinkSettings settings)
    : state_(std::make_shared<State>(client, std::move(settings))) {}

WardLink::~WardLink() = default;

void WardLink::set_event_handler(EventHandler handler) {
    state_->on_event = std::move(handler);
}

void WardLink::set_service_time_handler(ServiceTimeHandler handler) {
    state_->on_service_time = std::move(handler);
}

void WardLink::set_token(Token token) {
    if (!started_) {
        state_->token_override = std::move(token);  // no loop runs yet: nothing else reads it
        return;
    }
    asio::post(state_->ex, [st = state_, token = std::move(token)] {
        st->token_override = token;
        if (st->events) st->events->set_token(token);
        st->refresh_alarm.ring_within(Millis{0});  // the new token may see what the old did not
    });
}

Status WardLink::start() {
    auto& st = *state_;
    if (started_) return Ok{};
    if (st.settings.outbox_dir) {
        auto box = RatingOutbox::open(*st.settings.outbox_dir);
        if (!box) return box.error();  // nothing runs yet: a later start() may try again
        st.outbox.emplace(std::move(*box));
        if (const auto n = st.outbox->size(); n > 0)
            spdlog::info("rating outbox: {} rating(s) from an earlier run to deliver", n);
        asio::co_spawn(
            st.ex, [s = state_] { return s->outbox_loop(); },
            [](const std::exception_ptr& e) { log_failure(e, "rating outbox"); });
    }
    started_ = true;
    if (st.settings.fetch_categories || st.settings.fetch_counters)
        asio::co_spawn(
            st.ex, [s = state_] { return s->refresh_loop(); },
            [](const std::exception_ptr& e) { log_failure(e, "refresh"); });
    if (st.settings.subscribe_events) {
        EventStreamSettings es;
        es.server = st.client.settings().server;
        es.token = st.token();
        es.timing = st.client.settings().timing;
        EventStreamHooks hooks;
        hooks.on_event = [weak = std::weak_ptr<State>(state_)](const api::Event& e) {
            if (auto s = weak.lock()) s->handle_event(e);
        };
        hooks.on_connected = [weak = std::weak_ptr<State>(state_)](bool up) {
            if (auto s = weak.lock())
                s->client.update([up](AppState& a) {
                    const bool changed = a.ward.events_connected != up;
                    a.ward.events_connected = up;
                    return changed;
                });
        };
        if (st.settings.track_service_clock)
            hooks.on_service_time = [weak = std::weak_ptr<State>(state_)](TimePoint service,
                                                                          TimePoint local) {
                if (auto s = weak.lock()) s->publish_service_time(service, local);
            };
        st.events = std::make_shared<EventStream>(st.ex, std::move(es), std::move(hooks));
        st.events->start();
    }
    return Ok{};
}

void WardLink::issue_ticket(api::IssueTicketRequest request, IssueDone done) {
    state_->client.post([st = state_, request = std::move(request), done = std::move(done)](
                            HttpClient& http, const ClientSettings& s) -> asio::awaitable<void> {
        api::IssueTicketRequest keyed = request;
        if (!keyed.idempotency_key) keyed.idempotency_key = st->ticket_key(keyed);
        auto ticket =
            co_await kiosk::issue_ticket(http, s.token, keyed, st->settings.issue_patience);
        // A failure the link or the service caused may hide a ticket issued unseen: keep the key
        // for the citizen's next tap. A refusal (4xx) issued nothing.
        st->settle_ticket_key(keyed, !ticket && worth_another_try(ticket.error()));
        if (ticket) st->refresh_alarm.ring_within(Millis{0});  // the tiles' counts changed
        st->client.ui_queue().push([done, ticket = std::move(ticket)] { done(ticket); });
    });
}

void WardLink::lookup_dossier(std::string code, LookupDone done) {
    state_->client.post([st = state_, code = std::move(code), done = std::move(done)](
                            HttpClient& http, const ClientSettings&) -> asio::awaitable<void> {
        auto dossier = co_await fetch_dossier(http, st->token(), code);
        st->client.ui_queue().push([done, dossier = std::move(dossier)] { done(dossier); });
    });
}

void WardLink::check_in(std::string code, CheckInDone done) {
    state_->client.post([st = state_, code = std::move(code), done = std::move(done)](
                            HttpClient& http, const ClientSettings&) -> asio::awaitable<void> {
        auto answer = co_await check_in_appointment(http, st->token(), code);
        if (answer.ticket) st->refresh_alarm.ring_within(Millis{0});  // the tiles' counts changed
        st->client.ui_queue().push([done, answer = std::move(answer)] { done(answer); });
    });
}

void WardLink::submit_rating(api::RatingRequest request, RatingDone done) {
    asio::post(state_->ex, [st = state_, request = std::move(request), done = std::move(done)] {
        if (!st->outbox) {
            spdlog::error("rating outbox: this screen has none; rating of {} not taken",
                          request.ticket);
            return;
        }
        const std::int64_t now_ms = to_epoch_ms(SystemClock{}.now());
        auto added = st->outbox->add(request, now_ms);
        if (!added) {
            // The disk failed: one direct attempt is still better than losing the rating.
            spdlog::error("rating outbox: {}; sending the rating of {} without keeping it",
                          added.error().message, request.ticket);
            asio::co_spawn(
                st->ex,
                [st, request, done]() -> asio::awaitable<void> {
                    HttpClient http(st->ex, st->client.settings().server);
                    const RatingAnswer answer = co_await post_rating(http, st->token(), request);
                    st->client.ui_queue().push([done, answer] { done(answer); });
                },
                [](const std::exception_ptr& e) { log_failure(e, "direct rating"); });
            return;
        }
        st->first_answer[added->key] = done;
        st->publish_pending();
        st->outbox_alarm.ring_within(Millis{0});
    });
}

void WardLink::refresh() {
    asio::post(state_->ex, [st = state_] { st->refresh_alarm.ring_within(Millis{0}); });
}

}  // namespace motcua::kiosk
