#include "kiosk/core/shell/officer_login.hpp"

#include <chrono>

#include "kiosk/core/shell/ward_api.hpp"

namespace motcua::kiosk {

namespace {

/// A login is one password hash (argon2id): well under a second, but more than an action.
constexpr std::chrono::milliseconds kLoginTimeout{5000};

}  // namespace

LoginProblem login_problem_of(const Error& error, bool at_login) {
    if (is_transport_error(error)) return LoginProblem::unreachable;
    switch (error.code) {
        case ErrorCode::bad_credentials:
            return LoginProblem::bad_credentials;
        case ErrorCode::too_many_attempts:
            return LoginProblem::login_locked;
        // Sessions end on the real clock: every request after that is 401.
        case ErrorCode::unauthorized:
        case ErrorCode::session_expired:
            return at_login ? LoginProblem::bad_credentials : LoginProblem::session_expired;
        case ErrorCode::forbidden:
            return LoginProblem::forbidden;
        default:
            return LoginProblem::none;
    }
}

std::optional<LoginJob> OfficerLogin::begin(std::string username, std::string password) {
    if (pending() || logged_in() || username.empty()) return std::nullopt;
    pending_ = next_id_++;
    return LoginJob{pending_, api::LoginRequest{std::move(username), std::move(password)}};
}

std::optional<Status> OfficerLogin::on_answer(std::uint64_t id,
                                              const Result<api::LoginResponse>& answer) {
    if (id == 0 || id != pending_) return std::nullopt;
    pending_ = 0;
    if (!answer) return Status(answer.error());
    officer_ = *answer;
    return Status(Ok{});
}

LoginProblem OfficerLogin::on_failure(const Error& error) {
    const LoginProblem p = login_problem_of(error, false);
    if (p == LoginProblem::session_expired) log_out();
    return p;
}

void OfficerLogin::log_out() {
    officer_.reset();
    pending_ = 0;
}

boost::asio::awaitable<Result<api::LoginResponse>> officer_login(HttpClient& http,
                                                                 api::LoginRequest request) {
    HttpRequest req;
    req.method = HttpMethod::post;
    req.target = api_target("/auth/login");
    req.body = api::to_json(request);
    req.timeout = kLoginTimeout;
    auto res = co_await http.request(std::move(req));
    if (!res) co_return res.error();
    if (!res->success()) co_return error_of(*res);
    co_return api::decode_body<api::LoginResponse>(res->body);
}

}  // namespace motcua::kiosk
