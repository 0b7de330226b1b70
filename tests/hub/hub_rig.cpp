#include "hub_rig.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

namespace hubtest {

using namespace harness;
namespace json = boost::json;

namespace {

std::string cluster_uri() {
    std::ifstream in(MOTCUA_PG_URI_FILE);
    std::string uri;
    std::getline(in, uri);
    INFO(
        "the PostgreSQL test cluster is started by ctest's hub_pg fixture: " << MOTCUA_PG_URI_FILE);
    REQUIRE_FALSE(uri.empty());
    return uri;
}

std::string with_database(const std::string& uri, const std::string& db) {
    return uri.substr(0, uri.rfind('/') + 1) + db;
}

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

PgDatabase::PgDatabase() {
    std::random_device rd;
    name = fmt::format("hubtest_{}_{}", ::getpid(), rd() % 1000000);
    const auto admin = cluster_uri();
    pqxx::connection c(admin);
    pqxx::nontransaction w(c);
    w.exec("CREATE DATABASE " + name);
    uri = with_database(admin, name);
}

PgDatabase::~PgDatabase() {
    try {
        pqxx::connection c(cluster_uri());
        pqxx::nontransaction w(c);
        w.exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (...) {
    }
}

pqxx::result PgDatabase::query(const std::string& sql) const {
    pqxx::connection c(uri);
    pqxx::read_transaction w(c);
    return w.exec(sql);
}

Hub::Hub() {
    std::ofstream(config) << "[province]\nname = \"Tỉnh Thử Nghiệm\"\ntime_zone = "
                             "\"Asia/Ho_Chi_Minh\"\n\n[database]\npool = 3\n";
}

Launch Hub::launch(int on_port) const {
    Launch l{"motcua-hub",
             {"serve", "--config", config, "--pg", db.uri, "--listen",
              fmt::format("127.0.0.1:{}", on_port)}};
    if (tls) l.args.insert(l.args.end(), {"--tls-cert", tls->cert, "--tls-key", tls->key});
    return l;
}

std::string Hub::add_ward(const std::string& code, const std::string& name) {
    auto r = run_program("motcua-hub", {"ward", "add", "--config", config, "--pg", db.uri, "--code",
                                        code, "--name", name});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return r.out.substr(0, r.out.find('\n'));
}

std::string Hub::add_user(const std::string& username, const std::string& role,
                          const std::string& ward) {
    std::vector<std::string> args{
        "user",   "add",    "--config",           config,   "--pg", db.uri, "--username",
        username, "--name", "Cán bộ " + username, "--role", role};
    if (!ward.empty()) {
        args.emplace_back("--ward");
        args.push_back(ward);
    }
    auto r = run_program("motcua-hub", args, "matkhau-tinh\n");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    REQUIRE(process.has_value());
    auto login =
        request(port, "POST", "/api/v1/auth/login", "",
                json::serialize(json::value{{"username", username}, {"password", "matkhau-tinh"}}));
    REQUIRE(login.status == 200);
    return std::string(login.json().at("token").as_string());
}

void Hub::start() {
    process.emplace(launch(port));
    port = process->port();
}

void Hub::kill9() {
    process->kill9();
}

ShippingWard::ShippingWard(Hub& hub, std::string code_, std::string name_,
                           std::optional<std::string> ca_file)
    : code(std::move(code_)), name(std::move(name_)) {
    REQUIRE(hub.port != 0);  // the ward's config names the hub's address
    const std::string token = hub.add_ward(code, name);
    std::ofstream(dir.path / "hub.token") << token << "\n";
    std::string text = read_file(config_path());
    const auto replace_line = [&](const std::string& key, const std::string& value) {
        const auto at = text.find("\n" + key + " = ");
        REQUIRE(at != std::string::npos);
        const auto end = text.find('\n', at + 1);
        text.replace(at + 1, end - at - 1, key + " = \"" + value + "\"");
    };
    replace_line("unit_code", code);
    replace_line("name", name);
    text += fmt::format(
        "\n[hub]\nurl = \"{}://127.0.0.1:{}\"\ntoken_file = \"hub.token\"\nbatch_events = "
        "200\nmax_backoff_s = 1\n",
        hub.tls ? "https" : "http", hub.port);
    if (hub.tls) text += fmt::format("ca_file = \"{}\"\n", ca_file.value_or(hub.tls->ca));
    config = (dir.path / "ward.toml").string();
    std::ofstream(config) << text;
    ward.emplace(config);
}

void ShippingWard::start() {
    Launch launch{"motcua-service",
                  {"serve", "--config", config, "--db", ward->db.string(), "--listen",
                   "127.0.0.1:0", "--test-clock"}};
    launch.args.insert(launch.args.end(), serve_args.begin(), serve_args.end());
    service.emplace(launch);
    officer.clear();
}

void ShippingWard::kill9() {
    service->kill9();
}

std::int64_t ShippingWard::last_seq() const {
    auto r = request(port(), "GET", "/metrics");
    const auto at = r.body.find("\nmotcua_event_seq ");
    REQUIRE(at != std::string::npos);
    return std::stoll(r.body.substr(at + 18));
}

bool ShippingWard::wait_shipped(int seconds) const {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (std::chrono::steady_clock::now() < deadline) {
        auto r = request(port(), "GET", "/metrics");
        const auto lag = r.body.find("\nmotcua_hub_lag_events ");
        const auto acked = r.body.find("\nmotcua_hub_acked_seq ");
        // And the estimates the hub asked for, which follow the last event.
        const auto refill = r.body.find("\nmotcua_hub_estimates_refill_pending ");
        if (lag != std::string::npos && acked != std::string::npos && refill != std::string::npos &&
            std::stoll(r.body.substr(lag + 23)) == 0 &&
            std::stoll(r.body.substr(acked + 22)) >= 0 && r.body.substr(refill + 37, 1) == "0")
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
}

json::value get_json(int port, const std::string& target, const std::string& token) {
    auto r = request(port, "GET", target, token);
    INFO(target << " -> " << r.status << " " << r.body);
    REQUIRE(r.status == 200);
    return r.json();
}

void simulate_day(ShippingWard& w, const std::string& day, int tickets, unsigned seed,
                  Secrets& secrets, std::vector<std::string>& open_dossiers, bool with_millis) {
    std::mt19937 rng(seed);
    const int port = w.port();
    int second = (7 * 60 + 30) * 60;
    int millis = 0;
    const auto at = [&](int add_minutes) {
        second += add_minutes * 60 + static_cast<int>(rng() % 30);
        // Milliseconds too, as a real clock has: the hub must count from the same instants.
        const int fraction = static_cast<int>(rng() % 1000);
        millis = std::max(millis + 1, second * 1000 + (with_millis ? fraction : 0));
        const int s = millis / 1000;
        set_clock(port, fmt::format("{}T{:02}:{:02}:{:02}.{:03}+07:00", day, s / 3600, s / 60 % 60,
                                    s % 60, millis % 1000));
    };
    at(0);
    if (w.officer.empty()) w.officer = w.ward->login(*w.service);
    REQUIRE(request(port, "POST", "/api/v1/counters/1/open", w.officer).status == 200);
    std::vector<std::string> ids;
    const char* categories[] = {"HT", "TK"};
    for (int i = 0; i < tickets; ++i) {
        at(static_cast<int>(rng() % 3));
        auto r = request(port, "POST", "/api/v1/tickets", w.ward->kiosk_token,
                         fmt::format(R"({{"category":"{}","priority":{}}})", categories[rng() % 2],
                                     rng() % 5 == 0 ? "true" : "false"));
        REQUIRE(r.status == 201);
    }
    // Serve all but a few, which expire at the end of the day.
    const int served = tickets - 2;
    for (int i = 0; i < served; ++i) {
        at(1 + static_cast<int>(rng() % 6));
        auto called = request(port, "POST", "/api/v1/counters/1/call-next", w.officer);
        REQUIRE(called.status == 200);
        const std::string id(called.json().at("id").as_string());
        if (rng() % 6 == 0) {
            REQUIRE(request(port, "POST", "/api/v1/counters/1/no-show", w.officer).status == 200);
            continue;
        }
        at(static_cast<int>(rng() % 2));
        REQUIRE(request(port, "POST", "/api/v1/counters/1/start", w.officer).status == 200);
        at(2 + static_cast<int>(rng() % 9));
        json::object finish{{"outcome", "resolved"}};
        if (!open_dossiers.empty() && rng() % 4 == 0) {
            finish = {{"outcome", "result_returned"}, {"dossier", open_dossiers.back()}};
            open_dossiers.pop_back();
        } else if (rng() % 3 == 0) {
            const std::string applicant = fmt::format("Lê Thị Bí Mật {} {} {}", w.code, day, i);
            const std::string phone = fmt::format("09{:08}", rng() % 100000000);
            secrets.values.push_back(applicant);
            secrets.values.push_back(phone);
            finish = {{"outcome", "dossier_received"},
                      {"procedure", rng() % 2 == 0 ? "HT-KS" : "HT-CT"},
                      {"applicant", {{"name", applicant}, {"phone", phone}}}};
        }
        auto done =
            request(port, "POST", "/api/v1/counters/1/finish", w.officer, json::serialize(finish));
        INFO(done.body);
        REQUIRE(done.status == 200);
        const auto answer = done.json();
        if (const auto* d = answer.as_object().if_contains("dossier");
            d != nullptr && finish.at("outcome") == "dossier_received")
            open_dossiers.emplace_back(d->at("code").as_string());
        if (rng() % 3 != 0) {
            const std::string comment = fmt::format("Góp ý riêng {} {} {}", w.code, day, i);
            secrets.values.push_back(comment);
            const int level = 1 + static_cast<int>(rng() % 5);
            json::object rating{{"ticket", id}, {"level", level}, {"comment", comment}};
            if (level <= 2) rating["reasons"] = json::array{"long_wait"};
            REQUIRE(request(port, "POST", "/api/v1/ratings", w.ward->kiosk_token,
                            json::serialize(rating))
                        .status == 201);
        }
    }
    at(5);
    REQUIRE(request(port, "POST", "/api/v1/counters/1/close", w.officer).status == 200);
}

}  // namespace hubtest
