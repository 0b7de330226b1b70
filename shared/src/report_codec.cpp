// JSON codecs of the report shapes (motcua/reports.hpp). The encoders are the service's own,
// moved here unchanged: the integration tests compare their bytes.
#include <fmt/format.h>

#include <boost/json.hpp>
#include <cassert>
#include <limits>
#include <tuple>

#include "json_fields.hpp"
#include "motcua/api.hpp"
#include "motcua/reports.hpp"

namespace motcua {
namespace json = boost::json;
namespace {

// ---- Biểu II.06a's columns ------------------------------------------------------------------

struct ColumnDef {
    DossierColumn column;
    std::int64_t DossierCounts::*member;
};

// Form order. The headings stand alone (a CSV has one heading line), so the "quá hạn" of column 10
// and of column 13 say which one they are.
const std::array<ColumnDef, 12> kColumns{{
    {{"received_total", 3, "Tổng số tiếp nhận"}, &DossierCounts::received_total},
    {{"received_online", 4, "Tiếp nhận trực tuyến"}, &DossierCounts::received_online},
    {{"received_direct", 5, "Tiếp nhận trực tiếp, dịch vụ bưu chính"},
     &DossierCounts::received_direct},
    {{"carried_over", 6, "Từ kỳ trước chuyển sang"}, &DossierCounts::carried_over},
    {{"processed_total", 7, "Tổng số đã giải quyết"}, &DossierCounts::processed_total},
    {{"early", 8, "Đã giải quyết trước hạn"}, &DossierCounts::early},
    {{"on_time", 9, "Đã giải quyết đúng hạn"}, &DossierCounts::on_time},
    {{"late", 10, "Đã giải quyết quá hạn"}, &DossierCounts::late},
    {{"in_process_total", 11, "Tổng số đang giải quyết"}, &DossierCounts::in_process_total},
    {{"in_process_not_due", 12, "Đang giải quyết trong hạn"}, &DossierCounts::in_process_not_due},
    {{"in_process_overdue", 13, "Đang giải quyết quá hạn"}, &DossierCounts::in_process_overdue},
    {{"refused_or_withdrawn", 0, "Từ chối, rút hồ sơ trong kỳ"},
     &DossierCounts::refused_or_withdrawn},
}};

// ---- encoding -------------------------------------------------------------------------------

// Whole numbers are written as integers ("600", not "6E2" as Boost.JSON writes doubles). Only
// numbers inside int64's range are cast: a decoded report may hold any double.
json::value num(double v) {
    if (!(v >= -0x1p63 && v < 0x1p63)) return v;
    const auto whole = static_cast<std::int64_t>(v);
    if (static_cast<double>(whole) == v) return whole;
    return v;
}

json::object time_json(const TimeStats& s) {
    return {{"mean", num(s.mean)}, {"p50", s.p50}, {"p90", s.p90}, {"max", s.max}};
}

json::object buckets_json(const WaitBuckets& b, bool total) {
    json::array counts;
    for (int n : b.counts) counts.emplace_back(n);
    json::object o;
    if (!total) {
        o["key"] = b.key;
        o["label"] = b.label;
        o["target_wait_s"] = b.target_wait_s;
    }
    o["served"] = b.served;
    o["counts"] = std::move(counts);
    return o;
}

json::object dossier_row_json(const DossierReportRow& row) {
    json::object o{{"key", row.key}, {"label", row.label}};
    for (const auto& def : kColumns) o[def.column.name] = row.counts.*def.member;
    return o;
}

json::object appointment_row_json(const AppointmentRow& row) {
    json::value punctuality = nullptr;
    if (row.punctuality_p50_s && row.punctuality_p90_s)
        punctuality =
            json::object{{"p50", *row.punctuality_p50_s}, {"p90", *row.punctuality_p90_s}};
    return {{"key", row.key},
            {"label", row.label},
            {"booked", row.counts.booked},
            {"cancelled", row.counts.cancelled},
            {"checked_in", row.counts.checked_in},
            {"missed", row.counts.missed},
            {"served", row.counts.served},
            {"punctuality_s", std::move(punctuality)}};
}

json::object estimate_row_json(const EstimateRow& row) {
    const EstimateFigures& f = row.figures;
    return {{"key", row.key},
            {"label", row.label},
            {"tickets", f.tickets},
            {"mae_s", num(f.mae_s)},
            {"bias_s", num(f.bias_s)},
            {"within_range_pct", num(f.within_range_pct)},
            {"late_over_5min_pct", num(f.late_over_5min_pct)},
            {"baseline_mae_s", num(f.baseline_mae_s)},
            {"baseline_bias_s", num(f.baseline_bias_s)},
            {"baseline_within_range_pct", num(f.baseline_within_range_pct)},
            {"baseline_late_over_5min_pct", num(f.baseline_late_over_5min_pct)}};
}

// ---- decoding -------------------------------------------------------------------------------

using json_fields::DecodeError;
using json_fields::fail_field;
using json_fields::Fields;
using json_fields::kind_of;

constexpr std::int64_t kMaxCount = std::numeric_limits<int>::max();
constexpr std::int64_t kAnyWhole = std::numeric_limits<std::int64_t>::max();

// Runs `decode` on a part of the report; its errors say where the part is ("rows[2]: field …").
template <typename F>
auto within(const std::string& path, F&& decode) {
    try {
        return decode();
    } catch (DecodeError& e) {
        e.message = fmt::format("{}: {}", path, e.message);
        throw;
    }
}

double number(const Fields& f, std::string_view key, double min, double max) {
    const auto& v = f.need(key);
    if (!v.is_number()) fail_field(key, fmt::format("must be a number, got {}", kind_of(v)));
    const double d = v.to_number<double>();
    if (d < min || d > max) fail_field(key, fmt::format("is {}, out of range {}..{}", d, min, max));
    return d;
}

int count(const Fields& f, std::string_view key) {
    return static_cast<int>(f.integer(key, 0, kMaxCount));
}

// An item of an array of counts or edges, or a rating level's count: a whole number in 0..max.
std::int64_t item(const json::value& v, std::string_view name, std::int64_t max) {
    if (!v.is_int64()) fail_field(name, fmt::format("must hold integers, got {}", kind_of(v)));
    const auto n = v.get_int64();
    if (n < 0 || n > max) fail_field(name, fmt::format("holds {}, out of range 0..{}", n, max));
    return n;
}

// Both ends of the period: office days, `to` not before `from`.
std::pair<Day, Day> period(const Fields& f) {
    const Day from = f.day("from");
    const Day to = f.day("to");
    if (to < from) fail_field("to", "is before 'from'");
    return {from, to};
}

TimeStats time_stats(const Fields& row, std::string_view key) {
    const Fields f(row.need(key), key);
    return within(std::string(key), [&] {
        const auto any = std::numeric_limits<double>::max();
        return TimeStats{number(f, "mean", -any, any), f.integer("p50", -kAnyWhole, kAnyWhole),
                         f.integer("p90", -kAnyWhole, kAnyWhole),
                         f.integer("max", -kAnyWhole, kAnyWhole)};
    });
}

RatingStats rating_stats(const Fields& row) {
    const Fields f(row.need("ratings"), "ratings");
    return within("ratings", [&] {
        RatingStats r;
        r.count = count(f, "count");
        const Fields levels(f.need("levels"), "levels");
        for (const auto& [key, n] : levels.object()) {
            const std::string_view k = key;
            if (k.size() != 1 || k[0] < '0' + kMinRatingLevel || k[0] > '0' + kMaxRatingLevel)
                fail_field("levels", fmt::format("has '{}', not a rating level {}..{}", k,
                                                 kMinRatingLevel, kMaxRatingLevel));
            r.levels[k[0] - '0'] = static_cast<int>(item(n, "levels", kMaxCount));
        }
        r.satisfied_pct = number(f, "satisfied_pct", 0, 100);
        r.not_dissatisfied_pct = number(f, "not_dissatisfied_pct", 0, 100);
        return r;
    });
}

TurnaroundRow turnaround_row(const json::value& v, const std::string& path) {
    return within(path, [&] {
        const Fields f(v, "a report row");
        TurnaroundRow r;
        r.key = f.str("key");
        r.label = f.str("label", true);
        r.issued = count(f, "issued");
        r.served = count(f, "served");
        r.no_show = count(f, "no_show");
        r.expired = count(f, "expired");
        r.wait_s = time_stats(f, "wait_s");
        r.service_s = time_stats(f, "service_s");
        r.visit_s = time_stats(f, "visit_s");
        r.within_target_pct = number(f, "within_target_pct", 0, 100);
        r.ratings = rating_stats(f);
        if (f.find("open_s") != nullptr)  // group_by=officer: all four or none
            r.officer = OfficerTime{
                f.integer("open_s", 0, kAnyWhole), f.integer("serving_s", 0, kAnyWhole),
                f.integer("idle_s", 0, kAnyWhole), f.integer("idle_while_waiting_s", 0, kAnyWhole)};
        return r;
    });
}

// A category's buckets, or the total's (only `served` and `counts` on the wire).
WaitBuckets wait_buckets(const json::value& v, const std::string& path, bool total) {
    return within(path, [&] {
        const Fields f(v, "a histogram row");
        WaitBuckets b;
        b.key = total ? "total" : f.str("key");
        if (!total) {
            b.label = f.str("label", true);
            b.target_wait_s = static_cast<int>(f.integer("target_wait_s", 0, kMaxCount));
        }
        b.served = count(f, "served");
        for (const auto& n : f.array("counts"))
            b.counts.push_back(static_cast<int>(item(n, "counts", kMaxCount)));
        return b;
    });
}

DossierReportRow dossier_row(const json::value& v, const std::string& path) {
    return within(path, [&] {
        const Fields f(v, "a report row");
        DossierReportRow r{f.str("key"), f.str("label", true), {}};
        for (const auto& def : kColumns)
            r.counts.*def.member = f.integer(def.column.name, 0, kAnyWhole);
        return r;
    });
}

AppointmentRow appointment_row(const json::value& v, const std::string& path) {
    return within(path, [&] {
        const Fields f(v, "a report row");
        AppointmentRow r{f.str("key"), f.str("label", true), {}, std::nullopt, std::nullopt};
        r.counts.booked = f.integer("booked", 0, kAnyWhole);
        r.counts.cancelled = f.integer("cancelled", 0, kAnyWhole);
        r.counts.checked_in = f.integer("checked_in", 0, kAnyWhole);
        r.counts.missed = f.integer("missed", 0, kAnyWhole);
        r.counts.served = f.integer("served", 0, kAnyWhole);
        if (const auto* p = f.find("punctuality_s")) {
            const Fields pf(*p, "punctuality_s");
            r.punctuality_p50_s = pf.integer("p50", -kAnyWhole, kAnyWhole);
            r.punctuality_p90_s = pf.integer("p90", -kAnyWhole, kAnyWhole);
        }
        return r;
    });
}

EstimateRow estimate_row(const json::value& v, const std::string& path) {
    return within(path, [&] {
        const Fields f(v, "a report row");
        EstimateRow r{f.str("key"), f.str("label", true), {}};
        EstimateFigures& e = r.figures;
        const auto seconds = [&](std::string_view key, double lowest) {
            return number(f, key, lowest, 1e9);
        };
        e.tickets = f.integer("tickets", 0, kAnyWhole);
        e.mae_s = seconds("mae_s", 0);
        e.bias_s = seconds("bias_s", -1e9);
        e.within_range_pct = number(f, "within_range_pct", 0, 100);
        e.late_over_5min_pct = number(f, "late_over_5min_pct", 0, 100);
        e.baseline_mae_s = seconds("baseline_mae_s", 0);
        e.baseline_bias_s = seconds("baseline_bias_s", -1e9);
        e.baseline_within_range_pct = number(f, "baseline_within_range_pct", 0, 100);
        e.baseline_late_over_5min_pct = number(f, "baseline_late_over_5min_pct", 0, 100);
        return r;
    });
}

template <typename T, typename F>
Result<T> decode_report(std::string_view body, F&& decode) {
    auto parsed = api::parse_json(body);
    if (!parsed) return parsed.error();
    return json_fields::guarded<T>([&] { return decode(*parsed); });
}

}  // namespace

// ---- Biểu II.06a's columns ------------------------------------------------------------------

DossierCounts& DossierCounts::operator+=(const DossierCounts& other) {
    for (const auto& def : kColumns) this->*def.member += other.*def.member;
    return *this;
}

const std::vector<DossierColumn>& dossier_columns() {
    static const std::vector<DossierColumn> columns = [] {
        std::vector<DossierColumn> out;
        for (const auto& def : kColumns) out.push_back(def.column);
        return out;
    }();
    return columns;
}

std::int64_t dossier_value(const DossierCounts& counts, std::string_view column) {
    for (const auto& def : kColumns)
        if (def.column.name == column) return counts.*def.member;
    assert(false && "unknown dossier report column");
    return 0;
}

// ---- encoders -------------------------------------------------------------------------------

json::value to_json(const TurnaroundRow& r) {
    json::object levels;
    for (const auto& [level, n] : r.ratings.levels) levels[std::to_string(level)] = n;
    json::object o{{"key", r.key},
                   {"label", r.label},
                   {"issued", r.issued},
                   {"served", r.served},
                   {"no_show", r.no_show},
                   {"expired", r.expired},
                   {"wait_s", time_json(r.wait_s)},
                   {"service_s", time_json(r.service_s)},
                   {"visit_s", time_json(r.visit_s)},
                   {"within_target_pct", num(r.within_target_pct)},
                   {"ratings",
                    {{"count", r.ratings.count},
                     {"levels", std::move(levels)},
                     {"satisfied_pct", num(r.ratings.satisfied_pct)},
                     {"not_dissatisfied_pct", num(r.ratings.not_dissatisfied_pct)}}}};
    if (r.officer) {
        o["open_s"] = r.officer->open_s;
        o["serving_s"] = r.officer->serving_s;
        o["idle_s"] = r.officer->idle_s;
        o["idle_while_waiting_s"] = r.officer->idle_while_waiting_s;
    }
    return o;
}

json::value to_json(const TurnaroundReport& report) {
    json::array rows;
    for (const auto& r : report.rows) rows.push_back(to_json(r));
    return {{"from", format_day(report.from)},
            {"to", format_day(report.to)},
            {"group_by", to_string(report.group_by)},
            {"rows", std::move(rows)},
            {"total", to_json(report.total)}};
}

json::value to_json(const WaitHistogram& h) {
    json::array edges;
    for (auto e : h.edges_s) edges.emplace_back(e);
    json::array categories;
    for (const auto& c : h.categories) categories.emplace_back(buckets_json(c, false));
    return {{"from", format_day(h.from)},
            {"to", format_day(h.to)},
            {"bucket_s", h.bucket_s},
            {"edges_s", std::move(edges)},
            {"categories", std::move(categories)},
            {"total", buckets_json(h.total, true)}};
}

json::value to_json(const DossierReport& report, const OfficeZone& zone) {
    json::array rows;
    rows.reserve(report.rows.size());
    for (const auto& row : report.rows) rows.push_back(dossier_row_json(row));
    return json::object{{"from", format_day(report.from)},
                        {"to", format_day(report.to)},
                        {"group_by", to_string(report.group_by)},
                        {"as_of", zone.format_rfc3339(report.as_of)},
                        {"rows", std::move(rows)},
                        {"total", dossier_row_json(report.total)}};
}

json::value to_json(const AppointmentReport& report) {
    json::array rows;
    rows.reserve(report.rows.size());
    for (const auto& row : report.rows) rows.push_back(appointment_row_json(row));
    return json::object{{"from", format_day(report.from)},
                        {"to", format_day(report.to)},
                        {"group_by", to_string(report.group_by)},
                        {"rows", std::move(rows)},
                        {"total", appointment_row_json(report.total)}};
}

json::value to_json(const EstimateReport& report) {
    json::array rows;
    rows.reserve(report.rows.size());
    for (const auto& row : report.rows) rows.push_back(estimate_row_json(row));
    return json::object{{"from", format_day(report.from)},
                        {"to", format_day(report.to)},
                        {"group_by", to_string(report.group_by)},
                        {"rows", std::move(rows)},
                        {"total", estimate_row_json(report.total)}};
}

// ---- decoders -------------------------------------------------------------------------------

Result<TurnaroundReport> decode_turnaround_report(std::string_view body) {
    return decode_report<TurnaroundReport>(body, [](const json::value& v) {
        const Fields f(v, "the turnaround report");
        TurnaroundReport out;
        std::tie(out.from, out.to) = period(f);
        out.group_by = f.enumeration<ReportGrouping>("group_by");
        for (const auto& row : f.array("rows"))
            out.rows.push_back(turnaround_row(row, fmt::format("rows[{}]", out.rows.size())));
        out.total = turnaround_row(f.need("total"), "total");
        return out;
    });
}

Result<WaitHistogram> decode_wait_histogram(std::string_view body) {
    return decode_report<WaitHistogram>(body, [](const json::value& v) {
        const Fields f(v, "the waits histogram");
        WaitHistogram out;
        std::tie(out.from, out.to) = period(f);
        out.bucket_s = f.integer("bucket_s", 1, kAnyWhole);
        for (const auto& e : f.array("edges_s"))
            out.edges_s.push_back(item(e, "edges_s", kAnyWhole));
        for (const auto& c : f.array("categories"))
            out.categories.push_back(
                wait_buckets(c, fmt::format("categories[{}]", out.categories.size()), false));
        out.total = wait_buckets(f.need("total"), "total", true);
        // The chart draws one bar per bucket between edges climbing from 0.
        bool climbing = !out.edges_s.empty() && out.edges_s.front() == 0;
        for (std::size_t i = 1; i < out.edges_s.size(); ++i)
            climbing = climbing && out.edges_s[i] > out.edges_s[i - 1];
        if (out.edges_s.size() < 2 || !climbing)
            fail_field("edges_s", "must climb from 0 and hold at least one bucket");
        const std::size_t buckets = out.edges_s.size() - 1;
        const auto check = [&](const WaitBuckets& b, const std::string& path) {
            if (b.counts.size() != buckets)
                within(path, [&] {
                    fail_field("counts", fmt::format("holds {} counts for {} buckets",
                                                     b.counts.size(), buckets));
                });
        };
        for (std::size_t i = 0; i < out.categories.size(); ++i)
            check(out.categories[i], fmt::format("categories[{}]", i));
        check(out.total, "total");
        return out;
    });
}

Result<AppointmentReport> decode_appointment_report(std::string_view body) {
    return decode_report<AppointmentReport>(body, [](const json::value& v) {
        const Fields f(v, "the appointments report");
        AppointmentReport out;
        std::tie(out.from, out.to) = period(f);
        out.group_by = f.enumeration<AppointmentGrouping>("group_by");
        for (const auto& row : f.array("rows"))
            out.rows.push_back(appointment_row(row, fmt::format("rows[{}]", out.rows.size())));
        out.total = appointment_row(f.need("total"), "total");
        return out;
    });
}

Result<DossierReport> decode_dossier_report(std::string_view body) {
    return decode_report<DossierReport>(body, [](const json::value& v) {
        const Fields f(v, "the dossier report");
        DossierReport out;
        std::tie(out.from, out.to) = period(f);
        out.group_by = f.enumeration<DossierGrouping>("group_by");
        out.as_of = f.time("as_of");
        for (const auto& row : f.array("rows"))
            out.rows.push_back(dossier_row(row, fmt::format("rows[{}]", out.rows.size())));
        out.total = dossier_row(f.need("total"), "total");
        return out;
    });
}

Result<EstimateReport> decode_estimate_report(std::string_view body) {
    return decode_report<EstimateReport>(body, [](const json::value& v) {
        const Fields f(v, "the estimates report");
        EstimateReport out;
        std::tie(out.from, out.to) = period(f);
        out.group_by = f.enumeration<EstimateGrouping>("group_by");
        for (const auto& row : f.array("rows"))
            out.rows.push_back(estimate_row(row, fmt::format("rows[{}]", out.rows.size())));
        out.total = estimate_row(f.need("total"), "total");
        return out;
    });
}

}  // namespace motcua
