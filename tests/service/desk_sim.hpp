#pragma once
// Officers at their desks, played against the real engine: each open counter calls the next
// ticket the moment it is free and finishes it after a desk time the caller chooses. The
// estimator's tests and the simulation study drive the engine with it.
#include <fmt/format.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "queue/engine.hpp"

namespace desk_sim {

using motcua::TimePoint;

struct Desk {
    int counter = 0;
    std::string officer;
    TimePoint free_at;                  // when it calls next
    std::optional<std::string> ticket;  // at the desk until free_at
    bool open = true;
};

class Desks {
public:
    /// Desk seconds for a ticket just called at a counter.
    using DeskTime = std::function<int(const motcua::Ticket&, int counter)>;

    Desks(motcua::queue::Engine& engine, DeskTime desk_time)
        : engine_(engine), desk_time_(std::move(desk_time)) {}

    /// Opens `counter` at `now` with an officer of its own.
    void open(int counter, TimePoint now) {
        const std::string officer = fmt::format("officer{}", counter);
        auto r = engine_.open_counter(now, counter, officer);
        if (!r) throw std::runtime_error(r.error().message);
        desks_.push_back({counter, officer, now, std::nullopt, true});
    }

    /// Plays the desks up to `until` (excluded): at each moment a desk is free, in the order the
    /// desks were opened, it finishes its ticket and calls the next one. A desk with nobody to
    /// call waits for the next instant `idle_step` later.
    void run_until(TimePoint until, std::chrono::seconds idle_step = std::chrono::seconds(1)) {
        for (;;) {
            Desk* next = nullptr;
            for (auto& d : desks_)
                if (d.open && d.free_at < until && (next == nullptr || d.free_at < next->free_at))
                    next = &d;
            if (next == nullptr) return;
            step(*next, idle_step);
        }
    }

    /// A desk finishes what it holds at `now` (before an estimate is read at `now`).
    void settle(TimePoint now) {
        for (auto& d : desks_)
            if (d.ticket && d.free_at <= now) finish(d);
    }

    [[nodiscard]] const std::vector<Desk>& desks() const { return desks_; }
    /// Every ticket called so far, in call order.
    [[nodiscard]] const std::vector<motcua::Ticket>& called() const { return called_; }

private:
    void finish(Desk& d) {
        auto r = engine_.finish(d.free_at, d.counter, d.officer, motcua::FinishOutcome::resolved);
        if (!r) throw std::runtime_error(r.error().message);
        d.ticket.reset();
    }

    void step(Desk& d, std::chrono::seconds idle_step) {
        if (d.ticket) finish(d);
        auto r = engine_.call_next(d.free_at, d.counter, d.officer);
        if (!r) throw std::runtime_error(r.error().message);
        if (!r->ticket) {
            d.free_at += idle_step;
            return;
        }
        called_.push_back(*r->ticket);
        d.ticket = r->ticket->id;
        d.free_at += std::chrono::seconds(desk_time_(*r->ticket, d.counter));
    }

    motcua::queue::Engine& engine_;
    DeskTime desk_time_;
    std::vector<Desk> desks_;
    std::vector<motcua::Ticket> called_;
};

}  // namespace desk_sim
