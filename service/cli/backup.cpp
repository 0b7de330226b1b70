// `backup`: a consistent copy of the ward's database while the service runs (DESIGN.md §12).
#include "store/backup.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/common.hpp"

namespace motcua::cli {

int backup(const BackupOptions& o) {
    auto config = load_config(o.config);
    if (!config) return failure(config.error().message);
    const std::string db = o.db.empty() ? "motcua.db" : o.db;
    if (!std::filesystem::exists(db)) return failure(fmt::format("{}: no such database", db));
    if (std::filesystem::exists(o.out))
        return failure(fmt::format("{}: already exists; give a new file", o.out));
    auto copy = store::backup_database(db, o.out);
    if (!copy) return failure(copy.error().message);
    std::cout << fmt::format("{}: {} tickets, {} dossiers, {} ratings, events to {}, {} bytes\n",
                             copy->path.string(), copy->tickets, copy->dossiers, copy->ratings,
                             copy->last_event_seq, copy->bytes);
    return kExitOk;
}

}  // namespace motcua::cli
