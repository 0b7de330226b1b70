#include "reports/backtest.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <deque>
#include <map>
#include <unordered_map>

#include "motcua/api.hpp"
#include "motcua/hub.hpp"
#include "queue/engine.hpp"
#include "reports/estimate_report.hpp"

namespace motcua::reports {
namespace {

namespace json = boost::json;

constexpr auto kRecentWindow = std::chrono::hours(1);

// What one ticket was told at issue, by each method.
struct Told {
    EstimateAtIssue estimator;  // baseline_s: the simple rule
    int last_called = 0;
    int recent_rate = 0;
};

// Moves the figures a baseline got (the tally's baseline_* fields) to the main ones.
EstimateFigures as_method(const EstimateFigures& f) {
    EstimateFigures out;
    out.tickets = f.tickets;
    out.mae_s = f.baseline_mae_s;
    out.bias_s = f.baseline_bias_s;
    out.within_range_pct = f.baseline_within_range_pct;
    out.late_over_5min_pct = f.baseline_late_over_5min_pct;
    return out;
}

class Replay {
public:
    Replay(store::Store& store, const WardConfig& config, const OfficeZone& zone, Day from)
        : store_(store), zone_(zone), engine_(config, zone, zone.start_of_day(from)), day_(from) {
        // The desk times the service held when `from` began.
        for (const auto& t : store.desk_history(queue::ServiceTimes::history_start(from)))
            if (t.day < from) engine_.history().add(t);
    }

    void apply(const store::ShippableEvent& logged, Backtest& out) {
        if (!logged.detail) return;  // an event older than the shipped details: not replayable
        auto parsed = api::parse_json(*logged.detail);
        if (!parsed) return;
        auto shipped = hub::decode_shipped_event(*parsed);
        if (!shipped) return;
        const hub::ShippedEvent& e = *shipped;
        const bool ticket_event = logged.type == EventType::ticket_issued ||
                                  logged.type == EventType::ticket_called ||
                                  logged.type == EventType::ticket_finished ||
                                  logged.type == EventType::ticket_reinstated ||
                                  logged.type == EventType::ticket_transferred;
        const bool counter_event = logged.type == EventType::counter_opened;
        if ((ticket_event && !e.ticket) || (counter_event && !e.counter)) {
            ++out.diverged;  // a detail that lacks what its type carries: not replayable
            return;
        }
        const TimePoint at = logged.at;
        // As the service does before every command: a new office day expires what waits.
        (void)engine_.advance(at);
        if (const Day d = zone_.office_day(at); day_ < d) {
            day_ = d;
            baselines_.new_day();
        }
        ++out.events;
        const int counter = e.counter                       ? e.counter->number
                            : e.ticket && e.ticket->counter ? *e.ticket->counter
                                                            : 0;
        const std::string& officer = officers_[counter];
        const auto check = [&](const Result<queue::Change>& r) {
            if (!r) ++out.diverged;
            return r.ok();
        };
        switch (logged.type) {
            case EventType::ticket_issued:
                issue(e, at, out);
                break;
            case EventType::ticket_called: {
                auto r = engine_.call_next(at, counter, officer);
                if (!check(r)) break;
                if (!r->ticket || r->ticket->id != e.ticket->id) {
                    ++out.diverged;
                    break;
                }
                const Ticket& t = *r->ticket;
                if (t.called_at == at) {  // its first call: the wait it had
                    const auto wait = static_cast<int>(
                        std::chrono::duration_cast<std::chrono::seconds>(at - t.issued_at).count());
                    real_[t.id] = wait;
                    baselines_.called(t.category, wait);
                }
                break;
            }
            case EventType::ticket_recalled:
                check(engine_.recall(at, counter, officer));
                break;
            case EventType::ticket_started:
                check(engine_.start(at, counter, officer));
                break;
            case EventType::ticket_finished:
                // Closed by the end-of-day rule: the replay's own day change closes it.
                if (!e.ticket || !e.ticket->outcome ||
                    *e.ticket->outcome == FinishOutcome::closed_at_day_end)
                    break;
                if (check(engine_.finish(at, counter, officer, *e.ticket->outcome)))
                    baselines_.finished(e.ticket->category, at);
                break;
            case EventType::ticket_no_show:
                check(engine_.no_show(at, counter, officer));
                break;
            case EventType::ticket_reinstated:
                check(engine_.reinstate(at, counter, officer, e.ticket->id));
                break;
            case EventType::ticket_transferred:
                check(engine_.transfer(at, counter, officer, e.ticket->category));
                break;
            case EventType::counter_opened:
                if (e.counter->officer) {
                    officers_[counter] = *e.counter->officer;
                    check(engine_.open_counter(at, counter, *e.counter->officer));
                }
                break;
            // Closing and pausing may already be done by the replay's day change.
            case EventType::counter_closed:
                (void)engine_.close_counter(at, counter, officer);
                break;
            case EventType::counter_paused:
                (void)engine_.pause_counter(at, counter, officer);
                break;
            default:  // ratings, dossiers, bookings: nothing the queue replays
                --out.events;
                break;
        }
    }

    void finish(Backtest& out) const {
        EstimateTally estimator, last_called, recent_rate;
        for (const auto& [id, told] : told_) {
            const auto real = real_.find(id);
            if (real == real_.end()) continue;
            estimator.add(told.estimator, real->second);
            EstimateAtIssue other = told.estimator;
            other.baseline_s = told.last_called;
            last_called.add(other, real->second);
            other.baseline_s = told.recent_rate;
            recent_rate.add(other, real->second);
        }
        const auto f = estimator.figures();
        EstimateFigures own = f;
        own.baseline_mae_s = own.baseline_bias_s = own.baseline_within_range_pct =
            own.baseline_late_over_5min_pct = 0;
        out.methods = {
            {"estimator", "Ước tính của motcua (trung vị, khoảng 80%)", own},
            {"simple_rule", "Số người trước × thời gian phục vụ trung bình ÷ số quầy mở",
             as_method(f)},
            {"last_called", "Thời gian chờ của số vừa được gọi", as_method(last_called.figures())},
            {"recent_rate", "Số người trước ÷ số lượt phục vụ xong trong giờ qua",
             as_method(recent_rate.figures())}};
    }

private:
    void issue(const hub::ShippedEvent& e, TimePoint at, Backtest& out) {
        const hub::ShippedTicket& t = *e.ticket;
        // The booking and the priority reason are on the ticket's row, not in the event.
        const auto row = store_.find_ticket(t.id);
        auto r = engine_.issue(at, t.id, t.category, t.priority,
                               row ? row->priority_reason : std::nullopt,
                               row ? row->appointment : std::nullopt);
        if (!r || !r->ticket->estimate) {
            ++out.diverged;
            return;
        }
        const Ticket& issued = *r->ticket;
        Told told;
        told.estimator = *issued.estimate;
        told.last_called = baselines_.last_called(t.category);
        told.recent_rate = baselines_.recent_rate(t.category, engine_.waiting_ahead(issued), at,
                                                  told.estimator.baseline_s);
        told_[t.id] = told;
    }

    store::Store& store_;
    const OfficeZone& zone_;
    queue::Engine engine_;
    Day day_;
    std::map<int, std::string> officers_;  // who opened each counter
    EstimateBaselines baselines_;
    std::unordered_map<std::string, Told> told_;
    std::unordered_map<std::string, int> real_;
};

json::object figures_json(const EstimateFigures& f) {
    const auto num = [](double v) {
        const auto whole = static_cast<std::int64_t>(v);
        return static_cast<double>(whole) == v ? json::value(whole) : json::value(v);
    };
    return {{"tickets", f.tickets},
            {"mae_s", num(f.mae_s)},
            {"bias_s", num(f.bias_s)},
            {"within_range_pct", num(f.within_range_pct)},
            {"late_over_5min_pct", num(f.late_over_5min_pct)}};
}

}  // namespace

void EstimateBaselines::new_day() {
    last_wait_.clear();
}

void EstimateBaselines::called(const std::string& category, int wait_s) {
    last_wait_[category] = wait_s;
}

void EstimateBaselines::finished(const std::string& category, TimePoint at) {
    finished_[category].push_back(at);
}

int EstimateBaselines::last_called(const std::string& category) const {
    const auto it = last_wait_.find(category);
    return it == last_wait_.end() ? 0 : it->second;
}

int EstimateBaselines::recent_rate(const std::string& category, int ahead, TimePoint now,
                                   int fallback) {
    auto& done = finished_[category];
    while (!done.empty() && now - done.front() >= kRecentWindow) done.pop_front();
    if (done.empty()) return fallback;
    return static_cast<int>(std::int64_t{ahead} * 3600 / static_cast<std::int64_t>(done.size()));
}

Backtest run_backtest(store::Store& store, const WardConfig& config, const OfficeZone& zone,
                      Day from, Day to) {
    Backtest out;
    out.from = from;
    out.to = to;
    Replay replay(store, config, zone, from);
    for (const auto& e : store.events_of_days(from, to)) replay.apply(e, out);
    replay.finish(out);
    return out;
}

json::value to_json(const Backtest& b) {
    json::array methods;
    for (const auto& m : b.methods) {
        auto o = figures_json(m.figures);
        o["name"] = m.name;
        o["label"] = m.label;
        methods.push_back(std::move(o));
    }
    return json::object{{"from", format_day(b.from)},
                        {"to", format_day(b.to)},
                        {"events", b.events},
                        {"diverged", b.diverged},
                        {"methods", std::move(methods)}};
}

std::string backtest_text(const Backtest& b) {
    std::string out = fmt::format(
        "backtest {} – {}: {} events replayed, {} could not be repeated\n"
        "{:<12} {:>8} {:>9} {:>9} {:>14} {:>16}\n",
        format_day(b.from), format_day(b.to), b.events, b.diverged, "method", "tickets", "mae_s",
        "bias_s", "within_range_%", "late_over_5min_%");
    for (const auto& m : b.methods)
        out += fmt::format("{:<12} {:>8} {:>9.1f} {:>9.1f} {:>14.1f} {:>16.1f}\n", m.name,
                           m.figures.tickets, m.figures.mae_s, m.figures.bias_s,
                           m.figures.within_range_pct, m.figures.late_over_5min_pct);
    out +=
        "within_range_%: inside the 80% range for the estimator; the same whole minute for the "
        "baselines\n";
    return out;
}

}  // namespace motcua::reports
