#include "kiosk/platform/signals.hpp"

#include <pthread.h>

#include <atomic>
#include <csignal>
#include <utility>

namespace motcua::kiosk::platform {

struct QuitSignals::State {
    std::function<void()> on_quit;
    std::atomic<bool> requested{false};
    std::atomic<bool> stopping{false};
    sigset_t set{};
};

namespace {

sigset_t quit_set() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    return set;
}

}  // namespace

QuitSignals::QuitSignals(std::function<void()> on_quit) : state_(std::make_unique<State>()) {
    state_->on_quit = std::move(on_quit);
    state_->set = quit_set();
    pthread_sigmask(SIG_BLOCK, &state_->set, nullptr);
    thread_ = std::thread([s = state_.get()] {
        for (;;) {
            int sig = 0;
            if (sigwait(&s->set, &sig) != 0) continue;
            if (s->stopping) return;
            s->requested = true;
            if (s->on_quit) s->on_quit();
        }
    });
}

QuitSignals::~QuitSignals() {
    state_->stopping = true;
    // Wake our own sigwait: SIGTERM is blocked in every thread, so it kills nothing; sigwait
    // takes it and sees `stopping`.
    pthread_kill(thread_.native_handle(), SIGTERM);  // NOLINT(bugprone-bad-signal-to-kill-thread)
    thread_.join();
}

bool QuitSignals::requested() const {
    return state_->requested;
}

}  // namespace motcua::kiosk::platform
