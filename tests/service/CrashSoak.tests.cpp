// Crash soak (DESIGN.md §6, issue 16 item 3): cycles of start, mixed load from several clients,
// SIGKILL at a random moment; after every cycle, the database and the API are compared with what
// the clients were acknowledged. MOTCUA_SOAK_CYCLES sets the number of cycles (10 by default).
#include <fmt/format.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <thread>

#include "harness.hpp"
#include "soak_load.hpp"
#include "soak_model.hpp"

using namespace harness;
namespace json = boost::json;
using soak::Model;
using soak::Officer;
using soak::Op;
using soak::str;
using Clock = std::chrono::steady_clock;

namespace {

int cycles_to_run() {
    const char* env = std::getenv("MOTCUA_SOAK_CYCLES");
    return env != nullptr && *env != '\0' ? std::max(1, std::atoi(env)) : 10;
}

/// The demo ward with no per-address booking limit: every booking here comes from 127.0.0.1.
std::string soak_config(const std::filesystem::path& dir) {
    std::ifstream in(config_path());
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string limit = "per_client_per_hour = 10";
    const auto at = text.find(limit);
    REQUIRE(at != std::string::npos);
    text.replace(at, limit.size(), "per_client_per_hour = 0");
    const auto file = dir / "ward-soak.toml";
    std::ofstream(file) << text;
    return file.string();
}

std::string status_at(int port, const std::string& target, const std::string& token,
                      const char* key) {
    auto a = request(port, "GET", target, token);
    if (a.status != 200) return fmt::format("answer {}", a.status);
    return str(json::parse(a.body), key);
}

/// The API's view of what the database check found: a sample each cycle, all at the end.
std::vector<std::string> check_api(Model& model, int port, const Officer& officer,
                                   std::size_t sample, std::mt19937& rng, std::int64_t& checks) {
    std::vector<std::string> failures;
    auto pick = [&](std::vector<std::string> all) {
        std::shuffle(all.begin(), all.end(), rng);
        if (all.size() > sample) all.resize(sample);
        return all;
    };
    for (const auto& id : pick(model.ticket_ids())) {
        const auto t = model.ticket(id);
        auto a = request(port, "GET", "/api/v1/tickets/" + id);
        ++checks;
        if (a.status != 200 || str(json::parse(a.body), "number") != t->number ||
            str(json::parse(a.body), "state") != t->state)
            failures.push_back(fmt::format("GET /tickets/{} ({} {}): {} {}", id, t->number,
                                           t->state, a.status, a.body.substr(0, 200)));
    }
    for (const auto& code : pick(model.dossier_codes())) {
        ++checks;
        const auto seen = status_at(port, "/api/v1/dossiers/" + code, officer.token, "state");
        if (seen != model.dossier(code)->state)
            failures.push_back(fmt::format("GET /dossiers/{}: {}, stored {}", code, seen,
                                           model.dossier(code)->state));
    }
    for (const auto& code : pick(model.booking_codes())) {
        ++checks;
        const auto seen = status_at(port, "/api/v1/public/appointments/" + code, "", "state");
        if (seen != model.booking(code)->state)
            failures.push_back(fmt::format("GET /public/appointments/{}: {}, stored {}", code, seen,
                                           model.booking(code)->state));
    }
    return failures;
}

std::string counts_text(const std::vector<std::int64_t>& counts) {
    std::string out;
    for (std::size_t i = 0; i < counts.size(); ++i)
        out += fmt::format("{}{} {}", i ? ", " : "", soak::op_name(static_cast<Op>(i)), counts[i]);
    return out;
}

}  // namespace

TEST_CASE("kill -9 cycles under mixed load lose nothing acknowledged and reuse no number",
          "[crash][soak][integration]") {
    const int cycles = cycles_to_run();
    TempDir config_dir;
    Ward w(soak_config(config_dir.path));
    const std::vector<std::string> extra{"--config", w.config};
    REQUIRE(run_cli({"user", "add", "--config", w.config, "--db", w.db.string(), "--username",
                     "cuong", "--name", "Lê Văn Cường", "--role", "officer"},
                    "matkhau-789\n")
                .exit_code == 0);
    Model model;
    soak::Carry carry;
    std::mt19937 rng(Catch::rngSeed());
    std::vector<Officer> officers;
    std::int64_t total_checks = 0, total_unanswered = 0, total_durable = 0;
    int kill_ms = 0;
    std::cout << fmt::format("crash soak: {} cycles, seed {}", cycles, Catch::rngSeed())
              << std::endl;
    const auto began = Clock::now();
    for (int cycle = 0; cycle <= cycles; ++cycle) {
        Service s(w.db, extra);
        if (cycle == 0) {
            set_clock(s.port(), "2026-11-23T08:00:00+07:00");
            officers = {{"lan", w.login(s, "lan", "matkhau-123"), 1},
                        {"binh", w.login(s, "binh", "matkhau-456"), 3},
                        {"cuong", w.login(s, "cuong", "matkhau-789"), 4}};
        } else {
            // The last cycle's kill: the database against what was acknowledged, then the API.
            auto report = model.check(w.db);
            const bool last = cycle == cycles;
            auto api =
                check_api(model, s.port(), officers[0], last ? SIZE_MAX : 20, rng, report.checks);
            report.failures.insert(report.failures.end(), api.begin(), api.end());
            total_checks += report.checks;
            const auto unanswered = model.take_unanswered();
            total_unanswered += unanswered;
            total_durable += report.adopted;
            std::cout << fmt::format(
                             "cycle {}/{}: killed at {} ms; acknowledged {}; unanswered {}, made "
                             "durable {}; events {}; checks {}, failures {}",
                             cycle, cycles, kill_ms, counts_text(model.take_cycle_counts()),
                             unanswered, report.adopted, report.events, report.checks,
                             report.failures.size())
                      << std::endl;
            for (std::size_t i = 0; i < report.failures.size() && i < 30; ++i)
                std::cout << "  FAILED: " << report.failures[i] << std::endl;
            INFO("cycle " << cycle << ": " << report.failures.size() << " failures, first: "
                          << (report.failures.empty() ? "" : report.failures.front()));
            REQUIRE(report.failures.empty());
            if (last) break;
            // A minute later each cycle (the clock is checked never to go back).
            set_clock(s.port(),
                      fmt::format("2026-11-23T{:02}:{:02}:00+07:00", 8 + cycle / 60, cycle % 60));
        }
        soak::Load load(model, carry, {w.kiosk_token, w.board_token}, officers, s.port(), rng());
        load.start();
        // A random moment: early (the clients still connecting) to well into the load.
        kill_ms = std::uniform_int_distribution<int>(200, 2000)(rng);
        std::this_thread::sleep_for(std::chrono::milliseconds(kill_ms));
        s.kill9();
        load.join();
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - began).count();
    std::cout << fmt::format(
                     "crash soak: {} cycles in {:.0f} s; acknowledged {}; unanswered {} (made "
                     "durable {}); checks {}; nothing acknowledged lost, no number reused",
                     cycles, seconds, counts_text(model.total_counts()), total_unanswered,
                     total_durable, total_checks)
              << std::endl;
    const auto totals = model.total_counts();
    for (std::size_t i = 0; i < totals.size(); ++i) {
        INFO(soak::op_name(static_cast<Op>(i)));
        CHECK(totals[i] > 0);  // the load reached every kind of operation
    }
}
