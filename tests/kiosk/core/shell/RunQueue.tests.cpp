#include <atomic>
#include <catch2/catch.hpp>
#include <thread>
#include <vector>

#include "kiosk/core/shell/run_queue.hpp"

using namespace motcua::kiosk;

TEST_CASE("run queue runs closures on the calling thread, in order", "[run_queue]") {
    RunQueue q;
    std::vector<int> ran;
    int wakeups = 0;
    q.set_wakeup([&] { ++wakeups; });
    q.push([&] { ran.push_back(1); });
    q.push([&] { ran.push_back(2); });
    CHECK(wakeups == 2);
    CHECK(q.pending() == 2);
    CHECK(ran.empty());  // nothing runs until the UI thread asks

    CHECK(q.run_all() == 2);
    CHECK(ran == std::vector<int>{1, 2});
    CHECK(q.run_all() == 0);

    SECTION("work pushed while running waits for the next frame") {
        q.push([&] {
            q.push([&] { ran.push_back(4); });
            ran.push_back(3);
        });
        CHECK(q.run_all() == 1);
        CHECK(ran == std::vector<int>{1, 2, 3});
        CHECK(q.run_all() == 1);
        CHECK(ran == std::vector<int>{1, 2, 3, 4});
    }
}

TEST_CASE("run queue accepts pushes from many threads", "[run_queue]") {
    RunQueue q;
    std::atomic<int> wakeups{0};
    q.set_wakeup([&] { ++wakeups; });
    int total = 0;  // touched only by run_all, on this thread
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 1000; ++i) q.push([&] { ++total; });
        });
    std::size_t ran = 0;
    while (ran < 4000) ran += q.run_all();
    for (auto& t : threads) t.join();
    ran += q.run_all();
    CHECK(ran == 4000);
    CHECK(total == 4000);
    CHECK(wakeups == 4000);
}
