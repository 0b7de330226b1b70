#include "kiosk/ui/counter/counter_screens.hpp"

#include <spdlog/spdlog.h>

#include <utility>

namespace motcua::kiosk::ui {

CounterScreens::CounterScreens(CounterScreensConfig config, OfficeZone zone,
                               CounterServices& services)
    : config_(std::move(config)), zone_(std::move(zone)), services_(services), session_([&] {
          ConsoleSettings s = config_.session;
          s.has_printer = services.has_printer();
          return s;
      }()) {}

CounterScreens::~CounterScreens() {
    *alive_ = false;
}

void CounterScreens::on_event(const api::Event& event) {
    if (session_.on_event(event, config_.clocks.steady()).fetch_appointments) fetch_appointments();
}

void CounterScreens::on_service_time(TimePoint service_now, TimePoint local_now) {
    clock_.sample(service_now, local_now);
    session_.on_service_time(service_now);
    if (std::exchange(figures_wait_for_clock_, false)) fetch_figures();
}

Token CounterScreens::token() const {
    if (!session_.officer()) return std::nullopt;
    return session_.officer()->token;
}

void CounterScreens::draw(UiFrame& ui, const ShellView& view, const AppState& state) {
    // The caret would need a frame every half second; the field's border already shows focus.
    ImGui::GetIO().ConfigInputTextCursorBlink = false;
    carry_out(session_.tick(ui.steady_now));
    bool acted = false;
    for (const KeyPress& key : ui.keys) {
        if (auto command = command_for_key(session_, key, transfer_codes_)) {
            apply(*command, ui.steady_now);
            acted = true;
        }
    }

    const Language lang = ui.tr.language();
    const WardData& data = state.ward;
    ConsoleCommands commands;
    const std::string title = console_title(ui, session_.counter(), [&] {
        for (const auto& c : data.counters)
            if (c.number == session_.counter()) return c.name;
        return std::string();
    }());
    switch (session_.screen()) {
        case ConsoleScreen::login:
            login_.draw(ui, view, make_login_view(session_, data), commands);
            break;
        case ConsoleScreen::console:
            console_.draw(ui, view,
                          make_console_view(session_, data, lang, clock_.now(ui.wall_now), zone_),
                          commands);
            break;
        case ConsoleScreen::transfer: {
            const ConsoleChoiceView choice = make_choice_view(session_, data, lang);
            transfer_codes_.clear();
            for (const auto& c : choice.categories) transfer_codes_.push_back(c.code);
            choice_.draw_transfer(ui, view, title, choice, commands);
            break;
        }
        case ConsoleScreen::finish:
            choice_.draw_finish(ui, view, title, make_choice_view(session_, data, lang), commands);
            break;
        case ConsoleScreen::dossier_form:
            dossier_form_.draw(ui, view, title, make_dossier_form_view(session_, data, lang),
                               commands);
            break;
        case ConsoleScreen::dossier_return:
            dossier_return_.draw(ui, view, title, make_dossier_return_view(session_), commands);
            break;
        case ConsoleScreen::receipt:
            receipt_.draw(ui, view, title, make_receipt_view(session_), services_.printer_name(),
                          commands);
            break;
    }
    for (const auto& command : commands) apply(command, ui.steady_now);
    acted = acted || !commands.empty();
    // A click or key changes the screen: show it in the next frame rather than at the next event.
    ui.redraw_within(acted ? 0.0 : session_.next_change_in(ui.steady_now));
}

void CounterScreens::apply(const ConsoleCommand& command, SteadyTime now) {
    carry_out(session_.apply(command, now));
}

void CounterScreens::carry_out(const ConsoleEffects& effects) {
    if (effects.token) services_.use_token(*effects.token);
    if (effects.login) {
        const std::uint64_t id = effects.login->id;
        services_.log_in(effects.login->request, [this, id, alive = std::weak_ptr<bool>(alive_)](
                                                     const Result<api::LoginResponse>& answer) {
            if (alive.expired()) return;
            if (!answer)
                spdlog::warn("counter {}: login refused: {} ({})", session_.counter(),
                             answer.error().message, wire_name(answer.error().code));
            carry_out(session_.on_login(id, answer, config_.clocks.steady()));
        });
    }
    if (effects.request) {
        const ConsoleRequest request = *effects.request;
        services_.send(request, token(),
                       [this, request,
                        alive = std::weak_ptr<bool>(alive_)](const Result<ConsoleReply>& answer) {
                           if (alive.expired()) return;
                           if (!answer)
                               spdlog::warn("counter {}: {} not done: {} ({})", request.counter,
                                            console_path(request), answer.error().message,
                                            wire_name(answer.error().code));
                           carry_out(session_.on_answer(request.id, answer, config_.clocks.steady(),
                                                        clock_.now(config_.clocks.wall())));
                       });
    }
    if (effects.fetch_figures) fetch_figures();
    if (effects.fetch_procedures) {
        services_.fetch_procedures(
            token(), [this, alive = std::weak_ptr<bool>(alive_)](
                         const Result<std::vector<api::ProcedureInfo>>& list) {
                if (alive.expired()) return;
                if (!list) spdlog::warn("counter console: procedures: {}", list.error().message);
                session_.on_procedures(list);
            });
    }
    if (effects.fetch_due_date) {
        const std::string code = *effects.fetch_due_date;
        services_.fetch_due_date(token(), code,
                                 [this, code, alive = std::weak_ptr<bool>(alive_)](
                                     const Result<api::DueDatePreview>& preview) {
                                     if (alive.expired()) return;
                                     if (!preview)
                                         spdlog::warn("counter console: due date of {}: {}", code,
                                                      preview.error().message);
                                     session_.on_due_date(code, preview, config_.clocks.steady());
                                 });
    }
    if (effects.print_receipt) print_receipt(*effects.print_receipt);
}

void CounterScreens::print_receipt(const std::string& code) {
    services_.print_receipt(
        token(), code, [this, code, alive = std::weak_ptr<bool>(alive_)](const Status& st) {
            if (alive.expired()) return;
            if (!st)
                spdlog::error("counter {}: receipt of dossier {} not printed: {}",
                              session_.counter(), code, st.error().message);
            session_.on_receipt_printed(code, st);
        });
}

void CounterScreens::fetch_figures() {
    if (!session_.officer()) return;
    if (!clock_.known()) {
        figures_wait_for_clock_ = true;
        return;
    }
    const Day today = zone_.office_day(clock_.now(config_.clocks.wall()));
    services_.fetch_figures(
        token(), today, session_.officer()->officer.username,
        [this, alive = std::weak_ptr<bool>(alive_)](const Result<OfficerFigures>& figures) {
            if (alive.expired()) return;
            // The figures are a courtesy: the last ones stay on screen.
            if (!figures) spdlog::warn("counter console: figures: {}", figures.error().message);
            session_.on_figures(figures);
        });
    fetch_appointments();
}

void CounterScreens::fetch_appointments() {
    if (!session_.officer() || !clock_.known()) return;
    const Day today = zone_.office_day(clock_.now(config_.clocks.wall()));
    const std::uint64_t id = ++appointments_request_;
    services_.fetch_appointments(
        token(), today,
        [this, id,
         alive = std::weak_ptr<bool>(alive_)](const Result<std::vector<api::BookingView>>& list) {
            // Only the latest request's answer: an older list must not replace a newer one.
            if (alive.expired() || id != appointments_request_) return;
            if (!list) spdlog::warn("counter console: appointments: {}", list.error().message);
            session_.on_appointments(list);
        });
}

}  // namespace motcua::kiosk::ui
