#include "store/backup.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <regex>
#include <system_error>

#include "store/sqlite.hpp"

namespace motcua::store {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kDailyPrefix = "motcua-";
constexpr std::string_view kDailySuffix = ".db";
constexpr auto kRetryAfterFailure = std::chrono::minutes(15);

/// fsync of a file or a folder (the rename of a copy is durable once its folder is synced).
void sync_path(const fs::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw SqliteError(fmt::format("{}: cannot open to sync", path.string()));
    const int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0) throw SqliteError(fmt::format("{}: cannot sync to disk", path.string()));
}

/// SQLite's answer to quick_check on an open connection: "ok" or what is wrong (first lines).
std::string quick_check(Database& db) {
    auto st = db.prepare("PRAGMA quick_check(5)");
    std::string found;
    while (st.step()) {
        // One line for the messages: SQLite heads its findings "*** in database main ***\n".
        std::string row = st.text(0);
        if (const auto head = row.find("***\n");
            row.rfind("*** ", 0) == 0 && head != std::string::npos)
            row.erase(0, head + 4);
        std::replace(row.begin(), row.end(), '\n', ' ');
        if (!found.empty()) found += "; ";
        found += row;
    }
    return found;
}

std::int64_t count(Database& db, std::string_view sql) {
    auto st = db.prepare(sql);
    return st.step() ? st.int64(0) : 0;
}

std::optional<Day> daily_day(const fs::path& file) {
    const std::string name = file.filename().string();
    static const std::regex pattern(R"(motcua-(\d{4}-\d{2}-\d{2})\.db)");
    std::smatch m;
    if (!std::regex_match(name, m, pattern)) return std::nullopt;
    auto day = parse_day(m[1].str());
    if (!day) return std::nullopt;
    return *day;
}

}  // namespace

Result<BackupCopy> backup_database(const fs::path& db_path, const fs::path& out_path) {
    if (!fs::exists(db_path))
        return make_error(ErrorCode::backup_failed,
                          fmt::format("{}: no such database", db_path.string()));
    const fs::path partial = out_path.string() + ".partial";
    std::error_code ignored;
    fs::remove(partial, ignored);
    try {
        if (out_path.has_parent_path()) fs::create_directories(out_path.parent_path());
        Database source(db_path.string(), true);
        {
            Database target(partial.string());
            // The whole database in one step: one read snapshot, however busy the writer is.
            sqlite3_backup* b =
                sqlite3_backup_init(target.handle(), "main", source.handle(), "main");
            if (b == nullptr) throw SqliteError(sqlite3_errmsg(target.handle()));
            int rc = SQLITE_OK;
            while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED)
                sqlite3_sleep(50);
            sqlite3_backup_finish(b);
            if (rc != SQLITE_DONE) throw SqliteError(sqlite3_errstr(rc));
            // A copy stands alone: no -wal beside it.
            target.exec("PRAGMA wal_checkpoint(TRUNCATE)");
            target.exec("PRAGMA journal_mode=DELETE");
        }
        BackupCopy copy;
        {
            Database check(partial.string(), true);
            const auto found = quick_check(check);
            if (found != "ok") throw SqliteError("the copy does not check: " + found);
            copy.tickets = count(check, "SELECT count(*) FROM tickets");
            copy.dossiers = count(check, "SELECT count(*) FROM dossiers");
            copy.ratings = count(check, "SELECT count(*) FROM ratings");
            copy.last_event_seq = count(check, "SELECT coalesce(max(seq), 0) FROM events");
        }
        sync_path(partial);
        fs::rename(partial, out_path);
        sync_path(out_path.has_parent_path() ? out_path.parent_path() : fs::path("."));
        copy.path = out_path;
        copy.bytes = fs::file_size(out_path);
        return copy;
    } catch (const std::exception& e) {
        fs::remove(partial, ignored);
        return make_error(ErrorCode::backup_failed,
                          fmt::format("backup of {} to {} failed: {}", db_path.string(),
                                      out_path.string(), e.what()));
    }
}

Status check_database(const fs::path& path, bool read_only) {
    try {
        Database db(path.string(), read_only);
        const auto found = quick_check(db);
        if (found == "ok") return Ok{};
        return make_error(ErrorCode::database_damaged, found);
    } catch (const SqliteError& e) {
        return make_error(ErrorCode::database_damaged, e.what());
    }
}

std::string daily_backup_name(Day day) {
    return fmt::format("{}{}{}", kDailyPrefix, format_day(day), kDailySuffix);
}

std::optional<fs::path> last_good_backup(const fs::path& dir) {
    std::error_code ec;
    std::vector<std::pair<Day, fs::path>> copies;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (auto day = daily_day(entry.path()); day && entry.is_regular_file(ec))
            copies.emplace_back(*day, entry.path());
    std::sort(copies.begin(), copies.end(),
              [](const auto& a, const auto& b) { return a.first > b.first; });
    for (const auto& [day, path] : copies)
        if (check_database(path)) return path;
    return std::nullopt;
}

int prune_backups(const fs::path& dir, Day today, int keep_days) {
    const Day oldest_kept{date::sys_days(today) - date::days(keep_days)};
    std::error_code ec;
    int removed = 0;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        auto day = daily_day(entry.path());
        if (day && *day < oldest_kept && fs::remove(entry.path(), ec)) ++removed;
    }
    return removed;
}

DailyBackup::DailyBackup(fs::path db_path, BackupSettings settings, OfficeZone zone)
    : db_path_(std::move(db_path)), settings_(std::move(settings)), zone_(std::move(zone)) {}

DailyBackup::~DailyBackup() {
    join();
}

void DailyBackup::join() {
    std::lock_guard lock(mutex_);
    if (worker_.joinable()) worker_.join();
}

void DailyBackup::tick(TimePoint now) {
    if (running_.load()) return;
    if (zone_.minutes_of_day(now) < settings_.at_min) return;
    const Day today = zone_.office_day(now);
    const fs::path dir = settings_.dir;
    const fs::path target = dir / daily_backup_name(today);
    std::error_code ec;
    if (fs::exists(target, ec)) return;
    if (to_epoch_ms(now) < retry_after_ms_.load()) return;
    std::lock_guard lock(mutex_);
    if (worker_.joinable()) worker_.join();  // the last copy's thread, long finished
    running_ = true;
    worker_ = std::thread([this, target, today, now] {
        auto copy = backup_database(db_path_, target);
        if (copy) {
            const int pruned = prune_backups(settings_.dir, today, settings_.keep_days);
            spdlog::info("backup: {} ({} tickets, {} dossiers, {} ratings, {} bytes){}",
                         copy->path.string(), copy->tickets, copy->dossiers, copy->ratings,
                         copy->bytes,
                         pruned > 0 ? fmt::format("; {} old copies deleted", pruned) : "");
            retry_after_ms_ = 0;
        } else {
            spdlog::error("backup: {} (trying again in 15 minutes)", copy.error().message);
            retry_after_ms_ = to_epoch_ms(now + kRetryAfterFailure);
        }
        running_ = false;
    });
}

}  // namespace motcua::store
