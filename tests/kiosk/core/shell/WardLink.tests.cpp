// The kiosk's network side against the real motcua-service: polling, ticket issuing, the event
// stream across a service restart, and the rating outbox delivering exactly once.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/json.hpp>
#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <thread>

#include "../../../service/harness.hpp"
#include "kiosk/core/citizen/rating_outbox.hpp"
#include "kiosk/core/shell/client_thread.hpp"
#include "kiosk/core/shell/ward_link.hpp"

extern char** environ;

using namespace motcua;
using namespace motcua::kiosk;
using namespace std::chrono_literals;

namespace {

/// `motcua-service serve` on a chosen port, so a restart comes back where the kiosk looks.
class ServiceOnPort {
public:
    ServiceOnPort(const std::filesystem::path& db, int port) {
        out_ = db.parent_path() / "serve.out";
        std::vector<std::string> args{std::string(MOTCUA_BIN_DIR) + "/motcua-service",
                                      "serve",
                                      "--config",
                                      harness::config_path(),
                                      "--db",
                                      db.string(),
                                      "--listen",
                                      "127.0.0.1:" + std::to_string(port),
                                      "--test-clock"};
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_addopen(&fa, 1, out_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
        REQUIRE(posix_spawn(&pid_, argv[0], &fa, nullptr, argv.data(), environ) == 0);
        posix_spawn_file_actions_destroy(&fa);
        const auto deadline = std::chrono::steady_clock::now() + 20s;
        std::string line;
        while (std::chrono::steady_clock::now() < deadline) {
            std::ifstream in(out_);
            std::getline(in, line);
            if (line.rfind("listening on", 0) == 0) break;
            std::this_thread::sleep_for(20ms);
        }
        if (line.rfind("listening on", 0) != 0) stop();
        REQUIRE(line.rfind("listening on http://127.0.0.1:", 0) == 0);
        port_ = std::stoi(line.substr(std::string("listening on http://127.0.0.1:").size()));
    }
    ~ServiceOnPort() { stop(); }
    ServiceOnPort(const ServiceOnPort&) = delete;
    ServiceOnPort& operator=(const ServiceOnPort&) = delete;

    void stop() {
        if (pid_ <= 0) return;
        ::kill(pid_, SIGTERM);
        ::waitpid(pid_, nullptr, 0);
        pid_ = -1;
    }
    [[nodiscard]] int port() const { return port_; }

private:
    pid_t pid_ = -1;
    int port_ = 0;
    std::filesystem::path out_;
};

/// A ClientThread and WardLink as a kiosk has them, with the UI queue pumped by the test.
struct Kiosk {
    /// Over https:// when `ca_file` is given (the CA it trusts).
    Kiosk(int port, const std::string& token, WardLinkSettings link_settings,
          const std::string& ca_file = "")
        : client([&] {
              ClientSettings s;
              s.server.host = "127.0.0.1";
              s.server.port = static_cast<std::uint16_t>(port);
              s.server.tls = !ca_file.empty();
              s.server.ca_file = ca_file;
              s.token = token;
              s.timing.first_retry = 50ms;
              s.timing.max_retry = 200ms;
              s.timing.online_poll = 200ms;
              return s;
          }()),
          link(client, [&] {
              link_settings.refresh_period = 300ms;
              link_settings.online_check = 50ms;
              link_settings.outbox_retry = 300ms;
              return link_settings;
          }()) {
        link.set_event_handler([this](const api::Event& e) { events.push_back(e); });
        REQUIRE(link.start());
        client.start();
    }
    ~Kiosk() { client.stop(); }

    /// Pumps the UI queue until `pred` holds (10 s at most).
    template <typename Pred>
    bool eventually(Pred pred) {
        const auto deadline = std::chrono::steady_clock::now() + 10s;
        while (std::chrono::steady_clock::now() < deadline) {
            client.ui_queue().run_all();
            if (pred()) return true;
            std::this_thread::sleep_for(10ms);
        }
        client.ui_queue().run_all();
        return pred();
    }

    ClientThread client;
    WardLink link;
    std::vector<api::Event> events;  // UI thread (the test's)
};

/// A free port: bound and released (the service binds it again a moment later).
int free_port() {
    boost::asio::io_context io;
    boost::asio::ip::tcp::acceptor a(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
    return a.local_endpoint().port();
}

WardLinkSettings ticket_settings(const std::filesystem::path& dir) {
    WardLinkSettings s;
    s.outbox_dir = dir / "kiosk" / "outbox";
    return s;
}

/// A rating pad: counters and events, no categories.
WardLinkSettings pad_settings(const std::filesystem::path& dir) {
    WardLinkSettings s;
    s.fetch_categories = false;
    s.outbox_dir = dir / "pad" / "outbox";
    return s;
}

std::string login(int port) {
    auto r = harness::request(port, "POST", "/api/v1/auth/login", "",
                              R"({"username":"lan","password":"matkhau-123"})");
    REQUIRE(r.status == 200);
    return std::string(r.json().at("token").as_string());
}

/// Issue, call and finish one HT ticket at counter 1; returns its id.
std::string serve_one(int port, const std::string& kiosk_token, const std::string& officer) {
    auto issued =
        harness::request(port, "POST", "/api/v1/tickets", kiosk_token, R"({"category":"HT"})");
    REQUIRE(issued.status == 201);
    REQUIRE(harness::request(port, "POST", "/api/v1/counters/1/call-next", officer).status == 200);
    REQUIRE(harness::request(port, "POST", "/api/v1/counters/1/finish", officer,
                             R"({"outcome":"resolved"})")
                .status == 200);
    return std::string(issued.json().at("id").as_string());
}

int rating_events_for(int port, const std::string& token, const std::string& ticket) {
    harness::EventClient events(port, token, 0);
    int n = 0;
    while (auto e = events.next(1000))
        if (e->at("type") == "rating_submitted" &&
            e->at("rating").at("ticket").as_string() == ticket)
            ++n;
    return n;
}

}  // namespace

TEST_CASE("the ward link keeps categories and counters and issues tickets", "[ward_link]") {
    harness::Ward ward;
    ServiceOnPort service(ward.db, 0);
    Kiosk kiosk(service.port(), ward.kiosk_token, ticket_settings(ward.dir.path));
    REQUIRE(kiosk.eventually([&] {
        const auto s = kiosk.client.snapshot();
        return s.ward.categories_loaded && s.ward.counters_loaded && s.ward.events_connected;
    }));
    auto state = kiosk.client.snapshot();
    CHECK(state.ward.categories.size() == 4);
    CHECK(state.ward.counters.size() == 5);

    std::optional<Result<api::TicketView>> answer;
    kiosk.link.issue_ticket({"HT", false, std::nullopt},
                            [&](Result<api::TicketView> t) { answer = t; });
    REQUIRE(kiosk.eventually([&] { return answer.has_value(); }));
    REQUIRE(answer->ok());
    CHECK((*answer)->number == "A001");
    // The tile's count follows at once (a refresh after issuing), and the event arrived.
    CHECK(
        kiosk.eventually([&] { return kiosk.client.snapshot().ward.categories[0].waiting == 1; }));
    CHECK(kiosk.eventually([&] {
        return !kiosk.events.empty() && kiosk.events.back().type == EventType::ticket_issued;
    }));

    SECTION("bad inputs") {
        // an unknown category: the service's refusal comes back as it is
        std::optional<Result<api::TicketView>> refused;
        kiosk.link.issue_ticket({"XX", false, std::nullopt},
                                [&](Result<api::TicketView> t) { refused = t; });
        REQUIRE(kiosk.eventually([&] { return refused.has_value(); }));
        REQUIRE_FALSE(refused->ok());
        CHECK(refused->error().code == ErrorCode::unknown_category);
    }
}

TEST_CASE("over https the kiosk trusts the ward's CA and no other", "[ward_link][tls]") {
    harness::Ward ward;
    const harness::TestCertificates certs(ward.dir.path);
    harness::TempDir elsewhere;
    const harness::TestCertificates stranger(elsewhere.path);  // a CA that signed nothing of ours
    harness::Service service(ward.db, {"--tls-cert", certs.cert, "--tls-key", certs.key});

    Kiosk kiosk(service.port(), ward.kiosk_token, ticket_settings(ward.dir.path), certs.ca);
    REQUIRE(kiosk.eventually([&] {
        const auto s = kiosk.client.snapshot();
        return s.ward.categories_loaded && s.ward.counters_loaded && s.ward.events_connected;
    }));
    std::optional<Result<api::TicketView>> answer;
    kiosk.link.issue_ticket({"HT", false, std::nullopt},
                            [&](Result<api::TicketView> t) { answer = t; });
    REQUIRE(kiosk.eventually([&] { return answer.has_value(); }));
    REQUIRE(answer->ok());
    CHECK((*answer)->number == "A001");
    // The event came over wss:// too.
    CHECK(kiosk.eventually([&] {
        return !kiosk.events.empty() && kiosk.events.back().type == EventType::ticket_issued;
    }));

    // Plain HTTP to the TLS port: a clear 400 in plain HTTP, and the service goes on.
    const auto plain = harness::request(service.port(), "GET", "/api/v1/healthz");
    CHECK(plain.status == 400);
    CHECK(plain.json().at("error").at("code") == "https_required");

    // A kiosk that trusts another CA never gets through, and says why.
    Kiosk doubtful(service.port(), ward.kiosk_token, ticket_settings(elsewhere.path), stranger.ca);
    std::optional<Result<api::TicketView>> refused;
    doubtful.link.issue_ticket({"HT", false, std::nullopt},
                               [&](Result<api::TicketView> t) { refused = t; });
    REQUIRE(doubtful.eventually([&] { return refused.has_value(); }));
    REQUIRE_FALSE(refused->ok());
    CHECK(refused->error().code == ErrorCode::tls);
    CHECK(refused->error().message.find("certificate verify failed") != std::string::npos);
    const auto s = doubtful.client.snapshot();
    CHECK_FALSE(s.ward.categories_loaded);
    CHECK_FALSE(s.ward.events_connected);
    // Only the first kiosk's ticket exists.
    CHECK(
        kiosk.eventually([&] { return kiosk.client.snapshot().ward.categories[0].waiting == 1; }));
}

TEST_CASE("the event stream resumes after a service restart without gaps or repeats",
          "[ward_link]") {
    harness::Ward ward;
    const int port = free_port();
    std::optional<ServiceOnPort> service(std::in_place, ward.db, port);
    const std::string officer = login(port);
    Kiosk kiosk(port, ward.rating1_token, pad_settings(ward.dir.path));
    REQUIRE(kiosk.eventually([&] { return kiosk.client.snapshot().ward.events_connected; }));

    // Who sits at the counter shows from the counter_opened event.
    REQUIRE(harness::request(port, "POST", "/api/v1/counters/1/open", officer).status == 200);
    REQUIRE(kiosk.eventually([&] {
        for (const auto& c : kiosk.client.snapshot().ward.counters)
            if (c.number == 1) return c.officer == std::optional<std::string>("Nguyễn Thị Lan");
        return false;
    }));
    serve_one(port, ward.kiosk_token, officer);
    REQUIRE(kiosk.eventually([&] {
        return !kiosk.events.empty() && kiosk.events.back().type == EventType::ticket_finished;
    }));

    service->stop();
    REQUIRE(kiosk.eventually([&] { return !kiosk.client.snapshot().ward.events_connected; }));
    // While the kiosk is away, the day goes on: these events come when it is back.
    service.emplace(ward.db, port);
    serve_one(port, ward.kiosk_token, officer);
    REQUIRE(kiosk.eventually([&] {
        return kiosk.events.size() >= 2 && kiosk.events.back().type == EventType::ticket_finished &&
               kiosk.events.back().fields.at("ticket").at("number") == "A002";
    }));
    for (std::size_t i = 1; i < kiosk.events.size(); ++i) {
        INFO(i);
        CHECK(kiosk.events[i].seq == kiosk.events[i - 1].seq + 1);  // every event, once, in order
    }
    CHECK(kiosk.client.snapshot().ward.last_event_seq == kiosk.events.back().seq);
}

TEST_CASE("a rating given while the service is down is delivered exactly once", "[ward_link]") {
    harness::Ward ward;
    const int port = free_port();
    std::optional<ServiceOnPort> service(std::in_place, ward.db, port);
    const std::string officer = login(port);
    REQUIRE(harness::request(port, "POST", "/api/v1/counters/1/open", officer).status == 200);
    const std::string ticket = serve_one(port, ward.kiosk_token, officer);
    Kiosk kiosk(port, ward.rating1_token, pad_settings(ward.dir.path));
    REQUIRE(kiosk.eventually(
        [&] { return kiosk.client.snapshot().connection == ConnectionState::online; }));

    service->stop();
    api::RatingRequest rating;
    rating.ticket = ticket;
    rating.level = 2;
    rating.reasons = {RatingReason::long_wait};
    std::optional<RatingAnswer> first;
    kiosk.link.submit_rating(rating, [&](const RatingAnswer& a) { first = a; });
    REQUIRE(kiosk.eventually([&] { return first.has_value(); }));
    CHECK(first->verdict == RatingVerdict::retry);  // kept for later
    const auto outbox = ward.dir.path / "pad" / "outbox";
    CHECK(RatingOutbox::open(outbox)->size() == 1);
    CHECK(kiosk.eventually([&] { return kiosk.client.snapshot().ward.ratings_pending == 1; }));

    service.emplace(ward.db, port);
    REQUIRE(kiosk.eventually([&] { return kiosk.client.snapshot().ward.ratings_pending == 0; }));
    CHECK(RatingOutbox::open(outbox)->size() == 0);
    CHECK(rating_events_for(port, ward.kiosk_token, ticket) == 1);
    auto again = harness::request(port, "POST", "/api/v1/ratings", ward.rating1_token,
                                  R"({"ticket":")" + ticket + R"(","level":5})");
    CHECK(again.status == 409);

    SECTION("bad inputs") {
        // a ticket nobody was given: the service can never accept it, so it is dropped
        api::RatingRequest unknown;
        unknown.ticket = "Z999";
        unknown.level = 5;
        std::optional<RatingAnswer> answer;
        kiosk.link.submit_rating(unknown, [&](const RatingAnswer& a) { answer = a; });
        REQUIRE(kiosk.eventually([&] { return answer.has_value(); }));
        CHECK(answer->verdict == RatingVerdict::rejected);
        CHECK(answer->error.code == ErrorCode::unknown_ticket);
        CHECK(kiosk.eventually([&] { return RatingOutbox::open(outbox)->size() == 0; }));
    }
}

TEST_CASE("the console's link starts with the officer's token and reads the service's clock",
          "[ward_link]") {
    harness::Ward ward;
    ServiceOnPort service(ward.db, 0);
    const int port = service.port();
    harness::set_clock(port, "2026-11-23T08:30:00+07:00");
    // The console has no device token: it reads with the officer's session, known after login.
    ClientSettings cs;
    cs.server.host = "127.0.0.1";
    cs.server.port = static_cast<std::uint16_t>(port);
    cs.timing.first_retry = 50ms;
    cs.timing.online_poll = 200ms;
    ClientThread client(cs);
    WardLinkSettings ls;
    ls.track_service_clock = true;
    ls.refresh_period = 300ms;
    ls.online_check = 50ms;
    WardLink link(client, ls);
    std::vector<TimePoint> clock;
    std::vector<api::Event> events;
    link.set_service_time_handler(
        [&](TimePoint service_now, TimePoint) { clock.push_back(service_now); });
    link.set_event_handler([&](const api::Event& e) { events.push_back(e); });
    client.start();
    link.set_token(login(port));
    REQUIRE(link.start());
    const auto eventually = [&](auto pred) {
        const auto deadline = std::chrono::steady_clock::now() + 10s;
        while (std::chrono::steady_clock::now() < deadline) {
            client.ui_queue().run_all();
            if (pred()) return true;
            std::this_thread::sleep_for(10ms);
        }
        return false;
    };
    REQUIRE(eventually([&] {
        const auto s = client.snapshot();
        return s.ward.categories_loaded && s.ward.counters_loaded && s.ward.events_connected;
    }));
    REQUIRE_FALSE(clock.empty());
    CHECK(clock.back() == *parse_rfc3339("2026-11-23T08:30:00+07:00"));  // the test clock's time
    REQUIRE(
        harness::request(port, "POST", "/api/v1/tickets", ward.kiosk_token, R"({"category":"HT"})")
            .status == 201);
    CHECK(eventually(
        [&] { return !events.empty() && events.back().type == EventType::ticket_issued; }));

    SECTION("another officer's token later (the harness's second officer): reading goes on") {
        auto r = harness::request(port, "POST", "/api/v1/auth/login", "",
                                  R"({"username":"binh","password":"matkhau-456"})");
        REQUIRE(r.status == 200);
        link.set_token(std::string(r.json().at("token").as_string()));
        REQUIRE(harness::request(port, "POST", "/api/v1/tickets", ward.kiosk_token,
                                 R"({"category":"TK"})")
                    .status == 201);
        CHECK(eventually([&] { return client.snapshot().ward.categories.back().waiting == 1; }));
    }
    client.stop();
}
