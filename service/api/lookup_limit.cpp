#include "api/lookup_limit.hpp"

#include <algorithm>
#include <boost/asio/ip/address.hpp>

namespace motcua::api {

std::string LookupLimiter::client_key(std::string_view address) {
    boost::system::error_code ec;
    auto parsed = boost::asio::ip::make_address(std::string(address), ec);
    if (ec) return std::string(address);
    if (parsed.is_v6()) {
        const auto v6 = parsed.to_v6();
        if (v6.is_v4_mapped())
            return boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, v6).to_string();
        auto bytes = v6.to_bytes();
        std::fill(bytes.begin() + 8, bytes.end(), 0);
        return boost::asio::ip::address_v6(bytes).to_string() + "/64";
    }
    return parsed.to_string();
}

void LookupLimiter::forget_idle(Clock::time_point now) {
    std::erase_if(clients_, [&](const auto& kv) { return kv.second.due <= now; });
    // Still too many (a flood of fresh addresses): start again rather than grow without bound.
    if (clients_.size() >= limits_.max_clients) clients_.clear();
}

int LookupLimiter::admit(std::string_view address, std::string_view code, Clock::time_point now) {
    const std::string key = client_key(address);
    std::lock_guard lock(mutex_);
    auto it = clients_.find(key);
    if (it == clients_.end()) {
        if (clients_.size() >= limits_.max_clients) forget_idle(now);
        it = clients_.emplace(key, Client{now, {}}).first;
    }
    Client& c = it->second;
    if (std::find(c.recent.begin(), c.recent.end(), code) != c.recent.end()) return 0;
    const Clock::duration period = limits_.refill;
    const Clock::duration tolerance = period * (limits_.burst - 1);
    const Clock::time_point due = std::max(c.due, now);
    if (due - now > tolerance) {
        const auto wait = std::chrono::ceil<std::chrono::seconds>(due - now - tolerance);
        return std::max(1, static_cast<int>(wait.count()));
    }
    c.due = due + period;
    c.recent.emplace_back(code);
    if (c.recent.size() > limits_.remembered) c.recent.pop_front();
    return 0;
}

std::size_t LookupLimiter::tracked() {
    std::lock_guard lock(mutex_);
    return clients_.size();
}

}  // namespace motcua::api
