#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>

#include "kiosk/print/ticket_printer.hpp"
#include "motcua/qr.hpp"
#include "sample_slips.hpp"

using namespace motcua::kiosk::print;
using namespace motcua::kiosk::print::test;
using motcua::kQrQuietZoneModules;
using motcua::make_qr;

namespace {

constexpr int kMargin = 8;

// A slip with only one line of body text, to compare glyphs.
Bitmap render_line(const std::string& text) {
    TicketSlip s;
    s.category_name = text;
    auto b = render_ticket(s, Paper::mm58);
    REQUIRE(b);
    return std::move(b).value();
}

// The QR code is the only square block of ink as tall as it is wide; returns its bounding box
// as {left, top, side} or side 0.
struct Box {
    int left = 0, top = 0, side = 0;
};
Box find_qr(const Bitmap& b, int modules) {
    for (const auto& [first, last] : ink_rows(b)) {
        const int h = last - first + 1;
        if (h < modules * 4) continue;
        int left = b.width, right = -1;
        for (int y = first; y <= last; ++y)
            for (int x = 0; x < b.width; ++x)
                if (b.black(x, y)) left = std::min(left, x), right = std::max(right, x);
        if (right - left + 1 == h && h % modules == 0) return {left, first, h};
    }
    return {};
}

}  // namespace

TEST_CASE("ticket slips for 58 mm and 80 mm paper", "[render]") {
    const TicketSlip slip = vietnamese_slip();

    for (Paper paper : {Paper::mm58, Paper::mm80}) {
        DYNAMIC_SECTION("paper " << paper_width_dots(paper) << " dots") {
            auto rendered = render_ticket(slip, paper);
            REQUIRE(rendered);
            const Bitmap& b = *rendered;
            const int w = paper_width_dots(paper);
            CHECK(w == (paper == Paper::mm58 ? 384 : 576));
            REQUIRE(b.width == w);
            REQUIRE(b.pixels.size() == static_cast<std::size_t>(b.width * b.height));
            CHECK(b.height > w);  // a slip is longer than it is wide

            // Not blank, not a black mess.
            const int total = ink(b, 0, 0, b.width, b.height);
            CHECK(total > b.width * b.height / 30);
            CHECK(total < b.width * b.height / 3);

            // Nothing is printed in the side margins.
            CHECK(ink(b, 0, 0, kMargin, b.height) == 0);
            CHECK(ink(b, w - kMargin, 0, w, b.height) == 0);

            // The priority line is a black bar across almost the whole text width: many more
            // solid rows than the 2-3 of the rule under the office name.
            int solid_rows = 0;
            for (int y = 0; y < b.height; ++y)
                solid_rows += ink(b, 0, y, w, y + 1) > (w - 2 * kMargin) * 9 / 10;
            CHECK(solid_rows >= 8);

            // The QR code is there, square, with modules of at least 4 dots, and every module
            // matches the encoder's matrix (so the three finder patterns are where they belong).
            auto qr = make_qr(slip.qr_url);
            REQUIRE(qr);
            const Box box = find_qr(b, qr->size);
            REQUIRE(box.side > 0);
            const int module = box.side / qr->size;
            CHECK(module >= 4);
            int mismatches = 0;
            for (int my = 0; my < qr->size; ++my)
                for (int mx = 0; mx < qr->size; ++mx)
                    mismatches += b.black(box.left + mx * module + module / 2,
                                          box.top + my * module + module / 2) != qr->dark(mx, my);
            CHECK(mismatches == 0);
            // Quiet zone: four modules of white on every side of the symbol.
            const int quiet = kQrQuietZoneModules * module;
            CHECK(ink(b, box.left - quiet, box.top - quiet, box.left, box.top + box.side + quiet) ==
                  0);
            CHECK(ink(b, box.left + box.side, box.top - quiet, box.left + box.side + quiet,
                      box.top + box.side + quiet) == 0);
            CHECK(ink(b, box.left, box.top - quiet, box.left + box.side, box.top) == 0);
            CHECK(ink(b, box.left, box.top + box.side, box.left + box.side,
                      box.top + box.side + quiet) == 0);
            // Centred.
            CHECK(std::abs((box.left + box.side / 2) - w / 2) <= 1);

            // The number is the tallest line above the QR code: about a third of the width
            // (less when its width limits it), dark-heavy, and in the upper half of the slip.
            int number_top = 0, number_h = 0;
            for (const auto& [first, last] : ink_rows(b))
                if (last < box.top && last - first + 1 > number_h)
                    number_top = first, number_h = last - first + 1;
            CHECK(number_h >= w / 4);
            CHECK(number_h <= w / 3 + 2);
            CHECK(number_top < b.height / 2);
            CHECK(ink(b, 0, number_top, w, number_top + number_h) > w * number_h / 4);
        }
    }
}

TEST_CASE("Vietnamese letters are drawn, not replaced", "[render]") {
    // Each pair differs only by the diacritics; more ink means the marks were drawn.
    const std::pair<const char*, const char*> pairs[] = {
        {"Hệ", "He"}, {"chờ", "cho"}, {"Tự", "Tu"}, {"đi", "di"}, {"0 ₫", "0"}, {"Ưu", "Uu"}};
    for (const auto& [marked, plain] : pairs) {
        INFO(marked);
        const Bitmap a = render_line(marked);
        const Bitmap b = render_line(plain);
        CHECK(a.pixels != b.pixels);
        CHECK(ink(a, 0, 0, a.width, a.height) > ink(b, 0, 0, b.width, b.height));
    }
    // Two different letters with marks are two different glyphs.
    CHECK(render_line("ệ").pixels != render_line("ễ").pixels);
}

TEST_CASE("slips grow with their content and survive bad text", "[render]") {
    TicketSlip full = vietnamese_slip();
    TicketSlip no_priority = full;
    no_priority.priority_text.clear();
    TicketSlip short_name = full;
    short_name.office_name = "UBND phường Bến Thành";
    TicketSlip no_qr = full;
    no_qr.qr_url.clear();

    auto a = render_ticket(full, Paper::mm58);
    auto b = render_ticket(no_priority, Paper::mm58);
    auto c = render_ticket(short_name, Paper::mm58);
    auto d = render_ticket(no_qr, Paper::mm58);
    REQUIRE(a);
    REQUIRE(b);
    REQUIRE(c);
    REQUIRE(d);
    CHECK(b->height < a->height);        // no priority bar
    CHECK(c->height < a->height);        // the long office name wrapped onto more lines
    CHECK(d->height < a->height - 100);  // no QR code and no caption

    SECTION("bad inputs") {
        // Invalid UTF-8 would stop cairo drawing anything further; it prints as '?' instead.
        TicketSlip broken = full;
        broken.category_name = "T\xFF pháp";
        TicketSlip replaced = full;
        replaced.category_name = "T? pháp";
        auto x = render_ticket(broken, Paper::mm58);
        auto y = render_ticket(replaced, Paper::mm58);
        REQUIRE(x);
        REQUIRE(y);
        CHECK(x->pixels == y->pixels);

        // A URL too long for any QR code: the ticket still prints, without the code.
        TicketSlip long_url = full;
        long_url.qr_url = "http://h/" + std::string(4000, 'x');
        auto z = render_ticket(long_url, Paper::mm58);
        REQUIRE(z);
        CHECK(z->height == d->height);

        // A number far too long for the width is shrunk to fit, not clipped.
        TicketSlip wide = full;
        wide.number = "A0123456789012345";
        auto v = render_ticket(wide, Paper::mm58);
        REQUIRE(v);
        CHECK(ink(*v, 0, 0, kMargin, v->height) == 0);
        CHECK(ink(*v, v->width - kMargin, 0, v->width, v->height) == 0);

        // An empty slip is a short strip of paper with only the rule, not an error.
        auto e = render_ticket(TicketSlip{}, Paper::mm80);
        REQUIRE(e);
        CHECK(e->width == 576);
        CHECK(ink_rows(*e).size() == 1);
    }
}
