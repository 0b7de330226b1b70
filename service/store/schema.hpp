#pragma once
/// Numbered schema migrations, applied in order at start (PRAGMA user_version).
#include "store/sqlite.hpp"

namespace motcua::store {

/// Applies every migration newer than the database's user_version, each in its own transaction.
/// Returns the version reached.
int migrate(Database& db);

/// The newest schema version this build knows.
int latest_schema_version();

}  // namespace motcua::store
