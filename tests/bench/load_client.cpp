// motcua-load: durable ticket issuance / call-next load from a separate process.
// Usage: motcua-load --port P --token T [--connections N] [--seconds S] [--path /api/v1/tickets]
//        [--body JSON] [--then PATH --then-body JSON]. Prints throughput and p50/p99/max latency of
//        the first request; `--then` sends a second, untimed request after each (call-next, then
//        finish). `{n}` in a path becomes the connection's number, 1-based; `{seq}` in a body
//        becomes a number of eight digits, new for every request (bookings from many phones), and
//        `{NAME}` of a `--cycle NAME=a,b,c` its values in turn (the first cycle fastest), so
//        requests spread over days and slots. Figures only.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

struct Stats {
    std::vector<double> latencies_ms;
    std::uint64_t ok = 0;
    std::uint64_t empty = 0;  // 204: nothing to do (e.g. nobody waiting)
    std::uint64_t failed = 0;
};

/// The `{seq}` of every connection's bodies (one thread runs them all).
std::uint64_t g_seq = 0;

/// `--cycle NAME=a,b,c`: `{NAME}` takes the values in turn as `{seq}` counts (a body with a
/// cycle must hold `{seq}` too: only those bodies are filled per request).
struct Cycle {
    std::string placeholder;  // "{NAME}"
    std::vector<std::string> values;
};
std::vector<Cycle> g_cycles;

/// A body from its template for request number `seq`.
std::string fill(std::string body, std::uint64_t seq) {
    const auto put = [&](const std::string& placeholder, const std::string& value) {
        for (auto at = body.find(placeholder); at != std::string::npos;
             at = body.find(placeholder, at + value.size()))
            body.replace(at, placeholder.size(), value);
    };
    put("{seq}", fmt::format("{:08}", seq));
    std::uint64_t rest = seq;
    for (const Cycle& c : g_cycles) {
        put(c.placeholder, c.values[rest % c.values.size()]);
        rest /= c.values.size();
    }
    return body;
}

// One keep-alive connection sending requests back to back until the deadline.
class Connection : public std::enable_shared_from_this<Connection> {
public:
    Connection(asio::io_context& ioc, tcp::endpoint ep,
               std::vector<http::request<http::string_body>> reqs, Clock::time_point end,
               Stats& stats)
        : stream_(ioc), ep_(ep), reqs_(std::move(reqs)), end_(end), stats_(stats) {
        for (const auto& r : reqs_)
            templates_.push_back(r.body().find("{seq}") != std::string::npos ? r.body() : "");
    }

    void start() {
        stream_.async_connect(ep_, [self = shared_from_this()](beast::error_code ec) {
            if (ec) return;
            self->send();
        });
    }

private:
    void send() {
        if (Clock::now() >= end_) return;
        start_ = Clock::now();
        auto& req = reqs_[next_];
        if (const std::string& t = templates_[next_]; !t.empty()) {
            req.body() = fill(t, ++g_seq);
            req.prepare_payload();
        }
        const bool measured = next_ == 0;  // only the first request of a cycle is timed
        next_ = (next_ + 1) % reqs_.size();
        http::async_write(
            stream_, req, [self = shared_from_this(), measured](beast::error_code ec, std::size_t) {
                if (ec) return;
                self->res_ = {};
                http::async_read(self->stream_, self->buffer_, self->res_,
                                 [self, measured](beast::error_code ec2, std::size_t) {
                                     if (ec2) return;
                                     if (measured) {
                                         const auto ms = std::chrono::duration<double, std::milli>(
                                                             Clock::now() - self->start_)
                                                             .count();
                                         self->stats_.latencies_ms.push_back(ms);
                                         if (self->res_.result_int() == 204)
                                             ++self->stats_.empty;
                                         else if (self->res_.result_int() < 300)
                                             ++self->stats_.ok;
                                         else
                                             ++self->stats_.failed;
                                     }
                                     self->send();
                                 });
            });
    }

    beast::tcp_stream stream_;
    tcp::endpoint ep_;
    std::vector<http::request<http::string_body>> reqs_;
    std::vector<std::string> templates_;  // a body with {seq}, or empty
    std::size_t next_ = 0;
    Clock::time_point end_;
    Stats& stats_;
    beast::flat_buffer buffer_;
    http::response<http::string_body> res_;
    Clock::time_point start_;
};

double percentile(std::vector<double>& v, double p) {
    if (v.empty()) return 0;
    const auto rank =
        static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(v.size())));
    std::nth_element(v.begin(), v.begin() + static_cast<long>(std::max<std::size_t>(rank, 1) - 1),
                     v.end());
    return v[std::max<std::size_t>(rank, 1) - 1];
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"motcua-load: HTTP load for motcua-service (prints figures)"};
    int port = 0, connections = 64, seconds = 5;
    std::vector<std::string> tokens;
    std::string path = "/api/v1/tickets", body = R"({"category":"HT"})", method = "POST";
    app.add_option("--port", port, "service port")->required();
    app.add_option("--token", tokens,
                   "bearer token(s); connection i uses the i-th (kiosk device for tickets)");
    app.add_option("--connections", connections, "concurrent keep-alive connections")
        ->check(CLI::Range(1, 4096));
    app.add_option("--seconds", seconds, "duration")->check(CLI::Range(1, 600));
    app.add_option("--path", path, "request path");
    app.add_option("--method", method, "HTTP method");
    app.add_option("--body", body, "JSON body (empty for none)");
    std::string then_path, then_body;
    app.add_option("--then", then_path, "second request path, sent after each timed one");
    app.add_option("--then-body", then_body, "JSON body of the second request");
    std::vector<std::string> cycles;
    app.add_option("--cycle", cycles, "NAME=a,b,c: {NAME} in a {seq} body takes these in turn");
    CLI11_PARSE(app, argc, argv);
    for (const auto& c : cycles) {
        const auto eq = c.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == c.size()) {
            fmt::print(stderr, "motcua-load: --cycle '{}': expected NAME=a,b,c\n", c);
            return 2;
        }
        Cycle cycle{"{" + c.substr(0, eq) + "}", {}};
        for (std::size_t at = eq + 1; at <= c.size();) {
            const auto comma = std::min(c.find(',', at), c.size());
            cycle.values.push_back(c.substr(at, comma - at));
            at = comma + 1;
        }
        g_cycles.push_back(std::move(cycle));
    }

    asio::io_context ioc(1);
    const tcp::endpoint ep(asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port));
    auto make = [&](const std::string& target, const std::string& json, int n) {
        std::string p = target;
        if (auto at = p.find("{n}"); at != std::string::npos) p.replace(at, 3, std::to_string(n));
        http::request<http::string_body> req{http::string_to_verb(method), p, 11};
        req.set(http::field::host, "127.0.0.1");
        if (!tokens.empty())
            req.set(http::field::authorization,
                    "Bearer " + tokens[static_cast<std::size_t>(n - 1) % tokens.size()]);
        if (!json.empty()) {
            req.set(http::field::content_type, "application/json");
            req.body() = json;
        }
        req.keep_alive(true);
        req.prepare_payload();
        return req;
    };
    Stats stats;
    const auto begin = Clock::now();
    const auto end = begin + std::chrono::seconds(seconds);
    for (int i = 0; i < connections; ++i) {
        std::vector<http::request<http::string_body>> reqs{make(path, body, i + 1)};
        if (!then_path.empty()) reqs.push_back(make(then_path, then_body, i + 1));
        std::make_shared<Connection>(ioc, ep, std::move(reqs), end, stats)->start();
    }
    ioc.run();
    const double elapsed = std::chrono::duration<double>(Clock::now() - begin).count();
    auto& l = stats.latencies_ms;
    const double max = l.empty() ? 0 : *std::max_element(l.begin(), l.end());
    fmt::print(
        "connections={} requests={} ok={} empty={} failed={} seconds={:.2f} throughput={:.0f}/s "
        "p50={:.2f}ms p99={:.2f}ms max={:.2f}ms\n",
        connections, l.size(), stats.ok, stats.empty, stats.failed, elapsed,
        static_cast<double>(l.size()) / elapsed, percentile(l, 50), percentile(l, 99), max);
    return 0;
}
