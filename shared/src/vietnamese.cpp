#include "motcua/vietnamese.hpp"

#include <array>
#include <utility>

namespace motcua::vi {
namespace {

constexpr std::array<std::string_view, 10> kDigits{"không", "một", "hai", "ba",  "bốn",
                                                   "năm",   "sáu", "bảy", "tám", "chín"};

void append(std::string& out, std::string_view word) {
    if (!out.empty()) out += ' ';
    out += word;
}

// Reads 0..999. `full` means a higher group precedes it, so hundreds and tens are said in full
// ("không trăm", "linh"): 1005 is "một nghìn không trăm linh năm".
void read_group(std::string& out, int n, bool full) {
    const int hundreds = n / 100;
    const int tens = (n / 10) % 10;
    const int units = n % 10;
    if (hundreds > 0 || full) {
        append(out, kDigits[static_cast<std::size_t>(hundreds)]);
        append(out, "trăm");
    }
    if (tens == 0) {
        if (units == 0) return;
        if (hundreds > 0 || full) append(out, "linh");  // 105 "một trăm linh năm"
        append(out, kDigits[static_cast<std::size_t>(units)]);
        return;
    }
    if (tens == 1) {
        append(out, "mười");  // 10..19: "mười", and 15 is "mười lăm", 11 "mười một"
        if (units == 5)
            append(out, "lăm");
        else if (units > 0)
            append(out, kDigits[static_cast<std::size_t>(units)]);
        return;
    }
    append(out, kDigits[static_cast<std::size_t>(tens)]);
    append(out, "mươi");  // 20..99: "mươi" without the accent
    if (units == 1)
        append(out, "mốt");  // 21 "hai mươi mốt"
    else if (units == 4)
        append(out, "tư");  // 24 "hai mươi tư"
    else if (units == 5)
        append(out, "lăm");  // 25 "hai mươi lăm"
    else if (units > 0)
        append(out, kDigits[static_cast<std::size_t>(units)]);
}

}  // namespace

std::string read_number(std::int64_t n) {
    if (n < 0) return "âm " + read_number(-n);
    if (n == 0) return "không";
    constexpr std::int64_t kBillion = 1'000'000'000;
    std::string out;
    bool higher = false;  // a larger unit was said: smaller groups are read in full
    if (n >= kBillion) {
        append(out, read_number(n / kBillion));  // "một nghìn tỷ" reads the tỷ count as a number
        append(out, "tỷ");
        higher = true;
        n %= kBillion;
    }
    static constexpr std::array<std::pair<std::int64_t, std::string_view>, 2> kScales{
        {{1'000'000, "triệu"}, {1'000, "nghìn"}}};
    for (const auto& [scale, name] : kScales) {
        const int group = static_cast<int>(n / scale % 1000);
        if (group == 0) continue;
        read_group(out, group, higher);
        append(out, name);
        higher = true;
    }
    if (const int rest = static_cast<int>(n % 1000); rest > 0) read_group(out, rest, higher);
    return out;
}

std::string read_letter(std::string_view letter) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 28> kNames{
        {{"A", "a"},      {"B", "bê"},    {"C", "xê"},    {"D", "đê"}, {"Đ", "đê"}, {"E", "e"},
         {"F", "ép"},     {"G", "giê"},   {"H", "hát"},   {"I", "i"},  {"J", "gi"}, {"K", "ca"},
         {"L", "e-lờ"},   {"M", "em-mờ"}, {"N", "en-nờ"}, {"O", "o"},  {"P", "pê"}, {"Q", "quy"},
         {"R", "e-rờ"},   {"S", "ét-xì"}, {"T", "tê"},    {"U", "u"},  {"V", "vê"}, {"W", "vê kép"},
         {"X", "ích-xì"}, {"Y", "i dài"}, {"Z", "dét"},   {"Ư", "ư"}}};
    std::string upper(letter);
    if (upper.size() == 1 && upper[0] >= 'a' && upper[0] <= 'z')
        upper[0] = static_cast<char>(upper[0] - 'a' + 'A');
    if (upper == "đ") upper = "Đ";
    for (const auto& [l, name] : kNames)
        if (l == upper) return std::string(name);
    return std::string(letter);
}

std::string read_ticket_number(std::string_view number) {
    std::string out;
    std::size_t i = 0;
    while (i < number.size()) {
        const unsigned char c = static_cast<unsigned char>(number[i]);
        if (c >= '0' && c <= '9') {
            std::int64_t value = 0;
            std::size_t digits = 0;
            while (i < number.size() && number[i] >= '0' && number[i] <= '9' && digits < 15) {
                value = value * 10 + (number[i] - '0');
                ++i;
                ++digits;
            }
            append(out, read_number(value));
            continue;
        }
        // One UTF-8 character (a letter such as "Đ" is two bytes).
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
        len = std::min(len, number.size() - i);
        const auto ch = number.substr(i, len);
        i += len;
        if (ch == "-" || ch == " " || ch == ".") continue;
        append(out, read_letter(ch));
    }
    return out;
}

}  // namespace motcua::vi
