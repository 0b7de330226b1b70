#pragma once
/// The turnaround report as JSON (the shared codec, DESIGN.md §4) and as flat columns for CSV and
/// Excel.
#include <boost/json/value.hpp>
#include <string>
#include <vector>

#include "motcua/reports.hpp"
#include "reports/turnaround.hpp"

namespace motcua::reports {

/// The JSON of the report, its rows and the waits histogram: motcua/reports.hpp's encoders.
using motcua::to_json;

/// Column names of the flat form: the JSON fields with dots turned into underscores
/// (`wait_s.mean` -> `wait_s_mean`, `ratings.levels.5` -> `ratings_levels_5`).
std::vector<std::string> flat_columns(const TurnaroundReport& report);
/// One row's values in the order of flat_columns; text for key and label, numbers otherwise.
struct FlatValue {
    bool is_text = false;
    std::string text;
    double number = 0;
};
std::vector<FlatValue> flat_values(const TurnaroundReport& report, const TurnaroundRow& row);

}  // namespace motcua::reports
