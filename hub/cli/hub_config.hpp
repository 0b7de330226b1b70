#pragma once
/// The hub's config (TOML): the province's name and office time zone, the database pool.
#include <string>

#include "api/hub_app.hpp"
#include "motcua/result.hpp"

namespace motcua::hub {

struct HubConfig {
    HubSettings settings;
    int pool_size = 4;  // PostgreSQL connections per hub process
};

/// Reads FILE; errors are one line naming the file, line and key. Unknown keys are refused.
Result<HubConfig> load_hub_config(const std::string& path);

}  // namespace motcua::hub
