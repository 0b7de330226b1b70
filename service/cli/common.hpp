#pragma once
/// What every subcommand shares: config + database opening and one-line errors.
#include <filesystem>
#include <memory>
#include <string>

#include "motcua/config.hpp"
#include "motcua/result.hpp"
#include "store/store.hpp"

namespace motcua::cli {

struct Environment {
    WardConfig config;
    std::unique_ptr<store::Store> store;
};

/// Loads the config and opens (creating and migrating) the database; `db` empty means
/// "motcua.db" in the current directory. An existing database is checked first: a damaged one
/// is refused (`database_damaged`) with a message naming it and the last good backup.
Result<Environment> open_environment(const std::string& config_path, const std::string& db_path);

/// The [backup] folder, relative to the config's folder; empty when there is no [backup].
std::filesystem::path backup_dir(const WardConfig& config, const std::string& config_path);

/// Prints "motcua-service: MESSAGE" on standard error; returns the exit code.
int failure(const std::string& message);
int usage_error(const std::string& message);

}  // namespace motcua::cli
