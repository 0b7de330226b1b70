#pragma once
/// The admin PIN pad ("admin_pin") that lets ward IT leave full-screen kiosk mode.
#include <string>

#include "kiosk/core/shell/admin_pin.hpp"
#include "kiosk/ui/shell/screen.hpp"

namespace motcua::kiosk::ui {

class AdminPinScreen final : public Screen {
public:
    explicit AdminPinScreen(AdminPinGate gate) : gate_(std::move(gate)) {}

    /// Starts a fresh entry; the pad closes itself after the theme's idle time.
    void open(std::chrono::steady_clock::time_point now);
    /// Emits ExitKiosk when the PIN is right, CloseAdminPin on cancel or when left idle.
    void draw(UiFrame& ui, const ShellView& view) override;

private:
    enum class Message { none, wrong, locked };

    void press(UiFrame& ui, char key);
    void submit(UiFrame& ui);

    AdminPinGate gate_;
    std::string entry_;
    Message message_ = Message::none;
    std::chrono::steady_clock::time_point last_activity_{};
};

}  // namespace motcua::kiosk::ui
