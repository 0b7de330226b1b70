#include <catch2/catch.hpp>
#include <filesystem>

#include "kiosk/print/ticket_printer.hpp"
#include "sample_slips.hpp"

using namespace motcua::kiosk::print;

// Writes the sample slips where a person can look at them (build/<preset>/print-screenshots);
// docs/screenshots/ticket-slip-*.png are copies of these.
TEST_CASE("sample slips for people to look at", "[render][screenshot]") {
    const std::filesystem::path dir =
        std::filesystem::path(MOTCUA_BIN_DIR).parent_path() / "print-screenshots";
    std::filesystem::create_directories(dir);
    for (auto [paper, name] : {std::pair{Paper::mm58, "ticket-slip-58mm.png"},
                               std::pair{Paper::mm80, "ticket-slip-80mm.png"}}) {
        auto image = render_ticket(test::vietnamese_slip(), paper);
        REQUIRE(image);
        REQUIRE(write_png(*image, (dir / name).string()));
        auto back = read_png((dir / name).string());
        REQUIRE(back);
        CHECK(back->pixels == image->pixels);
    }

    SECTION("bad inputs") {
        // An empty image and an unwritable path are errors, not crashes.
        CHECK_FALSE(write_png(Bitmap{}, (dir / "empty.png").string()));
        Bitmap dot{1, 1, {1}};
        CHECK_FALSE(write_png(dot, (dir / "no-such-dir" / "x.png").string()));
        CHECK_FALSE(read_png((dir / "no-such-file.png").string()));
        // A bitmap whose pixel count does not match its size.
        CHECK_FALSE(write_png(Bitmap{4, 4, {1, 0}}, (dir / "bad.png").string()));
    }
}
