#include <catch2/catch.hpp>
#include <string>

#include "kiosk/print/slip_text.hpp"

using namespace motcua::kiosk::print;

namespace {

// Ten units per character (a letter with its combining marks counts once), like a
// fixed-width font: easy to reason about.
double width_of(std::string_view s) {
    double w = 0;
    for (std::size_t i = 0; i < s.size(); i += character_length(s, i)) w += 10;
    return w;
}

bool valid_utf8(const std::string& s) {
    return sanitize_utf8(s) == s;
}

std::string without_spaces(std::string s) {
    std::erase(s, ' ');
    std::erase(s, '\n');
    return s;
}

}  // namespace

TEST_CASE("slip text wraps at spaces and never splits a letter", "[slip_text]") {
    SECTION("breaks at spaces within the width") {
        auto lines = wrap_text("Thời gian chờ dự kiến: khoảng 12 phút", 120, width_of);
        REQUIRE(lines.size() == 4);
        CHECK(lines[0] == "Thời gian");
        CHECK(lines[1] == "chờ dự kiến:");
        CHECK(lines[2] == "khoảng 12");
        CHECK(lines[3] == "phút");
        for (const auto& l : lines) CHECK(width_of(l) <= 120);
    }

    SECTION("a number stays with the word before it") {
        // "1," does not fit after "Thành, Quận", so "Quận" moves down with it.
        auto lines = wrap_text("phường Bến Thành, Quận 1, Thành phố", 120, width_of);
        REQUIRE(lines.size() == 4);
        CHECK(lines[0] == "phường Bến");
        CHECK(lines[1] == "Thành,");
        CHECK(lines[2] == "Quận 1,");
        CHECK(lines[3] == "Thành phố");
        // ... unless the pair is wider than a line: then the number goes alone.
        auto narrow = wrap_text("Quầy 12345", 60, width_of);
        REQUIRE(narrow.size() == 2);
        CHECK(narrow[1] == "12345");
    }

    SECTION("balanced lines are as even as the words allow") {
        auto plain = wrap_text("Thời gian chờ dự kiến: khoảng 12 phút", 330, width_of);
        auto even = wrap_balanced("Thời gian chờ dự kiến: khoảng 12 phút", 330, width_of);
        REQUIRE(plain.size() == 2);
        CHECK(plain[1] == "phút");
        REQUIRE(even.size() == 2);
        CHECK(even[0] == "Thời gian chờ dự");
        CHECK(even[1] == "kiến: khoảng 12 phút");
        // One line, or a word that has to be cut, stays as wrap_text makes it.
        CHECK(wrap_balanced("Quầy 1", 250, width_of) == wrap_text("Quầy 1", 250, width_of));
        CHECK(wrap_balanced("ABCDEFGHIJ", 50, width_of) == wrap_text("ABCDEFGHIJ", 50, width_of));
    }

    SECTION("a word wider than the line is cut between letters") {
        const std::string word = "Nghiêngngảệệệệờờờờựựựựđđđđ₫₫₫₫";
        auto lines = wrap_text(word, 50, width_of);
        std::string joined;
        for (const auto& l : lines) {
            CHECK(valid_utf8(l));
            CHECK(width_of(l) <= 50);
            CHECK_FALSE(l.empty());
            joined += l;
        }
        CHECK(joined == word);
    }

    SECTION("combining marks stay with their letter") {
        const std::string decomposed =
            "e\xCC\x82\xCC\xA3"
            "e\xCC\x82\xCC\xA3"
            "e\xCC\x82\xCC\xA3";  // ệ as e + ̂ + ̣
        CHECK(character_length(decomposed, 0) == 5);
        auto lines = wrap_text(decomposed, 10, width_of);
        REQUIRE(lines.size() == 3);
        for (const auto& l : lines) CHECK(l == "e\xCC\x82\xCC\xA3");
    }

    SECTION("hard breaks, runs of spaces, and nothing at all") {
        auto lines = wrap_text("Quầy  1\nQuầy 2", 1000, width_of);
        REQUIRE(lines.size() == 2);
        CHECK(lines[0] == "Quầy 1");
        CHECK(lines[1] == "Quầy 2");
        CHECK(wrap_text("", 100, width_of).empty());
        CHECK(wrap_text("   ", 100, width_of).empty());
    }

    SECTION("every line of a long Vietnamese text is valid UTF-8 and nothing is lost") {
        const std::string text =
            "Trung tâm Phục vụ hành chính công phường Bến Thành, Quận 1, Thành phố Hồ Chí Minh";
        for (double width : {30.0, 70.0, 150.0, 400.0}) {
            auto lines = wrap_text(text, width, width_of);
            std::string joined;
            for (const auto& l : lines) {
                CHECK(valid_utf8(l));
                joined += l;
            }
            CHECK(without_spaces(joined) == without_spaces(text));
        }
    }

    SECTION("bad inputs") {
        // A lone continuation byte, a truncated 3-byte sequence, an overlong '/', a surrogate.
        CHECK(sanitize_utf8("a\x80"
                            "b") == "a?b");
        CHECK(sanitize_utf8("x\xE1\xBB") == "x??");
        CHECK(sanitize_utf8("\xC0\xAF") == "??");
        CHECK(sanitize_utf8("\xED\xA0\x80") == "???");
        // Controls have no glyph: tabs become spaces, the rest go; newlines are line breaks.
        CHECK(sanitize_utf8("a\tb\x01"
                            "c\nd\x7F") == "a bc\nd");
        // Valid Vietnamese passes untouched.
        CHECK(sanitize_utf8("Lệ phí: 0 ₫") == "Lệ phí: 0 ₫");
        // Wrapping invalid bytes still terminates and keeps every byte.
        auto lines = wrap_text("\xFF\xFE\xFD", 10, width_of);
        CHECK(lines.size() == 3);
    }
}
