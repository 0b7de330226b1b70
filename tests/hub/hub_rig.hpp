#pragma once
// The province hub under test: a fresh database in the throwaway PostgreSQL cluster (started by
// ctest's fixture, tests/hub/pg_cluster.sh), the real motcua-hub, and real wards shipping to it.
#include <boost/json.hpp>
#include <filesystem>
#include <map>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "../service/harness.hpp"

namespace hubtest {

/// A database of its own in the test cluster, dropped at the end.
struct PgDatabase {
    PgDatabase();
    ~PgDatabase();
    std::string name;
    std::string uri;
    /// One query's rows as text (for checks).
    pqxx::result query(const std::string& sql) const;
};

/// A test CA and a certificate it signed for 127.0.0.1 (made with openssl), PEM files.
struct Hub {
    harness::TempDir dir;
    PgDatabase db;
    std::string config = (dir.path / "hub.toml").string();
    int port = 0;
    std::optional<harness::Service> process;
    std::optional<harness::TestCertificates> tls;  // serve HTTPS with these (--tls-cert, --tls-key)

    Hub();
    /// `motcua-hub ward add`: the ward's token.
    std::string add_ward(const std::string& code, const std::string& name);
    /// `motcua-hub user add` and a login: the session token.
    std::string add_user(const std::string& username, const std::string& role,
                         const std::string& ward = "");
    /// Starts the hub (on the same port as before, once it had one).
    void start();
    void kill9();
    [[nodiscard]] harness::Launch launch(int on_port) const;
};

/// A ward service whose config ships to the hub.
struct ShippingWard {
    std::string code;
    std::string name;
    harness::TempDir dir;
    std::string config;
    std::optional<harness::Ward> ward;
    std::optional<harness::Service> service;
    std::string officer;                  // lan's session
    std::vector<std::string> serve_args;  // more arguments for `serve` (--ca ...)

    /// Ships to the hub's address (https:// when it serves TLS, trusting `ca_file`, by default
    /// the hub's test CA).
    ShippingWard(Hub& hub, std::string code, std::string name,
                 std::optional<std::string> ca_file = std::nullopt);
    void start();
    void kill9();
    [[nodiscard]] int port() const { return service->port(); }
    /// Waits until the hub acknowledged every event of the ward (its /metrics), up to `seconds`.
    bool wait_shipped(int seconds = 60) const;
    [[nodiscard]] std::int64_t last_seq() const;
};

/// Personal data the scenario puts in (applicants, comments): none of it may reach the hub.
struct Secrets {
    std::vector<std::string> values;
};

/// One office day of a ward: tickets issued, called, served (some receiving dossiers with an
/// applicant's name and phone), some absent, some left waiting to expire; ratings with comments;
/// earlier dossiers returned. `seed` varies the day; the clock has milliseconds unless not
/// `with_millis`.
void simulate_day(ShippingWard& w, const std::string& day, int tickets, unsigned seed,
                  Secrets& secrets, std::vector<std::string>& open_dossiers,
                  bool with_millis = true);

/// GET on a server, JSON answer (status checked).
boost::json::value get_json(int port, const std::string& target, const std::string& token);

}  // namespace hubtest
