#pragma once
/// Desk times learned from history (DESIGN.md §9): how long a ticket holds a counter, from its
/// call to its finish or its absence, by category, counter and time of day.
///
/// It is a function of the finished tickets it is given, in the order they finished: the
/// service feeds it from the store at start (Store::desk_history) and the engine feeds it as
/// tickets finish, so a restart changes no estimate.
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "motcua/model.hpp"
#include "motcua/office_time.hpp"

namespace motcua::queue {

class ServiceTimes {
public:
    /// Samples kept per category, the newest.
    static constexpr std::size_t kSamplesPerCategory = 200;
    /// Samples older than this many days are forgotten.
    static constexpr int kHistoryDays = 28;
    /// A desk held longer than this measured something else (a forgotten ticket).
    static constexpr int kMaxDeskSeconds = 3 * 60 * 60;
    /// The simple rule's mean is over this many of a category's newest samples.
    static constexpr std::size_t kRecentSamples = 20;
    /// A pool is drawn from as it is with this many samples; with fewer, only their mean is
    /// used, shrunk towards the first day's median, with the first day's spread.
    static constexpr std::size_t kPoolMin = 20;
    /// An hour of the day gets its own factor from this many samples.
    static constexpr std::size_t kHourMin = 20;
    /// An hour's factor moves halfway from 1 towards its samples' median with this many.
    static constexpr double kHourShrink = 100;

    explicit ServiceTimes(const OfficeZone& zone) : zone_(zone) {}

    /// When `t` came to the desk that holds (or held) it: its first call, or the call after it
    /// last re-entered a queue (a transfer, a citizen who came back). `t` has been called.
    [[nodiscard]] static TimePoint desk_since(const Ticket& t);
    /// How long `t` held its counter, when that measures a service: a ticket finished or marked
    /// absent on its own office day, not closed by the end-of-day rule, at most three hours.
    [[nodiscard]] std::optional<int> desk_seconds(const Ticket& t) const;
    /// Learns from a ticket that has just finished or been marked absent (others are ignored).
    void add(const Ticket& t);
    /// The first office day whose samples are kept on `today`.
    [[nodiscard]] static Day history_start(Day today) {
        return Day{date::sys_days{today} - date::days{kHistoryDays}};
    }
    /// Forgets samples of office days before `day`.
    void forget_before(Day day);
    void clear();
    /// Changes whenever the samples change.
    [[nodiscard]] std::uint64_t version() const { return version_; }

    /// Desk times, in seconds and ascending, for a ticket of `category` at `counter`: that
    /// pair's samples, else the category's, else the ward's, else a first-day default (a
    /// lognormal spread with a median of four minutes). Never empty.
    [[nodiscard]] const std::vector<int>& pool(const std::string& category, int counter) const;
    /// How much longer than usual service runs at this time of day (1 without enough samples).
    [[nodiscard]] double hour_factor(int minute_of_day) const;
    /// Mean of a category's newest samples (five minutes without any): the simple rule's input.
    [[nodiscard]] int recent_mean_s(const std::string& category) const;
    /// Samples held for a category.
    [[nodiscard]] std::size_t size(const std::string& category) const;

private:
    struct Sample {
        int counter = 0;
        int minute = 0;  // of the day, at the call
        int seconds = 0;
        Day day;
    };
    void rebuild() const;
    /// The first-day pool moved to the shrunk mean of a few samples.
    const std::vector<int>& scaled(const std::vector<int>& few) const;

    const OfficeZone& zone_;
    std::map<std::string, std::deque<Sample>> samples_;
    std::uint64_t version_ = 0;

    // Derived from samples_, rebuilt when version_ moves on.
    mutable std::uint64_t built_ = ~std::uint64_t{0};
    mutable std::map<std::pair<std::string, int>, std::vector<int>> pair_pools_;
    mutable std::map<std::string, std::vector<int>> category_pools_;
    mutable std::vector<int> ward_pool_;
    mutable std::map<int, std::vector<int>> scaled_pools_;  // by centre
    mutable std::vector<double> hour_factors_;
};

}  // namespace motcua::queue
