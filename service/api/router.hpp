#pragma once
/// Routes as data: one table per program of {method, path pattern, who may call, handler}. The
/// dispatcher, the metrics label, the OpenAPI check and the role-matrix test all read the table,
/// so a route cannot skip its role check (DESIGN.md §2).
#include <fmt/format.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "api/http.hpp"
#include "motcua/result.hpp"

namespace motcua::api {

/// Path segments of "/a/b/c" ("a", "b", "c"); empty segments are dropped.
std::vector<std::string_view> split_path(std::string_view path);

/// A pattern such as "/api/v1/counters/{n}/call-next": literal segments and `{name}` parameters,
/// each parameter one whole segment.
class PathPattern {
public:
    explicit PathPattern(std::string_view pattern);
    /// True when `parts` match; the parameters' values go to `params` in order.
    bool match(const std::vector<std::string_view>& parts, std::vector<std::string>& params) const;
    [[nodiscard]] const std::string& text() const { return text_; }

private:
    std::string text_;
    std::vector<std::string> segments_;  // "{}" marks a parameter
};

Reply method_not_allowed(std::string_view allowed);

/// A program's routes. `Principal` is who a token names (anonymous included); `Access` is the
/// program's list of who-may-call classes, checked by `Allows(access, principal)` which returns
/// Ok or the 401/403 error.
template <typename Principal, typename Access>
class Router {
public:
    struct Call {
        const Request& request;
        const std::vector<std::string>& params;  // the pattern's {parameters}, in order
        const Principal& who;
        const Respond& respond;
    };
    using Handler = std::function<void(const Call&)>;
    struct Route {
        std::string method;
        PathPattern pattern;
        Access access;
        Handler handler;
    };
    using Identify = std::function<Result<Principal>(const Request&)>;
    using Allows = std::function<Status(Access, const Principal&)>;

    Router(Identify identify, Allows allows)
        : identify_(std::move(identify)), allows_(std::move(allows)) {}

    /// Adds a row. A pattern and method given twice is a programmer error.
    void add(std::string_view method, std::string_view pattern, Access access, Handler handler) {
        for (const auto& r : routes_)
            if (r.method == method && r.pattern.text() == pattern)
                throw std::logic_error(fmt::format("route {} {} declared twice", method, pattern));
        routes_.push_back(
            Route{std::string(method), PathPattern(pattern), access, std::move(handler)});
    }

    /// 404 when no pattern matches the path, 405 (with Allow) when none has the method, then the
    /// caller's identity and the row's access rule (401/403), then the handler.
    void dispatch(const Request& r, const Respond& respond) const {
        const auto parts = split_path(r.path);
        std::vector<std::string> params;
        std::string allowed;
        for (const auto& route : routes_) {
            params.clear();
            if (!route.pattern.match(parts, params)) continue;
            if (route.method != r.method) {
                if (allowed.find(route.method) == std::string::npos)
                    allowed += (allowed.empty() ? "" : ", ") + route.method;
                continue;
            }
            // A token that names nobody is refused on every route, open ones included: the
            // caller learns at once that it must log in again.
            auto who = identify_(r);
            if (!who) return respond(error_reply(who.error()));
            if (auto ok = allows_(route.access, *who); !ok) return respond(error_reply(ok.error()));
            return route.handler(Call{r, params, *who, respond});
        }
        if (!allowed.empty()) return respond(method_not_allowed(allowed));
        respond(error_reply(ErrorCode::not_found, "no such route"));
    }

    /// The row serving `method path`, or nullptr.
    [[nodiscard]] const Route* find(std::string_view method, std::string_view path) const {
        const auto parts = split_path(path);
        std::vector<std::string> params;
        for (const auto& route : routes_)
            if (route.method == method && route.pattern.match(parts, params)) return &route;
        return nullptr;
    }

    /// The metrics label of a request: its pattern (a bounded set), or "other".
    [[nodiscard]] std::string label(std::string_view method, std::string_view path) const {
        const Route* route = find(method, path);
        return route != nullptr ? route->pattern.text() : "other";
    }

    /// Whether `who` may use the row serving `method path` (used for the WebSocket upgrade).
    [[nodiscard]] Status check(std::string_view method, std::string_view path,
                               const Principal& who) const {
        const Route* route = find(method, path);
        if (route == nullptr) return make_error(ErrorCode::not_found, "no such route");
        return allows_(route->access, who);
    }

    [[nodiscard]] const std::vector<Route>& routes() const { return routes_; }
    [[nodiscard]] const Allows& allows() const { return allows_; }
    [[nodiscard]] Result<Principal> identify(const Request& r) const { return identify_(r); }

private:
    Identify identify_;
    Allows allows_;
    std::vector<Route> routes_;
};

}  // namespace motcua::api
