#include "reports/report_json.hpp"

#include <boost/json.hpp>

namespace motcua::reports {
namespace json = boost::json;
namespace {

// Whole numbers are written as integers ("600", not "6E2" as Boost.JSON writes doubles).
json::value num(double v) {
    const auto whole = static_cast<std::int64_t>(v);
    if (static_cast<double>(whole) == v) return whole;
    return v;
}

json::object time_json(const TimeStats& s) {
    return {{"mean", num(s.mean)}, {"p50", s.p50}, {"p90", s.p90}, {"max", s.max}};
}

json::object row_json(const TurnaroundRow& r) {
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

void flatten(const json::value& v, const std::string& prefix, std::vector<std::string>* names,
             std::vector<FlatValue>* values) {
    if (v.is_object()) {
        for (const auto& [k, child] : v.get_object())
            flatten(child, prefix.empty() ? std::string(k) : prefix + "_" + std::string(k), names, values);
        return;
    }
    if (names != nullptr) names->push_back(prefix);
    if (values == nullptr) return;
    if (v.is_string()) values->push_back({true, std::string(v.get_string()), 0});
    else values->push_back({false, "", v.to_number<double>()});
}

}  // namespace

json::value to_json(const TurnaroundReport& report) {
    json::array rows;
    for (const auto& r : report.rows) rows.push_back(row_json(r));
    return {{"from", format_day(report.from)},
            {"to", format_day(report.to)},
            {"group_by", to_string(report.group_by)},
            {"rows", std::move(rows)},
            {"total", row_json(report.total)}};
}

std::vector<std::string> flat_columns(const TurnaroundReport& report) {
    std::vector<std::string> names;
    flatten(row_json(report.total), "", &names, nullptr);
    return names;
}

std::vector<FlatValue> flat_values(const TurnaroundReport&, const TurnaroundRow& row) {
    std::vector<FlatValue> values;
    flatten(row_json(row), "", nullptr, &values);
    return values;
}

}  // namespace motcua::reports
