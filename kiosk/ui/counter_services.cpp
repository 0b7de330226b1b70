#include "kiosk/ui/counter_services.hpp"

#include <spdlog/spdlog.h>

namespace motcua::kiosk::ui {

namespace asio = boost::asio;

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

void LiveCounterServices::use_token(std::string token) {
    link_.set_token(std::move(token));
    // The link starts with the first login: before it, every read would be refused (401).
    if (auto started = link_.start(); !started)
        spdlog::error("counter console: ward link: {}", started.error().message);
}

}  // namespace motcua::kiosk::ui
