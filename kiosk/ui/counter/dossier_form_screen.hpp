#pragma once
/// Counter console: "Tiếp nhận hồ sơ" ("counter_dossier"). Before the visit is finished as
/// dossier_received the officer chooses the procedure (those of the ticket's category first),
/// types the applicant's name (required) and phone (optional, digits) and sees the due date the
/// service would give the dossier now. Nothing is sent until Tiếp nhận; Esc goes back.
#include <array>
#include <cstdint>
#include <string>

#include "kiosk/core/counter/receipt_views.hpp"
#include "kiosk/ui/counter/counter_login_screen.hpp"
#include "kiosk/ui/shell/widgets.hpp"

namespace motcua::kiosk::ui {

class DossierFormScreen {
public:
    DossierFormScreen() = default;
    /// The applicant's data never outlives the screen in memory.
    ~DossierFormScreen();
    DossierFormScreen(const DossierFormScreen&) = delete;
    DossierFormScreen& operator=(const DossierFormScreen&) = delete;

    void draw(UiFrame& ui, const ShellView& view, const std::string& title,
              const DossierFormView& form, ConsoleCommands& out);

private:
    void start(const DossierFormView& form);
    void draw_procedures(UiFrame& ui, Box box, const DossierFormView& form, ConsoleCommands& out);
    void draw_due(UiFrame& ui, const Box& box, const DossierFormView& form);
    static float due_height(const UiFrame& ui, float width);
    void draw_fields(UiFrame& ui, Box box, const DossierFormView& form, ConsoleCommands& out);
    void confirm(ConsoleCommands& out);
    void wipe();

    static constexpr std::size_t kNameBytes = 200;  // the service keeps at most 200 bytes
    static constexpr std::size_t kPhoneBytes = 16;  // 15 digits
    std::array<char, kNameBytes + 1> name_{};
    std::array<char, kPhoneBytes> phone_{};
    std::uint64_t serial_ = 0;  // the form these fields belong to
    std::size_t page_ = 0;
    enum class Focus { none, name, phone };
    Focus focus_ = Focus::none;  // given on the next frame
    /// The form was sent: once the answer is in, a refusal about a field gives it the keyboard.
    bool refocus_ = false;
};

}  // namespace motcua::kiosk::ui
