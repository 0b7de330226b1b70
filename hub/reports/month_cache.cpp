#include "reports/month_cache.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <limits>
#include <pqxx/pqxx>

#include "reports/hub_reports.hpp"
#include "reports/dossier_report.hpp"
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
    Day last_first_{date::year{0}, date::month{1}, date::day{1}};
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

std::vector<std::vector<std::shared_ptr<const CachedMonth>>> MonthCache::load(pqxx::connection& c,
                                                                                const std::vector<WardMeta>& wards,
                                                                                Day first_month, Day last_month,
                                                                                const OfficeZone& hub_zone,
                                                                                const Read& read) {
    std::vector<std::vector<std::shared_ptr<const CachedMonth>>> out(wards.size());
    if (wards.empty() || last_month < first_month) return out;
    Snapshot w(c);
    // Which months of which ward hold rows, and as of which batch.
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < wards.size(); ++i) index[wards[i].code] = i;
    std::vector<std::map<std::int64_t, std::int64_t>> versions(wards.size());  // month -> version
    for (const auto& row : w.exec(fmt::format("SELECT ward, month, version FROM {} WHERE ward IN ({}) AND "
                                              "month BETWEEN {} AND {}",
                                              stamps_, sql_ward_list(w, wards), w.quote(format_day(first_month)),
                                              w.quote(format_day(last_month))))) {
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
    std::vector<std::map<std::int64_t, std::int64_t>> stale(wards.size());
    std::vector<std::map<std::int64_t, std::shared_ptr<const CachedMonth>>> found(wards.size());
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
                    stale[i][month] = version;
                }
            }
    }

    std::vector<std::pair<std::pair<std::string, std::int64_t>, std::shared_ptr<const CachedMonth>>> fresh;
    for (std::size_t i = 0; i < wards.size(); ++i) {
        if (stale[i].empty()) continue;
        const Day first{date::sys_days{date::days{stale[i].begin()->first}}};
        const Day end = next_month(Day{date::sys_days{date::days{stale[i].rbegin()->first}}});
        auto blocks = read(w, wards[i], zones[i], first, end, stale[i]);
        for (const auto& [month, version] : stale[i]) {
            auto& b = blocks[month];
            if (!b) continue;  // a stamped month may have lost its last row (a ward's store restored)
            b->version = version;
            b->zone = zones[i].name();
            b->first = Day{date::sys_days{date::days{month}}};
            found[i][month] = b;
            fresh.push_back({{wards[i].code, month}, b});
        }
    }
    w.commit();

    {
        std::lock_guard lock(mutex_);
        for (auto& [key, block] : fresh) {
            auto& e = blocks_[key];
            if (e.block) stats_.rows -= e.block->rows();
            e.block = block;
            e.used = now;
            stats_.rows += block->rows();
            ++stats_.months_read;
        }
        evict(now);
    }
    for (std::size_t i = 0; i < wards.size(); ++i)
        for (auto& [month, block] : found[i]) out[i].push_back(std::move(block));
    return out;
}

void MonthCache::evict(std::uint64_t now) {
    while (stats_.rows > max_rows_) {
        auto oldest = blocks_.end();
        for (auto it = blocks_.begin(); it != blocks_.end(); ++it)
            if (it->second.used < now && (oldest == blocks_.end() || it->second.used < oldest->second.used)) oldest = it;
        if (oldest == blocks_.end()) return;  // everything belongs to the report being made
        stats_.rows -= oldest->second.block->rows();
        blocks_.erase(oldest);
    }
}

MonthCache::Stats MonthCache::stats() const {
    std::lock_guard lock(mutex_);
    return stats_;
}

namespace {

/// Calls `month_of(row)` only when the month's text ("YYYY-MM") changes: rows come a partition
/// (a month) after another.
template <typename Block>
class MonthSplitter {
public:
    MonthSplitter(std::map<std::int64_t, std::shared_ptr<CachedMonth>>& blocks,
                  const std::map<std::int64_t, std::int64_t>& stale)
        : blocks_(blocks), stale_(stale) {}

    /// The block of the month that `day_text` ("YYYY-MM-DD") falls in, or null when not wanted.
    Block* of(const char* day_text) {
        const std::string_view month_text(day_text, 7);
        if (month_text != current_) {
            current_ = month_text;
            block_ = nullptr;
            if (const auto d = parse_day(current_ + "-01")) {
                const auto month = day_number(*d);
                if (stale_.contains(month)) {
                    auto& b = blocks_[month];
                    if (!b) {
                        b = std::make_shared<Block>();
                        b->first = *d;
                    }
                    block_ = static_cast<Block*>(b.get());
                }
            }
        }
        return block_;
    }

private:
    std::map<std::int64_t, std::shared_ptr<CachedMonth>>& blocks_;
    const std::map<std::int64_t, std::int64_t>& stale_;
    std::string current_;
    Block* block_ = nullptr;
};

std::uint16_t intern(std::vector<std::string>& table, std::string_view text) {
    auto it = std::find(table.begin(), table.end(), text);
    if (it == table.end()) it = table.insert(table.end(), std::string(text));
    return static_cast<std::uint16_t>(it - table.begin());
}

}  // namespace

void append_dossier(DossierBlock& b, std::string_view category, std::string_view procedure, DossierChannel channel,
                    DossierState state, TimePoint received_at, Day due_date, std::optional<TimePoint> returned_at,
                    std::optional<TimePoint> closed_at, TimePoint updated_at) {
    LeanDossier d;
    d.category = intern(b.categories, category);
    d.procedure = intern(b.procedures, procedure);
    d.channel = static_cast<std::uint8_t>(channel);
    d.state = static_cast<std::uint8_t>(state);
    d.received_ms = to_epoch_ms(received_at);
    d.due_day = static_cast<std::int32_t>(day_number(due_date));
    const auto closed = reports::dossier_closed_time(state, received_at, closed_at, returned_at, updated_at);
    d.closed_ms = closed ? to_epoch_ms(*closed) : -1;
    d.returned_ms = returned_at ? to_epoch_ms(*returned_at) : d.closed_ms;
    b.dossiers.push_back(d);
}

std::vector<WardTickets> TicketCache::load(pqxx::connection& c, const std::vector<WardMeta>& wards, Day from, Day to,
                                           const OfficeZone& hub_zone) {
    const auto read = [](pqxx::transaction_base& w, const WardMeta& ward, const OfficeZone& zone, Day first, Day end,
                         const std::map<std::int64_t, std::int64_t>& stale) {
        std::map<std::int64_t, std::shared_ptr<CachedMonth>> blocks;
        BlockBuilder builder(zone);
        MonthSplitter<MonthBlock> months(blocks, stale);
        for (const auto& row : w.exec_params(
                 "SELECT day, category, state, rating, issued_ms, called_ms, started_ms, finished_ms FROM tickets "
                 "WHERE ward = $1 AND day >= $2 AND day < $3",
                 ward.code, format_day(first), format_day(end)))
            if (auto* b = months.of(row[0].c_str())) builder.add(*b, row);
        for (auto& [month, b] : blocks) finish_block(static_cast<MonthBlock&>(*b));
        return blocks;
    };
    auto months = months_.load(c, wards, month_start(from), month_start(to), hub_zone, read);
    std::vector<WardTickets> out(wards.size());
    for (std::size_t i = 0; i < wards.size(); ++i) {
        out[i].ward = &wards[i];
        for (auto& m : months[i]) out[i].months.push_back(std::static_pointer_cast<const MonthBlock>(m));
    }
    return out;
}

std::vector<WardDossiers> DossierCache::load(pqxx::connection& c, const std::vector<WardMeta>& wards, Day to,
                                             const OfficeZone& hub_zone) {
    const auto read = [](pqxx::transaction_base& w, const WardMeta& ward, const OfficeZone&, Day first, Day end,
                         const std::map<std::int64_t, std::int64_t>& stale) {
        std::map<std::int64_t, std::shared_ptr<CachedMonth>> blocks;
        MonthSplitter<DossierBlock> months(blocks, stale);
        const auto ms = [](const pqxx::field& f) { return f.is_null() ? std::int64_t{-1} : number(f); };
        const auto opt_time = [&](const pqxx::field& f) {
            return f.is_null() ? std::optional<TimePoint>{} : std::optional<TimePoint>{from_epoch_ms(number(f))};
        };
        for (const auto& row : w.exec_params(
                 "SELECT day, category, procedure, channel, state, received_ms, due_date, returned_ms, closed_ms, "
                 "updated_ms FROM dossiers WHERE ward = $1 AND day >= $2 AND day < $3",
                 ward.code, format_day(first), format_day(end))) {
            auto* b = months.of(row[0].c_str());
            if (b == nullptr) continue;
            const auto due = parse_day(row[6].c_str());
            append_dossier(*b, std::string_view(row[1].c_str(), row[1].size()),
                           std::string_view(row[2].c_str(), row[2].size()),
                           parse_enum<DossierChannel>(row[3].c_str()).value_or(DossierChannel::direct),
                           parse_enum<DossierState>(row[4].c_str()).value_or(DossierState::received),
                           from_epoch_ms(number(row[5])), due ? *due : Day{}, opt_time(row[7]), opt_time(row[8]),
                           from_epoch_ms(ms(row[9])));
        }
        return blocks;
    };
    auto months = months_.load(c, wards, Day{date::year{2000}, date::January, date::day{1}}, month_start(to), hub_zone,
                               read);
    std::vector<WardDossiers> out(wards.size());
    for (std::size_t i = 0; i < wards.size(); ++i) {
        out[i].ward = &wards[i];
        for (auto& m : months[i]) out[i].months.push_back(std::static_pointer_cast<const DossierBlock>(m));
    }
    return out;
}

}  // namespace motcua::hub
