#include "kiosk/core/citizen/citizen_views.hpp"

#include <algorithm>
#include <cctype>

namespace motcua::kiosk {

namespace {

const std::string& pick(Language lang, const std::string& vi, const std::string& en) {
    // An English name left empty in the config falls back to the Vietnamese one.
    return lang == Language::en && !en.empty() ? en : vi;
}

std::optional<std::string> priority_name(const WardConfig& config,
                                         const std::optional<std::string>& code, Language lang) {
    if (!code) return std::nullopt;
    for (const auto& r : config.priority.reasons)
        if (r.code == *code) return pick(lang, r.name_vi, r.name_en);
    return *code;
}

}  // namespace

std::string category_name(const WardData& data, const WardConfig& config, const std::string& code,
                          Language lang) {
    for (const auto& c : data.categories)
        if (c.code == code) return pick(lang, c.name_vi, c.name_en);
    if (const Category* c = config.find_category(code)) return pick(lang, c->name_vi, c->name_en);
    return code;
}

TicketHomeView make_ticket_home_view(const WardData& data, const WardConfig& config,
                                     const TicketFlow& flow, Language lang, SteadyTime now) {
    TicketHomeView v;
    v.loaded = data.categories_loaded;
    // The service's list and order: it is what tickets can be issued for.
    for (const auto& c : data.categories) {
        CategoryTile tile;
        tile.code = c.code;
        tile.name = pick(lang, c.name_vi, c.name_en);
        if (const Category* cfg = config.find_category(c.code)) tile.prefix = cfg->prefix;
        tile.waiting = c.waiting;
        tile.wait = wait_minutes(c.estimated_wait_range_s);
        v.tiles.push_back(std::move(tile));
    }
    v.priority_offered = config.priority.enabled && !config.priority.reasons.empty();
    v.priority_name = priority_name(config, flow.priority_reason(), lang);
    v.issuing = flow.issuing();
    v.issuing_notice = flow.issuing_notice_due(now);
    if (v.issuing) v.issuing_category = flow.issuing_category();
    v.problem = flow.problem();
    v.check_in_offered = config.appointments.enabled &&
                         std::any_of(config.categories.begin(), config.categories.end(),
                                     [](const Category& c) { return c.appointment_places > 0; });
    return v;
}

TicketPriorityView make_priority_view(const WardConfig& config, const TicketFlow& flow,
                                      Language lang) {
    TicketPriorityView v;
    for (const auto& r : config.priority.reasons)
        v.options.push_back(
            {r.code, pick(lang, r.name_vi, r.name_en), flow.priority_reason() == r.code});
    return v;
}

TicketIssuedView make_issued_view(const WardData& data, const WardConfig& config,
                                  const TicketFlow& flow, Language lang, const std::string& origin,
                                  SteadyTime now) {
    TicketIssuedView v;
    if (!flow.ticket()) return v;
    const api::TicketView& t = *flow.ticket();
    v.number = t.number;
    v.category_name = category_name(data, config, t.category, lang);
    v.priority_name = priority_name(config, flow.ticket_priority(), lang);
    if (t.appointment) v.appointment_start = t.appointment->start;
    for (const auto& c : data.counters)
        if (std::find(c.categories.begin(), c.categories.end(), t.category) != c.categories.end())
            v.counters.push_back(c.number);
    if (data.counters.empty()) {
        // Not fetched yet: the config knows the same desks.
        for (const auto& c : config.counters)
            if (std::find(c.categories.begin(), c.categories.end(), t.category) !=
                c.categories.end())
                v.counters.push_back(c.number);
    }
    std::sort(v.counters.begin(), v.counters.end());
    v.waiting_ahead = t.waiting_ahead;
    v.wait = wait_minutes(t.estimated_wait_range_s);
    v.qr_text = origin + "/t/" + t.id;
    v.print = flow.print_state();
    v.seconds_left = flow.seconds_left(now);
    v.remember_number = v.print == PrintState::none || v.print == PrintState::failed;
    return v;
}

RateKeypadView make_keypad_view(const WardConfig& config, const RatingFlow& flow) {
    RateKeypadView v;
    v.entry = flow.entry();
    for (const auto& c : config.categories) {
        if (c.prefix.empty()) continue;
        const char letter =
            static_cast<char>(std::toupper(static_cast<unsigned char>(c.prefix[0])));
        if (std::find(v.letters.begin(), v.letters.end(), letter) == v.letters.end())
            v.letters.push_back(letter);
    }
    std::sort(v.letters.begin(), v.letters.end());
    v.can_confirm = flow.entry_complete();
    v.can_delete = !flow.entry().empty();
    v.notice = flow.notice();
    v.number = flow.number();
    return v;
}

RatingLevelsView make_levels_view(const RatingFlow& flow) {
    return {flow.number(), flow.levels()};
}

RatingReasonsView make_reasons_view(const RatingFlow& flow) {
    RatingReasonsView v;
    v.level = flow.level();
    for (const auto& [reason, name] : EnumNames<RatingReason>::names) {
        (void)name;
        v.reasons.emplace_back(reason, flow.has_reason(reason));
    }
    return v;
}

RatingThanksView make_thanks_view(const RatingFlow& flow) {
    return {flow.notice(), flow.level()};
}

RatingIdleView make_rating_idle_view(const WardData& data, int counter, SatisfactionScale scale) {
    RatingIdleView v;
    v.counter = counter;
    v.levels = rating_levels(scale);
    for (const auto& c : data.counters) {
        if (c.number != counter) continue;
        v.counter_name = c.name;
        v.state = c.state;
        if (c.state != CounterState::closed) v.officer = c.officer;
    }
    return v;
}

}  // namespace motcua::kiosk
