// The role matrix: every row of the ward's route table, called by every kind of caller, through
// the real dispatcher. A route added to the table without an entry in the matrix below fails.
#include <fmt/format.h>

#include <boost/json.hpp>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <set>

#include "api/openapi.hpp"
#include "api/ward.hpp"
#include "auth/crypto.hpp"
#include "test_callers.hpp"

using namespace motcua;

namespace {

enum class Caller { anonymous, kiosk, rating, board, officer, supervisor, admin };
constexpr std::array kCallers{Caller::anonymous, Caller::kiosk,      Caller::rating, Caller::board,
                              Caller::officer,   Caller::supervisor, Caller::admin};
const std::set<Caller> kEveryone{kCallers.begin(), kCallers.end()};
const std::set<Caller> kLoggedIn{Caller::kiosk,   Caller::rating,     Caller::board,
                                 Caller::officer, Caller::supervisor, Caller::admin};
const std::set<Caller> kOfficers{Caller::officer, Caller::supervisor, Caller::admin};

// DESIGN.md §4, written out independently of the table: who may call each route.
const std::map<std::string, std::set<Caller>> kMatrix{
    {"GET /metrics", kEveryone},
    {"GET /t/{id}", kEveryone},
    {"GET /api/v1/healthz", kEveryone},
    {"GET /api/v1/openapi.yaml", kEveryone},
    {"POST /api/v1/auth/login", kEveryone},
    {"GET /api/v1/categories", kLoggedIn},
    {"GET /api/v1/procedures", kLoggedIn},
    {"GET /api/v1/procedures/{code}/due-date", kLoggedIn},
    {"GET /api/v1/counters", kLoggedIn},
    {"POST /api/v1/tickets", {Caller::kiosk}},
    {"GET /api/v1/tickets/{id}", kEveryone},
    {"GET /api/v1/public/queue", kEveryone},
    {"POST /api/v1/ratings", {Caller::kiosk, Caller::rating}},
    {"GET /api/v1/events", kLoggedIn},
    {"POST /api/v1/counters/{n}/open", kOfficers},
    {"POST /api/v1/counters/{n}/close", kOfficers},
    {"POST /api/v1/counters/{n}/pause", kOfficers},
    {"POST /api/v1/counters/{n}/call-next", kOfficers},
    {"POST /api/v1/counters/{n}/recall", kOfficers},
    {"POST /api/v1/counters/{n}/start", kOfficers},
    {"POST /api/v1/counters/{n}/no-show", kOfficers},
    {"POST /api/v1/counters/{n}/reinstate", kOfficers},
    {"POST /api/v1/counters/{n}/transfer", kOfficers},
    {"POST /api/v1/counters/{n}/finish", kOfficers},
    {"GET /api/v1/dossiers/{code}", kEveryone},
    {"POST /api/v1/dossiers/{code}/status", kOfficers},
    {"POST /api/v1/dossiers/{code}/apology", kOfficers},
    {"GET /api/v1/dossiers/{code}/forms/{form}", kOfficers},
    {"GET /api/v1/reports/turnaround", kOfficers},
    {"GET /api/v1/reports/ratings", kOfficers},
    {"GET /api/v1/reports/waits", kOfficers},
    {"GET /api/v1/reports/dossiers", kOfficers},
    {"GET /api/v1/reports/appointments", kOfficers},
    {"GET /api/v1/reports/estimates", kOfficers},
    {"GET /api/v1/public/slots", kEveryone},
    {"POST /api/v1/public/appointments", kEveryone},
    {"GET /api/v1/public/appointments/{code}", kEveryone},
    {"POST /api/v1/public/appointments/{code}/cancel", kEveryone},
    {"POST /api/v1/appointments/{code}/check-in", {Caller::kiosk}},
    {"GET /api/v1/appointments", kOfficers},
    {"GET /dat-lich", kEveryone},
    {"POST /dat-lich", kEveryone},
    {"GET /dat-lich/{code}", kEveryone},
    {"POST /dat-lich/{code}/huy", kEveryone},
    {"GET /api/v1/reports/dossier-register", kOfficers},
    {"POST /api/v1/test/clock", kEveryone},
};

struct Rig {
    std::filesystem::path dir;
    WardConfig config;
    OfficeZone zone;
    TestClock clock{*parse_rfc3339("2026-11-23T08:00:00+07:00")};
    std::unique_ptr<store::Store> store;
    std::unique_ptr<api::Ward> ward;
    std::map<Caller, std::string> tokens;

    Rig()
        : dir(std::filesystem::temp_directory_path() / fmt::format("motcua-routes-{}", ::getpid())),
          config(*load_config(std::filesystem::path(MOTCUA_SOURCE_DIR) /
                              "assets/config/ward-demo.toml")),
          zone(*OfficeZone::load(config.time_zone)) {
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        REQUIRE(auth::init_crypto());
        auto opened = store::Store::open((dir / "ward.db").string());
        REQUIRE(opened);
        store = std::move(*opened);
        REQUIRE(store->write([&](store::WriteTx& tx) {
            const auto t = harness::add_test_callers(tx, clock.now());
            tokens = {{Caller::kiosk, t.kiosk},           {Caller::rating, t.rating},
                      {Caller::board, t.board},           {Caller::officer, t.officer},
                      {Caller::supervisor, t.supervisor}, {Caller::admin, t.admin}};
        }));
        ward = std::make_unique<api::Ward>(config, zone, clock, &clock, *store);
    }
    ~Rig() {
        ward.reset();
        store.reset();
        std::filesystem::remove_all(dir);
    }

    api::Reply call(const std::string& method, const std::string& path, Caller who) {
        api::Request r;
        r.method = method;
        r.path = path;
        r.content_type = "application/json";
        r.body = method == "POST" ? "{}" : "";
        r.remote = "127.0.0.1";
        if (who != Caller::anonymous) r.authorization = "Bearer " + tokens.at(who);
        std::promise<api::Reply> done;
        auto answer = done.get_future();
        ward->handle(r, [&done](api::Reply reply) { done.set_value(std::move(reply)); });
        REQUIRE(answer.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
        return answer.get();
    }
};

std::string error_code(const api::Reply& reply) {
    boost::system::error_code ec;
    auto v = boost::json::parse(reply.body, ec);
    if (ec || !v.is_object() || !v.as_object().contains("error")) return "";
    return std::string(v.at("error").at("code").as_string());
}

// A concrete path for a pattern: parameters become plausible values.
std::string concrete(const std::string& pattern) {
    std::string out = pattern;
    for (auto [param, value] :
         {std::pair{"{n}", "1"}, std::pair{"{id}", "AbCdEfGh12345678"},
          std::pair{"{code}", "000.00.00.H00-261123-0001"}, std::pair{"{form}", "01"}})
        if (auto at = out.find(param); at != std::string::npos)
            out.replace(at, std::string_view(param).size(), value);
    return out;
}

}  // namespace

TEST_CASE(
    "every route of the table has its row in the role matrix, and only those callers get through",
    "[routes]") {
    Rig rig;
    std::set<std::string> seen;
    for (const auto& route : rig.ward->router().routes()) {
        const std::string key = route.method + " " + route.pattern.text();
        INFO(key);
        seen.insert(key);
        REQUIRE(kMatrix.contains(key));  // a new route must be added to the matrix
        const auto& allowed = kMatrix.at(key);
        for (Caller c : kCallers) {
            INFO("caller " << static_cast<int>(c));
            const api::Reply reply = rig.call(route.method, concrete(route.pattern.text()), c);
            const std::string code = error_code(reply);
            if (allowed.contains(c)) {
                CHECK(code != "unauthorized");
                CHECK(code != "forbidden");
            } else if (c == Caller::anonymous) {
                CHECK(reply.status == 401);
                CHECK(code == "unauthorized");
            } else {
                CHECK(reply.status == 403);
                CHECK(code == "forbidden");
            }
        }
    }
    for (const auto& [key, callers] : kMatrix) {
        INFO(key);
        CHECK(seen.contains(key));  // the matrix names no route the table lacks
    }
}

TEST_CASE("the dispatcher answers 404 for unknown paths and 405 with Allow for a wrong method",
          "[routes]") {
    Rig rig;
    SECTION("bad inputs") {
        // No such path, even for an officer.
        CHECK(rig.call("GET", "/api/v1/nothing-here", Caller::officer).status == 404);
        // Unknown paths are 404 before any credentials are asked for.
        CHECK(rig.call("GET", "/api/v1/reports/unknown", Caller::anonymous).status == 404);
        // A known path with the wrong method.
        const auto reply = rig.call("DELETE", "/api/v1/tickets", Caller::kiosk);
        CHECK(reply.status == 405);
        CHECK(error_code(reply) == "method_not_allowed");
        REQUIRE(reply.headers.size() == 1);
        CHECK(reply.headers[0] == std::pair<std::string, std::string>{"Allow", "POST"});
        // A bad token on a route that needs one is refused.
        api::Request r;
        r.method = "GET";
        r.path = "/api/v1/categories";
        r.authorization = "Bearer not-a-token";
        std::promise<api::Reply> done;
        rig.ward->handle(r, [&done](api::Reply reply) { done.set_value(std::move(reply)); });
        CHECK(done.get_future().get().status == 401);
    }
    SECTION("metrics labels are the route patterns") {
        CHECK(rig.ward->route_label("POST", "/api/v1/counters/3/call-next") ==
              "/api/v1/counters/{n}/call-next");
        CHECK(rig.ward->route_label("GET", "/t/abc") == "/t/{id}");
        CHECK(rig.ward->route_label("GET", "/nope") == "other");
    }
}

// The document is compiled in as several string literals (none may pass 64 KiB): joined again
// they must be the file, byte for byte.
TEST_CASE("GET /api/v1/openapi.yaml answers docs/openapi.yaml as it is", "[routes]") {
    std::ifstream in(std::filesystem::path(MOTCUA_SOURCE_DIR) / "docs/openapi.yaml",
                     std::ios::binary);
    const std::string file{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    REQUIRE(file.size() > 65536);  // the case the pieces are for
    CHECK(api::openapi_document() == file);
    Rig rig;
    const api::Reply reply = rig.call("GET", "/api/v1/openapi.yaml", Caller::anonymous);
    CHECK(reply.status == 200);
    CHECK(reply.body == file);
}
