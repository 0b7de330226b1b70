#pragma once
/// What the counter console needs done away from the UI thread: send an action, fetch the
/// officer's figures, and read the ward's data with the officer's token. Callbacks run on the UI
/// thread. Tests substitute a fake.
#include <functional>
#include <string>

#include "kiosk/core/client_thread.hpp"
#include "kiosk/core/counter_api.hpp"
#include "kiosk/core/ward_link.hpp"

namespace motcua::kiosk::ui {

class CounterServices {
public:
    using AnswerDone = std::function<void(const Result<ConsoleReply>&)>;
    using FiguresDone = std::function<void(const Result<OfficerFigures>&)>;

    CounterServices() = default;
    virtual ~CounterServices() = default;
    CounterServices(const CounterServices&) = delete;
    CounterServices& operator=(const CounterServices&) = delete;

    /// `token` is the officer's session (none for the login itself).
    virtual void send(ConsoleRequest request, Token token, AnswerDone done) = 0;
    virtual void fetch_figures(Token token, Day day, std::string username, FiguresDone done) = 0;
    /// Logged in: categories, counters and events are read with this token from now on.
    virtual void use_token(std::string token) = 0;
};

/// The real services: commands on the client thread, and the ward link started at login.
class LiveCounterServices final : public CounterServices {
public:
    LiveCounterServices(ClientThread& client, WardLink& link) : client_(client), link_(link) {}

    void send(ConsoleRequest request, Token token, AnswerDone done) override;
    void fetch_figures(Token token, Day day, std::string username, FiguresDone done) override;
    void use_token(std::string token) override;

private:
    ClientThread& client_;
    WardLink& link_;
};

}  // namespace motcua::kiosk::ui
