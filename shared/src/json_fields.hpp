#pragma once
// Internal to motcua_shared: typed access to JSON objects for the codecs (API messages, reports,
// the hub's batches). Every problem names its field; decoders throw DecodeError inside and
// `guarded` turns it into an Error.
#include <fmt/format.h>

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "motcua/enum_names.hpp"
#include "motcua/office_time.hpp"
#include "motcua/result.hpp"

namespace motcua::json_fields {

namespace json = boost::json;

// Thrown inside decoders only; decode<T> turns it into an Error.
struct DecodeError {
    ErrorCode code;
    std::string message;
};

[[noreturn]] inline void fail_field(std::string_view key, std::string_view problem) {
    throw DecodeError{ErrorCode::invalid_field, fmt::format("field '{}' {}", key, problem)};
}

inline std::string_view kind_of(const json::value& v) {
    switch (v.kind()) {
        case json::kind::null:
            return "null";
        case json::kind::bool_:
            return "a boolean";
        case json::kind::int64:
        case json::kind::uint64:
            return "an integer";
        case json::kind::double_:
            return "a number";
        case json::kind::string:
            return "a string";
        case json::kind::array:
            return "an array";
        case json::kind::object:
            return "an object";
    }
    return "?";
}

// Typed access to the fields of one JSON object; every problem names the field.
class Fields {
public:
    Fields(const json::value& v, std::string_view what) {
        if (!v.is_object())
            throw DecodeError{ErrorCode::invalid_body,
                              fmt::format("{} must be a JSON object, got {}", what, kind_of(v))};
        obj_ = &v.get_object();
    }

    [[nodiscard]] const json::value* find(std::string_view key) const {
        const auto* v = obj_->if_contains(key);
        return (v == nullptr || v->is_null()) ? nullptr : v;
    }

    const json::value& need(std::string_view key) const {
        const auto* v = find(key);
        if (v == nullptr)
            throw DecodeError{ErrorCode::missing_field, fmt::format("field '{}' is required", key)};
        return *v;
    }

    std::string str(std::string_view key, bool allow_empty = false) const {
        const auto& v = need(key);
        if (!v.is_string()) fail_field(key, fmt::format("must be a string, got {}", kind_of(v)));
        if (!allow_empty && v.get_string().empty()) fail_field(key, "must not be empty");
        // A NUL byte is no text a person typed, and PostgreSQL cannot store it.
        if (v.get_string().find('\0') != json::string::npos)
            fail_field(key, "must not contain a NUL character");
        return std::string(v.get_string());
    }

    std::optional<std::string> opt_str(std::string_view key) const {
        if (find(key) == nullptr) return std::nullopt;
        return str(key, true);
    }

    std::int64_t integer(std::string_view key, std::int64_t min, std::int64_t max) const {
        const auto& v = need(key);
        std::int64_t n = 0;
        if (v.is_int64())
            n = v.get_int64();
        else if (v.is_uint64() && v.get_uint64() <= static_cast<std::uint64_t>(max))
            n = static_cast<std::int64_t>(v.get_uint64());
        else if (v.is_uint64())
            fail_field(key, fmt::format("is out of range {}..{}", min, max));
        else
            fail_field(key, fmt::format("must be an integer, got {}", kind_of(v)));
        if (n < min || n > max)
            fail_field(key, fmt::format("is {}, out of range {}..{}", n, min, max));
        return n;
    }

    std::optional<std::int64_t> opt_integer(std::string_view key, std::int64_t min,
                                            std::int64_t max) const {
        if (find(key) == nullptr) return std::nullopt;
        return integer(key, min, max);
    }

    bool boolean(std::string_view key, bool fallback) const {
        const auto* v = find(key);
        if (v == nullptr) return fallback;
        if (!v->is_bool())
            fail_field(key, fmt::format("must be true or false, got {}", kind_of(*v)));
        return v->get_bool();
    }

    TimePoint time(std::string_view key) const {
        auto t = parse_rfc3339(str(key));
        if (!t) fail_field(key, t.error().message);
        return *t;
    }

    std::optional<TimePoint> opt_time(std::string_view key) const {
        if (find(key) == nullptr) return std::nullopt;
        return time(key);
    }

    Day day(std::string_view key) const {
        auto d = parse_day(str(key));
        if (!d) fail_field(key, d.error().message);
        return *d;
    }

    int hhmm(std::string_view key) const {
        auto m = parse_hhmm(str(key));
        if (!m) fail_field(key, m.error().message);
        return *m;
    }

    template <typename E>
    E enumeration(std::string_view key) const {
        const auto text = str(key);
        auto e = parse_enum<E>(text);
        if (!e)
            fail_field(key, fmt::format("is '{}'; expected one of: {}", text, enum_choices<E>()));
        return *e;
    }

    template <typename E>
    std::optional<E> opt_enumeration(std::string_view key) const {
        if (find(key) == nullptr) return std::nullopt;
        return enumeration<E>(key);
    }

    const json::array& array(std::string_view key) const {
        const auto& v = need(key);
        if (!v.is_array()) fail_field(key, fmt::format("must be an array, got {}", kind_of(v)));
        return v.get_array();
    }

    std::vector<std::string> strings(std::string_view key) const {
        std::vector<std::string> out;
        if (find(key) == nullptr) return out;
        for (const auto& item : array(key)) {
            if (!item.is_string())
                fail_field(key, fmt::format("must hold strings, got {}", kind_of(item)));
            out.emplace_back(item.get_string());
        }
        return out;
    }

    const json::object& object() const { return *obj_; }

private:
    const json::object* obj_ = nullptr;
};

inline void put_opt(json::object& o, std::string_view key, const std::optional<std::string>& v) {
    if (v) o[key] = *v;
}

inline json::value time_or_null(const std::optional<TimePoint>& t, const OfficeZone& zone) {
    if (!t) return nullptr;
    return json::value(zone.format_rfc3339(*t));
}

template <typename T, typename F>
Result<T> guarded(F&& f) {
    try {
        return f();
    } catch (const DecodeError& e) {
        return make_error(e.code, e.message);
    }
}

}  // namespace motcua::json_fields
