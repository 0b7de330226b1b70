#pragma once
/// Fans committed events out to live subscribers (WebSocket sessions), in sequence order.
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace motcua::api {

/// A live listener; `deliver` must be quick (post to its own executor) and never block.
class Subscriber {
public:
    virtual ~Subscriber() = default;
    virtual void deliver(std::int64_t seq, std::shared_ptr<const std::string> payload) = 0;
};

class EventHub {
public:
    explicit EventHub(std::int64_t last_seq) : last_(last_seq) {}

    /// Sets the last published sequence (at start-up, from the database).
    void reset(std::int64_t last_seq) {
        std::lock_guard lock(mutex_);
        last_ = last_seq;
    }
    /// Registers `s` and returns the last sequence already published: everything after it
    /// reaches `s` live; everything up to it is in the database.
    std::int64_t subscribe(const std::shared_ptr<Subscriber>& s);
    /// Called in sequence order, once the event is durable.
    void publish(std::int64_t seq, std::shared_ptr<const std::string> payload);
    [[nodiscard]] std::size_t subscribers();
    [[nodiscard]] std::int64_t last_published();

private:
    std::mutex mutex_;
    std::int64_t last_;
    std::vector<std::weak_ptr<Subscriber>> subscribers_;
};

}  // namespace motcua::api
