#pragma once
/// Every size, colour and timing of the kiosk screens, scaled to the display.
#include <imgui.h>

#include <array>
#include <cstddef>

#include "kiosk/core/citizen/dossier_lookup.hpp"
#include "kiosk/core/citizen/rating_flow.hpp"
#include "kiosk/core/citizen/ticket_flow.hpp"
#include "kiosk/core/counter/counter_console.hpp"

namespace motcua::kiosk::ui {

/// Calm, high-contrast public-service colours: deep blue header, light page, dark text.
/// Every text/background pair keeps at least WCAG 2.1 AA contrast (most are AAA), and every
/// control's edge at least 3:1 against what surrounds it (tests/kiosk/ui/shell/Contrast.tests.cpp
/// lists the pairs). `high_contrast()` is the same roles on a black page.
struct Palette {
    ImU32 page = IM_COL32(0xF4, 0xF6, 0xFA, 0xFF);
    ImU32 text = IM_COL32(0x1B, 0x1F, 0x24, 0xFF);
    ImU32 text_muted = IM_COL32(0x45, 0x4F, 0x5C, 0xFF);
    ImU32 header = IM_COL32(0x0B, 0x3C, 0x7D, 0xFF);
    ImU32 header_text = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
    ImU32 header_text_soft = IM_COL32(0xD3, 0xE0, 0xF4, 0xFF);
    ImU32 footer = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
    ImU32 rule = IM_COL32(0xD5, 0xDA, 0xE1, 0xFF);
    ImU32 card = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);

    ImU32 primary = IM_COL32(0x0B, 0x57, 0xD0, 0xFF);
    ImU32 primary_pressed = IM_COL32(0x08, 0x42, 0xA0, 0xFF);
    ImU32 primary_text = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
    /// The primary button's edge: its own fill here (the fill stands out from the page);
    /// white in high contrast, where every control gets a clear outline.
    ImU32 primary_border = IM_COL32(0x0B, 0x57, 0xD0, 0xFF);
    ImU32 secondary = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
    ImU32 secondary_pressed = IM_COL32(0xDC, 0xE6, 0xF5, 0xFF);
    ImU32 secondary_text = IM_COL32(0x0B, 0x3C, 0x7D, 0xFF);
    ImU32 secondary_border = IM_COL32(0x0B, 0x3C, 0x7D, 0xFF);
    ImU32 disabled = IM_COL32(0xC4, 0xCA, 0xD3, 0xFF);
    ImU32 disabled_text = IM_COL32(0x40, 0x48, 0x52, 0xFF);

    ImU32 online = IM_COL32(0x1E, 0x7B, 0x34, 0xFF);
    ImU32 connecting = IM_COL32(0x8A, 0x5A, 0x00, 0xFF);
    ImU32 unavailable = IM_COL32(0xB3, 0x26, 0x1E, 0xFF);
    ImU32 notice_fill = IM_COL32(0xFF, 0xF4, 0xF2, 0xFF);
    ImU32 error_text = IM_COL32(0xB3, 0x26, 0x1E, 0xFF);

    // Category tiles: the primary blue, with the number's letter in a white badge.
    ImU32 tile_note = IM_COL32(0xDC, 0xE8, 0xFB, 0xFF);
    ImU32 badge = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
    ImU32 badge_text = IM_COL32(0x0B, 0x3C, 0x7D, 0xFF);
    /// A chosen option (priority group, low-rating reason): light blue behind dark text.
    ImU32 chosen_fill = IM_COL32(0xDC, 0xE8, 0xFB, 0xFF);
    ImU32 info_fill = IM_COL32(0xE8, 0xF5, 0xEC, 0xFF);  // "take your ticket": calm green
    ImU32 info_text = IM_COL32(0x14, 0x5A, 0x27, 0xFF);
    ImU32 qr_dark = IM_COL32(0x00, 0x00, 0x00, 0xFF);  // QR needs plain black on white
    ImU32 qr_light = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
    /// Rating faces, level 1 (red) to 5 (green): the colours people already read as bad..good;
    /// the features are dark on every one of them.
    std::array<ImU32, 5> level{IM_COL32(0xE0, 0x4B, 0x3A, 0xFF), IM_COL32(0xF2, 0x8C, 0x28, 0xFF),
                               IM_COL32(0xF5, 0xC5, 0x18, 0xFF), IM_COL32(0x8B, 0xC3, 0x4A, 0xFF),
                               IM_COL32(0x3D, 0xAE, 0x5C, 0xFF)};
    ImU32 face_ink = IM_COL32(0x1B, 0x1F, 0x24, 0xFF);
    /// The newest call on the board, and the counter it goes to: amber with dark text stands
    /// out on the light page from across the room without reading as an alarm.
    ImU32 highlight = IM_COL32(0xFF, 0xD5, 0x4F, 0xFF);
    ImU32 highlight_text = IM_COL32(0x1B, 0x1F, 0x24, 0xFF);
    /// The keypad's focus ring (DESIGN.md §13): an outer band and an inner one, one of them at
    /// least 3:1 on every surface a control stands on (tests/kiosk/ui/shell/Contrast.tests.cpp).
    ImU32 focus_ring = IM_COL32(0x1B, 0x1F, 0x24, 0xFF);
    ImU32 focus_gap = IM_COL32(0xFF, 0xD5, 0x4F, 0xFF);
    /// The board's numbers: the header's deep blue, the darkest colour after the text.
    ImU32 number = IM_COL32(0x0B, 0x3C, 0x7D, 0xFF);
    /// A text field: white with the secondary border; a focused one gets the primary blue.
    ImU32 field = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
    ImU32 field_border = IM_COL32(0x6B, 0x75, 0x82, 0xFF);
    ImU32 field_selection = IM_COL32(0xB9, 0xD1, 0xF7, 0xFF);
    /// Reports: the table's alternate rows and its total; the charts' series, gridlines and the
    /// target wait. Series colours differ in lightness too, so they read apart in grey.
    ImU32 table_stripe = IM_COL32(0xEC, 0xF0, 0xF6, 0xFF);
    ImU32 table_total = IM_COL32(0xDC, 0xE8, 0xFB, 0xFF);
    ImU32 chart_grid = IM_COL32(0xD5, 0xDA, 0xE1, 0xFF);
    ImU32 chart_issued = IM_COL32(0x8F, 0xB8, 0xF2, 0xFF);  // light blue: what came in
    ImU32 chart_served = IM_COL32(0x0B, 0x57, 0xD0, 0xFF);  // deep blue: what was done
    ImU32 chart_waits = IM_COL32(0x0B, 0x57, 0xD0, 0xFF);
    ImU32 chart_over = IM_COL32(0xE0, 0x8A, 0x1E, 0xFF);  // waits past the target: amber
    ImU32 chart_target = IM_COL32(0xB3, 0x26, 0x1E, 0xFF);
    ImU32 chart_wait_line = IM_COL32(0xC0, 0x5A, 0x00, 0xFF);
    ImU32 chart_satisfied_line = IM_COL32(0x1E, 0x7B, 0x34, 0xFF);

    /// Black page, white and yellow text, white outlines on every control; the QR code stays
    /// black on white and the rating faces keep their colours (with black features).
    static Palette high_contrast();
};

/// What the accessibility switches choose (DESIGN.md §13): the palette and the text size.
struct ThemeVariant {
    bool high_contrast = false;
    /// Every text ×1.5 (the ticket number and the board's clock are large already).
    bool large_text = false;

    friend bool operator==(const ThemeVariant&, const ThemeVariant&) = default;
};

/// WCAG 2.1 contrast ratio of two opaque colours (1 to 21): relative luminances L1 >= L2,
/// (L1 + 0.05) / (L2 + 0.05). AA asks 4.5 for text, 3 for large text and controls' edges.
double contrast_ratio(ImU32 a, ImU32 b);

struct Theme {
    /// Layout and type scale: the display's shorter side over 1080, so a portrait 1080x1920
    /// kiosk and a landscape 1920x1080 TV get the same physical sizes.
    float scale = 1.0F;
    /// The switches this theme was made for; `text_scale` is 1.5 in large-text mode.
    ThemeVariant variant;
    float text_scale = 1.0F;

    // Type sizes in window pixels (1080p values: body readable from two metres).
    float text_small = 0;
    float text_body = 0;
    float text_heading = 0;
    float text_title = 0;
    float text_huge = 0;  // ticket numbers and the board's clock

    // Layout in window pixels.
    float touch_target = 0;  // smallest height of anything tappable
    float button_min_width = 0;
    float button_padding_x = 0;
    float margin = 0;  // page edge to content
    float gap = 0;     // between neighbouring elements
    float header_height = 0;
    /// Extra header height on portrait displays, where the clock moves to a row of its own.
    float header_clock_row = 0;
    /// Displays narrower than this width:height ratio (portrait kiosks) stack the header.
    float wide_aspect = 1.2F;
    float footer_height = 0;
    float rounding = 0;
    float border = 0;
    float rule = 0;          // thin separators
    float status_dot = 0;    // radius of the connection dot
    float admin_corner = 0;  // side of the hidden long-press square, top-left
    float content_max_width = 0;
    float pin_key_w = 0;  // a PIN pad key
    float pin_key_h = 0;
    float pin_dot = 0;  // radius of a masked PIN digit

    // Citizen screens.
    float tile_min_width = 0;  // below two of these side by side, tiles take one column
    float tile_max_height = 0;
    float tile_badge = 0;    // diameter of the letter badge on a category tile
    float key_w = 0;         // rating keypad keys (their height is the touch target)
    float number_box_w = 0;  // the typed ticket number
    float qr_side = 0;       // the phone-page QR code, quiet zone included
    float face = 0;          // diameter of a rating face on its button
    float face_small = 0;    // the idle pad's row of faces
    float check_box = 0;     // side of a reason's check box
    float switch_box = 0;    // side of an accessibility switch's check box
    // Dossier lookup (ticket kiosk): the on-screen keyboard for codes like 000.17.22.H56-…
    float code_key_max_w = 0;  // a key of the code keyboard, at most (10 to a row)...
    float code_key_min_w = 0;  // ...and at least: narrower, the action keys go below the keys
    float code_action_w = 0;  // the column of Xóa, Xóa hết, Tra cứu, Quay lại beside the keys
    float code_entry_max_w = 0;  // the typed code's box
    // Dossier receipt (counter console).
    float dossier_fields_w = 0;      // the applicant's fields beside the procedure list
    float dossier_option_min_w = 0;  // a procedure's button: two columns when both get this

    // Counter console (officers at a desk: mouse and keyboard, read from half a metre).
    float key_cap_w = 0;  // the "F1" plate on an action button
    float key_cap_h = 0;
    float field_w = 0;                 // login text fields
    float console_card_h = 0;          // the current ticket
    float console_side_ratio = 0.36F;  // the right column's share of the width
    float console_row_h = 0;           // a line in the side panels

    // Reports dashboard (an officer's desktop PC with a mouse, read from up to two metres).
    float report_control_h = 0;    // toolbar buttons and tabs
    float report_field_w = 0;      // a date field of the custom period
    float report_row_h = 0;        // a line of the table
    float report_cell_pad = 0;     // space either side of a figure
    float report_label_min_w = 0;  // the first column is never narrower...
    float report_label_max_w = 0;  // ...nor wider
    float chart_line = 0;          // a trend's line, a target's dashes
    float chart_point = 0;         // radius of a trend's point
    float chart_swatch = 0;        // side of a legend's colour square
    float chart_dash = 0;          // length of a target line's dash

    // Display board (a 1080p TV read from five metres).
    float board_row_max = 0;          // tallest counter row
    float board_number_ratio = 0.8F;  // a number's height as a share of its row
    float board_calls_ratio = 0.4F;   // the calls column's share of the width
    float board_strip_h = 0;          // the waiting-per-category strip
    float board_call_row = 0;         // a line of the calls list

    Palette colours;

    // Timings.
    /// Holding the hidden corner this long opens the admin PIN pad.
    float admin_long_press_s = 3.0F;
    /// An abandoned PIN pad closes itself so the next citizen never finds it open.
    double admin_pin_idle_s = 30.0;
    /// Frames drawn after each input event: ImGui 1.86 has no input queue, so a press and a
    /// release arriving together need separate frames to count as a tap.
    int frames_after_input = 3;
    /// Frame period while something animates or is held (a long-press counting down).
    double animation_frame_s = 1.0 / 30.0;
    /// Longest sleep between frames when nothing happens (the clock sets shorter ones).
    double max_idle_wait_s = 60.0;
    /// How long the issued ticket, priority list, rating screens and thanks stay up.
    TicketTiming ticket_timing;
    RatingTiming rating_timing;
    ConsoleTiming console_timing;
    /// The dossier lookup's keyboard and result (ticket kiosk).
    LookupTiming lookup_timing;
    /// The board's newest call stays highlighted this long.
    double board_highlight_s = 10.0;
    /// Calls the board keeps in its list.
    std::size_t board_max_calls = 8;

    /// Sizes for a display of this many window pixels, in `variant`'s colours and text size.
    static Theme for_display(float width, float height, ThemeVariant variant = {});
    /// Window background, no padding or borders: screens lay themselves out.
    void apply(ImGuiStyle& style) const;
};

}  // namespace motcua::kiosk::ui
