#include "reports/report_json.hpp"

#include <boost/json.hpp>

namespace motcua::reports {
namespace json = boost::json;
namespace {

void flatten(const json::value& v, const std::string& prefix, std::vector<std::string>* names,
             std::vector<FlatValue>* values) {
    if (v.is_object()) {
        for (const auto& [k, child] : v.get_object())
            flatten(child, prefix.empty() ? std::string(k) : prefix + "_" + std::string(k), names,
                    values);
        return;
    }
    if (names != nullptr) names->push_back(prefix);
    if (values == nullptr) return;
    if (v.is_string())
        values->push_back({true, std::string(v.get_string()), 0});
    else
        values->push_back({false, "", v.to_number<double>()});
}

}  // namespace

std::vector<std::string> flat_columns(const TurnaroundReport& report) {
    std::vector<std::string> names;
    flatten(to_json(report.total), "", &names, nullptr);
    return names;
}

std::vector<FlatValue> flat_values(const TurnaroundReport&, const TurnaroundRow& row) {
    std::vector<FlatValue> values;
    flatten(to_json(row), "", nullptr, &values);
    return values;
}

}  // namespace motcua::reports
