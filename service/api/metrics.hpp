#pragma once
/// Prometheus counters and histograms of the service (text exposition format).
#include <array>
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace motcua::api {

/// One figure a program adds to the common ones (a gauge or a counter).
struct MetricValue {
    std::string name;  // motcua_...
    std::string help;
    std::string type;  // "gauge" or "counter"
    double value = 0;
};

class Metrics {
public:
    void observe_request(const std::string& route, int status, std::chrono::microseconds latency);
    std::atomic<int> open_connections{0};
    std::atomic<int> websocket_clients{0};
    std::atomic<std::uint64_t> rejected_connections{0};
    std::atomic<std::uint64_t> dropped_slow_clients{0};

    /// Renders the HTTP figures plus those the program knows (tickets waiting, commits, ...).
    std::string render(const std::vector<MetricValue>& program);

private:
    static constexpr std::array<double, 10> kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01,
                                                     0.025,  0.05,  0.1,    0.5,   1.0};
    std::mutex mutex_;
    std::map<std::pair<std::string, int>, std::uint64_t> requests_;
    std::array<std::uint64_t, kBuckets.size() + 1> latency_buckets_{};
    double latency_sum_ = 0;
    std::uint64_t latency_count_ = 0;
};

}  // namespace motcua::api
