#include "auth/login_throttle.hpp"

#include <algorithm>

#include "auth/crypto.hpp"

namespace motcua::auth {

int LoginThrottle::wait_s(const std::string& key, Clock::time_point now) {
    auto it = failures_.find(key);
    if (it == failures_.end()) return 0;
    const auto left = limits_.window - (now - it->second.first);
    if (left <= Clock::duration::zero()) {
        failures_.erase(it);
        return 0;
    }
    if (it->second.count < limits_.max_failures) return 0;
    return static_cast<int>(std::chrono::ceil<std::chrono::seconds>(left).count());
}

void LoginThrottle::count(const std::string& key, Clock::time_point now) {
    if (failures_.size() >= kMaxKeys)
        std::erase_if(failures_,
                      [&](const auto& kv) { return now - kv.second.first > limits_.window; });
    if (failures_.size() >= kMaxKeys) failures_.clear();
    auto& f = failures_[key];
    if (f.count == 0 || now - f.first > limits_.window) f = {0, now};
    ++f.count;
}

int LoginThrottle::retry_after_s(std::string_view username, std::string_view address) {
    const auto now = Clock::now();
    std::lock_guard lock(mutex_);
    return std::max(wait_s("u:" + std::string(username), now),
                    wait_s("a:" + std::string(address), now));
}

void LoginThrottle::note_failure(std::string_view username, std::string_view address) {
    const auto now = Clock::now();
    std::lock_guard lock(mutex_);
    count("u:" + std::string(username), now);
    count("a:" + std::string(address), now);
}

void LoginThrottle::note_success(std::string_view username) {
    std::lock_guard lock(mutex_);
    failures_.erase("u:" + std::string(username));
}

std::size_t LoginThrottle::tracked() {
    std::lock_guard lock(mutex_);
    return failures_.size();
}

bool verify_user_password(const std::string* hash, std::string_view password) {
    static const std::string kDummyHash = hash_password("motcua-dummy-password").value();
    const bool ok = verify_password(hash != nullptr ? *hash : kDummyHash, password);
    return ok && hash != nullptr;
}

}  // namespace motcua::auth
