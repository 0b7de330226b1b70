#pragma once
/// Ticket printing off the UI and client threads: a printer may take seconds, or its whole
/// timeout when it is unplugged, and neither the screen nor the network may wait for it.
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

#include "kiosk/core/shell/run_queue.hpp"
#include "motcua/result.hpp"

namespace motcua::kiosk {

class PrintWorker {
public:
    /// Renders and sends one slip (print::print_ticket behind a closure, so core needs no cairo).
    using Job = std::function<Status()>;
    /// Runs on the UI thread (through `ui_queue`) with the job's outcome.
    using Done = std::function<void(const Status&)>;

    explicit PrintWorker(RunQueue& ui_queue);
    /// Finishes the slip in hand; slips still queued are dropped (the kiosk is shutting down).
    ~PrintWorker();
    PrintWorker(const PrintWorker&) = delete;
    PrintWorker& operator=(const PrintWorker&) = delete;

    /// Any thread. Jobs run one at a time, in order.
    void submit(Job job, Done done);

private:
    void run();

    RunQueue& ui_queue_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::pair<Job, Done>> jobs_;
    bool stopping_ = false;
    std::thread thread_;  // last: starts after the members it uses exist
};

}  // namespace motcua::kiosk
