#pragma once
/// Screens without a window (like Dear ImGui's example_null): a bare ImGui context, a real
/// font atlas, and frames driven by hand, with a fake mouse.
#include <imgui.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <vector>

#include "kiosk/ui/a11y.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/screen.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/translations.hpp"
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
    explicit ScreenKit(ImVec2 display)
        : harness(display), theme(ui::Theme::for_display(display.x, display.y)) {
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

    /// One frame of `screen` in a full-window ImGui window; returns what the screen recorded.
    ui::A11yTree draw(ui::Screen& screen, const ShellView& view, Language lang = Language::vi) {
        ImGuiHarness::new_frame();
        ImGui::SetNextWindowPos({0, 0});
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("##screen", nullptr, ImGuiWindowFlags_NoDecoration);
        recorder.begin_frame();
        actions.clear();
        ui::UiFrame frame{theme,
                          fonts,
                          ui::Translator(*tables, lang),
                          recorder,
                          actions,
                          ImGui::GetWindowDrawList(),
                          ImGui::GetIO().DisplaySize,
                          steady_now,
                          60.0};
        screen.draw(frame, view);
        redraw_in_s = frame.redraw_in_s;
        ImGui::End();
        ImGuiHarness::render();
        return recorder.tree();
    }

    ImGuiHarness harness;
    ui::Theme theme;
    ui::Fonts fonts;
    std::optional<ui::Translations> tables;
    ui::A11yRecorder recorder;
    std::vector<ui::UiAction> actions;
    std::chrono::steady_clock::time_point steady_now{};
    double redraw_in_s = 0;
};

inline const ui::A11yElement* find(const ui::A11yTree& tree, std::string_view label) {
    for (const auto& e : tree.elements)
        if (e.label == label) return &e;
    return nullptr;
}

inline ImVec2 centre_of(const ui::A11yElement& e) {
    return {e.x + e.w / 2, e.y + e.h / 2};
}

inline bool overlap(const ui::A11yElement& a, const ui::A11yElement& b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

}  // namespace motcua::kiosk::test
