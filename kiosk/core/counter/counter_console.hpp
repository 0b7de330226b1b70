#pragma once
/// The counter console (--mode counter) as one state machine: UI thread, no ImGui. The officer's
/// login, the counter's state and its current ticket, one action at a time with the service's
/// answer, the counter's no-shows, and what to say when something fails. Local state changes
/// only on the service's word: a refused or unanswered action leaves everything as it was.
#include <chrono>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "kiosk/core/counter/console_messages.hpp"
#include "kiosk/core/counter/counter_api.hpp"
#include "kiosk/core/counter/dossier_desk.hpp"
#include "kiosk/core/counter/waiting_tracker.hpp"
#include "kiosk/core/shell/officer_login.hpp"

namespace motcua::kiosk {

using SteadyTime = std::chrono::steady_clock::time_point;

/// Screens; the a11y dump names them with console_screen_name().
enum class ConsoleScreen {
    login,
    console,
    transfer,
    finish,
    dossier_form,    // "Tiếp nhận hồ sơ": procedure, applicant, due date
    dossier_return,  // "Trả kết quả": the dossier's code
    receipt,         // the dossier received, its code and due date, and its printed receipt
};
std::string_view console_screen_name(ConsoleScreen screen);

struct ConsoleTiming {
    /// An information message ("nobody waiting") fades after this long; failures stay until the
    /// next action, so an officer who looked away still reads why nothing happened.
    double info_s = 10;
    /// The officer's own figures are fetched again this often (and after each finish).
    double figures_every_s = 60;
    /// An open receipt form asks for its due date again this often: it moves to the next
    /// working day at the procedure's cut-off.
    double due_date_every_s = 60;
};

namespace console_cmd {
struct Login {
    std::string username;
    std::string password;
};
struct Logout {};
struct OpenCounter {};
struct PauseCounter {};
struct CloseCounter {};
struct CallNext {};
struct Recall {};
struct Start {};
struct NoShow {};
struct OpenTransfer {};
struct ChooseCategory {
    std::string code;
};
struct OpenFinish {};
struct ChooseOutcome {
    FinishOutcome outcome;
};
struct CancelDialog {};
struct Reinstate {
    std::string ticket_id;
};
// The receipt form and the return of a result.
struct ChooseProcedure {
    std::string code;
};
struct RetryProcedures {};
struct ConfirmDossier {
    std::string applicant_name;
    std::string phone;  // digits, or empty
};
struct ConfirmReturn {
    std::string code;  // as typed or scanned
};
struct Reprint {};
struct CloseReceipt {};
}  // namespace console_cmd

using ConsoleCommand =
    std::variant<console_cmd::Login, console_cmd::Logout, console_cmd::OpenCounter,
                 console_cmd::PauseCounter, console_cmd::CloseCounter, console_cmd::CallNext,
                 console_cmd::Recall, console_cmd::Start, console_cmd::NoShow,
                 console_cmd::OpenTransfer, console_cmd::ChooseCategory, console_cmd::OpenFinish,
                 console_cmd::ChooseOutcome, console_cmd::CancelDialog, console_cmd::Reinstate,
                 console_cmd::ChooseProcedure, console_cmd::RetryProcedures,
                 console_cmd::ConfirmDossier, console_cmd::ConfirmReturn, console_cmd::Reprint,
                 console_cmd::CloseReceipt>;

/// What must happen outside the session.
struct ConsoleEffects {
    /// The officer's login (the shared OfficerLogin flow); its answer goes to on_login.
    std::optional<LoginJob> login;
    std::optional<ConsoleRequest> request;
    /// Logged in: the ward link reads categories, counters and events with this token.
    std::optional<std::string> token;
    bool fetch_figures = false;
    /// The day's bookings changed (an appointment event): fetch them again. They are also
    /// fetched with the figures.
    bool fetch_appointments = false;
    /// GET /procedures (after login, and when the receipt form needs them).
    bool fetch_procedures = false;
    /// GET /procedures/{code}/due-date for the receipt form.
    std::optional<std::string> fetch_due_date;
    /// Fetch form 01 of this dossier and send it to the console's printer.
    std::optional<std::string> print_receipt;
};

struct ConsoleSettings {
    int counter = 0;
    ConsoleTiming timing;
    /// --printer was given: received dossiers get their receipt printed.
    bool has_printer = false;
};

/// A ticket this counter marked absent today, which the officer may put back in the queue.
struct NoShow {
    std::string id;
    std::string number;
    TimePoint at;  // service time of the no-show
};

class ConsoleSession {
public:
    explicit ConsoleSession(ConsoleSettings settings)
        : settings_(settings), desk_(settings.has_printer, settings.timing.due_date_every_s) {}

    [[nodiscard]] ConsoleScreen screen() const { return screen_; }
    [[nodiscard]] int counter() const { return settings_.counter; }
    [[nodiscard]] const std::optional<api::LoginResponse>& officer() const {
        return login_.officer();
    }
    [[nodiscard]] CounterState counter_state() const { return state_; }
    [[nodiscard]] const std::optional<api::TicketView>& current() const { return current_; }
    /// Service time of the current ticket's latest call or recall at this counter.
    [[nodiscard]] std::optional<TimePoint> called_at() const { return called_at_; }
    /// The action waiting for the service's answer (buttons wait meanwhile).
    [[nodiscard]] std::optional<ConsoleAction> pending() const;
    [[nodiscard]] ConsoleMessage message() const { return message_; }
    /// What the message is about: a ticket number or an officer's name...
    [[nodiscard]] const std::string& message_subject() const { return subject_; }
    /// ...and where it went (a transfer's category code).
    [[nodiscard]] const std::string& message_detail() const { return detail_; }
    [[nodiscard]] const std::vector<NoShow>& no_shows() const { return no_shows_; }
    [[nodiscard]] const std::optional<OfficerFigures>& figures() const { return figures_; }
    [[nodiscard]] const WaitingTracker& waiting() const { return waiting_; }
    /// Procedures, the receipt form's choice and due date, the last receipt.
    [[nodiscard]] const DossierDesk& desk() const { return desk_; }
    /// The action can be asked now (the buttons' enabled state; shortcuts follow it).
    [[nodiscard]] bool can(ConsoleAction action) const;
    /// Seconds until something on screen changes by itself.
    [[nodiscard]] double next_change_in(SteadyTime now) const;

    ConsoleEffects apply(const ConsoleCommand& command, SteadyTime now);
    ConsoleEffects tick(SteadyTime now);
    ConsoleEffects on_login(std::uint64_t id, const Result<api::LoginResponse>& answer,
                            SteadyTime now);
    ConsoleEffects on_answer(std::uint64_t id, const Result<ConsoleReply>& answer, SteadyTime now,
                             TimePoint service_now);
    /// An event from the ward; its effect is a fetch of the day's bookings when one changed.
    ConsoleEffects on_event(const api::Event& event, SteadyTime now);
    void on_figures(const Result<OfficerFigures>& figures);
    void on_appointments(const Result<std::vector<api::BookingView>>& list);
    /// The day's bookings as last fetched; none before the first answer.
    [[nodiscard]] const std::optional<std::vector<api::BookingView>>& appointments() const {
        return appointments_;
    }
    void on_procedures(const Result<std::vector<api::ProcedureInfo>>& list);
    void on_due_date(const std::string& procedure, const Result<api::DueDatePreview>& preview,
                     SteadyTime now);
    void on_receipt_printed(const std::string& code, const Status& status);
    /// The first reading of the service's clock: the waiting tracker counts from it.
    void on_service_time(TimePoint service_now) { waiting_.start(service_now); }

private:
    struct Pending {
        std::uint64_t id = 0;
        ConsoleAction action = ConsoleAction::call_next;
        std::string subject;  // ticket number, category or dossier code, for the messages
        std::optional<FinishOutcome> outcome;  // finish
    };

    ConsoleEffects send(ConsoleRequest request, std::string subject, SteadyTime now);
    ConsoleEffects succeeded(const Pending& p, const ConsoleReply& reply, SteadyTime now,
                             TimePoint service_now);
    void failed(const Pending& p, const Error& error, SteadyTime now);
    void say(ConsoleMessage message, std::string subject, SteadyTime now, std::string detail = {});
    /// The event an answered action causes: when it arrives it is already applied.
    void expect(EventType type, const std::string& ticket_id);
    void apply_event(const api::Event& event, const api::TicketView& ticket, int at_counter);
    void add_no_show(const api::TicketView& ticket, TimePoint at);
    void drop_no_show(const std::string& id);
    void logout();
    /// The receipt form and the return form: checked here, then sent as a finish.
    ConsoleEffects confirm_dossier(const console_cmd::ConfirmDossier& c, SteadyTime now);
    ConsoleEffects confirm_return(const console_cmd::ConfirmReturn& c, SteadyTime now);
    /// A finish answered: the receipt, the return said, or back at the desk.
    void finished(const Pending& p, const std::optional<api::DossierView>& dossier,
                  ConsoleEffects& out, SteadyTime now);

    ConsoleSettings settings_;
    ConsoleScreen screen_ = ConsoleScreen::login;
    OfficerLogin login_;
    CounterState state_ = CounterState::closed;
    std::optional<api::TicketView> current_;
    std::optional<TimePoint> called_at_;
    /// Events of this console's own answered actions, not yet seen: they are skipped, so one
    /// that arrives after a newer answer never turns the screen back. Events of actions made
    /// elsewhere (or answered too late: a timeout after the service acted) do apply.
    std::vector<std::pair<EventType, std::string>> expected_;
    /// Ticket events applied before their own action's answer came (the WebSocket won the race).
    std::deque<std::pair<EventType, std::string>> seen_;
    std::optional<Pending> pending_;
    std::uint64_t next_id_ = 1;
    ConsoleMessage message_ = ConsoleMessage::none;
    std::string subject_;
    std::string detail_;
    SteadyTime message_at_{};
    std::vector<NoShow> no_shows_;
    std::optional<OfficerFigures> figures_;
    std::optional<std::vector<api::BookingView>> appointments_;
    std::optional<SteadyTime> figures_at_;  // last fetch asked
    WaitingTracker waiting_;
    DossierDesk desk_;
};

}  // namespace motcua::kiosk
