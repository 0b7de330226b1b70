// motcua-hub-ingest-bench: events into PostgreSQL through the hub's own ingestion (projections
// and roll-up included), many wards shipping at once. Each ward's office days are made as the
// ward would ship them (issued, called, started, finished, rated), in batches; worker threads,
// each with its own connection, take wards and ingest all their batches in order.
// Usage: motcua-hub-ingest-bench --pg URI [--wards N] [--days D] [--tickets-per-day T] [--threads
// K] [--batch B] The database should be empty (a fresh one); the hub's migrations are applied.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <iostream>
#include <pqxx/pqxx>
#include <random>
#include <thread>

#include "auth/crypto.hpp"
#include "auth/hub_auth.hpp"
#include "ingest/ingest.hpp"
#include "pg/schema.hpp"

using namespace motcua;
using namespace motcua::hub;

namespace {

WardInfo info_of(const std::string& code) {
    return WardInfo{code,
                    "Phường " + code,
                    "Asia/Ho_Chi_Minh",
                    SatisfactionScale::five_level,
                    {{"HT", "Hộ tịch", "Civil status", 900},
                     {"DC", "Địa chính", "Land", 1200},
                     {"VX", "Văn hóa - Xã hội", "Culture and society", 900}},
                    {}};
}

/// A ward's days as shipped events, seq from 1.
std::vector<ShippedEvent> ward_events(int days, int per_day, unsigned seed,
                                      const OfficeZone& zone) {
    std::mt19937 rng(seed);
    std::vector<ShippedEvent> out;
    std::int64_t seq = 0;
    const char* cats[] = {"HT", "DC", "VX"};
    Day day = *parse_day("2026-06-01");
    for (int d = 0; d < days; ++d, day = Day{date::sys_days{day} + date::days{1}}) {
        const TimePoint open =
            zone.start_of_day(day) + std::chrono::hours(7) + std::chrono::minutes(30);
        for (int i = 0; i < per_day; ++i) {
            ShippedTicket t;
            t.id = fmt::format("{:08x}{:08x}", seed, static_cast<unsigned>(seq));
            t.day = day;
            t.number = fmt::format("A{:03}", i + 1);
            t.category = cats[rng() % 3];
            t.issued_at = open + std::chrono::seconds(i * 60 + static_cast<int>(rng() % 60));
            const auto event = [&](EventType type) {
                ShippedEvent e;
                e.seq = ++seq;
                e.type = type;
                e.at = t.finished_at  ? *t.finished_at
                       : t.started_at ? *t.started_at
                       : t.called_at  ? *t.called_at
                                      : t.issued_at;
                e.ticket = t;
                out.push_back(e);
            };
            event(EventType::ticket_issued);
            t.state = TicketState::called;
            t.counter = 1 + static_cast<int>(rng() % 5);
            t.officer = fmt::format("canbo{}", *t.counter);
            t.called_at = t.issued_at + std::chrono::seconds(60 + rng() % 1500);
            event(EventType::ticket_called);
            t.state = TicketState::serving;
            t.started_at = *t.called_at + std::chrono::seconds(20 + rng() % 60);
            event(EventType::ticket_started);
            t.state = TicketState::done;
            t.outcome = FinishOutcome::resolved;
            t.finished_at = *t.started_at + std::chrono::seconds(120 + rng() % 600);
            event(EventType::ticket_finished);
            if (rng() % 4 != 0) {
                ShippedEvent e;
                e.seq = ++seq;
                e.type = EventType::rating_submitted;
                e.at = *t.finished_at + std::chrono::seconds(10);
                e.rating = ShippedRating{t.id, day,         3 + static_cast<int>(rng() % 3),
                                         {},   t.counter,   t.officer,
                                         e.at, std::nullopt};
                out.push_back(e);
            }
        }
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{
        "motcua-hub-ingest-bench: wards' events into PostgreSQL through the hub's ingestion"};
    std::string uri;
    int wards = 40, days = 5, per_day = 120, threads = 4, batch = 500;
    app.add_option("--pg", uri, "PostgreSQL URI of an empty database")->required();
    app.add_option("--wards", wards)->check(CLI::Range(1, 5000));
    app.add_option("--days", days)->check(CLI::Range(1, 400));
    app.add_option("--tickets-per-day", per_day)->check(CLI::Range(1, 5000));
    app.add_option("--threads", threads)->check(CLI::Range(1, 64));
    app.add_option("--batch", batch)->check(CLI::Range(1, static_cast<int>(kMaxBatchEvents)));
    CLI11_PARSE(app, argc, argv);
    if (!auth::init_crypto()) return 1;
    const OfficeZone zone = *OfficeZone::load("Asia/Ho_Chi_Minh");

    std::vector<std::string> codes;
    {
        pqxx::connection c(uri);
        migrate(c);
        for (int w = 0; w < wards; ++w) {
            codes.push_back(fmt::format("000.00.{:02}.B{:03}", w / 100, w % 1000));
            if (auto token = add_ward(c, codes.back(), "Phường " + codes.back()); !token) {
                std::cerr << token.error().message << '\n';
                return 1;
            }
        }
    }
    // Every ward's batches, made before the clock starts.
    std::vector<std::vector<EventBatch>> batches(static_cast<std::size_t>(wards));
    std::size_t total_events = 0;
    for (int w = 0; w < wards; ++w) {
        auto events = ward_events(days, per_day, static_cast<unsigned>(w + 1), zone);
        total_events += events.size();
        for (std::size_t i = 0; i < events.size(); i += static_cast<std::size_t>(batch)) {
            EventBatch b{info_of(codes[static_cast<std::size_t>(w)]), {}};
            b.events.assign(
                events.begin() + static_cast<long>(i),
                events.begin() + static_cast<long>(
                                     std::min(events.size(), i + static_cast<std::size_t>(batch))));
            batches[static_cast<std::size_t>(w)].push_back(std::move(b));
        }
    }
    std::atomic<int> next{0};
    std::atomic<bool> failed{false};
    std::vector<std::vector<double>> latencies(static_cast<std::size_t>(threads));
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> pool;
    for (int k = 0; k < threads; ++k)
        pool.emplace_back([&, k] {
            pqxx::connection c(uri);
            Partitions partitions;
            for (int w = next++; w < wards; w = next++)
                for (const auto& b : batches[static_cast<std::size_t>(w)]) {
                    const auto t0 = std::chrono::steady_clock::now();
                    auto ack = ingest(
                        c, partitions, codes[static_cast<std::size_t>(w)], b,
                        std::chrono::time_point_cast<Millis>(std::chrono::system_clock::now()));
                    latencies[static_cast<std::size_t>(k)].push_back(
                        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                                  t0)
                            .count());
                    if (!ack) {
                        std::cerr << ack.error().message << '\n';
                        failed = true;
                        return;
                    }
                }
        });
    for (auto& t : pool) t.join();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (failed) return 1;
    std::vector<double> all;
    for (const auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
    std::sort(all.begin(), all.end());
    const auto pct = [&](double p) {
        return all[static_cast<std::size_t>(p * static_cast<double>(all.size() - 1))];
    };
    std::cout << fmt::format(
        "{} wards x {} days x {} tickets: {} events in {} batches of <= {}, {} threads\n", wards,
        days, per_day, total_events, all.size(), batch, threads);
    std::cout << fmt::format(
        "  {:.0f} events/s ({:.2f} s); batch latency p50 {:.1f} ms, p99 {:.1f} ms\n",
        static_cast<double>(total_events) / seconds, seconds, pct(0.5), pct(0.99));
    return 0;
}
