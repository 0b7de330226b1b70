#pragma once
/// Keeps the report rows of finished office days in memory: they no longer change, and a ward's
/// officers open the same months again and again on the dashboard.
#include <cstddef>
#include <map>
#include <mutex>

#include "store/store.hpp"

namespace motcua::reports {

class ReportCache {
public:
    /// Beyond `max_tickets` cached rows the cache starts afresh (a city database stays bounded).
    explicit ReportCache(std::size_t max_tickets = 3'000'000) : max_tickets_(max_tickets) {}

    /// The tickets of [from, to]: days before `stable_before` from memory (read once), later days
    /// from the store every time.
    store::ReportRows tickets(store::Store& store, Day from, Day to, Day stable_before);

private:
    std::size_t max_tickets_;
    std::mutex mutex_;
    store::ReportRows cached_;  // tickets of cached days; intern tables shared with every answer
    std::map<std::int64_t, std::pair<std::size_t, std::size_t>>
        spans_;  // day number -> [begin, end)
};

}  // namespace motcua::reports
