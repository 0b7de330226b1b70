#pragma once
/// Transport-neutral request and reply: the API layer never sees a socket.
#include <boost/json/value.hpp>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "motcua/api.hpp"
#include "motcua/result.hpp"

namespace motcua::api {

struct Request {
    std::string method;  // "GET", "POST", ...
    std::string path;    // without the query
    std::map<std::string, std::string> query;
    std::string authorization;
    std::string content_type;
    std::string body;
    std::string remote;  // peer address, for rate limits
};

struct Reply {
    int status = 200;
    std::string body;
    std::string content_type = "application/json";
    std::vector<std::pair<std::string, std::string>> headers;
};

/// Completion of a request; may be called from any thread, exactly once.
using Respond = std::function<void(Reply)>;

/// HTTP status for an error: its code's, from motcua/error_codes.def (DESIGN.md §4).
int status_for(const Error& e);
Reply json_reply(int status, const boost::json::value& body);
/// True for "application/json", any case, with or without parameters (charset).
bool is_json_media(std::string_view content_type);

/// The body of a POST as message T: 415 `unsupported_media_type` unless it is JSON.
template <typename T>
Result<T> body_of(const Request& r) {
    if (!is_json_media(r.content_type))
        return make_error(ErrorCode::unsupported_media_type, "send the body as application/json");
    return decode_body<T>(r.body);
}
/// An HTML page (the phone page, the booking page): not cached, and with the headers that keep
/// it to itself: Content-Security-Policy (nothing but its own inline style, forms to itself, no
/// framing; scripts only those whose CSP hashes, "'sha256-…'", are given), Referrer-Policy
/// no-referrer (its address holds a ticket id or a booking code), nosniff.
Reply page_reply(int status, std::string body, std::string_view script_hashes = {});
Reply error_reply(const Error& e);
/// {"error":{"code","message"}} with the code's status.
Reply error_reply(ErrorCode code, std::string message);

/// Splits "/a/b?x=1&y=%20" into path and decoded query parameters; false on bad escapes.
bool split_target(std::string_view target, std::string& path,
                  std::map<std::string, std::string>& query);

}  // namespace motcua::api
