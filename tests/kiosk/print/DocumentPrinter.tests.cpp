// Print-ready documents (the counter's PDF receipts) sent unchanged: to a file or a directory of
// files, to a raw-port network printer, to a device file; and the failures a screen must show.
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include "kiosk/print/document_printer.hpp"

using namespace motcua::kiosk::print;
using motcua::ErrorCode;
namespace fs = std::filesystem;
namespace asio = boost::asio;

namespace {

constexpr std::string_view kPdf = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n";
constexpr const char* kName = "000.17.22.H56-261123-0007-mau-01.pdf";

std::span<const std::uint8_t> bytes_of(std::string_view s) {
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct TempDir {
    fs::path path = fs::temp_directory_path() /
                    ("motcua-doc-" + std::to_string(::getpid()) + "-" +
                     std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    TempDir() { fs::create_directories(path); }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

PrinterTarget target(const std::string& text) {
    auto t = parse_printer_target(text);
    REQUIRE(t);
    return *t;
}

}  // namespace

TEST_CASE("documents to file: targets, a directory or one file", "[print]") {
    TempDir dir;
    SECTION("a directory keeps every document under its own name") {
        const PrinterTarget t = target("file:" + dir.path.string());
        CHECK(document_path(t, kName) == (dir.path / kName).string());
        REQUIRE(send_document(bytes_of(kPdf), t, kName));
        CHECK(read_all(dir.path / kName) == kPdf);
        REQUIRE(send_document(bytes_of(kPdf), t, "000.17.22.H56-261123-0008-mau-01.pdf"));
        CHECK(fs::exists(dir.path / "000.17.22.H56-261123-0008-mau-01.pdf"));
        CHECK(fs::exists(dir.path / kName));
        // no temporary files left behind
        CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 2);
    }
    SECTION("a trailing slash names a directory that must exist") {
        const PrinterTarget t = target("file:" + (dir.path / "receipts").string() + "/");
        auto r = send_document(bytes_of(kPdf), t, kName);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::printer_unavailable);
        fs::create_directories(dir.path / "receipts");
        REQUIRE(send_document(bytes_of(kPdf), t, kName));
        CHECK(read_all(dir.path / "receipts" / kName) == kPdf);
    }
    SECTION("any other path holds the latest document") {
        const fs::path file = dir.path / "receipt.pdf";
        const PrinterTarget t = target("file:" + file.string());
        CHECK(document_path(t, kName) == file.string());
        REQUIRE(send_document(bytes_of("%PDF-old"), t, kName));
        REQUIRE(send_document(bytes_of(kPdf), t, kName));
        CHECK(read_all(file) == kPdf);
        CHECK_FALSE(fs::exists(file.string() + ".png"));  // no slip preview for a document
    }
    SECTION("bad inputs") {
        const PrinterTarget t = target("file:" + dir.path.string());
        // a name that would leave the directory
        CHECK_FALSE(send_document(bytes_of(kPdf), t, "../escape.pdf"));
        CHECK_FALSE(send_document(bytes_of(kPdf), t, ""));
        // a directory that does not exist
        auto r = send_document(bytes_of(kPdf), target("file:/nonexistent-motcua/r.pdf"), kName);
        REQUIRE_FALSE(r);
        CHECK(r.error().message.find("/nonexistent-motcua") != std::string::npos);
    }
}

TEST_CASE("documents to a network printer and a device", "[print]") {
    SECTION("the raw port gets the bytes unchanged") {
        asio::io_context io;
        asio::ip::tcp::acceptor acceptor(io, {asio::ip::make_address("127.0.0.1"), 0});
        std::string received;
        std::thread printer([&] {
            asio::ip::tcp::socket s(io);
            acceptor.accept(s);
            boost::system::error_code ec;
            std::vector<char> buf(4096);
            for (;;) {
                const std::size_t n = s.read_some(asio::buffer(buf), ec);
                received.append(buf.data(), n);
                if (ec) break;
            }
        });
        const PrinterTarget t =
            target("tcp://127.0.0.1:" + std::to_string(acceptor.local_endpoint().port()));
        REQUIRE(send_document(bytes_of(kPdf), t, kName));
        printer.join();
        CHECK(received == kPdf);
    }
    SECTION("a device file") {
        TempDir dir;
        const fs::path dev = dir.path / "lp0";
        { std::ofstream touch(dev); }
        REQUIRE(send_document(bytes_of(kPdf), target(dev.string()), kName));
        CHECK(read_all(dev) == kPdf);
    }
    SECTION("bad inputs") {
        // nobody listens: a clear error naming the printer
        asio::io_context io;
        asio::ip::tcp::acceptor probe(io, {asio::ip::make_address("127.0.0.1"), 0});
        const auto port = probe.local_endpoint().port();
        probe.close();
        auto r =
            send_document(bytes_of(kPdf), target("tcp://127.0.0.1:" + std::to_string(port)), kName);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::printer_unavailable);
        CHECK(r.error().message.find("tcp://127.0.0.1:" + std::to_string(port)) !=
              std::string::npos);
        // a device that is not plugged in
        auto missing = send_document(bytes_of(kPdf), target("/dev/usb/lp9-motcua-missing"), kName);
        REQUIRE_FALSE(missing);
        CHECK(missing.error().code == ErrorCode::printer_unavailable);
    }
}
