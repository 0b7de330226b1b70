#pragma once
/// What each counter-console screen shows, as plain data built from the session, the service's
/// data and the service's clock; and the keyboard shortcuts. Screens draw these and nothing else;
/// tests build them without a window.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/counter/counter_console.hpp"
#include "kiosk/core/shell/app_state.hpp"
#include "kiosk/core/shell/key_press.hpp"
#include "kiosk/core/shell/mode.hpp"
#include "motcua/office_time.hpp"

namespace motcua::kiosk {

/// The six outcomes of DESIGN.md §3, in the order the finish screen lists them (keys 1..6).
inline constexpr std::array<FinishOutcome, 6> kFinishOutcomes{
    FinishOutcome::resolved, FinishOutcome::dossier_received, FinishOutcome::supplement_requested,
    FinishOutcome::refused,  FinishOutcome::guidance,         FinishOutcome::result_returned};

/// The function key shown on an action's button: F1 call next ... F6 finish, F7 pause / resume.
std::optional<int> function_key_of(ConsoleAction action);
/// What `key` does now; none when it does nothing (its button is disabled, or another screen).
/// `transfer_codes` are the categories the transfer screen offers, in order (keys 1..9).
std::optional<ConsoleCommand> command_for_key(const ConsoleSession& session, KeyPress key,
                                              const std::vector<std::string>& transfer_codes);

struct LoginView {
    int counter = 0;
    std::string counter_name;  // "Quầy 3 - Địa chính, xây dựng"; empty until known
    bool busy = false;         // the login request is out
    ConsoleMessage message = ConsoleMessage::none;
};

struct CurrentTicketView {
    std::string number;
    std::string category_name;
    bool priority = false;
    TicketState state = TicketState::called;
    std::string issued_at;            // "07:42", office time
    std::optional<int> waited_s;      // first call − issue (the citizen's wait, DESIGN.md §3)
    std::optional<int> since_call_s;  // while called: since the latest call or recall
    std::optional<int> serving_s;     // while serving: since Start
    std::optional<std::string> appointment_start;  // a checked-in booking's slot: "08:30"
};

/// One of the day's bookings for this counter's categories: never the phone number, and the code
/// masked but its last three characters (the code cancels a booking, and citizens at the desk
/// can read the screen; the last three are enough to match the one a citizen shows).
struct ConsoleBookingRow {
    std::string start;  // "08:30"
    std::string code;   // "•••••QX9"
    AppointmentState state = AppointmentState::booked;
};

/// "Lịch hẹn hôm nay": the day's bookings of the counter's categories, those still due first
/// (earliest slot first), then those checked in, then those missed; cancelled ones are left out.
struct AppointmentsPanel {
    int due = 0;
    int checked_in = 0;
    int missed = 0;
    std::vector<ConsoleBookingRow> rows;
};

struct WaitingRow {
    std::string code;
    std::string name;
    int waiting = 0;
    api::WaitMinutes wait;  // for a ticket taken now
    std::optional<OldestWait> oldest;
};

struct NoShowRow {
    std::string id;
    std::string number;
    std::string at;  // "08:12"
};

struct ConsoleView {
    int counter = 0;
    std::string counter_name;
    std::string officer_name;
    CounterState state = CounterState::closed;
    std::optional<CurrentTicketView> current;
    std::optional<ConsoleAction> pending;
    ConsoleMessage message = ConsoleMessage::none;
    std::string message_subject;
    std::string message_detail;  // a category's name in the screen's language
    /// The categories this counter serves, in its order of preference.
    std::vector<WaitingRow> waiting;
    bool waiting_loaded = false;
    std::optional<OfficerFigures> figures;
    /// None before the list is fetched, or when no booking of the day is for this counter.
    std::optional<AppointmentsPanel> appointments;
    std::vector<NoShowRow> no_shows;                  // newest first
    std::array<bool, kConsoleActionCount> enabled{};  // by ConsoleAction

    [[nodiscard]] bool can(ConsoleAction a) const { return enabled.at(static_cast<size_t>(a)); }
};

struct ChoiceOption {
    std::string code;
    std::string name;
};

/// The transfer screen: every other category; and the finish screen's ticket.
struct ConsoleChoiceView {
    std::string number;
    std::string category_name;
    std::vector<ChoiceOption> categories;  // transfer only
};

LoginView make_login_view(const ConsoleSession& session, const WardData& data);
ConsoleView make_console_view(const ConsoleSession& session, const WardData& data, Language lang,
                              TimePoint service_now, const OfficeZone& zone);
ConsoleChoiceView make_choice_view(const ConsoleSession& session, const WardData& data,
                                   Language lang);
/// A category's name from the service's list, in `lang`; its code when unknown.
std::string category_name(const WardData& data, const std::string& code, Language lang);

}  // namespace motcua::kiosk
