#pragma once
/// A key the officer pressed, as the platform saw it (physical keys, before any input method):
/// what the counter console's shortcuts are made of. The platform latches every press, so a key
/// tapped between two frames is never lost (ImGui 1.86 has no input queue).
namespace motcua::kiosk {

struct KeyPress {
    /// Function keys rather than letters for the shortcuts: Vietnamese PCs run a Telex input
    /// method (Unikey) that turns letters into accents; F-keys and digits pass through it.
    enum class Kind { function, digit, escape };
    Kind kind = Kind::function;
    int n = 0;  // F1 = 1; digit 1..9 (top row or number pad)

    static KeyPress function(int n) { return {Kind::function, n}; }
    static KeyPress digit(int n) { return {Kind::digit, n}; }
    static KeyPress escape() { return {Kind::escape, 0}; }
    friend bool operator==(const KeyPress&, const KeyPress&) = default;
};

}  // namespace motcua::kiosk
