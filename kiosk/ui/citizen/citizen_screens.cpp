#include "kiosk/ui/citizen/citizen_screens.hpp"

#include <spdlog/spdlog.h>

namespace motcua::kiosk::ui {

CitizenScreens::CitizenScreens(CitizenScreensConfig config, OfficeZone zone,
                               CitizenServices& services)
    : config_(std::move(config)), zone_(std::move(zone)), services_(services), session_([&] {
          CitizenSettings s = config_.session;
          s.has_printer = services.has_printer();
          return s;
      }()) {}

CitizenScreens::~CitizenScreens() {
    *alive_ = false;
}

void CitizenScreens::on_event(const api::Event& event) {
    session_.on_event(event, last_now_);
}

void CitizenScreens::draw(UiFrame& ui, const ShellView& view, const AppState& state) {
    last_now_ = ui.steady_now;
    // Every citizen screen has the accessibility switches in its footer (DESIGN.md §13).
    ui.accessibility_switches = true;
    carry_out(session_.tick(ui.steady_now), ui);
    prepare_ticket(ui, state.ward);

    Commands commands;
    read_typing(ui, commands);
    draw_screen(ui, view, state, commands);
    for (const auto& command : commands) carry_out(session_.apply(command, ui.steady_now), ui);
    // A tap changes the screen: show it in the next frame rather than at the next event.
    ui.redraw_within(commands.empty() ? session_.next_change_in(ui.steady_now) : 0.0);
}

void CitizenScreens::draw_screen(UiFrame& ui, const ShellView& view, const AppState& state,
                                 Commands& out) {
    const Language lang = ui.tr.language();
    const WardConfig& ward = config_.ward;
    switch (session_.screen()) {
        case CitizenScreen::ticket_home:
            return ticket_home_.draw(
                ui, view,
                make_ticket_home_view(state.ward, ward, session_.ticket(), lang, ui.steady_now),
                out);
        case CitizenScreen::ticket_priority:
            return ticket_priority_.draw(ui, view,
                                         make_priority_view(ward, session_.ticket(), lang), out);
        case CitizenScreen::ticket_issued:
            return ticket_issued_.draw(ui, view,
                                       make_issued_view(state.ward, ward, session_.ticket(), lang,
                                                        config_.server_origin, ui.steady_now),
                                       qr_ ? &*qr_ : nullptr, out);
        case CitizenScreen::rate_keypad:
            return rate_keypad_.draw(ui, view, make_keypad_view(ward, session_.rating()), out);
        case CitizenScreen::rating_idle:
            return rating_idle_.draw(
                ui, view,
                make_rating_idle_view(state.ward, config_.session.counter, config_.session.scale));
        case CitizenScreen::rating_levels:
            return rating_levels_.draw(ui, view, make_levels_view(session_.rating()),
                                       session_.rating().source() == RatingSource::kiosk, out);
        case CitizenScreen::rating_reasons:
            return rating_reasons_.draw(ui, view, make_reasons_view(session_.rating()), out);
        case CitizenScreen::rating_sending:
            return rating_sending_.draw(ui, view);
        case CitizenScreen::rating_thanks:
            return rating_thanks_.draw(ui, view, make_thanks_view(session_.rating()),
                                       session_.rating().number());
        case CitizenScreen::dossier_lookup:
        case CitizenScreen::appointment_check_in:
            return dossier_lookup_.draw(
                ui, view, make_lookup_entry_view(session_.lookup(), state.ward, ward, lang),
                example_code(session_.lookup().kind()), out);
        case CitizenScreen::dossier_result:
            return dossier_result_.draw(
                ui, view,
                make_lookup_result_view(session_.lookup(), ward, lang, zone_, ui.steady_now), out);
    }
}

void CitizenScreens::read_typing(const UiFrame& ui, Commands& out) const {
    if (config_.session.mode != Mode::ticket) return;
    // ImGui 1.86 keeps the frame's typed characters in its input queue: nothing on the citizen
    // screens takes them (no text field), so they are read here. A scanner types the code and
    // Enter within a few milliseconds: both may arrive in one frame, characters first.
    ImGuiIO& io = ImGui::GetIO();
    std::string text;
    for (const ImWchar ch : io.InputQueueCharacters)
        if (ch >= 0x20 && ch < 0x7F) text.push_back(static_cast<char>(ch));
    if (!text.empty()) out.emplace_back(cmd::TypeText{std::move(text)});
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace), false))
        out.emplace_back(cmd::TypeBackspace{});
    // Enter on a keypad-focused key or tile chooses it; it is not the end of a typed code.
    const bool enter_chose = ui.guide != nullptr && ui.guide->took_enter();
    if (!enter_chose && (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                         ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false)))
        out.emplace_back(cmd::TypeEnter{});
}

std::string CitizenScreens::example_code(CodeKind kind) const {
    if (kind == CodeKind::appointment) return "K7PM3QX9";
    const std::string unit =
        config_.ward.unit_code.empty() ? std::string("000.17.22.H56") : config_.ward.unit_code;
    return unit + "-261123-0007";
}

void CitizenScreens::carry_out(const SessionEffects& effects, UiFrame& ui) {
    if (effects.session_ended) ui.actions.emplace_back(ResetLanguage{});
    if (effects.issue) {
        services_.issue_ticket(*effects.issue, [this, alive = std::weak_ptr<bool>(alive_)](
                                                   const Result<api::TicketView>& ticket) {
            if (alive.expired()) return;
            if (!ticket) spdlog::warn("ticket not issued: {}", ticket.error().message);
            session_.on_issued(ticket, last_now_);
        });
    }
    if (effects.lookup) {
        const std::string code = *effects.lookup;
        services_.lookup_dossier(code, [this, code, alive = std::weak_ptr<bool>(alive_)](
                                           const Result<api::DossierView>& dossier) {
            if (alive.expired()) return;
            if (!dossier)
                spdlog::info("dossier lookup of {}: {} ({})", code, dossier.error().message,
                             wire_name(dossier.error().code));
            session_.on_lookup(code, dossier, last_now_);
        });
    }
    if (effects.check_in) {
        const std::string code = *effects.check_in;
        services_.check_in(code, [this, code, alive = std::weak_ptr<bool>(alive_)](
                                     const CheckInAnswer& answer) {
            if (alive.expired()) return;
            if (!answer.ticket)
                spdlog::info("check-in of booking {}: {} ({})", code, answer.ticket.error().message,
                             wire_name(answer.ticket.error().code));
            session_.on_check_in(code, answer, last_now_);
        });
    }
    if (effects.rating) {
        const std::string key = effects.rating->idempotency_key.value_or("");
        const std::string ticket = effects.rating->ticket;
        services_.submit_rating(
            *effects.rating,
            [this, key, ticket, alive = std::weak_ptr<bool>(alive_)](const RatingAnswer& answer) {
                if (alive.expired()) return;
                if (answer.verdict == RatingVerdict::rejected)
                    spdlog::warn("rating of {} refused: {}", ticket, answer.error.message);
                session_.on_rating_answer(key, answer, last_now_);
            });
    }
}

void CitizenScreens::prepare_ticket(const UiFrame& ui, const WardData& data) {
    const auto& ticket = session_.ticket().ticket();
    if (!ticket) {
        // Home again: a ticket shown once more (a booking scanned twice answers its ticket
        // again) gets its QR code and slip again.
        prepared_for_.clear();
        return;
    }
    if (ticket->id == prepared_for_) return;
    prepared_for_ = ticket->id;
    const std::string url = config_.server_origin + "/t/" + ticket->id;
    qr_.reset();
    if (auto qr = make_qr(url))
        qr_ = std::move(*qr);
    else
        spdlog::error("QR code for {}: {}", ticket->number, qr.error().message);

    if (session_.ticket().print_state() != PrintState::printing) return;
    services_.print(make_slip(ui, data), [this, id = ticket->id, number = ticket->number,
                                          alive = std::weak_ptr<bool>(alive_)](const Status& st) {
        if (alive.expired()) return;
        // The ticket is never lost: the screen keeps the number up; the journal says why.
        if (!st) spdlog::error("printer: ticket {} not printed: {}", number, st.error().message);
        session_.on_printed(id, st.ok(), last_now_);
    });
}

print::TicketSlip CitizenScreens::make_slip(const UiFrame& ui, const WardData& data) const {
    const Translator& tr = ui.tr;
    const auto& ticket = *session_.ticket().ticket();
    const TicketIssuedView v = make_issued_view(
        data, config_.ward, session_.ticket(), tr.language(), config_.server_origin, ui.steady_now);
    const LocalDateTime at = local_date_time(zone_, ticket.issued_at);
    print::TicketSlip slip;
    slip.office_name =
        config_.ward.office_name.empty() ? tr(TextId::app_name) : config_.ward.office_name;
    slip.number = ticket.number;
    slip.category_name = v.category_name;
    slip.issued_at_text =
        tr.format(TextId::slip_issued_at, fmt::arg("hour", at.hour), fmt::arg("minute", at.minute),
                  fmt::arg("day", at.day), fmt::arg("month", at.month), fmt::arg("year", at.year));
    slip.waiting_text = issued_ahead_text(tr, v);
    slip.estimate_text = issued_estimate_text(tr, v);
    slip.counters_text = issued_counters_text(tr, v);
    if (v.appointment_start)
        slip.appointment_text =
            tr.format(TextId::issued_appointment, fmt::arg("start", *v.appointment_start));
    if (v.priority_name)
        slip.priority_text =
            tr.format(TextId::ticket_priority_chosen, fmt::arg("reason", *v.priority_name));
    slip.qr_url = v.qr_text;
    slip.qr_caption = tr(TextId::issued_qr_caption);
    slip.footer = tr(TextId::slip_footer);
    return slip;
}

}  // namespace motcua::kiosk::ui
