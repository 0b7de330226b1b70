#pragma once
/// Reports dashboard: the officer's login ("reports_login"). Username and password typed on the
/// desk's keyboard; Enter moves on and signs in. The password is forgotten once it is sent.
#include <array>

#include "kiosk/core/reports_views.hpp"
#include "kiosk/core/view_model.hpp"
#include "kiosk/ui/reports_bar.hpp"

namespace motcua::kiosk::ui {

class ReportsLoginScreen {
public:
    ReportsLoginScreen() = default;
    ~ReportsLoginScreen();
    ReportsLoginScreen(const ReportsLoginScreen&) = delete;
    ReportsLoginScreen& operator=(const ReportsLoginScreen&) = delete;

    void draw(UiFrame& ui, const ShellView& view, const ReportsLoginView& login,
              ReportsCommands& out);

private:
    void submit(ReportsCommands& out);

    static constexpr std::size_t kUsernameBytes = 64;
    static constexpr std::size_t kPasswordBytes = 128;
    std::array<char, kUsernameBytes> username_{};
    std::array<char, kPasswordBytes> password_{};
    enum class Focus { none, username, password };
    Focus focus_ = Focus::username;  // given on the next frame
    ReportsMessage last_message_ = ReportsMessage::none;
};

}  // namespace motcua::kiosk::ui
