#include "kiosk/core/counter/console_views.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "kiosk/core/citizen/citizen_views.hpp"
#include "kiosk/core/shell/service_clock.hpp"
#include "kiosk/core/shell/view_model.hpp"

namespace motcua::kiosk {

namespace {

/// Dialog keys choose the n-th option: 1..9 on the keyboard's top row or number pad.
constexpr int kMaxDigitOption = 9;

const api::CounterInfo* find_counter(const WardData& data, int number) {
    for (const auto& c : data.counters)
        if (c.number == number) return &c;
    return nullptr;
}

std::string hh_mm(const OfficeZone& zone, TimePoint t) {
    const LocalDateTime l = local_date_time(zone, t);
    return fmt::format("{:02}:{:02}", l.hour, l.minute);
}

CurrentTicketView current_view(const ConsoleSession& s, const WardData& data, Language lang,
                               TimePoint service_now, const OfficeZone& zone) {
    const api::TicketView& t = *s.current();
    CurrentTicketView v;
    v.number = t.number;
    v.category_name = category_name(data, t.category, lang);
    v.priority = t.priority;
    v.state = t.state;
    v.issued_at = hh_mm(zone, t.issued_at);
    if (t.called_at) v.waited_s = seconds_since(t.issued_at, *t.called_at);
    if (t.appointment) v.appointment_start = t.appointment->start;
    if (t.state == TicketState::serving && t.started_at)
        v.serving_s = seconds_since(*t.started_at, service_now);
    else if (const auto called = s.called_at())
        v.since_call_s = seconds_since(*called, service_now);
    return v;
}

std::string mask_booking_code(const std::string& code) {
    constexpr std::size_t kShown = 3;
    if (code.size() <= kShown) return code;
    std::string out;
    for (std::size_t i = 0; i < code.size() - kShown; ++i) out += "•";
    return out + code.substr(code.size() - kShown);
}

std::optional<AppointmentsPanel> appointments_panel(const std::vector<api::BookingView>& day,
                                                    const std::vector<std::string>& categories) {
    AppointmentsPanel p;
    for (const auto& b : day) {
        if (b.state == AppointmentState::cancelled) continue;
        if (std::find(categories.begin(), categories.end(), b.category) == categories.end())
            continue;
        p.rows.push_back({b.start, mask_booking_code(b.code), b.state});
        switch (b.state) {
            case AppointmentState::booked:
                ++p.due;
                break;
            case AppointmentState::checked_in:
                ++p.checked_in;
                break;
            case AppointmentState::missed:
                ++p.missed;
                break;
            case AppointmentState::cancelled:
                break;
        }
    }
    if (p.rows.empty()) return std::nullopt;
    const auto rank = [](AppointmentState s) {
        return s == AppointmentState::booked ? 0 : s == AppointmentState::checked_in ? 1 : 2;
    };
    std::stable_sort(
        p.rows.begin(), p.rows.end(), [&](const ConsoleBookingRow& a, const ConsoleBookingRow& b) {
            return std::pair(rank(a.state), a.start) < std::pair(rank(b.state), b.start);
        });
    return p;
}

}  // namespace

std::optional<int> function_key_of(ConsoleAction action) {
    switch (action) {
        case ConsoleAction::call_next:
            return 1;
        case ConsoleAction::recall:
            return 2;
        case ConsoleAction::start:
            return 3;
        case ConsoleAction::no_show:
            return 4;
        case ConsoleAction::transfer:
            return 5;
        case ConsoleAction::finish:
            return 6;
        case ConsoleAction::pause:
        case ConsoleAction::open:
            return 7;  // one key: pause while open, resume while paused
        default:
            return std::nullopt;
    }
}

std::optional<ConsoleCommand> command_for_key(const ConsoleSession& s, KeyPress key,
                                              const std::vector<std::string>& transfer_codes) {
    using K = KeyPress::Kind;
    namespace cc = console_cmd;
    switch (s.screen()) {
        case ConsoleScreen::login:
            return std::nullopt;  // typing a name or password: no key is a command
        case ConsoleScreen::transfer:
            if (key.kind == K::escape) return cc::CancelDialog{};
            if (key.kind == K::digit && key.n >= 1 && key.n <= kMaxDigitOption &&
                static_cast<std::size_t>(key.n) <= transfer_codes.size())
                return cc::ChooseCategory{transfer_codes[static_cast<std::size_t>(key.n - 1)]};
            return std::nullopt;
        case ConsoleScreen::finish:
            if (key.kind == K::escape) return cc::CancelDialog{};
            if (key.kind == K::digit && key.n >= 1 &&
                static_cast<std::size_t>(key.n) <= kFinishOutcomes.size())
                return cc::ChooseOutcome{kFinishOutcomes.at(static_cast<std::size_t>(key.n - 1))};
            return std::nullopt;
        case ConsoleScreen::dossier_form:
        case ConsoleScreen::dossier_return:
            // Typing a name, a phone or a code: digits are text; Esc goes back to the outcomes.
            if (key.kind == K::escape) return cc::CancelDialog{};
            return std::nullopt;
        case ConsoleScreen::receipt:
            if (key.kind == K::escape) return cc::CloseReceipt{};
            // F1 hands the receipt over and calls the next citizen, as on the desk.
            if (key.kind == K::function && key.n == 1 && s.can(ConsoleAction::call_next))
                return cc::CallNext{};
            return std::nullopt;
        case ConsoleScreen::console:
            break;
    }
    if (key.kind != K::function) return std::nullopt;
    // A key does what its button does, only when its button is enabled.
    const auto when = [&](ConsoleAction a, ConsoleCommand c) -> std::optional<ConsoleCommand> {
        if (!s.can(a)) return std::nullopt;
        return c;
    };
    switch (key.n) {
        case 1:
            return when(ConsoleAction::call_next, cc::CallNext{});
        case 2:
            return when(ConsoleAction::recall, cc::Recall{});
        case 3:
            return when(ConsoleAction::start, cc::Start{});
        case 4:
            return when(ConsoleAction::no_show, cc::NoShow{});
        case 5:
            return when(ConsoleAction::transfer, cc::OpenTransfer{});
        case 6:
            return when(ConsoleAction::finish, cc::OpenFinish{});
        case 7:
            if (s.counter_state() == CounterState::open)
                return when(ConsoleAction::pause, cc::PauseCounter{});
            return when(ConsoleAction::open, cc::OpenCounter{});
        default:
            return std::nullopt;
    }
}

std::string category_name(const WardData& data, const std::string& code, Language lang) {
    for (const auto& c : data.categories)
        if (c.code == code) return lang == Language::en ? c.name_en : c.name_vi;
    return code;
}

LoginView make_login_view(const ConsoleSession& s, const WardData& data) {
    LoginView v;
    v.counter = s.counter();
    if (const auto* c = find_counter(data, s.counter())) v.counter_name = c->name;
    v.busy = s.pending().has_value();
    v.message = s.message();
    return v;
}

ConsoleView make_console_view(const ConsoleSession& s, const WardData& data, Language lang,
                              TimePoint service_now, const OfficeZone& zone) {
    ConsoleView v;
    v.counter = s.counter();
    const api::CounterInfo* counter = find_counter(data, s.counter());
    if (counter != nullptr) v.counter_name = counter->name;
    if (s.officer()) v.officer_name = s.officer()->officer.name;
    v.state = s.counter_state();
    if (s.current()) v.current = current_view(s, data, lang, service_now, zone);
    v.pending = s.pending();
    v.message = s.message();
    v.message_subject = s.message_subject();
    if (!s.message_detail().empty())
        v.message_detail = category_name(data, s.message_detail(), lang);
    v.waiting_loaded = counter != nullptr && data.categories_loaded;
    if (v.waiting_loaded) {
        for (const auto& code : counter->categories) {
            for (const auto& c : data.categories) {
                if (c.code != code) continue;
                WaitingRow row{c.code, lang == Language::en ? c.name_en : c.name_vi, c.waiting,
                               wait_minutes(c.estimated_wait_range_s), std::nullopt};
                row.oldest = s.waiting().oldest(c.code, c.waiting, service_now);
                v.waiting.push_back(std::move(row));
            }
        }
    }
    v.figures = s.figures();
    if (s.appointments() && counter != nullptr)
        v.appointments = appointments_panel(*s.appointments(), counter->categories);
    for (auto it = s.no_shows().rbegin(); it != s.no_shows().rend(); ++it)
        v.no_shows.push_back({it->id, it->number, hh_mm(zone, it->at)});
    for (std::size_t i = 0; i < v.enabled.size(); ++i)
        v.enabled.at(i) = s.can(static_cast<ConsoleAction>(i));
    return v;
}

ConsoleChoiceView make_choice_view(const ConsoleSession& s, const WardData& data, Language lang) {
    ConsoleChoiceView v;
    if (!s.current()) return v;
    v.number = s.current()->number;
    v.category_name = category_name(data, s.current()->category, lang);
    for (const auto& c : data.categories)
        if (c.code != s.current()->category)
            v.categories.push_back({c.code, lang == Language::en ? c.name_en : c.name_vi});
    return v;
}

}  // namespace motcua::kiosk
