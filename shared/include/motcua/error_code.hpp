#pragma once
/// The project's error codes as one enum, generated from motcua/error_codes.def together with
/// each code's wire name and HTTP status: routes answer from this table, clients decode into it,
/// and a code that is not in it cannot be written.
#include <array>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string_view>

namespace motcua {

enum class ErrorCode : std::uint8_t {
#define MOTCUA_ERROR_CODE(name, status) name,
#include "motcua/error_codes.def"
#undef MOTCUA_ERROR_CODE
};

struct ErrorCodeInfo {
    ErrorCode code;
    std::string_view wire_name;
    int http_status;
};

inline constexpr std::array kErrorCodes{
#define MOTCUA_ERROR_CODE(name, status) ErrorCodeInfo{ErrorCode::name, #name, status},
#include "motcua/error_codes.def"
#undef MOTCUA_ERROR_CODE
};

/// The string that goes on the wire, e.g. "unknown_ticket".
constexpr std::string_view wire_name(ErrorCode c) {
    return kErrorCodes[static_cast<std::size_t>(c)].wire_name;
}

/// The status a route answers with.
constexpr int http_status(ErrorCode c) {
    return kErrorCodes[static_cast<std::size_t>(c)].http_status;
}

/// The code a wire name stands for; nullopt for a name this build does not know (an answer from
/// a newer service, or not ours at all).
std::optional<ErrorCode> error_code_from_wire(std::string_view name);

/// Tests and logs print the wire name.
std::ostream& operator<<(std::ostream& out, ErrorCode c);

}  // namespace motcua
