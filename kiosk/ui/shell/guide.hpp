#pragma once
/// Keypad focus and voice guidance on the citizen screens (DESIGN.md §13), kept across frames.
///
/// Each frame the screens' controls tell the guide about themselves (`control`); the guide
/// decides whether a control acts this frame and whether it has the focus:
/// - keypad: Tab and the arrows move the focus through last frame's controls in reading order,
///   Enter acts on the focused one, `*` says the last guidance again;
/// - guidance mode: the first touch on a control says what it is and does not act; a second
///   touch on the same control acts. Each screen says its title and what to do when it opens.
/// The guide only decides and words; the voice (kiosk/audio) says what `end_frame` returns.
#include <imgui.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/shell/key_press.hpp"
#include "kiosk/ui/shell/translations.hpp"

namespace motcua::kiosk::ui {

/// Something for the guidance voice to say, in the language it is written in, at a volume step
/// (1 = softest .. Guide::kMaxVolume).
struct Utterance {
    std::string text;
    Language language = Language::vi;
    int volume = 0;
    friend bool operator==(const Utterance&, const Utterance&) = default;
};

/// What a control does this frame.
struct ControlState {
    bool activate = false;  // act on it: a tap, a second tap in guidance mode, Enter on it
    bool focused = false;   // has the visible focus: draw the ring, mark it in the a11y dump
};

class Guide {
public:
    static constexpr int kMaxVolume = 5;
    static constexpr int kDefaultVolume = 4;

    [[nodiscard]] bool guiding() const { return guiding_; }
    [[nodiscard]] int volume() const { return volume_; }
    /// Guidance on or off (the on-screen button); says so, in the screen's language.
    void set_guiding(bool on);
    void louder();
    void softer();
    /// Says the last guidance again (the repeat button, the `*` key).
    void repeat();
    /// The next citizen: no guidance, no focus, the default volume.
    void reset();

    /// Frame start: this frame's keys and the language the screen is drawn in.
    void begin_frame(const std::vector<KeyPress>& keys, const Translator& tr);
    /// A control drawn this frame at `at` (its top-left corner). `id` stays the same from frame
    /// to frame; `speech` is its label and state in words; `touched`: a finger tapped it.
    ControlState control(ImGuiID id, ImVec2 at, std::string speech, bool enabled, bool touched);
    /// Frame end: the screen's a11y name and its opening words (title and what to do). Returns
    /// what to say now, at most one utterance (the newest guidance replaces older).
    std::optional<Utterance> end_frame(const std::string& screen, const std::string& intro);
    /// Enter was taken by the focused control this frame: it is not typing.
    [[nodiscard]] bool took_enter() const { return took_enter_; }
    /// Whether a focus is shown (after a keypad key or a guided touch).
    [[nodiscard]] bool has_focus() const { return focus_ != 0; }

private:
    struct Entry {
        ImGuiID id = 0;
        ImVec2 at{};
        std::string speech;
    };
    void say(std::string text);
    void move_focus(int step);
    /// One volume step up or down (within 1..kMaxVolume), said in words.
    void step_volume(int step);

    std::optional<Translator> tr_;
    bool guiding_ = false;
    int volume_ = kDefaultVolume;
    /// Enabled controls of the last frame (in reading order: rows top to bottom, each left to
    /// right) and of this one (in drawing order).
    std::vector<Entry> last_;
    std::vector<Entry> now_;
    ImGuiID focus_ = 0;
    ImGuiID armed_ = 0;     // touched once in guidance mode: the next touch acts
    ImGuiID activate_ = 0;  // Enter this frame
    bool took_enter_ = false;
    bool said_intro_ = false;  // the screen's intro is said (or due) for `screen_`
    std::string screen_;
    std::string intro_;
    std::optional<std::string> pending_;  // news: guidance on or off, the volume
    std::optional<std::string> about_;    // the element just touched or focused
    std::string last_said_;
};

/// What a citizen screen says when it opens in guidance mode: its title and what to do
/// (empty for a screen with nothing to say).
std::string screen_intro(const Translator& tr, std::string_view screen);

}  // namespace motcua::kiosk::ui
