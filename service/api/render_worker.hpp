#pragma once
/// A small queue of slow, CPU-bound answers (PDF and Excel documents) run on their own thread,
/// so that a long register or workbook never holds a network thread that calls and tickets need.
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

#include "api/http.hpp"

namespace motcua::api {

class RenderWorker {
public:
    /// At most `max_pending` jobs wait; more are refused with 503 `busy` at once.
    explicit RenderWorker(std::size_t max_pending = 8);
    ~RenderWorker();
    /// Finishes the documents in hand, answers each, and stops taking new ones (they are told
    /// "busy"). Idempotent; the destructor calls it.
    void stop();
    RenderWorker(const RenderWorker&) = delete;
    RenderWorker& operator=(const RenderWorker&) = delete;

    /// Runs `make` on the worker thread and answers with its reply.
    void run(std::function<Reply()> make, Respond respond);

private:
    struct Job {
        std::function<Reply()> make;
        Respond respond;
    };
    void loop();

    std::size_t max_pending_;
    std::mutex mutex_;
    std::condition_variable cv_;
    std::deque<Job> jobs_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace motcua::api
