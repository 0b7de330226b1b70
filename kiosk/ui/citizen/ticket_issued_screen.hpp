#pragma once
/// The issued ticket ("ticket_issued"): the number in huge type, its category, the counters that
/// serve it, people ahead, the estimate, a QR code of the phone page and the print status. When
/// no slip came out, a big "Vui lòng ghi nhớ số của bạn" and a longer stay on screen.
#include "kiosk/core/citizen/citizen_views.hpp"
#include "kiosk/ui/citizen/citizen_layout.hpp"
#include "motcua/qr.hpp"

namespace motcua::kiosk::ui {

/// The lines the screen and the printed slip share, in the translator's language.
std::string issued_counters_text(const Translator& tr, const TicketIssuedView& ticket);
std::string issued_ahead_text(const Translator& tr, const TicketIssuedView& ticket);
std::string issued_estimate_text(const Translator& tr, const TicketIssuedView& ticket);
/// What guidance mode says when the ticket is issued: its number read aloud, where and how long
/// to wait.
std::string issued_speech(const Translator& tr, const TicketIssuedView& ticket);

class TicketIssuedScreen {
public:
    /// `qr` may be null (encoding failed): the rest of the screen stands without it.
    void draw(UiFrame& ui, const ShellView& view, const TicketIssuedView& ticket,
              const QrMatrix* qr, Commands& out);

private:
    /// The card with the number; returns its height for `width`.
    float card_height(const UiFrame& ui, float width, const TicketIssuedView& ticket) const;
    void draw_card(UiFrame& ui, const Box& box, const TicketIssuedView& ticket);
    /// Height of the details at `width` (the longest print status counted).
    float details_height(const UiFrame& ui, float width, const TicketIssuedView& ticket,
                         bool with_qr) const;
    /// Counters, people ahead, estimate, QR and print status, from the top of `box`.
    void draw_details(UiFrame& ui, const Box& box, const TicketIssuedView& ticket,
                      const QrMatrix* qr);
};

}  // namespace motcua::kiosk::ui
