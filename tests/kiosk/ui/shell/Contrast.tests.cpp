// WCAG 2.1 AA contrast of both themes (issue 17): every pair of colours the screens draw one on
// the other, listed where it is drawn. Text needs 4.5:1; text of at least 24 px (or bold of
// 18.66 px) at the 1080p design size, and the edges of controls and the graphics that carry
// meaning, need 3:1.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "kiosk/ui/shell/theme.hpp"

using namespace motcua::kiosk::ui;

namespace {

constexpr double kText = 4.5;
constexpr double kLarge = 3.0;    // large text (headings, titles, numbers)
constexpr double kGraphic = 3.0;  // control borders and meaningful graphics (WCAG 1.4.11)

using Colour = ImU32 Palette::*;

struct Pair {
    const char* where;
    Colour fg;
    Colour bg;
    double at_least;
    /// A control whose fill or edge may stand out (either is enough): the other one.
    Colour or_fg = nullptr;
    [[nodiscard]] double ratio(const Palette& p) const {
        const double r = contrast_ratio(p.*fg, p.*bg);
        return or_fg == nullptr ? r : std::max(r, contrast_ratio(p.*or_fg, p.*bg));
    }
};

/// Every foreground on every background it is drawn on, in both themes.
const std::vector<Pair>& pairs() {
    static const std::vector<Pair> list{
        // shell: header, footer, page
        {"header: title and clock", &Palette::header_text, &Palette::header, kText},
        {"header: office name and date", &Palette::header_text_soft, &Palette::header, kText},
        {"header: the language button on the band (fill or edge)", &Palette::secondary,
         &Palette::header, kGraphic, &Palette::secondary_border},
        {"page text", &Palette::text, &Palette::page, kText},
        {"page notes (text_muted)", &Palette::text_muted, &Palette::page, kText},
        {"card text", &Palette::text, &Palette::card, kText},
        {"card notes", &Palette::text_muted, &Palette::card, kText},
        {"footer: counter number", &Palette::text, &Palette::footer, kText},
        {"footer: online", &Palette::online, &Palette::footer, kText},
        {"footer: connecting", &Palette::connecting, &Palette::footer, kText},
        {"footer: reconnecting", &Palette::unavailable, &Palette::footer, kText},
        // buttons (widgets.cpp button_face)
        {"primary button words", &Palette::primary_text, &Palette::primary, kText},
        {"primary button held", &Palette::primary_text, &Palette::primary_pressed, kText},
        {"primary button on the page", &Palette::primary_border, &Palette::page, kGraphic},
        {"primary button on a card", &Palette::primary_border, &Palette::card, kGraphic},
        {"secondary button words", &Palette::secondary_text, &Palette::secondary, kText},
        {"secondary button held", &Palette::secondary_text, &Palette::secondary_pressed, kText},
        {"secondary button edge on the page", &Palette::secondary_border, &Palette::page, kGraphic},
        {"secondary button edge on its fill", &Palette::secondary_border, &Palette::secondary,
         kGraphic},
        {"secondary button edge on the footer", &Palette::secondary_border, &Palette::footer,
         kGraphic},
        {"disabled button words", &Palette::disabled_text, &Palette::disabled, kText},
        // ticket home: tiles, badge, the chosen priority band
        {"tile name", &Palette::primary_text, &Palette::primary, kText},
        {"tile name held", &Palette::primary_text, &Palette::primary_pressed, kText},
        {"tile queue note", &Palette::tile_note, &Palette::primary, kText},
        {"tile queue note held", &Palette::tile_note, &Palette::primary_pressed, kText},
        {"tile letter badge on the tile", &Palette::badge, &Palette::primary, kGraphic},
        {"tile letter", &Palette::badge_text, &Palette::badge, kLarge},
        {"disabled tile words", &Palette::disabled_text, &Palette::disabled, kText},
        {"chosen priority band words", &Palette::secondary_text, &Palette::chosen_fill, kText},
        {"chosen priority band edge", &Palette::primary, &Palette::page, kGraphic},
        // notices (citizen_layout.cpp notice), the dossier result band
        {"error notice", &Palette::error_text, &Palette::notice_fill, kText},
        {"error notice edge", &Palette::error_text, &Palette::page, kGraphic},
        {"info notice", &Palette::info_text, &Palette::info_fill, kText},
        {"info notice edge", &Palette::info_text, &Palette::page, kGraphic},
        {"dossier band: supplement", &Palette::highlight_text, &Palette::highlight, kText},
        {"dossier band: in process", &Palette::secondary_text, &Palette::chosen_fill, kText},
        // ticket issued: the number, the priority, the QR code
        {"the ticket number", &Palette::primary, &Palette::card, kLarge},
        {"priority / appointment line", &Palette::secondary_text, &Palette::card, kText},
        {"QR code", &Palette::qr_dark, &Palette::qr_light, kGraphic},
        // entries: the lookup's code, the rating keypad's number, the caret
        {"entry edge", &Palette::primary, &Palette::card, kGraphic},
        {"keypad entry edge", &Palette::secondary_border, &Palette::card, kGraphic},
        // rating: reasons' check boxes, the thanks tick, level cards
        {"reason edge", &Palette::secondary_border, &Palette::card, kGraphic},
        {"chosen reason words", &Palette::text, &Palette::chosen_fill, kText},
        {"chosen reason edge and its check box", &Palette::primary, &Palette::chosen_fill,
         kGraphic},
        {"chosen reason tick", &Palette::primary_text, &Palette::primary, kGraphic},
        {"thanks circle", &Palette::online, &Palette::page, kGraphic},
        {"thanks tick", &Palette::primary_text, &Palette::online, kGraphic},
        {"level card words", &Palette::text, &Palette::card, kText},
        {"level card held", &Palette::text, &Palette::secondary_pressed, kText},
        {"level card edge", &Palette::secondary_border, &Palette::page, kGraphic},
        // accessibility switches (shell_chrome.cpp): off, on, their check box and tick
        {"switch off words", &Palette::secondary_text, &Palette::secondary, kText},
        {"switch state words, off", &Palette::text_muted, &Palette::secondary, kText},
        {"switch state words, on", &Palette::text_muted, &Palette::chosen_fill, kText},
        {"switch on words", &Palette::secondary_text, &Palette::chosen_fill, kText},
        {"switch on edge", &Palette::primary, &Palette::footer, kGraphic},
        {"switch check box", &Palette::secondary_border, &Palette::secondary, kGraphic},
        {"switch tick", &Palette::primary_text, &Palette::primary, kGraphic},
        // board, counter console, reports (same palette)
        {"board numbers", &Palette::number, &Palette::card, kLarge},
        {"board newest call", &Palette::highlight_text, &Palette::highlight, kText},
        {"text field words", &Palette::text, &Palette::field, kText},
        {"text field edge", &Palette::field_border, &Palette::field, kGraphic},
        {"selected text in a field", &Palette::text, &Palette::field_selection, kText},
        {"table stripe", &Palette::text, &Palette::table_stripe, kText},
        {"table stripe notes", &Palette::text_muted, &Palette::table_stripe, kText},
        {"table total", &Palette::text, &Palette::table_total, kText},
        {"chart: served bars", &Palette::chart_served, &Palette::card, kGraphic},
        {"chart: waits line", &Palette::chart_waits, &Palette::card, kGraphic},
        {"chart: target line", &Palette::chart_target, &Palette::card, kGraphic},
        {"chart: wait line", &Palette::chart_wait_line, &Palette::card, kGraphic},
        {"chart: satisfied line", &Palette::chart_satisfied_line, &Palette::card, kGraphic},
        {"admin PIN notice", &Palette::error_text, &Palette::notice_fill, kText},
    };
    return list;
}

struct Named {
    std::string name;
    Palette palette;
};

/// The lowest ratio of `p` over the pairs that need `at_least`, for the decision record.
double lowest_ratio(const Palette& p, double at_least) {
    double low = 21;
    for (const auto& pair : pairs())
        if (pair.at_least == at_least) low = std::min(low, pair.ratio(p));
    return low;
}

}  // namespace

TEST_CASE("contrast ratios follow WCAG 2.1", "[contrast]") {
    CHECK(contrast_ratio(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255)) == Approx(21.0));
    CHECK(contrast_ratio(IM_COL32(255, 255, 255, 255), IM_COL32(0, 0, 0, 255)) == Approx(21.0));
    CHECK(contrast_ratio(IM_COL32(0x77, 0x77, 0x77, 255), IM_COL32(255, 255, 255, 255)) ==
          Approx(4.48).epsilon(0.01));
    CHECK(contrast_ratio(IM_COL32(0x12, 0x34, 0x56, 255), IM_COL32(0x12, 0x34, 0x56, 255)) ==
          Approx(1.0));
}

TEST_CASE("every text and control of both themes meets WCAG 2.1 AA contrast", "[contrast]") {
    const Named theme =
        GENERATE(Named{"default", Palette{}}, Named{"high contrast", Palette::high_contrast()});
    const Palette& p = theme.palette;
    for (const auto& pair : pairs()) {
        const double ratio = pair.ratio(p);
        INFO(theme.name << ": " << pair.where << " " << ratio << ":1, needs " << pair.at_least);
        CHECK(ratio >= pair.at_least);
    }
    // A rating face: its black features on the level's colour, and its edge (the disc or its
    // outline) against the card it sits on.
    for (std::size_t i = 0; i < p.level.size(); ++i) {
        INFO(theme.name << ": face " << i + 1);
        CHECK(contrast_ratio(p.face_ink, p.level.at(i)) >= kGraphic);
        CHECK(std::max(contrast_ratio(p.face_ink, p.card), contrast_ratio(p.level.at(i), p.card)) >=
              kGraphic);
    }
    // kLarge and kGraphic are both 3:1: one figure for the pairs that need 3:1.
    WARN(theme.name << ": lowest text ratio (needs 4.5) " << lowest_ratio(p, kText)
                    << ":1; lowest large text, control edge or graphic (needs 3) "
                    << lowest_ratio(p, kGraphic) << ":1");
}

TEST_CASE("high contrast is black and white with yellow, and keeps the QR code black on white",
          "[contrast]") {
    const Palette hc = Palette::high_contrast();
    CHECK(hc.page == IM_COL32(0, 0, 0, 255));
    CHECK(hc.text == IM_COL32(255, 255, 255, 255));
    CHECK(hc.qr_dark == IM_COL32(0, 0, 0, 255));
    CHECK(hc.qr_light == IM_COL32(255, 255, 255, 255));
    // Its text is AAA (7:1) everywhere, not just AA.
    for (const auto& pair : pairs()) {
        INFO(pair.where);
        if (pair.at_least == kText) CHECK(pair.ratio(hc) >= 7.0);
    }
}

TEST_CASE("the keypad's focus ring shows on every surface of both themes", "[contrast][keypad]") {
    for (const bool high : {false, true}) {
        const Palette p = high ? Palette::high_contrast() : Palette{};
        INFO((high ? "high contrast" : "default"));
        // Its two bands tell apart from each other...
        CHECK(contrast_ratio(p.focus_ring, p.focus_gap) >= 3.0);
        // ...and one of them from whatever a focused control stands on, 3:1 (WCAG 1.4.11).
        const std::pair<const char*, ImU32> surfaces[] = {
            {"page", p.page}, {"header", p.header}, {"footer", p.footer}, {"card", p.card}};
        for (const auto& [name, colour] : surfaces) {
            INFO("on the " << name);
            CHECK(std::max(contrast_ratio(p.focus_ring, colour),
                           contrast_ratio(p.focus_gap, colour)) >= 3.0);
        }
        // The inner band touches the control: it stands out from a tile and a button's edge.
        CHECK(contrast_ratio(p.focus_gap, p.primary) >= 3.0);
        CHECK(contrast_ratio(p.focus_gap, p.secondary_border) >= 3.0);
    }
}
