#pragma once
/// The call rule within one category (DESIGN.md §3 "Call next"), shared by the engine that calls
/// and the estimator that plays calls forward, so both follow one rule.
#include <algorithm>

#include "motcua/config.hpp"

namespace motcua::queue {

enum class Line { none, appointment, priority, normal };

/// What a category's lines hold at the moment of a call.
struct LineState {
    bool appointment_due = false;  // a checked-in booking whose slot has started
    bool has_normal = false;
    bool has_priority = false;
    int oldest_normal_wait_s = 0;  // since the front normal ticket was issued
    int normal_since_priority = 0;
};

/// Which line the next call takes from.
inline Line choose_line(const LineState& s, const PriorityPolicy& policy) {
    // A checked-in appointment whose slot has started goes first; the walk-ins' priority ratio
    // and max-wait guard are untouched by it.
    if (s.appointment_due) return Line::appointment;
    if (!s.has_normal) return s.has_priority ? Line::priority : Line::none;
    if (!s.has_priority) return Line::normal;
    // Guard: a normal ticket that has waited the maximum is not passed again.
    const bool guarded = s.oldest_normal_wait_s >= policy.max_normal_wait_s;
    return !guarded && s.normal_since_priority >= policy.normal_per_priority ? Line::priority
                                                                             : Line::normal;
}

/// The ratio counter after a call from `taken`; `priority_left`: priority tickets still wait.
inline int normal_since_priority_after(int count, Line taken, bool priority_left,
                                       const PriorityPolicy& policy) {
    if (taken == Line::priority) return 0;
    if (taken != Line::normal) return count;
    if (priority_left) return count + 1;
    return std::min(count + 1, policy.normal_per_priority);
}

}  // namespace motcua::queue
