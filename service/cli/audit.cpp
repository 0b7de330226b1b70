// `audit` and `audit verify`: who changed what, and whether the trail was edited
// (DESIGN.md §7; docs/operations.md, "Audit trail").
#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/common.hpp"

namespace motcua::cli {

namespace {

/// The database must exist: reading a trail never creates one.
Result<Environment> open_existing(const WardFiles& o) {
    const std::string db = o.db.empty() ? "motcua.db" : o.db;
    if (!std::filesystem::exists(db))
        return make_error(ErrorCode::database_error, fmt::format("{}: no such database", db));
    return open_environment(o.config, o.db);
}

/// Events recorded before the trail began (a database from before schema 8) have no entries.
void note_older_events(store::Store& store) {
    const auto after = store.meta("audit_after_seq");
    if (after && *after != "0")
        std::cerr << fmt::format(
            "note: events 1–{} were recorded before the audit trail began and have no "
            "entries\n",
            *after);
}

}  // namespace

int audit_list(const AuditOptions& o) {
    if (o.from.empty() || o.to.empty()) return usage_error("audit needs --from D and --to D");
    auto from = parse_day(o.from);
    if (!from) return usage_error(fmt::format("--from: {}", from.error().message));
    auto to = parse_day(o.to);
    if (!to) return usage_error(fmt::format("--to: {}", to.error().message));
    if (*to < *from) return usage_error("--to is before --from");
    auto env = open_existing(o);
    if (!env) return failure(env.error().message);
    auto zone = OfficeZone::load(env->config.time_zone);
    if (!zone) return failure(zone.error().message);
    try {
        const auto entries =
            env->store->audit_entries(zone->start_of_day(*from), zone->end_of_day(*to), o.who);
        std::string out;
        for (const auto& e : entries)
            out += fmt::format("#{}  {}  {}  {}  {}\n", e.id, zone->format_rfc3339(e.at),
                               e.who.display(), e.action, e.subject);
        std::cout << out << std::flush;
        note_older_events(*env->store);
        if (entries.empty())
            std::cerr << fmt::format("no entries from {} to {}{}\n", o.from, o.to,
                                     o.who.empty() ? "" : fmt::format(" by {}", o.who));
    } catch (const store::SqliteError& e) {
        return failure(fmt::format("audit: {}", e.what()));
    }
    return kExitOk;
}

int audit_verify(const AuditOptions& o) {
    if (!o.from.empty() || !o.to.empty() || !o.who.empty())
        return usage_error(
            "audit verify checks the whole trail: it takes no --from, --to or --who");
    auto env = open_existing(o);
    if (!env) return failure(env.error().message);
    store::AuditCheck check;
    try {
        check = env->store->verify_audit();
    } catch (const store::SqliteError& e) {
        return failure(fmt::format("audit verify: {}", e.what()));
    }
    if (!check.problems.empty()) {
        for (const auto& p : check.problems) std::cout << p << '\n';
        std::cout << std::flush;
        return failure(fmt::format(
            "audit verify: the database was edited outside motcua: {} problem{} (above)",
            check.problems.size(), check.problems.size() == 1 ? "" : "s"));
    }
    std::string older;
    if (check.first_event > 1)
        older = fmt::format("; events 1–{} predate the trail", check.first_event - 1);
    if (check.entries == 0) {
        std::cout << fmt::format("audit trail intact: no entries yet{}\n", older);
        return kExitOk;
    }
    std::string events = "no events";
    if (check.last_event > 0)
        events = fmt::format("events {}–{}", check.first_event, check.last_event);
    std::cout << fmt::format("audit trail intact: {} entries, {}{}; head {} {}\n", check.entries,
                             events, older, check.head_id, check.head_hash.substr(0, 16));
    return kExitOk;
}

}  // namespace motcua::cli
