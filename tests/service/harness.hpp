#pragma once
// Integration-test harness: runs the real motcua-service on 127.0.0.1 with a temporary
// database and the test clock, and talks plain HTTP and WebSocket to it.
#include <sys/types.h>

#include <boost/json.hpp>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace harness {

struct Response {
    int status = 0;
    std::string body;
    std::map<std::string, std::string> headers;
    boost::json::value json() const;
};

/// A temporary directory removed at the end of the test.
struct TempDir {
    TempDir();
    ~TempDir();
    std::filesystem::path path;
};

/// Runs `motcua-service ARGS` and returns exit code, stdout and stderr.
struct CommandResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};
CommandResult run_cli(const std::vector<std::string>& args, const std::string& stdin_text = "");
/// The same for another program of the build (e.g. "motcua-hub").
CommandResult run_program(const std::string& program, const std::vector<std::string>& args,
                          const std::string& stdin_text = "");

/// Runs a shell command and returns its standard output (for tools such as sqlite3).
std::string shell(const std::string& command);

/// A program of the build and its arguments.
struct Launch {
    std::string program;
    std::vector<std::string> args;
};

class Service {
public:
    /// Starts `serve` on 127.0.0.1:0 with --test-clock; waits for "listening on".
    Service(const std::filesystem::path& db, std::vector<std::string> extra_args = {});
    /// Starts any server of the build that prints "listening on http://127.0.0.1:PORT" (the hub).
    explicit Service(const Launch& launch);
    ~Service();
    void kill9();
    /// SIGTERM and wait: returns the exit code, or 128 + the signal that ended the process.
    int stop();
    [[nodiscard]] int port() const { return port_; }
    /// What the server has logged so far (its standard error).
    [[nodiscard]] std::string log_text() const;

private:
    pid_t pid_ = -1;
    int port_ = 0;
    std::filesystem::path log_;
};

/// A throwaway CA made with openssl in `dir`, and a certificate it signed for 127.0.0.1
/// (subjectAltName IP:127.0.0.1) with its key: for --tls-cert/--tls-key and --ca.
struct TestCertificates {
    explicit TestCertificates(const std::filesystem::path& dir);
    std::string ca, cert, key;
};

Response request(int port, const std::string& method, const std::string& target,
                 const std::string& token = "",
                 const std::optional<std::string>& json_body = std::nullopt,
                 const std::string& content_type = "application/json");
/// Sends raw bytes and reads whatever comes back until the server closes (or timeout).
std::string raw_exchange(int port, const std::string& bytes, int timeout_ms = 5000);

/// A WebSocket client of /api/v1/events.
class EventClient {
public:
    EventClient(int port, const std::string& token, long since);
    ~EventClient();
    /// The next event, or nullopt after `timeout_ms`.
    std::optional<boost::json::object> next(int timeout_ms = 3000);

private:
    struct Impl;
    Impl* impl_;
};

/// The demo ward's config, with the public look-up limit raised for the tests.
std::string config_path();

/// A ward with an officer account and devices, on a fresh database.
struct Ward {
    TempDir dir;
    std::filesystem::path db = dir.path / "ward.db";
    std::string config = config_path();
    std::string kiosk_token, board_token, rating1_token;
    Ward();
    /// A ward with its own config file (another unit code, a [hub] table...).
    explicit Ward(std::string config_file);
    std::string login(Service& s, const std::string& user = "lan",
                      const std::string& password = "matkhau-123");
};

void set_clock(int port, const std::string& rfc3339);

}  // namespace harness
