#pragma once
/// The accessibility tree of a frame and its --a11y-dump file (DESIGN.md §5).
#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "motcua/enum_names.hpp"
#include "motcua/result.hpp"

namespace motcua::kiosk::ui {

enum class A11yRole { button, textbox, checkbox, text };

/// A rectangle in window pixels.
struct A11yRect {
    float x = 0;
    float y = 0;
    float w = 0;
    float h = 0;
};

/// One visible element, in window pixels (not framebuffer pixels).
struct A11yElement {
    A11yRole role = A11yRole::text;
    std::string label;
    float x = 0;
    float y = 0;
    float w = 0;
    float h = 0;
    bool enabled = true;
    /// Has the keypad's (or guidance's) focus: `"focused": true` in the dump.
    bool focused = false;
    /// A control's words as they would be drawn at full length (before any "…" cut): when
    /// they do not lie inside the control, its label is clipped (large text, a long
    /// translation). Absent for text and for controls without words.
    std::optional<A11yRect> label_box = {};
    /// A switch or check box: whether it is on.
    std::optional<bool> checked = {};
};

struct A11yTree {
    std::string screen;
    std::vector<A11yElement> elements;
};

/// Widgets report what they drew; the screen names itself. Reset at the start of each frame.
class A11yRecorder {
public:
    void begin_frame();
    void set_screen(std::string name) { tree_.screen = std::move(name); }
    void add(A11yElement element) { tree_.elements.push_back(std::move(element)); }
    /// Grows element `index`'s label box to cover `box` too (words drawn in pieces).
    void extend_label_box(std::size_t index, const A11yRect& box);
    void set_checked(std::size_t index, bool checked) {
        if (index < tree_.elements.size()) tree_.elements[index].checked = checked;
    }
    [[nodiscard]] const A11yTree& tree() const { return tree_; }

private:
    A11yTree tree_;
};

/// `{"screen": NAME, "elements": [...]}` with one element per line, so shell scripts can
/// pick an element with grep; coordinates rounded to whole pixels. After DESIGN.md's fields a
/// control may have `"checked": BOOL` and its label box (the words at full length) as
/// `"label_x"`, `"label_y"`, `"label_w"`, `"label_h"`.
std::string to_json_text(const A11yTree& tree);

/// Writes `path.tmp.PID` then renames it over `path`: a reader sees the old or the new file,
/// never half of one.
Status write_file_atomically(const std::filesystem::path& path, std::string_view content);

/// Rewrites the dump file only when the screen's content differs from the last write.
class A11yDumpWriter {
public:
    explicit A11yDumpWriter(std::filesystem::path path) : path_(std::move(path)) {}
    /// True when the file was rewritten.
    Result<bool> write_if_changed(const A11yTree& tree);

private:
    std::filesystem::path path_;
    std::string last_;
};

}  // namespace motcua::kiosk::ui

namespace motcua {

template <>
struct EnumNames<kiosk::ui::A11yRole> {
    static constexpr std::array<std::pair<kiosk::ui::A11yRole, std::string_view>, 4> names{
        {{kiosk::ui::A11yRole::button, "button"},
         {kiosk::ui::A11yRole::textbox, "textbox"},
         {kiosk::ui::A11yRole::checkbox, "checkbox"},
         {kiosk::ui::A11yRole::text, "text"}}};
};

}  // namespace motcua
