#pragma once
/// The kiosk's view of the service: connecting / online / unavailable, and when to ask again.
#include <array>
#include <chrono>
#include <string_view>
#include <utility>

#include "motcua/enum_names.hpp"

namespace motcua::kiosk {

using Millis = std::chrono::milliseconds;

enum class ConnectionState {
    connecting,    // no answer yet, or lost it moments ago and retrying
    online,        // the last health check succeeded
    unavailable,   // several checks in a row failed: citizens see the "please wait" notice
    incompatible,  // the service speaks another API version (X-Motcua-Api)
};

/// How often to ask, how fast to retry, how soon to give up hope.
struct ConnectionTiming {
    /// First retry after a failure; doubles after each further failure...
    Millis first_retry{250};
    /// ...up to this cap, so a restarted service is found again within 2 s.
    Millis max_retry{2000};
    /// Health-check period while online.
    Millis online_poll{2000};
    /// Consecutive failures before the screen says "unavailable"; one lost answer on a busy LAN
    /// should not flash a notice at citizens.
    int failures_before_unavailable = 3;
};

/// Reconnect delays: first_retry, doubling, capped at max_retry.
class Backoff {
public:
    explicit Backoff(ConnectionTiming timing = {}) : timing_(timing) {}
    /// The delay after one more failure.
    Millis next();
    void reset() { failures_ = 0; }
    [[nodiscard]] int failures() const { return failures_; }

private:
    ConnectionTiming timing_;
    int failures_ = 0;
};

/// Pure state machine fed with health-check outcomes; returns the delay before the next check.
class ConnectionMachine {
public:
    explicit ConnectionMachine(ConnectionTiming timing = {}) : timing_(timing), backoff_(timing) {}

    [[nodiscard]] ConnectionState state() const { return state_; }
    [[nodiscard]] int consecutive_failures() const { return backoff_.failures(); }

    Millis on_success();
    Millis on_failure();
    Millis on_incompatible();

private:
    ConnectionTiming timing_;
    Backoff backoff_;
    ConnectionState state_ = ConnectionState::connecting;
};

}  // namespace motcua::kiosk

namespace motcua {

template <>
struct EnumNames<kiosk::ConnectionState> {
    static constexpr std::array<std::pair<kiosk::ConnectionState, std::string_view>, 4> names{
        {{kiosk::ConnectionState::connecting, "connecting"},
         {kiosk::ConnectionState::online, "online"},
         {kiosk::ConnectionState::unavailable, "unavailable"},
         {kiosk::ConnectionState::incompatible, "incompatible"}}};
};

}  // namespace motcua
