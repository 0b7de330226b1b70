#include "motcua/error_code.hpp"

#include <ostream>

namespace motcua {

static_assert(
    [] {
        for (std::size_t i = 0; i < kErrorCodes.size(); ++i)
            if (static_cast<std::size_t>(kErrorCodes[i].code) != i) return false;
        return true;
    }(),
    "kErrorCodes is indexed by ErrorCode");

std::optional<ErrorCode> error_code_from_wire(std::string_view name) {
    for (const auto& info : kErrorCodes)
        if (info.wire_name == name) return info.code;
    return std::nullopt;
}

std::ostream& operator<<(std::ostream& out, ErrorCode c) {
    return out << wire_name(c);
}

}  // namespace motcua
