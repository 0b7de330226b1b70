#include "kiosk/print/slip_text.hpp"

#include <cctype>
#include <cstdint>

namespace motcua::kiosk::print {

namespace {

constexpr char kReplacement = '?';
constexpr char32_t kCombiningFirst = 0x0300;
constexpr char32_t kCombiningLast = 0x036F;
constexpr unsigned char kDelete = 0x7F;
constexpr unsigned char kFirstPrintable = 0x20;
// Halvings of the width when balancing: 12 get within 1/4096 of the paper, far below a dot.
constexpr int kBalanceSteps = 12;

// Decodes one UTF-8 sequence at pos. Returns its length (0 when invalid) and the code point.
// Overlong forms, surrogates and values above U+10FFFF are invalid, as the standard says.
std::size_t decode(std::string_view text, std::size_t pos, char32_t& cp) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    std::size_t len = 0;
    char32_t min = 0;
    if (lead < 0x80) {
        cp = lead;
        return 1;
    } else if ((lead & 0xE0) == 0xC0) {
        len = 2, cp = lead & 0x1F, min = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        len = 3, cp = lead & 0x0F, min = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        len = 4, cp = lead & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (pos + len > text.size()) return 0;
    for (std::size_t i = 1; i < len; ++i) {
        const auto c = static_cast<unsigned char>(text[pos + i]);
        if ((c & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (c & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

bool is_combining(std::string_view text, std::size_t pos) {
    char32_t cp = 0;
    return pos < text.size() && decode(text, pos, cp) != 0 && cp >= kCombiningFirst &&
           cp <= kCombiningLast;
}

}  // namespace

std::string sanitize_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        char32_t cp = 0;
        const std::size_t len = decode(text, pos, cp);
        if (len == 0) {
            out += kReplacement;
            ++pos;
            continue;
        }
        // Tabs and other controls have no glyph in the font; a tab reads best as a space.
        if (cp == '\t')
            out += ' ';
        else if (cp == '\n' || (cp >= kFirstPrintable && cp != kDelete))
            out.append(text.substr(pos, len));
        pos += len;
    }
    return out;
}

std::size_t character_length(std::string_view text, std::size_t pos) {
    char32_t cp = 0;
    std::size_t len = decode(text, pos, cp);
    if (len == 0) len = 1;  // invalid bytes travel alone; sanitize_utf8 replaces them anyway
    while (is_combining(text, pos + len)) {
        char32_t mark = 0;
        len += decode(text, pos + len, mark);
    }
    return len;
}

std::vector<std::string> wrap_text(std::string_view text, double max_width,
                                   const MeasureText& measure) {
    std::vector<std::string> lines;
    // Hard line breaks first; each paragraph wraps on its own.
    for (std::size_t start = 0; start <= text.size();) {
        const std::size_t nl = text.find('\n', start);
        const std::string_view para =
            text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
        std::string line;
        std::size_t pos = 0;
        while (pos < para.size()) {
            if (para[pos] == ' ') {
                ++pos;
                continue;
            }
            std::size_t end = para.find(' ', pos);
            if (end == std::string_view::npos) end = para.size();
            const std::string_view word = para.substr(pos, end - pos);
            pos = end;
            const std::string candidate =
                line.empty() ? std::string(word) : line + " " + std::string(word);
            if (measure(candidate) <= max_width) {
                line = candidate;
                continue;
            }
            // "Quận 1", "Quầy 3", "khoảng 12": a number reads with the word before it, so it
            // takes that word down to the new line when the two fit there together.
            if (const std::size_t space = line.rfind(' ');
                space != std::string::npos &&
                std::isdigit(static_cast<unsigned char>(word.front()))) {
                std::string carried = line.substr(space + 1) + " " + std::string(word);
                if (measure(carried) <= max_width) {
                    lines.push_back(line.substr(0, space));
                    line = std::move(carried);
                    continue;
                }
            }
            if (!line.empty()) lines.push_back(std::move(line));
            line.clear();
            if (measure(word) <= max_width) {
                line = std::string(word);
                continue;
            }
            // A word wider than the paper (a long code or URL): cut between characters, always
            // keeping at least one character per line so the loop advances.
            for (std::size_t i = 0; i < word.size();) {
                const std::size_t len = character_length(word, i);
                const std::string_view ch = word.substr(i, len);
                if (!line.empty() && measure(line + std::string(ch)) > max_width) {
                    lines.push_back(std::move(line));
                    line.clear();
                }
                line.append(ch);
                i += len;
            }
        }
        if (!line.empty()) lines.push_back(std::move(line));
        if (nl == std::string_view::npos) break;
        start = nl + 1;
    }
    return lines;
}

std::vector<std::string> wrap_balanced(std::string_view text, double max_width,
                                       const MeasureText& measure) {
    std::vector<std::string> lines = wrap_text(text, max_width, measure);
    if (lines.size() < 2) return lines;
    // Lines joined by single spaces give the text back unless a word was cut; a narrower
    // width must not cut a word that the full width kept whole.
    auto joined = [](const std::vector<std::string>& ls) {
        std::string out;
        for (const auto& l : ls) out += (out.empty() ? "" : " ") + l;
        return out;
    };
    const std::string reference = joined(lines);
    double too_narrow = 0;
    double fits = max_width;
    for (int i = 0; i < kBalanceSteps; ++i) {
        const double mid = (too_narrow + fits) / 2;
        const auto candidate = wrap_text(text, mid, measure);
        if (candidate.size() == lines.size() && joined(candidate) == reference) {
            fits = mid;
            lines = candidate;
        } else {
            too_narrow = mid;
        }
    }
    return lines;
}

}  // namespace motcua::kiosk::print
