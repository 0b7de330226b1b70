#pragma once
/// The ticket kiosk's code keyboard: "Tra cứu hồ sơ" ("dossier_lookup": the dossier code, digits,
/// A–Z, '.', '-') and "Tôi đã đặt lịch hẹn" ("appointment_check_in": the booking code, the keys
/// a booking code never holds greyed). The citizen types on big on-screen keys or scans; the
/// notice line says what is happening or why nothing came of it, and a check-in refused offers
/// a normal ticket.
#include <string>

#include "kiosk/core/citizen/lookup_views.hpp"
#include "kiosk/ui/citizen/citizen_layout.hpp"

namespace motcua::kiosk::ui {

/// "…" and as much of the end of `text` as fits `width`: the end is where typing happens.
std::string fit_tail(const ImFont* font, std::string_view text, float width);

/// The notice for a lookup that found nothing or a check-in that gave no ticket; empty for none.
std::string lookup_problem_text(const Translator& tr, const LookupEntryView& v,
                                const std::string& example);

class DossierLookupScreen {
public:
    /// `example` is a code of the ward's form, shown while nothing is typed.
    void draw(UiFrame& ui, const ShellView& view, const LookupEntryView& v,
              const std::string& example, Commands& out);

private:
    struct Keyboard {
        float key_w = 0;
        bool actions_beside = true;  // the action keys as a column at the right, else a row below
        [[nodiscard]] float width(const Theme& t) const;
        [[nodiscard]] float height(const Theme& t) const;
    };
    static Keyboard keyboard_for(const Theme& t, float width);
    void draw_keyboard(UiFrame& ui, ImVec2 at, const Keyboard& k, const LookupEntryView& v,
                       Commands& out);
    void draw_entry(UiFrame& ui, const Box& box, const LookupEntryView& v,
                    const std::string& example);
    /// Room for the prompt or any notice, so the keys never move under a finger.
    static float status_height(const UiFrame& ui, float width, CodeKind kind,
                               const std::string& example);
    void draw_status(UiFrame& ui, const Box& box, const LookupEntryView& v,
                     const std::string& example, Commands& out);
};

}  // namespace motcua::kiosk::ui
