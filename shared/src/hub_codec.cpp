// Codecs of the ward -> hub messages (motcua/hub.hpp).
#include <algorithm>
#include <boost/json.hpp>

#include "json_fields.hpp"
#include "motcua/hub.hpp"

namespace json = boost::json;

namespace motcua::hub {
using namespace motcua::json_fields;
namespace {

/// A shipped time to the millisecond, as the ward stores it: its reports count from milliseconds
/// (a wait of 08:00:00.900 to 08:05:00.100 is 299 s), so the hub's must too. Whole seconds keep
/// the plain form.
std::string wire_time(TimePoint t, const OfficeZone& zone) {
    std::string text = zone.format_rfc3339(t);
    const auto ms = (t - date::floor<std::chrono::seconds>(t)).count();
    if (ms != 0) text.insert(text.size() - 6, fmt::format(".{:03}", ms));  // before "+07:00"
    return text;
}

json::value wire_time_or_null(const std::optional<TimePoint>& t, const OfficeZone& zone) {
    return t ? json::value(wire_time(*t, zone)) : json::value(nullptr);
}

json::value day_or_null(const std::optional<Day>& d) {
    if (!d) return nullptr;
    return json::value(format_day(*d));
}

std::optional<Day> opt_day(const Fields& f, std::string_view key) {
    if (f.find(key) == nullptr) return std::nullopt;
    return f.day(key);
}

// Names and codes stay short: a batch cannot smuggle large text into every projection.
std::string short_str(const Fields& f, std::string_view key, std::size_t max = 200) {
    auto s = f.str(key);
    if (s.size() > max) fail_field(key, fmt::format("is longer than {} bytes", max));
    return s;
}

std::optional<std::string> opt_short_str(const Fields& f, std::string_view key,
                                         std::size_t max = 200) {
    if (f.find(key) == nullptr) return std::nullopt;
    return short_str(f, key, max);
}

std::optional<int> opt_int(const Fields& f, std::string_view key, std::int64_t max = 1'000'000) {
    if (auto v = f.opt_integer(key, 0, max)) return static_cast<int>(*v);
    return std::nullopt;
}

EstimateAtIssue estimate_of(const json::value& v) {
    Fields told(v, "estimate_at_issue");
    constexpr std::int64_t kMax = 1'000'000'000;
    return EstimateAtIssue{static_cast<int>(told.integer("wait_s", 0, kMax)),
                           static_cast<int>(told.integer("low_s", 0, kMax)),
                           static_cast<int>(told.integer("high_s", 0, kMax)),
                           static_cast<int>(told.integer("baseline_s", 0, kMax))};
}

json::value estimate_json(const EstimateAtIssue& e) {
    return json::object{{"wait_s", e.wait_s},
                        {"low_s", e.low_s},
                        {"high_s", e.high_s},
                        {"baseline_s", e.baseline_s}};
}

ShippedTicket ticket_of(const json::value& v) {
    Fields f(v, "ticket");
    ShippedTicket t;
    t.id = short_str(f, "id", 64);
    t.day = f.day("day");
    t.number = short_str(f, "number", 32);
    t.category = short_str(f, "category", 64);
    t.priority = f.boolean("priority", false);
    t.state = f.enumeration<TicketState>("state");
    t.issued_at = f.time("issued_at");
    t.called_at = f.opt_time("called_at");
    t.started_at = f.opt_time("started_at");
    t.finished_at = f.opt_time("finished_at");
    t.counter = opt_int(f, "counter");
    t.officer = opt_short_str(f, "officer", 64);
    t.outcome = f.opt_enumeration<FinishOutcome>("outcome");
    // Absent from a ward older than these fields: unknown, and told nothing the hub can measure.
    t.issued_category = opt_short_str(f, "issued_category", 64).value_or("");
    if (const auto* e = f.find("estimate_at_issue")) t.estimate = estimate_of(*e);
    return t;
}

ShippedRating rating_of(const json::value& v) {
    Fields f(v, "rating");
    ShippedRating r;
    r.ticket = short_str(f, "ticket", 64);
    r.day = f.day("day");
    r.level = static_cast<int>(f.integer("level", 1, 5));
    for (const auto& s : f.strings("reasons")) {
        auto reason = parse_enum<RatingReason>(s);
        if (!reason)
            fail_field("reasons", fmt::format("holds '{}'; expected any of: {}", s,
                                              enum_choices<RatingReason>()));
        r.reasons.push_back(*reason);
    }
    r.counter = opt_int(f, "counter");
    r.officer = opt_short_str(f, "officer", 64);
    r.at = f.time("at");
    r.comment = opt_short_str(f, "comment", 2000);
    return r;
}

ShippedCounter counter_of(const json::value& v) {
    Fields f(v, "counter");
    ShippedCounter c;
    c.number = static_cast<int>(f.integer("number", 0, 1'000'000));
    c.state = f.enumeration<CounterState>("state");
    c.officer = opt_short_str(f, "officer", 64);
    return c;
}

ShippedDossier dossier_of(const json::value& v) {
    Fields f(v, "dossier");
    ShippedDossier d;
    d.code = short_str(f, "code", 64);
    d.day = f.day("day");
    d.procedure = short_str(f, "procedure", 64);
    d.category = f.str("category",
                       true);  // empty: shipped from an old event whose procedure left the config
    if (d.category.size() > 64) fail_field("category", "is longer than 64 bytes");
    d.channel = f.enumeration<DossierChannel>("channel");
    d.state = f.enumeration<DossierState>("state");
    d.received_at = f.time("received_at");
    d.due_date = f.day("due_date");
    d.new_due_date = opt_day(f, "new_due_date");
    d.apology_at = f.opt_time("apology_at");
    d.returned_at = f.opt_time("returned_at");
    d.closed_at = f.opt_time("closed_at");
    d.result = f.opt_enumeration<DossierResult>("result");
    d.counter = static_cast<int>(f.integer("counter", 0, 1'000'000));
    d.officer = f.str("officer", true);  // empty: shipped from an event older than the hub
    if (d.officer.size() > 64) fail_field("officer", "is longer than 64 bytes");
    d.updated_at = f.time("updated_at");
    return d;
}

ShippedEvent event_of(const json::value& v) {
    Fields f(v, "event");
    ShippedEvent e;
    e.seq = f.integer("seq", 1, std::numeric_limits<std::int64_t>::max());
    e.type = f.enumeration<EventType>("type");
    e.at = f.time("at");
    if (const auto* t = f.find("ticket")) e.ticket = ticket_of(*t);
    if (const auto* r = f.find("rating")) e.rating = rating_of(*r);
    if (const auto* c = f.find("counter")) e.counter = counter_of(*c);
    if (const auto* d = f.find("dossier")) e.dossier = dossier_of(*d);
    e.from_category = opt_short_str(f, "from_category", 64);
    return e;
}

WardInfo info_of(const json::value& v) {
    Fields f(v, "ward");
    WardInfo w;
    w.unit_code = short_str(f, "unit_code", 64);
    w.name = short_str(f, "name");
    w.time_zone = short_str(f, "time_zone", 64);
    w.scale = f.enumeration<SatisfactionScale>("scale");
    for (const auto& c : f.array("categories")) {
        Fields cf(c, "category");
        w.categories.push_back({short_str(cf, "code", 64), short_str(cf, "name_vi"),
                                cf.str("name_en", true),
                                static_cast<int>(cf.integer("target_wait_s", 0, 86'400))});
    }
    for (const auto& p : f.array("procedures")) {
        Fields pf(p, "procedure");
        w.procedures.push_back({short_str(pf, "code", 64), short_str(pf, "name_vi", 1000),
                                short_str(pf, "category", 64),
                                static_cast<int>(pf.integer("legal_days", 0, 10'000))});
    }
    return w;
}

}  // namespace

ShippedEvent to_shipped(const DomainEvent& e) {
    ShippedEvent s;
    s.seq = e.seq;
    s.type = e.type;
    s.at = e.at;
    if (e.ticket) {
        const Ticket& t = *e.ticket;
        s.ticket =
            ShippedTicket{t.id,      t.day,       t.number,    t.category,        t.priority,
                          t.state,   t.issued_at, t.called_at, t.started_at,      t.finished_at,
                          t.counter, t.officer,   t.outcome,   t.issued_category, t.estimate};
    }
    if (e.rating) {
        const Rating& r = *e.rating;
        s.rating = ShippedRating{r.ticket_id, r.day,     r.level, r.reasons,
                                 r.counter,   r.officer, r.at,    r.comment};
    }
    if (e.counter)
        s.counter = ShippedCounter{e.counter->number, e.counter->state, e.counter->officer};
    if (e.dossier) {
        const Dossier& d = *e.dossier;
        s.dossier = ShippedDossier{d.code,         d.day,        d.procedure,   d.category,
                                   d.channel,      d.state,      d.received_at, d.due_date,
                                   d.new_due_date, d.apology_at, d.returned_at, d.closed_at,
                                   d.result,       d.counter,    d.officer,     d.updated_at};
    }
    s.from_category = e.from_category;
    return s;
}

void strip_personal(ShippedEvent& e, bool ship_comments) {
    if (e.rating && !ship_comments) e.rating->comment.reset();
}

WardInfo ward_info(const WardConfig& config) {
    WardInfo w;
    w.unit_code = config.unit_code;
    w.name = config.office_name;
    w.time_zone = config.time_zone;
    w.scale = config.scale;
    for (const auto& c : config.categories)
        w.categories.push_back({c.code, c.name_vi, c.name_en, c.target_wait_s});
    for (const auto& p : config.procedures)
        w.procedures.push_back({p.code, p.name_vi, p.category, p.legal_days});
    return w;
}

WardConfig report_config(const WardInfo& info) {
    WardConfig c;
    c.source = "hub:" + info.unit_code;
    c.office_name = info.name;
    c.unit_code = info.unit_code;
    c.time_zone = info.time_zone;
    c.scale = info.scale;
    for (const auto& wc : info.categories) {
        Category cat;
        cat.code = wc.code;
        cat.name_vi = wc.name_vi;
        cat.name_en = wc.name_en;
        cat.target_wait_s = wc.target_wait_s;
        c.categories.push_back(std::move(cat));
    }
    for (const auto& wp : info.procedures) {
        Procedure p;
        p.code = wp.code;
        p.name_vi = wp.name_vi;
        p.category = wp.category;
        p.legal_days = wp.legal_days;
        c.procedures.push_back(std::move(p));
    }
    return c;
}

json::value to_json(const ShippedEvent& m, const OfficeZone& zone) {
    json::object o{{"seq", m.seq}, {"type", to_string(m.type)}, {"at", wire_time(m.at, zone)}};
    if (m.ticket) {
        const auto& t = *m.ticket;
        json::object to{{"id", t.id},
                        {"day", format_day(t.day)},
                        {"number", t.number},
                        {"category", t.category},
                        {"priority", t.priority},
                        {"state", to_string(t.state)},
                        {"issued_at", wire_time(t.issued_at, zone)},
                        {"called_at", wire_time_or_null(t.called_at, zone)},
                        {"started_at", wire_time_or_null(t.started_at, zone)},
                        {"finished_at", wire_time_or_null(t.finished_at, zone)}};
        if (t.counter) to["counter"] = *t.counter;
        put_opt(to, "officer", t.officer);
        if (t.outcome) to["outcome"] = to_string(*t.outcome);
        if (!t.issued_category.empty()) to["issued_category"] = t.issued_category;
        if (t.estimate) to["estimate_at_issue"] = estimate_json(*t.estimate);
        o["ticket"] = std::move(to);
    }
    if (m.rating) {
        const auto& r = *m.rating;
        json::array reasons;
        for (auto reason : r.reasons) reasons.emplace_back(to_string(reason));
        json::object ro{{"ticket", r.ticket},
                        {"day", format_day(r.day)},
                        {"level", r.level},
                        {"reasons", std::move(reasons)},
                        {"at", wire_time(r.at, zone)}};
        if (r.counter) ro["counter"] = *r.counter;
        put_opt(ro, "officer", r.officer);
        put_opt(ro, "comment", r.comment);
        o["rating"] = std::move(ro);
    }
    if (m.counter) {
        json::object co{{"number", m.counter->number}, {"state", to_string(m.counter->state)}};
        put_opt(co, "officer", m.counter->officer);
        o["counter"] = std::move(co);
    }
    if (m.dossier) {
        const auto& d = *m.dossier;
        json::object dob{{"code", d.code},
                         {"day", format_day(d.day)},
                         {"procedure", d.procedure},
                         {"category", d.category},
                         {"channel", to_string(d.channel)},
                         {"state", to_string(d.state)},
                         {"received_at", wire_time(d.received_at, zone)},
                         {"due_date", format_day(d.due_date)},
                         {"new_due_date", day_or_null(d.new_due_date)},
                         {"apology_at", wire_time_or_null(d.apology_at, zone)},
                         {"returned_at", wire_time_or_null(d.returned_at, zone)},
                         {"closed_at", wire_time_or_null(d.closed_at, zone)},
                         {"counter", d.counter},
                         {"officer", d.officer},
                         {"updated_at", wire_time(d.updated_at, zone)}};
        dob["result"] = d.result ? json::value(to_string(*d.result)) : json::value(nullptr);
        o["dossier"] = std::move(dob);
    }
    put_opt(o, "from_category", m.from_category);
    return o;
}

json::value to_json(const WardInfo& m) {
    json::array categories;
    for (const auto& c : m.categories)
        categories.push_back(json::object{{"code", c.code},
                                          {"name_vi", c.name_vi},
                                          {"name_en", c.name_en},
                                          {"target_wait_s", c.target_wait_s}});
    json::array procedures;
    for (const auto& p : m.procedures)
        procedures.push_back(json::object{{"code", p.code},
                                          {"name_vi", p.name_vi},
                                          {"category", p.category},
                                          {"legal_days", p.legal_days}});
    return json::object{{"unit_code", m.unit_code},
                        {"name", m.name},
                        {"time_zone", m.time_zone},
                        {"scale", to_string(m.scale)},
                        {"categories", std::move(categories)},
                        {"procedures", std::move(procedures)}};
}

json::value to_json(const EventBatch& m, const OfficeZone& zone) {
    json::array events;
    events.reserve(m.events.size());
    for (const auto& e : m.events) events.push_back(to_json(e, zone));
    return json::object{{"ward", to_json(m.ward)}, {"events", std::move(events)}};
}

json::value to_json(const BatchAck& m) {
    return json::object{{"ward", m.ward},
                        {"acked_seq", m.acked_seq},
                        {"stored", m.stored},
                        {"refill_estimates", m.refill_estimates}};
}

json::value to_json(const EstimateRefill& m) {
    json::array tickets;
    tickets.reserve(m.tickets.size());
    for (const auto& t : m.tickets)
        tickets.push_back(json::object{{"id", t.id},
                                       {"day", format_day(t.day)},
                                       {"issued_category", t.issued_category},
                                       {"estimate_at_issue", estimate_json(t.estimate)}});
    return json::object{{"tickets", std::move(tickets)}, {"done", m.done}};
}

json::value to_json(const WardStatus& m, const OfficeZone& zone) {
    return json::object{{"code", m.code},
                        {"name", m.name},
                        {"acked_seq", m.acked_seq},
                        {"last_event_at", time_or_null(m.last_event_at, zone)},
                        {"last_seen_at", time_or_null(m.last_seen_at, zone)}};
}

void rank_wards(std::vector<WardFigures>& wards) {
    // Rank by one figure; wards that have none (nothing served, rated or returned) come last.
    const auto rank_by = [&](auto has, auto better, int WardFigures::*rank) {
        std::vector<WardFigures*> order;
        for (auto& w : wards) order.push_back(&w);
        std::stable_sort(order.begin(), order.end(),
                         [&](const WardFigures* a, const WardFigures* b) {
                             if (has(*a) != has(*b)) return has(*a);
                             return has(*a) && better(*a, *b);
                         });
        for (std::size_t i = 0; i < order.size(); ++i) {
            const bool tie = i > 0 && has(*order[i]) == has(*order[i - 1]) &&
                             !better(*order[i - 1], *order[i]) && !better(*order[i], *order[i - 1]);
            order[i]->*rank = tie ? order[i - 1]->*rank : static_cast<int>(i + 1);
        }
    };
    rank_by(
        [](const WardFigures& w) { return w.served > 0; },
        [](const WardFigures& a, const WardFigures& b) { return a.mean_wait_s < b.mean_wait_s; },
        &WardFigures::rank_wait);
    rank_by([](const WardFigures& w) { return w.issued > 0; },
            [](const WardFigures& a, const WardFigures& b) {
                return a.within_target_pct > b.within_target_pct;
            },
            &WardFigures::rank_within_target);
    rank_by([](const WardFigures& w) { return w.rated > 0; },
            [](const WardFigures& a, const WardFigures& b) {
                return a.satisfied_pct > b.satisfied_pct;
            },
            &WardFigures::rank_satisfaction);
    rank_by([](const WardFigures& w) { return w.dossiers_processed > 0; },
            [](const WardFigures& a, const WardFigures& b) {
                return a.dossiers_on_time_pct > b.dossiers_on_time_pct;
            },
            &WardFigures::rank_dossiers);
}

json::value to_json(const ProvinceOverview& m) {
    json::array wards;
    for (const auto& w : m.wards)
        wards.push_back(json::object{{"code", w.code},
                                     {"name", w.name},
                                     {"issued", w.issued},
                                     {"served", w.served},
                                     {"mean_wait_s", w.mean_wait_s},
                                     {"within_target_pct", w.within_target_pct},
                                     {"rated", w.rated},
                                     {"satisfied_pct", w.satisfied_pct},
                                     {"dossiers_processed", w.dossiers_processed},
                                     {"dossiers_on_time_pct", w.dossiers_on_time_pct},
                                     {"rank", json::object{{"wait", w.rank_wait},
                                                           {"within_target", w.rank_within_target},
                                                           {"satisfaction", w.rank_satisfaction},
                                                           {"dossiers", w.rank_dossiers}}}});
    return json::object{
        {"from", format_day(m.from)}, {"to", format_day(m.to)}, {"wards", std::move(wards)}};
}

Result<ProvinceOverview> decode_province_overview(const json::value& v) {
    return guarded<ProvinceOverview>([&] {
        Fields f(v, "overview");
        ProvinceOverview o;
        o.from = f.day("from");
        o.to = f.day("to");
        const auto number = [](const Fields& g, std::string_view key) {
            const auto& x = g.need(key);
            if (!x.is_number())
                fail_field(key, fmt::format("must be a number, got {}", kind_of(x)));
            return x.to_number<double>();
        };
        constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
        for (const auto& item : f.array("wards")) {
            Fields w(item, "ward");
            WardFigures x;
            x.code = w.str("code");
            x.name = w.str("name");
            x.issued = w.integer("issued", 0, kMax);
            x.served = w.integer("served", 0, kMax);
            x.mean_wait_s = number(w, "mean_wait_s");
            x.within_target_pct = number(w, "within_target_pct");
            x.rated = w.integer("rated", 0, kMax);
            x.satisfied_pct = number(w, "satisfied_pct");
            x.dossiers_processed = w.integer("dossiers_processed", 0, kMax);
            x.dossiers_on_time_pct = number(w, "dossiers_on_time_pct");
            Fields r(w.need("rank"), "rank");
            x.rank_wait = static_cast<int>(r.integer("wait", 0, 1'000'000));
            x.rank_within_target = static_cast<int>(r.integer("within_target", 0, 1'000'000));
            x.rank_satisfaction = static_cast<int>(r.integer("satisfaction", 0, 1'000'000));
            x.rank_dossiers = static_cast<int>(r.integer("dossiers", 0, 1'000'000));
            o.wards.push_back(std::move(x));
        }
        return o;
    });
}

Result<ShippedEvent> decode_shipped_event(const json::value& v) {
    return guarded<ShippedEvent>([&] { return event_of(v); });
}

Result<WardInfo> decode_ward_info(const json::value& v) {
    return guarded<WardInfo>([&] { return info_of(v); });
}

Result<EventBatch> decode_event_batch(const json::value& v) {
    return guarded<EventBatch>([&] {
        Fields f(v, "batch");
        EventBatch b;
        b.ward = info_of(f.need("ward"));
        const auto& events = f.array("events");
        if (events.size() > kMaxBatchEvents)
            throw DecodeError{ErrorCode::batch_too_large,
                              fmt::format("a batch holds at most {} events, got {}",
                                          kMaxBatchEvents, events.size())};
        b.events.reserve(events.size());
        for (const auto& e : events) {
            b.events.push_back(event_of(e));
            if (b.events.size() > 1 && b.events.back().seq != b.events[b.events.size() - 2].seq + 1)
                throw DecodeError{
                    ErrorCode::seq_gap,
                    fmt::format("events must follow each other: seq {} after {}",
                                b.events.back().seq, b.events[b.events.size() - 2].seq)};
        }
        return b;
    });
}

Result<BatchAck> decode_batch_ack(const json::value& v) {
    return guarded<BatchAck>([&] {
        Fields f(v, "acknowledgement");
        return BatchAck{f.str("ward"),
                        f.integer("acked_seq", 0, std::numeric_limits<std::int64_t>::max()),
                        static_cast<int>(f.integer("stored", 0, 1'000'000)),
                        f.boolean("refill_estimates", false)};
    });
}

Result<EstimateRefill> decode_estimate_refill(const json::value& v) {
    return guarded<EstimateRefill>([&] {
        Fields f(v, "the estimates");
        const auto& tickets = f.need("tickets");
        if (!tickets.is_array()) fail_field("tickets", "must be an array");
        if (tickets.as_array().size() > kMaxBatchEvents)
            fail_field("tickets", fmt::format("holds more than {} tickets", kMaxBatchEvents));
        EstimateRefill out;
        out.done = f.boolean("done", false);
        for (const auto& item : tickets.as_array()) {
            Fields t(item, "ticket");
            out.tickets.push_back(RefilledEstimate{short_str(t, "id", 64), t.day("day"),
                                                   short_str(t, "issued_category", 64),
                                                   estimate_of(t.need("estimate_at_issue"))});
        }
        return out;
    });
}

Result<WardStatus> decode_ward_status(const json::value& v) {
    return guarded<WardStatus>([&] {
        Fields f(v, "ward");
        return WardStatus{f.str("code"), f.str("name"),
                          f.integer("acked_seq", 0, std::numeric_limits<std::int64_t>::max()),
                          f.opt_time("last_event_at"), f.opt_time("last_seen_at")};
    });
}

}  // namespace motcua::hub
