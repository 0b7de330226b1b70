// The province hub end to end: three wards on the test clock ship to a hub on a throwaway
// PostgreSQL; the hub's reports equal each ward's own, through faults, and nothing personal or
// foreign gets in.
#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <thread>

#include "hub_rig.hpp"

using namespace harness;
using namespace hubtest;
namespace json = boost::json;

namespace {

const std::vector<std::pair<std::string, std::string>> kWards{
    {"000.00.01.H01", "Phường Một"}, {"000.00.02.H02", "Phường Hai"}, {"000.00.03.H03", "Xã Ba"}};
const std::vector<std::string> kDays{"2026-11-23", "2026-11-24", "2026-11-25"};

std::string report(const std::string& kind, const std::string& from, const std::string& to,
                   const std::string& group, const std::string& ward = "") {
    std::string t =
        fmt::format("/api/v1/reports/{}?from={}&to={}&group_by={}", kind, from, to, group);
    if (!ward.empty()) t += "&ward=" + ward;
    return t;
}

// Every ward's report equals the hub's report of that ward, for the period and for one day.
void check_figures_match(Hub& hub, std::vector<std::unique_ptr<ShippingWard>>& wards,
                         const std::string& province) {
    for (auto& w : wards) {
        REQUIRE(w->wait_shipped());
        for (const auto& [from, to] :
             {std::pair{kDays.front(), kDays.back()}, std::pair{kDays[1], kDays[1]}}) {
            for (const char* group : {"category", "day", "hour"}) {
                INFO(w->code << " turnaround " << from << ".." << to << " by " << group);
                CHECK(
                    get_json(hub.port, report("turnaround", from, to, group, w->code), province) ==
                    get_json(w->port(), report("turnaround", from, to, group), w->officer));
            }
            for (const char* group : {"category", "day", "hour"}) {
                INFO(w->code << " estimates " << from << ".." << to << " by " << group);
                CHECK(get_json(hub.port, report("estimates", from, to, group, w->code), province) ==
                      get_json(w->port(), report("estimates", from, to, group), w->officer));
            }
            for (const char* group : {"category", "procedure"}) {
                INFO(w->code << " II.06a " << from << ".." << to << " by " << group);
                CHECK(get_json(hub.port, report("dossiers", from, to, group, w->code), province) ==
                      get_json(w->port(), report("dossiers", from, to, group), w->officer));
            }
        }
    }
    // The province's II.06a: a row per ward, each the ward's own total; the total is their sum.
    const auto province_form =
        get_json(hub.port, report("dossiers", kDays.front(), kDays.back(), "ward"), province);
    const auto& rows = province_form.at("rows").as_array();
    REQUIRE(rows.size() == wards.size());
    for (std::size_t i = 0; i < wards.size(); ++i) {
        const auto own =
            get_json(wards[i]->port(), report("dossiers", kDays.front(), kDays.back(), "category"),
                     wards[i]->officer);
        CHECK(rows[i].at("key") == json::value(wards[i]->code));
        for (const auto& [column, value] : own.at("total").as_object())
            if (column != "key" && column != "label") CHECK(rows[i].at(column) == value);
    }
    for (const auto& [column, value] : province_form.at("total").as_object()) {
        if (!value.is_int64()) continue;
        std::int64_t sum = 0;
        for (const auto& row : rows) sum += row.at(column).as_int64();
        INFO(column);
        CHECK(value.as_int64() == sum);
    }
    // The turnaround by ward: each row is the ward's own total.
    const auto by_ward =
        get_json(hub.port, report("turnaround", kDays.front(), kDays.back(), "ward"), province);
    for (std::size_t i = 0; i < wards.size(); ++i) {
        auto own = get_json(wards[i]->port(),
                            report("turnaround", kDays.front(), kDays.back(), "category"),
                            wards[i]->officer)
                       .at("total")
                       .as_object();
        own["key"] = wards[i]->code;
        own["label"] = wards[i]->name;
        CHECK(by_ward.at("rows").at(i) == json::value(own));
    }
    // The estimates' accuracy by ward: each row is the ward's own total, over tickets that were
    // told an estimate (every ward's simulated days call some).
    const auto estimates =
        get_json(hub.port, report("estimates", kDays.front(), kDays.back(), "ward"), province);
    std::int64_t told = 0;
    for (std::size_t i = 0; i < wards.size(); ++i) {
        auto own =
            get_json(wards[i]->port(), report("estimates", kDays.front(), kDays.back(), "day"),
                     wards[i]->officer)
                .at("total")
                .as_object();
        CHECK(own.at("tickets").as_int64() > 0);
        told += own.at("tickets").as_int64();
        own["key"] = wards[i]->code;
        own["label"] = wards[i]->name;
        CHECK(estimates.at("rows").at(i) == json::value(own));
    }
    CHECK(estimates.at("total").at("tickets").as_int64() == told);
}

// Every ward's events are stored once, seq 1 to its last, no gap, no duplicate.
void check_exactly_once(Hub& hub, std::vector<std::unique_ptr<ShippingWard>>& wards) {
    for (auto& w : wards) {
        const auto last = w->last_seq();
        auto r =
            hub.db.query(fmt::format("SELECT count(*), count(DISTINCT seq), min(seq), max(seq) "
                                     "FROM events WHERE ward = '{}'",
                                     w->code));
        INFO(w->code);
        CHECK(r[0][0].as<std::int64_t>() == last);
        CHECK(r[0][1].as<std::int64_t>() == last);
        CHECK(r[0][2].as<std::int64_t>() == 1);
        CHECK(r[0][3].as<std::int64_t>() == last);
        CHECK(
            hub.db
                .query(fmt::format("SELECT acked_seq FROM wards WHERE code = '{}'", w->code))[0][0]
                .as<std::int64_t>() == last);
    }
}

}  // namespace

TEST_CASE(
    "three wards ship to the hub, whose figures equal each ward's through kill -9 and a day "
    "offline",
    "[hub][integration]") {
    Hub hub;
    hub.start();
    const std::string province = hub.add_user("tinh", "province");
    std::vector<std::unique_ptr<ShippingWard>> wards;
    for (const auto& [code, name] : kWards) {
        wards.push_back(std::make_unique<ShippingWard>(hub, code, name));
        wards.back()->start();
    }
    Secrets secrets;
    std::vector<std::vector<std::string>> dossiers(wards.size());

    // Day 1: all up.
    for (std::size_t i = 0; i < wards.size(); ++i)
        simulate_day(*wards[i], kDays[0], 14 + 4 * static_cast<int>(i), 11 + i, secrets,
                     dossiers[i]);
    // Day 2: the hub is killed with kill -9 while wards ship, and a ward too; both come back.
    hub.kill9();
    for (std::size_t i = 0; i < wards.size(); ++i) {
        simulate_day(*wards[i], kDays[1], 12 + 3 * static_cast<int>(i), 21 + i, secrets,
                     dossiers[i]);
        if (i == 0) hub.start();  // back while the other wards are still working
    }
    wards[1]->kill9();
    wards[1]->start();
    // Day 3: the hub is down for the whole day; wards keep working and catch up afterwards.
    hub.kill9();
    for (std::size_t i = 0; i < wards.size(); ++i)
        simulate_day(*wards[i], kDays[2], 10 + 5 * static_cast<int>(i), 31 + i, secrets,
                     dossiers[i]);
    // After the period: the in-process figures are as of its end on both sides.
    for (auto& w : wards) set_clock(w->port(), "2026-11-26T07:00:00+07:00");
    // Back with a day's backlog to catch up: killed again while the first batches arrive.
    hub.start();
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    hub.kill9();
    hub.start();

    check_figures_match(hub, wards, province);
    check_exactly_once(hub, wards);

    SECTION("privacy: no applicant's name or phone and no rating comment is in any hub table") {
        REQUIRE(secrets.values.size() > 30);
        auto columns = hub.db.query(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = "
            "'public' "
            "AND data_type IN ('text', 'jsonb', 'ARRAY', 'character varying')");
        REQUIRE(columns.size() > 10);
        pqxx::connection c(hub.db.uri);
        pqxx::nontransaction w(c);
        for (const auto& col : columns) {
            const std::string table = col[0].as<std::string>();
            const std::string column = col[1].as<std::string>();
            std::string any;
            for (const auto& secret : secrets.values)
                any += fmt::format("{}position({} in {}::text) > 0", any.empty() ? "" : " OR ",
                                   w.quote(secret), column);
            INFO(table << "." << column);
            CHECK(w.exec(fmt::format("SELECT count(*) FROM {} WHERE {}", table, any))[0][0]
                      .as<int>() == 0);
        }
    }
    SECTION(
        "a second hub process on the same database serves the same figures and stores nothing "
        "twice") {
        Service second(hub.launch(0));
        CHECK(get_json(second.port(), report("turnaround", kDays.front(), kDays.back(), "ward"),
                       province) ==
              get_json(hub.port, report("turnaround", kDays.front(), kDays.back(), "ward"),
                       province));
        check_exactly_once(hub, wards);
    }
}

TEST_CASE(
    "events recorded before the hub existed ship from their public payload, with the same figures",
    "[hub][integration]") {
    Hub hub;
    hub.start();
    const std::string province = hub.add_user("tinh", "province");
    std::vector<std::unique_ptr<ShippingWard>> wards;
    wards.push_back(std::make_unique<ShippingWard>(hub, "000.00.09.H09", "Phường Cũ"));
    hub.kill9();  // the ward works before the hub exists for it
    auto& w = *wards.front();
    w.start();
    Secrets secrets;
    std::vector<std::string> dossiers;
    // Whole seconds: a public payload has no more (times to the millisecond ship in `detail`).
    simulate_day(w, kDays[0], 16, 77, secrets, dossiers, false);
    simulate_day(w, kDays[1], 12, 78, secrets, dossiers, false);
    set_clock(w.port(), "2026-11-26T07:00:00+07:00");
    REQUIRE(w.service->stop() == 0);
    // As a database from before migration 4: no event knows what it ships.
    const std::string clear =
        fmt::format("sqlite3 '{}' 'UPDATE events SET detail = NULL'", w.ward->db.string());
    REQUIRE(std::system(clear.c_str()) == 0);
    hub.start();
    w.start();
    REQUIRE(w.wait_shipped());
    w.officer = w.ward->login(*w.service);
    for (const char* group : {"category", "day"}) {
        INFO("turnaround by " << group);
        CHECK(
            get_json(hub.port, report("turnaround", kDays[0], kDays[1], group, w.code), province) ==
            get_json(w.port(), report("turnaround", kDays[0], kDays[1], group), w.officer));
    }
    CHECK(
        get_json(hub.port, report("dossiers", kDays[0], kDays[1], "category", w.code), province) ==
        get_json(w.port(), report("dossiers", kDays[0], kDays[1], "category"), w.officer));
    // The payload has no estimate's baseline, so those events shipped without their estimates;
    // the ward re-sent them from its tickets once it had shipped every event, when the hub asked.
    const auto own = get_json(w.port(), report("estimates", kDays[0], kDays[1], "day"), w.officer);
    CHECK(own.at("total").at("tickets").as_int64() > 0);
    for (const char* group : {"category", "day", "hour"}) {
        INFO("estimates by " << group);
        CHECK(
            get_json(hub.port, report("estimates", kDays[0], kDays[1], group, w.code), province) ==
            get_json(w.port(), report("estimates", kDays[0], kDays[1], group), w.officer));
    }
    CHECK_FALSE(hub.db.query("SELECT estimates_refilled_ms FROM wards")[0][0].is_null());
    check_exactly_once(hub, wards);
}

TEST_CASE("a hub process that has the month in memory sees the batches that change it",
          "[hub][integration]") {
    // The reports keep a ward's months in memory (reports/month_cache): a batch that changes a
    // month must be in the next report of the same process, with nothing stale left over.
    Hub hub;
    hub.start();
    const std::string province = hub.add_user("tinh", "province");
    std::vector<std::unique_ptr<ShippingWard>> wards;
    wards.push_back(std::make_unique<ShippingWard>(hub, "000.00.09.H08", "Phường Mới"));
    auto& w = *wards.front();
    w.start();
    Secrets secrets;
    std::vector<std::string> dossiers;
    const auto same_as_ward = [&](const std::string& from, const std::string& to) {
        REQUIRE(w.wait_shipped());
        for (const char* group : {"category", "day", "hour"}) {
            INFO("turnaround " << from << ".." << to << " by " << group);
            CHECK(get_json(hub.port, report("turnaround", from, to, group, w.code), province) ==
                  get_json(w.port(), report("turnaround", from, to, group), w.officer));
        }
    };
    simulate_day(w, kDays[0], 10, 91, secrets, dossiers);
    same_as_ward(kDays[0], kDays[2]);
    const auto issued_before =
        get_json(hub.port, report("turnaround", kDays[0], kDays[2], "ward"), province)
            .at("total")
            .at("issued")
            .as_int64();
    simulate_day(w, kDays[1], 12, 92, secrets, dossiers);
    same_as_ward(kDays[0], kDays[2]);
    same_as_ward(kDays[0], kDays[0]);
    const auto issued_after =
        get_json(hub.port, report("turnaround", kDays[0], kDays[2], "ward"), province)
            .at("total")
            .at("issued")
            .as_int64();
    CHECK(issued_after > issued_before);
    // The month was read again after each batch that changed it, and reused in between.
    const auto metrics = request(hub.port, "GET", "/metrics").body;
    const auto figure = [&](const std::string& name) {
        const auto at = metrics.find("\n" + name + " ");
        REQUIRE(at != std::string::npos);
        return std::stod(metrics.substr(at + name.size() + 2));
    };
    CHECK(figure("motcua_hub_report_months_read_total") >= 2);
    CHECK(figure("motcua_hub_report_months_reused_total") >= 4);
}

TEST_CASE("a hub serving HTTPS: wards that trust its CA ship, a ward that does not ships nothing",
          "[hub][integration][tls]") {
    Hub hub;
    hub.tls.emplace(hub.dir.path);
    hub.start();
    harness::TempDir elsewhere;
    const harness::TestCertificates stranger(
        elsewhere.path);  // another CA: it never signed the hub's certificate
    std::vector<std::unique_ptr<ShippingWard>> trusting;
    trusting.push_back(std::make_unique<ShippingWard>(hub, "000.00.07.H07", "Phường An Toàn"));
    // A config naming the wrong CA, put right on the command line: `serve --ca` wins.
    trusting.push_back(
        std::make_unique<ShippingWard>(hub, "000.00.08.H08", "Phường Dòng Lệnh", stranger.ca));
    trusting.back()->serve_args = {"--ca", hub.tls->ca};
    ShippingWard doubtful(hub, "000.00.06.H06", "Phường Nghi Ngờ", stranger.ca);
    for (auto& w : trusting) w->start();
    doubtful.start();
    Secrets secrets;
    std::vector<std::string> a, b, c;
    simulate_day(*trusting.front(), kDays[0], 8, 41, secrets, a);
    simulate_day(*trusting.back(), kDays[0], 5, 43, secrets, c);
    simulate_day(doubtful, kDays[0], 6, 42, secrets, b);
    check_exactly_once(hub, trusting);
    // The doubtful ward kept trying (and keeps everything to ship later); the hub stored nothing.
    CHECK(
        hub.db.query("SELECT count(*) FROM events WHERE ward = '000.00.06.H06'")[0][0].as<int>() ==
        0);
    const auto metrics = request(doubtful.port(), "GET", "/metrics").body;
    const auto at = metrics.find("\nmotcua_hub_failures_total ");
    REQUIRE(at != std::string::npos);
    CHECK(std::stod(metrics.substr(at + 27)) > 0);
    INFO(metrics);
    CHECK(metrics.find("\nmotcua_hub_acked_seq -1\n") != std::string::npos);  // never answered

    // A key that is not the certificate's: one line naming the problem, no server.
    const auto wrong = run_program(
        "motcua-hub", {"serve", "--config", hub.config, "--pg", hub.db.uri, "--listen",
                       "127.0.0.1:0", "--tls-cert", hub.tls->cert, "--tls-key", stranger.key});
    CHECK(wrong.exit_code != 0);
    INFO(wrong.err);
    CHECK(wrong.err.find(stranger.key) != std::string::npos);
    CHECK(std::count(wrong.err.begin(), wrong.err.end(), '\n') == 1);
}

TEST_CASE("hub logins: five failures, then 429 with Retry-After, unknown usernames alike",
          "[hub][integration]") {
    Hub hub;
    hub.start();
    hub.add_user("tinh", "province");
    const auto login = [&](const std::string& username, const std::string& password) {
        return request(
            hub.port, "POST", "/api/v1/auth/login", "",
            json::serialize(json::value{{"username", username}, {"password", password}}));
    };
    for (int i = 0; i < 4; ++i) CHECK(login("tinh", "sai").status == 401);
    CHECK(login("khong-co-ai", "sai").status == 401);  // unknown: counted like any failure
    auto refused = login("tinh", "matkhau-tinh");      // five failures from this address
    CHECK(refused.status == 429);
    CHECK(refused.json().at("error").at("code") == "too_many_attempts");
    REQUIRE(refused.headers.contains("Retry-After"));
    const int wait = std::stoi(refused.headers.at("Retry-After"));
    CHECK(wait >= 1);
    CHECK(wait <= 300);
}

TEST_CASE("motcua-hub ward add takes only a unit code a ward can have", "[hub][cli]") {
    Hub hub;
    for (const char* code : {"000.00.01.h01", "000 00 01 H01", "", "000.00.01.H01-X"}) {
        INFO(code);
        auto r = run_program("motcua-hub", {"ward", "add", "--config", hub.config, "--pg",
                                            hub.db.uri, "--code", code, "--name", "Phường Một"});
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("is not a unit code") != std::string::npos);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    }
    CHECK(!hub.add_ward("000.00.01.H01", "Phường Một").empty());
    // A database it cannot reach is named in one line, without the password.
    auto r = run_program("motcua-hub", {"ward", "add", "--config", hub.config, "--pg",
                                        "postgresql://motcua:bi-mat@127.0.0.1:1/motcua", "--code",
                                        "000.00.02.H02", "--name", "Phường Hai"});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("password=***") != std::string::npos);
    CHECK(r.err.find("bi-mat") == std::string::npos);
}
