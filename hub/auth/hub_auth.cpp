#include "auth/hub_auth.hpp"

#include <fmt/format.h>

#include <pqxx/pqxx>

#include "auth/crypto.hpp"
#include "motcua/clock.hpp"

namespace motcua::hub {
namespace {

/// The hub's time (sessions expire on the real clock, as the ward's do).
std::int64_t now_ms() {
    return to_epoch_ms(SystemClock{}.now());
}

}  // namespace

Result<HubPrincipal> HubAuth::identify(pqxx::connection& c, std::string_view authorization) {
    if (authorization.empty()) return HubPrincipal{};
    constexpr std::string_view kBearer = "Bearer ";
    if (authorization.substr(0, kBearer.size()) != kBearer ||
        authorization.size() == kBearer.size())
        return make_error(ErrorCode::unauthorized, "use 'Authorization: Bearer TOKEN'");
    const std::string digest = auth::token_digest(authorization.substr(kBearer.size()));
    pqxx::read_transaction w(c);
    if (auto ward = w.exec_params("SELECT code FROM wards WHERE token_hash = $1", digest);
        !ward.empty())
        return HubPrincipal{WardPrincipal{ward[0][0].as<std::string>()}};
    auto user = w.exec_params(
        "SELECT u.username, u.name, u.role, u.ward, s.expires_ms FROM sessions s JOIN users u "
        "USING (username) "
        "WHERE s.token_hash = $1",
        digest);
    if (user.empty()) return make_error(ErrorCode::unauthorized, "unknown token; log in again");
    if (user[0][4].as<std::int64_t>() <= now_ms())
        return make_error(ErrorCode::session_expired, "the session has expired; log in again");
    UserPrincipal u;
    u.username = user[0][0].as<std::string>();
    u.name = user[0][1].as<std::string>();
    u.role =
        parse_enum<OfficerRole>(user[0][2].as<std::string>()).value_or(OfficerRole::ward_viewer);
    if (!user[0][3].is_null()) u.ward = user[0][3].as<std::string>();
    return HubPrincipal{std::move(u)};
}

Result<api::LoginResponse> HubAuth::login(pqxx::connection& c, const api::LoginRequest& request,
                                          const std::string& remote) {
    if (throttle_.retry_after_s(request.username, remote) > 0)
        return make_error(ErrorCode::too_many_attempts,
                          "too many failed logins; wait five minutes");
    pqxx::work w(c);
    auto r = w.exec_params("SELECT name, role, ward, password_hash FROM users WHERE username = $1",
                           request.username);
    const std::string hash = r.empty() ? std::string() : r[0][3].as<std::string>();
    if (!auth::verify_user_password(r.empty() ? nullptr : &hash, request.password)) {
        throttle_.note_failure(request.username, remote);
        return make_error(ErrorCode::bad_credentials, "wrong username or password");
    }
    throttle_.note_success(request.username);
    const std::string token = auth::new_token();
    const TimePoint expires = SystemClock{}.now() + kHubSessionLifetime;
    w.exec_params("INSERT INTO sessions (token_hash, username, expires_ms) VALUES ($1, $2, $3)",
                  auth::token_digest(token), request.username, to_epoch_ms(expires));
    w.exec_params("DELETE FROM sessions WHERE expires_ms < $1", now_ms());
    w.commit();
    api::OfficerInfo officer{
        request.username, r[0][0].as<std::string>(),
        parse_enum<OfficerRole>(r[0][1].as<std::string>()).value_or(OfficerRole::ward_viewer),
        r[0][2].is_null() ? std::nullopt : std::optional<std::string>(r[0][2].as<std::string>())};
    return api::LoginResponse{token, expires, std::move(officer)};
}

Result<std::string> add_ward(pqxx::connection& c, const std::string& code,
                             const std::string& name) {
    pqxx::work w(c);
    if (!w.exec_params("SELECT 1 FROM wards WHERE code = $1", code).empty())
        return make_error(ErrorCode::ward_exists, fmt::format("ward {} already exists", code));
    const std::string token = auth::new_token();
    w.exec_params("INSERT INTO wards (code, name, token_hash, created_ms) VALUES ($1, $2, $3, $4)",
                  code, name, auth::token_digest(token), now_ms());
    w.commit();
    return token;
}

Status add_user(pqxx::connection& c, const std::string& username, const std::string& name,
                OfficerRole role, const std::optional<std::string>& ward,
                const std::string& password) {
    auto hash = auth::hash_password(password);
    if (!hash) return hash.error();
    pqxx::work w(c);
    if (!w.exec_params("SELECT 1 FROM users WHERE username = $1", username).empty())
        return make_error(ErrorCode::user_exists,
                          fmt::format("user '{}' already exists", username));
    if (ward && w.exec_params("SELECT 1 FROM wards WHERE code = $1", *ward).empty())
        return make_error(ErrorCode::unknown_ward,
                          fmt::format("no ward {}; add it first with 'ward add'", *ward));
    w.exec(
        fmt::format("INSERT INTO users (username, name, role, ward, password_hash, created_ms) "
                    "VALUES ({}, {}, {}, {}, {}, {})",
                    w.quote(username), w.quote(name), w.quote(std::string(to_string(role))),
                    ward ? w.quote(*ward) : "NULL", w.quote(*hash), now_ms()));
    w.commit();
    return Ok{};
}

}  // namespace motcua::hub
