#include "cli/common.hpp"

#include <iostream>

#include "cli/commands.hpp"

namespace motcua::cli {

Result<Environment> open_environment(const std::string& config_path, const std::string& db_path) {
    auto config = load_config(config_path);
    if (!config) return config.error();
    const std::string db = db_path.empty() ? "motcua.db" : db_path;
    auto store = store::Store::open(db);
    if (!store) return store.error();
    return Environment{std::move(*config), std::move(*store)};
}

int failure(const std::string& message) {
    std::cerr << "motcua-service: " << message << '\n';
    return kExitFailure;
}

int usage_error(const std::string& message) {
    std::cerr << "motcua-service: " << message << '\n';
    return kExitUsage;
}

}  // namespace motcua::cli
