#pragma once
/// Who is calling: device tokens and officer sessions, role rules, login rate limiting.
#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <variant>

#include "auth/login_throttle.hpp"
#include "motcua/api.hpp"
#include "motcua/result.hpp"
#include "store/store.hpp"

namespace motcua::auth {

struct OfficerPrincipal {
    std::string username;
    std::string name;
    OfficerRole role = OfficerRole::officer;
};

struct DevicePrincipal {
    std::int64_t id = 0;
    std::string name;
    DeviceRole role = DeviceRole::kiosk;
    std::optional<int> counter;  // rating pads belong to one counter
};

using Principal = std::variant<std::monostate, OfficerPrincipal, DevicePrincipal>;

/// Who the audit trail says made a caller's change: the officer, the device, or "public".
store::Actor actor_of(const Principal& who);

/// Officer sessions last one working day; expiry runs on the real clock even in test-clock mode.
inline constexpr std::chrono::hours kSessionLifetime{12};

class Authenticator {
public:
    Authenticator(store::Store& store, LoginLimits limits = {});

    /// Resolves "Bearer TOKEN". No header: monostate. Unknown or expired token: 401 error.
    Result<Principal> identify(std::string_view authorization_header);
    /// Resolves a bare token (WebSocket clients may pass it as ?token=).
    Result<Principal> identify_token(std::string_view token);

    /// Checks the password (argon2id) and opens a session. Rate limited per username and address.
    Result<api::LoginResponse> login(const api::LoginRequest& request,
                                     std::string_view remote_address);

    /// Seconds until a login of `username` from `remote_address` is allowed again (0: now).
    int login_retry_after(std::string_view username, std::string_view remote_address);

private:
    store::Store& store_;
    LoginThrottle throttle_;
    std::mutex mutex_;
    std::unordered_map<std::string, DevicePrincipal> devices_;  // digest -> device
    struct CachedSession {
        OfficerPrincipal officer;
        std::chrono::system_clock::time_point expires_at;
    };
    std::unordered_map<std::string, CachedSession> sessions_;  // digest -> session
};

}  // namespace motcua::auth
