#include "reports/month_cache.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <limits>
#include <pqxx/pqxx>

#include "pg/pool.hpp"
#include "reports/dossier_report.hpp"
#include "reports/hub_reports.hpp"
#include "reports/turnaround.hpp"

namespace motcua::hub {
namespace {

using Snapshot = pqxx::transaction<pqxx::repeatable_read, pqxx::read_only>;

std::int64_t day_number(Day d) {
    return date::sys_days{d}.time_since_epoch().count();
}

Day month_start(Day d) {
    return Day{d.year(), d.month(), date::day{1}};
}

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
    return static_cast<T>(
        std::clamp<std::int64_t>(v, std::numeric_limits<T>::min(), std::numeric_limits<T>::max()));
}

/// The starts of a month's office days (index = day of the month) in a zone, in ms.
std::array<std::int64_t, 32> day_starts(const OfficeZone& zone, Day first) {
    std::array<std::int64_t, 32> out{};
    const auto last = day_number(next_month(first)) - day_number(first);
    for (std::int64_t d = 1; d <= last; ++d)
        out[static_cast<std::size_t>(d)] =
            to_epoch_ms(zone.start_of_day(Day{date::sys_days{first} + date::days{d - 1}}));
    return out;
}

/// The ward of a row by its code: rows of one ward come in runs, so the last answer goes first.
class WardLookup {
public:
    explicit WardLookup(const std::vector<const WardMeta*>& wards) {
        for (std::size_t i = 0; i < wards.size(); ++i) index_.emplace(wards[i]->code, i);
    }
    std::optional<std::size_t> operator()(const pqxx::field& f) {
        const std::string_view code(f.c_str(), f.size());
        if (last_ && code == last_->first) return last_->second;
        auto it = index_.find(std::string(code));
        if (it == index_.end()) return std::nullopt;
        last_ = &*it;
        return it->second;
    }

private:
    std::map<std::string, std::size_t> index_;
    const std::pair<const std::string, std::size_t>* last_ = nullptr;
};

std::string sql_codes(pqxx::transaction_base& w, const std::vector<const WardMeta*>& wards) {
    std::string out;
    for (const auto* ward : wards) out += (out.empty() ? "" : ",") + w.quote(ward->code);
    return out;
}

/// Reads `columns` of `table` for the month starting at `first` and the wards, in one query, and
/// calls add(block, k, row) with the block of the row's ward (k its index, made at its first
/// row); column 0 of the row is the ward.
template <class Block, class Add>
void read_month(pqxx::transaction_base& w, std::string_view table, std::string_view columns,
                Day first, const std::vector<const WardMeta*>& wards,
                std::vector<std::shared_ptr<CachedMonth>>& out, Add&& add) {
    WardLookup ward_of(wards);
    const std::string query = fmt::format(
        "SELECT ward, {} FROM {} WHERE day >= {} AND day < {} AND ward IN ({})", columns, table,
        w.quote(format_day(first)), w.quote(format_day(next_month(first))), sql_codes(w, wards));
    for_each_row(w, query, 100'000, [&](const pqxx::row& row) {
        const auto k = ward_of(row[0]);
        if (!k) return;
        auto& b = out[*k];
        if (!b) b = std::make_shared<Block>();
        add(static_cast<Block&>(*b), *k, row);
    });
}

}  // namespace

void append_ticket(MonthBlock& b, Day day, std::string_view category, TicketState state, int rating,
                   std::int64_t issued_ms, std::int64_t called_ms, std::int64_t started_ms,
                   std::int64_t finished_ms, std::int64_t day_start_ms) {
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

std::vector<std::vector<std::shared_ptr<const CachedMonth>>> MonthCache::load(
    pqxx::connection& c, const std::vector<WardMeta>& wards, Day first_month, Day last_month,
    const OfficeZone& hub_zone, const Read& read) {
    std::vector<std::vector<std::shared_ptr<const CachedMonth>>> out(wards.size());
    if (wards.empty() || last_month < first_month) return out;
    Snapshot w(c);
    // Which months of which ward hold rows, and as of which batch.
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < wards.size(); ++i) index[wards[i].code] = i;
    std::vector<std::map<std::int64_t, std::int64_t>> versions(wards.size());  // month -> version
    for (const auto& row :
         w.exec(fmt::format("SELECT ward, month, version FROM {} WHERE ward IN ({}) AND "
                            "month BETWEEN {} AND {}",
                            stamps_, sql_ward_list(w, wards), w.quote(format_day(first_month)),
                            w.quote(format_day(last_month))))) {
        auto it = index.find(row[0].c_str());
        if (it == index.end()) continue;
        if (auto d = parse_day(row[1].c_str()))
            versions[it->second][day_number(*d)] = row[2].as<std::int64_t>();
    }

    std::vector<OfficeZone> zones;
    zones.reserve(wards.size());
    for (const auto& ward : wards) {
        auto z = ward.config.time_zone.empty() ? Result<OfficeZone>(hub_zone)
                                               : OfficeZone::load(ward.config.time_zone);
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

    // The stale months, each read for all its wards in one query (a scan of the month's partition
    // beats a ward's index scan once a few wards are missing).
    std::map<std::int64_t, std::vector<std::size_t>> by_month;
    for (std::size_t i = 0; i < wards.size(); ++i)
        for (const auto& [month, version] : stale[i]) by_month[month].push_back(i);
    std::vector<std::pair<std::pair<std::string, std::int64_t>, std::shared_ptr<const CachedMonth>>>
        fresh;
    for (const auto& [month, indexes] : by_month) {
        std::vector<const WardMeta*> month_wards;
        std::vector<const OfficeZone*> month_zones;
        for (auto i : indexes) {
            month_wards.push_back(&wards[i]);
            month_zones.push_back(&zones[i]);
        }
        const Day first{date::sys_days{date::days{month}}};
        std::vector<std::shared_ptr<CachedMonth>> blocks(indexes.size());
        read(w, first, month_wards, month_zones, blocks);
        for (std::size_t k = 0; k < indexes.size(); ++k) {
            auto& b = blocks[k];
            if (!b)
                continue;  // a stamped month may have lost its last row (a ward's store restored)
            const auto i = indexes[k];
            b->version = stale[i][month];
            b->zone = zones[i].name();
            b->first = first;
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
            if (it->second.used < now &&
                (oldest == blocks_.end() || it->second.used < oldest->second.used))
                oldest = it;
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

/// The loaded months as each ward's list of its own block type.
template <class Result>
std::vector<Result> by_ward(const std::vector<WardMeta>& wards,
                            std::vector<std::vector<std::shared_ptr<const CachedMonth>>> months) {
    using Block = typename decltype(Result::months)::value_type::element_type;
    std::vector<Result> out(wards.size());
    for (std::size_t i = 0; i < wards.size(); ++i) {
        out[i].ward = &wards[i];
        for (auto& m : months[i]) out[i].months.push_back(std::static_pointer_cast<Block>(m));
    }
    return out;
}

std::uint16_t intern(std::vector<std::string>& table, std::string_view text) {
    auto it = std::find(table.begin(), table.end(), text);
    if (it == table.end()) it = table.insert(table.end(), std::string(text));
    return static_cast<std::uint16_t>(it - table.begin());
}

}  // namespace

void append_dossier(DossierBlock& b, std::string_view category, std::string_view procedure,
                    DossierChannel channel, DossierState state, TimePoint received_at, Day due_date,
                    std::optional<TimePoint> returned_at, std::optional<TimePoint> closed_at,
                    TimePoint updated_at) {
    LeanDossier d;
    d.category = intern(b.categories, category);
    d.procedure = intern(b.procedures, procedure);
    d.channel = static_cast<std::uint8_t>(channel);
    d.state = static_cast<std::uint8_t>(state);
    d.received_ms = to_epoch_ms(received_at);
    d.due_day = static_cast<std::int32_t>(day_number(due_date));
    const auto closed =
        reports::dossier_closed_time(state, received_at, closed_at, returned_at, updated_at);
    d.closed_ms = closed ? to_epoch_ms(*closed) : -1;
    d.recorded_close_ms = closed_at ? to_epoch_ms(*closed_at) : -1;
    d.returned_ms = returned_at ? to_epoch_ms(*returned_at) : d.closed_ms;
    b.dossiers.push_back(d);
}

std::vector<WardTickets> TicketCache::load(pqxx::connection& c, const std::vector<WardMeta>& wards,
                                           Day from, Day to, const OfficeZone& hub_zone) {
    const auto read = [](pqxx::transaction_base& w, Day first,
                         const std::vector<const WardMeta*>& month_wards,
                         const std::vector<const OfficeZone*>& zones,
                         std::vector<std::shared_ptr<CachedMonth>>& out) {
        std::map<std::string, std::array<std::int64_t, 32>>
            starts;  // zone -> the month's day starts
        std::vector<const std::array<std::int64_t, 32>*> ward_starts;
        for (const auto* z : zones) {
            auto it = starts.find(z->name());
            if (it == starts.end()) it = starts.emplace(z->name(), day_starts(*z, first)).first;
            ward_starts.push_back(&it->second);
        }
        const auto ms = [](const pqxx::field& f) {
            return f.is_null() ? std::int64_t{-1} : number(f);
        };
        read_month<MonthBlock>(
            w, "tickets",
            // A ticket closed by the end-of-day rule has no known end of service.
            "day, category, state, rating, issued_ms, called_ms, started_ms, "
            "CASE WHEN outcome = 'closed_at_day_end' THEN NULL ELSE finished_ms END",
            first, month_wards, out, [&](MonthBlock& b, std::size_t k, const pqxx::row& row) {
                const char* day = row[1].c_str();
                const int mday = (day[8] - '0') * 10 + (day[9] - '0');
                append_ticket(
                    b, Day{date::sys_days{first} + date::days{mday - 1}},
                    std::string_view(row[2].c_str(), row[2].size()),
                    parse_enum<TicketState>(std::string_view(row[3].c_str(), row[3].size()))
                        .value_or(TicketState::waiting),
                    static_cast<int>(number(row[4])), number(row[5]), ms(row[6]), ms(row[7]),
                    ms(row[8]), (*ward_starts[k])[static_cast<std::size_t>(mday)]);
            });
        for (auto& b : out)
            if (b) finish_block(static_cast<MonthBlock&>(*b));
    };
    return by_ward<WardTickets>(
        wards, months_.load(c, wards, month_start(from), month_start(to), hub_zone, read));
}

std::vector<WardDossiers> DossierCache::load(pqxx::connection& c,
                                             const std::vector<WardMeta>& wards, Day to,
                                             const OfficeZone& hub_zone) {
    const auto read =
        [](pqxx::transaction_base& w, Day first, const std::vector<const WardMeta*>& month_wards,
           const std::vector<const OfficeZone*>&, std::vector<std::shared_ptr<CachedMonth>>& out) {
            const auto ms = [](const pqxx::field& f) {
                return f.is_null() ? std::int64_t{-1} : number(f);
            };
            const auto opt_time = [](const pqxx::field& f) {
                return f.is_null() ? std::optional<TimePoint>{}
                                   : std::optional<TimePoint>{from_epoch_ms(number(f))};
            };
            read_month<DossierBlock>(
                w, "dossiers",
                "category, procedure, channel, state, received_ms, due_date, returned_ms, "
                "closed_ms, updated_ms",
                first, month_wards, out, [&](DossierBlock& b, std::size_t, const pqxx::row& row) {
                    const auto due = parse_day(row[6].c_str());
                    append_dossier(
                        b, std::string_view(row[1].c_str(), row[1].size()),
                        std::string_view(row[2].c_str(), row[2].size()),
                        parse_enum<DossierChannel>(row[3].c_str()).value_or(DossierChannel::direct),
                        parse_enum<DossierState>(row[4].c_str()).value_or(DossierState::received),
                        from_epoch_ms(number(row[5])), due ? *due : Day{}, opt_time(row[7]),
                        opt_time(row[8]), from_epoch_ms(ms(row[9])));
                });
        };
    const Day since{date::year{2000}, date::January, date::day{1}};
    return by_ward<WardDossiers>(wards,
                                 months_.load(c, wards, since, month_start(to), hub_zone, read));
}

}  // namespace motcua::hub
