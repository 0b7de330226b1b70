#pragma once
/// Counter console: the dossier just received ("counter_receipt"). Its code big, the due date
/// to tell the citizen, and the receipt's way to the printer (form 01, fetched from the service
/// and printed off the UI thread) with "In lại". Enter or Esc goes back to the desk; F1 calls
/// the next citizen straight away.
#include <string>

#include "kiosk/core/counter/receipt_views.hpp"
#include "kiosk/ui/counter/counter_login_screen.hpp"
#include "kiosk/ui/shell/widgets.hpp"

namespace motcua::kiosk::ui {

/// What the print line says; `printer` names the printer in a failure.
std::string receipt_print_text(const Translator& tr, ReceiptPrint print,
                               const std::string& printer);

class ReceiptScreen {
public:
    void draw(UiFrame& ui, const ShellView& view, const std::string& title, const ReceiptView& v,
              const std::string& printer, ConsoleCommands& out);

private:
    float card_height(const UiFrame& ui, float width, const ReceiptView& v) const;
    void draw_card(UiFrame& ui, const Box& box, const ReceiptView& v);
};

}  // namespace motcua::kiosk::ui
