#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include "kiosk/print/ticket_printer.hpp"
#include "sample_slips.hpp"

using namespace motcua::kiosk::print;
using motcua::ErrorCode;
namespace fs = std::filesystem;
namespace asio = boost::asio;
using Bytes = std::vector<std::uint8_t>;
using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

namespace {

// A fresh directory per test case, removed afterwards.
struct TempDir {
    fs::path path;
    TempDir() {
        path =
            fs::temp_directory_path() / ("motcua-print-" + std::to_string(::getpid()) + "-" +
                                         std::to_string(Clock::now().time_since_epoch().count()));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

Bytes read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

Bytes slip_job(Paper paper = Paper::mm58) {
    auto image = render_ticket(test::vietnamese_slip(), paper);
    REQUIRE(image);
    return escpos_job(*image);
}

// A raw-port printer on 127.0.0.1: accepts one connection and keeps everything it receives,
// or, when it does not read, holds the connection like a jammed printer.
class FakeNetworkPrinter {
public:
    explicit FakeNetworkPrinter(bool reads = true) {
        acceptor_.open(asio::ip::tcp::v4());
        acceptor_.bind({asio::ip::make_address("127.0.0.1"), 0});
        acceptor_.listen();
        port_ = acceptor_.local_endpoint().port();
        acceptor_.async_accept(socket_, [this, reads](const boost::system::error_code& ec) {
            if (!ec && reads) read_some();
        });
        // run() returns once the kiosk has closed the connection (or, when not reading, as
        // soon as it is accepted; the open socket then just sits there).
        thread_ = std::thread([this] { io_.run(); });
    }
    ~FakeNetworkPrinter() {
        io_.stop();
        if (thread_.joinable()) thread_.join();
    }
    FakeNetworkPrinter(const FakeNetworkPrinter&) = delete;
    FakeNetworkPrinter& operator=(const FakeNetworkPrinter&) = delete;

    [[nodiscard]] std::uint16_t port() const { return port_; }
    /// Everything received, once the sender has closed the connection.
    Bytes received() {
        thread_.join();
        return received_;
    }

private:
    void read_some() {
        socket_.async_read_some(
            asio::buffer(chunk_), [this](const boost::system::error_code& ec, std::size_t n) {
                received_.insert(received_.end(), chunk_.begin(),
                                 chunk_.begin() + static_cast<std::ptrdiff_t>(n));
                if (!ec) read_some();
            });
    }

    asio::io_context io_;
    asio::ip::tcp::acceptor acceptor_{io_};
    asio::ip::tcp::socket socket_{io_};
    std::array<std::uint8_t, 4096> chunk_{};
    Bytes received_;
    std::uint16_t port_ = 0;
    std::thread thread_;
};

PrinterTarget tcp_target(std::uint16_t port) {
    auto t = parse_printer_target("tcp://127.0.0.1:" + std::to_string(port));
    REQUIRE(t);
    return *t;
}

}  // namespace

TEST_CASE("tickets to a file: the job and a PNG preview", "[print]") {
    TempDir dir;
    const fs::path job_path = dir.path / "ticket.bin";
    auto target = parse_printer_target("file:" + job_path.string());
    REQUIRE(target);

    for (Paper paper : {Paper::mm58, Paper::mm80}) {
        REQUIRE(print_ticket(test::vietnamese_slip(), paper, *target));
        REQUIRE(fs::exists(job_path));
        REQUIRE(fs::exists(job_path.string() + ".png"));
        // Nothing temporary is left behind.
        CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 2);

        const Bytes job = read_all(job_path);
        CHECK(job == slip_job(paper));
        auto printed = decode_escpos_raster(job);
        auto preview = read_png(job_path.string() + ".png");
        REQUIRE(printed);
        REQUIRE(preview);
        CHECK(preview->width == paper_width_dots(paper));
        CHECK(preview->width == printed->width);
        CHECK(preview->height == printed->height);
        CHECK(preview->pixels == printed->pixels);
    }

    SECTION("bad inputs") {
        // A directory that does not exist: an error, not a crash.
        auto missing =
            parse_printer_target("file:" + (dir.path / "no" / "such" / "t.bin").string());
        REQUIRE(missing);
        auto r = print_ticket(test::vietnamese_slip(), Paper::mm58, *missing);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::printer_unavailable);
    }
}

TEST_CASE("tickets to a network printer", "[print]") {
    SECTION("the printer receives exactly the job's bytes") {
        FakeNetworkPrinter printer;
        REQUIRE(print_ticket(test::vietnamese_slip(), Paper::mm80, tcp_target(printer.port())));
        CHECK(printer.received() == slip_job(Paper::mm80));
    }

    SECTION("nothing listening fails at once, well within the timeout") {
        std::uint16_t port = 0;
        {
            // Take a free port and let it go: nothing listens there afterwards.
            asio::io_context io;
            asio::ip::tcp::acceptor probe(io, {asio::ip::make_address("127.0.0.1"), 0});
            port = probe.local_endpoint().port();
        }
        const auto start = Clock::now();
        auto r = print_ticket(test::vietnamese_slip(), Paper::mm58, tcp_target(port));
        const auto took = Clock::now() - start;
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::printer_unavailable);
        CHECK(r.error().message.find("tcp://127.0.0.1:" + std::to_string(port)) !=
              std::string::npos);
        CHECK(took < milliseconds(3500));
    }

    SECTION("a printer that stops reading times out") {
        FakeNetworkPrinter printer(false);
        // Far more than the loopback socket buffers hold, so the write must stall.
        const Bytes huge(64U << 20, 0);
        const SendLimits limits{milliseconds(1000), milliseconds(300)};
        const auto start = Clock::now();
        auto r = send_job(huge, tcp_target(printer.port()), limits);
        const auto took = Clock::now() - start;
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::printer_timeout);
        CHECK(took < milliseconds(2000));
    }
}

TEST_CASE("tickets to a device file", "[print]") {
    SECTION("a missing device fails fast with a clear message") {
        auto target = parse_printer_target("/dev/usb/lp0-motcua-test-missing");
        REQUIRE(target);
        const auto start = Clock::now();
        auto r = print_ticket(test::vietnamese_slip(), Paper::mm58, *target);
        REQUIRE_FALSE(r);
        CHECK(r.error().message ==
              "printer /dev/usb/lp0-motcua-test-missing: No such file or directory");
        CHECK(Clock::now() - start < milliseconds(500));
    }

    SECTION("an existing device gets the whole job") {
        TempDir dir;
        const fs::path dev = dir.path / "lp0";
        { std::ofstream touch(dev); }  // a device file stands in for the printer
        auto target = parse_printer_target(dev.string());
        REQUIRE(target);
        REQUIRE(print_ticket(test::vietnamese_slip(), Paper::mm58, *target));
        CHECK(read_all(dev) == slip_job(Paper::mm58));
    }

    SECTION("a printer that takes nothing times out") {
        // A FIFO whose reader never reads behaves like a printer out of paper: the pipe fills,
        // then every write would block.
        TempDir dir;
        const fs::path fifo = dir.path / "lp0";
        REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
        const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
        REQUIRE(reader >= 0);
        auto target = parse_printer_target(fifo.string());
        REQUIRE(target);
        const auto start = Clock::now();
        auto r =
            send_job(Bytes(4U << 20, 0), *target, SendLimits{milliseconds(100), milliseconds(300)});
        const auto took = Clock::now() - start;
        ::close(reader);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::printer_timeout);
        CHECK(took >= milliseconds(250));
        CHECK(took < milliseconds(2000));
    }
}
