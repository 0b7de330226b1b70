// The render worker: documents are made off the caller's thread, in order, and a full queue
// answers 503 at once instead of piling up.
#include <atomic>
#include <catch2/catch.hpp>
#include <condition_variable>
#include <future>
#include <mutex>
#include <thread>

#include "api/render_worker.hpp"

using namespace motcua::api;

TEST_CASE("the render worker runs jobs on its own thread, in order, and refuses past its limit",
          "[render]") {
    std::mutex m;
    std::condition_variable cv;
    bool release = false;
    std::vector<int> order;
    std::vector<Reply> replies(4);
    std::promise<std::thread::id> first_thread;
    std::atomic<int> answered{0};
    {
        RenderWorker worker(2);  // one running, two waiting, the fourth refused
        auto job = [&](int n) {
            return [&, n] {
                if (n == 0) {
                    first_thread.set_value(std::this_thread::get_id());
                    std::unique_lock lock(m);
                    cv.wait(lock, [&] { return release; });
                }
                std::lock_guard lock(m);
                order.push_back(n);
                return Reply{200, std::to_string(n), "text/plain", {}};
            };
        };
        auto answer = [&](int n) {
            return [&, n](Reply r) {
                replies[static_cast<std::size_t>(n)] = std::move(r);
                ++answered;
            };
        };
        worker.run(job(0), answer(0));
        CHECK(first_thread.get_future().get() != std::this_thread::get_id());
        worker.run(job(1), answer(1));
        worker.run(job(2), answer(2));
        worker.run(job(3), answer(3));  // the queue holds 1 and 2: refused at once
        CHECK(answered == 1);
        CHECK(replies[3].status == 503);
        CHECK(replies[3].body.find("\"busy\"") != std::string::npos);
        {
            std::lock_guard lock(m);
            release = true;
        }
        cv.notify_all();
    }  // the destructor finishes what was queued
    CHECK(answered == 4);
    CHECK(order == std::vector<int>{0, 1, 2});
    CHECK(replies[0].body == "0");
    CHECK(replies[2].body == "2");
}

TEST_CASE("a job that throws answers 500 and the worker goes on", "[render]") {
    std::promise<Reply> failed, next;
    RenderWorker worker;
    worker.run([]() -> Reply { throw std::runtime_error("cairo said no"); },
               [&](Reply r) { failed.set_value(std::move(r)); });
    worker.run(
        [] {
            return Reply{200, "ok", "text/plain", {}};
        },
        [&](Reply r) { next.set_value(std::move(r)); });
    CHECK(failed.get_future().get().status == 500);
    CHECK(next.get_future().get().body == "ok");
}
