#include "kiosk/core/board/board_model.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "kiosk/core/citizen/citizen_views.hpp"
#include "kiosk/core/shell/service_clock.hpp"

namespace motcua::kiosk {

namespace {

double seconds_between(SteadyTime from, SteadyTime to) {
    return std::chrono::duration<double>(to - from).count();
}

constexpr double kNever = 1e9;

int counter_of(const api::Event& event) {
    const auto* field = event.fields.if_contains("counter");
    return field != nullptr && field->is_int64() ? static_cast<int>(field->as_int64()) : 0;
}

}  // namespace

std::optional<CallToAnnounce> BoardModel::on_event(const api::Event& event, SteadyTime now,
                                                   TimePoint service_now) {
    const int counter = counter_of(event);
    if (event.type == EventType::counter_closed) {
        serving_[counter] = AtCounter{};
        return std::nullopt;
    }
    const auto* field = event.fields.if_contains("ticket");
    if (field == nullptr || counter == 0) return std::nullopt;
    auto ticket = api::decode<api::TicketView>(*field);
    if (!ticket) {
        spdlog::error("board: event #{}: {}", event.seq, ticket.error().message);
        return std::nullopt;
    }
    const bool call = event.type == EventType::ticket_called;
    const bool recall = event.type == EventType::ticket_recalled;
    if (!call && !recall) {
        // The citizen left the desk (served, absent, sent to another queue): the desk is free.
        const bool leaves = event.type == EventType::ticket_finished ||
                            event.type == EventType::ticket_no_show ||
                            event.type == EventType::ticket_transferred;
        const auto it = serving_.find(counter);
        if (leaves && it != serving_.end() && it->second.ticket_id == ticket->id)
            it->second = AtCounter{};
        return std::nullopt;
    }
    serving_[counter] = AtCounter{ticket->id, ticket->number};
    BoardCall c;
    c.seq = event.seq;
    c.ticket_id = ticket->id;
    c.number = ticket->number;
    c.counter = counter;
    c.recall = recall;
    if (ticket->appointment) c.appointment_start = ticket->appointment->start;
    c.fresh = seconds_since(event.at, service_now) <= timing_.max_age_s;
    c.shown_at = now;
    // One line per ticket: a recall or a later call (after a transfer) moves it to the top.
    calls_.erase(std::remove_if(calls_.begin(), calls_.end(),
                                [&](const BoardCall& b) { return b.ticket_id == c.ticket_id; }),
                 calls_.end());
    calls_.push_front(c);
    while (calls_.size() > timing_.max_calls) calls_.pop_back();
    if (!c.fresh) return std::nullopt;
    return CallToAnnounce{c.seq, c.number, c.counter};
}

std::optional<std::string> BoardModel::serving_at(int counter) const {
    const auto it = serving_.find(counter);
    if (it == serving_.end()) return std::nullopt;
    return it->second.number;
}

bool BoardModel::highlighted(const BoardCall& call, SteadyTime now) const {
    return call.fresh && !calls_.empty() && calls_.front().seq == call.seq &&
           seconds_between(call.shown_at, now) < timing_.highlight_s;
}

double BoardModel::next_change_in(SteadyTime now) const {
    if (calls_.empty() || !highlighted(calls_.front(), now)) return kNever;
    return std::max(0.0, timing_.highlight_s - seconds_between(calls_.front().shown_at, now));
}

BoardView make_board_view(const BoardModel& model, const WardData& data, ConnectionState connection,
                          Language lang, SteadyTime now) {
    BoardView v;
    v.loaded = data.counters_loaded;
    // Lost: the health check gave up, or it still passes but the event stream broke (calls
    // would be missed until it resumes).
    v.link_lost =
        connection == ConnectionState::unavailable || connection == ConnectionState::incompatible ||
        (connection == ConnectionState::online && data.counters_loaded && !data.events_connected);
    const BoardCall* newest = model.calls().empty() ? nullptr : &model.calls().front();
    const bool newest_lit = newest != nullptr && model.highlighted(*newest, now);
    for (const auto& c : data.counters) {
        if (c.state == CounterState::closed) continue;
        BoardCounterRow row{c.number, c.name, c.state, "", false};
        if (const auto serving = model.serving_at(c.number))
            row.ticket = *serving;
        else if (c.current)
            row.ticket = c.current->number;
        row.highlighted = newest_lit && newest->counter == c.number && row.ticket == newest->number;
        v.counters.push_back(std::move(row));
    }
    std::sort(v.counters.begin(), v.counters.end(),
              [](const auto& a, const auto& b) { return a.number < b.number; });
    for (const auto& call : model.calls())
        v.calls.push_back({call.number, call.counter, call.recall, call.appointment_start,
                           model.highlighted(call, now)});
    for (const auto& c : data.categories)
        v.categories.push_back({lang == Language::en ? c.name_en : c.name_vi, c.waiting,
                                wait_minutes(c.estimated_wait_range_s)});
    return v;
}

}  // namespace motcua::kiosk
