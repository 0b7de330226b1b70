#include "auth/auth.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "auth/crypto.hpp"

namespace motcua::auth {
namespace {

Error unauthorized(std::string message) {
    return make_error(ErrorCode::unauthorized, std::move(message));
}

}  // namespace

Authenticator::Authenticator(store::Store& store, LoginLimits limits)
    : store_(store), limits_(limits) {}

Result<Principal> Authenticator::identify(std::string_view header) {
    if (header.empty()) return Principal{};
    constexpr std::string_view kBearer = "Bearer ";
    if (header.size() <= kBearer.size() || header.substr(0, kBearer.size()) != kBearer)
        return unauthorized("the Authorization header must be 'Bearer TOKEN'");
    return identify_token(header.substr(kBearer.size()));
}

Result<Principal> Authenticator::identify_token(std::string_view token) {
    if (token.empty() || token.size() > 256) return unauthorized("invalid token");
    const std::string digest = token_digest(token);
    const auto now = std::chrono::system_clock::now();
    {
        std::lock_guard lock(mutex_);
        if (auto it = devices_.find(digest); it != devices_.end()) return Principal{it->second};
        if (auto it = sessions_.find(digest); it != sessions_.end()) {
            if (it->second.expires_at > now) return Principal{it->second.officer};
            sessions_.erase(it);
            return make_error(ErrorCode::session_expired,
                              "your session has expired; please log in again");
        }
    }
    // Not cached: devices added by the CLI while the service runs, sessions from before a restart.
    if (auto device = store_.device_by_token_hash(digest)) {
        DevicePrincipal p{device->id, device->name, device->role, device->counter};
        std::lock_guard lock(mutex_);
        devices_[digest] = p;
        return Principal{p};
    }
    if (auto session = store_.session(digest)) {
        if (session->expires_at <= std::chrono::time_point_cast<Millis>(now))
            return make_error(ErrorCode::session_expired,
                              "your session has expired; please log in again");
        auto officer = store_.officer(session->username);
        if (!officer) return unauthorized("invalid token");
        OfficerPrincipal p{officer->username, officer->name, officer->role};
        std::lock_guard lock(mutex_);
        sessions_[digest] = {p, session->expires_at};
        return Principal{p};
    }
    return unauthorized("invalid token");
}

bool Authenticator::limited(const std::string& key, std::chrono::steady_clock::time_point now) {
    auto it = failures_.find(key);
    if (it == failures_.end()) return false;
    if (now - it->second.first > limits_.window) {
        failures_.erase(it);
        return false;
    }
    return it->second.count >= limits_.max_failures;
}

int Authenticator::wait_s(const std::string& key, std::chrono::steady_clock::time_point now) const {
    auto it = failures_.find(key);
    if (it == failures_.end() || it->second.count < limits_.max_failures) return 0;
    const auto left = limits_.window - (now - it->second.first);
    if (left <= std::chrono::steady_clock::duration::zero()) return 0;
    return static_cast<int>(std::chrono::ceil<std::chrono::seconds>(left).count());
}

int Authenticator::login_retry_after(std::string_view username, std::string_view remote_address) {
    const auto now = std::chrono::steady_clock::now();
    std::lock_guard lock(mutex_);
    return std::max(wait_s("u:" + std::string(username), now),
                    wait_s("a:" + std::string(remote_address), now));
}

void Authenticator::note_failure(const std::string& key,
                                 std::chrono::steady_clock::time_point now) {
    // Bounded: a flood of made-up usernames must not grow the table without end.
    if (failures_.size() >= 50000)
        std::erase_if(failures_,
                      [&](const auto& kv) { return now - kv.second.first > limits_.window; });
    if (failures_.size() >= 50000) failures_.clear();
    auto& f = failures_[key];
    if (f.count == 0 || now - f.first > limits_.window) f = {0, now};
    ++f.count;
}

Result<api::LoginResponse> Authenticator::login(const api::LoginRequest& request,
                                                std::string_view remote_address) {
    const auto steady_now = std::chrono::steady_clock::now();
    const std::string user_key = "u:" + request.username;
    const std::string addr_key = "a:" + std::string(remote_address);
    {
        std::lock_guard lock(mutex_);
        if (limited(user_key, steady_now) || limited(addr_key, steady_now))
            return make_error(
                ErrorCode::too_many_attempts,
                fmt::format(
                    "too many failed logins; try again in {} minutes",
                    std::chrono::duration_cast<std::chrono::minutes>(limits_.window).count()));
    }
    auto officer = store_.officer(request.username);
    // Verify against a dummy hash for unknown users too, so timing does not reveal who exists.
    static const std::string kDummyHash = hash_password("motcua-dummy-password").value();
    const bool ok =
        verify_password(officer ? officer->password_hash : kDummyHash, request.password) && officer;
    if (!ok) {
        std::lock_guard lock(mutex_);
        note_failure(user_key, steady_now);
        note_failure(addr_key, steady_now);
        return make_error(ErrorCode::bad_credentials, "wrong username or password");
    }
    const std::string token = new_token();
    const std::string digest = token_digest(token);
    const auto expires =
        std::chrono::time_point_cast<Millis>(std::chrono::system_clock::now() + kSessionLifetime);
    auto stored = store_.write(
        [&](store::WriteTx& tx) { tx.add_session(digest, officer->username, expires); });
    if (!stored) return stored.error();
    OfficerPrincipal p{officer->username, officer->name, officer->role};
    {
        std::lock_guard lock(mutex_);
        failures_.erase(user_key);
        sessions_[digest] = {p, expires};
    }
    return api::LoginResponse{token, expires,
                              api::OfficerInfo{p.username, p.name, p.role, std::nullopt}};
}

}  // namespace motcua::auth
