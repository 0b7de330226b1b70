#include "kiosk/core/shell/connection.hpp"

#include <algorithm>

namespace motcua::kiosk {

Millis Backoff::next() {
    // Count failures only as far as needed to reach the cap, so the shift never overflows.
    Millis delay = timing_.first_retry;
    for (int i = 0; i < failures_ && delay < timing_.max_retry; ++i) delay *= 2;
    ++failures_;
    return std::min(delay, timing_.max_retry);
}

Millis ConnectionMachine::on_success() {
    backoff_.reset();
    state_ = ConnectionState::online;
    return timing_.online_poll;
}

Millis ConnectionMachine::on_failure() {
    const Millis delay = backoff_.next();
    // Failures only reset on an answer, so once unavailable the state stays so until one comes.
    state_ = backoff_.failures() >= timing_.failures_before_unavailable
                 ? ConnectionState::unavailable
                 : ConnectionState::connecting;
    return delay;
}

Millis ConnectionMachine::on_incompatible() {
    // Keep asking at the slow pace: an upgraded service should be picked up without a restart.
    backoff_.reset();
    state_ = ConnectionState::incompatible;
    return timing_.max_retry;
}

}  // namespace motcua::kiosk
