// Voice guidance and keypad operation on the citizen screens (DESIGN.md §13): the real screens
// and session with the app's guide, fake services, a fake finger and fake keys.
#include <algorithm>
#include <catch2/catch.hpp>

#include "core/citizen/sample_ticket.hpp"
#include "ui/citizen/citizen_rig.hpp"

namespace motcua::kiosk {
namespace {

const ImVec2 kLandscape{1920, 1080};

/// Whether anything said since utterance `from` contains `words`.
bool said_since(const test::CitizenRig& rig, std::size_t from, std::string_view words) {
    const auto& said = rig.kit.said;
    return std::any_of(
        said.begin() + static_cast<std::ptrdiff_t>(std::min(from, said.size())), said.end(),
        [&](const ui::Utterance& u) { return u.text.find(words) != std::string::npos; });
}

const ui::A11yElement* focused(const ui::A11yTree& tree) {
    const ui::A11yElement* out = nullptr;
    for (const auto& e : tree.elements)
        if (e.focused) {
            REQUIRE(out == nullptr);  // one focus at most
            out = &e;
        }
    return out;
}

/// Presses `key` until the focus is on `label` (at most `limit` presses).
void key_to(test::CitizenRig& rig, KeyPress key, std::string_view label, int limit = 30) {
    for (int i = 0; i < limit; ++i) {
        rig.kit.keys.push_back(key);
        rig.frame();
        if (const auto* f = focused(rig.tree); f != nullptr && f->label == label) return;
    }
    FAIL("the keypad never reached " << label);
}

}  // namespace

TEST_CASE("guidance mode: the first touch says what a tile is, the second takes the ticket",
          "[guidance]") {
    test::CitizenRig rig(Mode::ticket, kLandscape);
    rig.kit.guide.emplace();
    rig.frame();
    CHECK(rig.kit.said.empty());  // a kiosk is silent until guidance is asked for

    rig.kit.guide->set_guiding(true);
    rig.frame();
    REQUIRE_FALSE(rig.kit.said.empty());
    // It says it is on, the screen's title and what to do.
    CHECK(rig.kit.said.back().text.find("Đã bật hướng dẫn bằng giọng nói") == 0);
    CHECK(said_since(rig, 0, "Mời Quý khách chọn lĩnh vực"));
    CHECK(rig.kit.said.back().language == Language::vi);

    std::size_t from = rig.kit.said.size();
    rig.tap("Tư pháp - Hộ tịch");
    CHECK(rig.services.issued.empty());
    CHECK(said_since(rig, from, "Tư pháp - Hộ tịch, Đang chờ: 3 người, khoảng"));
    CHECK(said_since(rig, from, "Chạm thêm lần nữa để chọn"));
    // Its waiting range is read with a word, not a dash; no symbol is left for the voice.
    CHECK(said_since(rig, from, " đến "));
    CHECK_FALSE(said_since(rig, from, "–"));
    CHECK_FALSE(said_since(rig, from, "·"));
    // The touched tile shows the focus.
    const auto* f = focused(rig.tree);
    REQUIRE(f != nullptr);
    CHECK(f->label == "Tư pháp - Hộ tịch");

    // Touching another element first moves the guidance there; nothing is taken.
    from = rig.kit.said.size();
    rig.tap("Văn hóa - Xã hội");
    CHECK(rig.services.issued.empty());
    CHECK(said_since(rig, from, "Văn hóa - Xã hội"));

    rig.tap("Văn hóa - Xã hội");
    REQUIRE(rig.services.issued.size() == 1);
    CHECK(rig.services.issued[0].category == "VX");
    from = rig.kit.said.size();
    rig.services.issue_done[0](test::sample_ticket("C012", "VX"));
    rig.frame();
    CHECK(rig.tree.screen == "ticket_issued");
    // The number read out, the people ahead and the counters.
    CHECK(said_since(rig, from, "Số thứ tự của Quý khách là xê mười hai"));
    CHECK(said_since(rig, from, "Quầy phục vụ"));
}

TEST_CASE("guidance mode in English speaks English", "[guidance]") {
    test::CitizenRig rig(Mode::ticket, kLandscape);
    rig.lang = Language::en;
    rig.kit.guide.emplace();
    rig.kit.guide->set_guiding(true);
    rig.frame();
    rig.frame();
    REQUIRE_FALSE(rig.kit.said.empty());
    CHECK(rig.kit.said.back().language == Language::en);
    CHECK(said_since(rig, 0, "Please choose the service you need"));
}

TEST_CASE("the keypad alone takes a ticket: Tab to a tile, Enter", "[guidance][keypad]") {
    test::CitizenRig rig(Mode::ticket, kLandscape);
    rig.kit.guide.emplace();
    rig.frame();
    CHECK(focused(rig.tree) == nullptr);  // no focus ring until a key is used

    key_to(rig, KeyPress::next(), "Văn hóa - Xã hội");
    // A keypad in use turns guidance on: the focused tile is said.
    CHECK(rig.kit.guide->guiding());
    CHECK(said_since(rig, 0, "Văn hóa - Xã hội"));
    // Reading order: the tiles come before the buttons below them.
    key_to(rig, KeyPress::previous(), "Địa chính - Xây dựng - Đô thị và Môi trường", 1);

    // `*` says it again.
    std::size_t from = rig.kit.said.size();
    rig.kit.keys.push_back(KeyPress::repeat());
    rig.frame();
    CHECK(said_since(rig, from, "Địa chính - Xây dựng"));

    rig.kit.keys.push_back(KeyPress::activate());
    rig.frame();
    REQUIRE(rig.services.issued.size() == 1);
    CHECK(rig.services.issued[0].category == "DC");
}

TEST_CASE("the keypad alone gives a rating", "[guidance][keypad]") {
    test::CitizenRig rig(Mode::rating, kLandscape);
    rig.kit.guide.emplace();
    rig.screens->on_event(test::finished_event(1));
    rig.frame();
    REQUIRE(rig.tree.screen == "rating_levels");
    key_to(rig, KeyPress::next(), "Rất hài lòng");
    rig.kit.keys.push_back(KeyPress::activate());
    rig.frame();
    rig.frame();
    REQUIRE(rig.services.ratings.size() == 1);
    CHECK(rig.services.ratings[0].level == 5);
}

TEST_CASE("a second touch acts only on the element touched first", "[guidance]") {
    test::CitizenRig rig(Mode::ticket, kLandscape);
    rig.kit.guide.emplace();
    rig.kit.guide->set_guiding(true);
    rig.tap("Tra cứu hồ sơ");
    CHECK(rig.tree.screen == "ticket_home");
    rig.tap("Tra cứu hồ sơ");
    CHECK(rig.tree.screen == "dossier_lookup");
    // The new screen says what to do.
    CHECK(said_since(rig, 0, "Tra cứu hồ sơ. Mời Quý khách nhập mã hồ sơ"));
}

TEST_CASE("the guide: volume steps, repeat, reset for the next citizen", "[guidance]") {
    auto tables = ui::Translations::builtin();
    REQUIRE(tables);
    const ui::Translator tr(*tables, Language::vi);
    ui::Guide g;
    g.begin_frame({}, tr);
    g.set_guiding(true);
    auto u = g.end_frame("ticket_home", "Lấy số thứ tự.");
    REQUIRE(u);
    CHECK(u->text == "Đã bật hướng dẫn bằng giọng nói. Lấy số thứ tự.");
    CHECK(u->volume == ui::Guide::kDefaultVolume);

    // Nothing new: silence.
    g.begin_frame({}, tr);
    CHECK_FALSE(g.end_frame("ticket_home", "Lấy số thứ tự."));

    for (int i = 0; i < 10; ++i) g.louder();
    CHECK(g.volume() == ui::Guide::kMaxVolume);
    g.begin_frame({}, tr);
    u = g.end_frame("ticket_home", "Lấy số thứ tự.");
    REQUIRE(u);
    CHECK(u->volume == ui::Guide::kMaxVolume);
    CHECK(u->text.find("Âm lượng 5 trên 5.") != std::string::npos);
    for (int i = 0; i < 10; ++i) g.softer();
    CHECK(g.volume() == 1);

    g.begin_frame({KeyPress::repeat()}, tr);
    u = g.end_frame("ticket_home", "Lấy số thứ tự.");
    REQUIRE(u);
    CHECK(u->text.find("Âm lượng 1 trên 5.") != std::string::npos);

    // A new screen speaks its intro.
    g.begin_frame({}, tr);
    u = g.end_frame("ticket_issued", "Số thứ tự của Quý khách là a một.");
    REQUIRE(u);
    CHECK(u->text == "Số thứ tự của Quý khách là a một.");

    g.reset();
    CHECK_FALSE(g.guiding());
    CHECK(g.volume() == ui::Guide::kDefaultVolume);
    g.begin_frame({}, tr);
    CHECK_FALSE(g.end_frame("ticket_home", "Lấy số thứ tự."));

    // Off: the last words say so.
    g.set_guiding(true);
    g.begin_frame({}, tr);
    (void)g.end_frame("ticket_home", "Lấy số thứ tự.");
    g.set_guiding(false);
    g.begin_frame({}, tr);
    u = g.end_frame("ticket_home", "Lấy số thứ tự.");
    REQUIRE(u);
    CHECK(u->text == "Đã tắt hướng dẫn bằng giọng nói.");
}

TEST_CASE("keypad focus moves in reading order and wraps around", "[guidance][keypad]") {
    auto tables = ui::Translations::builtin();
    REQUIRE(tables);
    const ui::Translator tr(*tables, Language::vi);
    ui::Guide g;
    // Drawn bottom row first, as screens often do; read top to bottom, left to right.
    const auto frame = [&](std::vector<KeyPress> keys) {
        g.begin_frame(keys, tr);
        std::vector<ImGuiID> focused;
        std::vector<ImGuiID> acted;
        const auto c = [&](ImGuiID id, ImVec2 at) {
            const auto s = g.control(id, at, "c" + std::to_string(id), true, false);
            if (s.focused) focused.push_back(id);
            if (s.activate) acted.push_back(id);
        };
        c(3, {0, 900});
        c(4, {500, 900});
        c(2, {960, 300});
        c(1, {0, 300});
        (void)g.end_frame("s", "");
        return std::pair{focused, acted};
    };
    frame({});
    using V = std::vector<ImGuiID>;
    CHECK(frame({}).first == V{});  // no focus until a key is used
    CHECK(frame({KeyPress::next()}).first == V{1});
    CHECK(frame({}).first == V{1});
    CHECK(frame({KeyPress::next()}).first == V{2});
    CHECK(frame({KeyPress::next()}).first == V{3});
    CHECK(frame({KeyPress::next()}).first == V{4});
    CHECK(frame({KeyPress::next()}).first == V{1});      // wraps
    CHECK(frame({KeyPress::previous()}).first == V{4});  // and back
    const auto [f, acted] = frame({KeyPress::activate()});
    CHECK(acted == V{4});
    CHECK(g.took_enter());
}

}  // namespace motcua::kiosk

namespace motcua::kiosk {

TEST_CASE("guidance mode's controls fit every shape and text size", "[guidance]") {
    const ImVec2 display = GENERATE(ImVec2{1920, 1080}, ImVec2{1080, 1920});
    const bool large = GENERATE(false, true);
    INFO(display.x << "x" << display.y << (large ? " large text" : ""));
    const auto check = [&](test::CitizenRig& rig) {
        const ui::A11yTree tree = rig.frame();
        test::check_citizen_layout(tree, display, rig.kit.theme);
        for (const char* label : {"Nghe lại", "Nhỏ hơn", "To hơn"}) {
            const auto* e = test::find(tree, label);
            INFO(tree.screen << ": " << label);
            REQUIRE(e != nullptr);
            REQUIRE(e->label_box);
            CHECK(e->label_box->x >= e->x);
            CHECK(e->label_box->x + e->label_box->w <= e->x + e->w);
        }
    };
    test::CitizenRig rig(Mode::ticket, display, true, ui::ThemeVariant{false, large});
    rig.kit.guide.emplace();
    rig.kit.guide->set_guiding(true);
    check(rig);
    rig.tap("Tư pháp - Hộ tịch");
    rig.tap("Tư pháp - Hộ tịch");
    REQUIRE(rig.services.issue_done.size() == 1);
    rig.services.issue_done[0](test::sample_ticket("A012", "HT"));
    check(rig);
    CHECK(rig.tree.screen == "ticket_issued");

    test::CitizenRig pad(Mode::rating, display, true, ui::ThemeVariant{false, large});
    pad.kit.guide.emplace();
    pad.kit.guide->set_guiding(true);
    pad.screens->on_event(test::finished_event(1));
    check(pad);
    CHECK(pad.tree.screen == "rating_levels");
}

}  // namespace motcua::kiosk
