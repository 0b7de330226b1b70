#pragma once
/// The hub's PostgreSQL schema: numbered migrations applied at start (under an advisory lock, so
/// hub processes starting together apply each once), and monthly partitions made on demand.
#include <pqxx/connection>
#include <set>
#include <string>

#include "motcua/time.hpp"

namespace motcua::hub {

/// Applies the migrations this program knows and the database lacks; returns the version.
/// Throws on a database newer than the program.
int migrate(pqxx::connection& c);
int latest_schema_version();

/// The partitioned tables, by month of their `day` column (events: of `at`).
class Partitions {
public:
    /// Makes the monthly partitions of every partitioned table for the months of `days`.
    /// Remembers what it made, so a batch in a known month costs nothing.
    void ensure(pqxx::connection& c, const std::set<std::string>& months);  // "YYYY-MM"

private:
    std::mutex mutex_;
    std::set<std::string> known_;
};

/// "YYYY-MM" of an office day.
std::string month_of(Day d);

}  // namespace motcua::hub
