#pragma once
/// What the counter console needs done away from the UI thread: send an action, fetch the
/// officer's figures, the procedures and a due date, print a dossier's receipt, and read the
/// ward's data with the officer's token. Callbacks run on the UI thread. Tests substitute a fake.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/counter/counter_api.hpp"
#include "kiosk/core/shell/client_thread.hpp"
#include "kiosk/core/shell/print_worker.hpp"
#include "kiosk/core/shell/ward_link.hpp"
#include "kiosk/print/ticket_printer.hpp"

namespace motcua::kiosk {

class CounterServices {
public:
    using LoginDone = std::function<void(const Result<api::LoginResponse>&)>;
    using AnswerDone = std::function<void(const Result<ConsoleReply>&)>;
    using FiguresDone = std::function<void(const Result<OfficerFigures>&)>;
    using AppointmentsDone = std::function<void(const Result<std::vector<api::BookingView>>&)>;
    using ProceduresDone = std::function<void(const Result<std::vector<api::ProcedureInfo>>&)>;
    using DueDateDone = std::function<void(const Result<api::DueDatePreview>&)>;
    using PrintDone = std::function<void(const Status&)>;

    CounterServices() = default;
    virtual ~CounterServices() = default;
    CounterServices(const CounterServices&) = delete;
    CounterServices& operator=(const CounterServices&) = delete;

    /// POST /auth/login (the officer's login, as the reports dashboard sends it).
    virtual void log_in(api::LoginRequest request, LoginDone done) = 0;
    /// `token` is the officer's session.
    virtual void send(ConsoleRequest request, Token token, AnswerDone done) = 0;
    virtual void fetch_figures(Token token, Day day, std::string username, FiguresDone done) = 0;
    /// The day's bookings (the console lists those of its categories).
    virtual void fetch_appointments(Token token, Day day, AppointmentsDone done) = 0;
    /// Logged in: categories, counters and events are read with this token from now on.
    virtual void use_token(std::string token) = 0;
    virtual void fetch_procedures(Token token, ProceduresDone done) = 0;
    virtual void fetch_due_date(Token token, std::string procedure, DueDateDone done) = 0;
    /// --printer was given: received dossiers get their receipt printed.
    [[nodiscard]] virtual bool has_printer() const = 0;
    /// The printer as the officer's messages name it ("tcp://10.0.0.9:9100"); empty without one.
    [[nodiscard]] virtual std::string printer_name() const = 0;
    /// Fetches form 01 of dossier `code` and sends it to the printer, off the UI thread.
    virtual void print_receipt(Token token, std::string code, PrintDone done) = 0;
};

/// The real services: commands on the client thread, and the ward link started at login.
class LiveCounterServices final : public CounterServices {
public:
    /// Without `printer` received dossiers are not printed (the receipt screen says so).
    LiveCounterServices(ClientThread& client, WardLink& link,
                        std::optional<print::PrinterTarget> printer = std::nullopt);

    void log_in(api::LoginRequest request, LoginDone done) override;
    void send(ConsoleRequest request, Token token, AnswerDone done) override;
    void fetch_figures(Token token, Day day, std::string username, FiguresDone done) override;
    void fetch_appointments(Token token, Day day, AppointmentsDone done) override;
    void use_token(std::string token) override;
    void fetch_procedures(Token token, ProceduresDone done) override;
    void fetch_due_date(Token token, std::string procedure, DueDateDone done) override;
    [[nodiscard]] bool has_printer() const override { return printer_.has_value(); }
    [[nodiscard]] std::string printer_name() const override;
    void print_receipt(Token token, std::string code, PrintDone done) override;

private:
    ClientThread& client_;
    WardLink& link_;
    std::optional<print::PrinterTarget> printer_;
    /// A printer may take its whole timeout: neither the screen nor the network waits for it.
    std::optional<PrintWorker> print_thread_;  // only with a printer
};

}  // namespace motcua::kiosk
