#pragma once
/// Backups of the ward's database (DESIGN.md §12): consistent copies taken while the service
/// runs (SQLite's online backup API), the start-up check that refuses a damaged database, and
/// the daily copy with its retention.
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "motcua/config.hpp"
#include "motcua/office_time.hpp"
#include "motcua/result.hpp"

namespace motcua::store {

/// What a copy holds.
struct BackupCopy {
    std::filesystem::path path;
    std::int64_t tickets = 0;
    std::int64_t dossiers = 0;
    std::int64_t ratings = 0;
    std::int64_t last_event_seq = 0;
    std::uintmax_t bytes = 0;
};

/// Copies `db_path` to `out_path` while other connections write: one read snapshot of the whole
/// database (WAL mode lets writers go on), so the copy holds every change committed before it
/// started. The copy is checked (quick_check) and made durable under a temporary name, then
/// renamed: `out_path` is a whole, good copy or absent. Fails with `backup_failed`.
Result<BackupCopy> backup_database(const std::filesystem::path& db_path,
                                   const std::filesystem::path& out_path);

/// SQLite's quick_check of an existing database file. Fails with `database_damaged`, saying
/// what SQLite found (not a database, malformed pages, a truncated file). The live database is
/// opened read-write (its log may need recovering after a crash); copies read-only.
Status check_database(const std::filesystem::path& path, bool read_only = true);

/// The daily copy's file name: motcua-YYYY-MM-DD.db.
std::string daily_backup_name(Day day);
/// The newest daily copy in `dir` that passes check_database, if any.
std::optional<std::filesystem::path> last_good_backup(const std::filesystem::path& dir);
/// Deletes daily copies of days before `today` - `keep_days`; returns how many went.
int prune_backups(const std::filesystem::path& dir, Day today, int keep_days);

/// The service's daily copy: once a day, at [backup] at (office time) or at the first tick after
/// it, on a thread of its own; then the old copies are pruned. A failure is logged and retried
/// a quarter of an hour later.
class DailyBackup {
public:
    /// `settings.dir` already resolved (absolute or relative to the working directory).
    DailyBackup(std::filesystem::path db_path, BackupSettings settings, OfficeZone zone);
    ~DailyBackup();
    DailyBackup(const DailyBackup&) = delete;
    DailyBackup& operator=(const DailyBackup&) = delete;

    /// Called with the service's clock (each second): starts the day's copy when it is due.
    void tick(TimePoint now);
    /// Waits for a copy in progress (shutdown).
    void join();

private:
    std::filesystem::path db_path_;
    BackupSettings settings_;
    OfficeZone zone_;
    std::mutex mutex_;
    std::thread worker_;
    std::atomic<bool> running_{false};
    std::atomic<std::int64_t> retry_after_ms_{0};  // after a failure: not before (epoch ms)
};

}  // namespace motcua::store
