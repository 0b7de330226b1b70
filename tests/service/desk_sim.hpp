#pragma once
// Officers at their desks, played against the real engine: each open counter calls the next
// ticket the moment it is free and finishes it after a desk time the caller chooses. A desk
// with nobody to call waits until it is woken (a ticket issued, a booked slot starting). The
// estimator's tests and the simulation study (tests/bench/estimate_study.cpp) drive the engine
// with it.
#include <fmt/format.h>

#include <functional>
#include <limits>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "queue/engine.hpp"

namespace desk_sim {

using motcua::TimePoint;

inline constexpr TimePoint kIdle = TimePoint::max();

struct Desk {
    int counter = 0;
    std::string officer;
    TimePoint free_at;                  // when it calls next; kIdle: until woken
    std::optional<std::string> ticket;  // at the desk until free_at
    bool absent = false;                // the ticket at the desk is a citizen who did not come
};

class Desks {
public:
    /// Desk seconds for a ticket just called at a counter.
    using DeskTime = std::function<int(const motcua::Ticket&, int counter)>;
    using Seen = std::function<void(const motcua::Ticket&)>;

    Desks(motcua::queue::Engine& engine, DeskTime desk_time)
        : engine_(engine), desk_time_(std::move(desk_time)) {}

    /// Whether a called citizen does not come (marked absent when the desk time is up).
    std::function<bool(const motcua::Ticket&)> absent;
    /// Told of each call (the ticket as called) and of each finish or absence.
    Seen on_call;
    Seen on_done;
    /// Breaks [from, to) when no desk calls (the lunch break): a desk free then finishes what
    /// it holds and calls when the break ends.
    std::vector<std::pair<TimePoint, TimePoint>> breaks;

    /// Opens `counter` at `now` with an officer of its own.
    void open(int counter, TimePoint now) {
        const std::string officer = fmt::format("officer{}", counter);
        auto r = engine_.open_counter(now, counter, officer);
        if (!r) throw std::runtime_error(r.error().message);
        desks_.push_back({counter, officer, now, std::nullopt, false});
    }

    /// Idle desks call at `now` (a ticket was just issued).
    void wake(TimePoint now) {
        for (auto& d : desks_)
            if (d.free_at == kIdle) d.free_at = now;
    }
    /// Idle desks call at `at` (a booked slot starts then).
    void wake_at(TimePoint at) { wakes_.insert(at); }

    /// Plays the desks up to `until` (excluded): at each moment a desk is free, in the order the
    /// desks were opened, it finishes its ticket and calls the next one.
    void run_until(TimePoint until) {
        for (;;) {
            Desk* next = nullptr;
            for (auto& d : desks_)
                if (d.free_at < until && (next == nullptr || d.free_at < next->free_at)) next = &d;
            if (!wakes_.empty() && *wakes_.begin() < until &&
                (next == nullptr || *wakes_.begin() <= next->free_at)) {
                wake(*wakes_.begin());
                wakes_.erase(wakes_.begin());
                continue;
            }
            if (next == nullptr) return;
            step(*next);
        }
    }

    /// A desk finishes what it holds at `now` (before an estimate is read at `now`).
    void settle(TimePoint now) {
        for (auto& d : desks_)
            if (d.ticket && d.free_at <= now) done(d);
    }

    [[nodiscard]] const std::vector<Desk>& desks() const { return desks_; }
    /// Every ticket called so far, in call order.
    [[nodiscard]] const std::vector<motcua::Ticket>& called() const { return called_; }

private:
    void done(Desk& d) {
        auto r = d.absent ? engine_.no_show(d.free_at, d.counter, d.officer)
                          : engine_.finish(d.free_at, d.counter, d.officer,
                                           motcua::FinishOutcome::resolved);
        if (!r) throw std::runtime_error(r.error().message);
        if (on_done) on_done(*r->ticket);
        d.ticket.reset();
    }

    void step(Desk& d) {
        if (d.ticket) done(d);
        for (const auto& [from, to] : breaks)
            if (from <= d.free_at && d.free_at < to) {
                d.free_at = to;
                return;
            }
        auto r = engine_.call_next(d.free_at, d.counter, d.officer);
        if (!r) throw std::runtime_error(r.error().message);
        if (!r->ticket) {
            d.free_at = kIdle;
            return;
        }
        const motcua::Ticket& t = *r->ticket;
        called_.push_back(t);
        if (on_call) on_call(t);
        d.ticket = t.id;
        d.absent = absent && absent(t);
        d.free_at += std::chrono::seconds(desk_time_(t, d.counter));
    }

    motcua::queue::Engine& engine_;
    DeskTime desk_time_;
    std::vector<Desk> desks_;
    std::set<TimePoint> wakes_;
    std::vector<motcua::Ticket> called_;
};

}  // namespace desk_sim
