// Durability: SIGKILL the service while tickets are issued from several connections; every
// ticket answered 201 is there after restart with its number, and no number is issued twice.
#include <atomic>
#include <catch2/catch.hpp>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "harness.hpp"

using namespace harness;

TEST_CASE("kill -9 loses nothing acknowledged and never reuses a number", "[crash][integration]") {
    Ward w;
    std::map<std::string, std::string> acknowledged;  // id -> number
    std::mt19937 rng(Catch::rngSeed());
    for (int round = 0; round < 4; ++round) {
        Service s(w.db);
        if (round == 0) set_clock(s.port(), "2026-11-23T07:30:00+07:00");
        std::mutex m;
        std::atomic<bool> stop{false};
        std::vector<std::thread> clients;
        for (int c = 0; c < 4; ++c) {
            clients.emplace_back([&, c] {
                const char* cats[] = {"HT", "DC", "VX", "TK"};
                while (!stop) {
                    try {
                        auto r = request(s.port(), "POST", "/api/v1/tickets", w.kiosk_token,
                                         std::string(R"({"category":")") + cats[c] + "\"}");
                        // Catch2 assertions are not thread-safe: no CHECK/REQUIRE in these threads.
                        if (r.status == 201) {
                            auto j = boost::json::parse(r.body);
                            std::lock_guard lock(m);
                            acknowledged[std::string(j.at("id").as_string())] =
                                std::string(j.at("number").as_string());
                        }
                    } catch (...) {
                        return;  // the service died mid-request: not acknowledged
                    }
                }
            });
        }
        std::this_thread::sleep_for(
            std::chrono::milliseconds(std::uniform_int_distribution<int>(100, 600)(rng)));
        s.kill9();
        stop = true;
        for (auto& t : clients) t.join();
    }
    REQUIRE(acknowledged.size() > 50);
    Service s(w.db);
    std::set<std::string> numbers;
    for (const auto& [id, number] : acknowledged) {
        auto r = request(s.port(), "GET", "/api/v1/tickets/" + id);
        INFO(id);
        REQUIRE(r.status == 200);
        CHECK(std::string(r.json().at("number").as_string()) == number);
        CHECK(numbers.insert(number).second);  // no number issued twice
    }
    // and the next ticket continues the numbering
    auto next = request(s.port(), "POST", "/api/v1/tickets", w.kiosk_token, R"({"category":"HT"})");
    REQUIRE(next.status == 201);
    CHECK_FALSE(numbers.contains(std::string(next.json().at("number").as_string())));
}
