#pragma once
/// "Tra cứu hồ sơ" at the ticket kiosk ("dossier_lookup"): the citizen types the dossier code on
/// a big on-screen keyboard (digits, A–Z, '.', '-') or scans the receipt; the notice line says
/// what is happening or why nothing was found.
#include <string>

#include "kiosk/core/citizen/lookup_views.hpp"
#include "kiosk/ui/citizen/citizen_layout.hpp"

namespace motcua::kiosk::ui {

/// "…" and as much of the end of `text` as fits `width`: the end is where typing happens.
std::string fit_tail(const ImFont* font, std::string_view text, float width);

/// The notice for a lookup that found nothing; empty for none.
std::string lookup_problem_text(const Translator& tr, LookupProblem problem,
                                const std::string& code, const std::string& example);

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
    static float status_height(const UiFrame& ui, float width, const std::string& example);
    void draw_status(UiFrame& ui, const Box& box, const LookupEntryView& v,
                     const std::string& example);
};

}  // namespace motcua::kiosk::ui
