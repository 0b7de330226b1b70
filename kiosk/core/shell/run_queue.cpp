#include "kiosk/core/shell/run_queue.hpp"

#include <utility>

namespace motcua::kiosk {

void RunQueue::set_wakeup(std::function<void()> wakeup) {
    const std::lock_guard lock(mutex_);
    wakeup_ = std::move(wakeup);
}

void RunQueue::push(Task task) {
    std::function<void()> wakeup;
    {
        const std::lock_guard lock(mutex_);
        tasks_.push_back(std::move(task));
        wakeup = wakeup_;
    }
    // Outside the lock: the wake-up may block briefly on the display connection.
    if (wakeup) wakeup();
}

std::size_t RunQueue::run_all() {
    std::vector<Task> batch;
    {
        const std::lock_guard lock(mutex_);
        batch.swap(tasks_);
    }
    for (auto& task : batch) task();
    return batch.size();
}

std::size_t RunQueue::pending() const {
    const std::lock_guard lock(mutex_);
    return tasks_.size();
}

}  // namespace motcua::kiosk
