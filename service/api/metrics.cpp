#include "api/metrics.hpp"

#include <fmt/format.h>

namespace motcua::api {

void Metrics::observe_request(const std::string& route, int status,
                              std::chrono::microseconds latency) {
    const double seconds = static_cast<double>(latency.count()) / 1e6;
    std::lock_guard lock(mutex_);
    ++requests_[{route, status}];
    std::size_t i = 0;
    while (i < kBuckets.size() && seconds > kBuckets[i]) ++i;
    ++latency_buckets_[i];
    latency_sum_ += seconds;
    ++latency_count_;
}

std::string Metrics::render(const std::vector<MetricValue>& program) {
    std::string out;
    auto line = [&out]<typename... Args>(fmt::format_string<Args...> f, Args&&... args) {
        out += fmt::format(f, std::forward<Args>(args)...);
        out += '\n';
    };
    std::lock_guard lock(mutex_);
    line("# HELP motcua_http_requests_total HTTP requests by route and status.");
    line("# TYPE motcua_http_requests_total counter");
    for (const auto& [key, n] : requests_)
        line("motcua_http_requests_total{{route=\"{}\",status=\"{}\"}} {}", key.first, key.second,
             n);
    line("# HELP motcua_http_request_duration_seconds Time from a complete request to its answer.");
    line("# TYPE motcua_http_request_duration_seconds histogram");
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        cumulative += latency_buckets_[i];
        line("motcua_http_request_duration_seconds_bucket{{le=\"{}\"}} {}", kBuckets[i],
             cumulative);
    }
    cumulative += latency_buckets_[kBuckets.size()];
    line("motcua_http_request_duration_seconds_bucket{{le=\"+Inf\"}} {}", cumulative);
    line("motcua_http_request_duration_seconds_sum {}", latency_sum_);
    line("motcua_http_request_duration_seconds_count {}", latency_count_);
    line("# HELP motcua_open_connections Open HTTP and WebSocket connections.");
    line("# TYPE motcua_open_connections gauge");
    line("motcua_open_connections {}", open_connections.load());
    line("# HELP motcua_websocket_clients Connected event stream clients.");
    line("# TYPE motcua_websocket_clients gauge");
    line("motcua_websocket_clients {}", websocket_clients.load());
    line("# HELP motcua_rejected_connections_total Connections refused at the connection cap.");
    line("# TYPE motcua_rejected_connections_total counter");
    line("motcua_rejected_connections_total {}", rejected_connections.load());
    line(
        "# HELP motcua_dropped_slow_clients_total Event stream clients dropped for not keeping "
        "up.");
    line("# TYPE motcua_dropped_slow_clients_total counter");
    line("motcua_dropped_slow_clients_total {}", dropped_slow_clients.load());
    for (const auto& m : program) {
        line("# HELP {} {}", m.name, m.help);
        line("# TYPE {} {}", m.name, m.type);
        line("{} {}", m.name, m.value);
    }
    return out;
}

}  // namespace motcua::api
