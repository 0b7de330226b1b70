#pragma once
/// Closures handed from background threads to the UI thread, run once per frame.
#include <cstddef>
#include <functional>
#include <mutex>
#include <vector>

namespace motcua::kiosk {

/// Background threads push work for the UI thread (Tracy's habit): the UI thread runs it
/// at the start of a frame, so UI state is only ever touched by the UI thread.
class RunQueue {
public:
    using Task = std::function<void()>;

    /// Called after each push so a sleeping UI wakes up (e.g. glfwPostEmptyEvent).
    /// Set before any other thread pushes.
    void set_wakeup(std::function<void()> wakeup);
    /// Any thread.
    void push(Task task);
    /// UI thread: runs everything pushed before the call, in order; returns how many ran.
    /// Tasks pushed while running wait for the next frame, so a task that re-posts itself
    /// cannot stall a frame.
    std::size_t run_all();
    [[nodiscard]] std::size_t pending() const;

private:
    mutable std::mutex mutex_;
    std::vector<Task> tasks_;
    std::function<void()> wakeup_;
};

}  // namespace motcua::kiosk
