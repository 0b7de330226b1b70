// The error-code table (motcua/error_codes.def): one row per code, each with a wire name and a
// status, and the JSON codec carrying every code across unchanged.
#include <boost/json.hpp>
#include <catch2/catch.hpp>
#include <regex>
#include <set>
#include <string>

#include "motcua/api.hpp"
#include "motcua/error_code.hpp"

using namespace motcua;

TEST_CASE("every error code has one wire name and a status", "[error_code]") {
    REQUIRE(kErrorCodes.size() > 100);
    const std::regex snake("[a-z][a-z0-9]*(_[a-z0-9]+)*");
    std::set<std::string_view> names;
    for (std::size_t i = 0; i < kErrorCodes.size(); ++i) {
        const auto& info = kErrorCodes[i];
        INFO(info.wire_name);
        CHECK(static_cast<std::size_t>(info.code) == i);
        CHECK(std::regex_match(std::string(info.wire_name), snake));
        CHECK(names.insert(info.wire_name).second);  // no two codes share a wire name
        CHECK(wire_name(info.code) == info.wire_name);
        // A client's error (4xx) or the server's (5xx): never a success, never unmapped.
        CHECK(info.http_status >= 400);
        CHECK(info.http_status <= 599);
        REQUIRE(error_code_from_wire(info.wire_name).has_value());
        CHECK(*error_code_from_wire(info.wire_name) == info.code);
    }
    CHECK_FALSE(error_code_from_wire("").has_value());
    CHECK_FALSE(error_code_from_wire("Unknown_Ticket").has_value());
    CHECK_FALSE(error_code_from_wire("unknown_ticket ").has_value());
}

TEST_CASE("the statuses DESIGN.md §4 and §10 promise", "[error_code]") {
    // The examples the contract names, and the codes clients branch on.
    const std::pair<ErrorCode, int> promised[] = {
        {ErrorCode::invalid_json, 400},
        {ErrorCode::unauthorized, 401},
        {ErrorCode::forbidden, 403},
        {ErrorCode::unknown_ticket, 404},
        {ErrorCode::already_rated, 409},
        {ErrorCode::body_too_large, 413},
        {ErrorCode::unsupported_media_type, 415},
        {ErrorCode::not_served, 422},
        {ErrorCode::too_many_attempts, 429},
        {ErrorCode::apology_exists, 409},
        {ErrorCode::apology_too_late, 422},
        {ErrorCode::issuing_stopped, 422},
        {ErrorCode::dossier_not_found, 404},
        {ErrorCode::database_unavailable, 503},
        // §10: booking and check-in.
        {ErrorCode::slot_full, 409},
        {ErrorCode::limit_reached, 422},
        {ErrorCode::not_bookable, 422},
        {ErrorCode::too_early, 422},
        {ErrorCode::missed, 422},
        {ErrorCode::cancelled, 422},
        {ErrorCode::too_many_requests, 429},
    };
    for (const auto& [code, status] : promised) {
        INFO(wire_name(code));
        CHECK(http_status(code) == status);
    }
    // One code for "no such dossier", whether the path or the body names it.
    CHECK_FALSE(error_code_from_wire("unknown_dossier").has_value());
}

TEST_CASE("every code crosses the wire unchanged", "[error_code][codec]") {
    for (const auto& info : kErrorCodes) {
        INFO(info.wire_name);
        const auto json = api::to_json(Error{info.code, "Không tìm thấy"});
        CHECK(json.at("error").at("code").as_string() == info.wire_name);
        auto body = api::decode<api::ErrorBody>(json);
        REQUIRE(body);
        CHECK(body->error.code == info.code);
        CHECK(body->error.message == "Không tìm thấy");
    }
}

TEST_CASE("a code this build does not know is kept for the reader", "[error_code][codec]") {
    const auto json = boost::json::parse(
        R"({"error":{"code":"slot_full_later","message":"that slot is taken"}})");
    auto body = api::decode<api::ErrorBody>(json);
    REQUIRE(body);
    CHECK(body->error.code == ErrorCode::unexpected_answer);
    CHECK(body->error.message == "slot_full_later: that slot is taken");
}

// Found by fuzz_router (tests/fuzz/corpus/router/regression-invalid-utf8-in-error): an error
// that quoted a path segment of raw bytes was answered as a body that no JSON parser accepts.
TEST_CASE("an error message that quotes invalid UTF-8 is still sent as JSON",
          "[error_code][codec]") {
    const auto parses = [](const Error& e) {
        boost::system::error_code ec;
        const auto text = boost::json::serialize(api::to_json(e));
        auto v = boost::json::parse(text, ec);  // the parser validates UTF-8
        return !ec && v.at("error").at("message").is_string();
    };
    SECTION("bad inputs") {
        // A lone continuation byte, a truncated sequence, an overlong '/', a UTF-16 surrogate
        // (U+D800) and a code point past U+10FFFF: each becomes U+FFFD.
        for (std::string_view bad :
             {"\xAC", "K\xE1\xBB", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xFF"}) {
            INFO(std::string(bad));
            const Error e{ErrorCode::dossier_not_found,
                          "no dossier with code '" + std::string(bad) + "'"};
            CHECK(parses(e));
            const std::string message(api::to_json(e).at("error").at("message").as_string());
            CHECK(message.find("\xEF\xBF\xBD") != std::string::npos);
        }
    }
    SECTION("valid UTF-8 is kept as it is") {
        const std::string text = "không có hồ sơ '000.17.22.H56-261123-0001' 🙂";
        const auto json = api::to_json(Error{ErrorCode::dossier_not_found, text});
        CHECK(json.at("error").at("message").as_string() == text);
    }
}
