#pragma once
/// The window: GLFW + OpenGL 3 (GLSL 130) with Dear ImGui's backends, and idle sleeping.
#include <imgui.h>

#include <memory>
#include <string>
#include <vector>

#include "kiosk/core/shell/key_press.hpp"
#include "motcua/result.hpp"

struct GLFWwindow;

namespace motcua::kiosk::platform {

struct WindowSpec {
    /// Full screen on the primary monitor, no decorations: the kiosk default.
    bool fullscreen = true;
    /// Window size when not full screen.
    int width = 0;
    int height = 0;
    std::string title = "motcua-kiosk";
};

/// Owns GLFW, the window, the GL context and the ImGui context with its GLFW/OpenGL3 backends.
/// UI thread only, except post_wakeup().
class GlfwPlatform {
public:
    static Result<std::unique_ptr<GlfwPlatform>> create(const WindowSpec& spec);
    ~GlfwPlatform();
    GlfwPlatform(const GlfwPlatform&) = delete;
    GlfwPlatform& operator=(const GlfwPlatform&) = delete;

    /// Sleeps until an event, a wake-up or `timeout_s`; returns at once (polls) when 0.
    void wait_events(double timeout_s);
    /// Input events (mouse, touch, keys, focus) seen since the last call.
    int take_input_events();
    /// Shortcut keys (F-keys, digits, Escape) pressed since the last call, in order: latched
    /// here because ImGui 1.86 loses a press and release that arrive in the same poll.
    std::vector<KeyPress> take_key_presses();
    /// Before each frame: a key pressed and released since the last frame is shown to ImGui as
    /// held for this frame (ImGui 1.86 reads key state, and would miss such a quick tap).
    void settle_keys();
    /// The window's close button (or the window manager) asked to close.
    [[nodiscard]] bool close_requested() const;
    /// Kiosk mode refuses to close: clears the request.
    void refuse_close();

    /// Window size in window pixels and framebuffer pixels per window pixel.
    [[nodiscard]] ImVec2 window_size() const;
    [[nodiscard]] float pixel_density() const;
    /// Uploads the font atlas again after it was rebuilt.
    void reload_fonts();

    void begin_frame();
    /// Renders ImGui's frame and swaps, unless it would put on screen exactly what is there
    /// already (the same draw lists and clear colour, nothing exposed or resized since): a
    /// 1080p frame costs a software renderer some 15 ms. Returns whether it was rendered.
    bool end_frame(ImU32 clear_colour);
    /// Ends ImGui's frame without showing it: it is out of date already (see
    /// release_pending() and run_main_loop).
    void discard_frame();
    /// A button or key went down and up again since the last frame: ImGui sees the press in
    /// this frame and the release only in the next, so this frame is shown for no one.
    [[nodiscard]] bool release_pending() const { return release_pending_; }

    /// Any thread: wakes wait_events (glfwPostEmptyEvent). A no-op before create() and after
    /// destruction.
    static void post_wakeup();

private:
    explicit GlfwPlatform(GLFWwindow* window) : window_(window) {}
    GLFWwindow* window_;
    bool imgui_glfw_ = false;
    bool imgui_gl_ = false;
    bool release_pending_ = false;
    /// What the last rendered frame drew (vertices, indices, commands, clear colour, size), to
    /// see whether the next one changes anything on screen.
    std::vector<unsigned char> shown_;
    std::vector<unsigned char> next_;
};

}  // namespace motcua::kiosk::platform
