#pragma once
/// The province's tickets and dossiers in memory, a month of a ward at a time, so that a year of
/// 130 wards (20 million tickets) is a scan of lean rows instead of a query of 20 million rows.
///
/// PostgreSQL stays the only truth: ingestion stamps each (ward, month) whose tickets or dossiers
/// it changes with the ward's new acknowledged seq (`ticket_months`, `dossier_months`), and a
/// report reads those stamps in the same snapshot as any month it loads. A month whose stamp
/// moved is read again; one that did not is served from memory. So every hub process keeps its
/// own copy and any of them answers the same, and a month no batch touched (every finished month,
/// usually) is read once per process.
///
/// Every writer of those tables must stamp: a hub older than migration 2 does not, so stop older
/// hub processes before starting a newer one on the same database (docs/hub.md).
#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <pqxx/connection>
#include <pqxx/transaction_base>
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
    std::int16_t hour = 0;  // whole hours from the start of its office day (ward's zone) to issue
    std::uint16_t category = 0;  // index into MonthBlock::categories
    std::uint8_t day = 0;        // day of the month, 1..31
    std::uint8_t state = 0;      // a TicketState
    std::int8_t rating = 0;      // level, 0 when not rated
    std::uint8_t flags = 0;      // kCalled | kTimed

    static constexpr std::uint8_t kCalled = 1;  // called at least once: counts for the target
    static constexpr std::uint8_t kTimed =
        2;  // served with call, start and finish: the time figures
};
static_assert(sizeof(LeanTicket) == 20);

/// A month of a ward as cached: what its stamp was when read.
struct CachedMonth {
    std::int64_t version = 0;  // the ward's acked seq that last changed the month
    std::string zone;          // the zone its times were counted in
    Day first;                 // the month's first day
    CachedMonth() = default;
    CachedMonth(const CachedMonth&) = default;
    CachedMonth& operator=(const CachedMonth&) = default;
    virtual ~CachedMonth() = default;
    [[nodiscard]] virtual std::size_t rows() const = 0;
};

/// A ward's tickets of one month, in day order.
struct MonthBlock final : CachedMonth {
    std::vector<std::string> categories;  // codes, as met
    std::vector<std::uint32_t>
        category_days;                // per category, bit d set when it has a ticket on day d
    std::vector<LeanTicket> tickets;  // by day
    std::array<std::uint32_t, 33> by_day{};  // tickets of day d: [by_day[d], by_day[d + 1])
    [[nodiscard]] std::size_t rows() const override { return tickets.size(); }
};

/// Appends a ticket of office day `day` (within the block's month) to a block. Times in ms since
/// the epoch, -1 when unset; `day_start_ms` is the start of that office day in the ward's zone.
void append_ticket(MonthBlock& block, Day day, std::string_view category, TicketState state,
                   int rating, std::int64_t issued_ms, std::int64_t called_ms,
                   std::int64_t started_ms, std::int64_t finished_ms, std::int64_t day_start_ms);
/// Puts a block's tickets in day order and fills `by_day`: after the last append_ticket.
void finish_block(MonthBlock& block);

/// Every month of a ward within a period, oldest first.
struct WardTickets {
    const WardMeta* ward = nullptr;
    std::vector<std::shared_ptr<const MonthBlock>> months;
};

/// One dossier as Biểu II.06a reads it (48 bytes).
struct LeanDossier {
    std::int64_t received_ms = 0;
    std::int64_t closed_ms =
        -1;  // reached a final state (reports::dossier_closed_time); -1 while open
    std::int64_t recorded_close_ms =
        -1;                         // the record's closed_at, -1 when unset: the store's filter
    std::int64_t returned_ms = -1;  // when returned: the return, else the close
    std::int32_t due_day = 0;       // legal due date, days since the epoch
    std::uint16_t category = 0;     // index into DossierBlock::categories
    std::uint16_t procedure = 0;    // index into DossierBlock::procedures
    std::uint8_t channel = 0;       // a DossierChannel
    std::uint8_t state = 0;         // a DossierState
};
static_assert(sizeof(LeanDossier) == 48);

/// A ward's dossiers received in one month.
struct DossierBlock final : CachedMonth {
    std::vector<std::string> categories, procedures;
    std::vector<LeanDossier> dossiers;
    [[nodiscard]] std::size_t rows() const override { return dossiers.size(); }
};

/// Appends a dossier to a block, as the form will read it.
void append_dossier(DossierBlock& block, std::string_view category, std::string_view procedure,
                    DossierChannel channel, DossierState state, TimePoint received_at, Day due_date,
                    std::optional<TimePoint> returned_at, std::optional<TimePoint> closed_at,
                    TimePoint updated_at);

/// Every month of a ward within a period, oldest first.
struct WardDossiers {
    const WardMeta* ward = nullptr;
    std::vector<std::shared_ptr<const DossierBlock>> months;
};

/// Months of the wards by their stamps in one table; see the file's comment.
class MonthCache {
public:
    struct Stats {
        std::uint64_t months_read = 0;    // months read from PostgreSQL
        std::uint64_t months_reused = 0;  // months served from memory
        std::size_t rows = 0;             // rows held now
    };
    /// Reads the month starting at `first` of several wards (their zones alongside) in one query:
    /// `out[k]` is made for the k-th ward when it has rows.
    using Read = std::function<void(pqxx::transaction_base& w, Day first,
                                    const std::vector<const WardMeta*>& wards,
                                    const std::vector<const OfficeZone*>& zones,
                                    std::vector<std::shared_ptr<CachedMonth>>& out)>;

    /// `stamps` is the table of (ward, month, version); beyond `max_rows` cached rows the least
    /// recently used months are dropped.
    MonthCache(std::string stamps, std::size_t max_rows)
        : stamps_(std::move(stamps)), max_rows_(max_rows) {}

    /// The months [first_month, last_month] of each ward (in the order of `wards`), current as of
    /// one snapshot of the database.
    std::vector<std::vector<std::shared_ptr<const CachedMonth>>> load(
        pqxx::connection& c, const std::vector<WardMeta>& wards, Day first_month, Day last_month,
        const OfficeZone& hub_zone, const Read& read);
    [[nodiscard]] Stats stats() const;

private:
    struct Entry {
        std::shared_ptr<const CachedMonth> block;
        std::uint64_t used = 0;  // the load that last used it
    };
    void evict(std::uint64_t now);

    std::string stamps_;
    std::size_t max_rows_;
    mutable std::mutex mutex_;
    std::map<std::pair<std::string, std::int64_t>, Entry>
        blocks_;  // (ward, month's first day number)
    std::uint64_t clock_ = 0;
    Stats stats_;
};

/// The province's tickets: months that hold a day of the period.
class TicketCache {
public:
    explicit TicketCache(std::size_t max_tickets = 80'000'000)
        : months_("ticket_months", max_tickets) {}
    /// `hub_zone` counts the hours of a ward that never named its zone.
    std::vector<WardTickets> load(pqxx::connection& c, const std::vector<WardMeta>& wards, Day from,
                                  Day to, const OfficeZone& hub_zone);
    [[nodiscard]] MonthCache::Stats stats() const { return months_.stats(); }

private:
    MonthCache months_;
};

/// The province's dossiers: every month up to the period's end (a dossier received years ago may
/// still be open).
class DossierCache {
public:
    explicit DossierCache(std::size_t max_dossiers = 40'000'000)
        : months_("dossier_months", max_dossiers) {}
    std::vector<WardDossiers> load(pqxx::connection& c, const std::vector<WardMeta>& wards, Day to,
                                   const OfficeZone& hub_zone);
    [[nodiscard]] MonthCache::Stats stats() const { return months_.stats(); }

private:
    MonthCache months_;
};

}  // namespace motcua::hub
