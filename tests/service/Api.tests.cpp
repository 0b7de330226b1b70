// Integration tests: the real motcua-service binary on 127.0.0.1, over HTTP and WebSocket.
#include <fmt/format.h>
#include <sys/socket.h>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <catch2/catch.hpp>
#include <functional>
#include <set>
#include <thread>

#include "harness.hpp"

using namespace harness;
namespace json = boost::json;

namespace {

std::string issue_body(const std::string& cat, bool priority = false) {
    return json::serialize(json::value{{"category", cat}, {"priority", priority}});
}

std::string error_code(const Response& r) {
    INFO(r.body);
    return std::string(r.json().at("error").at("code").as_string());
}

}  // namespace

TEST_CASE("only the event stream takes its token from the URL", "[api][websocket][integration]") {
    Ward w;
    Service s(w.db);
    const int p = s.port();
    set_clock(p, "2026-11-23T07:30:00+07:00");
    const std::string officer = w.login(s);
    CHECK(request(p, "GET", "/api/v1/categories?token=" + w.kiosk_token).status == 401);
    CHECK(request(p, "GET", "/api/v1/counters?token=" + officer).status == 401);
    CHECK(
        request(p, "POST", "/api/v1/tickets?token=" + w.kiosk_token, "", issue_body("HT")).status ==
        401);
    CHECK(request(p, "GET", "/api/v1/categories", w.kiosk_token).status == 200);

    // A browser's WebSocket: no header, the token in the query.
    boost::asio::io_context ioc;
    boost::beast::websocket::stream<boost::beast::tcp_stream> ws(ioc);
    boost::beast::get_lowest_layer(ws).connect(
        {boost::asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(p)});
    ws.handshake("127.0.0.1", "/api/v1/events?since=0&token=" + w.board_token);
    REQUIRE(request(p, "POST", "/api/v1/tickets", w.kiosk_token, issue_body("HT")).status == 201);
    boost::beast::flat_buffer buffer;
    ws.read(buffer);
    const auto event = json::parse(boost::beast::buffers_to_string(buffer.data())).as_object();
    CHECK(event.at("type") == "ticket_issued");
}

TEST_CASE("an event client that sends a large message is closed", "[api][websocket][integration]") {
    Ward w;
    Service s(w.db);
    const int p = s.port();
    set_clock(p, "2026-11-23T07:30:00+07:00");
    boost::asio::io_context ioc;
    boost::beast::websocket::stream<boost::beast::tcp_stream> ws(ioc);
    boost::beast::get_lowest_layer(ws).connect(
        {boost::asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(p)});
    ws.handshake("127.0.0.1", "/api/v1/events?since=0&token=" + w.board_token);
    boost::beast::error_code ec;
    ws.write(boost::asio::buffer(std::string(100 * 1024, 'x')), ec);  // may be cut off midway
    REQUIRE(request(p, "POST", "/api/v1/tickets", w.kiosk_token, issue_body("HT")).status == 201);
    // Read until the service closes, for at most five seconds (a socket it kept open times out).
    boost::beast::flat_buffer buffer;
    bool ended = false;
    std::function<void()> read_next = [&] {
        ws.async_read(buffer, [&](boost::beast::error_code e, std::size_t) {
            if (e) {
                ended = true;
                return;
            }
            buffer.consume(buffer.size());
            read_next();
        });
    };
    read_next();
    ioc.run_for(std::chrono::seconds(5));
    // Closed by the service: with 1009, or reset when the close found the rest of the message
    // still unread in its socket.
    CHECK(ended);
    CHECK((ws.reason().code == boost::beast::websocket::close_code::too_big ||
           ws.reason().code == boost::beast::websocket::close_code::none));
    CHECK(request(p, "GET", "/api/v1/categories", w.kiosk_token).status == 200);
}

TEST_CASE("every route answers with its roles and error codes", "[api][integration]") {
    Ward w;
    Service s(w.db);
    const int p = s.port();
    set_clock(p, "2026-11-23T07:30:00+07:00");
    const std::string officer = w.login(s);

    CHECK(request(p, "GET", "/api/v1/healthz").body == R"({"status":"ok"})");

    SECTION("401 without or with a bad token, 403 for the wrong role") {
        CHECK(request(p, "GET", "/api/v1/categories").status == 401);
        CHECK(error_code(request(p, "GET", "/api/v1/categories", "not-a-token")) == "unauthorized");
        CHECK(request(p, "POST", "/api/v1/tickets", "", issue_body("HT")).status == 401);
        CHECK(request(p, "POST", "/api/v1/tickets", officer, issue_body("HT")).status == 403);
        CHECK(request(p, "POST", "/api/v1/tickets", w.board_token, issue_body("HT")).status == 403);
        CHECK(request(p, "POST", "/api/v1/counters/1/open", w.kiosk_token).status == 403);
        CHECK(
            request(p, "POST", "/api/v1/ratings", officer, R"({"ticket":"x","level":5})").status ==
            403);
        CHECK(request(p, "POST", "/api/v1/ratings", w.board_token, R"({"ticket":"x","level":5})")
                  .status == 403);
        for (const auto* route : {"/api/v1/categories", "/api/v1/procedures", "/api/v1/counters"}) {
            CHECK(request(p, "GET", route, w.kiosk_token).status == 200);
            CHECK(request(p, "GET", route, officer).status == 200);
        }
    }

    SECTION("a ticket's whole life through the API, rating included") {
        auto t = request(p, "POST", "/api/v1/tickets", w.kiosk_token, issue_body("HT"));
        REQUIRE(t.status == 201);
        const std::string id(t.json().at("id").as_string());
        CHECK(t.json().at("number") == "A001");
        CHECK(t.json().at("issued_at") == "2026-11-23T07:30:00+07:00");
        CHECK(request(p, "GET", "/api/v1/tickets/" + id).json().at("state") == "waiting");
        CHECK(request(p, "GET", "/api/v1/tickets/nope").status == 404);

        // rating an unserved ticket: 422
        CHECK(request(p, "POST", "/api/v1/ratings", w.kiosk_token,
                      R"({"ticket":")" + id + R"(","level":5})")
                  .status == 422);
        // counter actions before opening: 403; unknown counter: 404
        CHECK(request(p, "POST", "/api/v1/counters/1/call-next", officer).status == 403);
        CHECK(request(p, "POST", "/api/v1/counters/99/open", officer).status == 404);
        REQUIRE(request(p, "POST", "/api/v1/counters/1/open", officer).status == 200);
        // another officer cannot act at counter 1
        const std::string binh = w.login(s, "binh", "matkhau-456");
        CHECK(request(p, "POST", "/api/v1/counters/1/call-next", binh).status == 403);
        set_clock(p, "2026-11-23T07:40:00+07:00");
        auto called = request(p, "POST", "/api/v1/counters/1/call-next", officer);
        REQUIRE(called.status == 200);
        CHECK(called.json().at("state") == "called");
        CHECK(called.json().at("counter") == 1);
        // nobody else waiting for counter 3 (DC, TK)
        REQUIRE(request(p, "POST", "/api/v1/counters/3/open", binh).status == 200);
        CHECK(request(p, "POST", "/api/v1/counters/3/call-next", binh).status == 204);
        CHECK(request(p, "POST", "/api/v1/counters/1/recall", officer).status == 200);
        CHECK(request(p, "POST", "/api/v1/counters/1/start", officer).json().at("state") ==
              "serving");
        // calling next while serving: 409
        CHECK(request(p, "POST", "/api/v1/counters/1/call-next", officer).status == 409);
        // a bad outcome: 400; an unknown procedure: 422
        CHECK(request(p, "POST", "/api/v1/counters/1/finish", officer, R"({"outcome":"ok"})")
                  .status == 400);
        CHECK(request(p, "POST", "/api/v1/counters/1/finish", officer,
                      R"({"outcome":"resolved","procedure":"ZZ"})")
                  .status == 422);
        set_clock(p, "2026-11-23T07:45:00+07:00");
        auto done =
            request(p, "POST", "/api/v1/counters/1/finish", officer, R"({"outcome":"resolved"})");
        REQUIRE(done.status == 200);
        CHECK(done.json().at("state") == "done");
        CHECK(done.json().at("finished_at") == "2026-11-23T07:45:00+07:00");

        // the rating pad of counter 2 cannot rate a ticket served at counter 1
        auto pad2 = run_cli({"device", "add", "--config", config_path(), "--db", w.db.string(),
                             "--name", "Pad 2", "--role", "rating", "--counter", "2"});
        REQUIRE(pad2.exit_code == 0);
        const std::string pad2_token = pad2.out.substr(0, pad2.out.find('\n'));
        const std::string rating =
            R"({"ticket":")" + id + R"(","level":2,"reasons":["long_wait"]})";
        CHECK(request(p, "POST", "/api/v1/ratings", pad2_token, rating).status == 403);
        CHECK(request(p, "POST", "/api/v1/ratings", w.rating1_token, rating).status == 201);
        // rating twice: 409
        CHECK(error_code(request(p, "POST", "/api/v1/ratings", w.kiosk_token, rating)) ==
              "already_rated");
        CHECK(request(p, "POST", "/api/v1/ratings", w.kiosk_token, rating).status == 409);
    }

    SECTION("no-show, reinstate and transfer") {
        auto t = request(p, "POST", "/api/v1/tickets", w.kiosk_token, issue_body("HT"));
        const std::string id(t.json().at("id").as_string());
        REQUIRE(request(p, "POST", "/api/v1/counters/1/open", officer).status == 200);
        REQUIRE(request(p, "POST", "/api/v1/counters/1/call-next", officer).status == 200);
        CHECK(request(p, "POST", "/api/v1/counters/1/no-show", officer).json().at("state") ==
              "no_show");
        CHECK(request(p, "POST", "/api/v1/counters/1/reinstate", officer,
                      R"({"ticket":")" + id + "\"}")
                  .json()
                  .at("state") == "waiting");
        REQUIRE(request(p, "POST", "/api/v1/counters/1/call-next", officer).status == 200);
        auto tr =
            request(p, "POST", "/api/v1/counters/1/transfer", officer, R"({"category":"VX"})");
        REQUIRE(tr.status == 200);
        CHECK(tr.json().at("category") == "VX");
        CHECK(tr.json().at("number") == "A001");
        CHECK(request(p, "POST", "/api/v1/counters/1/transfer", officer, R"({"category":"VX"})")
                  .status == 409);
        auto counters = request(p, "GET", "/api/v1/counters", officer).json().as_array();
        CHECK(counters.at(0).at("officer") == "Nguyễn Thị Lan");
        CHECK(counters.at(0).at("state") == "open");
    }

    SECTION("bad input gets a 4xx JSON error and changes nothing") {
        auto before = request(p, "GET", "/api/v1/public/queue").json();
        // malformed and truncated JSON
        CHECK(error_code(request(p, "POST", "/api/v1/tickets", w.kiosk_token, R"({"category":)")) ==
              "invalid_json");
        // wrong type
        CHECK(request(p, "POST", "/api/v1/tickets", w.kiosk_token, R"({"category":5})").status ==
              400);
        // invalid UTF-8
        CHECK(request(p, "POST", "/api/v1/tickets", w.kiosk_token, "{\"category\":\"\xff\"}")
                  .status == 400);
        // deep nesting
        CHECK(request(p, "POST", "/api/v1/tickets", w.kiosk_token,
                      std::string(10000, '[') + std::string(10000, ']'))
                  .status == 400);
        // not JSON
        CHECK(request(p, "POST", "/api/v1/tickets", w.kiosk_token, "category=HT",
                      "application/x-www-form-urlencoded")
                  .status == 415);
        // over the body limit
        CHECK(request(p, "POST", "/api/v1/tickets", w.kiosk_token, std::string(70 * 1024, ' '))
                  .status == 413);
        // unknown category
        CHECK(error_code(request(p, "POST", "/api/v1/tickets", w.kiosk_token, issue_body("ZZ"))) ==
              "unknown_category");
        // unknown route and wrong method
        CHECK(request(p, "GET", "/api/v1/nothing", officer).status == 404);
        CHECK(request(p, "GET", "/nothing").status == 404);
        CHECK(request(p, "DELETE", "/api/v1/tickets", w.kiosk_token).status == 405);
        CHECK(request(p, "PUT", "/api/v1/healthz").status == 405);
        // the test clock never goes back
        CHECK(request(p, "POST", "/api/v1/test/clock", "", R"({"now":"2026-11-23T07:00:00+07:00"})")
                  .status == 422);
        CHECK(request(p, "GET", "/api/v1/public/queue").json() == before);
        // the service still answers
        CHECK(request(p, "POST", "/api/v1/tickets", w.kiosk_token, issue_body("HT")).status == 201);
    }

    SECTION("login: wrong password 401, then rate limited 429") {
        const auto bad = json::serialize(json::value{{"username", "lan"}, {"password", "sai"}});
        for (int i = 0; i < 5; ++i)
            CHECK(request(p, "POST", "/api/v1/auth/login", "", bad).status == 401);
        CHECK(error_code(request(p, "POST", "/api/v1/auth/login", "", bad)) == "too_many_attempts");
        CHECK(request(p, "POST", "/api/v1/auth/login", "", bad).status == 429);
    }

    SECTION("open data, phone page and metrics need no login and hold no personal data") {
        auto t = request(p, "POST", "/api/v1/tickets", w.kiosk_token, issue_body("DC"));
        const std::string id(t.json().at("id").as_string());
        auto q = request(p, "GET", "/api/v1/public/queue");
        REQUIRE(q.status == 200);
        CHECK(q.json().at("categories").at(1).at("waiting") == 1);
        auto page = request(p, "GET", "/t/" + id);
        CHECK(page.status == 200);
        CHECK(page.headers["Content-Type"].rfind("text/html", 0) == 0);
        CHECK(page.body.find("B001") != std::string::npos);
        CHECK(page.body.find("Đang chờ") != std::string::npos);
        CHECK(request(p, "GET", "/t/" + id + "?lang=en").body.find("Waiting") != std::string::npos);
        CHECK(request(p, "GET", "/t/unknown").status == 404);
        auto m = request(p, "GET", "/metrics");
        CHECK(m.status == 200);
        CHECK(m.body.find("motcua_tickets_waiting 1") != std::string::npos);
        CHECK(m.body.find("motcua_http_requests_total{route=\"/api/v1/tickets\",status=\"201\"}") !=
              std::string::npos);
    }
}

TEST_CASE("without --test-clock the clock route does not exist", "[api][integration]") {
    TempDir dir;
    auto add = run_cli({"device", "add", "--config", config_path(), "--db",
                        (dir.path / "w.db").string(), "--name", "k", "--role", "kiosk"});
    REQUIRE(add.exit_code == 0);
    // start without the flag: Service always adds it, so use the CLI directly here
    int port = 0;
    {
        Service s(dir.path / "w.db");
        port = s.port();
        CHECK(request(port, "POST", "/api/v1/test/clock", "",
                      R"({"now":"2026-11-23T07:30:00+07:00"})")
                  .status == 200);
    }
}

TEST_CASE("the test clock survives a restart", "[api][integration]") {
    Ward w;
    {
        Service s(w.db);
        set_clock(s.port(), "2026-11-23T09:15:00+07:00");
        CHECK(s.stop() == 0);  // graceful stop exits 0
    }
    Service s(w.db);
    auto t = request(s.port(), "POST", "/api/v1/tickets", w.kiosk_token, issue_body("HT"));
    CHECK(t.json().at("issued_at") == "2026-11-23T09:15:00+07:00");
    SECTION("a new database starts at 2000-01-01") {
        Ward fresh;
        Service s2(fresh.db);
        auto t2 =
            request(s2.port(), "POST", "/api/v1/tickets", fresh.kiosk_token, issue_body("HT"));
        CHECK(t2.json().at("issued_at") == "2000-01-01T00:00:00+07:00");
    }
}

TEST_CASE(
    "a ticket request repeated with its idempotency key gives the same ticket, even after a "
    "restart",
    "[api][integration][idempotency]") {
    Ward w;
    const std::string body = R"({"category":"HT","idempotency_key":"0f3a9c2e7b6d41a8"})";
    std::string id, number;
    {
        Service s(w.db);
        set_clock(s.port(), "2026-11-23T08:00:00+07:00");
        auto first = request(s.port(), "POST", "/api/v1/tickets", w.kiosk_token, body);
        REQUIRE(first.status == 201);
        id = std::string(first.json().at("id").as_string());
        number = std::string(first.json().at("number").as_string());
        auto repeat = request(s.port(), "POST", "/api/v1/tickets", w.kiosk_token, body);
        REQUIRE(repeat.status == 201);
        CHECK(repeat.json().at("id") == first.json().at("id"));
        CHECK(repeat.json().at("number") == first.json().at("number"));
        // The same key for another request is refused and changes nothing.
        auto other = request(s.port(), "POST", "/api/v1/tickets", w.kiosk_token,
                             R"({"category":"DC","idempotency_key":"0f3a9c2e7b6d41a8"})");
        CHECK(other.status == 409);
        CHECK(other.json().at("error").at("code") == "idempotency_key_reused");
        // A key that is not one: 400, nothing issued.
        for (const char* bad : {R"("")", R"("with space")", "42"}) {
            auto r = request(s.port(), "POST", "/api/v1/tickets", w.kiosk_token,
                             std::string(R"({"category":"HT","idempotency_key":)") + bad + "}");
            INFO(bad);
            CHECK(r.status == 400);
        }
        s.kill9();
    }
    Service s(w.db);
    auto after = request(s.port(), "POST", "/api/v1/tickets", w.kiosk_token, body);
    REQUIRE(after.status == 201);
    CHECK(std::string(after.json().at("id").as_string()) == id);
    CHECK(std::string(after.json().at("number").as_string()) == number);
    const auto queue = request(s.port(), "GET", "/api/v1/public/queue").json();
    for (const auto& c : queue.at("categories").as_array())
        if (c.at("code") == "HT") CHECK(c.at("waiting") == 1);
    // A new key is a new ticket.
    auto next = request(s.port(), "POST", "/api/v1/tickets", w.kiosk_token,
                        R"({"category":"HT","idempotency_key":"0f3a9c2e7b6d41a9"})");
    REQUIRE(next.status == 201);
    CHECK(next.json().at("id") != after.json().at("id"));
}

TEST_CASE("the event stream resumes exactly where a client left off",
          "[api][websocket][integration]") {
    Ward w;
    Service s(w.db);
    const int p = s.port();
    set_clock(p, "2026-11-23T07:30:00+07:00");
    long last = 0;
    {
        EventClient c(p, w.board_token, 0);
        REQUIRE(request(p, "POST", "/api/v1/tickets", w.kiosk_token, issue_body("HT")).status ==
                201);
        auto e = c.next();
        REQUIRE(e);
        CHECK(e->at("type") == "ticket_issued");
        CHECK(e->at("seq") == 1);
        last = e->at("seq").as_int64();
    }
    // disconnected: three things happen
    const std::string officer = w.login(s);
    REQUIRE(request(p, "POST", "/api/v1/tickets", w.kiosk_token, issue_body("DC")).status == 201);
    REQUIRE(request(p, "POST", "/api/v1/counters/1/open", officer).status == 200);
    REQUIRE(request(p, "POST", "/api/v1/counters/1/call-next", officer).status == 200);

    EventClient c(p, w.board_token, last);
    std::vector<std::string> types;
    std::vector<long> seqs;
    for (int i = 0; i < 3; ++i) {
        auto e = c.next();
        REQUIRE(e);
        types.emplace_back(e->at("type").as_string());
        seqs.push_back(e->at("seq").as_int64());
    }
    CHECK(types == std::vector<std::string>{"ticket_issued", "counter_opened", "ticket_called"});
    CHECK(seqs == std::vector<long>{2, 3, 4});
    // then live ones: the very next message is the new event, so nothing was repeated or added

    REQUIRE(request(p, "POST", "/api/v1/counters/1/start", officer).status == 200);
    auto live = c.next();
    REQUIRE(live);
    CHECK(live->at("seq") == 5);
    CHECK(live->at("type") == "ticket_started");
    CHECK(live->at("counter") == 1);
    CHECK(live->at("ticket").at("number") == "A001");
}

TEST_CASE("a client sending headers one byte a second is cut off, others are served",
          "[api][slow][integration]") {
    Ward w;
    Service s(w.db, {"--read-timeout", "2"});
    const int p = s.port();
    std::chrono::steady_clock::duration took{};
    std::thread slow([&] {  // no Catch2 assertions in here: they are not thread-safe
        boost::asio::io_context ioc;
        boost::asio::ip::tcp::socket sock(ioc);
        sock.connect({boost::asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(p)});
        const std::string req = "GET /api/v1/healthz HTTP/1.1\r\nHost: x\r\n\r\n";
        const auto start = std::chrono::steady_clock::now();
        boost::system::error_code ec;
        for (char ch : req) {
            boost::asio::write(sock, boost::asio::buffer(&ch, 1), ec);
            if (ec) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
            // the server closed: a read returns EOF
            sock.non_blocking(true);
            char b;
            sock.read_some(boost::asio::buffer(&b, 1), ec);
            sock.non_blocking(false);
            if (ec && ec != boost::asio::error::would_block) break;
            ec.clear();
        }
        took = std::chrono::steady_clock::now() - start;
    });
    // meanwhile other clients are answered at once
    for (int i = 0; i < 5; ++i) {
        CHECK(request(p, "GET", "/api/v1/healthz").status == 200);
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    slow.join();
    CHECK(took < std::chrono::seconds(6));  // cut off near the 2 s timeout, not after 22 s of bytes
}

TEST_CASE("the current office day is rebuilt from the database after a restart",
          "[api][integration]") {
    Ward w;
    std::string first_id;
    {
        Service s(w.db);
        const int p = s.port();
        set_clock(p, "2026-11-23T08:00:00+07:00");
        first_id =
            std::string(request(p, "POST", "/api/v1/tickets", w.kiosk_token, issue_body("HT"))
                            .json()
                            .at("id")
                            .as_string());
        REQUIRE(
            request(p, "POST", "/api/v1/tickets", w.kiosk_token, issue_body("HT", true)).status ==
            201);
        REQUIRE(request(p, "POST", "/api/v1/tickets", w.kiosk_token, issue_body("VX")).status ==
                201);
        const std::string officer = w.login(s);
        REQUIRE(request(p, "POST", "/api/v1/counters/4/open", officer).status == 200);
        s.kill9();
    }
    Service s(w.db);
    const int p = s.port();
    auto q = request(p, "GET", "/api/v1/public/queue").json();
    CHECK(q.at("categories").at(0).at("waiting") == 2);  // HT
    CHECK(q.at("categories").at(2).at("waiting") == 1);  // VX
    // the session and the open counter survived; the queue order too (priority first, then A001)
    const auto login = w.login(s);
    auto counters = request(p, "GET", "/api/v1/counters", login).json().as_array();
    CHECK(counters.at(3).at("state") == "open");
    auto c1 = request(p, "POST", "/api/v1/counters/4/call-next", login);
    REQUIRE(c1.status == 200);
    CHECK(c1.json().at("category") == "VX");  // counter 4 prefers VX
    REQUIRE(request(p, "POST", "/api/v1/counters/4/finish", login, R"({"outcome":"guidance"})")
                .status == 200);
    auto c2 = request(p, "POST", "/api/v1/counters/4/call-next", login).json();
    CHECK(c2.at("number") == "A002");  // the priority ticket
    REQUIRE(request(p, "POST", "/api/v1/counters/4/finish", login, R"({"outcome":"guidance"})")
                .status == 200);
    CHECK(request(p, "POST", "/api/v1/counters/4/call-next", login).json().at("id") ==
          first_id.c_str());
    // numbering continues
    CHECK(request(p, "POST", "/api/v1/tickets", w.kiosk_token, issue_body("HT"))
              .json()
              .at("number") == "A003");
    SECTION("tickets still waiting when the day ends expire") {
        REQUIRE(request(p, "POST", "/api/v1/tickets", w.kiosk_token, issue_body("DC")).status ==
                201);
        set_clock(p, "2026-11-24T07:00:00+07:00");
        auto next_day = request(p, "GET", "/api/v1/public/queue").json();
        for (const auto& c : next_day.at("categories").as_array()) CHECK(c.at("waiting") == 0);
        CHECK(request(p, "POST", "/api/v1/tickets", w.kiosk_token, issue_body("HT"))
                  .json()
                  .at("number") == "A001");
    }
}

TEST_CASE("an event client that does not read is dropped; the service is not slowed",
          "[api][websocket][integration]") {
    Ward w;
    Service s(w.db, {"--ws-queue", "8"});
    const int p = s.port();
    // A client with a tiny receive window that never reads.
    boost::asio::io_context ioc;
    boost::beast::websocket::stream<boost::beast::tcp_stream> ws(ioc);
    auto& sock = boost::beast::get_lowest_layer(ws).socket();
    sock.open(boost::asio::ip::tcp::v4());
    sock.set_option(boost::asio::socket_base::receive_buffer_size(2048));
    sock.connect({boost::asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(p)});
    const std::string token = w.board_token;
    ws.set_option(boost::beast::websocket::stream_base::decorator(
        [&token](boost::beast::websocket::request_type& req) {
            req.set("Authorization", "Bearer " + token);
        }));
    ws.handshake("127.0.0.1", "/api/v1/events?since=0");

    // Thousands of events; every request is still answered promptly.
    const auto start = std::chrono::steady_clock::now();
    int answered = 0;
    for (int i = 0; i < 3000; ++i)
        answered +=
            request(p, "POST", "/api/v1/tickets", w.kiosk_token, issue_body(i % 2 ? "HT" : "DC"))
                .status == 201;
    const auto took = std::chrono::steady_clock::now() - start;
    CHECK(answered == 3000);
    CHECK(took < std::chrono::seconds(30));
    auto metrics = request(p, "GET", "/metrics").body;
    CHECK(metrics.find("motcua_dropped_slow_clients_total 1") != std::string::npos);
    // the dropped client finds its connection closed once it reads what was buffered
    // (bounded: if it was not dropped, the read stops at the 3,000 events and the checks fail)
    timeval five_seconds{5, 0};
    REQUIRE(setsockopt(sock.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &five_seconds,
                       sizeof five_seconds) == 0);
    boost::beast::flat_buffer buffer;
    boost::beast::error_code ec;
    int read = 0;
    while (!ec && read < 100000) {
        ws.read(buffer, ec);
        buffer.consume(buffer.size());
        ++read;
    }
    CHECK(ec);
    CHECK(read <
          3000);  // it did not receive everything: it was cut off, and may resume with since=
}

TEST_CASE("estimates learn from the stored history, so a restart changes none",
          "[api][estimates][integration]") {
    Ward w;
    std::string third;
    json::value told, before;
    {
        Service s(w.db);
        const int p = s.port();
        const std::string lan = w.login(s);
        // Yesterday every visit at counter 1 took ten minutes from the call to the finish.
        set_clock(p, "2026-11-23T08:00:00+07:00");
        REQUIRE(request(p, "POST", "/api/v1/counters/1/open", lan).status == 200);
        for (int i = 0; i < 20; ++i) {
            const int minute = 8 * 60 + i * 10;
            set_clock(p, fmt::format("2026-11-23T{:02}:{:02}:00+07:00", minute / 60, minute % 60));
            REQUIRE(request(p, "POST", "/api/v1/tickets", w.kiosk_token, issue_body("HT")).status ==
                    201);
            REQUIRE(request(p, "POST", "/api/v1/counters/1/call-next", lan).status == 200);
            set_clock(p, fmt::format("2026-11-23T{:02}:{:02}:00+07:00", (minute + 10) / 60,
                                     (minute + 10) % 60));
            REQUIRE(
                request(p, "POST", "/api/v1/counters/1/finish", lan, R"({"outcome":"guidance"})")
                    .status == 200);
        }
        // This morning: counter 1 open, three citizens in line.
        set_clock(p, "2026-11-24T08:00:00+07:00");
        REQUIRE(request(p, "POST", "/api/v1/counters/1/open", lan).status == 200);
        for (int i = 0; i < 3; ++i) {
            auto t = request(p, "POST", "/api/v1/tickets", w.kiosk_token, issue_body("HT"));
            REQUIRE(t.status == 201);
            third = std::string(t.json().at("id").as_string());
            told = t.json().at("estimate_at_issue");
        }
        before = request(p, "GET", "/api/v1/tickets/" + third).json();
        // Two ahead at ten minutes each: yesterday's times, not a five-minute default.
        CHECK(before.at("estimated_wait_s") == 1200);
        CHECK(before.at("estimated_wait_range_s") == json::array{1200, 1200});
        CHECK(told == json::value{{"wait_s", 1200}, {"low_s", 1200}, {"high_s", 1200}});
        CHECK(before.at("estimate_at_issue") == told);
        auto q = request(p, "GET", "/api/v1/public/queue").json();
        CHECK(q.at("categories").at(0).at("estimated_wait_s") == 1800);
        CHECK(q.at("categories").at(0).at("estimated_wait_range_s") == json::array{1800, 1800});
        s.kill9();
    }
    Service s(w.db);
    const auto after = request(s.port(), "GET", "/api/v1/tickets/" + third).json();
    CHECK(after.at("estimated_wait_s") == before.at("estimated_wait_s"));
    CHECK(after.at("estimated_wait_range_s") == before.at("estimated_wait_range_s"));
    CHECK(after.at("estimate_at_issue") == told);
}

TEST_CASE("a rating's idempotency key is the day's: used again on a later day, it is a new rating",
          "[api][integration][idempotency]") {
    // Found by fuzz_router: the key was unique for ever in the database while the service
    // remembers only today's, so the insert failed (500) and the ward refused every change
    // until its storage probe passed; a device could do that again and again.
    Ward w;
    Service s(w.db);
    const int p = s.port();
    const std::string officer = w.login(s);
    const std::string rating_body = R"({"level":5,"idempotency_key":"a1b2c3d4e5f60718"})";
    const auto serve_and_rate = [&](const char* day) {
        set_clock(p, std::string(day) + "T08:00:00+07:00");
        auto issued = request(p, "POST", "/api/v1/tickets", w.kiosk_token, issue_body("HT"));
        REQUIRE(issued.status == 201);
        const std::string id(issued.json().at("id").as_string());
        REQUIRE(request(p, "POST", "/api/v1/counters/1/open", officer).status == 200);
        REQUIRE(request(p, "POST", "/api/v1/counters/1/call-next", officer).status == 200);
        REQUIRE(
            request(p, "POST", "/api/v1/counters/1/finish", officer, R"({"outcome":"resolved"})")
                .status == 200);
        return request(p, "POST", "/api/v1/ratings", w.kiosk_token,
                       R"({"ticket":")" + id + "\"," + rating_body.substr(1));
    };
    REQUIRE(serve_and_rate("2026-11-23").status == 201);
    auto next_day = serve_and_rate("2026-11-24");
    INFO(next_day.body);
    CHECK(next_day.status == 201);
    // The ward still takes changes.
    CHECK(request(p, "POST", "/api/v1/tickets", w.kiosk_token, issue_body("HT")).status == 201);
    // Within one day the key still names one rating.
    auto again = request(p, "POST", "/api/v1/ratings", w.kiosk_token,
                         R"({"ticket":"A999",)" + rating_body.substr(1));
    CHECK(again.status == 409);
}
