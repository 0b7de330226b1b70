#pragma once
/// What the Beast server needs from a program (the ward service, the province hub): routes,
/// metrics, and optionally a live event stream. The server knows nothing else of either.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "api/event_hub.hpp"
#include "api/http.hpp"
#include "api/metrics.hpp"

namespace motcua::api {

/// The event stream of /api/v1/events: stored events for replay, live ones through the hub.
class EventFeed {
public:
    virtual ~EventFeed() = default;
    /// Who the caller is (for the log: "device 'Bảng 1' (board)") when it may open the stream,
    /// else the 401/403 error.
    virtual Result<std::string> authorize_events(const Request& request) = 0;
    virtual EventHub& event_hub() = 0;
    /// Stored events with since < seq <= upto, oldest first, at most `limit`: (seq, payload).
    virtual std::vector<std::pair<std::int64_t, std::string>> stored_events(std::int64_t since,
                                                                            std::int64_t upto,
                                                                            int limit) = 0;
};

class App {
public:
    virtual ~App() = default;
    /// Answers one request; `respond` is called exactly once, from any thread.
    virtual void handle(const Request& request, const Respond& respond) = 0;
    virtual Metrics& metrics() = 0;
    /// The bounded label of a request for metrics (its route pattern).
    [[nodiscard]] virtual std::string route_label(std::string_view method,
                                                  std::string_view path) const = 0;
    /// The event stream, or nullptr when the program has none.
    virtual EventFeed* event_feed() { return nullptr; }
};

}  // namespace motcua::api
