#pragma once
/// What every subcommand shares: config + database opening and one-line errors.
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
/// "motcua.db" in the current directory.
Result<Environment> open_environment(const std::string& config_path, const std::string& db_path);

/// Prints "motcua-service: MESSAGE" on standard error; returns the exit code.
int failure(const std::string& message);
int usage_error(const std::string& message);

}  // namespace motcua::cli
