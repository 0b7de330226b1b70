#include "cli/common.hpp"

#include <fmt/format.h>

#include <iostream>

#include "cli/commands.hpp"
#include "store/backup.hpp"

namespace motcua::cli {

namespace {

/// "…; the last good backup is F: …" or why there is none, for the damaged-database message.
std::string where_to_recover(const WardConfig& config, const std::string& config_path) {
    const auto dir = backup_dir(config, config_path);
    if (dir.empty())
        return fmt::format(
            "no backups are configured ([backup] dir in {}); restore the file "
            "from another copy",
            config_path);
    if (auto good = store::last_good_backup(dir))
        return fmt::format(
            "the last good backup is {}: stop the service, keep the damaged file "
            "aside, copy the backup in its place and start again",
            good->string());
    return fmt::format("no good backup was found in {}; restore the file from another copy",
                       dir.string());
}

}  // namespace

std::filesystem::path backup_dir(const WardConfig& config, const std::string& config_path) {
    if (config.backup.dir.empty()) return {};
    std::filesystem::path dir = config.backup.dir;
    if (dir.is_relative()) dir = std::filesystem::path(config_path).parent_path() / dir;
    return dir;
}

Result<Environment> open_environment(const std::string& config_path, const std::string& db_path) {
    auto config = load_config(config_path);
    if (!config) return config.error();
    const std::string db = db_path.empty() ? "motcua.db" : db_path;
    std::error_code ec;
    if (std::filesystem::exists(db, ec) && std::filesystem::file_size(db, ec) > 0) {
        if (auto checked = store::check_database(db, false); !checked)
            return make_error(
                ErrorCode::database_damaged,
                fmt::format("the database {} is damaged ({}); {}", db, checked.error().message,
                            where_to_recover(*config, config_path)));
    }
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
