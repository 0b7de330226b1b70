#pragma once
/// Screens without a window (like Dear ImGui's example_null): a bare ImGui context, a real
/// font atlas, and frames driven by hand, with a fake mouse.
#include <imgui.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/ui/shell/a11y.hpp"
#include "kiosk/ui/shell/fonts.hpp"
#include "kiosk/ui/shell/guide.hpp"
#include "kiosk/ui/shell/screen.hpp"
#include "kiosk/ui/shell/theme.hpp"
#include "kiosk/ui/shell/translations.hpp"
#include "motcua/office_time.hpp"

namespace motcua::kiosk::test {

class ImGuiHarness {
public:
    explicit ImGuiHarness(ImVec2 display) {
        ctx_ = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = display;
        io.DeltaTime = 1.0F / 60.0F;
    }
    ~ImGuiHarness() { ImGui::DestroyContext(ctx_); }
    ImGuiHarness(const ImGuiHarness&) = delete;
    ImGuiHarness& operator=(const ImGuiHarness&) = delete;

    /// No renderer: just make the atlas's pixels exist, as a backend would when uploading.
    static void upload_fonts() {
        unsigned char* pixels = nullptr;
        int w = 0;
        int h = 0;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        ImGui::GetIO().Fonts->SetTexID(
            reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(1)));
    }
    void mouse(ImVec2 pos, bool down) {
        ImGui::GetIO().MousePos = pos;
        ImGui::GetIO().MouseDown[0] = down;
    }
    void delta_time(float seconds) { ImGui::GetIO().DeltaTime = seconds; }
    static void new_frame() { ImGui::NewFrame(); }
    static void render() { ImGui::Render(); }

private:
    ImGuiContext* ctx_;
};

/// The theme, fonts and tables a screen needs, built for one display size.
struct ScreenKit {
    explicit ScreenKit(ImVec2 display, ui::ThemeVariant variant = {})
        : harness(display), theme(ui::Theme::for_display(display.x, display.y, variant)) {
        auto files = ui::find_font_files();
        REQUIRE(files);
        auto built = ui::build_fonts(*ImGui::GetIO().Fonts, theme, *files, 1.0F);
        REQUIRE(built);
        fonts = *built;
        ImGuiHarness::upload_fonts();
        theme.apply(ImGui::GetStyle());
        auto tr = ui::Translations::builtin();
        REQUIRE(tr);
        tables.emplace(std::move(*tr));
    }

    /// One frame as the app draws it: a full-window ImGui window, and a UiFrame over it in
    /// `lang`, collecting into `frame_actions` (cleared first), handed to `draw`. Returns what was
    /// recorded.
    template <typename Draw>
    ui::A11yTree frame(Language lang, std::vector<ui::UiAction>& frame_actions, Draw&& draw) {
        ImGuiHarness::new_frame();
        ImGui::SetNextWindowPos({0, 0});
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("##screen", nullptr, ImGuiWindowFlags_NoDecoration);
        recorder.begin_frame();
        frame_actions.clear();
        ui::UiFrame ui{theme,
                       fonts,
                       ui::Translator(*tables, lang),
                       recorder,
                       frame_actions,
                       ImGui::GetWindowDrawList(),
                       ImGui::GetIO().DisplaySize,
                       steady_now,
                       60.0};
        if (guide) {
            guide->begin_frame(keys, ui.tr);
            ui.guide = &*guide;
        }
        keys.clear();
        std::forward<Draw>(draw)(ui);
        if (guide) {
            const std::string intro =
                ui.intro.empty() ? ui::screen_intro(ui.tr, recorder.tree().screen) : ui.intro;
            if (auto u = guide->end_frame(recorder.tree().screen, intro)) said.push_back(*u);
        }
        ImGui::End();
        ImGuiHarness::render();
        return recorder.tree();
    }

    /// One frame of `screen`; returns what the screen recorded.
    ui::A11yTree draw(ui::Screen& screen, const ShellView& view, Language lang = Language::vi) {
        return frame(lang, actions, [&](ui::UiFrame& ui) {
            screen.draw(ui, view);
            redraw_in_s = ui.redraw_in_s;
        });
    }

    ImGuiHarness harness;
    ui::Theme theme;
    ui::Fonts fonts;
    std::optional<ui::Translations> tables;
    ui::A11yRecorder recorder;
    std::vector<ui::UiAction> actions;
    std::chrono::steady_clock::time_point steady_now{};
    double redraw_in_s = 0;
    /// Keypad focus and guidance, as the app runs them (citizen modes); none by default.
    std::optional<ui::Guide> guide;
    /// Keys for the next frame (the platform's latched presses).
    std::vector<KeyPress> keys;
    /// What the guide said, in order.
    std::vector<ui::Utterance> said;
};

inline const ui::A11yElement* find(const ui::A11yTree& tree, std::string_view label) {
    for (const auto& e : tree.elements)
        if (e.label == label) return &e;
    return nullptr;
}

/// Whether the frame shows an element labelled exactly `label`.
inline bool shows(const ui::A11yTree& tree, std::string_view label) {
    return find(tree, label) != nullptr;
}

inline ImVec2 centre_of(const ui::A11yElement& e) {
    return {e.x + e.w / 2, e.y + e.h / 2};
}

inline bool overlap(const ui::A11yElement& a, const ui::A11yElement& b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/// The layout rules of the screens people touch or click: all on screen, every control at least
/// `min_control_h` high, no control over another, no text over other text, and text that
/// overlaps a control lying wholly inside it (its own words).
inline void check_layout_rules(const ui::A11yTree& tree, ImVec2 display, float min_control_h) {
    INFO("screen " << tree.screen);
    REQUIRE_FALSE(tree.elements.empty());
    const auto inside = [](const ui::A11yElement& in, const ui::A11yElement& out) {
        return in.x >= out.x - 0.5F && in.y >= out.y - 0.5F &&
               in.x + in.w <= out.x + out.w + 0.5F && in.y + in.h <= out.y + out.h + 0.5F;
    };
    for (const auto& e : tree.elements) {
        INFO(e.label);
        CHECK_FALSE(e.label.empty());
        CHECK(e.x >= 0);
        CHECK(e.y >= 0);
        CHECK(e.x + e.w <= display.x + 0.5F);
        CHECK(e.y + e.h <= display.y + 0.5F);
        if (e.role != ui::A11yRole::text) CHECK(e.h >= min_control_h - 0.5F);
    }
    for (std::size_t i = 0; i < tree.elements.size(); ++i)
        for (std::size_t j = i + 1; j < tree.elements.size(); ++j) {
            const auto& a = tree.elements[i];
            const auto& b = tree.elements[j];
            if (!overlap(a, b)) continue;
            INFO(a.label << " at " << a.x << "," << a.y << " " << a.w << "x" << a.h << " / "
                         << b.label << " at " << b.x << "," << b.y << " " << b.w << "x" << b.h);
            const bool a_text = a.role == ui::A11yRole::text;
            const bool b_text = b.role == ui::A11yRole::text;
            CHECK(a_text != b_text);  // two texts or two controls never overlap
            if (a_text && !b_text) CHECK(inside(a, b));
            if (b_text && !a_text) CHECK(inside(b, a));
        }
}

}  // namespace motcua::kiosk::test
