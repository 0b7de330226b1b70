// `backtest`: replays stored office days through the queue engine and prints how the wait
// estimates would have done against three baselines (DESIGN.md §9).
#include "reports/backtest.hpp"

#include <fmt/format.h>

#include <iostream>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "motcua/api.hpp"

namespace motcua::cli {

int backtest(const BacktestOptions& o) {
    auto from = parse_day(o.from);
    if (!from) return usage_error(fmt::format("--from: {}", from.error().message));
    auto to = parse_day(o.to);
    if (!to) return usage_error(fmt::format("--to: {}", to.error().message));
    if (*to < *from) return usage_error("--to is before --from");
    if (o.format != "text" && o.format != "json")
        return usage_error("--format must be one of: text, json");
    auto env = open_environment(o.config, o.db);
    if (!env) return failure(env.error().message);
    auto zone = OfficeZone::load(env->config.time_zone);
    if (!zone) return failure(zone.error().message);
    const auto result = reports::run_backtest(*env->store, env->config, *zone, *from, *to);
    if (o.format == "json")
        std::cout << api::write_json(reports::to_json(result)) << '\n';
    else
        std::cout << reports::backtest_text(result);
    std::cout << std::flush;
    return kExitOk;
}

}  // namespace motcua::cli
