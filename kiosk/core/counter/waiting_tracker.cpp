#include "kiosk/core/counter/waiting_tracker.hpp"

#include <algorithm>

#include "kiosk/core/shell/service_clock.hpp"

namespace motcua::kiosk {

void WaitingTracker::start(TimePoint service_now) {
    if (!since_) since_ = service_now;
}

void WaitingTracker::on_event(const api::Event& event) {
    const auto* field = event.fields.if_contains("ticket");
    if (field == nullptr) return;
    auto ticket = api::decode<api::TicketView>(*field);
    if (!ticket) return;  // not ours to judge: the screens log undecodable events
    // Every ticket event carries the whole ticket: its state says whether it still waits, and a
    // transferred one waits again under its new category with its first issue time.
    if (ticket->state == TicketState::waiting)
        waiting_[ticket->id] = std::move(*ticket);
    else
        waiting_.erase(ticket->id);
}

std::optional<OldestWait> WaitingTracker::oldest(const std::string& category, int waiting_now,
                                                 TimePoint service_now) const {
    if (waiting_now <= 0) return std::nullopt;
    int seen = 0;
    int longest = 0;
    for (const auto& [id, t] : waiting_) {
        if (t.category != category) continue;
        ++seen;
        longest = std::max(longest, seconds_since(t.issued_at, service_now));
    }
    if (seen >= waiting_now) return OldestWait{longest, false};
    // Someone took a ticket before we watched: they have waited at least since then.
    if (!since_) return std::nullopt;
    return OldestWait{std::max(longest, seconds_since(*since_, service_now)), true};
}

}  // namespace motcua::kiosk
