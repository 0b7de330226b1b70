#include "api/render_worker.hpp"

#include <spdlog/spdlog.h>

namespace motcua::api {

RenderWorker::RenderWorker(std::size_t max_pending)
    : max_pending_(max_pending), thread_([this] { loop(); }) {}

RenderWorker::~RenderWorker() {
    stop();
}

void RenderWorker::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
}

void RenderWorker::run(std::function<Reply()> make, Respond respond) {
    {
        std::lock_guard lock(mutex_);
        if (!stopping_ && jobs_.size() < max_pending_) {
            jobs_.push_back({std::move(make), std::move(respond)});
            cv_.notify_one();
            return;
        }
    }
    Reply busy = error_reply(ErrorCode::busy,
                             "documents are being prepared for others; try again in a moment");
    busy.headers.emplace_back("Retry-After", "5");
    respond(std::move(busy));
}

void RenderWorker::loop() {
    for (;;) {
        Job job;
        {
            std::unique_lock lock(mutex_);
            cv_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
            if (jobs_.empty()) return;  // stopping, nothing left
            job = std::move(jobs_.front());
            jobs_.pop_front();
        }
        Reply reply;
        try {
            reply = job.make();
        } catch (const std::exception& e) {
            spdlog::error("preparing a document failed: {}", e.what());
            reply = error_reply(ErrorCode::internal_error, "the document could not be prepared");
        }
        job.respond(std::move(reply));
    }
}

}  // namespace motcua::api
