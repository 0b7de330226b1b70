#include "ingest/ingest.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <map>
#include <pqxx/pqxx>
#include <set>

#include "motcua/api.hpp"

namespace motcua::hub {
namespace {

// SQL literals through libpqxx's quoting; NULL for what is absent.
class Sql {
public:
    explicit Sql(pqxx::work& w) : w_(w) {}
    std::string operator()(std::string_view s) const { return w_.quote(std::string(s)); }
    std::string operator()(const std::string& s) const { return w_.quote(s); }
    std::string operator()(std::int64_t v) const { return std::to_string(v); }
    std::string operator()(int v) const { return std::to_string(v); }
    std::string operator()(bool v) const { return v ? "true" : "false"; }
    std::string operator()(Day d) const { return w_.quote(format_day(d)); }
    std::string operator()(TimePoint t) const { return std::to_string(to_epoch_ms(t)); }
    template <typename T>
    std::string operator()(const std::optional<T>& v) const {
        return v ? (*this)(*v) : "NULL";
    }

private:
    pqxx::work& w_;
};

std::string join(const std::vector<std::string>& rows) {
    std::string out;
    for (const auto& r : rows) {
        if (!out.empty()) out += ",\n";
        out += r;
    }
    return out;
}

/// Stamps the months of `days` ("YYYY-MM-DD") with the batch's last seq: the reports' copies of
/// those months are read again (reports/month_cache.hpp).
void stamp_months(pqxx::work& w, std::string_view table, const std::string& ward,
                  const std::set<std::string>& days, std::int64_t seq) {
    std::set<std::string> months;
    for (const auto& d : days) months.insert(d.substr(0, 7) + "-01");
    std::vector<std::string> stamps;
    for (const auto& m : months)
        stamps.push_back(fmt::format("({}, {}, {})", w.quote(ward), w.quote(m), seq));
    if (stamps.empty()) return;
    w.exec(fmt::format(
        "INSERT INTO {} (ward, month, version) VALUES {} ON CONFLICT (ward, month) DO UPDATE "
        "SET version = EXCLUDED.version",
        table, join(stamps)));
}

}  // namespace

BatchAck acknowledged(pqxx::connection& c, const std::string& ward) {
    pqxx::read_transaction w(c);
    auto r = w.exec_params(
        "SELECT acked_seq, estimates_refilled_ms IS NULL FROM wards WHERE code = $1", ward);
    if (r.empty()) return BatchAck{ward, 0, 0, false};
    return BatchAck{ward, r[0][0].as<std::int64_t>(), 0, r[0][1].as<bool>()};
}

int refill_estimates(pqxx::connection& c, const std::string& ward, const EstimateRefill& refill,
                     TimePoint now) {
    pqxx::work w(c);
    const Sql q(w);
    int updated = 0;
    if (!refill.tickets.empty()) {
        std::vector<std::string> rows;
        rows.reserve(refill.tickets.size());
        for (const auto& t : refill.tickets)
            rows.push_back(fmt::format("({}::date, {}, {}, {}, {}, {}, {})", q(t.day), q(t.id),
                                       q(t.issued_category), q(t.estimate.wait_s),
                                       q(t.estimate.low_s), q(t.estimate.high_s),
                                       q(t.estimate.baseline_s)));
        // Only this ward's tickets: the ward is the token's, whatever the page names.
        updated = static_cast<int>(
            w.exec(fmt::format("UPDATE tickets t SET issued_category = v.ic, estimate_wait_s = "
                               "v.wait, estimate_low_s = v.low, estimate_high_s = v.high, "
                               "estimate_baseline_s = v.base FROM (VALUES {}) AS v(day, id, ic, "
                               "wait, low, high, base) WHERE t.ward = {} AND t.day = v.day AND "
                               "t.id = v.id",
                               join(rows), q(ward)))
                .affected_rows());
    }
    if (refill.done)
        w.exec_params("UPDATE wards SET estimates_refilled_ms = $1 WHERE code = $2",
                      to_epoch_ms(now), ward);
    w.commit();
    return updated;
}

Result<BatchAck> ingest(pqxx::connection& c, Partitions& partitions, const std::string& ward,
                        const EventBatch& batch, TimePoint now) {
    if (batch.ward.unit_code != ward)
        return make_error(
            ErrorCode::wrong_ward,
            fmt::format("this token belongs to ward {}, not {}", ward, batch.ward.unit_code));
    auto zone = OfficeZone::load(batch.ward.time_zone);
    if (!zone)
        return make_error(ErrorCode::invalid_field,
                          fmt::format("ward.time_zone: {}", zone.error().message));

    // Office days of every record, for the partitions (made before the batch's transaction). A
    // day far from now is a ward's broken clock or a forged batch: it would make partitions.
    const Day today = zone->office_day(now);
    const Day earliest{date::sys_days{today} - date::days{5 * 366}};
    const Day latest{date::sys_days{today} + date::days{1}};
    const auto check_day = [&](Day d) -> Status {
        if (d < earliest || d > latest)
            return make_error(
                ErrorCode::day_out_of_range,
                fmt::format("office day {} is not within five years before today", format_day(d)));
        return Ok{};
    };
    for (const auto& e : batch.events) {
        for (const auto d : {std::optional<Day>(zone->office_day(e.at)),
                             e.ticket ? std::optional<Day>(e.ticket->day) : std::nullopt,
                             e.rating ? std::optional<Day>(e.rating->day) : std::nullopt,
                             e.dossier ? std::optional<Day>(e.dossier->day) : std::nullopt})
            if (d)
                if (auto ok = check_day(*d); !ok) return ok.error();
    }
    std::set<std::string> months;
    std::vector<Day> event_days;
    event_days.reserve(batch.events.size());
    for (const auto& e : batch.events) {
        event_days.push_back(zone->office_day(e.at));
        months.insert(month_of(event_days.back()));
        if (e.ticket) months.insert(month_of(e.ticket->day));
        if (e.dossier) months.insert(month_of(e.dossier->day));
        if (e.rating) months.insert(month_of(e.rating->day));
    }
    partitions.ensure(c, months);

    pqxx::work w(c);
    const Sql q(w);
    auto locked = w.exec_params("SELECT acked_seq FROM wards WHERE code = $1 FOR UPDATE", ward);
    if (locked.empty()) return make_error(ErrorCode::unknown_ward, fmt::format("no ward {}", ward));
    const std::int64_t acked = locked[0][0].as<std::int64_t>();

    std::size_t first = 0;
    while (first < batch.events.size() && batch.events[first].seq <= acked) ++first;
    if (first < batch.events.size() && batch.events[first].seq != acked + 1)
        return make_error(ErrorCode::seq_gap,
                          fmt::format("the hub has ward {} up to seq {}; the batch starts at {}",
                                      ward, acked, batch.events[first].seq));

    const std::size_t n = batch.events.size() - first;
    if (n > 0) {
        std::map<std::string, const ShippedTicket*> tickets;  // id -> latest snapshot
        std::vector<const ShippedRating*> ratings;
        std::map<std::string, const ShippedDossier*> dossiers;  // code -> latest snapshot
        std::set<std::string> ticket_days;
        // The events by COPY: no statement of a thousand rows to parse and plan.
        pqxx::stream_to copy(
            w, "events", std::vector<std::string>{"ward", "seq", "type", "at_ms", "day", "body"});
        for (std::size_t i = first; i < batch.events.size(); ++i) {
            const auto& e = batch.events[i];
            copy << std::make_tuple(ward, e.seq, std::string(to_string(e.type)), to_epoch_ms(e.at),
                                    format_day(event_days[i]), api::write_json(to_json(e, *zone)));
            if (e.ticket) {
                tickets[e.ticket->id] = &*e.ticket;
                ticket_days.insert(format_day(e.ticket->day));
            }
            if (e.rating) ratings.push_back(&*e.rating);
            if (e.dossier) dossiers[e.dossier->code] = &*e.dossier;
        }
        copy.complete();

        if (!tickets.empty()) {
            std::vector<std::string> rows;
            for (const auto& [id, t] : tickets) {
                const auto told = [&](int EstimateAtIssue::*field) {
                    return t->estimate ? q((*t->estimate).*field) : std::string("NULL");
                };
                rows.push_back(fmt::format(
                    "({}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {})",
                    q(ward), q(t->day), q(t->id), q(t->number), q(t->category), q(t->priority),
                    q(to_string(t->state)), q(t->issued_at), q(t->called_at), q(t->started_at),
                    q(t->finished_at), q(t->counter), q(t->officer),
                    t->outcome ? q(std::string(to_string(*t->outcome))) : "NULL",
                    t->issued_category.empty() ? std::string("NULL") : q(t->issued_category),
                    told(&EstimateAtIssue::wait_s), told(&EstimateAtIssue::low_s),
                    told(&EstimateAtIssue::high_s), told(&EstimateAtIssue::baseline_s)));
            }
            w.exec(
                "INSERT INTO tickets (ward, day, id, number, category, priority, state, issued_ms, "
                "called_ms, "
                "started_ms, finished_ms, counter, officer, outcome, issued_category, "
                "estimate_wait_s, estimate_low_s, estimate_high_s, estimate_baseline_s) VALUES " +
                join(rows) +
                " ON CONFLICT (ward, day, id) DO UPDATE SET number = EXCLUDED.number, category = "
                "EXCLUDED.category, "
                "priority = EXCLUDED.priority, state = EXCLUDED.state, issued_ms = "
                "EXCLUDED.issued_ms, "
                "called_ms = EXCLUDED.called_ms, started_ms = EXCLUDED.started_ms, finished_ms = "
                "EXCLUDED.finished_ms, "
                "counter = EXCLUDED.counter, officer = EXCLUDED.officer, outcome = "
                "EXCLUDED.outcome, " +
                // What the ticket was told stays when an event that does not know it follows
                // (one shipped from its public payload).
                std::string(
                    "issued_category = coalesce(EXCLUDED.issued_category, "
                    "tickets.issued_category), estimate_wait_s = "
                    "coalesce(EXCLUDED.estimate_wait_s, "
                    "tickets.estimate_wait_s), estimate_low_s = coalesce(EXCLUDED.estimate_low_s, "
                    "tickets.estimate_low_s), estimate_high_s = coalesce(EXCLUDED.estimate_high_s, "
                    "tickets.estimate_high_s), estimate_baseline_s = "
                    "coalesce(EXCLUDED.estimate_baseline_s, tickets.estimate_baseline_s)"));
        }
        if (!ratings.empty()) {
            std::vector<std::string> rows, levels;
            for (const auto* r : ratings) {
                std::string reasons = "ARRAY[";
                for (std::size_t i = 0; i < r->reasons.size(); ++i)
                    reasons += (i ? "," : "") + q(std::string(to_string(r->reasons[i])));
                reasons += "]::text[]";
                rows.push_back(fmt::format("({}, {}, {}, {}, {}, {}, {}, {}, {})", q(ward),
                                           q(r->day), q(r->ticket), q(r->level), reasons,
                                           q(r->counter), q(r->officer), q(r->at), q(r->comment)));
                levels.push_back(
                    fmt::format("({}::date, {}, {})", q(r->day), q(r->ticket), q(r->level)));
                ticket_days.insert(format_day(r->day));
            }
            w.exec(
                "INSERT INTO ratings (ward, day, ticket, level, reasons, counter, officer, at_ms, "
                "comment) VALUES " +
                join(rows) + " ON CONFLICT DO NOTHING");
            w.exec(fmt::format(
                "UPDATE tickets t SET rating = v.level FROM (VALUES {}) AS v(day, id, level) "
                "WHERE t.ward = {} AND t.day = v.day AND t.id = v.id",
                join(levels), q(ward)));
        }
        if (!dossiers.empty()) {
            std::vector<std::string> rows;
            std::set<std::string> dossier_days;
            for (const auto& [code, d] : dossiers) dossier_days.insert(format_day(d->day));
            for (const auto& [code, d] : dossiers)
                rows.push_back(fmt::format(
                    "({}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {})", q(ward),
                    q(d->day), q(d->code), q(d->procedure), q(d->category),
                    q(std::string(to_string(d->channel))), q(std::string(to_string(d->state))),
                    q(d->received_at), q(d->due_date), q(d->new_due_date), q(d->apology_at),
                    q(d->returned_at), q(d->closed_at),
                    d->result ? q(std::string(to_string(*d->result))) : "NULL", q(d->counter),
                    q(d->officer), q(d->updated_at)));
            w.exec(
                "INSERT INTO dossiers (ward, day, code, procedure, category, channel, state, "
                "received_ms, due_date, "
                "new_due_date, apology_ms, returned_ms, closed_ms, result, counter, officer, "
                "updated_ms) VALUES " +
                join(rows) +
                " ON CONFLICT (ward, day, code) DO UPDATE SET procedure = EXCLUDED.procedure, "
                "category = EXCLUDED.category, channel = EXCLUDED.channel, state = EXCLUDED.state, "
                "received_ms = EXCLUDED.received_ms, due_date = EXCLUDED.due_date, "
                "new_due_date = EXCLUDED.new_due_date, apology_ms = EXCLUDED.apology_ms, "
                "returned_ms = EXCLUDED.returned_ms, closed_ms = EXCLUDED.closed_ms, result = "
                "EXCLUDED.result, "
                "counter = EXCLUDED.counter, officer = EXCLUDED.officer, updated_ms = "
                "EXCLUDED.updated_ms");
            stamp_months(w, "dossier_months", ward, dossier_days, batch.events.back().seq);
        }
        if (!ticket_days.empty()) {
            // The roll-up of every ward-day this batch touched, recomputed from its tickets.
            std::string days = "ARRAY[";
            bool first_day = true;
            for (const auto& d : ticket_days) {
                days += (first_day ? "" : ",") + q(d);
                first_day = false;
            }
            days += "]::date[]";
            std::string targets;
            for (const auto& cat : batch.ward.categories)
                targets += fmt::format("{}({}, {})", targets.empty() ? "" : ",", q(cat.code),
                                       q(cat.target_wait_s));
            if (targets.empty()) targets = "(NULL::text, 0)";
            stamp_months(w, "ticket_months", ward, ticket_days, batch.events.back().seq);
            w.exec(fmt::format("DELETE FROM daily_rollup WHERE ward = {} AND day = ANY({})",
                               q(ward), days));
            // Seconds rounded as the reports round them (half away from zero).
            w.exec(fmt::format(R"sql(
INSERT INTO daily_rollup (ward, day, category, issued, served, no_show, expired, called, within_target,
                          timed, wait_sum_s, service_sum_s, rated, satisfied)
SELECT t.ward, t.day, t.category, count(*),
       count(*) FILTER (WHERE t.state = 'done'),
       count(*) FILTER (WHERE t.state = 'no_show'),
       count(*) FILTER (WHERE t.state = 'expired'),
       count(*) FILTER (WHERE t.called_ms IS NOT NULL),
       count(*) FILTER (WHERE t.called_ms IS NOT NULL
                        AND round((t.called_ms - t.issued_ms) / 1000.0) <= coalesce(g.target, 0)),
       count(*) FILTER (WHERE t.state = 'done' AND t.called_ms IS NOT NULL AND t.started_ms IS NOT NULL
                        AND t.finished_ms IS NOT NULL),
       coalesce(sum(round((t.called_ms - t.issued_ms) / 1000.0)) FILTER (WHERE t.state = 'done'
                AND t.called_ms IS NOT NULL AND t.started_ms IS NOT NULL AND t.finished_ms IS NOT NULL), 0),
       coalesce(sum(round((t.finished_ms - t.started_ms) / 1000.0)) FILTER (WHERE t.state = 'done'
                AND t.called_ms IS NOT NULL AND t.started_ms IS NOT NULL AND t.finished_ms IS NOT NULL), 0),
       count(*) FILTER (WHERE t.rating BETWEEN 1 AND 5),
       count(*) FILTER (WHERE t.rating BETWEEN 4 AND 5)
FROM tickets t LEFT JOIN (VALUES {}) AS g(category, target) ON g.category = t.category
WHERE t.ward = {} AND t.day = ANY({})
GROUP BY t.ward, t.day, t.category)sql",
                               targets, q(ward), days));
        }
    }
    const auto& last = batch.events.empty() ? std::optional<TimePoint>{}
                                            : std::optional<TimePoint>{batch.events.back().at};
    const std::int64_t new_acked = n > 0 ? batch.events.back().seq : acked;
    w.exec(fmt::format(
        "UPDATE wards SET acked_seq = {}, last_seen_ms = {}, info = {}::jsonb{} WHERE code = {}",
        new_acked, q(now), q(api::write_json(to_json(batch.ward))),
        n > 0 && last ? fmt::format(", last_event_ms = {}", q(*last)) : "", q(ward)));
    w.commit();
    return BatchAck{ward, new_acked, static_cast<int>(n)};
}

}  // namespace motcua::hub
