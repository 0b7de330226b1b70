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
#include "soak_model.hpp"

using namespace harness;
namespace json = boost::json;
using soak::Model;
using soak::Op;
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

std::string str(const json::value& v, const char* key) {
    return std::string(v.at(key).as_string());
}

/// An answer, or nullopt when the service died before answering (the request's fate unknown).
std::optional<Response> send(int port, const std::string& method, const std::string& target,
                             const std::string& token = "",
                             const std::optional<std::string>& body = std::nullopt) {
    try {
        return request(port, method, target, token, body);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

/// A day's dates the ward books: office days after the soak's Monday 2026-11-23.
const std::vector<std::string> kBookingDays = {
    "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-30", "2026-12-01",
    "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-07", "2026-12-08", "2026-12-09"};

struct Officer {
    std::string username, token;
    int counter = 0;
};

/// One cycle's clients against one running service; they stop at the first unanswered request.
class Load {
public:
    Load(Model& model, const Ward& w, std::vector<Officer> officers, int port, unsigned seed)
        : model_(model), w_(w), officers_(std::move(officers)), port_(port), seed_(seed) {}

    void start() {
        for (int k = 0; k < 2; ++k) run([this, k] { kiosk(k); });
        for (std::size_t i = 0; i < officers_.size(); ++i) run([this, i] { counter(i); });
        run([this] { ratings(); });
        run([this] { dossier_clerk(); });
        run([this] { bookings(); });
        run([this] { screen(); });
    }
    /// After the kill: every client has met the dead service, or is told to stop.
    void join() {
        stop_ = true;
        for (auto& t : threads_) t.join();
    }

    /// Ratings sent without an answer, retried with the same idempotency key next cycle.
    struct PendingRating {
        std::string ticket, key;
        int level = 0;
    };
    static inline std::vector<PendingRating> unanswered_ratings;  // guarded by the cycle order
    static inline std::vector<std::string> to_rate;
    static inline std::mutex to_rate_m;
    static inline int phone_seq = 0;

private:
    template <class F>
    void run(F f) {
        threads_.emplace_back([this, f = std::move(f)] {
            try {
                f();
            } catch (const std::exception& e) {
                model_.unexpected(std::string("a client stopped on an answer it could not read: ") +
                                  e.what());
            }
        });
    }
    std::mt19937 rng(int k) { return std::mt19937(seed_ * 31 + static_cast<unsigned>(k)); }
    void pause(std::mt19937& r, int lo_ms, int hi_ms) {
        std::this_thread::sleep_for(
            std::chrono::milliseconds(std::uniform_int_distribution<int>(lo_ms, hi_ms)(r)));
    }
    void unexpected(const std::string& what, const Response& r) {
        model_.unexpected(fmt::format("{}: {} {}", what, r.status, r.body.substr(0, 200)));
    }

    void kiosk(int k) {
        auto r = rng(k);
        const char* categories[] = {"HT", "DC", "VX", "TK"};
        while (!stop_) {
            const std::string category = categories[std::uniform_int_distribution<int>(0, 3)(r)];
            json::object body{{"category", category}};
            if (std::uniform_int_distribution<int>(0, 9)(r) == 0) {
                body["priority"] = true;
                body["priority_reason"] = "elderly";
            }
            auto a = send(port_, "POST", "/api/v1/tickets", w_.kiosk_token, json::serialize(body));
            if (!a) return model_.unanswered_issue();
            if (a->status != 201) {
                unexpected("POST /tickets", *a);
            } else {
                auto j = json::parse(a->body);
                model_.ticket_issued(str(j, "id"), str(j, "number"), category);
            }
            pause(r, 5, 25);
        }
    }

    /// An officer at a counter: call the next, start (or mark absent), finish, sometimes
    /// receiving a dossier.
    void counter(std::size_t i) {
        const Officer& o = officers_[i];
        auto r = rng(100 + static_cast<int>(i));
        const std::string base = fmt::format("/api/v1/counters/{}/", o.counter);
        // Where the last cycle left the counter, as the service now has it.
        auto counters = send(port_, "GET", "/api/v1/counters", o.token);
        if (!counters) return;
        std::optional<json::value> current;
        bool open = false;
        const auto listing = json::parse(counters->body);
        for (const auto& c : listing.as_array()) {
            if (c.at("number").as_int64() != o.counter) continue;
            open = c.at("state") == "open";
            if (!c.at("current").is_null()) current = c.at("current");
        }
        if (!open) {
            auto a = send(port_, "POST", base + "open", o.token);
            if (!a) return;
            if (a->status != 200) return unexpected("open counter", *a);
        }
        // Procedures of the demo ward's categories (TK returns results: no dossier received).
        const std::map<std::string, std::vector<std::string>> procedures{
            {"HT", {"HT-HN", "HT-KS", "HT-CT"}},
            {"DC", {"DC-XPXD", "DC-HGD"}},
            {"VX", {"VX-TCXH", "VX-HN"}}};
        while (!stop_) {
            const auto ticket_action = [&](const std::string& action, Op op,
                                           const std::optional<std::string>& body,
                                           const std::string& maybe_state) -> bool {
                const std::string id = str(*current, "id");
                auto a = send(port_, "POST", base + action, o.token, body);
                if (!a) {
                    model_.unanswered_ticket_move(id, maybe_state);
                    if (body && body->find("dossier_received") != std::string::npos)
                        model_.unanswered_receipt();
                    return false;
                }
                if (a->status != 200) {
                    unexpected("POST " + base + action, *a);
                    return false;
                }
                auto j = json::parse(a->body);
                model_.ticket_moved(str(j, "id"), str(j, "number"), str(j, "category"),
                                    str(j, "state"), op);
                if (const auto* d = j.as_object().if_contains("dossier"); d && !d->is_null())
                    model_.dossier_received(str(*d, "code"), str(j, "id"), str(*d, "procedure"),
                                            str(*d, "state"));
                if (op == Op::finish) {
                    std::lock_guard lock(to_rate_m);
                    to_rate.push_back(str(j, "id"));
                }
                current = j;
                return true;
            };
            if (!current) {
                auto a = send(port_, "POST", base + "call-next", o.token);
                if (!a) return model_.unanswered_call();
                if (a->status == 204) {
                    pause(r, 20, 40);
                    continue;
                }
                if (a->status != 200) return unexpected("call-next", *a);
                auto j = json::parse(a->body);
                model_.ticket_moved(str(j, "id"), str(j, "number"), str(j, "category"),
                                    str(j, "state"), Op::call);
                current = j;
            } else if (str(*current, "state") == "called") {
                if (std::uniform_int_distribution<int>(0, 9)(r) == 0) {
                    if (!ticket_action("no-show", Op::no_show, std::nullopt, "no_show")) return;
                    current.reset();
                } else if (!ticket_action("start", Op::start, std::nullopt, "serving")) {
                    return;
                }
            } else {
                const std::string category = str(*current, "category");
                json::object body{{"outcome", "resolved"}};
                auto p = procedures.find(category);
                if (category == "TK") {
                    body["outcome"] = "result_returned";
                } else if (std::uniform_int_distribution<int>(0, 9)(r) < 4) {
                    const auto& list = p->second;
                    body["outcome"] = "dossier_received";
                    body["procedure"] =
                        list[std::uniform_int_distribution<std::size_t>(0, list.size() - 1)(r)];
                    body["applicant"] = {
                        {"name", "Nguyễn Văn An"},
                        {"phone", fmt::format("09{:08}",
                                              std::uniform_int_distribution<int>(0, 99999999)(r))}};
                } else if (std::uniform_int_distribution<int>(0, 2)(r) == 0) {
                    body["outcome"] = "guidance";
                }
                if (!ticket_action("finish", Op::finish, json::serialize(body), "done")) return;
                current.reset();
            }
            pause(r, 0, 15);
        }
    }

    /// A kiosk asking finished citizens for a rating, with an idempotency key it reuses.
    void ratings() {
        auto r = rng(200);
        auto rate = [&](const Load::PendingRating& p) -> bool {
            json::object body{{"ticket", p.ticket}, {"level", p.level}, {"idempotency_key", p.key}};
            if (p.level <= 2) body["reasons"] = json::array{"long_wait"};
            auto a = send(port_, "POST", "/api/v1/ratings", w_.kiosk_token, json::serialize(body));
            if (!a) {
                model_.unanswered_rating(p.ticket, p.level);
                unanswered_ratings.push_back(p);
                return false;
            }
            if (a->status != 201) {
                unexpected("POST /ratings " + p.ticket, *a);
                return true;
            }
            // A repeat of a stored rating (same key) is answered without the level: the
            // database check compares the stored one with the level sent.
            const auto j = json::parse(a->body);
            const auto* level = j.as_object().if_contains("level");
            model_.rated(p.ticket, level ? static_cast<int>(level->as_int64()) : p.level);
            return true;
        };
        // Last cycle's unanswered ratings first, with their keys: one rating each, never two.
        auto retry = std::exchange(unanswered_ratings, {});
        for (std::size_t i = 0; i < retry.size(); ++i)
            if (!rate(retry[i])) {
                unanswered_ratings.insert(unanswered_ratings.end(), retry.begin() + i + 1,
                                          retry.end());
                return;
            }
        while (!stop_) {
            std::optional<std::string> ticket;
            {
                std::lock_guard lock(to_rate_m);
                if (!to_rate.empty()) {
                    ticket = to_rate.front();
                    to_rate.erase(to_rate.begin());
                }
            }
            if (ticket && std::uniform_int_distribution<int>(0, 9)(r) < 8) {
                const int level = std::uniform_int_distribution<int>(1, 5)(r);
                if (!rate({*ticket, "soak-" + *ticket, level})) return;
            }
            pause(r, 5, 15);
        }
    }

    /// An officer moving received dossiers on: in process, ready, returned.
    void dossier_clerk() {
        auto r = rng(300);
        const std::map<std::string, std::string> next{
            {"received", "in_process"}, {"in_process", "ready"}, {"ready", "returned"}};
        while (!stop_) {
            auto open = model_.dossiers_open();
            if (!open.empty()) {
                const auto code =
                    open[std::uniform_int_distribution<std::size_t>(0, open.size() - 1)(r)];
                const auto d = model_.dossier(code);
                const auto to = next.find(d->state);
                if (to != next.end()) {
                    auto a = send(port_, "POST", "/api/v1/dossiers/" + code + "/status",
                                  officers_[0].token,
                                  json::serialize(json::value{{"status", to->second}}));
                    if (!a) return model_.unanswered_dossier_move(code, to->second);
                    if (a->status != 200) {
                        unexpected("POST /dossiers/" + code + "/status", *a);
                    } else {
                        auto j = json::parse(a->body);
                        model_.dossier_moved(code, str(j, "state"));
                    }
                }
            }
            pause(r, 10, 30);
        }
    }

    /// Citizens booking slots from their phones, and some cancelling.
    void bookings() {
        auto r = rng(400);
        while (!stop_) {
            auto booked = model_.bookings_booked();
            if (!booked.empty() && std::uniform_int_distribution<int>(0, 9)(r) < 3) {
                const auto code =
                    booked[std::uniform_int_distribution<std::size_t>(0, booked.size() - 1)(r)];
                auto a = send(port_, "POST", "/api/v1/public/appointments/" + code + "/cancel");
                if (!a) return model_.unanswered_booking_move(code, "cancelled");
                if (a->status != 200)
                    unexpected("cancel " + code, *a);
                else
                    model_.booking_moved(code, str(json::parse(a->body), "state"));
            } else {
                const std::string category =
                    std::uniform_int_distribution<int>(0, 2)(r) ? "HT" : "DC";
                const std::string date = kBookingDays[std::uniform_int_distribution<std::size_t>(
                    0, kBookingDays.size() - 1)(r)];
                // 07:30 to 11:15 and 13:00 to 16:30, every 15 minutes.
                int slot = std::uniform_int_distribution<int>(0, 30)(r);
                const int minute = slot < 16 ? 450 + slot * 15 : 780 + (slot - 16) * 15;
                const std::string start = fmt::format("{:02}:{:02}", minute / 60, minute % 60);
                const json::value body{{"category", category},
                                       {"date", date},
                                       {"start", start},
                                       {"phone", fmt::format("08{:08}", ++phone_seq)}};
                auto a =
                    send(port_, "POST", "/api/v1/public/appointments", "", json::serialize(body));
                if (!a) return model_.unanswered_booking();
                if (a->status == 201) {
                    auto j = json::parse(a->body);
                    model_.booked(str(j, "code"), category, date, start, str(j, "state"));
                } else if (a->status != 409) {  // 409 slot_full: the slot is taken
                    unexpected("POST /public/appointments", *a);
                }
            }
            pause(r, 15, 40);
        }
    }

    /// A board: every event it is sent must stay in the log as sent.
    void screen() {
        try {
            EventClient events(port_, w_.board_token, model_.last_seq());
            while (!stop_) {
                auto e = events.next(200);
                if (e)
                    model_.screen_event(e->at("seq").as_int64(), json::serialize(*e));
                else
                    std::this_thread::sleep_for(std::chrono::milliseconds(5));
            }
        } catch (const std::exception&) {
            // The service died: what the board got is recorded.
        }
    }

    Model& model_;
    const Ward& w_;
    std::vector<Officer> officers_;
    int port_;
    unsigned seed_;
    std::atomic<bool> stop_{false};
    std::vector<std::thread> threads_;
};

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
    std::mt19937 rng(Catch::rngSeed());
    std::vector<Officer> officers;
    std::int64_t total_checks = 0, total_unanswered = 0;
    const auto began = Clock::now();
    for (int cycle = 0; cycle <= cycles; ++cycle) {
        Service s(w.db, extra);
        const auto minute = fmt::format("2026-11-23T{:02}:{:02}:00+07:00", 8 + cycle / 60,
                                        cycle % 60);  // a minute later each cycle
        set_clock(s.port(), minute);
        if (cycle == 0) {
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
            std::cout << fmt::format(
                             "cycle {}/{}: acknowledged {}; unanswered {}, made durable {}; "
                             "events {}; checks {}, failures {}",
                             cycle, cycles, counts_text(model.take_cycle_counts()), unanswered,
                             report.adopted, report.events, report.checks, report.failures.size())
                      << std::endl;
            for (std::size_t i = 0; i < report.failures.size() && i < 30; ++i)
                std::cout << "  FAILED: " << report.failures[i] << std::endl;
            INFO("cycle " << cycle << ": " << report.failures.size() << " failures, first: "
                          << (report.failures.empty() ? "" : report.failures.front()));
            REQUIRE(report.failures.empty());
            if (last) break;
        }
        Load load(model, w, officers, s.port(), rng());
        load.start();
        // A random moment: early (the clients still connecting) to well into the load.
        std::this_thread::sleep_for(
            std::chrono::milliseconds(std::uniform_int_distribution<int>(200, 2000)(rng)));
        s.kill9();
        load.join();
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - began).count();
    std::cout << fmt::format(
                     "crash soak: {} cycles in {:.0f} s; acknowledged {}; unanswered "
                     "{}; checks {}; nothing acknowledged lost, no number reused",
                     cycles, seconds, counts_text(model.total_counts()), total_unanswered,
                     total_checks)
              << std::endl;
    const auto totals = model.total_counts();
    for (std::size_t i = 0; i < totals.size(); ++i) {
        INFO(soak::op_name(static_cast<Op>(i)));
        CHECK(totals[i] > 0);  // the load reached every kind of operation
    }
}
