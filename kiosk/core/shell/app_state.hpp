#pragma once
/// What the network thread knows, copied to the UI thread once per frame.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/shell/connection.hpp"
#include "motcua/api.hpp"
#include "motcua/time.hpp"

namespace motcua::kiosk {

/// What the ward service last told us: the queue per category, the counters, the event stream.
struct WardData {
    /// GET /categories: people waiting and the estimate per category.
    std::vector<api::CategoryInfo> categories;
    bool categories_loaded = false;
    /// GET /counters, kept current between fetches by counter_* events.
    std::vector<api::CounterInfo> counters;
    bool counters_loaded = false;
    /// The WebSocket event stream is open.
    bool events_connected = false;
    /// The last event seen (the stream resumes after it).
    std::int64_t last_event_seq = 0;
    /// Ratings kept on disk, not yet delivered.
    int ratings_pending = 0;
};

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
    WardData ward;
    /// Bumped on every change, so observers can tell "changed" cheaply.
    std::uint64_t revision = 0;
};

}  // namespace motcua::kiosk
