#include "harness.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <random>
#include <thread>

extern char** environ;

namespace harness {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

namespace {

std::string bin(const std::string& program = "motcua-service") {
    return std::string(MOTCUA_BIN_DIR) + "/" + program;
}

// Reads everything from fd until EOF.
std::string drain(int fd) {
    std::string out;
    char buf[4096];
    ssize_t n;
    while ((n = ::read(fd, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
    return out;
}

pid_t spawn(const std::string& program, const std::vector<std::string>& args, int in_fd, int out_fd,
            int err_fd) {
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    if (in_fd >= 0) posix_spawn_file_actions_adddup2(&fa, in_fd, 0);
    if (out_fd >= 0) posix_spawn_file_actions_adddup2(&fa, out_fd, 1);
    if (err_fd >= 0) posix_spawn_file_actions_adddup2(&fa, err_fd, 2);
    std::vector<char*> argv;
    std::string b = bin(program);
    argv.push_back(b.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, b.c_str(), &fa, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    REQUIRE(rc == 0);
    return pid;
}

/// With MOTCUA_ANSWER_LOG=FILE, every answer the tests receive is appended to FILE as one JSON
/// line {method, target, status, content_type, body}: tests/openapi checks them against
/// docs/openapi.yaml. Lines are written whole with O_APPEND, so parallel tests may share a file.
void record_answer(const std::string& method, const std::string& target, int status,
                   const std::string& content_type, const std::string& body) {
    const char* file = std::getenv("MOTCUA_ANSWER_LOG");
    if (file == nullptr || *file == '\0') return;
    boost::json::object line{{"method", method},
                             {"target", target},
                             {"status", status},
                             {"content_type", content_type},
                             {"body", body}};
    const std::string text = boost::json::serialize(line) + "\n";
    const int fd = ::open(file, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0) return;
    [[maybe_unused]] auto n = ::write(fd, text.data(), text.size());
    ::close(fd);
}

}  // namespace

boost::json::value Response::json() const {
    boost::system::error_code ec;
    auto v = boost::json::parse(body, ec);
    INFO(body);
    REQUIRE_FALSE(ec);
    return v;
}

TempDir::TempDir() {
    std::random_device rd;
    path = std::filesystem::temp_directory_path() /
           ("motcua-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path);
}
TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
}

CommandResult run_cli(const std::vector<std::string>& args, const std::string& stdin_text) {
    return run_program("motcua-service", args, stdin_text);
}

CommandResult run_program(const std::string& program, const std::vector<std::string>& args,
                          const std::string& stdin_text) {
    int in[2], out[2], err[2];
    REQUIRE(pipe(in) == 0);
    REQUIRE(pipe(out) == 0);
    REQUIRE(pipe(err) == 0);
    pid_t pid = spawn(program, args, in[0], out[1], err[1]);
    close(in[0]);
    close(out[1]);
    close(err[1]);
    if (!stdin_text.empty())
        REQUIRE(::write(in[1], stdin_text.data(), stdin_text.size()) ==
                static_cast<ssize_t>(stdin_text.size()));
    close(in[1]);
    CommandResult r;
    r.out = drain(out[0]);
    r.err = drain(err[0]);
    close(out[0]);
    close(err[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

std::string shell(const std::string& command) {
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) throw std::runtime_error("cannot run: " + command);
    char buf[4096];
    std::size_t n = 0;
    while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
    pclose(pipe);
    return out;
}

std::string config_path() {
    // The demo ward's config with the public look-up limit raised (tests/CMakeLists.txt).
    return MOTCUA_TEST_CONFIG;
}

namespace {

std::vector<std::string> serve_args(const std::filesystem::path& db,
                                    std::vector<std::string> extra) {
    // `extra` may name another --config.
    const bool own_config = std::find(extra.begin(), extra.end(), "--config") != extra.end();
    std::vector<std::string> args{"serve",    "--db",        db.string(),
                                  "--listen", "127.0.0.1:0", "--test-clock"};
    if (!own_config) args.insert(args.end(), {"--config", config_path()});
    for (auto& a : extra) args.push_back(std::move(a));
    return args;
}

}  // namespace

Service::Service(const std::filesystem::path& db, std::vector<std::string> extra)
    : Service(Launch{"motcua-service", serve_args(db, std::move(extra))}) {}

Service::Service(const Launch& launch) {
    int out[2];
    REQUIRE(pipe(out) == 0);
    // The server's log goes to a file, shown when it does not stop cleanly.
    static int launched = 0;
    log_ = std::filesystem::temp_directory_path() /
           ("motcua-" + launch.program + "-" + std::to_string(getpid()) + "-" +
            std::to_string(++launched) + ".log");
    int log = ::open(log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    REQUIRE(log >= 0);
    pid_ = spawn(launch.program, launch.args, -1, out[1], log);
    close(log);
    close(out[1]);
    std::string line;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (line.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
        pollfd p{out[0], POLLIN, 0};
        if (poll(&p, 1, 200) > 0) {
            char c[256];
            ssize_t n = ::read(out[0], c, sizeof c);
            if (n <= 0) break;
            line.append(c, static_cast<std::size_t>(n));
        }
    }
    close(out[0]);
    // "listening on http://127.0.0.1:PORT", or https:// when the server terminates TLS.
    const std::string plain = "listening on http://127.0.0.1:",
                      secure = "listening on https://127.0.0.1:";
    const bool listening = line.rfind(plain, 0) == 0 || line.rfind(secure, 0) == 0;
    if (!listening) {
        // A failed REQUIRE in a constructor skips the destructor: do not leave the child behind.
        ::kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
        pid_ = -1;
    }
    INFO(line);
    REQUIRE(listening);
    port_ = std::stoi(line.substr(line.rfind(':') + 1));
}

Service::~Service() {
    if (pid_ > 0) {
        ::kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
    }
    std::error_code ec;
    std::filesystem::remove(log_, ec);
}

void Service::kill9() {
    ::kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
}

std::string Service::log_text() const {
    std::ifstream in(log_);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

int Service::stop() {
    ::kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    // A death by signal reads as the shell shows it (128 + signal): 134 is an abort, 139 a crash.
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    if (code != 0) {
        std::ifstream in(log_);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (text.size() > 4000) text = "…" + text.substr(text.size() - 4000);
        WARN("the server ended with " << code << "; its log:\n" << text);
    }
    return code;
}

/// A throwaway CA (openssl) and a server certificate it signed for 127.0.0.1.
TestCertificates::TestCertificates(const std::filesystem::path& dir)
    : ca((dir / "ca.pem").string()),
      cert((dir / "server.pem").string()),
      key((dir / "server.key").string()) {
    const auto d = dir.string();
    const std::string script = fmt::format(
        "set -e; cd '{0}'; "
        "openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 -subj "
        "'/CN=motcua test CA' "
        "2>/dev/null; "
        "openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj "
        "'/CN=127.0.0.1' "
        "2>/dev/null; "
        "printf 'subjectAltName=IP:127.0.0.1\n' > san.ext; "
        "openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem "
        "-days "
        "2 "
        "-extfile san.ext 2>/dev/null",
        d);
    REQUIRE(std::system(("bash -c \"" + script + "\"").c_str()) == 0);
}

Response request(int port, const std::string& method, const std::string& target,
                 const std::string& token, const std::optional<std::string>& body,
                 const std::string& content_type) {
    asio::io_context ioc;
    beast::tcp_stream stream(ioc);
    stream.expires_after(std::chrono::seconds(10));
    stream.connect(
        tcp::endpoint(asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port)));
    http::request<http::string_body> req{http::string_to_verb(method), target, 11};
    req.set(http::field::host, "127.0.0.1");
    if (!token.empty()) req.set(http::field::authorization, "Bearer " + token);
    if (body) {
        req.set(http::field::content_type, content_type);
        req.body() = *body;
    }
    req.prepare_payload();
    http::write(stream, req);
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    http::read(stream, buffer, parser);
    auto res = parser.release();
    Response r{static_cast<int>(res.result_int()), res.body(), {}};
    for (const auto& f : res) r.headers[std::string(f.name_string())] = std::string(f.value());
    const std::string type(res[http::field::content_type]);
    // Bodies of JSON only: the check reads no PDF or spreadsheet.
    record_answer(method, target, r.status, type,
                  type.rfind("application/json", 0) == 0 ? r.body : std::string());
    beast::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_both, ec);
    return r;
}

std::string raw_exchange(int port, const std::string& bytes, int timeout_ms) {
    asio::io_context ioc;
    tcp::socket s(ioc);
    s.connect(
        tcp::endpoint(asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port)));
    asio::write(s, asio::buffer(bytes));
    std::string out;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    s.non_blocking(true);
    while (std::chrono::steady_clock::now() < deadline) {
        char buf[4096];
        boost::system::error_code ec;
        auto n = s.read_some(asio::buffer(buf), ec);
        if (ec == asio::error::would_block) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
            continue;
        }
        if (ec) break;
        out.append(buf, n);
    }
    return out;
}

struct EventClient::Impl {
    asio::io_context ioc;
    websocket::stream<beast::tcp_stream> ws{ioc};
};

EventClient::EventClient(int port, const std::string& token, long since) : impl_(new Impl) {
    auto& ws = impl_->ws;
    beast::get_lowest_layer(ws).connect(
        tcp::endpoint(asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port)));
    ws.set_option(websocket::stream_base::decorator([token](websocket::request_type& req) {
        req.set(http::field::authorization, "Bearer " + token);
    }));
    ws.handshake("127.0.0.1", "/api/v1/events?since=" + std::to_string(since));
}

EventClient::~EventClient() {
    beast::error_code ec;
    beast::get_lowest_layer(impl_->ws).socket().close(ec);
    delete impl_;
}

std::optional<boost::json::object> EventClient::next(int timeout_ms) {
    auto& ws = impl_->ws;
    beast::flat_buffer buffer;
    bool done = false;
    beast::error_code result;
    ws.async_read(buffer, [&](beast::error_code ec, std::size_t) {
        done = true;
        result = ec;
    });
    impl_->ioc.restart();
    impl_->ioc.run_for(std::chrono::milliseconds(timeout_ms));
    if (!done) {
        beast::get_lowest_layer(ws).cancel();
        impl_->ioc.restart();
        impl_->ioc.run();
        return std::nullopt;
    }
    if (result) return std::nullopt;
    return boost::json::parse(beast::buffers_to_string(buffer.data())).as_object();
}

Ward::Ward() : Ward(config_path()) {}

Ward::Ward(std::string config_file) : config(std::move(config_file)) {
    auto add = run_cli({"user", "add", "--config", config, "--db", db.string(), "--username", "lan",
                        "--name", "Nguyễn Thị Lan", "--role", "officer"},
                       "matkhau-123\n");
    REQUIRE(add.exit_code == 0);
    add = run_cli({"user", "add", "--config", config, "--db", db.string(), "--username", "binh",
                   "--name", "Trần Văn Bình", "--role", "officer"},
                  "matkhau-456\n");
    REQUIRE(add.exit_code == 0);
    auto device = [&](const std::vector<std::string>& extra) {
        std::vector<std::string> args{"device", "add", "--config", config, "--db", db.string()};
        args.insert(args.end(), extra.begin(), extra.end());
        auto r = run_cli(args);
        REQUIRE(r.exit_code == 0);
        REQUIRE(r.out.size() > 20);
        return r.out.substr(0, r.out.find('\n'));
    };
    kiosk_token = device({"--name", "Kiosk", "--role", "kiosk"});
    board_token = device({"--name", "Board", "--role", "board"});
    rating1_token = device({"--name", "Pad 1", "--role", "rating", "--counter", "1"});
}

std::string Ward::login(Service& s, const std::string& user, const std::string& password) {
    auto r = request(
        s.port(), "POST", "/api/v1/auth/login", "",
        boost::json::serialize(boost::json::value{{"username", user}, {"password", password}}));
    REQUIRE(r.status == 200);
    return std::string(r.json().at("token").as_string());
}

void set_clock(int port, const std::string& rfc3339) {
    auto r = request(port, "POST", "/api/v1/test/clock", "", "{\"now\":\"" + rfc3339 + "\"}");
    INFO(r.body);
    REQUIRE(r.status == 200);
}

}  // namespace harness
