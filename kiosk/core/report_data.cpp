#include "kiosk/core/report_data.hpp"

#include <boost/json.hpp>

#include "motcua/api.hpp"
#include "motcua/office_time.hpp"

namespace motcua::kiosk {

namespace json = boost::json;

namespace {

/// Reads fields of one JSON object; the first problem is kept and named with its path.
class Fields {
public:
    Fields(const json::value& v, std::string path, std::optional<Error>& problem)
        : path_(std::move(path)), problem_(problem) {
        if (v.is_object())
            object_ = &v.as_object();
        else
            fail("is not an object");
    }

    const json::value* get(std::string_view name) {
        if (object_ == nullptr) return nullptr;
        const auto* v = object_->if_contains(name);
        if (v == nullptr) fail(std::string("has no '") + std::string(name) + "'");
        return v;
    }
    std::string text(std::string_view name) {
        const auto* v = get(name);
        if (v == nullptr) return {};
        if (v->is_string()) return std::string(v->as_string());
        wrong(name, "a string");
        return {};
    }
    std::int64_t whole(std::string_view name) {
        const auto* v = get(name);
        if (v == nullptr) return 0;
        if (v->is_int64()) return v->as_int64();
        if (v->is_uint64()) return static_cast<std::int64_t>(v->as_uint64());
        wrong(name, "a whole number");
        return 0;
    }
    int count(std::string_view name) { return static_cast<int>(whole(name)); }
    double real(std::string_view name) {
        const auto* v = get(name);
        if (v == nullptr) return 0;
        if (v->is_number()) return v->to_number<double>();
        wrong(name, "a number");
        return 0;
    }
    Day day(std::string_view name) {
        const std::string t = text(name);
        if (problem_) return Day{};
        auto d = parse_day(t);
        if (d) return *d;
        wrong(name, "a day (YYYY-MM-DD)");
        return Day{};
    }
    [[nodiscard]] std::string path(std::string_view name) const {
        return path_ + "." + std::string(name);
    }
    [[nodiscard]] bool has(std::string_view name) const {
        return object_ != nullptr && object_->contains(name);
    }

private:
    void fail(const std::string& what) {
        if (!problem_) problem_ = make_error("invalid_body", "the report's " + path_ + " " + what);
    }
    void wrong(std::string_view name, const char* expected) {
        fail("field '" + std::string(name) + "' is not " + expected);
    }

    std::string path_;
    std::optional<Error>& problem_;
    const json::object* object_ = nullptr;
};

DurationStats duration_stats(Fields& row, std::string_view name, std::optional<Error>& problem) {
    DurationStats s;
    const auto* v = row.get(name);
    if (v == nullptr) return s;
    Fields f(*v, row.path(name), problem);
    s.mean = f.real("mean");
    s.p50 = f.whole("p50");
    s.p90 = f.whole("p90");
    s.max = f.whole("max");
    return s;
}

RatingFigures rating_figures(Fields& row, const std::string& path, std::optional<Error>& problem) {
    RatingFigures r;
    const auto* v = row.get("ratings");
    if (v == nullptr) return r;
    Fields f(*v, path + ".ratings", problem);
    r.count = f.count("count");
    r.satisfied_pct = f.real("satisfied_pct");
    r.not_dissatisfied_pct = f.real("not_dissatisfied_pct");
    const auto* levels = f.get("levels");
    if (levels == nullptr) return r;
    if (!levels->is_object()) {
        if (!problem)
            problem = make_error("invalid_body", "the report's ratings.levels is not an object");
        return r;
    }
    for (const auto& [key, n] : levels->as_object()) {
        const std::string k(key);
        const bool level_key = k.size() == 1 && k[0] >= '1' && k[0] <= '5';
        if (!level_key || !n.is_int64()) {
            if (!problem)
                problem = make_error("invalid_body", "the report's rating level '" + k +
                                                         "' is not 1..5 with a count");
            return r;
        }
        r.levels[k[0] - '0'] = static_cast<int>(n.as_int64());
    }
    return r;
}

ReportRow report_row(const json::value& v, const std::string& path, std::optional<Error>& problem) {
    Fields f(v, path, problem);
    ReportRow r;
    r.key = f.text("key");
    r.label = f.text("label");
    r.issued = f.count("issued");
    r.served = f.count("served");
    r.no_show = f.count("no_show");
    r.expired = f.count("expired");
    r.wait = duration_stats(f, "wait_s", problem);
    r.service = duration_stats(f, "service_s", problem);
    r.within_target_pct = f.real("within_target_pct");
    r.ratings = rating_figures(f, path, problem);
    if (f.has("open_s")) {
        OfficerTimes t;
        t.open_s = f.whole("open_s");
        t.serving_s = f.whole("serving_s");
        t.idle_s = f.whole("idle_s");
        t.idle_while_waiting_s = f.whole("idle_while_waiting_s");
        r.officer = t;
    }
    return r;
}

std::vector<int> counts_of(Fields& f, std::optional<Error>& problem) {
    std::vector<int> out;
    const auto* v = f.get("counts");
    if (v == nullptr) return out;
    if (!v->is_array()) {
        if (!problem) problem = make_error("invalid_body", "the report's counts is not an array");
        return out;
    }
    for (const auto& n : v->as_array()) {
        if (!n.is_int64() || n.as_int64() < 0) {
            if (!problem)
                problem = make_error("invalid_body", "a bucket's count is not a whole number");
            return out;
        }
        out.push_back(static_cast<int>(n.as_int64()));
    }
    return out;
}

WaitBuckets wait_buckets(const json::value& v, const std::string& path, bool total,
                         std::optional<Error>& problem) {
    Fields f(v, path, problem);
    WaitBuckets b;
    b.key = total ? "total" : f.text("key");
    if (!total) {
        b.label = f.text("label");
        b.target_wait_s = f.count("target_wait_s");
    }
    b.served = f.count("served");
    b.counts = counts_of(f, problem);
    return b;
}

}  // namespace

Result<TurnaroundReport> decode_turnaround(std::string_view body) {
    auto parsed = api::parse_json(body);
    if (!parsed) return parsed.error();
    std::optional<Error> problem;
    Fields top(*parsed, "report", problem);
    TurnaroundReport out;
    out.from = top.day("from");
    out.to = top.day("to");
    const std::string group = top.text("group_by");
    if (!problem) {
        const auto g = parse_enum<ReportGrouping>(group);
        if (!g)
            return make_error("invalid_body", "the report's group_by '" + group + "' is unknown");
        out.grouping = *g;
    }
    if (const auto* rows = top.get("rows")) {
        if (!rows->is_array())
            return make_error("invalid_body", "the report's rows is not an array");
        for (const auto& row : rows->as_array())
            out.rows.push_back(
                report_row(row, "rows[" + std::to_string(out.rows.size()) + "]", problem));
    }
    if (const auto* total = top.get("total")) out.total = report_row(*total, "total", problem);
    if (problem) return *problem;
    return out;
}

Result<WaitHistogram> decode_wait_histogram(std::string_view body) {
    auto parsed = api::parse_json(body);
    if (!parsed) return parsed.error();
    std::optional<Error> problem;
    Fields top(*parsed, "report", problem);
    WaitHistogram out;
    out.from = top.day("from");
    out.to = top.day("to");
    out.bucket_s = top.whole("bucket_s");
    if (const auto* edges = top.get("edges_s")) {
        if (!edges->is_array())
            return make_error("invalid_body", "the report's edges_s is not an array");
        for (const auto& e : edges->as_array()) {
            if (!e.is_int64())
                return make_error("invalid_body", "a bucket edge is not a whole number");
            out.edges_s.push_back(e.as_int64());
        }
    }
    if (const auto* categories = top.get("categories")) {
        if (!categories->is_array())
            return make_error("invalid_body", "the report's categories is not an array");
        for (const auto& c : categories->as_array())
            out.categories.push_back(wait_buckets(
                c, "categories[" + std::to_string(out.categories.size()) + "]", false, problem));
    }
    if (const auto* total = top.get("total"))
        out.total = wait_buckets(*total, "total", true, problem);
    if (problem) return *problem;
    // Every list has one count per bucket, and the edges climb from 0: the chart relies on it.
    const std::size_t buckets = out.edges_s.size() - (out.edges_s.empty() ? 0 : 1);
    bool climbing = !out.edges_s.empty() && out.edges_s.front() == 0;
    for (std::size_t i = 1; i < out.edges_s.size(); ++i)
        climbing = climbing && out.edges_s[i] > out.edges_s[i - 1];
    if (buckets == 0 || !climbing)
        return make_error("invalid_body", "the report's bucket edges do not climb from 0");
    if (out.total.counts.size() != buckets)
        return make_error("invalid_body", "the total has not one count per bucket");
    for (const auto& c : out.categories)
        if (c.counts.size() != buckets)
            return make_error("invalid_body",
                              "category " + c.key + " has not one count per bucket");
    return out;
}

}  // namespace motcua::kiosk
