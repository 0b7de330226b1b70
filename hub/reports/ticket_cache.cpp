#include "reports/ticket_cache.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <limits>
#include <pqxx/pqxx>

#include "reports/hub_reports.hpp"
#include "reports/turnaround.hpp"

namespace motcua::hub {
namespace {

using Snapshot = pqxx::transaction<pqxx::repeatable_read, pqxx::read_only>;

std::int64_t day_number(Day d) { return date::sys_days{d}.time_since_epoch().count(); }

Day month_start(Day d) { return Day{d.year(), d.month(), date::day{1}}; }

Day next_month(Day first) {
    const auto ym = date::year_month{first.year(), first.month()} + date::months{1};
    return Day{ym.year(), ym.month(), date::day{1}};
}

std::int64_t number(const pqxx::field& f) {
    std::int64_t v = 0;
    const char* s = f.c_str();
    std::from_chars(s, s + f.size(), v);
    return v;
}

template <typename T>
T clamp_to(std::int64_t v) {
    return static_cast<T>(std::clamp<std::int64_t>(v, std::numeric_limits<T>::min(), std::numeric_limits<T>::max()));
}

/// Builds the blocks of the months of one ward read in one query.
class BlockBuilder {
public:
    explicit BlockBuilder(const OfficeZone& zone) : zone_(zone) {}

    MonthBlock& month(Day first, std::int64_t version) {
        auto& b = blocks_[day_number(first)];
        if (!b) {
            b = std::make_shared<MonthBlock>();
            b->first = first;
            b->version = version;
            b->zone = zone_.name();
        }
        return *b;
    }

    void add(MonthBlock& b, const pqxx::row& row) {
        // day, category, state, rating, issued_ms, called_ms, started_ms, finished_ms
        const int mday = (row[0].c_str()[8] - '0') * 10 + (row[0].c_str()[9] - '0');
        const auto ms = [](const pqxx::field& f) { return f.is_null() ? std::int64_t{-1} : number(f); };
        append_ticket(b, Day{date::sys_days{b.first} + date::days{mday - 1}},
                      std::string_view(row[1].c_str(), row[1].size()),
                      parse_enum<TicketState>(std::string_view(row[2].c_str(), row[2].size())).value_or(TicketState::waiting),
                      static_cast<int>(number(row[3])), number(row[4]), ms(row[5]), ms(row[6]), ms(row[7]),
                      start_of(b, mday));
    }

    /// The blocks, their tickets put in day order.
    std::map<std::int64_t, std::shared_ptr<MonthBlock>> finish() {
        for (auto& [first, b] : blocks_) finish_block(*b);
        return std::move(blocks_);
    }

private:
    std::int64_t start_of(const MonthBlock& b, int mday) {
        if (last_first_ != b.first || last_mday_ != mday) {
            last_first_ = b.first;
            last_mday_ = mday;
            last_start_ = to_epoch_ms(
                zone_.start_of_day(Day{date::sys_days{b.first} + date::days{mday - 1}}));
        }
        return last_start_;
    }

    const OfficeZone& zone_;
    std::map<std::int64_t, std::shared_ptr<MonthBlock>> blocks_;
    Day last_first_;
    int last_mday_ = -1;
    std::int64_t last_start_ = 0;
};

}  // namespace

void append_ticket(MonthBlock& b, Day day, std::string_view category, TicketState state, int rating,
                   std::int64_t issued_ms, std::int64_t called_ms, std::int64_t started_ms, std::int64_t finished_ms,
                   std::int64_t day_start_ms) {
    LeanTicket t;
    t.day = static_cast<std::uint8_t>(static_cast<unsigned>(day.day()));
    auto it = std::find(b.categories.begin(), b.categories.end(), category);
    if (it == b.categories.end()) {
        it = b.categories.insert(b.categories.end(), std::string(category));
        b.category_days.push_back(0);
    }
    t.category = static_cast<std::uint16_t>(it - b.categories.begin());
    b.category_days[t.category] |= 1U << t.day;
    t.state = static_cast<std::uint8_t>(state);
    t.rating = static_cast<std::int8_t>(rating);
    t.hour = clamp_to<std::int16_t>((issued_ms - day_start_ms) / 3'600'000);
    if (called_ms >= 0) {
        t.flags |= LeanTicket::kCalled;
        t.wait_s = clamp_to<std::int32_t>(reports::whole_seconds(issued_ms, called_ms));
        if (state == TicketState::done && started_ms >= 0 && finished_ms >= 0) {
            t.flags |= LeanTicket::kTimed;
            t.service_s = clamp_to<std::int32_t>(reports::whole_seconds(started_ms, finished_ms));
            t.visit_s = clamp_to<std::int32_t>(reports::whole_seconds(issued_ms, finished_ms));
        }
    }
    b.tickets.push_back(t);
}

void finish_block(MonthBlock& b) {
    std::array<std::uint32_t, 33> count{};
    for (const auto& t : b.tickets) ++count[t.day];
    std::uint32_t at = 0;
    for (std::size_t d = 0; d < 32; ++d) {
        b.by_day[d] = at;
        at += count[d];
    }
    b.by_day[32] = at;
    std::vector<LeanTicket> sorted(b.tickets.size());
    auto next = b.by_day;
    for (const auto& t : b.tickets) sorted[next[t.day]++] = t;
    b.tickets = std::move(sorted);
}

std::vector<WardTickets> TicketCache::load(pqxx::connection& c, const std::vector<WardMeta>& wards, Day from, Day to,
                                           const OfficeZone& hub_zone) {
    std::vector<WardTickets> out(wards.size());
    if (wards.empty() || to < from) return out;
    Snapshot w(c);
    // Which months of which ward hold tickets, and as of which batch.
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < wards.size(); ++i) {
        index[wards[i].code] = i;
        out[i].ward = &wards[i];
    }
    std::vector<std::map<std::int64_t, std::int64_t>> versions(wards.size());  // month -> version
    for (const auto& row : w.exec(fmt::format("SELECT ward, month, version FROM ticket_months WHERE ward IN ({}) AND "
                                              "month BETWEEN {} AND {}",
                                              sql_ward_list(w, wards), w.quote(format_day(month_start(from))),
                                              w.quote(format_day(month_start(to)))))) {
        auto it = index.find(row[0].c_str());
        if (it == index.end()) continue;
        if (auto d = parse_day(row[1].c_str())) versions[it->second][day_number(*d)] = row[2].as<std::int64_t>();
    }

    std::vector<OfficeZone> zones;
    zones.reserve(wards.size());
    for (const auto& ward : wards) {
        auto z = ward.config.time_zone.empty() ? Result<OfficeZone>(hub_zone) : OfficeZone::load(ward.config.time_zone);
        zones.push_back(z ? *z : hub_zone);
    }

    // Months already in memory at the same version are reused; the rest are read below.
    std::vector<std::vector<std::int64_t>> stale(wards.size());
    std::vector<std::map<std::int64_t, std::shared_ptr<const MonthBlock>>> found(wards.size());
    std::uint64_t now = 0;
    {
        std::lock_guard lock(mutex_);
        now = ++clock_;
        for (std::size_t i = 0; i < wards.size(); ++i)
            for (const auto& [month, version] : versions[i]) {
                auto it = blocks_.find({wards[i].code, month});
                if (it != blocks_.end() && it->second.block->version == version &&
                    it->second.block->zone == zones[i].name()) {
                    it->second.used = now;
                    found[i][month] = it->second.block;
                    ++stats_.months_reused;
                } else {
                    stale[i].push_back(month);
                }
            }
    }

    std::vector<std::pair<std::pair<std::string, std::int64_t>, std::shared_ptr<const MonthBlock>>> fresh;
    for (std::size_t i = 0; i < wards.size(); ++i) {
        if (stale[i].empty()) continue;
        const Day first{date::sys_days{date::days{stale[i].front()}}};
        const Day end = next_month(Day{date::sys_days{date::days{stale[i].back()}}});
        BlockBuilder builder(zones[i]);
        const auto rows = w.exec_params(
            "SELECT day, category, state, rating, issued_ms, called_ms, started_ms, finished_ms FROM tickets "
            "WHERE ward = $1 AND day >= $2 AND day < $3",
            wards[i].code, format_day(first), format_day(end));
        // Rows come a partition (a month) after another: the month is parsed when it changes.
        std::string current;
        MonthBlock* block = nullptr;
        for (const auto& row : rows) {
            const std::string_view month_text(row[0].c_str(), 7);
            if (month_text != current) {
                current = month_text;
                block = nullptr;
                if (const auto d = parse_day(current + "-01")) {
                    const auto month = day_number(*d);
                    if (std::binary_search(stale[i].begin(), stale[i].end(), month))
                        block = &builder.month(*d, versions[i][month]);
                }
            }
            if (block != nullptr) builder.add(*block, row);
        }
        // A stamped month may have lost its last ticket (a ward's store restored): keep it empty.
        for (auto month : stale[i]) builder.month(Day{date::sys_days{date::days{month}}}, versions[i][month]);
        for (auto& [month, block_ptr] : builder.finish()) {
            found[i][month] = block_ptr;
            fresh.push_back({{wards[i].code, month}, block_ptr});
        }
    }
    w.commit();

    {
        std::lock_guard lock(mutex_);
        for (auto& [key, block] : fresh) {
            auto& e = blocks_[key];
            if (e.block) stats_.tickets -= e.block->tickets.size();
            e.block = block;
            e.used = now;
            stats_.tickets += block->tickets.size();
            ++stats_.months_read;
        }
        evict(now);
    }
    for (std::size_t i = 0; i < wards.size(); ++i)
        for (auto& [month, block] : found[i]) out[i].months.push_back(std::move(block));
    return out;
}

void TicketCache::evict(std::uint64_t now) {
    while (stats_.tickets > max_tickets_) {
        auto oldest = blocks_.end();
        for (auto it = blocks_.begin(); it != blocks_.end(); ++it)
            if (it->second.used < now && (oldest == blocks_.end() || it->second.used < oldest->second.used)) oldest = it;
        if (oldest == blocks_.end()) return;  // everything belongs to the report being made
        stats_.tickets -= oldest->second.block->tickets.size();
        blocks_.erase(oldest);
    }
}

TicketCache::Stats TicketCache::stats() const {
    std::lock_guard lock(mutex_);
    return stats_;
}

}  // namespace motcua::hub
