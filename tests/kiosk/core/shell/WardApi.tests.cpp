#include <catch2/catch.hpp>

#include "kiosk/core/shell/event_stream.hpp"
#include "kiosk/core/shell/ward_api.hpp"

using namespace motcua;
using namespace motcua::kiosk;

namespace {

Result<HttpResponse> answer(int status, std::string body = "") {
    HttpResponse r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

std::string error_body(const char* code) {
    return std::string(R"({"error":{"code":")") + code + R"(","message":"m"}})";
}

}  // namespace

TEST_CASE("rating answers: delivered, already rated, dropped or kept for later", "[ward_api]") {
    CHECK(classify_rating_answer(answer(201, "{}")).verdict == RatingVerdict::delivered);
    CHECK(classify_rating_answer(answer(409, error_body("already_rated"))).verdict ==
          RatingVerdict::already_rated);
    CHECK(classify_rating_answer(answer(409, error_body("already_rated"))).settled());

    SECTION("bad inputs") {
        // the service can never accept these: dropped (with a log line by the outbox)
        for (int status : {400, 403, 404, 413, 415, 422}) {
            INFO(status);
            const auto a = classify_rating_answer(answer(status, error_body("x")));
            CHECK(a.verdict == RatingVerdict::rejected);
            CHECK(a.status == status);
        }
        // a 409 that is not "already rated" (two tickets printed the same number) is no delivery
        const auto ambiguous = classify_rating_answer(answer(409, error_body("ambiguous_number")));
        CHECK(ambiguous.verdict == RatingVerdict::rejected);
        CHECK(ambiguous.error.code == ErrorCode::ambiguous_number);
        // a 409 without the service's error body: not provably delivered, not retriable
        CHECK(classify_rating_answer(answer(409, "<html>")).verdict == RatingVerdict::rejected);
    }
    SECTION("kept: the service away, busy, failing, or its token being fixed") {
        CHECK(classify_rating_answer(make_error(ErrorCode::unreachable, "refused")).verdict ==
              RatingVerdict::retry);
        CHECK(classify_rating_answer(make_error(ErrorCode::timeout, "slow")).verdict ==
              RatingVerdict::retry);
        for (int status : {401, 429, 500, 502, 503}) {
            INFO(status);
            CHECK(classify_rating_answer(answer(status, "")).verdict == RatingVerdict::retry);
        }
    }
}

TEST_CASE("errors of answers name the service's code", "[ward_api]") {
    HttpResponse res;
    res.status = 422;
    res.body = error_body("issuing_stopped");
    CHECK(error_of(res).code == ErrorCode::issuing_stopped);
    res.body = "<html>Bad gateway</html>";  // a proxy's page
    res.status = 502;
    CHECK(error_of(res).code == ErrorCode::unexpected_answer);
    CHECK(error_of(res).message == "the service answered HTTP 502");
    CHECK(is_transport_error(make_error(ErrorCode::unreachable, "x")));
    CHECK_FALSE(is_transport_error(make_error(ErrorCode::issuing_stopped, "x")));
}

TEST_CASE("lists decode item by item with the shared codecs", "[ward_api]") {
    auto ok = decode_list<api::CategoryInfo>(
        R"([{"code":"HT","name_vi":"Tư pháp - Hộ tịch","name_en":"Justice","target_wait_s":900,)"
        R"("waiting":2,"estimated_wait_s":600}])");
    REQUIRE(ok);
    REQUIRE(ok->size() == 1);
    CHECK((*ok)[0].name_vi == "Tư pháp - Hộ tịch");
    CHECK(decode_list<api::CategoryInfo>("[]")->empty());
    SECTION("bad inputs") {
        // not an array
        CHECK(decode_list<api::CategoryInfo>(R"({"code":"HT"})").error().code ==
              ErrorCode::invalid_body);
        // one bad item spoils the list
        CHECK_FALSE(decode_list<api::CategoryInfo>(R"([{"code":"HT"}])"));
        // not JSON
        CHECK(decode_list<api::CounterInfo>("[1,").error().code == ErrorCode::invalid_json);
    }
}

TEST_CASE("the event head comes from the metrics text", "[ward_api]") {
    const std::string metrics =
        "# HELP motcua_event_seq Last event sequence number.\n"
        "# TYPE motcua_event_seq gauge\n"
        "motcua_event_seq_other 5\n"
        "motcua_event_seq 1234\n";
    CHECK(parse_event_head(metrics) == 1234);
    CHECK(parse_event_head("motcua_event_seq 0\r\n") == 0);
    SECTION("bad inputs") {
        CHECK_FALSE(parse_event_head(""));                        // nothing
        CHECK_FALSE(parse_event_head("motcua_event_seq x\n"));    // not a number
        CHECK_FALSE(parse_event_head("motcua_event_seq -3\n"));   // negative
        CHECK_FALSE(parse_event_head("# motcua_event_seq 7\n"));  // only a comment
    }
}

TEST_CASE("the stream resumes after the last event, or starts at the head", "[ward_api]") {
    CHECK(choose_since(std::nullopt, 50) == 50);  // a new screen needs no history
    CHECK(choose_since(42, 50) == 42);            // resume: the 8 missed events come first
    CHECK(choose_since(50, 50) == 50);
    CHECK(choose_since(70, 50) == 50);  // the service's database was replaced
}
