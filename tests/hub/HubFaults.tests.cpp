// The hub's doors: tokens, roles, a ward writing another's events, malformed and oversized
// batches, seq gaps, the same batch from two hub processes at once. Nothing bad is stored.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <thread>

#include "hub_rig.hpp"
#include "motcua/hub.hpp"

using namespace harness;
using namespace hubtest;
namespace json = boost::json;

namespace {

// A batch of `n` ticket_issued events from seq `first`, for ward `code`.
std::string batch(const std::string& code, std::int64_t first, int n) {
    json::array events;
    for (int i = 0; i < n; ++i) {
        const auto seq = first + i;
        events.push_back({{"seq", seq},
                          {"type", "ticket_issued"},
                          {"at", "2026-11-23T08:00:00+07:00"},
                          {"ticket",
                           {{"id", fmt::format("T{:015}", seq)},
                            {"day", "2026-11-23"},
                            {"number", fmt::format("A{:03}", seq)},
                            {"category", "HT"},
                            {"priority", false},
                            {"state", "waiting"},
                            {"issued_at", "2026-11-23T08:00:00+07:00"}}}});
    }
    json::object ward{{"unit_code", code},
                      {"name", "Phường"},
                      {"time_zone", "Asia/Ho_Chi_Minh"},
                      {"scale", "5"},
                      {"categories", json::array{{{"code", "HT"},
                                                  {"name_vi", "Hộ tịch"},
                                                  {"name_en", "Civil status"},
                                                  {"target_wait_s", 900}}}},
                      {"procedures", json::array{}}};
    return json::serialize(json::object{{"ward", ward}, {"events", events}});
}

std::int64_t stored(Hub& hub, const std::string& code) {
    return hub.db.query(fmt::format("SELECT count(*) FROM events WHERE ward = '{}'", code))[0][0]
        .as<std::int64_t>();
}

std::string error_code(const Response& r) {
    boost::system::error_code ec;
    auto v = json::parse(r.body, ec);
    if (ec || !v.is_object() || !v.as_object().contains("error")) return "";
    return std::string(v.at("error").at("code").as_string());
}

}  // namespace

TEST_CASE("the hub refuses bad tokens, foreign wards, anonymous and out-of-scope readers",
          "[hub][integration]") {
    Hub hub;
    hub.start();
    const std::string a = hub.add_ward("000.00.01.H01", "Phường Một");
    const std::string b = hub.add_ward("000.00.02.H02", "Phường Hai");
    const std::string province = hub.add_user("tinh", "province");
    const std::string viewer = hub.add_user("xem", "ward_viewer", "000.00.01.H01");
    const auto ingest = [&](const std::string& token, const std::string& body) {
        return request(hub.port, "POST", std::string(motcua::hub::kIngestPath), token, body);
    };

    SECTION("bad inputs") {
        // A token nobody holds: 401, nothing stored.
        CHECK(ingest("not-a-token", batch("000.00.01.H01", 1, 3)).status == 401);
        // No token at all.
        CHECK(ingest("", batch("000.00.01.H01", 1, 3)).status == 401);
        // Ward A's token carrying ward B's events.
        auto foreign = ingest(a, batch("000.00.02.H02", 1, 3));
        CHECK(foreign.status == 403);
        CHECK(error_code(foreign) == "wrong_ward");
        // A province officer's session is not a ward's token.
        CHECK(ingest(province, batch("000.00.01.H01", 1, 3)).status == 403);
        // Not JSON at all.
        CHECK(ingest(a, "{\"ward\": [").status == 400);
        // JSON, but a seq that is a string.
        std::string wrong_type = batch("000.00.01.H01", 1, 1);
        wrong_type.replace(wrong_type.find("\"seq\":1"), 7, "\"seq\":\"1\"");
        CHECK(ingest(a, wrong_type).status == 400);
        // A gap inside the batch.
        std::string gap = batch("000.00.01.H01", 1, 3);
        gap.replace(gap.find("\"seq\":3"), 7, "\"seq\":4");
        CHECK(error_code(ingest(a, gap)) == "seq_gap");
        // A batch that does not start right after what the hub has (nothing yet: seq 1).
        auto late = ingest(a, batch("000.00.01.H01", 5, 2));
        CHECK(late.status == 409);
        CHECK(error_code(late) == "seq_gap");
        // More events than a batch may hold.
        CHECK(
            ingest(a, batch("000.00.01.H01", 1, static_cast<int>(motcua::hub::kMaxBatchEvents) + 1))
                .status == 413);
        // A body over the size limit: refused from its announced length, before it is read.
        const auto huge = raw_exchange(
            hub.port, fmt::format("POST {} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {}\r\n"
                                  "Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
                                  motcua::hub::kIngestPath, a, motcua::hub::kMaxBatchBytes + 10));
        CHECK(huge.rfind("HTTP/1.1 413", 0) == 0);
        // Not declared as JSON.
        CHECK(request(hub.port, "POST", std::string(motcua::hub::kIngestPath), a,
                      batch("000.00.01.H01", 1, 1), "text/plain")
                  .status == 415);
        // A NUL character, which no person types and PostgreSQL cannot store.
        std::string nul = batch("000.00.01.H01", 1, 1);
        nul.replace(nul.find("\"A001\""), 6, "\"A\\u0000\"");
        CHECK(ingest(a, nul).status == 400);
        // A day twenty years back: a broken clock or a forged batch, never a partition.
        std::string old_day = batch("000.00.01.H01", 1, 1);
        for (auto at = old_day.find("2026-11-23"); at != std::string::npos;
             at = old_day.find("2026-11-23"))
            old_day.replace(at, 10, "2006-11-23");
        auto far = ingest(a, old_day);
        CHECK(far.status == 422);
        CHECK(error_code(far) == "day_out_of_range");
        CHECK(hub.db.query("SELECT count(*) FROM pg_tables WHERE tablename LIKE '%2006%'")[0][0]
                  .as<int>() == 0);
        CHECK(stored(hub, "000.00.01.H01") == 0);
        CHECK(stored(hub, "000.00.02.H02") == 0);
    }
    SECTION("a batch sent twice, or to two hub processes at once, is stored once") {
        Service second(hub.launch(0));
        const std::string body = batch("000.00.01.H01", 1, 50);
        Response r1, r2;
        std::thread t1([&] { r1 = ingest(a, body); });
        std::thread t2([&] {
            r2 = request(second.port(), "POST", std::string(motcua::hub::kIngestPath), a, body);
        });
        t1.join();
        t2.join();
        CHECK(r1.status == 200);
        CHECK(r2.status == 200);
        CHECK(r1.json().at("stored").as_int64() + r2.json().at("stored").as_int64() == 50);
        auto again = ingest(a, body);
        CHECK(again.status == 200);
        CHECK(again.json().at("stored").as_int64() == 0);
        CHECK(again.json().at("acked_seq").as_int64() == 50);
        // Overlapping: 41..60 stores 51..60 only.
        auto overlap = ingest(a, batch("000.00.01.H01", 41, 20));
        CHECK(overlap.json().at("stored").as_int64() == 10);
        CHECK(stored(hub, "000.00.01.H01") == 60);
        CHECK(hub.db.query("SELECT count(DISTINCT seq) FROM events")[0][0].as<int>() == 60);
        CHECK(hub.db.query("SELECT count(*) FROM tickets")[0][0].as<int>() == 60);
    }
    SECTION("readers: anonymous 401, ward tokens 403, a ward_viewer sees only its ward") {
        REQUIRE(ingest(a, batch("000.00.01.H01", 1, 4)).status == 200);
        REQUIRE(ingest(b, batch("000.00.02.H02", 1, 7)).status == 200);
        const std::string t =
            "/api/v1/reports/turnaround?from=2026-11-23&to=2026-11-23&group_by=ward";
        CHECK(request(hub.port, "GET", t).status == 401);
        CHECK(request(hub.port, "GET", "/api/v1/wards").status == 401);
        CHECK(request(hub.port, "GET", t, a).status == 403);
        CHECK(request(hub.port, "GET", "/api/v1/wards", viewer).status == 403);
        // The viewer's report holds its own ward only, whatever it asks for.
        auto own = get_json(hub.port, t, viewer);
        REQUIRE(own.at("rows").as_array().size() == 1);
        CHECK(own.at("rows").at(0).at("key") == "000.00.01.H01");
        CHECK(own.at("total").at("issued") == 4);
        CHECK(request(hub.port, "GET", t + "&ward=000.00.02.H02", viewer).status == 403);
        // The province sees both, and every ward's shipping state.
        auto all = get_json(hub.port, t, province);
        CHECK(all.at("rows").as_array().size() == 2);
        CHECK(all.at("total").at("issued") == 11);
        auto wards = get_json(hub.port, "/api/v1/wards", province);
        REQUIRE(wards.as_array().size() == 2);
        CHECK(wards.at(1).at("acked_seq") == 7);
        CHECK(request(hub.port, "GET", t + "&ward=999.99.99.X99", province).status == 404);
    }
}
