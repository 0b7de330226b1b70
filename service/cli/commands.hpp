#pragma once
/// motcua-service subcommands (DESIGN.md §5). Each returns the process exit code.
#include <optional>
#include <string>

namespace motcua::cli {

/// What every command opens: the ward's config and its SQLite database.
struct WardFiles {
    std::string config;
    std::string db;  // empty: ./motcua.db
};

struct ServeOptions : WardFiles {
    std::string listen = "0.0.0.0:8080";
    bool test_clock = false;
    int read_timeout_s = 30;        // a request's headers and body must arrive within this
    int ws_queue = 4096;            // event messages queued for one client before it is dropped
    std::string tls_cert, tls_key;  // serve HTTPS and WSS (DESIGN.md §12)
    std::string ca;                 // the shipper trusts these CAs ([hub] ca_file otherwise)
};

struct UserAddOptions : WardFiles {
    std::string username;
    std::string name;
    std::string role;
};

struct DeviceAddOptions : WardFiles {
    std::string name;
    std::string role;
    std::optional<int> counter;
};

struct ReportOptions : WardFiles {
    std::string from;
    std::string to;
    std::string group_by = "category";
    std::string format = "json";
    std::string out;  // empty: standard output
};

struct BacktestOptions : WardFiles {
    std::string from;
    std::string to;
    std::string format = "text";  // text or json
};

struct BackupOptions : WardFiles {
    std::string out;
};

struct AuditOptions : WardFiles {
    std::string from;
    std::string to;
    std::string who;  // empty: everyone
};

int serve(const ServeOptions& options);
/// `audit`: the trail of [from, to], one line per entry; `audit verify`: the chain checked.
int audit_list(const AuditOptions& options);
int audit_verify(const AuditOptions& options);  // --from, --to and --who are bad usage here
int backup(const BackupOptions& options);
int backtest(const BacktestOptions& options);
int report_turnaround(const ReportOptions& options);
int report_appointments(const ReportOptions& options);
int report_estimates(const ReportOptions& options);
int user_add(const UserAddOptions& options);
int device_add(const DeviceAddOptions& options);

/// Exit codes of every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

}  // namespace motcua::cli
