#include <boost/json.hpp>
#include <catch2/catch.hpp>
#include <string>

#include "motcua/api.hpp"

using namespace motcua;
using namespace motcua::api;
namespace json = boost::json;

namespace {

const OfficeZone& zone() {
    static const OfficeZone z = *OfficeZone::load("Asia/Ho_Chi_Minh");
    return z;
}

TimePoint at(const char* text) {
    return *parse_rfc3339(text);
}

// Encodes, serialises, parses and decodes: what crosses the wire between service and kiosk.
template <typename T, typename... Zone>
T round_trip(const T& m, const Zone&... z) {
    const std::string wire = write_json(to_json(m, z...));
    auto decoded = decode_body<T>(wire);
    INFO(wire);
    REQUIRE(decoded.ok());
    return *decoded;
}

template <typename T>
Error decode_error(std::string_view body) {
    auto r = decode_body<T>(body);
    INFO(body);
    REQUIRE_FALSE(r.ok());
    CHECK_FALSE(r.error().message.empty());
    return r.error();
}

TicketView sample_ticket() {
    TicketView t;
    t.id = "q7Hk2mZx9PaL";
    t.number = "A012";
    t.category = "HT";
    t.priority = true;
    t.state = TicketState::serving;
    t.issued_at = at("2026-11-23T07:31:05+07:00");
    t.called_at = at("2026-11-23T07:40:00+07:00");
    t.started_at = at("2026-11-23T07:41:00+07:00");
    t.counter = 2;
    t.waiting_ahead = 3;
    t.estimated_wait_s = 420;
    t.estimated_wait_range_s = {240, 780};
    t.estimate_at_issue = EstimateAtIssue{600, 300, 900, 0};
    return t;
}

void check_same(const TicketView& a, const TicketView& b) {
    CHECK(a.id == b.id);
    CHECK(a.number == b.number);
    CHECK(a.category == b.category);
    CHECK(a.priority == b.priority);
    CHECK(a.state == b.state);
    CHECK(a.issued_at == b.issued_at);
    CHECK(a.called_at == b.called_at);
    CHECK(a.started_at == b.started_at);
    CHECK(a.finished_at == b.finished_at);
    CHECK(a.counter == b.counter);
    CHECK(a.waiting_ahead == b.waiting_ahead);
    CHECK(a.estimated_wait_s == b.estimated_wait_s);
    CHECK(a.estimated_wait_range_s == b.estimated_wait_range_s);
    CHECK(a.estimate_at_issue == b.estimate_at_issue);
}

}  // namespace

TEST_CASE("request messages round-trip", "[codec]") {
    SECTION("login") {
        auto m = round_trip(LoginRequest{"lan.nguyen", "mật khẩu có dấu"});
        CHECK(m.username == "lan.nguyen");
        CHECK(m.password == "mật khẩu có dấu");
    }
    SECTION("issue ticket") {
        auto m = round_trip(IssueTicketRequest{"HT", true, "elderly"});
        CHECK(m.category == "HT");
        CHECK(m.priority);
        CHECK(m.priority_reason == "elderly");
        auto plain = round_trip(IssueTicketRequest{"DC", false, std::nullopt});
        CHECK_FALSE(plain.priority);
        CHECK_FALSE(plain.priority_reason);
    }
    SECTION("rating") {
        RatingRequest r{"q7Hk2mZx9PaL",
                        2,
                        {RatingReason::long_wait, RatingReason::several_trips},
                        "Phải chờ quá lâu — đi lại 3 lần",
                        "key-1"};
        auto m = round_trip(r);
        CHECK(m.ticket == r.ticket);
        CHECK(m.level == 2);
        CHECK(m.reasons == r.reasons);
        CHECK(m.comment == r.comment);
        CHECK(m.idempotency_key == "key-1");
    }
    SECTION("finish") {
        FinishRequest f{FinishOutcome::dossier_received, "HT-KS",
                        Applicant{"Nguyễn Thị Hoa", "0901234567", std::nullopt, "12 Lê Lợi"},
                        std::nullopt};
        auto m = round_trip(f);
        CHECK(m.outcome == FinishOutcome::dossier_received);
        CHECK(m.procedure == "HT-KS");
        REQUIRE(m.applicant);
        CHECK(m.applicant->name == "Nguyễn Thị Hoa");
        CHECK(m.applicant->phone == "0901234567");
        CHECK_FALSE(m.applicant->id_number);
        CHECK(m.applicant->address == "12 Lê Lợi");
        auto ret = round_trip(FinishRequest{FinishOutcome::result_returned, std::nullopt,
                                            std::nullopt, "000.17.22.H56-261123-0007"});
        CHECK(ret.dossier == "000.17.22.H56-261123-0007");
    }
    SECTION("transfer, reinstate, dossier status, apology, test clock") {
        CHECK(round_trip(TransferRequest{"VX"}).category == "VX");
        CHECK(round_trip(ReinstateRequest{"abc"}).ticket == "abc");
        CHECK(round_trip(DossierStatusRequest{DossierState::ready, std::nullopt}).status ==
              DossierState::ready);
        auto a = round_trip(ApologyRequest{*parse_day("2026-12-01"), "Cần xác minh thêm"});
        CHECK(a.new_due == *parse_day("2026-12-01"));
        CHECK(a.reason == "Cần xác minh thêm");
        CHECK(round_trip(TestClockRequest{at("2026-11-23T07:30:00+07:00")}, zone()).now ==
              at("2026-11-23T00:30:00Z"));
    }
}

TEST_CASE("response messages round-trip", "[codec]") {
    SECTION("ticket, with and without optional times") {
        const auto t = sample_ticket();
        check_same(round_trip(t, zone()), t);
        TicketView waiting;
        waiting.id = "x";
        waiting.number = "B001";
        waiting.category = "DC";
        waiting.issued_at = at("2026-11-23T08:00:00+07:00");
        check_same(round_trip(waiting, zone()), waiting);
        // the wire form is the contract's: numeric offset, nulls for absent times
        const auto wire = write_json(to_json(waiting, zone()));
        CHECK(wire.find(R"("issued_at":"2026-11-23T08:00:00+07:00")") != std::string::npos);
        CHECK(wire.find(R"("called_at":null)") != std::string::npos);
        CHECK(wire.find(R"("counter":null)") != std::string::npos);
    }
    SECTION("login response") {
        LoginResponse r{"tok",
                        at("2026-11-23T17:30:00+07:00"),
                        {"lan", "Nguyễn Thị Lan", OfficerRole::supervisor, std::nullopt}};
        auto m = round_trip(r, zone());
        CHECK(m.token == "tok");
        CHECK(m.expires_at == r.expires_at);
        CHECK(m.officer.name == "Nguyễn Thị Lan");
        CHECK(m.officer.role == OfficerRole::supervisor);
    }
    SECTION("category and procedure") {
        auto c = round_trip(
            CategoryInfo{"HT", "Tư pháp - Hộ tịch", "Justice", 900, 7, 600, {420, 1020}});
        CHECK(c.name_vi == "Tư pháp - Hộ tịch");
        CHECK(c.waiting == 7);
        CHECK(c.estimated_wait_s == 600);
        CHECK(c.estimated_wait_range_s == WaitRange{420, 1020});
        CHECK(write_json(to_json(c)).find(R"("estimated_wait_range_s":[420,1020])") !=
              std::string::npos);
        auto p =
            round_trip(ProcedureInfo{"HT-TL", "Cấp bản sao trích lục", "HT", 0, 15 * 60, 8000});
        CHECK(p.cutoff_minutes == 900);
        CHECK(p.fee == 8000);
        CHECK(write_json(to_json(p)).find(R"("cutoff":"15:00")") != std::string::npos);
    }
    SECTION("counter with and without a current ticket") {
        CounterInfo c{
            2, "Quầy 2", {"HT", "VX"}, CounterState::open, "Trần Văn Bình", sample_ticket()};
        auto m = round_trip(c, zone());
        CHECK(m.number == 2);
        CHECK(m.categories == c.categories);
        CHECK(m.state == CounterState::open);
        CHECK(m.officer == "Trần Văn Bình");
        REQUIRE(m.current);
        check_same(*m.current, *c.current);
        auto closed = round_trip(
            CounterInfo{3, "Quầy 3", {"DC"}, CounterState::closed, std::nullopt, std::nullopt},
            zone());
        CHECK_FALSE(closed.officer);
        CHECK_FALSE(closed.current);
    }
    SECTION("dossier") {
        DossierView d{"000.17.22.H56-261123-0007",
                      "HT-KS",
                      DossierState::returned,
                      at("2026-11-23T09:00:00+07:00"),
                      *parse_day("2026-11-23"),
                      at("2026-11-23T16:00:00+07:00"),
                      DossierResult::on_time,
                      "",
                      std::nullopt,
                      std::nullopt};
        auto m = round_trip(d, zone());
        CHECK(m.code == d.code);
        CHECK(m.state == DossierState::returned);
        CHECK(m.due_date == d.due_date);
        CHECK(m.returned_at == d.returned_at);
        CHECK(m.result == DossierResult::on_time);
        CHECK_FALSE(m.details);
        CHECK_FALSE(m.new_due_date);
        // The public view never writes the applicant.
        CHECK(write_json(to_json(d, zone())).find("applicant") == std::string::npos);

        d.procedure_name = "Đăng ký khai sinh";
        d.new_due_date = *parse_day("2026-11-30");
        d.details =
            DossierDetails{Applicant{"Nguyễn Thị Hoa", "0901234567", std::nullopt, std::nullopt},
                           "HT", 2, "lan", "Cần xác minh"};
        auto full = round_trip(d, zone());
        CHECK(full.procedure_name == "Đăng ký khai sinh");
        CHECK(full.new_due_date == d.new_due_date);
        REQUIRE(full.details);
        CHECK(full.details->applicant.name == "Nguyễn Thị Hoa");
        CHECK(full.details->applicant.phone == "0901234567");
        CHECK(full.details->category == "HT");
        CHECK(full.details->counter == 2);
        CHECK(full.details->officer == "lan");
        CHECK(full.details->apology_reason == "Cần xác minh");
    }
    SECTION("due date preview") {
        auto m = round_trip(
            DueDatePreview{"HT-HN", at("2026-11-23T15:30:00+07:00"), *parse_day("2026-11-27")},
            zone());
        CHECK(m.procedure == "HT-HN");
        CHECK(m.received_at == at("2026-11-23T15:30:00+07:00"));
        CHECK(m.due_date == *parse_day("2026-11-27"));
    }
    SECTION("public queue") {
        PublicQueue q{at("2026-11-23T09:00:00+07:00"),
                      {{"HT", "Tư pháp - Hộ tịch", "Justice", 4, 480, {300, 720}}}};
        auto m = round_trip(q, zone());
        REQUIRE(m.categories.size() == 1);
        CHECK(m.categories[0].waiting == 4);
        CHECK(m.categories[0].estimated_wait_range_s == WaitRange{300, 720});
        CHECK(m.at == q.at);
    }
    SECTION("event keeps its type-specific fields") {
        Event e{42, EventType::ticket_called, at("2026-11-23T09:00:00+07:00"), {}};
        e.fields["ticket"] = to_json(sample_ticket(), zone());
        e.fields["counter"] = 2;
        auto m = round_trip(e, zone());
        CHECK(m.seq == 42);
        CHECK(m.type == EventType::ticket_called);
        CHECK(m.at == e.at);
        CHECK(m.fields.at("counter").as_int64() == 2);
        check_same(*decode<TicketView>(m.fields.at("ticket")), sample_ticket());
    }
    SECTION("event payload parts: counter changes and submitted ratings") {
        const CounterEventFields opened{3, CounterState::open, "Nguyễn Thị Lan"};
        const auto c = round_trip(opened);
        CHECK(c.counter == 3);
        CHECK(c.state == CounterState::open);
        CHECK(c.officer == "Nguyễn Thị Lan");
        const auto closed = round_trip(CounterEventFields{3, CounterState::closed, std::nullopt});
        CHECK_FALSE(closed.officer);
        // what the service sends inside a counter_opened event
        auto ev = decode_body<Event>(
            R"({"seq":7,"type":"counter_opened","at":"2026-11-23T07:30:00+07:00","counter":1,)"
            R"("counter_state":"open","officer":"Trần Văn Bình"})");
        REQUIRE(ev.ok());
        auto fields = decode<CounterEventFields>(json::value(ev->fields));
        REQUIRE(fields.ok());
        CHECK(fields->officer == "Trần Văn Bình");

        const RatingSubmittedFields rated{"q7Hk2mZx9PaL", "A012", 5, 1, "lan"};
        const auto r = round_trip(rated);
        CHECK(r.ticket == "q7Hk2mZx9PaL");
        CHECK(r.number == "A012");
        CHECK(r.level == 5);
        CHECK(r.counter == 1);
        CHECK(r.officer == "lan");
    }
    SECTION("error body") {
        const auto wire =
            write_json(to_json(Error{ErrorCode::already_rated, "Phiếu này đã được đánh giá"}));
        CHECK(wire ==
              R"({"error":{"code":"already_rated","message":"Phiếu này đã được đánh giá"}})");
        auto m = decode_body<ErrorBody>(wire);
        REQUIRE(m.ok());
        CHECK(m->error.code == ErrorCode::already_rated);
        CHECK(m->error.message == "Phiếu này đã được đánh giá");
    }
}

TEST_CASE("decoders reject bad input with a clear error", "[codec]") {
    SECTION("bad inputs") {
        // malformed JSON
        CHECK(decode_error<IssueTicketRequest>(R"({"category": )").code == ErrorCode::invalid_json);
        // truncated
        CHECK(decode_error<IssueTicketRequest>(R"({"category": "HT")").code ==
              ErrorCode::invalid_json);
        // empty body
        CHECK(decode_error<IssueTicketRequest>("").code == ErrorCode::invalid_json);
        // trailing junk after the object
        CHECK(decode_error<IssueTicketRequest>(R"({"category":"HT"} x)").code ==
              ErrorCode::invalid_json);
        // invalid UTF-8 inside a string (a lone continuation byte)
        CHECK(decode_error<IssueTicketRequest>("{\"category\":\"H\x80T\"}").code ==
              ErrorCode::invalid_json);
        // overlong UTF-8 encoding of '/'
        CHECK(decode_error<LoginRequest>("{\"username\":\"\xC0\xAF\",\"password\":\"x\"}").code ==
              ErrorCode::invalid_json);
        // nesting far deeper than any message
        CHECK(decode_error<IssueTicketRequest>(std::string(5000, '[') + std::string(5000, ']'))
                  .code == ErrorCode::invalid_json);
        // not an object
        CHECK(decode_error<IssueTicketRequest>(R"(["HT"])").code == ErrorCode::invalid_body);
        // missing field
        auto missing = decode_error<IssueTicketRequest>(R"({"priority": true})");
        CHECK(missing.code == ErrorCode::missing_field);
        CHECK(missing.message == "field 'category' is required");
        // wrong type
        auto wrong = decode_error<IssueTicketRequest>(R"({"category": 7})");
        CHECK(wrong.code == ErrorCode::invalid_field);
        CHECK(wrong.message == "field 'category' must be a string, got an integer");
        // wrong type for a boolean
        CHECK(decode_error<IssueTicketRequest>(R"({"category":"HT","priority":"yes"})").message ==
              "field 'priority' must be true or false, got a string");
        // empty required string
        CHECK(decode_error<IssueTicketRequest>(R"({"category":""})").message ==
              "field 'category' must not be empty");
        // rating level out of range, too large for int64, a fraction
        CHECK(decode_error<RatingRequest>(R"({"ticket":"t","level":6})").message ==
              "field 'level' is 6, out of range 1..5");
        CHECK(decode_error<RatingRequest>(R"({"ticket":"t","level":0})").code ==
              ErrorCode::invalid_field);
        CHECK(decode_error<RatingRequest>(R"({"ticket":"t","level":18446744073709551615})").code ==
              ErrorCode::invalid_field);
        CHECK(decode_error<RatingRequest>(R"({"ticket":"t","level":4.5})").code ==
              ErrorCode::invalid_field);
        // unknown reason code
        CHECK(decode_error<RatingRequest>(R"({"ticket":"t","level":1,"reasons":["rude"]})")
                  .message.find("holds 'rude'") != std::string::npos);
        // reasons not an array
        CHECK(
            decode_error<RatingRequest>(R"({"ticket":"t","level":1,"reasons":"attitude"})").code ==
            ErrorCode::invalid_field);
        // unknown outcome lists the choices
        CHECK(decode_error<FinishRequest>(R"({"outcome":"done"})").message ==
              "field 'outcome' is 'done'; expected one of: resolved, dossier_received, "
              "supplement_requested, "
              "refused, guidance, result_returned, closed_at_day_end");
        // applicant without a name
        CHECK(decode_error<FinishRequest>(
                  R"({"outcome":"dossier_received","applicant":{"phone":"1"}})")
                  .code == ErrorCode::missing_field);
        // an overlong name or phone: personal data is bounded
        CHECK(decode_error<FinishRequest>(R"({"outcome":"dossier_received","applicant":{"name":")" +
                                          std::string(201, 'x') + R"("}})")
                  .message == "field 'name' is longer than 200 bytes");
        CHECK(decode_error<FinishRequest>(
                  R"({"outcome":"dossier_received","applicant":{"name":"An","phone":")" +
                  std::string(33, '1') + R"("}})")
                  .code == ErrorCode::invalid_field);
        CHECK(decode_error<ApologyRequest>(R"({"new_due":"2026-12-01","reason":")" +
                                           std::string(2001, 'x') + R"("})")
                  .code == ErrorCode::invalid_field);
        // invalid date and time
        CHECK(decode_error<ApologyRequest>(R"({"new_due":"2026-02-30","reason":"x"})").code ==
              ErrorCode::invalid_field);
        CHECK(decode_error<TestClockRequest>(R"({"now":"tomorrow"})").code ==
              ErrorCode::invalid_field);
        CHECK(decode_error<DossierStatusRequest>(R"({"status":"lost"})").code ==
              ErrorCode::invalid_field);
        CHECK(decode_error<TransferRequest>(R"({})").code == ErrorCode::missing_field);
        CHECK(decode_error<ReinstateRequest>(R"({"ticket":null})").code ==
              ErrorCode::missing_field);
        // responses: wrong state, bad time, counter not an object
        auto t = to_json(sample_ticket(), zone());
        t.as_object()["state"] = "sleeping";
        CHECK(decode<TicketView>(t).error().code == ErrorCode::invalid_field);
        t = to_json(sample_ticket(), zone());
        t.as_object()["issued_at"] = "2026-11-23";
        CHECK(decode<TicketView>(t).error().code == ErrorCode::invalid_field);
        CHECK(
            decode_error<CounterInfo>(R"({"number":1,"name":"Q","categories":[1],"state":"open"})")
                .code == ErrorCode::invalid_field);
        CHECK(decode_error<LoginResponse>(R"({"token":"t","expires_at":"2026-11-23T07:30:00Z"})")
                  .code == ErrorCode::missing_field);
        CHECK(decode_error<Event>(R"({"seq":0,"type":"ticket_called","at":"2026-11-23T07:30:00Z"})")
                  .code == ErrorCode::invalid_field);
        CHECK(decode_error<Event>(R"({"seq":1,"type":"party","at":"2026-11-23T07:30:00Z"})").code ==
              ErrorCode::invalid_field);
        CHECK(decode_error<CategoryInfo>(R"({"code":"HT"})").code == ErrorCode::missing_field);
        // A range is [low, high] in whole seconds, low first.
        for (const char* range : {"[900,600]", "[600]", "[-1,600]", "\"10-15\"", "[1.5,600]"}) {
            INFO(range);
            const auto e = decode_error<CategoryInfo>(
                std::string(R"({"code":"HT","name_vi":"x","name_en":"x","target_wait_s":0,)") +
                R"("waiting":1,"estimated_wait_s":600,"estimated_wait_range_s":)" + range + "}");
            CHECK(e.code == ErrorCode::invalid_field);
            CHECK(e.message.find("estimated_wait_range_s") != std::string::npos);
        }
        CHECK(
            decode_error<ProcedureInfo>(
                R"({"code":"P","name_vi":"x","category":"HT","legal_days":1,"cutoff":"3pm","fee":0})")
                .code == ErrorCode::invalid_field);
        CHECK(decode_error<DossierView>(R"({"code":"c"})").code == ErrorCode::missing_field);
        CHECK(decode_error<PublicQueue>(R"({"at":"2026-11-23T07:30:00Z","categories":{}})").code ==
              ErrorCode::invalid_field);
        CHECK(decode_error<ErrorBody>(R"({"message":"x"})").code == ErrorCode::missing_field);
        // a counter event without its state, a rating event with a level off the scale
        CHECK(decode_error<CounterEventFields>(R"({"counter":1})").code ==
              ErrorCode::missing_field);
        CHECK(decode_error<RatingSubmittedFields>(
                  R"({"ticket":"t","number":"A1","level":9,"counter":1,"officer":"lan"})")
                  .code == ErrorCode::invalid_field);
    }
}
