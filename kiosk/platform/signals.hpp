#pragma once
/// SIGINT/SIGTERM as a polite request to quit (systemd stop, Ctrl+C), seen by the main loop.
#include <functional>
#include <memory>
#include <thread>

namespace motcua::kiosk::platform {

/// Blocks SIGINT and SIGTERM in every thread started after construction and waits for them
/// on a thread of its own, so no code runs inside a signal handler. Construct it first.
class QuitSignals {
public:
    /// `on_quit` runs on the signal thread: set a flag and wake the UI, nothing more.
    explicit QuitSignals(std::function<void()> on_quit);
    ~QuitSignals();
    QuitSignals(const QuitSignals&) = delete;
    QuitSignals& operator=(const QuitSignals&) = delete;

    [[nodiscard]] bool requested() const;

private:
    struct State;
    std::unique_ptr<State> state_;
    std::thread thread_;
};

}  // namespace motcua::kiosk::platform
