// The kiosk's dossier calls against the real motcua-service: the ticket kiosk's lookup with its
// device token (the public view), and the counter console's procedures, due date, finish with a
// received dossier, its receipt (form 01, a PDF) and the return of its result.
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "../../../service/harness.hpp"
#include "kiosk/core/counter/counter_api.hpp"
#include "kiosk/core/counter/dossier_api.hpp"
#include "kiosk/core/shell/client_thread.hpp"
#include "kiosk/core/shell/ward_link.hpp"

using namespace motcua;
using namespace motcua::kiosk;
using namespace std::chrono_literals;

namespace {

std::string login(int port) {
    auto r = harness::request(port, "POST", "/api/v1/auth/login", "",
                              R"({"username":"lan","password":"matkhau-123"})");
    REQUIRE(r.status == 200);
    return std::string(r.json().at("token").as_string());
}

/// One call of the kiosk's API code on a connection of its own, run to the end.
template <typename T, typename Call>
T run(int port, Call call) {
    boost::asio::io_context io;
    ServerUrl url;
    url.host = "127.0.0.1";
    url.port = static_cast<std::uint16_t>(port);
    HttpClient http(io.get_executor(), url);
    std::optional<T> out;
    boost::asio::co_spawn(
        io, [&]() -> boost::asio::awaitable<void> { out.emplace(co_await call(http)); },
        boost::asio::detached);
    io.run();
    REQUIRE(out);
    return std::move(*out);
}

/// Counter 1 open with A-ticket `category` called; returns the officer's token.
std::string citizen_at_counter(int port, const std::string& kiosk_token,
                               const std::string& category = "HT") {
    const std::string officer = login(port);
    REQUIRE(harness::request(port, "POST", "/api/v1/counters/1/open", officer).status == 200);
    REQUIRE(harness::request(port, "POST", "/api/v1/tickets", kiosk_token,
                             R"({"category":")" + category + R"("})")
                .status == 201);
    REQUIRE(harness::request(port, "POST", "/api/v1/counters/1/call-next", officer).status == 200);
    return officer;
}

ConsoleRequest finish(FinishOutcome outcome) {
    ConsoleRequest r;
    r.action = ConsoleAction::finish;
    r.counter = 1;
    r.outcome = outcome;
    return r;
}

}  // namespace

TEST_CASE("the console receives a dossier, prints its receipt and returns its result",
          "[dossier_link]") {
    harness::Ward ward;
    harness::Service service(ward.db);
    const int port = service.port();
    harness::set_clock(port, "2026-11-23T08:30:00+07:00");
    const std::string officer = citizen_at_counter(port, ward.kiosk_token);

    auto procedures = run<Result<std::vector<api::ProcedureInfo>>>(
        port, [&](HttpClient& h) { return fetch_procedures(h, officer); });
    REQUIRE(procedures);
    CHECK(procedures->size() == 10);
    CHECK(procedures->front().code == "HT-KS");

    auto due = run<Result<api::DueDatePreview>>(
        port, [&](HttpClient& h) { return fetch_due_date(h, officer, "HT-HN"); });
    REQUIRE(due);
    CHECK(format_day(due->due_date) == "2026-11-26");  // 3 working days from Monday

    ConsoleRequest r = finish(FinishOutcome::dossier_received);
    r.procedure = "HT-HN";
    r.applicant = api::Applicant{"Nguyễn Văn An", "0912345678", std::nullopt, std::nullopt};
    auto reply = run<Result<ConsoleReply>>(
        port, [&](HttpClient& h) { return send_console_request(h, officer, r); });
    REQUIRE(reply);
    const auto* received = std::get_if<FinishedWithDossier>(&*reply);
    REQUIRE(received != nullptr);
    CHECK(received->ticket.state == TicketState::done);
    const std::string code = received->dossier.code;
    CHECK(code == "000.17.22.H56-261123-0001");
    CHECK(received->dossier.due_date == due->due_date);  // what the form showed
    REQUIRE(received->dossier.details);
    CHECK(received->dossier.details->applicant.name == "Nguyễn Văn An");

    auto form = run<Result<std::string>>(
        port, [&](HttpClient& h) { return fetch_receipt_form(h, officer, code); });
    REQUIRE(form);
    CHECK(looks_like_pdf(*form));

    SECTION("bad inputs") {
        // the kiosk's token may not fetch a receipt (it holds the applicant's name)
        auto refused = run<Result<std::string>>(
            port, [&](HttpClient& h) { return fetch_receipt_form(h, ward.kiosk_token, code); });
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == ErrorCode::forbidden);
        // a procedure the ward does not have
        REQUIRE(harness::request(port, "POST", "/api/v1/tickets", ward.kiosk_token,
                                 R"({"category":"HT"})")
                    .status == 201);
        REQUIRE(harness::request(port, "POST", "/api/v1/counters/1/call-next", officer).status ==
                200);
        ConsoleRequest bad = finish(FinishOutcome::dossier_received);
        bad.procedure = "XX-NONE";
        bad.applicant = api::Applicant{"Nguyễn Văn An", std::nullopt, std::nullopt, std::nullopt};
        auto unknown = run<Result<ConsoleReply>>(
            port, [&](HttpClient& h) { return send_console_request(h, officer, bad); });
        REQUIRE_FALSE(unknown);
        CHECK(unknown.error().code == ErrorCode::unknown_procedure);
        // a result returned for a dossier nobody received
        ConsoleRequest ghost = finish(FinishOutcome::result_returned);
        ghost.dossier = "000.17.22.H56-261123-0099";
        auto missing = run<Result<ConsoleReply>>(
            port, [&](HttpClient& h) { return send_console_request(h, officer, ghost); });
        REQUIRE_FALSE(missing);
        CHECK((missing.error().code == ErrorCode::dossier_not_found ||
               missing.error().code == ErrorCode::dossier_not_found));
        // an unknown procedure's due date
        auto no_due = run<Result<api::DueDatePreview>>(
            port, [&](HttpClient& h) { return fetch_due_date(h, officer, "XX-NONE"); });
        REQUIRE_FALSE(no_due);
    }
    SECTION("the citizen comes back for the result") {
        harness::set_clock(port, "2026-11-25T09:00:00+07:00");
        REQUIRE(harness::request(port, "POST", "/api/v1/dossiers/" + code + "/status", officer,
                                 R"({"status":"ready"})")
                    .status == 200);
        REQUIRE(harness::request(port, "POST", "/api/v1/tickets", ward.kiosk_token,
                                 R"({"category":"HT"})")
                    .status == 201);
        // Counters close at the end of the office day: open it again.
        REQUIRE(harness::request(port, "POST", "/api/v1/counters/1/open", officer).status == 200);
        REQUIRE(harness::request(port, "POST", "/api/v1/counters/1/call-next", officer).status ==
                200);
        ConsoleRequest back = finish(FinishOutcome::result_returned);
        back.dossier = code;
        auto returned = run<Result<ConsoleReply>>(
            port, [&](HttpClient& h) { return send_console_request(h, officer, back); });
        REQUIRE(returned);
        // A second time: the dossier is closed, and the service says so.
        REQUIRE(harness::request(port, "POST", "/api/v1/tickets", ward.kiosk_token,
                                 R"({"category":"HT"})")
                    .status == 201);
        REQUIRE(harness::request(port, "POST", "/api/v1/counters/1/call-next", officer).status ==
                200);
        auto again = run<Result<ConsoleReply>>(
            port, [&](HttpClient& h) { return send_console_request(h, officer, back); });
        REQUIRE_FALSE(again);
        CHECK(again.error().code == ErrorCode::dossier_closed);
        auto seen = run<Result<api::DossierView>>(
            port, [&](HttpClient& h) { return fetch_dossier(h, ward.kiosk_token, code); });
        REQUIRE(seen);
        CHECK(seen->state == DossierState::returned);
        CHECK(seen->result == DossierResult::early);
    }
}

TEST_CASE("the ticket kiosk looks a dossier up with its token: the public view only",
          "[dossier_link]") {
    harness::Ward ward;
    harness::Service service(ward.db);
    const int port = service.port();
    harness::set_clock(port, "2026-11-23T08:30:00+07:00");
    const std::string officer = citizen_at_counter(port, ward.kiosk_token);
    auto done = harness::request(
        port, "POST", "/api/v1/counters/1/finish", officer,
        R"({"outcome":"dossier_received","procedure":"HT-HN","applicant":{"name":"Nguyễn Văn An","phone":"0912345678"}})");
    REQUIRE(done.status == 200);
    const std::string code(done.json().at("dossier").at("code").as_string());

    ClientSettings cs;
    cs.server.host = "127.0.0.1";
    cs.server.port = static_cast<std::uint16_t>(port);
    cs.token = ward.kiosk_token;
    ClientThread client(cs);
    WardLinkSettings ls;
    ls.fetch_categories = false;
    ls.fetch_counters = false;
    ls.subscribe_events = false;
    WardLink link(client, ls);
    REQUIRE(link.start());
    client.start();
    const auto lookup = [&](const std::string& c) {
        std::optional<Result<api::DossierView>> out;
        link.lookup_dossier(c, [&](Result<api::DossierView> r) { out = std::move(r); });
        const auto deadline = std::chrono::steady_clock::now() + 10s;
        while (!out && std::chrono::steady_clock::now() < deadline) {
            client.ui_queue().run_all();
            std::this_thread::sleep_for(10ms);
        }
        REQUIRE(out);
        return std::move(*out);
    };

    auto found = lookup(code);
    REQUIRE(found);
    CHECK(found->code == code);
    CHECK(found->procedure_name == "Xác nhận tình trạng hôn nhân");
    CHECK(found->state == DossierState::received);
    CHECK(format_day(found->due_date) == "2026-11-26");
    CHECK_FALSE(found->details);  // no applicant, no officer: a kiosk is a public screen

    SECTION("bad inputs") {
        // a code of the right form that no dossier has
        auto unknown = lookup("000.17.22.H56-261123-0099");
        REQUIRE_FALSE(unknown);
        CHECK(unknown.error().code == ErrorCode::dossier_not_found);
        // something that is no code at all, with characters a path must not carry raw
        auto junk = lookup("../../metrics?x=1");
        REQUIRE_FALSE(junk);
        CHECK_FALSE(is_transport_error(junk.error()));
    }
    client.stop();
}
