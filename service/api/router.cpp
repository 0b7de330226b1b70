#include "api/router.hpp"

namespace motcua::api {

std::vector<std::string_view> split_path(std::string_view path) {
    std::vector<std::string_view> parts;
    std::size_t pos = 0;
    while (pos < path.size()) {
        if (path[pos] == '/') {
            ++pos;
            continue;
        }
        const auto end = path.find('/', pos);
        parts.push_back(
            path.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos));
        if (end == std::string_view::npos) break;
        pos = end;
    }
    return parts;
}

PathPattern::PathPattern(std::string_view pattern) : text_(pattern) {
    for (auto part : split_path(pattern)) {
        const bool param = part.size() >= 2 && part.front() == '{' && part.back() == '}';
        segments_.emplace_back(param ? "{}" : std::string(part));
    }
}

bool PathPattern::match(const std::vector<std::string_view>& parts,
                        std::vector<std::string>& params) const {
    if (parts.size() != segments_.size()) return false;
    const std::size_t before = params.size();
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (segments_[i] == "{}") {
            params.emplace_back(parts[i]);
        } else if (segments_[i] != parts[i]) {
            params.resize(before);
            return false;
        }
    }
    return true;
}

Reply method_not_allowed(std::string_view allowed) {
    Reply r =
        error_reply(ErrorCode::method_not_allowed, fmt::format("use {} on this route", allowed));
    r.headers.emplace_back("Allow", std::string(allowed));
    return r;
}

}  // namespace motcua::api
