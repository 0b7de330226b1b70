#include "reports/province_figures.hpp"

#include <algorithm>
#include <bit>
#include <exception>
#include <future>
#include <map>

#include "reports/hub_reports.hpp"
#include "reports/turnaround.hpp"
#include "reports/wait_histogram.hpp"

namespace motcua::hub {
namespace {

/// Whole seconds counted per value: exact percentiles without sorting. Values from 0 to
/// kDense - 1 (four and a half hours) are counted in place; any other is kept as it is.
class Dist {
public:
    static constexpr std::int32_t kDense = 1 << 14;

    void add(std::int32_t v) {
        ++n_;
        sum_ += v;
        max_ = std::max<std::int64_t>(max_, v);
        if (v >= 0 && v < kDense) {
            const auto i = static_cast<std::size_t>(v);
            if (i >= dense_.size())
                dense_.resize(std::min<std::size_t>(kDense, std::max(i + 1, dense_.size() * 2)));
            ++dense_[i];
        } else {
            extra_.push_back(v);
        }
    }

    void merge(const Dist& o) {
        n_ += o.n_;
        sum_ += o.sum_;
        max_ = std::max(max_, o.max_);
        if (o.dense_.size() > dense_.size()) dense_.resize(o.dense_.size());
        for (std::size_t i = 0; i < o.dense_.size(); ++i) dense_[i] += o.dense_[i];
        extra_.insert(extra_.end(), o.extra_.begin(), o.extra_.end());
    }

    [[nodiscard]] TimeStats stats() {
        TimeStats s;
        if (n_ == 0) return s;
        std::sort(extra_.begin(), extra_.end());
        s.mean = reports::mean_of(sum_, n_);
        s.max = max_;
        s.p50 = nth(reports::nearest_rank(50, n_));
        s.p90 = nth(reports::nearest_rank(90, n_));
        return s;
    }

    /// Calls f(value, count) in ascending order of value.
    template <typename F>
    void each(F&& f) const {
        std::map<std::int64_t, int> others;
        for (auto v : extra_) ++others[v];
        auto it = others.begin();
        for (; it != others.end() && it->first < 0; ++it) f(it->first, it->second);
        for (std::size_t i = 0; i < dense_.size(); ++i)
            if (dense_[i] != 0) f(static_cast<std::int64_t>(i), static_cast<int>(dense_[i]));
        for (; it != others.end(); ++it) f(it->first, it->second);
    }

private:
    // The rank-th smallest (1-based); extra_ is sorted.
    [[nodiscard]] std::int64_t nth(std::size_t rank) const {
        const auto below = static_cast<std::size_t>(
            std::lower_bound(extra_.begin(), extra_.end(), 0) - extra_.begin());
        if (rank <= below) return extra_[rank - 1];
        rank -= below;
        for (std::size_t v = 0; v < dense_.size(); ++v) {
            if (rank <= dense_[v]) return static_cast<std::int64_t>(v);
            rank -= dense_[v];
        }
        return extra_[below + rank - 1];
    }

    std::size_t n_ = 0;
    std::int64_t sum_ = 0;
    std::int64_t max_ = std::numeric_limits<std::int64_t>::min();
    std::vector<std::uint32_t> dense_;
    std::vector<std::int32_t> extra_;
};

/// A row's figures while they are counted.
struct Figures {
    reports::RowCounts counts;
    Dist wait, service, visit;

    void add(const LeanTicket& t, int target_s) {
        counts.add(static_cast<TicketState>(t.state),
                   (t.flags & LeanTicket::kCalled) != 0 ? std::optional<bool>(t.wait_s <= target_s)
                                                        : std::nullopt,
                   t.rating);
        if ((t.flags & LeanTicket::kTimed) != 0) {
            wait.add(t.wait_s);
            service.add(t.service_s);
            visit.add(t.visit_s);
        }
    }

    void merge(const Figures& o) {
        counts += o.counts;
        wait.merge(o.wait);
        service.merge(o.service);
        visit.merge(o.visit);
    }

    TurnaroundRow row(std::string key, std::string label, SatisfactionScale scale) {
        return reports::make_row(std::move(key), std::move(label), counts, wait.stats(),
                                 service.stats(), visit.stats(), scale);
    }
};

std::int64_t day_number(Day d) {
    return date::sys_days{d}.time_since_epoch().count();
}

/// The days of a month within [from, to], as a mask of bits 1..31.
std::uint32_t days_within(const MonthBlock& b, Day from, Day to) {
    const auto first = day_number(b.first);
    std::uint32_t mask = 0;
    for (std::int64_t d = 1; d <= 31; ++d)
        if (first + d - 1 >= day_number(from) && first + d - 1 <= day_number(to)) mask |= 1U << d;
    return mask;
}

/// The category rows: the province's categories in order, then codes no config names, ward by
/// ward in the order the period's tickets met them (by day). Made before the scan, so that the
/// scan's threads only read it.
class CategoryOrder {
public:
    CategoryOrder(const std::vector<WardTickets>& wards, const WardConfig& province, Day from,
                  Day to) {
        for (const auto& c : province.categories) codes_.push_back(c.code);
        configured_ = codes_.size();
        for (const auto& w : wards)
            for (const auto& block : w.months) {
                const auto within = days_within(*block, from, to);
                std::vector<std::pair<int, std::size_t>> met;  // (first day within, index as met)
                for (std::size_t i = 0; i < block->categories.size(); ++i)
                    if (const auto days = block->category_days[i] & within; days != 0)
                        met.emplace_back(std::countr_zero(days), i);
                std::sort(met.begin(), met.end());
                for (const auto& [day, i] : met) add(block->categories[i]);
            }
    }
    [[nodiscard]] std::int64_t index(const std::string& code) const {
        return std::find(codes_.begin(), codes_.end(), code) - codes_.begin();
    }
    [[nodiscard]] const std::string& code(std::int64_t i) const {
        return codes_[static_cast<std::size_t>(i)];
    }
    [[nodiscard]] std::size_t configured() const { return configured_; }

private:
    void add(const std::string& code) {
        if (std::find(codes_.begin(), codes_.end(), code) == codes_.end()) codes_.push_back(code);
    }
    std::vector<std::string> codes_;
    std::size_t configured_ = 0;
};

/// Counts the tickets of some wards into groups keyed by ward index, category order, day
/// number or hour.
class Scan {
public:
    Scan(Day from, Day to, ReportGrouping group_by, const CategoryOrder& categories)
        : from_(from), to_(to), group_(group_by), categories_(categories) {}

    void ward(std::size_t index, const WardTickets& w) {
        const auto from = day_number(from_), to = day_number(to_);
        Figures* ward_row =
            group_ == ReportGrouping::ward ? &groups_[static_cast<std::int64_t>(index)] : nullptr;
        for (const auto& block : w.months) {
            // Targets and rows of the month's categories, looked up once per month.
            std::vector<int> targets;
            std::vector<Figures*> category_rows;
            for (const auto& code : block->categories) {
                const Category* c = w.ward->config.find_category(code);
                targets.push_back(c != nullptr ? c->target_wait_s : 0);
                category_rows.push_back(nullptr);  // made when a ticket of the period needs it
            }
            const auto first = day_number(block->first);
            for (std::int64_t mday = 1; mday <= 31; ++mday) {
                const auto day = first + mday - 1;
                if (day < from || day > to) continue;
                const auto begin = block->by_day[static_cast<std::size_t>(mday)];
                const auto end = block->by_day[static_cast<std::size_t>(mday) + 1];
                if (begin == end) continue;
                Figures* day_row = group_ == ReportGrouping::day ? &groups_[day] : nullptr;
                for (auto i = begin; i < end; ++i) {
                    const auto& t = block->tickets[i];
                    Figures* row = ward_row != nullptr  ? ward_row
                                   : day_row != nullptr ? day_row
                                   : group_ == ReportGrouping::category
                                       ? category_row(category_rows, block->categories, t.category)
                                       : hour_row(t.hour);
                    row->add(t, targets[t.category]);
                }
            }
        }
    }

    void merge(Scan& other) {
        for (auto& [key, f] : other.groups_) groups_[key].merge(f);
    }

    std::map<std::int64_t, Figures>& groups() { return groups_; }

private:
    Figures* category_row(std::vector<Figures*>& rows, const std::vector<std::string>& codes,
                          std::uint16_t category) {
        auto& slot = rows[category];
        if (slot == nullptr) slot = &groups_[categories_.index(codes[category])];
        return slot;
    }

    Figures* hour_row(std::int16_t hour) {
        if (hours_.empty()) hours_.assign(1 << 16, nullptr);
        auto& slot = hours_[static_cast<std::size_t>(hour + 32768)];
        if (slot == nullptr) slot = &groups_[hour];
        return slot;
    }

    Day from_, to_;
    ReportGrouping group_;
    const CategoryOrder& categories_;
    std::map<std::int64_t, Figures> groups_;  // node-based: the pointers above stay valid
    std::vector<Figures*> hours_;
};

/// Scans the wards on two threads when there is enough to share, into one set of groups.
Scan scan_all(const std::vector<WardTickets>& wards, Day from, Day to, ReportGrouping group_by,
              const CategoryOrder& categories) {
    std::size_t tickets = 0;
    for (const auto& w : wards)
        for (const auto& b : w.months) tickets += b->tickets.size();
    Scan first(from, to, group_by, categories);
    if (tickets < 500'000 || wards.size() < 2) {
        for (std::size_t i = 0; i < wards.size(); ++i) first.ward(i, wards[i]);
        return first;
    }
    // Halves of roughly equal tickets; category indexes are all known already (CategoryOrder).
    std::size_t half = 0, counted = 0;
    while (half < wards.size() && counted * 2 < tickets) {
        for (const auto& b : wards[half].months) counted += b->tickets.size();
        ++half;
    }
    Scan second(from, to, group_by, categories);
    // A failure on either half (memory) reaches the caller once both halves have stopped.
    auto helper = std::async(std::launch::async, [&] {
        for (std::size_t i = half; i < wards.size(); ++i) second.ward(i, wards[i]);
    });
    std::exception_ptr failed;
    try {
        for (std::size_t i = 0; i < half; ++i) first.ward(i, wards[i]);
    } catch (...) {
        failed = std::current_exception();
    }
    helper.get();  // waits, and rethrows the helper's failure
    if (failed) std::rethrow_exception(failed);
    first.merge(second);
    return first;
}

}  // namespace

TurnaroundReport province_figures(const std::vector<WardTickets>& wards, Day from, Day to,
                                  ReportGrouping group_by, const WardConfig& province) {
    CategoryOrder categories(wards, province, from, to);
    Scan scan = scan_all(wards, from, to, group_by, categories);
    auto& groups = scan.groups();
    if (group_by == ReportGrouping::ward)  // every ward, even a quiet one
        for (std::size_t i = 0; i < wards.size(); ++i) groups[static_cast<std::int64_t>(i)];
    if (group_by == ReportGrouping::category)  // every category of the province, even a quiet one
        for (std::size_t i = 0; i < categories.configured(); ++i)
            groups[static_cast<std::int64_t>(i)];

    TurnaroundReport report;
    report.from = from;
    report.to = to;
    report.group_by = group_by;
    Figures total;
    for (auto& [key, f] : groups) {
        total.merge(f);
        switch (group_by) {
            case ReportGrouping::ward: {
                const auto& ward = *wards[static_cast<std::size_t>(key)].ward;
                report.rows.push_back(f.row(ward.code, ward.name, ward.config.scale));
                break;
            }
            case ReportGrouping::category: {
                const auto& code = categories.code(key);
                const Category* c = province.find_category(code);
                report.rows.push_back(
                    f.row(code, c != nullptr ? c->name_vi : code, province.scale));
                break;
            }
            case ReportGrouping::day: {
                const auto text = format_day(Day{date::sys_days{date::days{key}}});
                report.rows.push_back(f.row(text, text, province.scale));
                break;
            }
            case ReportGrouping::hour:
                report.rows.push_back(
                    f.row(reports::hour_key(key), reports::hour_label(key), province.scale));
                break;
            default:
                break;  // the hub's groupings are the four above
        }
    }
    report.total = total.row(std::string(reports::kTotalKey), std::string(reports::kTotalLabel),
                             province.scale);
    return report;
}

WaitHistogram province_wait_figures(const std::vector<WardTickets>& wards, Day from, Day to,
                                    const WardConfig& province) {
    CategoryOrder categories(wards, province, from, to);
    Scan scan = scan_all(wards, from, to, ReportGrouping::category, categories);
    WaitHistogram h;
    h.from = from;
    h.to = to;
    // The province's categories, then codes no config names that the period's tickets carry.
    auto& groups = scan.groups();
    for (std::size_t i = 0; i < categories.configured(); ++i) groups[static_cast<std::int64_t>(i)];
    std::vector<WaitBuckets> slots;
    std::vector<reports::WaitCount> waits;
    for (auto& [key, f] : groups) {
        const auto& code = categories.code(key);
        const Category* c = province.find_category(code);
        slots.push_back(c != nullptr ? WaitBuckets{code, c->name_vi, c->target_wait_s, 0, {}}
                                     : WaitBuckets{code, code, 0, 0, {}});
        f.wait.each([&, slot = slots.size() - 1](std::int64_t seconds, int count) {
            waits.push_back({slot, seconds, count});
        });
    }
    return reports::wait_histogram_of(from, to, std::move(slots), waits);
}

reports::DossierReport province_dossier_figures(const std::vector<WardDossiers>& wards, Day from,
                                                Day to, bool by_ward,
                                                reports::DossierGrouping grouping,
                                                const WardConfig& province, const OfficeZone& zone,
                                                TimePoint now) {
    reports::DossierReport report;
    report.from = from;
    report.to = to;
    report.group_by = grouping;
    report.as_of = reports::DossierTally(zone, from, to, now).as_of();
    report.office_name = province.office_name;
    std::map<std::string, std::size_t> configured;
    if (!by_ward) {
        if (grouping == reports::DossierGrouping::category) {
            for (const auto& c : province.categories)
                if (configured.emplace(c.code, report.rows.size()).second)
                    report.rows.push_back({c.code, c.name_vi, {}});
        } else {
            for (const auto& p : province.procedures)
                if (configured.emplace(p.code, report.rows.size()).second)
                    report.rows.push_back({p.code, p.name_vi, {}});
        }
    }
    std::map<std::string, DossierCounts>
        unconfigured;  // rows after the configured ones, in key order
    for (const auto& w : wards) {
        auto own_zone = w.ward->config.time_zone.empty()
                            ? Result<OfficeZone>(zone)
                            : OfficeZone::load(w.ward->config.time_zone);
        const OfficeZone ward_zone = own_zone ? *own_zone : zone;
        const reports::DossierTally tally(ward_zone, from, to, now);
        if (by_ward) report.rows.push_back({w.ward->code, w.ward->name, {}});
        const std::size_t ward_row = report.rows.size() - 1;
        for (const auto& block : w.months) {
            const auto& keys = grouping == reports::DossierGrouping::category ? block->categories
                                                                              : block->procedures;
            std::vector<DossierCounts*> rows(
                keys.size(), nullptr);  // found when a dossier of the period needs it
            for (const auto& d : block->dossiers) {
                const TimePoint received = from_epoch_ms(d.received_ms);
                const auto closed =
                    d.closed_ms < 0 ? std::optional<TimePoint>{} : from_epoch_ms(d.closed_ms);
                const auto recorded = d.recorded_close_ms < 0 ? std::optional<TimePoint>{}
                                                              : from_epoch_ms(d.recorded_close_ms);
                if (!tally.read(received, recorded) || !tally.counts(received, closed)) continue;
                const auto key =
                    grouping == reports::DossierGrouping::category ? d.category : d.procedure;
                DossierCounts* row = nullptr;
                if (by_ward) {
                    row = &report.rows[ward_row].counts;
                } else {
                    row = rows[key];
                    if (row == nullptr) {
                        const auto it = configured.find(keys[key]);
                        row = rows[key] = it != configured.end() ? &report.rows[it->second].counts
                                                                 : &unconfigured[keys[key]];
                    }
                }
                tally.add(
                    *row, static_cast<DossierChannel>(d.channel),
                    static_cast<DossierState>(d.state), received, closed,
                    d.returned_ms < 0 ? std::optional<TimePoint>{} : from_epoch_ms(d.returned_ms),
                    Day{date::sys_days{date::days{d.due_day}}});
            }
        }
    }
    for (auto& [key, counts] : unconfigured) report.rows.push_back({key, key, counts});
    reports::finish_dossier_report(report);
    return report;
}

}  // namespace motcua::hub
