#include "kiosk/core/counter/counter_services.hpp"

#include <spdlog/spdlog.h>

#include <vector>

#include "kiosk/core/counter/dossier_api.hpp"
#include "kiosk/core/shell/officer_login.hpp"
#include "kiosk/print/document_printer.hpp"

namespace motcua::kiosk {

namespace asio = boost::asio;

LiveCounterServices::LiveCounterServices(ClientThread& client, WardLink& link,
                                         std::optional<print::PrinterTarget> printer)
    : client_(client), link_(link), printer_(std::move(printer)) {
    if (printer_) print_thread_.emplace(client_.ui_queue());
}

void LiveCounterServices::log_in(api::LoginRequest request, LoginDone done) {
    client_.post(
        [request = std::move(request), done = std::move(done), &queue = client_.ui_queue()](
            HttpClient& http, const ClientSettings&) -> asio::awaitable<void> {
            auto answer = co_await officer_login(http, request);
            queue.push([done, answer = std::move(answer)] { done(answer); });
        });
}

void LiveCounterServices::send(ConsoleRequest request, Token token, AnswerDone done) {
    client_.post([request = std::move(request), token = std::move(token), done = std::move(done),
                  &queue = client_.ui_queue()](HttpClient& http,
                                               const ClientSettings&) -> asio::awaitable<void> {
        auto answer = co_await send_console_request(http, token, request);
        queue.push([done, answer = std::move(answer)] { done(answer); });
    });
}

void LiveCounterServices::fetch_figures(Token token, Day day, std::string username,
                                        FiguresDone done) {
    client_.post([token = std::move(token), day, username = std::move(username),
                  done = std::move(done), &queue = client_.ui_queue()](
                     HttpClient& http, const ClientSettings&) -> asio::awaitable<void> {
        auto figures = co_await fetch_officer_figures(http, token, day, username);
        queue.push([done, figures = std::move(figures)] { done(figures); });
    });
}

void LiveCounterServices::fetch_appointments(Token token, Day day, AppointmentsDone done) {
    client_.post(
        [token = std::move(token), day, done = std::move(done), &queue = client_.ui_queue()](
            HttpClient& http, const ClientSettings&) -> asio::awaitable<void> {
            auto list = co_await fetch_day_appointments(http, token, day);
            queue.push([done, list = std::move(list)] { done(list); });
        });
}

void LiveCounterServices::use_token(std::string token) {
    link_.set_token(std::move(token));
    // The link starts with the first login: before it, every read would be refused (401).
    if (auto started = link_.start(); !started)
        spdlog::error("counter console: ward link: {}", started.error().message);
}

}  // namespace motcua::kiosk

namespace motcua::kiosk {

void LiveCounterServices::fetch_procedures(Token token, ProceduresDone done) {
    client_.post([token = std::move(token), done = std::move(done), &queue = client_.ui_queue()](
                     HttpClient& http, const ClientSettings&) -> asio::awaitable<void> {
        auto list = co_await kiosk::fetch_procedures(http, token);
        queue.push([done, list = std::move(list)] { done(list); });
    });
}

void LiveCounterServices::fetch_due_date(Token token, std::string procedure, DueDateDone done) {
    client_.post([token = std::move(token), procedure = std::move(procedure),
                  done = std::move(done), &queue = client_.ui_queue()](
                     HttpClient& http, const ClientSettings&) -> asio::awaitable<void> {
        auto preview = co_await kiosk::fetch_due_date(http, token, procedure);
        queue.push([done, preview = std::move(preview)] { done(preview); });
    });
}

std::string LiveCounterServices::printer_name() const {
    return printer_ ? print::describe(*printer_) : std::string();
}

void LiveCounterServices::print_receipt(Token token, std::string code, PrintDone done) {
    if (!printer_ || !print_thread_) {
        done(make_error(ErrorCode::no_printer, "no printer configured"));
        return;
    }
    // The form comes over the network (client thread), then goes to paper (print thread).
    client_.post([token = std::move(token), code = std::move(code), done = std::move(done),
                  target = *printer_, worker = &*print_thread_, &queue = client_.ui_queue()](
                     HttpClient& http, const ClientSettings&) -> asio::awaitable<void> {
        auto form = co_await fetch_receipt_form(http, token, code);
        if (!form) {
            spdlog::warn("receipt of dossier {}: form 01 not fetched: {} ({})", code,
                         form.error().message, wire_name(form.error().code));
            queue.push([done, error = form.error()] { done(error); });
            co_return;
        }
        worker->submit(
            [bytes = std::move(*form), target, code] {
                const std::span<const std::uint8_t> data(
                    reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
                auto sent = print::send_document(data, target, code + "-mau-01.pdf");
                if (sent)
                    spdlog::info("receipt of dossier {} sent to {} ({} bytes)", code,
                                 print::describe(target), bytes.size());
                else
                    spdlog::warn("receipt of dossier {} not printed: {}", code,
                                 sent.error().message);
                return sent;
            },
            done);
    });
}

}  // namespace motcua::kiosk
