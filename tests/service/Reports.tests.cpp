// Turnaround report: a multi-day scenario driven through the API with the test clock; every
// expected figure is computed here from the times the test itself set.
#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <sstream>

#include "harness.hpp"
#include "motcua/office_time.hpp"

using namespace harness;
namespace json = boost::json;
using motcua::TimePoint;

namespace {

struct Rec {  // what the test knows about one ticket
    std::string id, number, category, day, hour, officer;
    int counter = 0;
    std::int64_t issued = 0, called = -1, started = -1, finished = -1;  // seconds since epoch
    std::string state = "waiting";
    int rating = 0;
};

const motcua::OfficeZone& zone() {
    static const auto z = *motcua::OfficeZone::load("Asia/Ho_Chi_Minh");
    return z;
}

std::string at(std::int64_t s) {
    return zone().format_rfc3339(motcua::from_epoch_ms(s * 1000));
}
std::int64_t secs(const std::string& rfc) {
    return motcua::to_epoch_ms(*motcua::parse_rfc3339(rfc)) / 1000;
}

double round1(double v) {
    return std::round(v * 10) / 10;
}

json::object expected_stats(std::vector<std::int64_t> v) {
    if (v.empty()) return {{"mean", 0.0}, {"p50", 0}, {"p90", 0}, {"max", 0}};
    std::sort(v.begin(), v.end());
    auto rank = [&](double p) {
        return v[std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(p / 100 * v.size()))) -
                 1];
    };
    double sum = 0;
    for (auto x : v) sum += static_cast<double>(x);
    return {
        {"mean", round1(sum / v.size())}, {"p50", rank(50)}, {"p90", rank(90)}, {"max", v.back()}};
}

json::object expected_row(const std::string& key, const std::vector<const Rec*>& recs,
                          const std::map<std::string, int>& targets) {
    int issued = 0, served = 0, no_show = 0, expired = 0, called = 0, within = 0;
    std::vector<std::int64_t> wait, service, visit;
    std::map<int, int> levels{{1, 0}, {2, 0}, {3, 0}, {4, 0}, {5, 0}};
    int rated = 0, satisfied = 0, not_dissatisfied = 0;
    for (const Rec* r : recs) {
        ++issued;
        served += r->state == "done";
        no_show += r->state == "no_show";
        expired += r->state == "expired";
        if (r->called >= 0) {
            ++called;
            within += r->called - r->issued <= targets.at(r->category);
        }
        // A visit closed by the end-of-day rule has no known end: it is served, but no time.
        if (r->state == "done" && r->finished >= 0) {
            wait.push_back(r->called - r->issued);
            service.push_back(r->finished - r->started);
            visit.push_back(r->finished - r->issued);
        }
        if (r->rating > 0) {
            ++rated;
            ++levels[r->rating];
            satisfied += r->rating >= 4;
            not_dissatisfied += r->rating >= 3;
        }
    }
    json::object lv;
    for (auto [l, n] : levels) lv[std::to_string(l)] = n;
    auto pct = [](int a, int b) { return b == 0 ? 0.0 : round1(100.0 * a / b); };
    return {{"key", key},
            {"issued", issued},
            {"served", served},
            {"no_show", no_show},
            {"expired", expired},
            {"wait_s", expected_stats(wait)},
            {"service_s", expected_stats(service)},
            {"visit_s", expected_stats(visit)},
            {"within_target_pct", pct(within, called)},
            {"ratings",
             {{"count", rated},
              {"levels", lv},
              {"satisfied_pct", pct(satisfied, rated)},
              {"not_dissatisfied_pct", pct(not_dissatisfied, rated)}}}};
}

// Every expected field equals the report's (numbers to 0.05, so percentages to 0.1).
void check_row(const json::object& expected, const json::object& actual) {
    for (const auto& [k, v] : expected) {
        INFO("row " << (expected.contains("key") ? json::serialize(expected.at("key")) : "")
                    << " field " << std::string(k) << " actual " << json::serialize(actual));
        REQUIRE(actual.contains(k));
        if (v.is_object()) {
            check_row(v.get_object(), actual.at(k).as_object());
        } else if (v.is_string()) {
            CHECK(actual.at(k) == v);
        } else {
            CHECK(actual.at(k).to_number<double>() == Approx(v.to_number<double>()).margin(0.05));
        }
    }
}

}  // namespace

TEST_CASE("turnaround report of a multi-day scenario matches figures computed from the times set",
          "[reports][integration]") {
    Ward w;
    Service s(w.db);
    const int p = s.port();
    std::mt19937 rng(Catch::rngSeed());
    auto uni = [&](int a, int b) { return std::uniform_int_distribution<int>(a, b)(rng); };
    const std::map<std::string, int> targets{{"HT", 900}, {"DC", 1200}, {"VX", 900}, {"TK", 600}};
    const std::string lan = w.login(s), binh = w.login(s, "binh", "matkhau-456");
    struct Desk {
        int number;
        std::string token;
        std::string officer;
        std::int64_t free_at = 0;
        Rec* current = nullptr;
        std::int64_t next = 0;
        int step = 0;
    };
    std::vector<Rec> recs;
    recs.reserve(1000);
    std::int64_t now = secs("2026-11-23T07:00:00+07:00");
    auto clock = [&](std::int64_t t) {
        REQUIRE(t >= now);
        now = t;
        set_clock(p, at(now));
    };
    const std::vector<std::string> days{"2026-11-23", "2026-11-24", "2026-11-25"};
    int left_overnight = 0;
    for (const auto& day : days) {
        const std::int64_t open = secs(day + "T07:30:00+07:00");
        clock(open);
        std::vector<Desk> desks{{1, lan, "lan"}, {3, binh, "binh"}};
        for (auto& d : desks) {
            REQUIRE(request(p, "POST", "/api/v1/counters/" + std::to_string(d.number) + "/open",
                            d.token)
                        .status == 200);
            d.next = open;
        }
        std::vector<std::int64_t> arrivals;
        for (int i = 0; i < 180; ++i) arrivals.push_back(open + uni(0, 4 * 3600));
        std::sort(arrivals.begin(), arrivals.end());
        std::size_t ai = 0;
        const std::int64_t close = open + 4 * 3600 + 1800;
        while (true) {
            std::int64_t t_arrival = ai < arrivals.size() ? arrivals[ai] : INT64_MAX;
            auto desk =
                std::min_element(desks.begin(), desks.end(),
                                 [](const Desk& a, const Desk& b) { return a.next < b.next; });
            if (std::min(t_arrival, desk->next) >= close) break;
            if (t_arrival <= desk->next) {
                clock(t_arrival);
                const char* cats[] = {"HT", "HT", "DC", "TK"};
                const std::string cat = cats[uni(0, 3)];
                auto r = request(p, "POST", "/api/v1/tickets", w.kiosk_token,
                                 R"({"category":")" + cat + "\"}");
                REQUIRE(r.status == 201);
                Rec rec;
                rec.id = std::string(r.json().at("id").as_string());
                rec.category = cat;
                rec.issued = now;
                rec.day = day;
                rec.hour = std::string(at(now).substr(11, 2));
                recs.push_back(rec);
                ++ai;
                continue;
            }
            clock(desk->next);
            const std::string base = "/api/v1/counters/" + std::to_string(desk->number);
            if (desk->current == nullptr) {
                auto r = request(p, "POST", base + "/call-next", desk->token);
                if (r.status == 204) {
                    desk->next = now + 60;
                    continue;
                }
                REQUIRE(r.status == 200);
                const std::string id(r.json().at("id").as_string());
                auto it = std::find_if(recs.begin(), recs.end(),
                                       [&](const Rec& x) { return x.id == id; });
                REQUIRE(it != recs.end());
                desk->current = &*it;
                it->called = now;
                it->counter = desk->number;
                it->officer = desk->officer;
                it->state = "called";
                desk->step =
                    uni(0, 9) == 0
                        ? 3
                        : (uni(0, 1) ? 1 : 2);  // 3: absent; 1: press start; 2: finish directly
                desk->next = now + uni(10, 60);
                continue;
            }
            Rec& t = *desk->current;
            if (desk->step == 3) {
                REQUIRE(request(p, "POST", base + "/no-show", desk->token).status == 200);
                t.state = "no_show";
                t.finished = now;
                desk->current = nullptr;
                desk->next = now + 5;
            } else if (desk->step == 1) {
                REQUIRE(request(p, "POST", base + "/start", desk->token).status == 200);
                t.started = now;
                desk->step = 2;
                desk->next = now + uni(60, 900);
            } else {
                if (t.started < 0)
                    t.started = t.called;  // never pressed Start: service from the call
                REQUIRE(
                    request(p, "POST", base + "/finish", desk->token, R"({"outcome":"resolved"})")
                        .status == 200);
                t.state = "done";
                t.finished = now;
                if (uni(0, 9) < 7) {
                    t.rating = uni(1, 5);
                    REQUIRE(request(p, "POST", "/api/v1/ratings", w.kiosk_token,
                                    R"({"ticket":")" + t.id + R"(","level":)" +
                                        std::to_string(t.rating) + "}")
                                .status == 201);
                }
                desk->current = nullptr;
                desk->next = now + uni(5, 30);
            }
        }
        // close the desks; what still waits expires overnight
        for (auto& d : desks) {
            if (day == days[1] && d.number == 1) {
                // On the second day desk 1 goes home with a citizen still at it: the end-of-day
                // rule closes the visit, with no service time (DESIGN.md §3).
                if (d.current == nullptr) {
                    auto r = request(p, "POST", "/api/v1/counters/1/call-next", d.token);
                    REQUIRE(r.status == 200);
                    const std::string id(r.json().at("id").as_string());
                    auto it = std::find_if(recs.begin(), recs.end(),
                                           [&](const Rec& x) { return x.id == id; });
                    REQUIRE(it != recs.end());
                    it->called = now;
                    it->counter = 1;
                    it->officer = d.officer;
                    d.current = &*it;
                }
                d.current->state = "done";
                if (d.current->started < 0) d.current->started = d.current->called;
                d.current->finished = -1;
                ++left_overnight;
                continue;
            }
            if (d.current != nullptr &&
                d.current->started >= 0) {  // being served: finish the visit
                REQUIRE(request(p, "POST",
                                "/api/v1/counters/" + std::to_string(d.number) + "/finish", d.token,
                                R"({"outcome":"guidance"})")
                            .status == 200);
                d.current->state = "done";
                d.current->finished = now;
            } else if (d.current != nullptr) {
                REQUIRE(request(p, "POST",
                                "/api/v1/counters/" + std::to_string(d.number) + "/no-show",
                                d.token)
                            .status == 200);
                d.current->state = "no_show";
                d.current->finished = now;
            }
            REQUIRE(request(p, "POST", "/api/v1/counters/" + std::to_string(d.number) + "/close",
                            d.token)
                        .status == 200);
        }
        for (auto& r : recs)
            if (r.day == day && r.state == "waiting") r.state = "expired";
        clock(secs(day + "T23:59:59+07:00") + 1);  // midnight: expiry happens now
    }
    REQUIRE(recs.size() >= 500);
    CHECK(left_overnight == 1);

    auto report = [&](const std::string& group, const std::string& format = "json") {
        return request(p, "GET",
                       "/api/v1/reports/turnaround?from=2026-11-23&to=2026-11-25&group_by=" +
                           group + "&format=" + format,
                       lan);
    };
    auto check_grouping = [&](const std::string& group, auto key_of) {
        INFO("group_by=" << group);
        auto r = report(group);
        REQUIRE(r.status == 200);
        auto body = r.json().as_object();
        CHECK(body.at("from") == "2026-11-23");
        CHECK(body.at("group_by") == group.c_str());
        std::map<std::string, std::vector<const Rec*>> groups;
        std::vector<const Rec*> all;
        for (const auto& rec : recs) {
            all.push_back(&rec);
            if (auto k = key_of(rec); !k.empty()) groups[k].push_back(&rec);
        }
        std::map<std::string, json::object> rows;
        for (const auto& row : body.at("rows").as_array())
            rows[std::string(row.at("key").as_string())] = row.as_object();
        for (const auto& [k, v] : groups) {
            INFO("key " << k);
            REQUIRE(rows.contains(k));
            check_row(expected_row(k, v, targets), rows.at(k));
        }
        check_row(expected_row("total", all, targets), body.at("total").as_object());
    };
    check_grouping("category", [](const Rec& r) { return r.category; });
    check_grouping("counter", [](const Rec& r) {
        return r.counter ? std::to_string(r.counter) : std::string();
    });
    check_grouping("officer", [](const Rec& r) { return r.officer; });
    check_grouping("day", [](const Rec& r) { return r.day; });
    check_grouping("hour", [](const Rec& r) { return r.hour; });

    SECTION("CSV and XLSX hold the same figures as JSON") {
        auto csv = report("category", "csv");
        REQUIRE(csv.status == 200);
        CHECK(csv.body.rfind("\xEF\xBB\xBF", 0) == 0);  // BOM
        CHECK(csv.body.find("wait_s_mean") != std::string::npos);
        auto xlsx = report("category", "xlsx");
        REQUIRE(xlsx.status == 200);
        TempDir dir;
        const auto path = dir.path / "r.xlsx";
        std::ofstream(path, std::ios::binary) << xlsx.body;
        const std::string cmd = std::string("python3 ") + MOTCUA_SOURCE_DIR +
                                "/tests/service/read_xlsx.py " + path.string();
        std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
        REQUIRE(pipe);
        std::string sheet;
        char buf[4096];
        while (std::fgets(buf, sizeof buf, pipe.get()) != nullptr) sheet += buf;
        // CSV rows (after the header) and sheet rows (after title and heading) hold the same cells
        std::vector<std::vector<std::string>> csv_rows, xlsx_rows;
        std::istringstream cs(csv.body.substr(3));
        std::string line;
        std::getline(cs, line);
        while (std::getline(cs, line)) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            std::vector<std::string> cells;
            std::string cell;
            bool quoted = false;
            for (char c : line) {
                if (c == '"')
                    quoted = !quoted;
                else if (c == ',' && !quoted) {
                    cells.push_back(cell);
                    cell.clear();
                } else
                    cell += c;
            }
            cells.push_back(cell);
            csv_rows.push_back(cells);
        }
        std::istringstream xs(sheet);
        int n = 0;
        while (std::getline(xs, line)) {
            if (++n <= 3) continue;  // "#sheet", title, headings
            std::vector<std::string> cells;
            std::stringstream ls(line);
            std::string cell;
            while (std::getline(ls, cell, '\t')) cells.push_back(cell);
            xlsx_rows.push_back(cells);
        }
        REQUIRE(csv_rows.size() == xlsx_rows.size());
        for (std::size_t i = 0; i < csv_rows.size(); ++i) {
            REQUIRE(csv_rows[i].size() == xlsx_rows[i].size());
            for (std::size_t c = 0; c < csv_rows[i].size(); ++c) {
                if (c < 2)
                    CHECK(csv_rows[i][c] == xlsx_rows[i][c]);
                else
                    CHECK(std::stod(csv_rows[i][c]) ==
                          Approx(std::stod(xlsx_rows[i][c])).margin(1e-9));
            }
        }
    }
    SECTION("the CLI gives the same figures") {
        for (const char* group : {"category", "officer", "hour"}) {
            auto cli = run_cli({"report", "turnaround", "--config", config_path(), "--db",
                                w.db.string(), "--from", "2026-11-23", "--to", "2026-11-25",
                                "--group-by", group, "--format", "json"});
            INFO(cli.err);
            REQUIRE(cli.exit_code == 0);
            CHECK(json::parse(cli.out) == report(group).json());
        }
        auto csv = run_cli({"report", "turnaround", "--config", config_path(), "--db",
                            w.db.string(), "--from", "2026-11-23", "--to", "2026-11-25",
                            "--group-by", "day", "--format", "csv"});
        CHECK(csv.out == report("day", "csv").body);
        // bad usage: exit 2 and one line naming the problem
        auto bad =
            run_cli({"report", "turnaround", "--config", config_path(), "--db", w.db.string(),
                     "--from", "2026-11-23", "--to", "2026-11-25", "--group-by", "week"});
        CHECK(bad.exit_code == 2);
        CHECK(bad.err ==
              "motcua-service: --group-by must be one of: category, counter, officer, day, hour\n");
        auto by_ward =
            run_cli({"report", "turnaround", "--config", config_path(), "--db", w.db.string(),
                     "--from", "2026-11-23", "--to", "2026-11-25", "--group-by", "ward"});
        CHECK(by_ward.exit_code == 2);  // the hub's grouping, refused like an unknown one
        CHECK(by_ward.err == bad.err);
        auto no_out =
            run_cli({"report", "turnaround", "--config", config_path(), "--db", w.db.string(),
                     "--from", "2026-11-23", "--to", "2026-11-25", "--format", "xlsx"});
        CHECK(no_out.exit_code == 2);
    }
    SECTION("bad queries and roles") {
        CHECK(request(p, "GET", "/api/v1/reports/turnaround?from=2026-11-23&to=2026-11-25",
                      w.kiosk_token)
                  .status == 403);
        CHECK(
            request(p, "GET", "/api/v1/reports/turnaround?from=2026-11-23&to=2026-11-25").status ==
            401);
        CHECK(request(p, "GET", "/api/v1/reports/turnaround?to=2026-11-25", lan).status == 400);
        CHECK(request(p, "GET", "/api/v1/reports/turnaround?from=2026-11-26&to=2026-11-25", lan)
                  .status == 400);
        CHECK(request(p, "GET",
                      "/api/v1/reports/turnaround?from=2026-11-23&to=2026-11-25&group_by=week", lan)
                  .status == 400);
        // A province hub's grouping: a ward has only itself, and answers as for any unknown name.
        auto by_ward =
            request(p, "GET",
                    "/api/v1/reports/turnaround?from=2026-11-23&to=2026-11-25&group_by=ward", lan);
        CHECK(by_ward.status == 400);
        CHECK(by_ward.body.find("must be one of: category, counter, officer, day, hour\"") !=
              std::string::npos);
        CHECK(request(p, "GET",
                      "/api/v1/reports/turnaround?from=2026-11-23&to=2026-11-25&format=pdf", lan)
                  .status == 400);
        CHECK(request(p, "GET", "/api/v1/reports/turnaround?from=2026-13-01&to=2026-11-25", lan)
                  .status == 400);
    }
    SECTION("the estimates report equals the figures computed from what each ticket was told") {
        // What each called ticket was told at issue: its median and range from the API, the
        // simple rule's figure (which stays in the ward) from the database file.
        std::map<std::string, std::int64_t> baseline;
        {
            const std::string out = shell(fmt::format(
                "sqlite3 -separator ' ' '{}' 'SELECT id, est_baseline_s FROM tickets WHERE "
                "est_baseline_s IS NOT NULL'",
                w.db.string()));
            std::istringstream lines(out);
            std::string id;
            std::int64_t b = 0;
            while (lines >> id >> b) baseline[id] = b;
        }
        struct Told {
            std::string category, day, hour;
            std::int64_t wait = 0, low = 0, high = 0, base = 0, real = 0;
        };
        std::vector<Told> told;
        for (const auto& rec : recs) {
            if (rec.called < 0) continue;
            const auto t = request(p, "GET", "/api/v1/tickets/" + rec.id).json();
            const auto& e = t.at("estimate_at_issue");
            REQUIRE(e.is_object());
            REQUIRE(baseline.contains(rec.id));
            told.push_back(
                {rec.category, rec.day, rec.hour, e.at("wait_s").to_number<std::int64_t>(),
                 e.at("low_s").to_number<std::int64_t>(), e.at("high_s").to_number<std::int64_t>(),
                 baseline.at(rec.id), rec.called - rec.issued});
        }
        REQUIRE(told.size() > 200);
        const auto expected = [](const std::string& key, const std::vector<const Told*>& rows) {
            std::int64_t n = 0, abs_err = 0, err = 0, within = 0, late = 0, b_abs = 0, b_err = 0,
                         b_within = 0, b_late = 0;
            for (const Told* t : rows) {
                ++n;
                abs_err += std::llabs(t->wait - t->real);
                err += t->wait - t->real;
                within += t->low <= t->real && t->real <= t->high;
                late += t->real > t->wait + 300;
                b_abs += std::llabs(t->base - t->real);
                b_err += t->base - t->real;
                b_within += std::lround(t->real / 60.0) == std::lround(t->base / 60.0);
                b_late += t->real > t->base + 300;
            }
            const auto mean = [&](std::int64_t x) { return n == 0 ? 0.0 : round1(1.0 * x / n); };
            const auto pct = [&](std::int64_t x) { return n == 0 ? 0.0 : round1(100.0 * x / n); };
            return json::object{{"key", key},
                                {"tickets", n},
                                {"mae_s", mean(abs_err)},
                                {"bias_s", mean(err)},
                                {"within_range_pct", pct(within)},
                                {"late_over_5min_pct", pct(late)},
                                {"baseline_mae_s", mean(b_abs)},
                                {"baseline_bias_s", mean(b_err)},
                                {"baseline_within_range_pct", pct(b_within)},
                                {"baseline_late_over_5min_pct", pct(b_late)}};
        };
        const auto estimates = [&](const std::string& group, const std::string& format = "json") {
            return request(p, "GET",
                           "/api/v1/reports/estimates?from=2026-11-23&to=2026-11-25&group_by=" +
                               group + "&format=" + format,
                           lan);
        };
        const auto check = [&](const std::string& group, auto key_of) {
            INFO("group_by=" << group);
            auto r = estimates(group);
            REQUIRE(r.status == 200);
            const auto body = r.json().as_object();
            std::map<std::string, std::vector<const Told*>> groups;
            std::vector<const Told*> all;
            for (const auto& t : told) {
                groups[key_of(t)].push_back(&t);
                all.push_back(&t);
            }
            std::map<std::string, json::object> rows;
            for (const auto& row : body.at("rows").as_array())
                rows[std::string(row.at("key").as_string())] = row.as_object();
            for (const auto& [k, v] : groups) {
                INFO("key " << k);
                REQUIRE(rows.contains(k));
                check_row(expected(k, v), rows.at(k));
            }
            check_row(expected("total", all), body.at("total").as_object());
            // The CLI reads the same database and gives the same report.
            auto cli = run_cli({"report", "estimates", "--config", config_path(), "--db",
                                w.db.string(), "--from", "2026-11-23", "--to", "2026-11-25",
                                "--group-by", group, "--format", "json"});
            INFO(cli.err);
            REQUIRE(cli.exit_code == 0);
            CHECK(json::parse(cli.out) == r.json());
        };
        check("category", [](const Told& t) { return t.category; });
        check("day", [](const Told& t) { return t.day; });
        check("hour", [](const Told& t) { return t.hour; });
        // The backtest replays the three days through the engine: the estimator tells every
        // ticket what it was told live, and the simple rule what the ward stored beside it.
        {
            auto bt = run_cli({"backtest", "--config", config_path(), "--db", w.db.string(),
                               "--from", "2026-11-23", "--to", "2026-11-25", "--format", "json"});
            INFO(bt.err);
            REQUIRE(bt.exit_code == 0);
            const auto b = json::parse(bt.out);
            CHECK(b.at("diverged") == 0);
            CHECK(b.at("events").to_number<std::int64_t>() > 1000);
            const auto total = estimates("day").json().at("total");
            const auto& methods = b.at("methods").as_array();
            REQUIRE(methods.size() == 4);
            CHECK(methods[0].at("name") == "estimator");
            CHECK(methods[1].at("name") == "simple_rule");
            for (const char* k :
                 {"tickets", "mae_s", "bias_s", "within_range_pct", "late_over_5min_pct"}) {
                INFO(k);
                CHECK(methods[0].at(k) == total.at(k));
                CHECK(methods[1].at(k) == (std::string(k) == "tickets"
                                               ? total.at(k)
                                               : total.at(std::string("baseline_") + k)));
            }
            CHECK(methods[2].at("tickets") == total.at("tickets"));
            CHECK(methods[3].at("tickets") == total.at("tickets"));
            auto text = run_cli({"backtest", "--config", config_path(), "--db", w.db.string(),
                                 "--from", "2026-11-23", "--to", "2026-11-25"});
            CHECK(text.exit_code == 0);
            CHECK(text.out.find("last_called") != std::string::npos);
            auto wrong = run_cli({"backtest", "--config", config_path(), "--db", w.db.string(),
                                  "--from", "2026-11-25", "--to", "2026-11-23"});
            CHECK(wrong.exit_code == 2);
            CHECK(wrong.err == "motcua-service: --to is before --from\n");
        }
        // The CSV holds the JSON's figures, a line per row and the total.
        const auto csv = estimates("category", "csv");
        REQUIRE(csv.status == 200);
        CHECK(csv.headers.at("Content-Type") == "text/csv; charset=utf-8");
        CHECK(csv.headers.at("Content-Disposition").find("uoc-tinh-2026-11-23-2026-11-25.csv") !=
              std::string::npos);
        const auto total = estimates("category").json().at("total");
        CHECK(csv.body.find(fmt::format("\"total\",\"Tổng cộng\",{},",
                                        total.at("tickets").as_int64())) != std::string::npos);
        // Bad queries change nothing and say what is wrong.
        CHECK(estimates("week").status == 400);
        CHECK(estimates("day", "xlsx").status == 400);
        // A ward has only itself: the hub's `ward` grouping is refused here, as for turnaround.
        const auto by_ward = estimates("ward");
        CHECK(by_ward.status == 400);
        CHECK(by_ward.body.find("one of: category, day, hour\"") != std::string::npos);
        CHECK(request(p, "GET", "/api/v1/reports/estimates?from=2026-11-23&to=2026-11-25",
                      w.kiosk_token)
                  .status == 403);
        auto bad = run_cli({"report", "estimates", "--config", config_path(), "--db", w.db.string(),
                            "--from", "2026-11-23", "--to", "2026-11-25", "--group-by", "week"});
        CHECK(bad.exit_code == 2);
        CHECK(bad.err == "motcua-service: --group-by must be one of: category, day, hour\n");
        auto ward =
            run_cli({"report", "estimates", "--config", config_path(), "--db", w.db.string(),
                     "--from", "2026-11-23", "--to", "2026-11-25", "--group-by", "ward"});
        CHECK(ward.exit_code == 2);
        CHECK(ward.err == bad.err);
    }
    SECTION("the ratings list holds every rating with its counter and officer") {
        auto r = request(p, "GET", "/api/v1/reports/ratings?from=2026-11-23&to=2026-11-25", lan);
        REQUIRE(r.status == 200);
        const auto body = r.json();
        const auto& list = body.at("ratings").as_array();
        std::size_t rated = 0;
        for (const auto& rec : recs) rated += rec.rating > 0;
        CHECK(list.size() == rated);
        for (const auto& item : list) {
            const std::string id(item.at("ticket").as_string());
            auto it =
                std::find_if(recs.begin(), recs.end(), [&](const Rec& x) { return x.id == id; });
            REQUIRE(it != recs.end());
            CHECK(item.at("level") == it->rating);
            CHECK(item.at("counter") == it->counter);
            CHECK(item.at("officer") == it->officer.c_str());
        }
    }
}

TEST_CASE("officer idle time on a scenario built to have known idle time",
          "[reports][integration]") {
    Ward w;
    Service s(w.db);
    const int p = s.port();
    const std::string lan = w.login(s);
    set_clock(p, "2026-11-23T08:00:00+07:00");
    REQUIRE(request(p, "POST", "/api/v1/counters/1/open", lan).status == 200);  // open from 08:00
    set_clock(p, "2026-11-23T08:10:00+07:00");
    REQUIRE(request(p, "POST", "/api/v1/tickets", w.kiosk_token, R"({"category":"HT"})").status ==
            201);
    REQUIRE(request(p, "POST", "/api/v1/tickets", w.kiosk_token, R"({"category":"VX"})").status ==
            201);                               // not served at 1
    set_clock(p, "2026-11-23T08:15:00+07:00");  // idle 5 min while A001 waits
    REQUIRE(request(p, "POST", "/api/v1/counters/1/call-next", lan).status == 200);
    set_clock(p, "2026-11-23T08:25:00+07:00");  // serving 10 min
    REQUIRE(
        request(p, "POST", "/api/v1/counters/1/finish", lan, R"({"outcome":"guidance"})").status ==
        200);
    set_clock(p, "2026-11-23T08:30:00+07:00");
    REQUIRE(request(p, "POST", "/api/v1/counters/1/pause", lan).status ==
            200);  // paused 10 min: not open
    set_clock(p, "2026-11-23T08:40:00+07:00");
    REQUIRE(request(p, "POST", "/api/v1/counters/1/open", lan).status == 200);
    set_clock(p, "2026-11-23T08:50:00+07:00");
    REQUIRE(request(p, "POST", "/api/v1/counters/1/close", lan).status == 200);
    auto r = request(
        p, "GET", "/api/v1/reports/turnaround?from=2026-11-23&to=2026-11-23&group_by=officer", lan);
    REQUIRE(r.status == 200);
    const auto body = r.json();
    const auto& row = body.at("rows").at(0).as_object();
    CHECK(row.at("key") == "lan");
    CHECK(row.at("label") == "Nguyễn Thị Lan");
    CHECK(row.at("open_s") == 40 * 60);     // 08:00–08:30 and 08:40–08:50
    CHECK(row.at("serving_s") == 10 * 60);  // 08:15–08:25
    CHECK(row.at("idle_s") == 30 * 60);
    CHECK(row.at("idle_while_waiting_s") ==
          5 * 60);  // 08:10–08:15 (the VX ticket is not its to serve)
    CHECK(body.at("total").at("open_s") == 40 * 60);
}

TEST_CASE("waits histogram: each served ticket's wait in its bucket, the targets on edges",
          "[reports][integration]") {
    Ward w;
    Service s(w.db);
    const int p = s.port();
    const std::string lan = w.login(s);
    auto issue = [&](const char* category) {
        auto r = request(p, "POST", "/api/v1/tickets", w.kiosk_token,
                         std::string(R"({"category":")") + category + "\"}");
        REQUIRE(r.status == 201);
    };
    auto desk = [&](const char* action, const std::optional<std::string>& body = std::nullopt) {
        REQUIRE(request(p, "POST", std::string("/api/v1/counters/1/") + action, lan, body).status ==
                200);
    };
    const std::string resolved = R"({"outcome":"resolved"})";
    set_clock(p, "2026-11-23T08:00:00+07:00");
    desk("open");  // counter 1 serves HT and TK
    issue("HT");
    desk("call-next");  // HT waited 0 s
    set_clock(p, "2026-11-23T08:05:00+07:00");
    desk("finish", resolved);
    issue("HT");
    set_clock(p, "2026-11-23T08:20:00+07:00");
    desk("call-next");  // HT waited 900 s: exactly its target
    set_clock(p, "2026-11-23T08:25:00+07:00");
    desk("finish", resolved);
    issue("TK");
    set_clock(p, "2026-11-23T08:36:00+07:00");
    desk("call-next");  // TK waited 660 s: a minute past its target
    set_clock(p, "2026-11-23T08:40:00+07:00");
    desk("finish", resolved);
    issue("HT");
    set_clock(p, "2026-11-23T08:41:30+07:00");
    desk("call-next");
    set_clock(p, "2026-11-23T08:42:00+07:00");
    desk("no-show");  // absent: not served, not in the histogram
    issue("HT");
    set_clock(p, "2026-11-23T08:43:00+07:00");
    issue("VX");  // nobody here serves VX: still waiting
    set_clock(p, "2026-11-23T09:17:00+07:00");
    desk("call-next");  // HT waited 2100 s
    set_clock(p, "2026-11-23T09:20:00+07:00");
    desk("finish", resolved);

    auto r = request(p, "GET", "/api/v1/reports/waits?from=2026-11-23&to=2026-11-29", lan);
    REQUIRE(r.status == 200);
    const auto body = r.json().as_object();
    CHECK(body.at("from") == "2026-11-23");
    CHECK(body.at("to") == "2026-11-29");
    // Two-minute buckets would put the 15-minute target inside one: five minutes put every
    // target of a category that served someone (HT 15, TK 10) on an edge.
    CHECK(body.at("bucket_s") == 300);
    const json::array edges{0, 300, 600, 900, 1200, 1500, 1800, 2100, 2400};
    CHECK(body.at("edges_s") == edges);
    const auto& categories = body.at("categories").as_array();
    REQUIRE(categories.size() == 4);  // every category of the office, in its order
    const auto category = [&](std::size_t i) { return categories.at(i).as_object(); };
    CHECK(category(0).at("key") == "HT");
    CHECK(category(0).at("label") == "Tư pháp - Hộ tịch");
    CHECK(category(0).at("target_wait_s") == 900);
    CHECK(category(0).at("served") == 3);
    // 0 s in the first bucket; 900 s in (600, 900], the last within target; 2100 s in (1800, 2100].
    CHECK(category(0).at("counts") == json::array{1, 0, 1, 0, 0, 0, 1, 0});
    CHECK(category(1).at("key") == "DC");
    CHECK(category(1).at("served") == 0);
    CHECK(category(2).at("key") == "VX");
    CHECK(category(2).at("counts") == json::array{0, 0, 0, 0, 0, 0, 0, 0});
    CHECK(category(3).at("key") == "TK");
    CHECK(category(3).at("target_wait_s") == 600);
    CHECK(category(3).at("counts") == json::array{0, 0, 1, 0, 0, 0, 0, 0});  // 660 s: over 600
    CHECK(body.at("total").at("served") == 4);
    CHECK(body.at("total").at("counts") == json::array{1, 0, 2, 0, 0, 0, 1, 0});

    // The same tickets as the turnaround report's waits.
    auto t =
        request(p, "GET", "/api/v1/reports/turnaround?from=2026-11-23&to=2026-11-29", lan).json();
    CHECK(t.at("total").at("served") == body.at("total").at("served"));
    CHECK(t.at("total").at("wait_s").at("max") == 2100);

    SECTION("a period without a served ticket has one empty bucket") {
        auto empty = request(p, "GET", "/api/v1/reports/waits?from=2026-11-24&to=2026-11-24", lan);
        REQUIRE(empty.status == 200);
        CHECK(empty.json().at("edges_s") == json::array{0, 60});
        CHECK(empty.json().at("total").at("counts") == json::array{0});
    }
    SECTION("bad queries and roles") {
        // a kiosk is not an officer
        CHECK(
            request(p, "GET", "/api/v1/reports/waits?from=2026-11-23&to=2026-11-23", w.kiosk_token)
                .status == 403);
        // nobody at all
        CHECK(request(p, "GET", "/api/v1/reports/waits?from=2026-11-23&to=2026-11-23").status ==
              401);
        // no first day
        CHECK(request(p, "GET", "/api/v1/reports/waits?to=2026-11-23", lan).status == 400);
        // the days reversed
        CHECK(
            request(p, "GET", "/api/v1/reports/waits?from=2026-11-24&to=2026-11-23", lan).status ==
            400);
        // reports are read, never written
        CHECK(
            request(p, "POST", "/api/v1/reports/waits?from=2026-11-23&to=2026-11-23", lan).status ==
            405);
    }
    SECTION("Excel of every grouping: one workbook, a sheet each") {
        auto all = request(
            p, "GET",
            "/api/v1/reports/turnaround?from=2026-11-23&to=2026-11-29&group_by=all&format=xlsx",
            lan);
        REQUIRE(all.status == 200);
        CHECK(all.headers["Content-Disposition"] ==
              "attachment; filename=\"bao-cao-tat-ca-2026-11-23-2026-11-29.xlsx\"");
        TempDir dir;
        const auto path = dir.path / "all.xlsx";
        std::ofstream(path, std::ios::binary) << all.body;
        const std::string cmd = std::string("python3 ") + MOTCUA_SOURCE_DIR +
                                "/tests/service/read_xlsx.py " + path.string();
        std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
        REQUIRE(pipe);
        std::string sheet;
        char buf[4096];
        while (std::fgets(buf, sizeof buf, pipe.get()) != nullptr) sheet += buf;
        std::size_t sheets = 0;
        for (std::size_t at = sheet.find("#sheet"); at != std::string::npos;
             at = sheet.find("#sheet", at + 1))
            ++sheets;
        CHECK(sheets == 5);
        CHECK(sheet.find("Nguyễn Thị Lan") != std::string::npos);  // the officers' sheet
        // group_by=all is for the workbook only: a CSV or JSON holds one grouping
        CHECK(
            request(
                p, "GET",
                "/api/v1/reports/turnaround?from=2026-11-23&to=2026-11-29&group_by=all&format=csv",
                lan)
                .status == 400);
        CHECK(request(p, "GET",
                      "/api/v1/reports/turnaround?from=2026-11-23&to=2026-11-29&group_by=all", lan)
                  .status == 400);
    }
}
