#pragma once
/// An officer's login and the session it opens, one flow for the counter console and the reports
/// dashboard (UI thread, no ImGui): one login out at a time, its answer matched by id, the
/// session kept until the officer logs out or the service says it has expired; and the words
/// for what went wrong, which both screens say alike.
#include <boost/asio/awaitable.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "kiosk/core/shell/http_client.hpp"
#include "motcua/api.hpp"

namespace motcua::kiosk {

/// POST /auth/login, to be sent by the client thread.
struct LoginJob {
    std::uint64_t id = 0;
    api::LoginRequest request;
};

/// What went wrong with a login or a session. The console's and the dashboard's messages name
/// these alike (login_message).
enum class LoginProblem {
    none,             // not a login or session problem: the screen words it itself
    unreachable,      // no answer (network, service down, timeout)
    bad_credentials,  // 401 at login
    login_locked,     // 429: too many attempts
    session_expired,  // 401 after login: log in again
    forbidden,        // 403: this account may not
};

/// `at_login`: a 401 to the login itself is a refused password; to anything later, an expired
/// session.
[[nodiscard]] LoginProblem login_problem_of(const Error& error, bool at_login);

/// The screen's own message for a login problem; `Message` names the five problems alike.
template <typename Message>
[[nodiscard]] constexpr Message login_message(LoginProblem p) {
    switch (p) {
        case LoginProblem::none:
            return Message::none;
        case LoginProblem::unreachable:
            return Message::unreachable;
        case LoginProblem::bad_credentials:
            return Message::bad_credentials;
        case LoginProblem::login_locked:
            return Message::login_locked;
        case LoginProblem::session_expired:
            return Message::session_expired;
        case LoginProblem::forbidden:
            return Message::forbidden;
    }
    return Message::none;
}

class OfficerLogin {
public:
    [[nodiscard]] const std::optional<api::LoginResponse>& officer() const { return officer_; }
    [[nodiscard]] bool logged_in() const { return officer_.has_value(); }
    /// A login is out: the form waits.
    [[nodiscard]] bool pending() const { return pending_ != 0; }

    /// A login for the typed fields; nothing while one is out, once logged in, or without a
    /// username.
    std::optional<LoginJob> begin(std::string username, std::string password);

    /// The answer to login `id`: nullopt when it is not the one out (logged out since, or a
    /// stale id); otherwise Ok with the officer logged in, or the refusal (which the screen words
    /// with login_problem_of(error, true) and its own messages).
    std::optional<Status> on_answer(std::uint64_t id, const Result<api::LoginResponse>& answer);

    /// A later request failed: the login problem it shows (none for any other refusal). An
    /// expired session logs the officer out.
    LoginProblem on_failure(const Error& error);

    /// Forgets the officer and any login out (its answer is then ignored).
    void log_out();

private:
    std::optional<api::LoginResponse> officer_;
    std::uint64_t pending_ = 0;
    std::uint64_t next_id_ = 1;
};

/// POST /auth/login on the client thread: the officer's session (role, token, expiry).
boost::asio::awaitable<Result<api::LoginResponse>> officer_login(HttpClient& http,
                                                                 api::LoginRequest request);

}  // namespace motcua::kiosk
