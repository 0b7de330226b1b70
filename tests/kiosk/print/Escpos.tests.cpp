#include <catch2/catch.hpp>
#include <random>

#include "kiosk/print/ticket_printer.hpp"
#include "sample_slips.hpp"

using namespace motcua::kiosk::print;
using motcua::ErrorCode;

namespace {

using Bytes = std::vector<std::uint8_t>;

Bitmap noise(int width, int height, unsigned seed) {
    std::mt19937 rng(seed);
    Bitmap b{width, height, {}};
    b.pixels.resize(static_cast<std::size_t>(width * height));
    for (auto& p : b.pixels) p = static_cast<std::uint8_t>(rng() & 1U);
    return b;
}

// A GS v 0 block of the given size, all black.
Bytes band(int row_bytes, int rows) {
    // Sized once, then filled: GCC 12 at -O3 warns falsely on growing an 8-byte vector.
    Bytes out(8 + static_cast<std::size_t>(row_bytes * rows), 0xFF);
    const std::uint8_t header[8] = {0x1D,
                                    0x76,
                                    0x30,
                                    0x00,
                                    static_cast<std::uint8_t>(row_bytes & 0xFF),
                                    static_cast<std::uint8_t>(row_bytes >> 8),
                                    static_cast<std::uint8_t>(rows & 0xFF),
                                    static_cast<std::uint8_t>(rows >> 8)};
    std::copy(std::begin(header), std::end(header), out.begin());
    return out;
}

Bytes cat(std::initializer_list<Bytes> parts) {
    Bytes out;
    for (const auto& p : parts) out.insert(out.end(), p.begin(), p.end());
    return out;
}

int count_bands(const Bytes& job) {
    int n = 0;
    for (std::size_t i = 0; i + 2 < job.size(); ++i)
        n += job[i] == 0x1D && job[i + 1] == 0x76 && job[i + 2] == 0x30;
    return n;  // may overcount inside data, so the tests use all-white images where it matters
}

}  // namespace

TEST_CASE("ESC/POS raster jobs", "[escpos]") {
    SECTION("the job's framing: reset, raster, feed, partial cut") {
        const Bitmap white{16, 2, Bytes(32, 0)};
        const Bytes job = escpos_job(white);
        const Bytes expected = {0x1B, 0x40,  // ESC @
                                0x1D, 0x76, 0x30, 0x00, 2, 0,
                                2,    0,    0,    0,    0, 0,  // GS v 0, 2 bytes x 2 rows
                                0x1B, 0x64, 3,                 // ESC d 3
                                0x1D, 0x56, 66,   0};          // GS V 66 0
        CHECK(job == expected);
    }

    SECTION("MSB is the leftmost dot and 1 is black") {
        Bitmap b{9, 1, Bytes(9, 0)};
        b.pixels[0] = 1;
        b.pixels[8] = 1;
        const Bytes job = escpos_job(b);
        REQUIRE(job.size() == 2 + 8 + 2 + 7);
        CHECK(job[10] == 0x80);
        CHECK(job[11] == 0x80);
    }

    SECTION("tall images go in bands of at most 256 rows") {
        for (int h : {1, 255, 256, 257, 512, 1000}) {
            const Bitmap white{384, h, Bytes(static_cast<std::size_t>(384 * h), 0)};
            const Bytes job = escpos_job(white);
            CHECK(count_bands(job) == (h + 255) / 256);
            CHECK(job.size() == 2 + static_cast<std::size_t>((h + 255) / 256 * 8 + 48 * h) + 7);
        }
    }

    SECTION("decoding gives back the same pixels, for any width") {
        unsigned seed = 1;
        for (int w : {1, 7, 8, 9, 15, 383, 384, 385, 576}) {
            for (int h : {1, 3, 256, 257, 600}) {
                INFO(w << " x " << h);
                const Bitmap original = noise(w, h, seed++);
                auto decoded = decode_escpos_raster(escpos_job(original));
                REQUIRE(decoded);
                // The raster is whole bytes wide; the padding dots on the right are white.
                REQUIRE(decoded->width == (w + 7) / 8 * 8);
                REQUIRE(decoded->height == h);
                bool same = true;
                for (int y = 0; y < h; ++y)
                    for (int x = 0; x < decoded->width; ++x)
                        same = same && decoded->black(x, y) == (x < w && original.black(x, y));
                CHECK(same);
            }
        }
    }

    SECTION("a rendered slip round-trips exactly") {
        for (Paper paper : {Paper::mm58, Paper::mm80}) {
            auto slip = render_ticket(test::vietnamese_slip(), paper);
            REQUIRE(slip);
            auto decoded = decode_escpos_raster(escpos_job(*slip));
            REQUIRE(decoded);
            CHECK(decoded->width == slip->width);
            CHECK(decoded->height == slip->height);
            CHECK(decoded->pixels == slip->pixels);
        }
    }

    SECTION("other cut forms are understood") {
        const Bytes ok = band(1, 1);
        for (const Bytes& cut :
             {Bytes{0x1D, 0x56, 0}, Bytes{0x1D, 0x56, 1}, Bytes{0x1D, 0x56, 48},
              Bytes{0x1D, 0x56, 49}, Bytes{0x1D, 0x56, 65, 5}, Bytes{0x1D, 0x56, 66, 0}}) {
            auto d = decode_escpos_raster(cat({{0x1B, 0x40}, ok, cut}));
            REQUIRE(d);
            CHECK(d->width == 8);
            CHECK(d->height == 1);
        }
    }

    SECTION("bad inputs") {
        const Bytes good = band(2, 3);
        const std::pair<const char*, Bytes> cases[] = {
            {"empty job: no image at all", {}},
            {"only a reset and a cut: no image", {0x1B, 0x40, 0x1D, 0x56, 66, 0}},
            {"a lone ESC at the end", {0x1B}},
            {"a lone GS at the end", cat({good, {0x1D}})},
            {"ESC d without its count", cat({good, {0x1B, 0x64}})},
            {"GS V without its function", cat({good, {0x1D, 0x56}})},
            {"GS V 66 without its feed", cat({good, {0x1D, 0x56, 66}})},
            {"GS V with an unknown function", cat({good, {0x1D, 0x56, 7}})},
            {"header cut after GS v 0 m", {0x1D, 0x76, 0x30, 0x00}},
            {"header cut in the height", {0x1D, 0x76, 0x30, 0x00, 2, 0, 3}},
            {"data one byte short", Bytes(good.begin(), good.end() - 1)},
            {"data says 65535 x 65535 but has 4 bytes",
             {0x1D, 0x76, 0x30, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 1, 2, 3, 4}},
            {"zero width", {0x1D, 0x76, 0x30, 0x00, 0, 0, 1, 0}},
            {"zero height", {0x1D, 0x76, 0x30, 0x00, 1, 0, 0, 0}},
            {"second band narrower than the first", cat({good, band(1, 3)})},
            {"second band wider than the first", cat({good, band(3, 1)})},
            {"double-width raster mode", {0x1D, 0x76, 0x30, 0x01, 1, 0, 1, 0, 0xFF}},
            {"GS v without '0'", {0x1D, 0x76, 0x31, 0x00, 1, 0, 1, 0, 0xFF}},
            {"unknown ESC command (ESC E, bold)", cat({{0x1B, 0x45, 1}, good})},
            {"unknown GS command (GS !, text size)", cat({good, {0x1D, 0x21, 0x11}})},
            {"plain text after the image", cat({good, {'H', 'i', '\n'}})},
            {"a line feed", cat({good, {0x0A}})},
        };
        for (const auto& [why, bytes] : cases) {
            INFO(why);
            auto d = decode_escpos_raster(bytes);
            REQUIRE_FALSE(d);
            CHECK(d.error().code == ErrorCode::bad_escpos);
            CHECK_FALSE(d.error().message.empty());
        }

        // Every prefix of a real job is either a complete job or an error, never a crash or
        // an over-read (run under ASan to see the latter).
        const Bytes job = escpos_job(noise(20, 300, 7));
        for (std::size_t n = 0; n < job.size(); ++n) {
            auto d = decode_escpos_raster(std::span(job.data(), n));
            if (d) CHECK(d->height > 0);
        }
        // An empty image encodes to a job without raster, which does not decode.
        CHECK_FALSE(decode_escpos_raster(escpos_job(Bitmap{})));
    }
}
