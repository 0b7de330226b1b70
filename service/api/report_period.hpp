#pragma once
/// The period of a report request: `from` and `to` office days, both ends included.
#include "api/http.hpp"
#include "motcua/result.hpp"
#include "motcua/time.hpp"

namespace motcua::api {

struct Period {
    Day from;
    Day to;
};

/// Reads `from` and `to` (YYYY-MM-DD) from the query; `invalid_query` when missing, malformed,
/// reversed or longer than the longest period a report may cover.
Result<Period> period_of(const Request& r);

}  // namespace motcua::api
