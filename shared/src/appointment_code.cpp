#include "motcua/appointment_code.hpp"

#include <cctype>

namespace motcua {

char appointment_code_char(char c) {
    const char up = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return kAppointmentCodeAlphabet.find(up) == std::string_view::npos ? char{0} : up;
}

std::optional<std::string> normalize_appointment_code(std::string_view text) {
    // A scanned QR code of the booking page: the code is the link's last segment.
    if (const auto slash = text.find_last_of('/'); slash != std::string_view::npos)
        text = text.substr(slash + 1);
    std::string code;
    for (const char c : text) {
        if (c == ' ' || c == '-') continue;
        const char kept = appointment_code_char(c);
        if (kept == 0) return std::nullopt;
        code.push_back(kept);
    }
    if (code.size() != kAppointmentCodeLength) return std::nullopt;
    return code;
}

}  // namespace motcua
