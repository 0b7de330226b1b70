#pragma once
/// The province's tickets in memory, a month of a ward at a time, so that a year of 130 wards
/// (20 million tickets) is a scan of lean rows instead of a query of 20 million rows.
///
/// PostgreSQL stays the only truth: ingestion stamps each (ward, month) it changes with the
/// ward's new acknowledged seq (`ticket_months`), and a report reads those stamps in the same
/// snapshot as any month it loads. A month whose stamp moved is read again; one that did not is
/// served from memory. So every hub process keeps its own copy and any of them answers the same,
/// and a month no batch touched (every finished month, usually) is read once per process.
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <pqxx/connection>
#include <string>
#include <vector>

#include "motcua/model.hpp"
#include "motcua/office_time.hpp"

namespace motcua::hub {

struct WardMeta;

/// One ticket as the province's figures read it (20 bytes). Times are whole seconds, rounded as
/// the ward's report rounds them.
struct LeanTicket {
    std::int32_t wait_s = 0;     // first call minus issue; when called
    std::int32_t service_s = 0;  // finish minus start; when timed
    std::int32_t visit_s = 0;    // finish minus issue; when timed
    std::int16_t hour = 0;       // whole hours from the start of its office day (ward's zone) to issue
    std::uint16_t category = 0;  // index into MonthBlock::categories
    std::uint8_t day = 0;        // day of the month, 1..31
    std::uint8_t state = 0;      // a TicketState
    std::int8_t rating = 0;      // level, 0 when not rated
    std::uint8_t flags = 0;      // kCalled | kTimed

    static constexpr std::uint8_t kCalled = 1;  // called at least once: counts for the target
    static constexpr std::uint8_t kTimed = 2;   // served with call, start and finish: the time figures
};
static_assert(sizeof(LeanTicket) == 20);

/// A ward's tickets of one month, in day order.
struct MonthBlock {
    std::int64_t version = 0;                // the ward's acked seq that last changed the month
    std::string zone;                        // the zone its hours were counted in
    Day first;                               // the month's first day
    std::vector<std::string> categories;     // codes, as met
    std::vector<std::uint32_t> category_days;  // per category, bit d set when it has a ticket on day d
    std::vector<LeanTicket> tickets;         // by day
    std::array<std::uint32_t, 33> by_day{};  // tickets of day d: [by_day[d], by_day[d + 1])
};

/// Appends a ticket of office day `day` (within the block's month) to a block. Times in ms since
/// the epoch, -1 when unset; `day_start_ms` is the start of that office day in the ward's zone.
void append_ticket(MonthBlock& block, Day day, std::string_view category, TicketState state, int rating,
                   std::int64_t issued_ms, std::int64_t called_ms, std::int64_t started_ms, std::int64_t finished_ms,
                   std::int64_t day_start_ms);
/// Puts a block's tickets in day order and fills `by_day`: after the last append_ticket.
void finish_block(MonthBlock& block);

/// Every month of a ward within a period, oldest first.
struct WardTickets {
    const WardMeta* ward = nullptr;
    std::vector<std::shared_ptr<const MonthBlock>> months;
};

class TicketCache {
public:
    /// Beyond `max_tickets` cached tickets the least recently used months are dropped.
    explicit TicketCache(std::size_t max_tickets = 80'000'000) : max_tickets_(max_tickets) {}

    /// The tickets of `wards` over [from, to] (whole months: the figures pick the days), current
    /// as of one snapshot of the database. `hub_zone` counts the hours of a ward that never said.
    std::vector<WardTickets> load(pqxx::connection& c, const std::vector<WardMeta>& wards, Day from, Day to,
                                  const OfficeZone& hub_zone);

    struct Stats {
        std::uint64_t months_read = 0;    // months read from PostgreSQL
        std::uint64_t months_reused = 0;  // months served from memory
        std::size_t tickets = 0;          // tickets held now
    };
    Stats stats() const;

private:
    struct Entry {
        std::shared_ptr<const MonthBlock> block;
        std::uint64_t used = 0;  // the load that last used it
    };
    void evict(std::uint64_t now);

    std::size_t max_tickets_;
    mutable std::mutex mutex_;
    std::map<std::pair<std::string, std::int64_t>, Entry> blocks_;  // (ward, month's first day number)
    std::uint64_t clock_ = 0;
    Stats stats_;
};

}  // namespace motcua::hub
