#pragma once
/// The booking page `/dat-lich` (DESIGN.md §10): plain server-rendered HTML for a phone, in
/// Vietnamese with an English switch. One page per step: category, day, slot, phone and confirm;
/// then the booking with its code in large type, its QR code, where and when to come, what to
/// bring, and a cancel button. Pure: the routes fill a BookingPage and send the text.
#include <optional>
#include <string>
#include <vector>

#include "motcua/api.hpp"
#include "motcua/qr.hpp"

namespace motcua::api {

struct BookingPage {
    enum class Step { category, day, slot, phone, booking, not_found };
    Step step = Step::category;
    bool en = false;
    std::string office_name;
    std::string address;  // may be empty
    std::string hours;    // "07:30–11:30, 13:00–17:00"

    struct Choice {
        std::string value;  // what the link carries: a category code, a date, a start
        std::string label;  // what it says
        std::string note;   // "2 chỗ trống"
        bool enabled = true;
    };
    std::vector<Choice> choices;  // the step's options

    std::string category;  // chosen so far (codes and values)
    std::string category_name;
    std::string date;        // YYYY-MM-DD
    std::string date_label;  // "Thứ Ba, 24/11/2026"
    std::string start;
    std::string end;
    std::string phone;  // as typed, to refill the form after a refusal
    std::string error;  // a refusal in plain words; empty for none

    std::optional<BookingView> booking;  // the booking step
    bool just_booked = false;
    std::optional<QrMatrix> qr;  // of the booking's link
    std::string link;            // /dat-lich/{code}
    /// What to bring, per procedure of the category that lists its documents.
    struct Documents {
        std::string procedure;
        std::vector<std::string> items;
    };
    std::vector<Documents> documents;
    std::vector<std::string> procedures;  // the category's procedures without a list
};

/// The whole HTML document of one step.
std::string render_booking_page(const BookingPage& page);
/// The inline scripts the booking pages run (the cancel button's confirmation, in each
/// language), exactly as written in the pages: their hashes are the page's CSP script-src.
const std::vector<std::string>& booking_page_scripts();
/// The CSP source expressions ("'sha256-…'") of booking_page_scripts().
const std::string& booking_page_script_hashes();

/// "Thứ Ba, 24/11/2026" or "Tuesday 24/11/2026".
std::string day_label(Day day, bool en);

}  // namespace motcua::api
