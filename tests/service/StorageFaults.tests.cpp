// Disk faults (DESIGN.md §6, issue 16): when the disk refuses writes the service answers 503
// storage_unavailable, acknowledges nothing that is not durable, keeps answering reads, loses
// nothing it acknowledged, and takes changes again by itself once the disk does. The faults come
// from a test SQLite VFS that fails writes (SQLITE_FULL) or writes and syncs (I/O errors).
#include <fmt/format.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <catch2/catch.hpp>
#include <filesystem>
#include <future>
#include <map>
#include <set>
#include <thread>

#include "api/ward.hpp"
#include "auth/crypto.hpp"
#include "fault_vfs.hpp"
#include "test_callers.hpp"

using namespace motcua;
using harness::FaultVfs;

namespace {

struct Rig {
    std::filesystem::path dir;
    WardConfig config;
    OfficeZone zone;
    TestClock clock{*parse_rfc3339("2026-11-23T08:00:00+07:00")};
    std::unique_ptr<store::Store> store;
    std::unique_ptr<api::Ward> ward;
    std::string kiosk, officer;

    Rig()
        : dir(std::filesystem::temp_directory_path() /
              fmt::format("motcua-storage-{}", ::getpid())),
          config(*load_config(std::filesystem::path(MOTCUA_SOURCE_DIR) /
                              "assets/config/ward-demo.toml")),
          zone(*OfficeZone::load(config.time_zone)) {
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        REQUIRE(auth::init_crypto());
        FaultVfs::instance().set(FaultVfs::Mode::healthy);
        auto opened = store::Store::open((dir / "ward.db").string(), FaultVfs::name());
        REQUIRE(opened);
        store = std::move(*opened);
        REQUIRE(store->write([&](store::WriteTx& tx) {
            const auto callers = harness::add_test_callers(tx, clock.now());
            kiosk = callers.kiosk;
            officer = callers.officer;
        }));
        ward = std::make_unique<api::Ward>(config, zone, clock, &clock, *store);
    }
    ~Rig() {
        FaultVfs::instance().set(FaultVfs::Mode::healthy);
        ward->quiesce();
        ward.reset();
        store.reset();
        std::filesystem::remove_all(dir);
    }

    api::Reply call(const std::string& method, const std::string& path, const std::string& token,
                    const std::string& body = "") {
        api::Request r;
        r.method = method;
        r.path = path;
        r.content_type = "application/json";
        r.body = body.empty() && method == "POST" ? "{}" : body;
        r.remote = "192.0.2.10";
        if (!token.empty()) r.authorization = "Bearer " + token;
        std::promise<api::Reply> done;
        auto answer = done.get_future();
        ward->handle(r, [&done](api::Reply reply) { done.set_value(std::move(reply)); });
        REQUIRE(answer.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
        return answer.get();
    }
    api::Reply issue(const std::string& category, const std::string& key = "") {
        const std::string body =
            key.empty()
                ? fmt::format(R"({{"category":"{}"}})", category)
                : fmt::format(R"({{"category":"{}","idempotency_key":"{}"}})", category, key);
        return call("POST", "/api/v1/tickets", kiosk, body);
    }
    /// The ward tries the disk again at most once a second.
    static void wait_for_probe() { std::this_thread::sleep_for(std::chrono::milliseconds(1100)); }
    /// Stored tickets' numbers, read from the database file by a connection of its own.
    std::set<std::string> stored_numbers() {
        store::Database db((dir / "ward.db").string(), true);
        auto st = db.prepare("SELECT number FROM tickets");
        std::set<std::string> out;
        while (st.step()) out.insert(st.text(0));
        return out;
    }
    /// The event log's sequence numbers, in order.
    std::vector<std::int64_t> stored_seqs() {
        store::Database db((dir / "ward.db").string(), true);
        auto st = db.prepare("SELECT seq FROM events ORDER BY seq");
        std::vector<std::int64_t> out;
        while (st.step()) out.push_back(st.int64(0));
        return out;
    }
};

boost::json::value body_of(const api::Reply& r) {
    return boost::json::parse(r.body);
}
std::string error_code(const api::Reply& r) {
    return std::string(body_of(r).at("error").at("code").as_string());
}
std::string number_of(const api::Reply& r) {
    return std::string(body_of(r).at("number").as_string());
}
bool has_retry_after(const api::Reply& r) {
    for (const auto& [name, value] : r.headers)
        if (name == "Retry-After") return true;
    return false;
}
int waiting_in(Rig& rig, const std::string& category) {
    const auto reply = rig.call("GET", "/api/v1/categories", rig.kiosk);
    REQUIRE(reply.status == 200);
    const auto categories = body_of(reply);
    for (const auto& c : categories.as_array())
        if (c.at("code").as_string() == category)
            return static_cast<int>(c.at("waiting").as_int64());
    FAIL("no category " << category);
    return -1;
}

}  // namespace

TEST_CASE("a full disk: 503 storage_unavailable, reads still answer, and it recovers by itself",
          "[storage][faults]") {
    Rig rig;
    const auto first = rig.issue("HT");
    REQUIRE(first.status == 201);
    const std::string first_id(body_of(first).at("id").as_string());
    REQUIRE(number_of(first) == "A001");

    FaultVfs::instance().set(FaultVfs::Mode::full);
    const auto refused = rig.issue("HT");
    CHECK(refused.status == 503);
    CHECK(error_code(refused) == "storage_unavailable");
    CHECK(has_retry_after(refused));
    CHECK(FaultVfs::instance().refused() > 0);
    // Later changes are refused too, without building on what was lost.
    const auto open = rig.call("POST", "/api/v1/counters/1/open", rig.officer);
    CHECK(open.status == 503);
    CHECK(error_code(open) == "storage_unavailable");

    // Reads answer, from what is durable: the refused ticket is not waiting.
    CHECK(rig.call("GET", "/api/v1/tickets/" + first_id, "").status == 200);
    CHECK(waiting_in(rig, "HT") == 1);
    CHECK(rig.call("GET", "/api/v1/counters", rig.kiosk).status == 200);
    CHECK(rig.stored_numbers() == std::set<std::string>{"A001"});

    // Space comes back: the service takes changes again without a restart (the per-second
    // tick finds out; a request may too).
    FaultVfs::instance().set(FaultVfs::Mode::healthy);
    rig.wait_for_probe();
    rig.ward->tick();
    const auto again = rig.issue("HT");
    REQUIRE(again.status == 201);
    CHECK(number_of(again) == "A002");  // the refused one was never given to anyone
    CHECK(rig.call("POST", "/api/v1/counters/1/open", rig.officer).status == 200);
    CHECK(rig.stored_numbers() == std::set<std::string>{"A001", "A002"});
    // The event log has no hole where the lost events were.
    const auto seqs = rig.stored_seqs();
    for (std::size_t i = 0; i < seqs.size(); ++i) CHECK(seqs[i] == static_cast<int64_t>(i + 1));
}

TEST_CASE("failing writes and syncs (I/O errors) lose nothing acknowledged, mid-service",
          "[storage][faults]") {
    Rig rig;
    REQUIRE(rig.call("POST", "/api/v1/counters/1/open", rig.officer).status == 200);
    std::map<std::string, std::string> acknowledged;  // number -> state told
    for (int i = 0; i < 5; ++i) {
        const auto r = rig.issue("HT");
        REQUIRE(r.status == 201);
        acknowledged[number_of(r)] = "waiting";
    }
    const auto called = rig.call("POST", "/api/v1/counters/1/call-next", rig.officer);
    REQUIRE(called.status == 200);
    acknowledged[number_of(called)] = "called";

    FaultVfs::instance().set(FaultVfs::Mode::io_error);
    CHECK(rig.call("POST", "/api/v1/counters/1/start", rig.officer).status == 503);
    CHECK(rig.issue("HT").status == 503);
    const std::string rating = R"({"ticket":"nope","level":5})";
    CHECK(rig.call("POST", "/api/v1/ratings", rig.kiosk, rating).status != 201);
    // Still failing: each try is refused and changes nothing.
    for (int i = 0; i < 3; ++i) {
        rig.ward->tick();
        CHECK(rig.issue("HT").status == 503);
    }

    FaultVfs::instance().set(FaultVfs::Mode::healthy);
    rig.wait_for_probe();
    rig.ward->tick();
    // The call stands (it was acknowledged); the refused start did not happen.
    const auto counters_body = body_of(rig.call("GET", "/api/v1/counters", rig.kiosk));
    const auto& counters = counters_body.as_array();
    const auto& current = counters.at(0).at("current");
    REQUIRE(current.is_object());
    CHECK(current.at("state").as_string() == "called");
    CHECK(rig.call("POST", "/api/v1/counters/1/start", rig.officer).status == 200);

    // A restart reads back exactly what was acknowledged.
    rig.ward->quiesce();
    rig.ward = std::make_unique<api::Ward>(rig.config, rig.zone, rig.clock, &rig.clock, *rig.store);
    std::set<std::string> told;
    for (const auto& [number, state] : acknowledged) told.insert(number);
    CHECK(rig.stored_numbers() == told);
    CHECK(waiting_in(rig, "HT") == 4);
}

TEST_CASE("a ticket request retried with its idempotency key after a disk fault gives one ticket",
          "[storage][faults][idempotency]") {
    Rig rig;
    FaultVfs::instance().set(FaultVfs::Mode::full);
    CHECK(rig.issue("HT", "kiosk-key-0001").status == 503);
    FaultVfs::instance().set(FaultVfs::Mode::healthy);
    rig.wait_for_probe();
    rig.ward->tick();
    const auto first = rig.issue("HT", "kiosk-key-0001");
    REQUIRE(first.status == 201);
    const auto repeat = rig.issue("HT", "kiosk-key-0001");
    REQUIRE(repeat.status == 201);
    CHECK(body_of(repeat).at("id") == body_of(first).at("id"));
    CHECK(rig.stored_numbers() == std::set<std::string>{number_of(first)});
}
