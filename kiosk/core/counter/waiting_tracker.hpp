#pragma once
/// Who is waiting, per category, as the event stream has shown it since this screen started: the
/// oldest wait in a category, which GET /categories does not give (only counts and estimates).
#include <map>
#include <optional>
#include <string>

#include "motcua/api.hpp"

namespace motcua::kiosk {

/// How long the longest-waiting citizen of a category has waited.
struct OldestWait {
    int seconds = 0;
    /// Some of those waiting took their ticket before this screen started watching: the oldest
    /// has waited at least `seconds` ("hơn 25 phút").
    bool at_least = false;
};

class WaitingTracker {
public:
    /// Watching began at `service_now` (the first reading of the service's clock); later calls
    /// keep the first.
    void start(TimePoint service_now);
    /// Any event: a ticket it carries is waiting (issued, transferred, reinstated) or not.
    void on_event(const api::Event& event);
    /// The oldest wait in `category`, where the service counts `waiting_now` people; none when
    /// nobody waits or it cannot be told.
    [[nodiscard]] std::optional<OldestWait> oldest(const std::string& category, int waiting_now,
                                                   TimePoint service_now) const;
    [[nodiscard]] std::size_t size() const { return waiting_.size(); }

private:
    std::map<std::string, api::TicketView> waiting_;  // by ticket id
    std::optional<TimePoint> since_;
};

}  // namespace motcua::kiosk
