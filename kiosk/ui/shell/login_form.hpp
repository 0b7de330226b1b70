#pragma once
/// The officers' login form (counter console, reports dashboard): username and password typed on
/// the desk's keyboard; Enter moves on, then signs in. The password is wiped once it is sent.
#include <array>
#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "kiosk/ui/shell/widgets.hpp"

namespace motcua::kiosk::ui {

/// What the screen around the form says in it, and whether a login is out.
struct LoginFormContent {
    std::string_view heading;
    std::string_view note;
    std::string_view message;  // under the fields (a refusal); empty for none
    /// Every message the screen may show there: the slot keeps the tallest one's height, so the
    /// button never jumps.
    std::span<const TextId> messages;
    bool busy = false;  // a login is out: the fields and the button wait
};

class LoginForm {
public:
    /// Hands the typed username and password to the screen's login command.
    using Send = std::function<void(const char* username, const char* password)>;

    /// `id_prefix` keeps the screen's ImGui ids apart ("reports-" gives "##reports-username").
    explicit LoginForm(std::string_view id_prefix = {});
    ~LoginForm();
    LoginForm(const LoginForm&) = delete;
    LoginForm& operator=(const LoginForm&) = delete;

    /// The form centred in `body`, its fields and button `control_h` high. `send` is called
    /// once per submit with a username typed; the password is wiped after it returns.
    void draw(UiFrame& ui, const Box& body, const LoginFormContent& content, float control_h,
              const Send& send);

    /// The keyboard goes to that field on the next frame (at start: the username).
    void focus_username() { focus_ = Focus::username; }
    /// After a refusal: the password was wiped with the attempt, to be typed again.
    void focus_password() { focus_ = Focus::password; }

private:
    void submit(const Send& send);

    static constexpr std::size_t kUsernameBytes = 64;
    static constexpr std::size_t kPasswordBytes = 128;
    std::array<char, kUsernameBytes> username_{};
    std::array<char, kPasswordBytes> password_{};
    enum class Focus { none, username, password };
    Focus focus_ = Focus::username;  // given on the next frame
    std::string username_id_;
    std::string password_id_;
    std::string button_id_;
};

}  // namespace motcua::kiosk::ui
