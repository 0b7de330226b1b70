#pragma once
/// Who calls the hub: a ward (its token, from `motcua-hub ward add`) or a province officer
/// (a session from login). Everything lives in PostgreSQL, so any hub process can answer.
#include <chrono>
#include <pqxx/connection>
#include <string>
#include <string_view>
#include <variant>

#include "auth/login_throttle.hpp"
#include "motcua/api.hpp"
#include "motcua/result.hpp"

namespace motcua::hub {

struct WardPrincipal {
    std::string code;  // unit code
};
struct UserPrincipal {
    std::string username;
    std::string name;
    OfficerRole role = OfficerRole::province;  // province or ward_viewer
    std::string ward;                          // ward_viewer: the one ward it sees
};
using HubPrincipal = std::variant<std::monostate, WardPrincipal, UserPrincipal>;

/// Province officers' sessions last a working day (real clock).
inline constexpr std::chrono::hours kHubSessionLifetime{12};

class HubAuth {
public:
    /// "Bearer TOKEN" -> ward or user; no header: anonymous; unknown or expired token: 401.
    Result<HubPrincipal> identify(pqxx::connection& c, std::string_view authorization);
    /// Checks the password (argon2id) and opens a session; failures are rate limited per
    /// username and per address (429).
    Result<api::LoginResponse> login(pqxx::connection& c, const api::LoginRequest& request,
                                     const std::string& remote);

    /// Seconds until a login of `username` from `remote` is allowed again (0: now).
    int login_retry_after(std::string_view username, std::string_view remote) {
        return throttle_.retry_after_s(username, remote);
    }

private:
    auth::LoginThrottle throttle_;  // this process's count: see docs/hub.md
};

/// Adds a ward and returns its token (shown once; only its digest is kept).
Result<std::string> add_ward(pqxx::connection& c, const std::string& code, const std::string& name);
Status add_user(pqxx::connection& c, const std::string& username, const std::string& name,
                OfficerRole role, const std::optional<std::string>& ward,
                const std::string& password);

}  // namespace motcua::hub
