// The hub's doors: tokens, roles, a ward writing another's events, malformed and oversized
// batches, seq gaps, the same batch from two hub processes at once. Nothing bad is stored.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <optional>
#include <thread>

#include "hub_rig.hpp"
#include "motcua/hub.hpp"

using namespace harness;
using namespace hubtest;
namespace json = boost::json;

namespace {

// A batch body of ward `code`, whose categories are Hộ tịch (and Chứng thực).
std::string batch_body(const std::string& code, json::array events, bool certification = false) {
    json::array categories{{{"code", "HT"},
                            {"name_vi", "Hộ tịch"},
                            {"name_en", "Civil status"},
                            {"target_wait_s", 900}}};
    if (certification)
        categories.push_back({{"code", "CT"},
                              {"name_vi", "Chứng thực"},
                              {"name_en", "Certification"},
                              {"target_wait_s", 600}});
    json::object ward{{"unit_code", code},
                      {"name", "Phường"},
                      {"time_zone", "Asia/Ho_Chi_Minh"},
                      {"scale", "5"},
                      {"categories", std::move(categories)},
                      {"procedures", json::array{}}};
    return json::serialize(json::object{{"ward", ward}, {"events", std::move(events)}});
}

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
    return batch_body(code, std::move(events));
}

// ticket_called events of tickets told an estimate at 08:00, called at 08:05 (a real wait of
// 300 s), as a ward ships them; `told` holds (wait, low, high, baseline) or nothing for a ticket
// told nothing. The first ticket was issued at Chứng thực and transferred to Hộ tịch. Events
// from seq `first`; the k-th is of ticket k.
std::string estimate_batch(const std::string& code,
                           const std::vector<std::optional<std::array<int, 4>>>& told,
                           std::int64_t first = 1) {
    json::array events;
    for (std::size_t i = 0; i < told.size(); ++i) {
        const auto seq = first + static_cast<std::int64_t>(i);
        json::object ticket{{"id", fmt::format("E{:015}", i + 1)},
                            {"day", "2026-11-23"},
                            {"number", fmt::format("A{:03}", seq)},
                            {"category", "HT"},
                            {"issued_category", i == 0 ? "CT" : "HT"},
                            {"priority", false},
                            {"state", "called"},
                            {"issued_at", "2026-11-23T08:00:00+07:00"},
                            {"called_at", "2026-11-23T08:05:00+07:00"},
                            {"counter", 1}};
        if (const auto& t = told[i])
            ticket["estimate_at_issue"] = {{"wait_s", (*t)[0]},
                                           {"low_s", (*t)[1]},
                                           {"high_s", (*t)[2]},
                                           {"baseline_s", (*t)[3]}};
        events.push_back({{"seq", seq},
                          {"type", "ticket_called"},
                          {"at", "2026-11-23T08:05:00+07:00"},
                          {"ticket", std::move(ticket)}});
    }
    return batch_body(code, std::move(events), true);
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
    SECTION("estimates re-sent for tickets stored without them: the ward's own, once") {
        REQUIRE(
            ingest(a, estimate_batch("000.00.01.H01", {std::nullopt, std::nullopt, std::nullopt}))
                .status == 200);
        const std::string ack(motcua::hub::kAckPath);
        const std::string refill(motcua::hub::kRefillPath);
        CHECK(get_json(hub.port, ack, a).at("refill_estimates") == true);
        const std::string e =
            "/api/v1/reports/estimates?from=2026-11-23&to=2026-11-23&ward=000.00.01.H01";
        CHECK(get_json(hub.port, e, province).at("total").at("tickets") == 0);
        const auto page = [](std::initializer_list<const char*> ids, bool done) {
            json::array tickets;
            for (const char* id : ids)
                tickets.push_back(
                    {{"id", id},
                     {"day", "2026-11-23"},
                     {"issued_category", "CT"},
                     {"estimate_at_issue",
                      {{"wait_s", 240}, {"low_s", 120}, {"high_s", 420}, {"baseline_s", 300}}}});
            return json::serialize(json::object{{"tickets", tickets}, {"done", done}});
        };
        // Another ward's token cannot touch ward one's tickets: its own have those ids not.
        auto foreign = request(hub.port, "POST", refill, b, page({"E000000000000001"}, false));
        CHECK(foreign.status == 200);
        CHECK(foreign.json().at("updated") == 0);
        // Ward one's: two of its tickets and an id it does not have.
        auto own = request(hub.port, "POST", refill, a,
                           page({"E000000000000001", "E000000000000002", "nope"}, false));
        REQUIRE(own.status == 200);
        CHECK(own.json().at("updated") == 2);
        CHECK(get_json(hub.port, ack, a).at("refill_estimates") == true);  // not done yet
        auto figures = get_json(hub.port, e + "&group_by=category", province);
        CHECK(figures.at("total").at("tickets") == 2);
        CHECK(figures.at("total").at("mae_s").to_number<double>() == 60.0);  // |240 − 300|
        CHECK(figures.at("rows").at(1).at("key") == "CT");
        CHECK(figures.at("rows").at(1).at("tickets") == 2);
        // Bad pages are refused and change nothing.
        CHECK(request(hub.port, "POST", refill, a, R"({"tickets":[{"id":"E000000000000003"}]})")
                  .status == 400);
        CHECK(request(hub.port, "POST", refill, a, R"({"tickets":{}})").status == 400);
        CHECK(request(hub.port, "POST", refill, province, page({}, true)).status == 403);
        CHECK(get_json(hub.port, e, province).at("total").at("tickets") == 2);
        // A later event of the ticket that does not know its estimate keeps it.
        REQUIRE(ingest(a, estimate_batch("000.00.01.H01", {std::nullopt}, 4)).status == 200);
        CHECK(get_json(hub.port, e, province).at("total").at("tickets") == 2);
        // The last page: the hub stops asking.
        REQUIRE(request(hub.port, "POST", refill, a, page({}, true)).status == 200);
        CHECK(get_json(hub.port, ack, a).at("refill_estimates") == false);
        CHECK(get_json(hub.port, ack, b).at("refill_estimates") == true);
    }
    SECTION("estimates: each ward's shipped tickets measured, by ward or category, in its scope") {
        // Ward one: real wait 300 s against told 300 (in range), 600 (over, out of range) and
        // 60 (under, out of range); a ticket told nothing does not count.
        REQUIRE(
            ingest(a, estimate_batch("000.00.01.H01",
                                     {std::array{300, 200, 400, 300}, std::array{600, 500, 700, 0},
                                      std::array{60, 0, 120, 900}, std::nullopt}))
                .status == 200);
        // Ward two: one ticket told 0 s, exactly five minutes short, which is not yet "late".
        REQUIRE(ingest(b, estimate_batch("000.00.02.H02", {std::array{0, 0, 0, 0}})).status == 200);
        const std::string e = "/api/v1/reports/estimates?from=2026-11-23&to=2026-11-23";
        auto by_ward = get_json(hub.port, e, province);
        CHECK(by_ward.at("group_by") == "ward");
        REQUIRE(by_ward.at("rows").as_array().size() == 2);
        const auto& one = by_ward.at("rows").at(0);
        CHECK(one.at("key") == "000.00.01.H01");
        CHECK(one.at("label") == "Phường Một");
        CHECK(one.at("tickets") == 3);
        CHECK(one.at("mae_s").to_number<double>() == 180.0);            // (0 + 300 + 240) / 3
        CHECK(one.at("bias_s").to_number<double>() == 20.0);            // (0 + 300 − 240) / 3
        CHECK(one.at("within_range_pct").to_number<double>() == 33.3);  // the first only
        CHECK(one.at("late_over_5min_pct").to_number<double>() == 0.0);
        CHECK(one.at("baseline_mae_s").to_number<double>() == 300.0);  // (0 + 300 + 600) / 3
        CHECK(one.at("baseline_bias_s").to_number<double>() == 100.0);
        const auto& two = by_ward.at("rows").at(1);
        CHECK(two.at("tickets") == 1);
        CHECK(two.at("late_over_5min_pct").to_number<double>() == 0.0);  // exactly 5 minutes
        CHECK(two.at("bias_s").to_number<double>() == -300.0);
        CHECK(by_ward.at("total").at("tickets") == 4);
        CHECK(by_ward.at("total").at("mae_s").to_number<double>() == 210.0);  // 840 / 4
        // By category of issue: the transferred ticket counts where it was issued.
        auto by_category =
            get_json(hub.port, e + "&group_by=category&ward=000.00.01.H01", province);
        REQUIRE(by_category.at("rows").as_array().size() == 2);
        CHECK(by_category.at("rows").at(0).at("key") == "HT");
        CHECK(by_category.at("rows").at(0).at("tickets") == 2);
        CHECK(by_category.at("rows").at(1).at("key") == "CT");
        CHECK(by_category.at("rows").at(1).at("label") == "Chứng thực");
        CHECK(by_category.at("rows").at(1).at("tickets") == 1);
        auto by_hour = get_json(hub.port, e + "&group_by=hour", province);
        REQUIRE(by_hour.at("rows").as_array().size() == 1);
        CHECK(by_hour.at("rows").at(0).at("key") == "08");
        CHECK(by_hour.at("rows").at(0).at("tickets") == 4);
        // A ward_viewer sees its own ward only; others are refused, like every hub report.
        auto own = get_json(hub.port, e, viewer);
        REQUIRE(own.at("rows").as_array().size() == 1);
        CHECK(own.at("total").at("tickets") == 3);
        CHECK(request(hub.port, "GET", e + "&ward=000.00.02.H02", viewer).status == 403);
        CHECK(request(hub.port, "GET", e).status == 401);
        CHECK(request(hub.port, "GET", e, a).status == 403);
        // Bad groupings and formats: 400 with the choices.
        auto bad = request(hub.port, "GET", e + "&group_by=counter", province);
        CHECK(bad.status == 400);
        CHECK(error_code(bad) == "invalid_query");
        CHECK(bad.body.find("category, day, hour, ward") != std::string::npos);
        CHECK(request(hub.port, "GET", e + "&format=xlsx", province).status == 400);
        // CSV for a spreadsheet: a row per ward and the total.
        auto csv = request(hub.port, "GET", e + "&format=csv", province);
        CHECK(csv.status == 200);
        CHECK(csv.headers.at("Content-Type") == "text/csv; charset=utf-8");
        CHECK(csv.body.find("Phường, xã") != std::string::npos);
        CHECK(csv.body.find("000.00.02.H02") != std::string::npos);
        CHECK(std::count(csv.body.begin(), csv.body.end(), '\n') == 4);
    }
}
