#include "kiosk/core/citizen/dossier_code.hpp"

#include <algorithm>

namespace motcua::kiosk {

namespace {

constexpr std::size_t kDateDigits = 6;
constexpr std::size_t kMinSeqDigits = 4;
constexpr std::size_t kMaxSeqDigits = 6;
constexpr int kMonths = 12;
constexpr int kMaxDay = 31;

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), is_digit);
}

int two_digits(std::string_view s, std::size_t at) {
    return (s[at] - '0') * 10 + (s[at + 1] - '0');
}

/// YYMMDD with a month and a day that exist on some calendar page (the service knows the rest).
bool plausible_date(std::string_view s) {
    if (s.size() != kDateDigits || !all_digits(s)) return false;
    const int month = two_digits(s, 2);
    const int day = two_digits(s, 4);
    return month >= 1 && month <= kMonths && day >= 1 && day <= kMaxDay;
}

/// Digits, capitals and dots; neither empty nor starting or ending with a dot.
bool plausible_unit(std::string_view s) {
    if (s.empty() || s.front() == '.' || s.back() == '.') return false;
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return is_digit(c) || (c >= 'A' && c <= 'Z') || c == '.'; });
}

}  // namespace

char dossier_code_char(char c) {
    if (is_digit(c) || (c >= 'A' && c <= 'Z') || c == '.' || c == '-') return c;
    if (c >= 'a' && c <= 'z') return static_cast<char>(c - 'a' + 'A');
    return 0;
}

bool is_dossier_code(std::string_view text) {
    if (text.size() > kMaxDossierCodeLength) return false;
    const std::size_t last = text.rfind('-');
    if (last == std::string_view::npos || last == 0) return false;
    const std::size_t middle = text.rfind('-', last - 1);
    if (middle == std::string_view::npos) return false;
    const std::string_view seq = text.substr(last + 1);
    return plausible_unit(text.substr(0, middle)) &&
           plausible_date(text.substr(middle + 1, last - middle - 1)) && all_digits(seq) &&
           seq.size() >= kMinSeqDigits && seq.size() <= kMaxSeqDigits;
}

std::optional<std::string> find_dossier_code(std::string_view scanned) {
    std::optional<std::string> found;
    std::string token;
    // Every run of code characters is a candidate: a link's '/', '=' and ':' end them.
    const auto consider = [&] {
        if (is_dossier_code(token)) found = token;
        token.clear();
    };
    for (const char c : scanned) {
        const char k = dossier_code_char(c);
        if (k == 0) {
            consider();
            continue;
        }
        token.push_back(k);
    }
    consider();
    return found;
}

}  // namespace motcua::kiosk
