// Booking codes (DESIGN.md §10): what the service makes and checks, and what the kiosk finds in
// a scan.
#include <catch2/catch.hpp>

#include "motcua/appointment_code.hpp"

using namespace motcua;

TEST_CASE("a booking code is read as typed or scanned", "[appointment-code]") {
    CHECK(normalize_appointment_code("K7PM3QX9") == "K7PM3QX9");
    CHECK(normalize_appointment_code("k7pm 3qx9") == "K7PM3QX9");
    CHECK(normalize_appointment_code("K7PM-3QX9") == "K7PM3QX9");
    CHECK(normalize_appointment_code("https://phuong.example/dat-lich/K7PM3QX9") == "K7PM3QX9");
    CHECK_FALSE(normalize_appointment_code("K7PM3QX"));    // too short
    CHECK_FALSE(normalize_appointment_code("K7PM3QX9A"));  // too long
    CHECK_FALSE(normalize_appointment_code("K0PM3QX9"));   // 0 looks like O: not in the alphabet
    CHECK_FALSE(normalize_appointment_code("K1PM3QX9"));   // 1 looks like I
    CHECK_FALSE(normalize_appointment_code("KOPM3QX9"));   // O looks like 0
    CHECK_FALSE(normalize_appointment_code("K7PM3QX9\r"));
    CHECK_FALSE(normalize_appointment_code(""));
    // A dossier code is never taken for a booking code.
    CHECK_FALSE(normalize_appointment_code("000.17.22.H56-261123-0007"));
}

TEST_CASE("the code alphabet has no look-alikes and keys map to it", "[appointment-code]") {
    for (char c : kAppointmentCodeAlphabet) {
        INFO(c);
        CHECK(std::string_view("0O1IL2Z5S8B").find(c) == std::string_view::npos);
        CHECK(appointment_code_char(c) == c);
        if (c >= 'A' && c <= 'Z')
            CHECK(appointment_code_char(static_cast<char>(c - 'A' + 'a')) == c);
    }
    for (char c : std::string_view("0O1IL2Z5S8B.-/ ")) {
        INFO(c);
        CHECK(appointment_code_char(c) == 0);
    }
}
