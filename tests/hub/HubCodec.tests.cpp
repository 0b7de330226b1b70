// The ward -> hub messages (motcua/hub.hpp): round trips, the batch's shape checks, privacy
// stripping and the province ranking.
#include <catch2/catch.hpp>

#include "motcua/api.hpp"
#include "motcua/hub.hpp"
#include "pg/pool.hpp"

using namespace motcua;
using namespace motcua::hub;

namespace {

const OfficeZone& zone() {
    static const OfficeZone z = *OfficeZone::load("Asia/Ho_Chi_Minh");
    return z;
}
TimePoint at(const char* s) {
    return *parse_rfc3339(s);
}

ShippedEvent rating_event(std::int64_t seq) {
    ShippedEvent e;
    e.seq = seq;
    e.type = EventType::rating_submitted;
    e.at = at("2026-11-23T09:00:00+07:00");
    e.rating = ShippedRating{
        "abc", *parse_day("2026-11-23"), 2, {RatingReason::long_wait}, 1, "lan", e.at, "riêng tư"};
    return e;
}

}  // namespace

TEST_CASE("shipped events and batches round-trip and keep their shape", "[hub_codec]") {
    EventBatch b;
    b.ward = WardInfo{"000.17.22.H56",
                      "Phường Bến Thành",
                      "Asia/Ho_Chi_Minh",
                      SatisfactionScale::five_level,
                      {{"HT", "Hộ tịch", "Civil status", 900}},
                      {{"HT-KS", "Đăng ký khai sinh", "HT", 0}}};
    ShippedEvent t;
    t.seq = 1;
    t.type = EventType::ticket_finished;
    t.at = at("2026-11-23T08:10:00+07:00");
    t.ticket = ShippedTicket{"id1",
                             *parse_day("2026-11-23"),
                             "A001",
                             "HT",
                             true,
                             TicketState::done,
                             at("2026-11-23T08:00:00.900+07:00"),
                             at("2026-11-23T08:05:00+07:00"),
                             at("2026-11-23T08:06:00+07:00"),
                             t.at,
                             2,
                             "lan",
                             FinishOutcome::dossier_received,
                             "CT",  // issued at Chứng thực, transferred to Hộ tịch
                             EstimateAtIssue{600, 300, 900, 480}};
    ShippedEvent d;
    d.seq = 2;
    d.type = EventType::dossier_received;
    d.at = t.at;
    d.dossier = ShippedDossier{"000.17.22.H56-261123-0001",
                               *parse_day("2026-11-23"),
                               "HT-KS",
                               "HT",
                               DossierChannel::direct,
                               DossierState::received,
                               t.at,
                               *parse_day("2026-11-23"),
                               std::nullopt,
                               std::nullopt,
                               std::nullopt,
                               std::nullopt,
                               std::nullopt,
                               2,
                               "lan",
                               t.at};
    b.events = {t, d, rating_event(3)};
    auto back = decode_event_batch(*api::parse_json(api::write_json(to_json(b, zone()))));
    REQUIRE(back);
    CHECK(back->ward.unit_code == "000.17.22.H56");
    CHECK(back->ward.categories.at(0).target_wait_s == 900);
    REQUIRE(back->events.size() == 3);
    CHECK(back->events[0].ticket->officer == "lan");
    CHECK(back->events[0].ticket->outcome == FinishOutcome::dossier_received);
    CHECK(back->events[0].ticket->called_at == at("2026-11-23T08:05:00+07:00"));
    // To the millisecond, as the ward counts: this wait is 299.1 s, not 300.
    CHECK(back->events[0].ticket->issued_at == at("2026-11-23T08:00:00.900+07:00"));
    CHECK(back->events[0].ticket->category == "HT");
    CHECK(back->events[0].ticket->issued_category == "CT");
    CHECK(back->events[0].ticket->estimate == EstimateAtIssue{600, 300, 900, 480});
    CHECK(back->events[1].dossier->code == "000.17.22.H56-261123-0001");
    CHECK(back->events[2].rating->comment == "riêng tư");
    CHECK(api::write_json(to_json(*back, zone())) == api::write_json(to_json(b, zone())));

    SECTION(
        "a ticket from a ward older than the estimate: issued we know not where, told nothing") {
        auto json = to_json(b, zone());
        auto& ticket = json.at("events").as_array()[0].as_object()["ticket"].as_object();
        ticket.erase("issued_category");
        ticket.erase("estimate_at_issue");
        auto old = decode_event_batch(json);
        REQUIRE(old);
        CHECK(old->events[0].ticket->issued_category.empty());
        CHECK_FALSE(
            to_json(old->events[0], zone()).at("ticket").as_object().contains("issued_category"));
        CHECK_FALSE(old->events[0].ticket->estimate);
    }
    SECTION("an estimate the ward could not have told is refused") {
        auto json = to_json(b, zone());
        json.at("events").as_array()[0].as_object()["ticket"].as_object()["estimate_at_issue"] =
            boost::json::object{{"wait_s", -5}, {"low_s", 0}, {"high_s", 0}, {"baseline_s", 0}};
        CHECK_FALSE(decode_event_batch(json));
    }

    SECTION("bad inputs") {
        const auto bad = [](const std::string& text) {
            return decode_event_batch(*api::parse_json(text));
        };
        // Not an object.
        CHECK_FALSE(bad("[]"));
        // No ward.
        CHECK_FALSE(bad(R"({"events":[]})"));
        // Events out of order: 2 after 1 is fine, 3 after 1 is a gap.
        auto json = to_json(b, zone());
        json.at("events").as_array()[1].as_object()["seq"] = 3;
        auto gap = decode_event_batch(json);
        REQUIRE_FALSE(gap);
        CHECK(gap.error().code == ErrorCode::seq_gap);
        // An unknown event type.
        json = to_json(b, zone());
        json.at("events").as_array()[0].as_object()["type"] = "ticket_teleported";
        CHECK_FALSE(decode_event_batch(json));
        // A rating level outside 1..5.
        json = to_json(b, zone());
        json.at("events").as_array()[2].at("rating").as_object()["level"] = 9;
        CHECK_FALSE(decode_event_batch(json));
        // A seq of zero.
        json = to_json(b, zone());
        json.at("events").as_array()[0].as_object()["seq"] = 0;
        CHECK_FALSE(decode_event_batch(json));
    }
}

TEST_CASE("a ticket ships the category it was issued in and the wait it was told", "[hub_codec]") {
    DomainEvent e;
    e.seq = 7;
    e.type = EventType::ticket_transferred;
    e.at = at("2026-11-23T08:20:00+07:00");
    Ticket t;
    t.id = "t1";
    t.day = *parse_day("2026-11-23");
    t.issued_category = "CT";
    t.category = "HT";
    t.number = "B004";
    t.issued_at = at("2026-11-23T08:00:00+07:00");
    t.estimate = EstimateAtIssue{420, 240, 780, 300};
    e.ticket = t;
    e.from_category = "CT";
    const auto shipped = to_shipped(e);
    REQUIRE(shipped.ticket);
    CHECK(shipped.ticket->category == "HT");
    CHECK(shipped.ticket->issued_category == "CT");
    CHECK(shipped.ticket->estimate == t.estimate);
    // And the hub reads back what was shipped.
    const auto back = decode_shipped_event(to_json(shipped, zone()));
    REQUIRE(back);
    CHECK(back->ticket->issued_category == "CT");
    CHECK(back->ticket->estimate == t.estimate);
}

TEST_CASE("comments stay in the ward unless it allows them to leave", "[hub_codec]") {
    auto e = rating_event(1);
    strip_personal(e, true);
    CHECK(e.rating->comment == "riêng tư");
    strip_personal(e, false);
    CHECK_FALSE(e.rating->comment);
    CHECK(api::write_json(to_json(e, zone())).find("riêng") == std::string::npos);
}

TEST_CASE("wards rank by shorter waits and higher shares; wards without figures rank last",
          "[hub_codec]") {
    std::vector<WardFigures> w(4);
    w[0] = {"A", "A", 10, 8, 300, 80, 5, 60, 4, 75};
    w[1] = {"B", "B", 10, 9, 200, 90, 5, 80, 4, 100};
    w[2] = {"C", "C", 10, 9, 200, 70, 0, 0, 0, 0};
    w[3] = {"D", "D", 0, 0, 0, 0, 0, 0, 0, 0};
    rank_wards(w);
    CHECK(w[1].rank_wait == 1);
    CHECK(w[2].rank_wait == 1);  // a tie shares the rank
    CHECK(w[0].rank_wait == 3);
    CHECK(w[3].rank_wait == 4);  // nothing served
    CHECK(w[1].rank_within_target == 1);
    CHECK(w[0].rank_within_target == 2);
    CHECK(w[2].rank_within_target == 3);
    CHECK(w[3].rank_within_target == 4);
    CHECK(w[1].rank_satisfaction == 1);
    CHECK(w[2].rank_satisfaction == 3);  // nobody rated: after those rated
    CHECK(w[1].rank_dossiers == 1);
    CHECK(w[0].rank_dossiers == 2);
    auto back = decode_province_overview(
        to_json(ProvinceOverview{*parse_day("2026-11-01"), *parse_day("2026-11-30"), w}));
    REQUIRE(back);
    CHECK(back->wards.size() == 4);
    CHECK(back->wards[2].rank_wait == 1);
}

TEST_CASE("a --pg connection string is written without its password", "[hub_codec]") {
    using motcua::hub::redacted_conninfo;
    CHECK(redacted_conninfo("postgresql://motcua:bi-mat@db:5432/motcua") ==
          "user=motcua password=*** dbname=motcua host=db port=5432");
    CHECK(redacted_conninfo("host=db password=bi-mat dbname=motcua") ==
          "password=*** dbname=motcua host=db");
    CHECK(redacted_conninfo("postgresql://motcua@db/motcua") ==
          "user=motcua dbname=motcua host=db");
    CHECK(
        redacted_conninfo("postgresql://motcua:bi-mat@db/motcua?sslmode=require").find("bi-mat") ==
        std::string::npos);
    CHECK(redacted_conninfo("host='db") == "(a connection string libpq cannot read)");
}
