#pragma once
/// The officer's calls of the ward service (DESIGN.md §4): login, the counter's actions, and the
/// officer's own figures for today from the turnaround report. On the client thread.
#include <boost/asio/awaitable.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "kiosk/core/shell/http_client.hpp"
#include "kiosk/core/shell/ward_api.hpp"
#include "motcua/api.hpp"

namespace motcua::kiosk {

/// Everything the console asks of the service.
enum class ConsoleAction {
    login,  // the officer's login: OfficerLogin sends it, never as a ConsoleRequest
    open,
    close,
    pause,
    call_next,
    recall,
    start,
    no_show,
    transfer,
    finish,
    reinstate,
};

inline constexpr std::size_t kConsoleActionCount =
    static_cast<std::size_t>(ConsoleAction::reinstate) + 1;

/// One request from the console; the fields its action needs are set.
struct ConsoleRequest {
    std::uint64_t id = 0;  // matches the answer to the request
    ConsoleAction action = ConsoleAction::call_next;
    int counter = 0;
    std::optional<std::string> category;   // transfer
    std::optional<FinishOutcome> outcome;  // finish
    std::optional<std::string> ticket;     // reinstate: the ticket id
    // finish with dossier_received: the procedure and who hands the dossier in; with
    // result_returned: the dossier whose result is collected.
    std::optional<std::string> procedure;
    std::optional<api::Applicant> applicant;
    std::optional<std::string> dossier;
};

/// A finish that received a dossier: the ticket, and the dossier the service made of it (the
/// officers' full view: code, due date, applicant).
struct FinishedWithDossier {
    api::TicketView ticket;
    api::DossierView dossier;
};

/// What the service answered: a counter (open, close, pause), or a ticket (every ticket action;
/// empty when call-next found nobody waiting: 204), or a finish that received a dossier.
using ConsoleReply =
    std::variant<api::CounterInfo, std::optional<api::TicketView>, FinishedWithDossier>;

/// "/counters/3/call-next" and the like.
std::string console_path(const ConsoleRequest& request);

/// Sends `request` with the officer's `token` and decodes the answer.
boost::asio::awaitable<Result<ConsoleReply>> send_console_request(HttpClient& http, Token token,
                                                                  ConsoleRequest request);

/// The officer's own day from `GET /reports/turnaround?group_by=officer`.
struct OfficerFigures {
    int served = 0;
    /// Means over the served tickets; absent before the first one.
    std::optional<double> mean_service_s;
    std::optional<double> mean_wait_s;
};

/// Picks the row of `username` from a turnaround report grouped by officer; no row = nothing
/// served yet today.
Result<OfficerFigures> decode_officer_figures(std::string_view body, std::string_view username);

boost::asio::awaitable<Result<OfficerFigures>> fetch_officer_figures(HttpClient& http, Token token,
                                                                     Day day, std::string username);

/// The day's bookings (GET /appointments?date=D, officers only): the console lists those of its
/// categories. The phone numbers in it are never put on screen.
boost::asio::awaitable<Result<std::vector<api::BookingView>>> fetch_day_appointments(
    HttpClient& http, Token token, Day day);

}  // namespace motcua::kiosk
