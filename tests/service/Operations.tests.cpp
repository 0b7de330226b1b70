// Running a ward server (DESIGN.md §12): TLS on `serve`, backups, the start-up check.
#include <fmt/format.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "harness.hpp"

using namespace harness;

TEST_CASE("the ward service over HTTPS: its CA gets through, another CA and plain HTTP do not",
          "[integration][tls]") {
    Ward ward;
    const TestCertificates certs(ward.dir.path);
    TempDir elsewhere;
    const TestCertificates stranger(elsewhere.path);
    Service s(ward.db, {"--tls-cert", certs.cert, "--tls-key", certs.key});
    const auto url = fmt::format("https://127.0.0.1:{}/api/v1/healthz", s.port());
    const auto curl = [&](const std::string& ca) {
        return shell(fmt::format("curl -sS --max-time 10 --cacert '{}' '{}' 2>&1; echo \" rc=$?\"",
                                 ca, url));
    };
    const auto trusted = curl(certs.ca);
    INFO(trusted);
    CHECK(trusted.find(R"({"status":"ok"})") != std::string::npos);
    CHECK(trusted.find(" rc=0") != std::string::npos);

    const auto refused = curl(stranger.ca);
    INFO(refused);
    CHECK(refused.find(" rc=60") != std::string::npos);  // curl: peer certificate not trusted

    // Plain HTTP to the TLS port is told, in plain HTTP, to use https://; nothing else happens.
    const auto plain = request(s.port(), "GET", "/api/v1/healthz");
    CHECK(plain.status == 400);
    CHECK(plain.json().at("error").at("code") == "https_required");
    CHECK(plain.headers.at("Connection") == "close");
    CHECK(curl(certs.ca).find(" rc=0") != std::string::npos);  // and the service goes on
    CHECK(s.stop() == 0);
}

TEST_CASE("serve's TLS options are checked before anything starts", "[integration][tls]") {
    Ward ward;
    const TestCertificates certs(ward.dir.path);
    TempDir elsewhere;
    const TestCertificates stranger(elsewhere.path);
    const auto no_key = run_cli({"serve", "--config", ward.config, "--db", ward.db.string(),
                                 "--listen", "127.0.0.1:0", "--tls-cert", certs.cert});
    CHECK(no_key.exit_code == 2);
    CHECK(no_key.err == "motcua-service: --tls-cert and --tls-key go together\n");
    // A key that is not the certificate's: one line naming the problem, exit 1.
    const auto wrong_key =
        run_cli({"serve", "--config", ward.config, "--db", ward.db.string(), "--listen",
                 "127.0.0.1:0", "--tls-cert", certs.cert, "--tls-key", stranger.key});
    CHECK(wrong_key.exit_code == 1);
    INFO(wrong_key.err);
    CHECK(wrong_key.err.find(stranger.key) != std::string::npos);
    CHECK(std::count(wrong_key.err.begin(), wrong_key.err.end(), '\n') == 1);
}

namespace {

std::string read_text(const std::filesystem::path& p) {
    std::ifstream in(p);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// The demo ward's config with a [backup] table, in `dir` (backups go to dir/backups).
std::string config_with_backups(const std::filesystem::path& dir, const std::string& extra = "") {
    const auto path = dir / "ward.toml";
    std::ofstream(path) << read_text(config_path())
                        << "\n[backup]\ndir = \"backups\"\nat = \"22:00\"\nkeep_days = 7\n"
                        << extra;
    return path.string();
}

std::string issue(int port, const std::string& kiosk) {
    auto r = request(port, "POST", "/api/v1/tickets", kiosk, R"({"category":"HT"})");
    REQUIRE(r.status == 201);
    return std::string(r.json().at("id").as_string());
}

}  // namespace

TEST_CASE("a backup taken under load holds every ticket acknowledged before it started",
          "[integration][backup]") {
    Ward ward;
    Service s(ward.db);
    set_clock(s.port(), "2026-11-23T08:00:00+07:00");
    std::mutex mutex;
    std::vector<std::string> acknowledged;  // in the order their 201 arrived
    std::atomic<bool> stop{false};
    std::atomic<int> failures{0};
    std::vector<std::thread> load;
    for (int k = 0; k < 3; ++k)
        load.emplace_back([&] {
            while (!stop) {
                auto r = request(s.port(), "POST", "/api/v1/tickets", ward.kiosk_token,
                                 R"({"category":"TK"})");
                if (r.status != 201) {
                    ++failures;
                    continue;
                }
                std::lock_guard lock(mutex);
                acknowledged.emplace_back(r.json().at("id").as_string());
            }
        });
    const auto wait_for = [&](std::size_t n) {
        for (int i = 0; i < 1000; ++i) {
            {
                std::lock_guard lock(mutex);
                if (acknowledged.size() >= n) return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        FAIL("the load does not get tickets");
    };
    wait_for(50);
    std::vector<std::string> before;
    {
        std::lock_guard lock(mutex);
        before = acknowledged;
    }
    const auto copy = ward.dir.path / "copy.db";
    const auto taken = run_cli(
        {"backup", "--config", ward.config, "--db", ward.db.string(), "--out", copy.string()});
    const std::size_t during = [&] {
        std::lock_guard lock(mutex);
        return acknowledged.size() - before.size();
    }();
    wait_for(acknowledged.size() + 20);  // the load went on after the copy
    stop = true;
    for (auto& t : load) t.join();
    INFO(taken.err);
    REQUIRE(taken.exit_code == 0);
    CHECK(taken.out.find(copy.string() + ": ") == 0);
    CHECK(failures == 0);
    INFO(fmt::format("{} tickets acknowledged before the copy, {} while it was taken",
                     before.size(), during));

    // The copy stands alone (no -wal beside it) and a service started on it serves them all.
    CHECK_FALSE(std::filesystem::exists(copy.string() + "-wal"));
    CHECK(s.stop() == 0);
    Service restored(copy);
    for (const auto& id : before) {
        INFO(id);
        CHECK(request(restored.port(), "GET", "/api/v1/tickets/" + id).status == 200);
    }
    // Numbers go on after the copy's last: none is issued twice.
    set_clock(restored.port(), "2026-11-23T09:00:00+07:00");
    const auto next = request(restored.port(), "POST", "/api/v1/tickets", ward.kiosk_token,
                              R"({"category":"TK"})");
    REQUIRE(next.status == 201);
    const auto copied_tickets = std::stoll(shell(fmt::format(
        "sqlite3 '{}' \"SELECT count(*) FROM tickets WHERE category = 'TK'\"", copy.string())));
    CHECK(copied_tickets >= static_cast<long long>(before.size()));
}

TEST_CASE("backup: bad usage and a copy that would overwrite a file", "[integration][backup]") {
    Ward ward;
    const auto missing = run_cli({"backup", "--config", ward.config, "--db", ward.db.string()});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("--out") != std::string::npos);
    const auto existing = ward.dir.path / "already.db";
    std::ofstream(existing) << "keep me";
    const auto over = run_cli(
        {"backup", "--config", ward.config, "--db", ward.db.string(), "--out", existing.string()});
    CHECK(over.exit_code == 1);
    CHECK(over.err ==
          fmt::format("motcua-service: {}: already exists; give a new file\n", existing.string()));
    CHECK(read_text(existing) == "keep me");
    const auto nothing =
        run_cli({"backup", "--config", ward.config, "--db", (ward.dir.path / "none.db").string(),
                 "--out", (ward.dir.path / "out.db").string()});
    CHECK(nothing.exit_code == 1);
    CHECK(nothing.err.find("none.db: no such database") != std::string::npos);
}

TEST_CASE("the database, its log and its backups are readable by the service's user only",
          "[integration][backup][abuse]") {
    namespace fs = std::filesystem;
    // Started with a lax umask, as a shell or a script may: the files are 0600 all the same.
    const mode_t before = ::umask(0022);
    Ward ward;  // `user add` and `device add` create the database
    {
        Service s(ward.db);
        REQUIRE(
            request(s.port(), "POST", "/api/v1/tickets", ward.kiosk_token, R"({"category":"HT"})")
                .status == 201);
        const auto copy = ward.dir.path / "copy.db";
        REQUIRE(run_cli({"backup", "--config", ward.config, "--db", ward.db.string(), "--out",
                         copy.string()})
                    .exit_code == 0);
        for (const fs::path& f : {ward.db, fs::path(ward.db.string() + "-wal"),
                                  fs::path(ward.db.string() + "-shm"), copy}) {
            INFO(f.string());
            REQUIRE(fs::exists(f));
            CHECK((fs::status(f).permissions() & fs::perms::all) ==
                  (fs::perms::owner_read | fs::perms::owner_write));
        }
    }
    ::umask(before);
}

TEST_CASE("a full disk (a small tmpfs): 503, reads answer, back by itself, nothing lost",
          "[integration][storage][faults]") {
    namespace fs = std::filesystem;
    if (::geteuid() != 0) {
        std::cout << "SKIPPED: mounting a small tmpfs needs root\n";
        return;
    }
    Ward ward;
    TempDir mount_dir;
    if (::mount("tmpfs", mount_dir.path.c_str(), "tmpfs", 0, "size=2m,mode=0700") != 0) {
        // Root without CAP_SYS_ADMIN (a locked-down container): the VFS tests still run.
        std::cout << "SKIPPED: cannot mount a tmpfs: " << std::strerror(errno) << "\n";
        return;
    }
    struct Unmount {
        fs::path dir;
        ~Unmount() { ::umount2(dir.c_str(), MNT_DETACH); }
    } unmount{mount_dir.path};
    const fs::path db = mount_dir.path / "ward.db";
    fs::copy_file(ward.db, db);

    std::map<std::string, std::string> acknowledged;  // id -> number
    auto issue = [&](int port) {
        auto r = request(port, "POST", "/api/v1/tickets", ward.kiosk_token, R"({"category":"HT"})");
        if (r.status == 201)
            acknowledged[std::string(r.json().at("id").as_string())] =
                std::string(r.json().at("number").as_string());
        return r;
    };
    {
        Service s(db);
        set_clock(s.port(), "2026-11-23T08:00:00+07:00");
        REQUIRE(issue(s.port()).status == 201);
        // Fill the disk.
        const fs::path filler = mount_dir.path / "filler";
        {
            std::ofstream out(filler, std::ios::binary);
            const std::string block(64 * 1024, 'x');
            while (out.write(block.data(), static_cast<std::streamsize>(block.size())) &&
                   out.flush()) {
            }
        }
        // The log may still have room for a few: tickets go on until the disk says no.
        Response refused;
        for (int i = 0; i < 2000 && refused.status != 503; ++i) {
            auto r = issue(s.port());
            if (r.status != 201) refused = r;
        }
        REQUIRE(refused.status == 503);
        CHECK(refused.json().at("error").at("code") == "storage_unavailable");
        CHECK(refused.headers.contains("Retry-After"));
        CHECK(issue(s.port()).status == 503);
        // Reads answer, with what is durable.
        const auto& [some_id, some_number] = *acknowledged.begin();
        auto read = request(s.port(), "GET", "/api/v1/tickets/" + some_id);
        CHECK(read.status == 200);
        CHECK(request(s.port(), "GET", "/api/v1/public/queue").status == 200);
        // Space comes back: within a few seconds tickets are issued again, no restart.
        fs::remove(filler);
        bool back = false;
        for (int i = 0; i < 50 && !back; ++i) {
            back = issue(s.port()).status == 201;
            if (!back) std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
        CHECK(back);
        CHECK(s.log_text().find("refusing changes") != std::string::npos);
        CHECK(s.log_text().find("writes work again") != std::string::npos);
        s.kill9();
    }
    // Everything acknowledged is there after a crash, and no number was given twice.
    Service s(db);
    std::set<std::string> numbers;
    for (const auto& [id, number] : acknowledged) {
        auto r = request(s.port(), "GET", "/api/v1/tickets/" + id);
        INFO(id);
        REQUIRE(r.status == 200);
        CHECK(std::string(r.json().at("number").as_string()) == number);
        CHECK(numbers.insert(number).second);
    }
}

TEST_CASE("a damaged database is refused at start with the last good backup named",
          "[integration][backup]") {
    TempDir config_dir;
    const auto config = config_with_backups(config_dir.path);
    Ward ward(config);
    {
        Service s(ward.db, {"--config", config});
        set_clock(s.port(), "2026-11-23T08:00:00+07:00");
        for (int i = 0; i < 30; ++i) issue(s.port(), ward.kiosk_token);
        CHECK(s.stop() == 0);
    }
    const auto backups = config_dir.path / "backups";
    const auto good = backups / "motcua-2026-11-23.db";
    REQUIRE(
        run_cli({"backup", "--config", config, "--db", ward.db.string(), "--out", good.string()})
            .exit_code == 0);
    // An older copy that is itself damaged is not offered.
    std::ofstream(backups / "motcua-2026-11-24.db") << "not a database";

    const auto damaged = ward.dir.path / "damaged.db";
    const auto serve = [&] {
        return run_cli(
            {"serve", "--config", config, "--db", damaged.string(), "--listen", "127.0.0.1:0"});
    };
    const auto expect_refused = [&](const CommandResult& r) {
        INFO(r.err);
        CHECK(r.exit_code == 1);  // refused, not a crash
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        CHECK(r.err.find("the database " + damaged.string() + " is damaged") != std::string::npos);
        CHECK(r.err.find("the last good backup is " + good.string()) != std::string::npos);
        CHECK(r.out.empty());  // never listened
    };

    SECTION("truncated") {
        std::filesystem::copy_file(ward.db, damaged);
        std::filesystem::resize_file(damaged, std::filesystem::file_size(damaged) / 2);
        expect_refused(serve());
    }
    SECTION("a page overwritten") {
        std::filesystem::copy_file(ward.db, damaged);
        REQUIRE(std::filesystem::file_size(damaged) >= 4 * 4096);
        std::fstream f(damaged, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(2 * 4096);  // the third page: a table's b-tree
        const std::string junk(4096, '\xA5');
        f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
        f.close();
        expect_refused(serve());
    }
    SECTION("not a database at all") {
        std::ofstream(damaged) << std::string(8192, 'x');
        expect_refused(serve());
        // Other commands refuse it too, and leave it as it was.
        const auto add = run_cli({"device", "add", "--config", config, "--db", damaged.string(),
                                  "--name", "Kiosk 2", "--role", "kiosk"});
        CHECK(add.exit_code == 1);
        CHECK(add.err.find("is damaged") != std::string::npos);
        CHECK(read_text(damaged) == std::string(8192, 'x'));
    }
    SECTION("without backups configured, the message says so") {
        std::ofstream(damaged) << std::string(8192, 'x');
        const auto r = run_cli({"serve", "--config", config_path(), "--db", damaged.string(),
                                "--listen", "127.0.0.1:0"});
        CHECK(r.exit_code == 1);
        CHECK(r.err.find("no backups are configured ([backup] dir in") != std::string::npos);
    }
}

TEST_CASE("the service copies its database each day at [backup] at and keeps keep_days",
          "[integration][backup]") {
    TempDir config_dir;
    const auto config = config_with_backups(config_dir.path);
    Ward ward(config);
    const auto backups = config_dir.path / "backups";
    std::filesystem::create_directories(backups);
    std::ofstream(backups / "motcua-2026-11-10.db") << "an old copy";  // older than 7 days
    std::ofstream(backups / "motcua-2026-11-20.db") << "a recent copy";
    std::ofstream(backups / "notes.txt") << "not a copy: left alone";
    Service s(ward.db, {"--config", config});
    set_clock(s.port(), "2026-11-23T08:00:00+07:00");
    std::vector<std::string> ids;
    for (int i = 0; i < 5; ++i) ids.push_back(issue(s.port(), ward.kiosk_token));
    const auto today = backups / "motcua-2026-11-23.db";
    set_clock(s.port(), "2026-11-23T21:59:00+07:00");
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));
    CHECK_FALSE(std::filesystem::exists(today));  // not before 22:00
    set_clock(s.port(), "2026-11-23T22:00:05+07:00");
    bool made = false;
    for (int i = 0; i < 100 && !made; ++i) {
        made = std::filesystem::exists(today) &&
               !std::filesystem::exists(backups / "motcua-2026-11-10.db");
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    REQUIRE(made);
    CHECK(std::filesystem::exists(backups / "motcua-2026-11-20.db"));
    CHECK(std::filesystem::exists(backups / "notes.txt"));
    CHECK(shell(fmt::format("sqlite3 '{}' 'PRAGMA quick_check'", today.string())) == "ok\n");
    CHECK(shell(fmt::format("sqlite3 '{}' 'SELECT count(*) FROM tickets'", today.string())) ==
          "5\n");
    CHECK(s.stop() == 0);
}

// ---- upgrades: every release keeps a database made by its schema (tests/fixtures/upgrade) ----

namespace {

const std::filesystem::path kUpgradeFixtures =
    std::filesystem::path(MOTCUA_SOURCE_DIR) / "tests/fixtures/upgrade";

/// The report answers a fixture must give alike after any later migration.
const std::vector<std::string> kUpgradeReports{
    "/api/v1/reports/turnaround?from=2026-11-23&to=2026-11-25&group_by=category",
    "/api/v1/reports/turnaround?from=2026-11-23&to=2026-11-25&group_by=day",
    "/api/v1/reports/turnaround?from=2026-11-23&to=2026-11-25&group_by=counter",
    "/api/v1/reports/ratings?from=2026-11-23&to=2026-11-25",
    "/api/v1/reports/dossiers?from=2026-11-23&to=2026-11-25",
    "/api/v1/reports/appointments?from=2026-11-23&to=2026-11-25",
};

/// Rows that must outlive every migration: what citizens and reports rely on.
const std::vector<std::string> kUpgradeRows{
    "SELECT id, day, number, category, priority, state, issued_at, called_at, started_at, "
    "finished_at, counter FROM tickets ORDER BY id",
    "SELECT code, day, procedure, category, state, received_at, due_date, returned_at FROM "
    "dossiers ORDER BY code",
    "SELECT ticket_id, day, level, reasons, comment, counter, officer, at FROM ratings ORDER BY "
    "ticket_id",
    "SELECT code, category, day, start_min, state, ticket_id FROM appointments ORDER BY code",
    "SELECT seq, type, at FROM events ORDER BY seq",
};

std::string rows(const std::filesystem::path& db, const std::string& query) {
    return shell(fmt::format("sqlite3 -readonly -json '{}' \"{}\"", db.string(), query));
}

/// Every value of `expected` is in `actual` at the same place (a newer version may add fields).
void check_contains(const boost::json::value& expected, const boost::json::value& actual,
                    const std::string& where) {
    INFO(where);
    if (expected.is_object()) {
        REQUIRE(actual.is_object());
        for (const auto& [key, value] : expected.as_object()) {
            const auto* found = actual.as_object().if_contains(key);
            INFO(std::string(key));
            REQUIRE(found != nullptr);
            check_contains(value, *found, where + "." + std::string(key));
        }
    } else if (expected.is_array()) {
        REQUIRE(actual.is_array());
        REQUIRE(actual.as_array().size() == expected.as_array().size());
        for (std::size_t i = 0; i < expected.as_array().size(); ++i)
            check_contains(expected.as_array()[i], actual.as_array()[i],
                           where + "[" + std::to_string(i) + "]");
    } else {
        CHECK(boost::json::serialize(actual) == boost::json::serialize(expected));
    }
}

}  // namespace

// Run by hand when a release changes the schema (docs/operations.md), from the repository:
//   MOTCUA_FIXTURE_OUT=tests/fixtures/upgrade
//   build/debug/bin/service_integration_tests "[.make-upgrade-fixture]"
TEST_CASE("make the upgrade fixture of this schema", "[.make-upgrade-fixture]") {
    const char* out_dir = std::getenv("MOTCUA_FIXTURE_OUT");
    REQUIRE(out_dir != nullptr);
    Ward w;
    Service s(w.db);
    const int p = s.port();
    std::mt19937 rng(20261123);
    const auto officer = w.login(s);
    const std::string officers[] = {"", officer, w.login(s, "binh", "matkhau-456")};
    std::vector<std::string> open_dossiers;
    const char* days[] = {"2026-11-23", "2026-11-24", "2026-11-25"};
    // A booking for the second morning, made on the first.
    set_clock(p, "2026-11-23T07:20:00+07:00");
    auto booked =
        request(p, "POST", "/api/v1/public/appointments", "",
                R"({"category":"HT","date":"2026-11-24","start":"09:15","phone":"0912345678"})");
    REQUIRE(booked.status == 201);
    const std::string booking(booked.json().at("code").as_string());
    for (const char* day : days) {
        int second = (7 * 60 + 30) * 60;
        const auto at = [&](int add_minutes) {
            second += add_minutes * 60 + static_cast<int>(rng() % 30);
            set_clock(p, fmt::format("{}T{:02}:{:02}:{:02}+07:00", day, second / 3600,
                                     second / 60 % 60, second % 60));
        };
        at(0);
        for (int c = 1; c <= 2; ++c)
            REQUIRE(request(p, "POST", fmt::format("/api/v1/counters/{}/open", c), officers[c])
                        .status == 200);
        const char* categories[] = {"HT", "TK", "HT", "DC"};
        for (int i = 0; i < 14; ++i) {
            at(static_cast<int>(rng() % 3));
            REQUIRE(request(p, "POST", "/api/v1/tickets", w.kiosk_token,
                            fmt::format(R"({{"category":"{}","priority":{}}})",
                                        categories[rng() % 4], rng() % 5 == 0 ? "true" : "false"))
                        .status == 201);
        }
        if (std::string(day) == "2026-11-24") {
            set_clock(p, "2026-11-24T09:05:00+07:00");
            second = 9 * 3600 + 5 * 60;
            REQUIRE(
                request(p, "POST", "/api/v1/appointments/" + booking + "/check-in", w.kiosk_token)
                    .status == 201);
        }
        for (int i = 0; i < 12; ++i) {
            const int counter = 1 + static_cast<int>(rng() % 2);
            const auto& officer_here = officers[counter];
            const auto path = fmt::format("/api/v1/counters/{}/", counter);
            at(1 + static_cast<int>(rng() % 5));
            auto called = request(p, "POST", path + "call-next", officer_here);
            if (called.status != 200) continue;  // that counter's categories are empty
            const std::string id(called.json().at("id").as_string());
            if (rng() % 7 == 0) {
                REQUIRE(request(p, "POST", path + "no-show", officer_here).status == 200);
                continue;
            }
            REQUIRE(request(p, "POST", path + "start", officer_here).status == 200);
            at(2 + static_cast<int>(rng() % 8));
            boost::json::object finish{{"outcome", "resolved"}};
            if (open_dossiers.size() > 2 && rng() % 3 == 0) {  // some stay in progress
                finish = {{"outcome", "result_returned"}, {"dossier", open_dossiers.back()}};
                open_dossiers.pop_back();
            } else if (rng() % 3 == 0) {
                finish = {{"outcome", "dossier_received"},
                          {"procedure", rng() % 2 == 0 ? "HT-KS" : "HT-CT"},
                          {"applicant",
                           {{"name", fmt::format("Phạm Văn Thử {}", i)}, {"phone", "0987654321"}}}};
            }
            auto done =
                request(p, "POST", path + "finish", officer_here, boost::json::serialize(finish));
            INFO(done.body);
            if (done.status != 200) continue;  // a counter that cannot take that procedure
            const auto answer = done.json();
            if (const auto* d = answer.as_object().if_contains("dossier");
                d != nullptr && finish.at("outcome") == "dossier_received")
                open_dossiers.emplace_back(d->at("code").as_string());
            if (rng() % 3 != 0) {
                boost::json::object rating{{"ticket", id},
                                           {"level", 1 + static_cast<int>(rng() % 5)},
                                           {"comment", "Cán bộ hướng dẫn tận tình"}};
                REQUIRE(request(p, "POST", "/api/v1/ratings", w.kiosk_token,
                                boost::json::serialize(rating))
                            .status == 201);
            }
        }
        at(5);
        for (int c = 1; c <= 2; ++c)
            REQUIRE(request(p, "POST", fmt::format("/api/v1/counters/{}/close", c), officers[c])
                        .status == 200);
    }
    set_clock(p, "2026-11-26T08:00:00+07:00");  // the days are over: the reports are final
    boost::json::object expected;
    for (const auto& target : kUpgradeReports) {
        auto r = request(p, "GET", target, officer);
        REQUIRE(r.status == 200);
        expected[target] = r.json();
    }
    CHECK(s.stop() == 0);
    const auto version = shell(fmt::format("sqlite3 '{}' 'PRAGMA user_version'", w.db.string()));
    const auto name = fmt::format("ward-schema-{}", std::stoi(version));
    const std::filesystem::path out(out_dir);
    REQUIRE(run_cli({"backup", "--config", w.config, "--db", w.db.string(), "--out",
                     (out / (name + ".db")).string()})
                .exit_code == 0);
    std::ofstream(out / (name + ".reports.json")) << boost::json::serialize(expected) << "\n";
}

TEST_CASE("every release's database opens in this version with its data and reports alike",
          "[integration][upgrade]") {
    std::vector<std::filesystem::path> fixtures;
    for (const auto& e : std::filesystem::directory_iterator(kUpgradeFixtures))
        if (e.path().extension() == ".db") fixtures.push_back(e.path());
    REQUIRE_FALSE(fixtures.empty());
    Ward fresh;  // today's schema version
    const auto current =
        shell(fmt::format("sqlite3 '{}' 'PRAGMA user_version'", fresh.db.string()));
    for (const auto& fixture : fixtures) {
        INFO(fixture.filename().string());
        TempDir dir;
        const auto db = dir.path / "ward.db";
        std::filesystem::copy_file(fixture, db);
        std::ifstream in(fixture.string().substr(0, fixture.string().size() - 3) + ".reports.json");
        REQUIRE(in);
        const auto expected = boost::json::parse(
            std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()));

        Service s(db);  // migrates at start
        CHECK(shell(fmt::format("sqlite3 '{}' 'PRAGMA user_version'", db.string())) == current);
        for (const auto& query : kUpgradeRows) {
            INFO(query);
            const auto before = rows(fixture, query);
            CHECK(before.size() > 10);  // the fixture has such rows
            CHECK(rows(db, query) == before);
        }
        // Reports need an officer: lan is in every fixture.
        auto login = request(s.port(), "POST", "/api/v1/auth/login", "",
                             R"({"username":"lan","password":"matkhau-123"})");
        REQUIRE(login.status == 200);
        const std::string officer(login.json().at("token").as_string());
        for (const auto& target : kUpgradeReports) {
            auto r = request(s.port(), "GET", target, officer);
            REQUIRE(r.status == 200);
            check_contains(expected.at(target), r.json(), target);
        }
        CHECK(s.stop() == 0);
    }
}

TEST_CASE("the log answers who finished a ticket and why a screen left", "[integration][logs]") {
    Ward ward;
    Service s(ward.db);
    set_clock(s.port(), "2026-11-23T08:00:00+07:00");
    const auto lan = ward.login(s);
    {
        EventClient board(s.port(), ward.board_token, 0);
        issue(s.port(), ward.kiosk_token);
        REQUIRE(request(s.port(), "POST", "/api/v1/counters/1/open", lan).status == 200);
        REQUIRE(request(s.port(), "POST", "/api/v1/counters/1/call-next", lan).status == 200);
        REQUIRE(
            request(s.port(), "POST", "/api/v1/counters/1/finish", lan, R"({"outcome":"resolved"})")
                .status == 200);
        while (board.next(500)) {
        }
    }  // the board goes away
    std::string log;
    for (int i = 0; i < 50 && log.find(" left after ") == std::string::npos; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        log = s.log_text();
    }
    INFO(log);
    CHECK(log.find("event 4 ticket_finished ticket A001 counter 1 officer lan\n") !=
          std::string::npos);
    CHECK(log.find("events: device 'Board' (board) at 127.0.0.1 subscribed after seq 0\n") !=
          std::string::npos);
    CHECK(log.find("events: device 'Board' (board) at 127.0.0.1 left after 0 min at seq 4: the "
                   "connection dropped (the screen stopped or its network went down)\n") !=
          std::string::npos);
    CHECK(s.stop() == 0);
}
