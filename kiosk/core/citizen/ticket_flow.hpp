#pragma once
/// The ticket kiosk's screens as a state machine (UI thread, no ImGui): home with its category
/// tiles and priority choice, issuing, and the issued ticket with its print status.
#include <chrono>
#include <optional>
#include <string>

#include "motcua/api.hpp"
#include "motcua/result.hpp"

namespace motcua::kiosk {

using SteadyTime = std::chrono::steady_clock::time_point;

struct TicketTiming {
    /// The issued ticket stays this long when its slip printed...
    double issued_s = 15;
    /// ...and this long when it did not: the citizen must note the number.
    double issued_unprinted_s = 45;
    /// A priority list left alone goes back home, so the next citizen starts clean.
    double idle_return_s = 30;
    /// A failed issue's notice on the home screen.
    double notice_s = 15;
    /// The "issuing" notice and the greyed tiles wait this long after the tap (the tapped tile
    /// stays pressed meanwhile): the service usually answers within tens of milliseconds, and a
    /// notice that flashes for one frame only delays the ticket by a frame on a software renderer.
    double issuing_notice_after_s = 0.3;
};

enum class TicketScreen { home, priority, issued };

/// The slip: no printer configured, on its way, out, or failed (the number stays on screen).
enum class PrintState { none, printing, printed, failed };

/// Why the last tap on a tile gave no ticket, in words the home screen can say.
enum class IssueProblem {
    none,
    unreachable,  // the service did not answer
    stopped,      // issuing_stopped: no more tickets today
    refused,      // any other refusal (misconfigured kiosk, unknown category...)
};

IssueProblem issue_problem_of(const Error& e);

class TicketFlow {
public:
    TicketFlow(TicketTiming timing, bool has_printer)
        : timing_(timing), has_printer_(has_printer) {}

    [[nodiscard]] TicketScreen screen() const { return screen_; }
    /// The chosen priority reason's code, while the next ticket will be a priority one.
    [[nodiscard]] const std::optional<std::string>& priority_reason() const { return priority_; }
    /// A ticket request is with the service: tiles wait rather than issue twice.
    [[nodiscard]] bool issuing() const { return issuing_; }
    /// The request has been out long enough to say so (see TicketTiming).
    [[nodiscard]] bool issuing_notice_due(SteadyTime now) const;
    /// The category of the request under way.
    [[nodiscard]] const std::string& issuing_category() const { return issuing_category_; }
    [[nodiscard]] IssueProblem problem() const { return problem_; }
    [[nodiscard]] const std::optional<api::TicketView>& ticket() const { return ticket_; }
    /// The priority reason the shown ticket was issued with.
    [[nodiscard]] const std::optional<std::string>& ticket_priority() const {
        return ticket_priority_;
    }
    [[nodiscard]] PrintState print_state() const { return print_; }
    /// Whole seconds until the issued screen goes home by itself (rounded up).
    [[nodiscard]] int seconds_left(SteadyTime now) const;
    /// Seconds until something on screen changes by itself; a large number when nothing will.
    [[nodiscard]] double next_change_in(SteadyTime now) const;

    void open_priority(SteadyTime now);
    void choose_priority(std::string code, SteadyTime now);
    void clear_priority();
    /// From the priority list without choosing.
    void back_home();
    /// A tile was tapped: the request to send, or nothing while one is already under way.
    std::optional<api::IssueTicketRequest> choose_category(const std::string& code, SteadyTime now);
    /// The service answered the request.
    void on_issued(const Result<api::TicketView>& result, SteadyTime now);
    /// A check-in at the code keyboard gave this ticket (marked with its appointment): it shows
    /// and prints like any other. Ignored while a tile's request is under way.
    void on_checked_in(const api::TicketView& ticket, SteadyTime now);
    /// The print thread finished the slip of ticket `id`.
    void on_printed(const std::string& id, bool ok, SteadyTime now);
    /// "Xong": the citizen is done with the issued screen.
    void done();
    /// Time passes. True when the flow went home by itself (a citizen's session ended).
    bool tick(SteadyTime now);

private:
    void go_home();
    void show(const api::TicketView& ticket, SteadyTime now);

    TicketTiming timing_;
    bool has_printer_;
    TicketScreen screen_ = TicketScreen::home;
    std::optional<std::string> priority_;
    bool issuing_ = false;
    SteadyTime issuing_at_{};
    std::string issuing_category_;
    IssueProblem problem_ = IssueProblem::none;
    SteadyTime problem_at_{};
    SteadyTime screen_at_{};  // when the current screen (or its print result) appeared
    std::optional<api::TicketView> ticket_;
    std::optional<std::string> ticket_priority_;
    PrintState print_ = PrintState::none;
};

}  // namespace motcua::kiosk
