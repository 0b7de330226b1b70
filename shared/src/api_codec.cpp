#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "json_fields.hpp"
#include "motcua/api.hpp"

namespace json = boost::json;

namespace motcua::api {
using namespace motcua::json_fields;
namespace {

// "estimated_wait_range_s": [low, high]; a service from before ranges sends none: [wait, wait].
WaitRange wait_range(const Fields& f, int wait_s) {
    constexpr std::string_view key = "estimated_wait_range_s";
    if (f.find(key) == nullptr) return {wait_s, wait_s};
    const auto& a = f.array(key);
    const auto seconds = [](const json::value& x) {
        return x.is_int64() && x.get_int64() >= 0 && x.get_int64() <= 1'000'000'000;
    };
    if (a.size() != 2 || !seconds(a[0]) || !seconds(a[1]) || a[0].get_int64() > a[1].get_int64())
        fail_field(key, "must be [low, high]: two whole seconds, low first");
    return {static_cast<int>(a[0].get_int64()), static_cast<int>(a[1].get_int64())};
}

json::value range_json(const WaitRange& r) {
    return json::array{r.low_s, r.high_s};
}

// Error messages quote what the caller sent (a path segment, a query value: any bytes once
// percent-decoded). Each byte that does not start a well-formed UTF-8 sequence (no overlong
// forms, no surrogates, nothing past U+10FFFF) becomes U+FFFD, so the answer stays JSON
// (RFC 8259 §8.1) and a client's parser never chokes on its own typo.
std::string valid_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        const auto lead = static_cast<unsigned char>(s[i]);
        if (lead < 0x80) {
            out += s[i++];
            continue;
        }
        // Sequence length, payload bits of the lead byte, smallest code point of that length.
        const std::size_t len = (lead & 0xE0) == 0xC0   ? 2
                                : (lead & 0xF0) == 0xE0 ? 3
                                : (lead & 0xF8) == 0xF0 ? 4
                                                        : 0;
        std::uint32_t cp = lead & (0x7Fu >> len);
        const std::uint32_t least = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
        bool ok = len != 0 && i + len <= s.size();
        for (std::size_t k = 1; ok && k < len; ++k) {
            const auto next = static_cast<unsigned char>(s[i + k]);
            ok = (next & 0xC0) == 0x80;
            cp = (cp << 6) | (next & 0x3Fu);
        }
        ok = ok && cp >= least && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
        if (ok) {
            out.append(s.substr(i, len));
            i += len;
        } else {
            out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
            ++i;
        }
    }
    return out;
}

// ---- per-message decoders (throwing DecodeError) ----------------------------------------------

LoginRequest login_request(const json::value& v) {
    Fields f(v, "login request");
    return {f.str("username"), f.str("password")};
}

/// A client's retry key: 1 to 128 printable ASCII characters (the kiosk sends 32 hex digits).
std::optional<std::string> idempotency_key(Fields& f) {
    auto key = f.opt_str("idempotency_key");
    if (!key) return key;
    const bool printable =
        std::all_of(key->begin(), key->end(), [](char c) { return c > ' ' && c < 0x7f; });
    if (key->empty() || key->size() > 128 || !printable)
        fail_field("idempotency_key",
                   "must be 1 to 128 printable ASCII characters, without spaces");
    return key;
}

IssueTicketRequest issue_ticket_request(const json::value& v) {
    Fields f(v, "ticket request");
    IssueTicketRequest m;
    m.category = f.str("category");
    m.priority = f.boolean("priority", false);
    m.priority_reason = f.opt_str("priority_reason");
    m.idempotency_key = idempotency_key(f);
    return m;
}

RatingRequest rating_request(const json::value& v) {
    Fields f(v, "rating");
    RatingRequest m;
    m.ticket = f.str("ticket");
    m.level = static_cast<int>(f.integer("level", kMinRatingLevel, kMaxRatingLevel));
    if (f.find("reasons") != nullptr) {
        for (const auto& item : f.array("reasons")) {
            if (!item.is_string())
                fail_field("reasons", fmt::format("must hold strings, got {}", kind_of(item)));
            auto r = parse_enum<RatingReason>(item.get_string());
            if (!r)
                fail_field("reasons", fmt::format("holds '{}'; expected any of: {}",
                                                  std::string_view(item.get_string()),
                                                  enum_choices<RatingReason>()));
            m.reasons.push_back(*r);
        }
    }
    m.comment = f.opt_str("comment");
    if (m.comment && m.comment->size() > 2000) fail_field("comment", "is longer than 2000 bytes");
    m.idempotency_key = idempotency_key(f);
    return m;
}

Applicant applicant(const json::value& v) {
    Fields f(v, "applicant");
    Applicant a{f.str("name"), f.opt_str("phone"), f.opt_str("id_number"), f.opt_str("address")};
    if (a.name.find_first_not_of(" \t\r\n") == std::string::npos)
        fail_field("name", "must not be blank");
    if (a.name.size() > 200) fail_field("name", "is longer than 200 bytes");
    if (a.phone && a.phone->size() > 32) fail_field("phone", "is longer than 32 bytes");
    if (a.id_number && a.id_number->size() > 32) fail_field("id_number", "is longer than 32 bytes");
    if (a.address && a.address->size() > 500) fail_field("address", "is longer than 500 bytes");
    return a;
}

FinishRequest finish_request(const json::value& v) {
    Fields f(v, "finish request");
    FinishRequest m;
    m.outcome = f.enumeration<FinishOutcome>("outcome");
    m.procedure = f.opt_str("procedure");
    if (const auto* a = f.find("applicant")) m.applicant = applicant(*a);
    m.dossier = f.opt_str("dossier");
    return m;
}

TicketView ticket_view(const json::value& v) {
    Fields f(v, "ticket");
    TicketView t;
    t.id = f.str("id");
    t.number = f.str("number");
    t.category = f.str("category");
    t.priority = f.boolean("priority", false);
    t.state = f.enumeration<TicketState>("state");
    t.issued_at = f.time("issued_at");
    t.called_at = f.opt_time("called_at");
    t.started_at = f.opt_time("started_at");
    t.finished_at = f.opt_time("finished_at");
    if (auto c = f.opt_integer("counter", 0, 1'000'000)) t.counter = static_cast<int>(*c);
    t.waiting_ahead = static_cast<int>(f.integer("waiting_ahead", 0, 1'000'000'000));
    t.estimated_wait_s = static_cast<int>(f.integer("estimated_wait_s", 0, 1'000'000'000));
    t.estimated_wait_range_s = wait_range(f, t.estimated_wait_s);
    if (const auto* e = f.find("estimate_at_issue")) {
        Fields told(*e, "estimate_at_issue");
        t.estimate_at_issue =
            EstimateAtIssue{static_cast<int>(told.integer("wait_s", 0, 1'000'000'000)),
                            static_cast<int>(told.integer("low_s", 0, 1'000'000'000)),
                            static_cast<int>(told.integer("high_s", 0, 1'000'000'000)), 0};
    }
    if (const auto* a = f.find("appointment")) {
        Fields booking(*a, "appointment");
        TicketAppointment ref{booking.str("code"), booking.str("start")};
        if (!parse_hhmm(ref.start)) fail_field("start", "must be \"HH:MM\"");
        t.appointment = std::move(ref);
    }
    return t;
}

CategoryInfo category_info(const json::value& v) {
    Fields f(v, "category");
    CategoryInfo c;
    c.code = f.str("code");
    c.name_vi = f.str("name_vi");
    c.name_en = f.str("name_en", true);
    c.target_wait_s = static_cast<int>(f.integer("target_wait_s", 0, 1'000'000));
    c.waiting = static_cast<int>(f.integer("waiting", 0, 1'000'000'000));
    c.estimated_wait_s = static_cast<int>(f.integer("estimated_wait_s", 0, 1'000'000'000));
    c.estimated_wait_range_s = wait_range(f, c.estimated_wait_s);
    return c;
}

PublicQueueEntry public_queue_entry(const json::value& v) {
    Fields f(v, "queue entry");
    PublicQueueEntry e;
    e.code = f.str("code");
    e.name_vi = f.str("name_vi");
    e.name_en = f.str("name_en", true);
    e.waiting = static_cast<int>(f.integer("waiting", 0, 1'000'000'000));
    e.estimated_wait_s = static_cast<int>(f.integer("estimated_wait_s", 0, 1'000'000'000));
    e.estimated_wait_range_s = wait_range(f, e.estimated_wait_s);
    return e;
}

}  // namespace

// ---- parsing ----------------------------------------------------------------------------------

Result<json::value> parse_json(std::string_view bytes) {
    json::parse_options options;
    options.max_depth = kMaxJsonDepth;  // deeper input is rejected, not recursed into
    boost::system::error_code ec;
    json::value v = json::parse(bytes, ec, json::storage_ptr(), options);
    if (ec) {
        if (ec == json::error::too_deep)
            return make_error(ErrorCode::invalid_json,
                              fmt::format("JSON nested deeper than {} levels", kMaxJsonDepth));
        if (ec == json::error::syntax && !bytes.empty())
            return make_error(ErrorCode::invalid_json,
                              "request body is not valid JSON (syntax error or invalid UTF-8)");
        return make_error(ErrorCode::invalid_json,
                          fmt::format("request body is not valid JSON: {}", ec.message()));
    }
    return v;
}

std::string write_json(const json::value& v) {
    return json::serialize(v);
}

// ---- encoders ---------------------------------------------------------------------------------

json::value to_json(const Error& e) {
    return {{"error", {{"code", wire_name(e.code)}, {"message", valid_utf8(e.message)}}}};
}

json::value to_json(const LoginRequest& m) {
    return {{"username", m.username}, {"password", m.password}};
}

json::value to_json(const IssueTicketRequest& m) {
    json::object o{{"category", m.category}, {"priority", m.priority}};
    put_opt(o, "priority_reason", m.priority_reason);
    put_opt(o, "idempotency_key", m.idempotency_key);
    return o;
}

json::value to_json(const RatingRequest& m) {
    json::array reasons;
    for (auto r : m.reasons) reasons.emplace_back(to_string(r));
    json::object o{{"ticket", m.ticket}, {"level", m.level}, {"reasons", std::move(reasons)}};
    put_opt(o, "comment", m.comment);
    put_opt(o, "idempotency_key", m.idempotency_key);
    return o;
}

static json::object applicant_json(const Applicant& a) {
    json::object o{{"name", a.name}};
    put_opt(o, "phone", a.phone);
    put_opt(o, "id_number", a.id_number);
    put_opt(o, "address", a.address);
    return o;
}

json::value to_json(const FinishRequest& m) {
    json::object o{{"outcome", to_string(m.outcome)}};
    put_opt(o, "procedure", m.procedure);
    if (m.applicant) o["applicant"] = applicant_json(*m.applicant);
    put_opt(o, "dossier", m.dossier);
    return o;
}

json::value to_json(const TransferRequest& m) {
    return {{"category", m.category}};
}
json::value to_json(const ReinstateRequest& m) {
    return {{"ticket", m.ticket}};
}
json::value to_json(const DossierStatusRequest& m) {
    json::object o{{"status", to_string(m.status)}};
    put_opt(o, "note", m.note);
    return o;
}
json::value to_json(const SlotView& m) {
    return {{"start", m.start}, {"end", m.end}, {"free", m.free}};
}

json::value to_json(const BookingRequest& m) {
    return {{"category", m.category},
            {"date", format_day(m.date)},
            {"start", m.start},
            {"phone", m.phone}};
}

json::value to_json(const BookingView& m) {
    return {{"code", m.code},   {"category", m.category}, {"date", format_day(m.date)},
            {"start", m.start}, {"end", m.end},           {"state", to_string(m.state)},
            {"phone", m.phone}};
}

json::value to_json(const ApologyRequest& m) {
    return {{"new_due", format_day(m.new_due)}, {"reason", m.reason}};
}
json::value to_json(const TestClockRequest& m, const OfficeZone& zone) {
    return {{"now", zone.format_rfc3339(m.now)}};
}

json::value to_json(const LoginResponse& m, const OfficeZone& zone) {
    json::object officer{{"username", m.officer.username},
                         {"name", m.officer.name},
                         {"role", to_string(m.officer.role)}};
    put_opt(officer, "ward", m.officer.ward);
    return {{"token", m.token},
            {"expires_at", zone.format_rfc3339(m.expires_at)},
            {"officer", std::move(officer)}};
}

json::value to_json(const CategoryInfo& m) {
    return {{"code", m.code},
            {"name_vi", m.name_vi},
            {"name_en", m.name_en},
            {"target_wait_s", m.target_wait_s},
            {"waiting", m.waiting},
            {"estimated_wait_s", m.estimated_wait_s},
            {"estimated_wait_range_s", range_json(m.estimated_wait_range_s)}};
}

json::value to_json(const ProcedureInfo& m) {
    return {{"code", m.code},
            {"name_vi", m.name_vi},
            {"category", m.category},
            {"legal_days", m.legal_days},
            {"cutoff", format_hhmm(m.cutoff_minutes)},
            {"fee", m.fee}};
}

json::value to_json(const TicketView& m, const OfficeZone& zone) {
    json::object o{{"id", m.id},
                   {"number", m.number},
                   {"category", m.category},
                   {"priority", m.priority},
                   {"state", to_string(m.state)},
                   {"issued_at", zone.format_rfc3339(m.issued_at)},
                   {"called_at", time_or_null(m.called_at, zone)},
                   {"started_at", time_or_null(m.started_at, zone)},
                   {"finished_at", time_or_null(m.finished_at, zone)},
                   {"counter", m.counter ? json::value(*m.counter) : json::value(nullptr)},
                   {"waiting_ahead", m.waiting_ahead},
                   {"estimated_wait_s", m.estimated_wait_s},
                   {"estimated_wait_range_s", range_json(m.estimated_wait_range_s)}};
    o["estimate_at_issue"] =
        m.estimate_at_issue ? json::value(json::object{{"wait_s", m.estimate_at_issue->wait_s},
                                                       {"low_s", m.estimate_at_issue->low_s},
                                                       {"high_s", m.estimate_at_issue->high_s}})
                            : json::value(nullptr);
    o["appointment"] = m.appointment ? json::value(json::object{{"code", m.appointment->code},
                                                                {"start", m.appointment->start}})
                                     : json::value(nullptr);
    return o;
}

json::value to_json(const CounterInfo& m, const OfficeZone& zone) {
    json::array cats;
    for (const auto& c : m.categories) cats.emplace_back(c);
    return {{"number", m.number},
            {"name", m.name},
            {"categories", std::move(cats)},
            {"state", to_string(m.state)},
            {"officer", m.officer ? json::value(*m.officer) : json::value(nullptr)},
            {"current", m.current ? to_json(*m.current, zone) : json::value(nullptr)}};
}

json::value to_json(const DossierView& m, const OfficeZone& zone) {
    json::object o{{"code", m.code},
                   {"procedure", m.procedure},
                   {"state", to_string(m.state)},
                   {"received_at", zone.format_rfc3339(m.received_at)},
                   {"due_date", format_day(m.due_date)},
                   {"returned_at", time_or_null(m.returned_at, zone)},
                   {"result", m.result ? json::value(to_string(*m.result)) : json::value(nullptr)},
                   {"procedure_name", m.procedure_name},
                   {"new_due_date", m.new_due_date ? json::value(format_day(*m.new_due_date))
                                                   : json::value(nullptr)}};
    if (m.details) {
        o["applicant"] = applicant_json(m.details->applicant);
        o["category"] = m.details->category;
        o["counter"] = m.details->counter;
        o["officer"] = m.details->officer;
        o["apology_reason"] = m.details->apology_reason ? json::value(*m.details->apology_reason)
                                                        : json::value(nullptr);
    }
    return o;
}

json::value to_json(const DueDatePreview& m, const OfficeZone& zone) {
    return {{"procedure", m.procedure},
            {"received_at", zone.format_rfc3339(m.received_at)},
            {"due_date", format_day(m.due_date)}};
}

json::value to_json(const PublicQueue& m, const OfficeZone& zone) {
    json::array cats;
    for (const auto& c : m.categories)
        cats.push_back({{"code", c.code},
                        {"name_vi", c.name_vi},
                        {"name_en", c.name_en},
                        {"waiting", c.waiting},
                        {"estimated_wait_s", c.estimated_wait_s},
                        {"estimated_wait_range_s", range_json(c.estimated_wait_range_s)}});
    return {{"at", zone.format_rfc3339(m.at)}, {"categories", std::move(cats)}};
}

json::value to_json(const Event& m, const OfficeZone& zone) {
    json::object o{{"seq", m.seq}, {"type", to_string(m.type)}, {"at", zone.format_rfc3339(m.at)}};
    for (const auto& [k, v] : m.fields)
        if (k != "seq" && k != "type" && k != "at") o[k] = v;
    return o;
}

json::value to_json(const CounterEventFields& m) {
    return {{"counter", m.counter},
            {"counter_state", to_string(m.state)},
            {"officer", m.officer ? json::value(*m.officer) : json::value(nullptr)}};
}

json::value to_json(const RatingSubmittedFields& m) {
    return {{"ticket", m.ticket},
            {"number", m.number},
            {"level", m.level},
            {"counter", m.counter},
            {"officer", m.officer}};
}

// ---- decoders ---------------------------------------------------------------------------------

template <>
Result<ErrorBody> decode<ErrorBody>(const json::value& v) {
    return guarded<ErrorBody>([&] {
        Fields outer(v, "error response");
        Fields inner(outer.need("error"), "error");
        auto name = inner.str("code");
        auto message = inner.str("message", true);
        if (auto code = error_code_from_wire(name)) return ErrorBody{Error{*code, message}};
        // A code this build does not know (a newer service): keep it for the person reading.
        return ErrorBody{Error{ErrorCode::unexpected_answer, name + ": " + message}};
    });
}

template <>
Result<LoginRequest> decode<LoginRequest>(const json::value& v) {
    return guarded<LoginRequest>([&] { return login_request(v); });
}
template <>
Result<IssueTicketRequest> decode<IssueTicketRequest>(const json::value& v) {
    return guarded<IssueTicketRequest>([&] { return issue_ticket_request(v); });
}
template <>
Result<RatingRequest> decode<RatingRequest>(const json::value& v) {
    return guarded<RatingRequest>([&] { return rating_request(v); });
}
template <>
Result<FinishRequest> decode<FinishRequest>(const json::value& v) {
    return guarded<FinishRequest>([&] { return finish_request(v); });
}
template <>
Result<TransferRequest> decode<TransferRequest>(const json::value& v) {
    return guarded<TransferRequest>(
        [&] { return TransferRequest{Fields(v, "transfer request").str("category")}; });
}
template <>
Result<ReinstateRequest> decode<ReinstateRequest>(const json::value& v) {
    return guarded<ReinstateRequest>(
        [&] { return ReinstateRequest{Fields(v, "reinstate request").str("ticket")}; });
}
template <>
Result<DossierStatusRequest> decode<DossierStatusRequest>(const json::value& v) {
    return guarded<DossierStatusRequest>([&] {
        Fields f(v, "status request");
        DossierStatusRequest m{f.enumeration<DossierState>("status"), f.opt_str("note")};
        if (m.note && m.note->size() > 4000) fail_field("note", "is longer than 4000 bytes");
        return m;
    });
}
template <>
Result<SlotView> decode<SlotView>(const json::value& v) {
    return guarded<SlotView>([&] {
        Fields f(v, "slot");
        SlotView m{f.str("start"), f.str("end"), static_cast<int>(f.integer("free", 0, 1'000'000))};
        if (!parse_hhmm(m.start)) fail_field("start", "must be \"HH:MM\"");
        if (!parse_hhmm(m.end)) fail_field("end", "must be \"HH:MM\"");
        return m;
    });
}
template <>
Result<BookingRequest> decode<BookingRequest>(const json::value& v) {
    return guarded<BookingRequest>([&] {
        Fields f(v, "booking request");
        BookingRequest m{f.str("category"), f.day("date"), f.str("start"), f.str("phone")};
        if (!parse_hhmm(m.start)) fail_field("start", "must be \"HH:MM\"");
        if (m.category.size() > 64) fail_field("category", "is longer than 64 bytes");
        if (m.phone.size() > 32) fail_field("phone", "is longer than 32 bytes");
        return m;
    });
}
template <>
Result<BookingView> decode<BookingView>(const json::value& v) {
    return guarded<BookingView>([&] {
        Fields f(v, "booking");
        BookingView m;
        m.code = f.str("code");
        m.category = f.str("category");
        m.date = f.day("date");
        m.start = f.str("start");
        m.end = f.str("end");
        m.state = f.enumeration<AppointmentState>("state");
        m.phone = f.str("phone", true);
        if (!parse_hhmm(m.start)) fail_field("start", "must be \"HH:MM\"");
        if (!parse_hhmm(m.end)) fail_field("end", "must be \"HH:MM\"");
        return m;
    });
}
template <>
Result<ApologyRequest> decode<ApologyRequest>(const json::value& v) {
    return guarded<ApologyRequest>([&] {
        Fields f(v, "apology request");
        ApologyRequest m{f.day("new_due"), f.str("reason")};
        if (m.reason.size() > 2000) fail_field("reason", "is longer than 2000 bytes");
        return m;
    });
}
template <>
Result<TestClockRequest> decode<TestClockRequest>(const json::value& v) {
    return guarded<TestClockRequest>(
        [&] { return TestClockRequest{Fields(v, "clock request").time("now")}; });
}
template <>
Result<LoginResponse> decode<LoginResponse>(const json::value& v) {
    return guarded<LoginResponse>([&] {
        Fields f(v, "login response");
        Fields o(f.need("officer"), "officer");
        return LoginResponse{f.str("token"), f.time("expires_at"),
                             OfficerInfo{o.str("username"), o.str("name"),
                                         o.enumeration<OfficerRole>("role"), o.opt_str("ward")}};
    });
}
template <>
Result<CategoryInfo> decode<CategoryInfo>(const json::value& v) {
    return guarded<CategoryInfo>([&] { return category_info(v); });
}
template <>
Result<ProcedureInfo> decode<ProcedureInfo>(const json::value& v) {
    return guarded<ProcedureInfo>([&] {
        Fields f(v, "procedure");
        return ProcedureInfo{f.str("code"),     f.str("name_vi"),
                             f.str("category"), static_cast<int>(f.integer("legal_days", 0, 365)),
                             f.hhmm("cutoff"),  f.integer("fee", 0, 1'000'000'000'000)};
    });
}
template <>
Result<TicketView> decode<TicketView>(const json::value& v) {
    return guarded<TicketView>([&] { return ticket_view(v); });
}
template <>
Result<CounterInfo> decode<CounterInfo>(const json::value& v) {
    return guarded<CounterInfo>([&] {
        Fields f(v, "counter");
        CounterInfo c;
        c.number = static_cast<int>(f.integer("number", 1, 999));
        c.name = f.str("name");
        c.categories = f.strings("categories");
        c.state = f.enumeration<CounterState>("state");
        c.officer = f.opt_str("officer");
        if (const auto* t = f.find("current")) c.current = ticket_view(*t);
        return c;
    });
}
template <>
Result<DossierView> decode<DossierView>(const json::value& v) {
    return guarded<DossierView>([&] {
        Fields f(v, "dossier");
        DossierView d{f.str("code"),
                      f.str("procedure"),
                      f.enumeration<DossierState>("state"),
                      f.time("received_at"),
                      f.day("due_date"),
                      f.opt_time("returned_at"),
                      f.opt_enumeration<DossierResult>("result"),
                      f.opt_str("procedure_name").value_or(""),
                      std::nullopt,
                      std::nullopt};
        if (f.find("new_due_date") != nullptr) d.new_due_date = f.day("new_due_date");
        if (const auto* a = f.find("applicant")) {
            DossierDetails details;
            details.applicant = applicant(*a);
            details.category = f.str("category");
            details.counter = static_cast<int>(f.integer("counter", 0, 999));
            details.officer = f.str("officer", true);
            details.apology_reason = f.opt_str("apology_reason");
            d.details = std::move(details);
        }
        return d;
    });
}
template <>
Result<DueDatePreview> decode<DueDatePreview>(const json::value& v) {
    return guarded<DueDatePreview>([&] {
        Fields f(v, "due date");
        return DueDatePreview{f.str("procedure"), f.time("received_at"), f.day("due_date")};
    });
}
template <>
Result<PublicQueue> decode<PublicQueue>(const json::value& v) {
    return guarded<PublicQueue>([&] {
        Fields f(v, "public queue");
        PublicQueue q{f.time("at"), {}};
        for (const auto& item : f.array("categories"))
            q.categories.push_back(public_queue_entry(item));
        return q;
    });
}
template <>
Result<Event> decode<Event>(const json::value& v) {
    return guarded<Event>([&] {
        Fields f(v, "event");
        Event e;
        e.seq = f.integer("seq", 1, std::numeric_limits<std::int64_t>::max());
        e.type = f.enumeration<EventType>("type");
        e.at = f.time("at");
        for (const auto& [k, val] : f.object())
            if (k != "seq" && k != "type" && k != "at") e.fields[k] = val;
        return e;
    });
}

template <>
Result<CounterEventFields> decode<CounterEventFields>(const json::value& v) {
    return guarded<CounterEventFields>([&] {
        Fields f(v, "counter event");
        return CounterEventFields{static_cast<int>(f.integer("counter", 1, 999)),
                                  f.enumeration<CounterState>("counter_state"),
                                  f.opt_str("officer")};
    });
}
template <>
Result<RatingSubmittedFields> decode<RatingSubmittedFields>(const json::value& v) {
    return guarded<RatingSubmittedFields>([&] {
        Fields f(v, "rating event");
        return RatingSubmittedFields{
            f.str("ticket"), f.str("number"),
            static_cast<int>(f.integer("level", kMinRatingLevel, kMaxRatingLevel)),
            static_cast<int>(f.integer("counter", 0, 999)), f.str("officer", true)};
    });
}

}  // namespace motcua::api
