#pragma once
/// Thin RAII wrappers over the SQLite C API: a connection and prepared statements.
#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace motcua::store {

/// Thrown on SQLite errors; the store turns it into a Result at its boundary.
struct SqliteError : std::runtime_error {
    explicit SqliteError(const std::string& what, int code = SQLITE_ERROR)
        : std::runtime_error(what), code(code) {}
    /// SQLite's extended result code.
    int code;
    /// The disk, not the request: full, failing, gone or read-only (DESIGN.md §6). The service
    /// answers 503 storage_unavailable and tries again; anything else is a defect or bad data.
    [[nodiscard]] bool storage_failure() const;
};

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) {
        other.stmt_ = nullptr;
    }

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const std::string& value) {
        return bind(index, std::string_view(value));
    }
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind_null(int index);
    template <typename T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind_null(index);
    }

    /// Runs one step; true when a row is available.
    bool step();
    /// Runs to completion (for statements without results) and resets.
    void run();
    void reset();

    [[nodiscard]] std::int64_t int64(int col) const { return sqlite3_column_int64(stmt_, col); }
    [[nodiscard]] int integer(int col) const { return sqlite3_column_int(stmt_, col); }
    [[nodiscard]] std::string text(int col) const;
    /// Valid until the next step: no allocation (report scans read millions of these).
    [[nodiscard]] std::string_view text_view(int col) const {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
        return p == nullptr ? std::string_view()
                            : std::string_view(
                                  p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)));
    }
    [[nodiscard]] bool is_null(int col) const {
        return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
    }
    [[nodiscard]] std::optional<std::string> opt_text(int col) const;
    [[nodiscard]] std::optional<std::int64_t> opt_int64(int col) const;

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

class Database {
public:
    /// Opens (creating if needed) with WAL and synchronous=FULL: a commit is on disk when it
    /// returns.
    /// `vfs`: SQLite's VFS by name, the default when empty (tests inject disk faults with one).
    explicit Database(const std::string& path, bool read_only = false, const std::string& vfs = {});
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void exec(std::string_view sql);
    Statement prepare(std::string_view sql) { return Statement(db_, sql); }
    [[nodiscard]] sqlite3* handle() const { return db_; }
    /// True inside a transaction (after a failed COMMIT SQLite may or may not have ended it).
    [[nodiscard]] bool in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

private:
    sqlite3* db_ = nullptr;
};

}  // namespace motcua::store
