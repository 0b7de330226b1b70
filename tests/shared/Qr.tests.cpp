#include "motcua/qr.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace motcua;

namespace {

constexpr int kFinder = 7;  // a finder pattern is 7 x 7 modules

// The finder pattern: a dark 7x7 ring, a light ring, a dark 3x3 centre, and a light separator
// row and column on the symbol side.
bool finder_at(const QrMatrix& qr, int x0, int y0) {
    for (int y = 0; y < kFinder; ++y) {
        for (int x = 0; x < kFinder; ++x) {
            const bool ring = x == 0 || y == 0 || x == kFinder - 1 || y == kFinder - 1;
            const bool centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;
            if (qr.dark(x0 + x, y0 + y) != (ring || centre)) return false;
        }
    }
    return true;
}

}  // namespace

TEST_CASE("QR codes for the ticket's phone page and dossier codes", "[qr]") {
    SECTION("a URL gives a square symbol with finder patterns at three corners") {
        auto qr = make_qr("http://192.168.1.10:8080/t/4f3a9c21");
        REQUIRE(qr);
        // Versions are 21 + 4k modules square.
        CHECK(qr->size >= 21);
        CHECK((qr->size - 21) % 4 == 0);
        CHECK(qr->modules.size() == static_cast<std::size_t>(qr->size * qr->size));
        const int far = qr->size - kFinder;
        CHECK(finder_at(*qr, 0, 0));
        CHECK(finder_at(*qr, far, 0));
        CHECK(finder_at(*qr, 0, far));
        CHECK_FALSE(finder_at(*qr, far, far));  // the fourth corner is data
        // Modules are 0 or 1 only, and both occur.
        int dark = 0;
        for (auto m : qr->modules) {
            REQUIRE(m <= 1);
            dark += m;
        }
        CHECK(dark > 0);
        CHECK(dark < static_cast<int>(qr->modules.size()));
    }

    SECTION("longer text gives a bigger symbol; UTF-8 is accepted") {
        auto small = make_qr("http://h/t/1");
        auto big = make_qr(std::string(200, 'x'));
        auto vi = make_qr("Phường Bến Thành — lượt A012");
        REQUIRE(small);
        REQUIRE(big);
        REQUIRE(vi);
        CHECK(big->size > small->size);
        CHECK(small->size == 21);  // 12 bytes fit version 1 at level M
    }

    SECTION("bad inputs") {
        auto empty = make_qr("");  // nothing to encode
        REQUIRE_FALSE(empty);
        CHECK(empty.error().code == ErrorCode::qr_empty);
        auto huge = make_qr(std::string(5000, 'x'));  // beyond version 40's 2331 bytes at M
        REQUIRE_FALSE(huge);
        CHECK(huge.error().code == ErrorCode::qr_too_long);
    }
}
