#include "api/event_hub.hpp"

#include <algorithm>

namespace motcua::api {

std::int64_t EventHub::subscribe(const std::shared_ptr<Subscriber>& s) {
    std::lock_guard lock(mutex_);
    subscribers_.push_back(s);
    return last_;
}

void EventHub::publish(std::int64_t seq, std::shared_ptr<const std::string> payload) {
    std::vector<std::shared_ptr<Subscriber>> live;
    {
        std::lock_guard lock(mutex_);
        last_ = seq;
        std::erase_if(subscribers_, [](const auto& w) { return w.expired(); });
        for (auto& w : subscribers_)
            if (auto s = w.lock()) live.push_back(std::move(s));
        // Delivered under the lock so a subscriber registering now cannot miss or repeat `seq`.
        for (auto& s : live) s->deliver(seq, payload);
    }
}

std::size_t EventHub::subscribers() {
    std::lock_guard lock(mutex_);
    std::erase_if(subscribers_, [](const auto& w) { return w.expired(); });
    return subscribers_.size();
}

std::int64_t EventHub::last_published() {
    std::lock_guard lock(mutex_);
    return last_;
}

}  // namespace motcua::api
