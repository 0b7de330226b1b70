#pragma once
/// The backtest (DESIGN.md §9): replays a stored history through the queue engine, command by
/// command from the event log, and measures on the tickets it called what the estimator would
/// have told each one at issue, and what three baselines would have:
///   - simple_rule: people ahead × the mean of the category's last 20 desk times ÷ open counters;
///   - last_called: the wait of the category's last ticket called that day;
///   - recent_rate: people ahead ÷ the category's tickets finished over the last hour (the
///     simple rule when none finished).
#include <boost/json/value.hpp>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "motcua/config.hpp"
#include "motcua/office_time.hpp"
#include "motcua/reports.hpp"
#include "store/store.hpp"

namespace motcua::reports {

/// The two baselines that need the day's history, followed as calls and finishes happen (the
/// simple rule is the engine's own `baseline_wait_s`).
class EstimateBaselines {
public:
    /// A new office day: the last called wait is forgotten.
    void new_day();
    /// A ticket of `category` called for the first time after waiting `wait_s`.
    void called(const std::string& category, int wait_s);
    void finished(const std::string& category, TimePoint at);
    /// The wait of the category's last ticket called today (0 when none).
    [[nodiscard]] int last_called(const std::string& category) const;
    /// People ahead ÷ the category's finishes over the last hour; `fallback` when none.
    int recent_rate(const std::string& category, int ahead, TimePoint now, int fallback);

private:
    std::map<std::string, int> last_wait_;
    std::map<std::string, std::deque<TimePoint>> finished_;
};

struct BacktestMethod {
    std::string name;   // estimator, simple_rule, last_called, recent_rate
    std::string label;  // in Vietnamese
    /// within_range_pct: inside the 80% range for the estimator; in the same whole minute for a
    /// baseline, which gives one figure. The baseline_* fields are unused (zero).
    EstimateFigures figures;
};

struct Backtest {
    Day from;
    Day to;
    std::int64_t events = 0;    // replayed
    std::int64_t diverged = 0;  // commands the replay could not repeat as logged
    std::vector<BacktestMethod> methods;
};

/// Replays office days [from, to]. The desk times learned before `from` come from the store as
/// the service would have held them; the replay learns the rest as it goes.
Backtest run_backtest(store::Store& store, const WardConfig& config, const OfficeZone& zone,
                      Day from, Day to);

boost::json::value to_json(const Backtest& backtest);
/// A table for a terminal.
std::string backtest_text(const Backtest& backtest);

}  // namespace motcua::reports
