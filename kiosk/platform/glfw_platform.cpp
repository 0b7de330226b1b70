#include "kiosk/platform/glfw_platform.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <optional>
#include <utility>

namespace motcua::kiosk::platform {

namespace {

/// GLSL version of the OpenGL 3.0 context: old enough for every Mesa and Intel GPU
/// a ward's kiosk may have.
constexpr const char* kGlslVersion = "#version 130";
constexpr int kGlMajor = 3;
constexpr int kGlMinor = 0;

// post_wakeup may come from the client thread while the UI thread tears GLFW down: the mutex
// makes "GLFW is alive" and the call to glfwPostEmptyEvent one step.
std::mutex g_wakeup_mutex;
bool g_glfw_alive = false;
std::atomic<int> g_input_events{0};
// The window's contents were lost or resized (expose, resize, new font texture): the next frame
// is rendered even if it draws what the last one did.
bool g_damaged = true;

void on_glfw_error(int code, const char* description) {
    spdlog::error("GLFW error {}: {}", code, description);
}

// GLFW calls back on the UI thread, inside wait_events: no lock needed.
// Mouse buttons pressed since the last frame, and those of them already released again: the
// backend shows such a press to ImGui for one frame and the release in the next.
unsigned g_buttons_pressed = 0;
unsigned g_buttons_tapped = 0;

// Counting callbacks, installed before ImGui's backend, which chains to them. They only count
// (and note taps): the backend feeds ImGui.
void count_mouse_button(GLFWwindow* /*w*/, int button, int action, int /*mods*/) {
    ++g_input_events;
    if (button < 0 || button >= 32) return;
    const unsigned bit = 1U << static_cast<unsigned>(button);
    if (action == GLFW_PRESS) g_buttons_pressed |= bit;
    if (action == GLFW_RELEASE && (g_buttons_pressed & bit) != 0) g_buttons_tapped |= bit;
}
void count_cursor(GLFWwindow* /*w*/, double /*x*/, double /*y*/) {
    ++g_input_events;
}
void count_scroll(GLFWwindow* /*w*/, double /*x*/, double /*y*/) {
    ++g_input_events;
}
std::optional<KeyPress> shortcut_key(int key, int mods) {
    const bool shift = (mods & GLFW_MOD_SHIFT) != 0;
    // Keypad operation: a USB numeric keypad has Tab, Enter and `*`; a keyboard has the arrows.
    switch (key) {
        case GLFW_KEY_TAB:
            return shift ? KeyPress::previous() : KeyPress::next();
        case GLFW_KEY_RIGHT:
        case GLFW_KEY_DOWN:
            return KeyPress::next();
        case GLFW_KEY_LEFT:
        case GLFW_KEY_UP:
            return KeyPress::previous();
        case GLFW_KEY_ENTER:
        case GLFW_KEY_KP_ENTER:
            return KeyPress::activate();
        case GLFW_KEY_KP_MULTIPLY:
            return KeyPress::repeat();
        case GLFW_KEY_8:
            if (shift) return KeyPress::repeat();  // `*` on a keyboard's top row
            break;
        default:
            break;
    }
    if (key >= GLFW_KEY_F1 && key <= GLFW_KEY_F12) return KeyPress::function(key - GLFW_KEY_F1 + 1);
    if (key >= GLFW_KEY_1 && key <= GLFW_KEY_9) return KeyPress::digit(key - GLFW_KEY_1 + 1);
    if (key >= GLFW_KEY_KP_1 && key <= GLFW_KEY_KP_9)
        return KeyPress::digit(key - GLFW_KEY_KP_1 + 1);
    if (key == GLFW_KEY_ESCAPE) return KeyPress::escape();
    return std::nullopt;
}

std::vector<KeyPress> g_key_presses;
// Keys pressed since the last frame, and those of them already released again: ImGui 1.86 reads
// key state, not events, so a press and release in one poll would never be seen (Enter in a text
// field). Such a key is held down for one frame (see settle_keys).
std::vector<int> g_pressed;
std::vector<int> g_tapped;
std::vector<int> g_held_for_a_frame;

void count_key(GLFWwindow* /*w*/, int key, int /*scancode*/, int action, int mods) {
    ++g_input_events;
    if (action == GLFW_RELEASE &&
        std::find(g_pressed.begin(), g_pressed.end(), key) != g_pressed.end())
        g_tapped.push_back(key);
    if (action != GLFW_PRESS) return;  // auto-repeat must not call the next citizen twice
    g_pressed.push_back(key);
    if (const auto k = shortcut_key(key, mods)) g_key_presses.push_back(*k);
}
void count_char(GLFWwindow* /*w*/, unsigned int /*c*/) {
    ++g_input_events;
}
void count_enter(GLFWwindow* /*w*/, int /*entered*/) {
    ++g_input_events;
}
void count_focus(GLFWwindow* /*w*/, int /*focused*/) {
    ++g_input_events;
}
void count_resize(GLFWwindow* /*w*/, int /*width*/, int /*height*/) {
    ++g_input_events;
    g_damaged = true;
}
void count_refresh(GLFWwindow* /*w*/) {
    ++g_input_events;
    g_damaged = true;
}

/// Appends the bytes of `v` to `out`: the frame's fingerprint, compared whole.
template <typename T>
void append_bytes(std::vector<unsigned char>& out, const T& v) {
    const auto* p = reinterpret_cast<const unsigned char*>(&v);
    out.insert(out.end(), p, p + sizeof(T));
}

/// Everything that decides the frame's pixels, in one byte string; false if it cannot be told
/// (a draw callback).
bool fingerprint(const ImDrawData& data, ImU32 clear_colour, int fb_w, int fb_h,
                 std::vector<unsigned char>& out) {
    out.clear();
    append_bytes(out, clear_colour);
    append_bytes(out, fb_w);
    append_bytes(out, fb_h);
    append_bytes(out, data.DisplayPos);
    append_bytes(out, data.DisplaySize);
    append_bytes(out, data.FramebufferScale);
    for (int i = 0; i < data.CmdListsCount; ++i) {
        const ImDrawList& list = *data.CmdLists[i];
        append_bytes(out, list.VtxBuffer.Size);
        append_bytes(out, list.IdxBuffer.Size);
        append_bytes(out, list.CmdBuffer.Size);
        const auto* vtx = reinterpret_cast<const unsigned char*>(list.VtxBuffer.Data);
        out.insert(out.end(), vtx, vtx + list.VtxBuffer.size_in_bytes());
        const auto* idx = reinterpret_cast<const unsigned char*>(list.IdxBuffer.Data);
        out.insert(out.end(), idx, idx + list.IdxBuffer.size_in_bytes());
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            if (cmd.UserCallback != nullptr) return false;
            append_bytes(out, cmd.ClipRect);
            append_bytes(out, cmd.TextureId);
            append_bytes(out, cmd.VtxOffset);
            append_bytes(out, cmd.IdxOffset);
            append_bytes(out, cmd.ElemCount);
        }
    }
    return true;
}

}  // namespace

Result<std::unique_ptr<GlfwPlatform>> GlfwPlatform::create(const WindowSpec& spec) {
    glfwSetErrorCallback(on_glfw_error);
    if (glfwInit() != GLFW_TRUE)
        return make_error(ErrorCode::no_display, "cannot start GLFW (is there a display?)");
    {
        const std::lock_guard lock(g_wakeup_mutex);
        g_glfw_alive = true;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, kGlMajor);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, kGlMinor);
    // A kiosk must stay on screen when focus moves (e.g. a notification): never minimise.
    glfwWindowHint(GLFW_AUTO_ICONIFY, GLFW_FALSE);

    GLFWwindow* window = nullptr;
    if (spec.fullscreen) {
        GLFWmonitor* monitor = glfwGetPrimaryMonitor();
        const GLFWvidmode* mode = monitor != nullptr ? glfwGetVideoMode(monitor) : nullptr;
        if (mode == nullptr) {
            glfwTerminate();
            return make_error(ErrorCode::no_display,
                              "no monitor found for full-screen mode (try --windowed WxH)");
        }
        glfwWindowHint(GLFW_DECORATED, GLFW_FALSE);
        window = glfwCreateWindow(mode->width, mode->height, spec.title.c_str(), monitor, nullptr);
    } else {
        window = glfwCreateWindow(spec.width, spec.height, spec.title.c_str(), nullptr, nullptr);
    }
    if (window == nullptr) {
        {
            const std::lock_guard lock(g_wakeup_mutex);
            g_glfw_alive = false;
        }
        glfwTerminate();
        return make_error(ErrorCode::no_window, "cannot open an OpenGL 3.0 window");
    }
    std::unique_ptr<GlfwPlatform> p(new GlfwPlatform(window));
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);

    glfwSetMouseButtonCallback(window, count_mouse_button);
    glfwSetCursorPosCallback(window, count_cursor);
    glfwSetScrollCallback(window, count_scroll);
    glfwSetKeyCallback(window, count_key);
    glfwSetCharCallback(window, count_char);
    glfwSetCursorEnterCallback(window, count_enter);
    glfwSetWindowFocusCallback(window, count_focus);
    glfwSetFramebufferSizeCallback(window, count_resize);
    glfwSetWindowRefreshCallback(window, count_refresh);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // a kiosk keeps no window layout between runs
    io.LogFilename = nullptr;
    p->imgui_glfw_ = ImGui_ImplGlfw_InitForOpenGL(window, true);
    p->imgui_gl_ = ImGui_ImplOpenGL3_Init(kGlslVersion);
    if (!p->imgui_glfw_ || !p->imgui_gl_)
        return make_error(ErrorCode::no_window, "cannot start the ImGui renderer");
    // Now rather than lazily in the first NewFrame, so reload_fonts() can always replace the
    // font texture instead of racing the backend's own first upload.
    ImGui_ImplOpenGL3_CreateDeviceObjects();
    return p;
}

GlfwPlatform::~GlfwPlatform() {
    if (imgui_gl_) ImGui_ImplOpenGL3_Shutdown();
    if (imgui_glfw_) ImGui_ImplGlfw_Shutdown();
    if (ImGui::GetCurrentContext() != nullptr) ImGui::DestroyContext();
    {
        const std::lock_guard lock(g_wakeup_mutex);
        g_glfw_alive = false;
    }
    glfwDestroyWindow(window_);
    glfwTerminate();
}

void GlfwPlatform::wait_events(double timeout_s) {
    if (timeout_s <= 0)
        glfwPollEvents();
    else
        glfwWaitEventsTimeout(timeout_s);
}

int GlfwPlatform::take_input_events() {
    return g_input_events.exchange(0);
}

std::vector<KeyPress> GlfwPlatform::take_key_presses() {
    return std::exchange(g_key_presses, {});
}

void GlfwPlatform::settle_keys() {
    release_pending_ = g_buttons_tapped != 0 || !g_tapped.empty();
    g_buttons_pressed = 0;
    g_buttons_tapped = 0;
    ImGuiIO& io = ImGui::GetIO();
    const auto in_range = [&](int k) { return k >= 0 && k < IM_ARRAYSIZE(io.KeysDown); };
    for (int k : std::exchange(g_held_for_a_frame, {}))
        if (in_range(k) && glfwGetKey(window_, k) != GLFW_PRESS) io.KeysDown[k] = false;
    for (int k : std::exchange(g_tapped, {})) {
        if (!in_range(k)) continue;
        io.KeysDown[k] = true;  // seen down this frame, up the next
        g_held_for_a_frame.push_back(k);
    }
    g_pressed.clear();
}

bool GlfwPlatform::close_requested() const {
    return glfwWindowShouldClose(window_) != 0;
}

void GlfwPlatform::refuse_close() {
    glfwSetWindowShouldClose(window_, GLFW_FALSE);
}

ImVec2 GlfwPlatform::window_size() const {
    int w = 0;
    int h = 0;
    glfwGetWindowSize(window_, &w, &h);
    return {static_cast<float>(w), static_cast<float>(h)};
}

float GlfwPlatform::pixel_density() const {
    int w = 0;
    int fb_w = 0;
    int h = 0;
    int fb_h = 0;
    glfwGetWindowSize(window_, &w, &h);
    glfwGetFramebufferSize(window_, &fb_w, &fb_h);
    return w > 0 ? static_cast<float>(fb_w) / static_cast<float>(w) : 1.0F;
}

void GlfwPlatform::reload_fonts() {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    // The atlas now lives in the GPU texture; its CPU copies (tens of MB with the Vietnamese
    // ranges at five sizes) are not needed until the next rebuild, which makes them anew.
    ImGui::GetIO().Fonts->ClearTexData();
    g_damaged = true;  // the same vertices may now sample other glyphs
}

void GlfwPlatform::begin_frame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
}

bool GlfwPlatform::end_frame(ImU32 clear_colour) {
    ImGui::Render();
    int w = 0;
    int h = 0;
    glfwGetFramebufferSize(window_, &w, &h);
    const ImDrawData& data = *ImGui::GetDrawData();
    // The swap left the last frame on screen; drawing it again would cost a full render.
    const bool known = fingerprint(data, clear_colour, w, h, next_);
    if (known && !g_damaged && next_ == shown_) return false;
    glViewport(0, 0, w, h);
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(clear_colour);
    glClearColor(c.x, c.y, c.z, c.w);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(window_);
    g_damaged = !known;
    std::swap(shown_, next_);
    return true;
}

void GlfwPlatform::discard_frame() {
    ImGui::EndFrame();
}

void GlfwPlatform::post_wakeup() {
    const std::lock_guard lock(g_wakeup_mutex);
    if (g_glfw_alive) glfwPostEmptyEvent();
}

}  // namespace motcua::kiosk::platform
