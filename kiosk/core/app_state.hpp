#pragma once
/// What the network thread knows, copied to the UI thread once per frame.
#include <cstdint>
#include <optional>
#include <string>

#include "kiosk/core/connection.hpp"
#include "motcua/time.hpp"

namespace motcua::kiosk {

/// Owned by the client thread; the UI reads a copy (ClientThread::snapshot) under one lock.
struct AppState {
    ConnectionState connection = ConnectionState::connecting;
    int consecutive_failures = 0;
    /// When the service last answered the health check.
    std::optional<TimePoint> last_online;
    /// Last transport or protocol problem, for the log and the admin; never shown to citizens.
    std::string last_problem;
    /// The service's API version when it differs from ours.
    std::optional<int> server_api_version;
    /// Bumped on every change, so observers can tell "changed" cheaply.
    std::uint64_t revision = 0;
};

}  // namespace motcua::kiosk
