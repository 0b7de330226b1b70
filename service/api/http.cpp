#include "api/http.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <boost/url/parse.hpp>
#include <cctype>
#include <string_view>

#include "motcua/api.hpp"

namespace motcua::api {

int status_for(const Error& e) {
    return http_status(e.code);
}

bool is_json_media(std::string_view content_type) {
    const auto semi = content_type.find(';');
    auto media = content_type.substr(0, semi);
    while (!media.empty() && media.back() == ' ') media.remove_suffix(1);
    if (media.size() != 16) return false;
    std::string lower(media);
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower == "application/json";
}

Reply json_reply(int status, const boost::json::value& body) {
    return Reply{status, boost::json::serialize(body), "application/json", {}};
}

Reply page_reply(int status, std::string body, std::string_view script_hashes) {
    Reply reply{status, std::move(body), "text/html; charset=utf-8", {}};
    std::string policy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    if (!script_hashes.empty())
        policy += fmt::format("; script-src 'unsafe-hashes' {}", script_hashes);
    reply.headers.emplace_back("Content-Security-Policy", std::move(policy));
    reply.headers.emplace_back("Referrer-Policy", "no-referrer");
    reply.headers.emplace_back("X-Content-Type-Options", "nosniff");
    reply.headers.emplace_back("Cache-Control", "no-store");
    return reply;
}

Reply error_reply(const Error& e) {
    return json_reply(status_for(e), to_json(e));
}

Reply error_reply(ErrorCode code, std::string message) {
    return error_reply(Error{code, std::move(message)});
}

bool split_target(std::string_view target, std::string& path,
                  std::map<std::string, std::string>& query) {
    auto url = boost::urls::parse_origin_form(target);
    if (!url) return false;
    path = std::string(url->encoded_path());
    for (auto param : url->params()) query[std::string(param.key)] = std::string(param.value);
    return true;
}

}  // namespace motcua::api
