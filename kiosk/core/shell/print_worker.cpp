#include "kiosk/core/shell/print_worker.hpp"

#include <spdlog/spdlog.h>

namespace motcua::kiosk {

PrintWorker::PrintWorker(RunQueue& ui_queue) : ui_queue_(ui_queue), thread_([this] { run(); }) {}

PrintWorker::~PrintWorker() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
        jobs_.clear();
    }
    wake_.notify_all();
    thread_.join();
}

void PrintWorker::submit(Job job, Done done) {
    {
        const std::lock_guard lock(mutex_);
        jobs_.emplace_back(std::move(job), std::move(done));
    }
    wake_.notify_one();
}

void PrintWorker::run() {
    for (;;) {
        std::pair<Job, Done> next;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
            if (stopping_) return;
            next = std::move(jobs_.front());
            jobs_.pop_front();
        }
        Status status = make_error(ErrorCode::print_failed, "the print job threw");
        try {
            status = next.first();
        } catch (const std::exception& e) {
            // A printer library's surprise must not take the kiosk down with it.
            spdlog::error("printer: {}", e.what());
        }
        ui_queue_.push([done = std::move(next.second), status] { done(status); });
    }
}

}  // namespace motcua::kiosk
