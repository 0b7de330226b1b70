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
    : store_(store), throttle_(limits) {}

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

store::Actor actor_of(const Principal& who) {
    if (const auto* o = std::get_if<OfficerPrincipal>(&who))
        return store::Actor::officer(o->username);
    if (const auto* d = std::get_if<DevicePrincipal>(&who))
        return store::Actor::device(d->id, d->name, to_string(d->role));
    return store::Actor::public_page();
}

int Authenticator::login_retry_after(std::string_view username, std::string_view remote_address) {
    return throttle_.retry_after_s(username, remote_address);
}

Result<api::LoginResponse> Authenticator::login(const api::LoginRequest& request,
                                                std::string_view remote_address) {
    if (throttle_.retry_after_s(request.username, remote_address) > 0)
        return make_error(
            ErrorCode::too_many_attempts,
            fmt::format("too many failed logins; try again in {} minutes",
                        std::chrono::duration_cast<std::chrono::minutes>(throttle_.limits().window)
                            .count()));
    auto officer = store_.officer(request.username);
    if (!verify_user_password(officer ? &officer->password_hash : nullptr, request.password)) {
        throttle_.note_failure(request.username, remote_address);
        return make_error(ErrorCode::bad_credentials, "wrong username or password");
    }
    const std::string token = new_token();
    const std::string digest = token_digest(token);
    const auto expires =
        std::chrono::time_point_cast<Millis>(std::chrono::system_clock::now() + kSessionLifetime);
    auto stored = store_.write([&](store::WriteTx& tx) {
        tx.add_session(digest, officer->username, expires);
        tx.audit(std::chrono::time_point_cast<Millis>(std::chrono::system_clock::now()),
                 store::Actor::officer(officer->username), "login",
                 fmt::format("session of {} from {}", officer->username, remote_address));
    });
    if (!stored) return stored.error();
    OfficerPrincipal p{officer->username, officer->name, officer->role};
    throttle_.note_success(request.username);
    {
        std::lock_guard lock(mutex_);
        sessions_[digest] = {p, expires};
    }
    return api::LoginResponse{token, expires,
                              api::OfficerInfo{p.username, p.name, p.role, std::nullopt}};
}

}  // namespace motcua::auth
