#include "kiosk/ui/shell/widgets.hpp"

#include <catch2/catch.hpp>

#include "imgui_harness.hpp"

using namespace motcua::kiosk;
using namespace motcua::kiosk::ui;
using test::ScreenKit;

namespace {

/// A throwaway screen that draws whatever the test asks for.
class Probe final : public Screen {
public:
    std::function<void(UiFrame&)> body;
    void draw(UiFrame& ui, const ShellView& /*view*/) override {
        ui.a11y.set_screen("probe");
        body(ui);
    }
};

bool valid_utf8(const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80           ? 1
                              : (c >> 5) == 0x6  ? 2
                              : (c >> 4) == 0xE  ? 3
                              : (c >> 3) == 0x1E ? 4
                                                 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += n;
    }
    return true;
}

}  // namespace

TEST_CASE("text is cut with an ellipsis at a whole Vietnamese letter", "[widgets]") {
    ScreenKit kit({1920, 1080});
    const ImFont* font = kit.fonts.body;
    const std::string name = "Trung tâm Phục vụ hành chính công phường Bến Thành";
    CHECK(fit_line(font, name, 10000) == name);
    for (float width = 40; width < measure(font, name).x; width += 7) {
        const std::string cut = fit_line(font, name, width);
        INFO(width << " " << cut);
        CHECK(valid_utf8(cut));
        CHECK(cut.ends_with("…"));
        CHECK(measure(font, cut).x <= width);
    }
}

TEST_CASE("paragraphs wrap at spaces and keep every word", "[widgets]") {
    ScreenKit kit({1920, 1080});
    const std::string text = "Hệ thống tạm thời gián đoạn. Vui lòng chờ trong giây lát.";
    const auto lines = wrap_lines(kit.fonts.heading, text, 400);
    REQUIRE(lines.size() > 1);
    std::string joined;
    for (const auto& line : lines) {
        CHECK(measure(kit.fonts.heading, line).x <= 400);
        CHECK(valid_utf8(line));
        joined += (joined.empty() ? "" : " ") + line;
    }
    CHECK(joined == text);
    CHECK(wrap_lines(kit.fonts.body, "", 400).empty());
    CHECK(wrap_lines(kit.fonts.body, "một\nhai", 4000).size() == 2);  // explicit newline
}

TEST_CASE("buttons record themselves and fire on a tap", "[widgets]") {
    ScreenKit kit({1920, 1080});
    Probe probe;
    int taps = 0;
    bool enabled = true;
    const Box box{{100, 100}, {400, 204}};
    probe.body = [&](UiFrame& ui) {
        if (button(ui, "##probe", box, "Lấy số", ButtonKind::primary, enabled)) ++taps;
    };
    auto tree = kit.draw(probe, ShellView{});
    REQUIRE(tree.elements.size() == 1);
    const auto& e = tree.elements[0];
    CHECK(e.role == A11yRole::button);
    CHECK(e.label == "Lấy số");
    CHECK(e.x == 100);
    CHECK(e.y == 100);
    CHECK(e.w == 300);
    CHECK(e.h == 104);
    CHECK(e.enabled);

    const auto tap = [&](ImVec2 at) {
        kit.harness.mouse(at, false);
        kit.draw(probe, ShellView{});
        kit.harness.mouse(at, true);
        kit.draw(probe, ShellView{});
        kit.harness.mouse(at, false);
        kit.draw(probe, ShellView{});
    };
    tap({250, 150});
    CHECK(taps == 1);
    tap({50, 50});  // outside
    CHECK(taps == 1);

    SECTION("a disabled button ignores taps and says so") {
        enabled = false;
        tap({250, 150});
        CHECK(taps == 1);
        CHECK_FALSE(kit.draw(probe, ShellView{}).elements[0].enabled);
    }
    SECTION("press on the button, release elsewhere: no tap") {
        kit.harness.mouse({250, 150}, false);
        kit.draw(probe, ShellView{});
        kit.harness.mouse({250, 150}, true);
        kit.draw(probe, ShellView{});
        kit.harness.mouse({900, 900}, true);
        kit.draw(probe, ShellView{});
        kit.harness.mouse({900, 900}, false);
        kit.draw(probe, ShellView{});
        CHECK(taps == 1);
    }
}

TEST_CASE("elements off screen are not in the a11y tree", "[widgets]") {
    ScreenKit kit({1920, 1080});
    Probe probe;
    probe.body = [&](UiFrame& ui) {
        label(ui, Box{{0, 2000}, {500, 2050}}, "below the screen",
              {ui.fonts.body, 0xFF000000, Align::left});
        label(ui, Box{{0, 0}, {500, 50}}, "on screen", {ui.fonts.body, 0xFF000000, Align::left});
    };
    const auto tree = kit.draw(probe, ShellView{});
    REQUIRE(tree.elements.size() == 1);
    CHECK(tree.elements[0].label == "on screen");
}

TEST_CASE("a long press fires once after the theme's time", "[widgets]") {
    ScreenKit kit({1920, 1080});
    Probe probe;
    int fired = 0;
    bool animating = false;
    probe.body = [&](UiFrame& ui) {
        if (long_press_area(ui, "##corner", Box{{0, 0}, {140, 140}}, 3.0F)) ++fired;
        animating = ui.animating;
    };
    kit.harness.mouse({20, 20}, false);
    kit.draw(probe, ShellView{});
    kit.harness.mouse({20, 20}, true);
    kit.harness.delta_time(0.5F);
    for (int i = 0; i < 5; ++i) kit.draw(probe, ShellView{});  // 2 s held
    CHECK(fired == 0);
    CHECK(animating);  // the loop must keep drawing while it is held
    for (int i = 0; i < 6; ++i) kit.draw(probe, ShellView{});  // 5 s held
    CHECK(fired == 1);
    kit.harness.mouse({20, 20}, false);
    kit.draw(probe, ShellView{});
    CHECK_FALSE(animating);
    CHECK(fired == 1);
    // Not recorded: the corner is hidden from citizens and screen readers alike.
    CHECK(kit.draw(probe, ShellView{}).elements.empty());
}
