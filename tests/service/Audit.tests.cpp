// The audit trail (DESIGN.md §7, issue 16 item 6): who made each change, listed by `audit`;
// `audit verify` names a row edited in the database file with the sqlite3 tool.
#include <fmt/format.h>
#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "harness.hpp"

using namespace harness;

namespace {

std::string os_user() {
    const passwd* pw = getpwuid(getuid());
    REQUIRE(pw != nullptr);
    return pw->pw_name;
}

CommandResult audit(const Ward& w, const std::string& from, const std::string& to,
                    const std::string& who = "") {
    std::vector<std::string> args{"audit",  "--config", w.config, "--db", w.db.string(),
                                  "--from", from,       "--to",   to};
    if (!who.empty()) {
        args.emplace_back("--who");
        args.push_back(who);
    }
    return run_cli(args);
}

CommandResult verify(const std::string& config, const std::filesystem::path& db) {
    return run_cli({"audit", "verify", "--config", config, "--db", db.string()});
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

int lines(const std::string& text) {
    return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

std::string sql(const std::filesystem::path& db, const std::string& statement) {
    return shell(fmt::format("sqlite3 '{}' \"{}\" 2>&1", db.string(), statement));
}

/// A day at the desk: a kiosk issues two tickets, lan serves one and receives a dossier, binh
/// marks it ready, the kiosk rates the visit, a citizen books from a phone, and the next day the
/// service expires the ticket left waiting. The service is stopped when this returns.
void a_day_at_the_desk(Ward& w) {
    Service s(w.db);
    const int p = s.port();
    set_clock(p, "2026-11-23T08:00:00+07:00");
    const auto lan = w.login(s);
    const auto binh = w.login(s, "binh", "matkhau-456");
    REQUIRE(request(p, "POST", "/api/v1/tickets", w.kiosk_token, R"({"category":"HT"})").status ==
            201);
    REQUIRE(request(p, "POST", "/api/v1/tickets", w.kiosk_token, R"({"category":"HT"})").status ==
            201);
    REQUIRE(request(p, "POST", "/api/v1/counters/1/open", lan).status == 200);
    auto called = request(p, "POST", "/api/v1/counters/1/call-next", lan);
    REQUIRE(called.status == 200);
    const std::string ticket(called.json().at("id").as_string());
    auto finished = request(
        p, "POST", "/api/v1/counters/1/finish", lan,
        R"({"outcome":"dossier_received","procedure":"HT-KS","applicant":{"name":"Nguyễn Văn An"}})");
    INFO(finished.body);
    REQUIRE(finished.status == 200);
    const std::string code(finished.json().at("dossier").at("code").as_string());
    REQUIRE(
        request(p, "POST", "/api/v1/dossiers/" + code + "/status", binh, R"({"status":"ready"})")
            .status == 200);
    REQUIRE(request(p, "POST", "/api/v1/ratings", w.kiosk_token,
                    fmt::format(R"({{"ticket":"{}","level":5}})", ticket))
                .status == 201);
    REQUIRE(request(p, "POST", "/api/v1/public/appointments", "",
                    R"({"category":"HT","date":"2026-11-24","start":"09:00","phone":"0912345123"})")
                .status == 201);
    set_clock(p, "2026-11-24T07:30:00+07:00");  // A002 was left waiting: the day's end expires it
    REQUIRE(request(p, "GET", "/api/v1/public/queue").status == 200);
    // Past the booking's grace: the next request (or the second's tick) marks it missed, for the
    // service, in the same write as the kiosk's ticket when the request comes first.
    set_clock(p, "2026-11-24T09:30:00+07:00");
    REQUIRE(request(p, "POST", "/api/v1/tickets", w.kiosk_token, R"({"category":"HT"})").status ==
            201);
    REQUIRE(s.stop() == 0);
}

}  // namespace

TEST_CASE("audit names the officer who made each change, and --who keeps theirs",
          "[integration][audit]") {
    Ward w;
    a_day_at_the_desk(w);
    const auto all = audit(w, "2026-11-23", "2026-11-24");
    INFO(all.out << all.err);
    REQUIRE(all.exit_code == 0);
    CHECK(has(all.out,
              "  2026-11-23T08:00:00+07:00  officer lan  counter_opened  counter 1 (event 3)\n"));
    CHECK(has(all.out, "  officer lan  ticket_called  ticket A001 counter 1 (event 4)\n"));
    CHECK(has(all.out, "  officer lan  ticket_finished  ticket A001 counter 1 (event 5)\n"));
    CHECK(has(all.out, "  officer lan  dossier_received  dossier "));
    // The status change is binh's, not the receiving officer's.
    CHECK(has(all.out, "  officer binh  dossier_status_changed  dossier "));

    const auto lan = audit(w, "2026-11-23", "2026-11-24", "lan");
    INFO(lan.out);
    CHECK(lan.exit_code == 0);
    CHECK(lines(lan.out) == 4);
    CHECK_FALSE(has(lan.out, "binh"));
    CHECK_FALSE(has(lan.out, "device "));

    // Logins run on the real clock: today's, not the test clock's.
    const auto logins = audit(w, "2000-01-01", "2100-12-31", "lan");
    CHECK(has(logins.out, "  officer lan  login  session of lan from 127.0.0.1\n"));
}

TEST_CASE("audit names the device that issued and rated a ticket", "[integration][audit]") {
    Ward w;
    a_day_at_the_desk(w);
    const auto kiosk = audit(w, "2026-11-23", "2026-11-23", "Kiosk");
    INFO(kiosk.out << kiosk.err);
    REQUIRE(kiosk.exit_code == 0);
    CHECK(has(kiosk.out,
              "  2026-11-23T08:00:00+07:00  device Kiosk (#1 kiosk)  ticket_issued  ticket A001 "
              "(event 1)\n"));
    CHECK(has(kiosk.out, "  device Kiosk (#1 kiosk)  ticket_issued  ticket A002 (event 2)\n"));
    CHECK(has(kiosk.out, "  device Kiosk (#1 kiosk)  rating_submitted  rating 5 of ticket A001"));
    CHECK(lines(kiosk.out) == 3);
    const auto next_day = audit(w, "2026-11-24", "2026-11-24", "Kiosk");
    CHECK(lines(next_day.out) == 1);
    CHECK(has(next_day.out,
              "  2026-11-24T09:30:00+07:00  device Kiosk (#1 kiosk)  ticket_issued  "
              "ticket A001 "));
}

TEST_CASE("audit names the service for what time changed, and the public for phone bookings",
          "[integration][audit]") {
    Ward w;
    a_day_at_the_desk(w);
    const auto system = audit(w, "2026-11-23", "2026-11-24", "system");
    INFO(system.out << system.err);
    REQUIRE(system.exit_code == 0);
    CHECK(has(system.out, "  system  ticket_expired  ticket A002 "));
    CHECK(has(system.out, "  2026-11-24T09:30:00+07:00  system  appointment_missed  appointment "));
    CHECK_FALSE(has(system.out, "ticket_issued"));
    CHECK_FALSE(has(system.out, "officer"));
    const auto booked = audit(w, "2026-11-23", "2026-11-24", "public");
    INFO(booked.out);
    CHECK(lines(booked.out) == 1);
    CHECK(has(booked.out, "  public  appointment_booked  appointment "));
    CHECK_FALSE(has(booked.out, "0912"));  // nothing personal
}

TEST_CASE("audit names the command and the OS user that added accounts on the server",
          "[integration][audit]") {
    Ward w;  // user add twice, device add three times
    const auto cli = audit(w, "2000-01-01", "2100-12-31", "cli");
    INFO(cli.out << cli.err);
    REQUIRE(cli.exit_code == 0);
    const auto user = os_user();
    CHECK(has(cli.out, fmt::format("  cli:user add ({})  officer_added  officer lan (Nguyễn Thị "
                                   "Lan, officer)\n",
                                   user)));
    CHECK(has(cli.out,
              fmt::format("  cli:device add ({})  device_added  device Kiosk (#1 kiosk)\n", user)));
    CHECK(has(cli.out, fmt::format("  cli:device add ({})  device_added  device Pad 1 (#3 rating, "
                                   "counter 1)\n",
                                   user)));
    CHECK(lines(cli.out) == 5);
    CHECK(cli.out.rfind("#1  ", 0) == 0);  // the first entry of a new database
    CHECK(audit(w, "2000-01-01", "2100-12-31", user).out == cli.out);
}

TEST_CASE("audit's bad usage exits 2 with one line", "[integration][audit]") {
    Ward w;
    const auto check_usage = [](const CommandResult& r) {
        INFO(r.err);
        CHECK(r.exit_code == 2);
        CHECK(lines(r.err) == 1);
        CHECK(r.out.empty());
    };
    // No period at all.
    check_usage(run_cli({"audit", "--config", w.config, "--db", w.db.string()}));
    // A day that does not exist.
    check_usage(audit(w, "2026-02-30", "2026-03-01"));
    // The period ends before it starts.
    check_usage(audit(w, "2026-11-24", "2026-11-23"));
    // An option audit does not have.
    check_usage(run_cli({"audit", "--config", w.config, "--db", w.db.string(), "--from",
                         "2026-11-23", "--to", "2026-11-23", "--officer", "lan"}));
    // verify takes no period.
    check_usage(run_cli(
        {"audit", "verify", "--config", w.config, "--db", w.db.string(), "--from", "2026-11-23"}));
    // A database that is not there is a failure, not a new file.
    const auto missing = run_cli(
        {"audit", "verify", "--config", w.config, "--db", (w.dir.path / "none.db").string()});
    CHECK(missing.exit_code == 1);
    CHECK_FALSE(std::filesystem::exists(w.dir.path / "none.db"));
}

TEST_CASE("audit verify names a row changed, inserted or deleted with sqlite3",
          "[integration][audit]") {
    Ward w;
    a_day_at_the_desk(w);
    const auto intact = verify(w.config, w.db);
    INFO(intact.out << intact.err);
    REQUIRE(intact.exit_code == 0);
    CHECK(lines(intact.out) == 1);
    CHECK(intact.out.rfind("audit trail intact: ", 0) == 0);

    const auto last = std::stoi(sql(w.db, "SELECT MAX(id) FROM audit"));
    const auto last_event = std::stoi(sql(w.db, "SELECT MAX(seq) FROM events"));
    const auto entry_of = [&](int seq) {
        return std::stoi(sql(w.db, fmt::format("SELECT id FROM audit WHERE event_seq = {}", seq)));
    };
    const int entry4 = entry_of(4);  // ticket_called by lan
    REQUIRE(entry4 > 1);
    REQUIRE(entry4 < last);

    // Each case on its own copy of the database: the edit, and what verify must say.
    struct Case {
        const char* what;
        std::string edit;
        std::string expected;
    };
    const std::vector<Case> cases{
        {"a field of an event (who was called)",
         "UPDATE events SET payload = replace(payload, 'A001', 'A009') WHERE seq = 4",
         fmt::format("event 4 was changed (audit entry {} records it)\n", entry4)},
        {"an event's type", "UPDATE events SET type = 'ticket_no_show' WHERE seq = 5",
         fmt::format("event 5 was changed (audit entry {} records it)\n", entry_of(5))},
        {"who made a change, in the audit row",
         fmt::format("UPDATE audit SET who = 'binh' WHERE id = {}", entry4),
         fmt::format("audit entry {} was changed\n", entry4)},
        {"an audit row's time", fmt::format("UPDATE audit SET at = at + 1 WHERE id = {}", entry4),
         fmt::format("audit entry {} was changed\n", entry4)},
        {"an audit row inserted",
         "INSERT INTO audit (at, who_kind, who, who_detail, action, subject, prev_hash, hash) "
         "VALUES (1795402800000, 'officer', 'lan', '', 'ticket_called', 'ticket A009', 'x', 'y')",
         fmt::format("entry {} was inserted after {}", last + 1, last)},
        {"an audit row inserted in the middle, the later ones renumbered",
         fmt::format("UPDATE audit SET id = id + 1000000 WHERE id > {0}; "
                     "UPDATE audit SET id = id - 999999 WHERE id > 1000000; "
                     "INSERT INTO audit (id, at, who_kind, who, who_detail, action, subject, "
                     "prev_hash, hash) SELECT {1}, at, who_kind, 'binh', who_detail, action, "
                     "subject, prev_hash, hash FROM audit WHERE id = {2}",
                     entry4, entry4 + 1, entry4 + 2),
         fmt::format("entry {} was inserted after {}\n", entry4 + 1, entry4)},
        {"the chain's head removed", "DELETE FROM meta WHERE key = 'audit_head'",
         "the chain's head record (meta 'audit_head') is missing"},
        {"an event inserted",
         fmt::format("INSERT INTO events (seq, type, at, day, payload) VALUES ({}, "
                     "'ticket_issued', 1795402800000, '2026-11-24', '{{}}')",
                     last_event + 1),
         fmt::format("event {} has no audit entry (inserted, or its entry was deleted)\n",
                     last_event + 1)},
        {"an audit row deleted in the middle",
         fmt::format("DELETE FROM audit WHERE id = {}", entry4),
         fmt::format("entry {} is missing (deleted)\n", entry4)},
        {"an event deleted in the middle", "DELETE FROM events WHERE seq = 4",
         fmt::format("event 4 is missing (deleted); audit entry {} records it\n", entry4)},
        {"the last audit row deleted", fmt::format("DELETE FROM audit WHERE id = {}", last),
         fmt::format("entry {} is missing at the end (deleted)\n", last)},
    };
    // One database, one copy per case: the setup runs once.
    for (const auto& c : cases) {
        INFO(c.what);
        const auto copy = w.dir.path / "edited.db";
        std::filesystem::remove(copy);
        std::filesystem::copy_file(w.db, copy);
        INFO(c.edit);
        REQUIRE(sql(copy, c.edit).empty());
        const auto found = verify(w.config, copy);
        INFO(found.out << found.err);
        CHECK(found.exit_code == 1);
        CHECK(has(found.out, c.expected));
        CHECK(lines(found.err) == 1);
        CHECK(has(found.err, "the database was edited outside motcua"));
    }
    // The service's own writes after a check keep the chain whole.
    {
        Service s(w.db);
        const auto lan = w.login(s);
        REQUIRE(request(s.port(), "POST", "/api/v1/counters/2/open", lan).status == 200);
        CHECK(s.stop() == 0);
    }
    const auto again = verify(w.config, w.db);
    INFO(again.out << again.err);
    CHECK(again.exit_code == 0);
}

TEST_CASE("a database from before the audit trail verifies, its old events shown as older",
          "[integration][audit][upgrade]") {
    const std::filesystem::path fixture =
        std::filesystem::path(MOTCUA_SOURCE_DIR) / "tests/fixtures/upgrade/ward-schema-6.db";
    Ward w;
    std::filesystem::remove(w.db);
    std::filesystem::copy_file(fixture, w.db);
    const auto older = std::stoi(sql(w.db, "SELECT MAX(seq) FROM events"));
    REQUIRE(older > 10);
    const auto first = verify(w.config, w.db);  // migrates, then checks
    INFO(first.out << first.err);
    CHECK(first.exit_code == 0);
    CHECK(has(first.out, fmt::format("events 1–{} predate the trail", older)));
    {
        Service s(w.db);
        const auto lan = w.login(s);
        REQUIRE(request(s.port(), "POST", "/api/v1/counters/2/open", lan).status == 200);
        CHECK(s.stop() == 0);
    }
    const auto after = verify(w.config, w.db);
    INFO(after.out << after.err);
    CHECK(after.exit_code == 0);
    CHECK(has(after.out, fmt::format("events {}–", older + 1)));
    // Listing a period of older events says why they have no entries.
    const auto listed = audit(w, "2026-11-23", "2026-11-25");
    CHECK(has(listed.err, fmt::format("note: events 1–{} were recorded before the audit trail "
                                      "began and have no entries\n",
                                      older)));
}
