#include "motcua/vietnamese.hpp"

#include <catch2/catch.hpp>

using namespace motcua::vi;

TEST_CASE("numbers are read the Vietnamese way", "[vietnamese]") {
    const std::vector<std::pair<std::int64_t, std::string>> table{
        {0, "không"},
        {1, "một"},
        {5, "năm"},
        {10, "mười"},
        {11, "mười một"},  // mười, not mươi, before 20
        {14, "mười bốn"},
        {15, "mười lăm"},      // lăm after mười
        {20, "hai mươi"},      // mươi from 20 on
        {21, "hai mươi mốt"},  // mốt after mươi
        {24, "hai mươi tư"},
        {25, "hai mươi lăm"},
        {31, "ba mươi mốt"},
        {55, "năm mươi lăm"},
        {90, "chín mươi"},
        {100, "một trăm"},
        {101, "một trăm linh một"},  // linh for a missing ten
        {105, "một trăm linh năm"},
        {110, "một trăm mười"},
        {111, "một trăm mười một"},
        {115, "một trăm mười lăm"},
        {121, "một trăm hai mươi mốt"},
        {999, "chín trăm chín mươi chín"},
        {1000, "một nghìn"},
        {1001, "một nghìn không trăm linh một"},  // không trăm after nghìn
        {1010, "một nghìn không trăm mười"},
        {1015, "một nghìn không trăm mười lăm"},
        {1023, "một nghìn không trăm hai mươi ba"},
        {1100, "một nghìn một trăm"},
        {1105, "một nghìn một trăm linh năm"},
        {2021, "hai nghìn không trăm hai mươi mốt"},
        {5005, "năm nghìn không trăm linh năm"},
        {9999, "chín nghìn chín trăm chín mươi chín"},
        {10000, "mười nghìn"},
        {15000, "mười lăm nghìn"},
        {21000, "hai mươi mốt nghìn"},
        {1000000, "một triệu"},
        {1000005, "một triệu không trăm linh năm"},
        {2500000, "hai triệu năm trăm nghìn"},
        {1000000000, "một tỷ"},
        {1000000000000, "một nghìn tỷ"},
        {-5, "âm năm"},
    };
    for (const auto& [n, words] : table) {
        INFO(n);
        CHECK(read_number(n) == words);
    }
}

TEST_CASE("letters and ticket numbers as spoken", "[vietnamese]") {
    CHECK(read_letter("A") == "a");
    CHECK(read_letter("b") == "bê");
    CHECK(read_letter("C") == "xê");
    CHECK(read_letter("D") == "đê");
    CHECK(read_letter("Đ") == "đê");
    CHECK(read_letter("G") == "giê");
    CHECK(read_letter("K") == "ca");
    CHECK(read_letter("Q") == "quy");
    CHECK(read_letter("W") == "vê kép");
    CHECK(read_letter("Z") == "dét");
    CHECK(read_ticket_number("A012") == "a mười hai");
    CHECK(read_ticket_number("B105") == "bê một trăm linh năm");
    CHECK(read_ticket_number("C1000") == "xê một nghìn");
    CHECK(read_ticket_number("1001") == "một nghìn không trăm linh một");
    CHECK(read_ticket_number("D001") == "đê một");
    CHECK(read_ticket_number("AB021") == "a bê hai mươi mốt");
    SECTION("bad inputs") {
        CHECK(read_ticket_number("") == "");            // empty: nothing to say
        CHECK(read_letter("?") == "?");                 // unknown: as it is
        CHECK(read_ticket_number("A-0") == "a không");  // separators are not spoken
        CHECK(read_ticket_number("\xC3") ==
              "\xC3");  // a cut UTF-8 sequence does not read past the end
    }
}
