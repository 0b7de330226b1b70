#pragma once
/// Counter console: "Trả kết quả" ("counter_return"). The citizen collects an earlier dossier's
/// result: the officer types its code or scans the receipt (the scanner types it into the field
/// with Enter), and the visit is finished as result_returned with that dossier.
#include <array>
#include <cstdint>
#include <string>

#include "kiosk/core/counter/receipt_views.hpp"
#include "kiosk/ui/counter/counter_login_screen.hpp"
#include "kiosk/ui/shell/widgets.hpp"

namespace motcua::kiosk::ui {

class DossierReturnScreen {
public:
    void draw(UiFrame& ui, const ShellView& view, const std::string& title,
              const DossierReturnView& form, ConsoleCommands& out);

private:
    /// A scanned link is longer than a code: room for one.
    static constexpr std::size_t kCodeBytes = 256;
    std::array<char, kCodeBytes> code_{};
    std::uint64_t serial_ = 0;
    bool focus_ = false;  // given on the next frame
    /// A code was sent: once the answer is in (a refusal), the field takes the keyboard again.
    bool refocus_ = false;
};

}  // namespace motcua::kiosk::ui
