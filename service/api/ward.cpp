#include "api/ward.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <boost/json.hpp>

#include "motcua/hub.hpp"

namespace motcua::api {

namespace json = boost::json;

Reply storage_unavailable_reply() {
    Reply reply = error_reply(ErrorCode::storage_unavailable,
                              "the server cannot write to its disk (full or failing); nothing was "
                              "changed: try again in a moment");
    reply.headers.emplace_back("Retry-After", "5");
    return reply;
}

Ward::Ward(WardConfig config, OfficeZone zone, const Clock& clock, TestClock* test_clock,
           store::Store& store)
    : config_(std::move(config)),
      zone_(std::move(zone)),
      clock_(clock),
      test_clock_(test_clock),
      store_(store),
      auth_(store),
      engine_(config_, zone_, clock.now()),
      hub_(0),
      calendar_(config_),
      book_(config_, calendar_, zone_),
      lookups_({config_.limits.lookups, std::chrono::seconds(config_.limits.lookup_refill_s)}),
      router_([this](const Request& r) { return identify(r); }, ward_allows) {
    add_routes();
    reload();
    tick();
}

void Ward::reload() {
    // Resume the current office day from the database; then expire what the night left waiting.
    const Day today = zone_.office_day(clock_.now());
    Snapshot snapshot = store_.load_snapshot(today);
    // The snapshot holds today's tickets; a database last used on an earlier day still has its
    // waiting tickets there, and `advance` must see them to expire them.
    const auto last_day = store_.meta("last_day");
    if (last_day && *last_day != format_day(today)) {
        if (auto d = parse_day(*last_day)) {
            Snapshot earlier = store_.load_snapshot(*d);
            earlier.last_seq = snapshot.last_seq;
            snapshot = std::move(earlier);
        }
    }
    engine_.restore(snapshot);
    // The estimates learn from the stored history, as the running service did (DESIGN.md §9).
    engine_.history().clear();
    for (const auto& t : store_.desk_history(queue::ServiceTimes::history_start(today)))
        engine_.history().add(t);
    book_.restore(store_.appointments_from(today));
    dossier_seq_.clear();
    {
        std::lock_guard lock(dossier_cache_mutex_);
        dossiers_.clear();
    }
    hub_.reset(snapshot.last_seq);
}

bool Ward::storage_ready() {
    if (!storage_lost_.load()) {
        if (!store_.failed()) return true;
        storage_lost_ = true;  // another write failed (a login's session): the same cure
    }
    const auto now = std::chrono::steady_clock::now();
    if (reloaded_since_loss_ && now - last_probe_ < std::chrono::seconds(1)) return false;
    last_probe_ = now;
    // recover() waits for every write queued before it, so what failed is settled before the
    // state is read back: the engine forgets the changes that never reached the disk.
    const Status back = store_.recover();
    if (!reloaded_since_loss_ || back) {
        reload();
        reloaded_since_loss_ = true;
    }
    if (!back) return false;
    storage_lost_ = false;
    reloaded_since_loss_ = false;
    spdlog::warn("storage: writes work again; the service accepts changes");
    return true;
}

Ward::Stored Ward::answer_when_stored(Respond respond, Reply reply) {
    return [respond = std::move(respond), reply = std::move(reply)](const Status& s) mutable {
        if (s) return respond(std::move(reply));
        Reply failed = error_reply(s.error());
        if (s.error().code == ErrorCode::storage_unavailable)
            failed.headers.emplace_back("Retry-After", "5");
        respond(std::move(failed));
    };
}

void Ward::answer_behind_writes(Respond respond, Reply reply) {
    store_.submit([](store::WriteTx&) {}, answer_when_stored(std::move(respond), std::move(reply)));
}

void Ward::quiesce() {
    renderer_.stop();
    store_.flush();
}

void Ward::tick() {
    std::lock_guard lock(mutex_);
    if (!storage_ready()) return;
    const TimePoint now = clock_.now();
    auto events = engine_.advance(now);
    expire_bookings(now, events);
    expect_bookings(now);
    persist(std::move(events), MadeBy::system(), nullptr);
    book_.forget_before(zone_.office_day(now));
    erase_old_phones(zone_.office_day(now));
    forget_quiet_clients(now);
}

Result<auth::Principal> Ward::identify(const Request& r) {
    return auth_.identify(r.authorization);
}

void Ward::apply(const store::Actor& who, const Command& command, const MakeReply& make_reply,
                 const Respond& respond) {
    apply(
        who, command, make_reply, [](const Error& e) { return error_reply(e); }, respond);
}

void Ward::apply(const store::Actor& who, const Command& command, const MakeReply& make_reply,
                 const MakeFailure& make_failure, const Respond& respond) {
    std::lock_guard lock(mutex_);
    if (!storage_ready()) return respond(storage_unavailable_reply());
    const TimePoint now = clock_.now();
    std::vector<DomainEvent> events = engine_.advance(now);
    expire_bookings(now, events);
    const std::size_t by_clock = events.size();  // the service's, not the caller's
    expect_bookings(now);
    auto change = command(engine_, now);
    if (!change) {
        persist(std::move(events), MadeBy::system(), nullptr);
        respond(make_failure(change.error()));
        return;
    }
    for (auto& e : change->events) events.push_back(std::move(e));
    Reply reply = make_reply(*change);
    if (events.empty()) {
        // A repeat (same idempotency key) answers as the first did, but never before the first
        // is durable: its answer may have been lost while its write was still queued.
        if (change->replayed) return answer_behind_writes(respond, std::move(reply));
        respond(std::move(reply));
        return;
    }
    persist(std::move(events), {who, by_clock}, answer_when_stored(respond, std::move(reply)));
}

namespace {

/// One journal line per stored change, for `journalctl -u motcua-service` (docs/operations.md):
/// "event 812 ticket_finished ticket A012 counter 1 officer lan".
void log_event(const DomainEvent& e) {
    std::string line = fmt::format("event {} {}", e.seq, to_string(e.type));
    if (e.ticket) {
        line += fmt::format(" ticket {}", e.ticket->number);
        if (e.ticket->counter) line += fmt::format(" counter {}", *e.ticket->counter);
        if (e.ticket->officer) line += fmt::format(" officer {}", *e.ticket->officer);
    } else if (e.counter) {
        line += fmt::format(" counter {}", e.counter->number);
        if (e.counter->officer) line += fmt::format(" officer {}", *e.counter->officer);
    }
    if (e.rating)
        line += fmt::format(" rating {} of ticket {}", e.rating->level, e.rating->ticket_number);
    if (e.dossier) line += fmt::format(" dossier {}", e.dossier->code);
    if (e.appointment) line += fmt::format(" appointment {}", e.appointment->code);
    spdlog::info("{}", line);
}

}  // namespace

void Ward::persist(std::vector<DomainEvent> events, const MadeBy& who, Stored then) {
    if (events.empty()) {
        if (then) then(Ok{});
        return;
    }
    struct Item {
        DomainEvent event;
        std::string day;
        std::shared_ptr<const std::string> payload;
        std::string detail;  // what ships to the province hub
    };
    auto items = std::make_shared<std::vector<Item>>();
    items->reserve(events.size());
    for (auto& e : events) {
        auto payload = std::make_shared<const std::string>(event_payload(e));
        std::string day = format_day(zone_.office_day(e.at));
        std::string detail = write_json(hub::to_json(hub::to_shipped(e), zone_));
        items->push_back({std::move(e), std::move(day), std::move(payload), std::move(detail)});
    }
    // The writer thread runs jobs, and their completions, in submission order: submitting under
    // the engine lock keeps the log and the live stream in sequence order.
    std::string today = format_day(engine_.day());
    store_.submit(
        [items, today = std::move(today), who](store::WriteTx& tx) {
            const auto system = store::Actor::system();
            for (std::size_t i = 0; i < items->size(); ++i) {
                const Item& item = (*items)[i];
                tx.record(item.event, item.day, *item.payload, item.detail,
                          i < who.by_clock ? system : who.actor);
            }
            tx.put_meta("last_day", today);
        },
        [this, items, then = std::move(then)](const Status& status) {
            if (!status) {
                // Nothing of it is on disk and the engine's memory is ahead: refuse changes
                // until the disk takes writes again, then rebuild from the database (tick).
                if (!storage_lost_.exchange(true))
                    spdlog::critical(
                        "storage: could not store events {}..{}; refusing changes "
                        "(503 storage_unavailable) until writes work again: {}",
                        items->front().event.seq, items->back().event.seq, status.error().message);
                if (then) then(status);
                return;
            }
            std::vector<std::pair<std::string, std::int64_t>> committed;
            for (const auto& item : *items) {
                log_event(item.event);
                hub_.publish(item.event.seq, item.payload);
                if (item.event.dossier)
                    committed.emplace_back(item.event.dossier->code, item.event.seq);
            }
            if (!committed.empty()) forget_committed_dossiers(committed);
            if (auto* shipper = shipper_.load(); shipper != nullptr)
                shipper->notify(items->back().event.seq);
            if (then) then(Ok{});
        });
}

std::string Ward::officer_name(const std::string& username) const {
    if (auto it = officer_names_.find(username); it != officer_names_.end()) return it->second;
    auto record = store_.officer(username);
    std::string name = record ? record->name : username;
    officer_names_[username] = name;
    return name;
}

TicketView Ward::ticket_view(const Ticket& t) const {
    TicketView v;
    v.id = t.id;
    v.number = t.number;
    v.category = t.category;
    v.priority = t.priority;
    v.state = t.state;
    v.issued_at = t.issued_at;
    v.called_at = t.called_at;
    v.started_at = t.started_at;
    v.finished_at = t.finished_at;
    v.counter = t.counter;
    if (t.appointment)
        v.appointment = TicketAppointment{t.appointment->code,
                                          format_hhmm(zone_.minutes_of_day(t.appointment->start))};
    if (t.estimate) v.estimate_at_issue = t.estimate;
    if (t.state == TicketState::waiting && engine_.find(t.id) != nullptr) {
        v.waiting_ahead = engine_.waiting_ahead(t);
        if (auto e = engine_.estimate(t, clock_.now())) {
            v.estimated_wait_s = e->wait_s;
            v.estimated_wait_range_s = {e->low_s, e->high_s};
        }
    }
    return v;
}

CounterInfo Ward::counter_info(const CounterStatus& c) const {
    CounterInfo info;
    info.number = c.number;
    const CounterConfig* cfg = config_.find_counter(c.number);
    info.name = cfg->name;
    info.categories = cfg->categories;
    info.state = c.state;
    if (c.officer) info.officer = officer_name(*c.officer);
    if (c.current_ticket)
        if (const Ticket* t = engine_.find(*c.current_ticket)) info.current = ticket_view(*t);
    return info;
}

std::string Ward::event_payload(const DomainEvent& e) const {
    Event ev{e.seq, e.type, e.at, {}};
    if (e.rating) {
        ev.fields["rating"] = {{"ticket", e.rating->ticket_id},
                               {"number", e.rating->ticket_number},
                               {"level", e.rating->level},
                               {"counter", e.rating->counter},
                               {"officer", e.rating->officer}};
    } else if (e.ticket) {
        ev.fields["ticket"] = to_json(ticket_view(*e.ticket), zone_);
    }
    if (e.appointment) {
        // Never the phone: events reach every screen of the ward (DESIGN.md §10).
        const Appointment& a = *e.appointment;
        ev.fields["appointment"] = {{"code", a.code},
                                    {"category", a.category},
                                    {"date", format_day(a.day)},
                                    {"start", format_hhmm(a.start)},
                                    {"end", format_hhmm(a.end)},
                                    {"state", to_string(a.state)}};
    }
    if (e.counter) {
        ev.fields["counter"] = e.counter->number;
        ev.fields["counter_state"] = to_string(e.counter->state);
        ev.fields["officer"] = e.counter->officer ? json::value(officer_name(*e.counter->officer))
                                                  : json::value(nullptr);
    } else if (e.ticket && e.ticket->counter && !e.rating) {
        ev.fields["counter"] = *e.ticket->counter;
    }
    if (e.from_category) ev.fields["from_category"] = *e.from_category;
    // Dossier events carry the public view: the stream reaches boards and kiosks (DESIGN.md §7).
    if (e.dossier) {
        ev.fields["dossier"] = to_json(dossier_view(*e.dossier, false), zone_);
        // The visit that received or returned it, so a console whose answer was lost can still
        // find the dossier its ticket made (no personal data: ticket ids are on the stream anyway).
        if (e.type == EventType::dossier_received)
            ev.fields["ticket_id"] = e.dossier->ticket_id;
        else if (e.dossier->state == DossierState::returned && e.dossier->return_ticket_id)
            ev.fields["ticket_id"] = *e.dossier->return_ticket_id;
    }
    return write_json(to_json(ev, zone_));
}

}  // namespace motcua::api
