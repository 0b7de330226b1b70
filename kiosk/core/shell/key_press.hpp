#pragma once
/// A key pressed, as the platform saw it (physical keys, before any input method): what the
/// counter console's shortcuts and the citizen screens' keypad operation (DESIGN.md §13) are
/// made of. The platform latches every press, so a key tapped between two frames is never lost
/// (ImGui 1.86 has no input queue).
namespace motcua::kiosk {

struct KeyPress {
    /// Function keys rather than letters for the shortcuts: Vietnamese PCs run a Telex input
    /// method (Unikey) that turns letters into accents; F-keys and digits pass through it.
    /// `next`/`previous`: Tab, Shift+Tab and the arrows move the focus; `activate`: Enter (either
    /// one) chooses the focused element; `repeat`: `*` says the last guidance again.
    enum class Kind { function, digit, escape, next, previous, activate, repeat };
    Kind kind = Kind::function;
    int n = 0;  // F1 = 1; digit 1..9 (top row or number pad)

    static KeyPress function(int n) { return {Kind::function, n}; }
    static KeyPress digit(int n) { return {Kind::digit, n}; }
    static KeyPress escape() { return {Kind::escape, 0}; }
    static KeyPress next() { return {Kind::next, 0}; }
    static KeyPress previous() { return {Kind::previous, 0}; }
    static KeyPress activate() { return {Kind::activate, 0}; }
    static KeyPress repeat() { return {Kind::repeat, 0}; }
    friend bool operator==(const KeyPress&, const KeyPress&) = default;
};

}  // namespace motcua::kiosk
