// Getting a job to the printer within a few seconds, whatever the printer does. A citizen is
// standing at the kiosk: a printer that is off, out of paper or unplugged must turn into an
// error the screen can show, never into a frozen kiosk.
#include <fcntl.h>
#include <poll.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <cerrno>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>

#include "kiosk/print/document_printer.hpp"
#include "kiosk/print/ticket_printer.hpp"

namespace motcua::kiosk::print {

namespace {

namespace asio = boost::asio;
using Clock = std::chrono::steady_clock;

Error unavailable(const PrinterTarget& target, const std::string& why) {
    return make_error(ErrorCode::printer_unavailable, "printer " + describe(target) + ": " + why);
}

Error timed_out(const PrinterTarget& target, std::chrono::milliseconds limit, const char* doing) {
    return make_error(ErrorCode::printer_timeout,
                      "printer " + describe(target) + ": no answer within " +
                          std::to_string(limit.count()) + " ms while " + doing +
                          " (switched off, out of paper or cover open?)");
}

// Closes a file descriptor on every path out of send_to_device.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    ~FileDescriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    [[nodiscard]] int get() const { return fd_; }

private:
    int fd_;
};

Status send_to_device(std::span<const std::uint8_t> job, const PrinterTarget& target,
                      const SendLimits& limits) {
    // O_NONBLOCK: the usblp driver blocks writes (and may block open) while the printer is
    // busy or out of paper; polling instead keeps the deadline ours. No O_CREAT: a printer that
    // is not plugged in must not become a regular file under /dev.
    const FileDescriptor fd(
        ::open(target.path.c_str(), O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
    if (fd.get() < 0) return unavailable(target, std::strerror(errno));

    const auto deadline = Clock::now() + limits.write;
    std::size_t done = 0;
    while (done < job.size()) {
        const ssize_t n = ::write(fd.get(), job.data() + done, job.size() - done);
        if (n > 0) {
            done += static_cast<std::size_t>(n);
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
            return unavailable(target, std::strerror(errno));
        const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) return timed_out(target, limits.write, "printing");
        pollfd pfd{fd.get(), POLLOUT, 0};
        const int ready = ::poll(&pfd, 1, static_cast<int>(left.count()));
        if (ready < 0 && errno != EINTR) return unavailable(target, std::strerror(errno));
        if (ready == 0) return timed_out(target, limits.write, "printing");
        if (ready > 0 && (pfd.revents & (POLLERR | POLLHUP)) != 0)
            return unavailable(target, "disconnected while printing");
    }
    return Ok{};
}

Status send_to_tcp(std::span<const std::uint8_t> job, const PrinterTarget& target,
                   const SendLimits& limits) {
    // Declared before the io_context so that handlers still queued when it is destroyed never
    // refer to a variable that is already gone.
    boost::system::error_code result = asio::error::would_block;
    asio::io_context io;
    asio::ip::tcp::resolver resolver(io);
    asio::ip::tcp::socket socket(io);

    // Asio's blocking calls have no timeout, so the async ones run under run_for: whatever is
    // still pending when time is up is a printer that does not answer.
    resolver.async_resolve(
        target.host, std::to_string(target.port),
        [&](const boost::system::error_code& ec, asio::ip::tcp::resolver::results_type endpoints) {
            if (ec) {
                result = ec;
                return;
            }
            asio::async_connect(socket, endpoints,
                                [&](const boost::system::error_code& cec,
                                    const asio::ip::tcp::endpoint&) { result = cec; });
        });
    io.run_for(limits.connect);
    if (result == asio::error::would_block) {
        resolver.cancel();
        boost::system::error_code ignored;
        socket.close(ignored);
        return timed_out(target, limits.connect, "connecting");
    }
    if (result) return unavailable(target, result.message());

    result = asio::error::would_block;
    io.restart();
    asio::async_write(socket, asio::buffer(job.data(), job.size()),
                      [&](const boost::system::error_code& ec, std::size_t) { result = ec; });
    io.run_for(limits.write);
    boost::system::error_code ignored;
    if (result == asio::error::would_block) {
        socket.close(ignored);
        return timed_out(target, limits.write, "sending the job");
    }
    if (result) return unavailable(target, result.message());
    // A graceful close: the printer sees the end of the job instead of a reset.
    socket.shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
    socket.close(ignored);
    return Ok{};
}

// Write to a temporary name and rename, so whoever watches PATH never sees half a file.
Status replace_file(const std::filesystem::path& path, std::span<const std::uint8_t> bytes) {
    std::filesystem::path tmp = path;
    tmp += ".tmp." + std::to_string(::getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(bytes.data()),
                  static_cast<std::streamsize>(bytes.size()));
        out.flush();
        if (!out) {
            std::error_code ignored;
            std::filesystem::remove(tmp, ignored);
            return make_error(ErrorCode::printer_unavailable,
                              "printer file:" + path.string() + ": cannot write " + tmp.string());
        }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::error_code ignored;
        std::filesystem::remove(tmp, ignored);
        return make_error(ErrorCode::printer_unavailable,
                          "printer file:" + path.string() + ": " + ec.message());
    }
    return Ok{};
}

Status send_to_file(std::span<const std::uint8_t> job, const PrinterTarget& target) {
    // The preview first, so that once the job file appears its picture is already there.
    auto image = decode_escpos_raster(job);
    if (!image) return image.error();
    const std::string png = target.path + ".png";
    const std::filesystem::path dir = std::filesystem::path(target.path).parent_path();
    if (std::error_code ec; !dir.empty() && !std::filesystem::is_directory(dir, ec))
        return unavailable(target, "there is no directory " + dir.string());
    const std::string png_tmp = png + ".tmp." + std::to_string(::getpid());
    if (auto written = write_png(*image, png_tmp); !written) {
        std::error_code ignored;
        std::filesystem::remove(png_tmp, ignored);
        return unavailable(target, "cannot write the preview " + png);
    }
    std::error_code ec;
    std::filesystem::rename(png_tmp, png, ec);
    if (ec) {
        std::filesystem::remove(png_tmp, ec);
        return unavailable(target, "cannot replace " + png);
    }
    return replace_file(target.path, job);
}

}  // namespace

Status send_job(std::span<const std::uint8_t> job, const PrinterTarget& target,
                const SendLimits& limits) {
    try {
        switch (target.kind) {
            case PrinterTarget::Kind::device:
                return send_to_device(job, target, limits);
            case PrinterTarget::Kind::tcp:
                return send_to_tcp(job, target, limits);
            case PrinterTarget::Kind::file:
                return send_to_file(job, target);
        }
        return make_error(ErrorCode::bad_printer, "unknown printer kind");
    } catch (const std::exception& e) {
        // Out of memory or a library surprise: still an answer for the screen, not a crash.
        return make_error(ErrorCode::printer_unavailable,
                          "printer " + describe(target) + ": " + e.what());
    }
}

std::string document_path(const PrinterTarget& target, std::string_view name) {
    std::error_code ec;
    if (target.path.ends_with('/') || std::filesystem::is_directory(target.path, ec))
        return (std::filesystem::path(target.path) / std::string(name)).string();
    return target.path;
}

Status send_document(std::span<const std::uint8_t> bytes, const PrinterTarget& target,
                     std::string_view name, const SendLimits& limits) {
    try {
        switch (target.kind) {
            case PrinterTarget::Kind::device:
                return send_to_device(bytes, target, limits);
            case PrinterTarget::Kind::tcp:
                return send_to_tcp(bytes, target, limits);
            case PrinterTarget::Kind::file: {
                if (name.empty() || name.find('/') != std::string_view::npos || name == "." ||
                    name == "..")
                    return make_error(ErrorCode::bad_printer, "a document needs a plain file name");
                const std::filesystem::path path = document_path(target, name);
                const std::filesystem::path dir = path.parent_path();
                if (std::error_code ec; !dir.empty() && !std::filesystem::is_directory(dir, ec))
                    return unavailable(target, "there is no directory " + dir.string());
                return replace_file(path, bytes);
            }
        }
        return make_error(ErrorCode::bad_printer, "unknown printer kind");
    } catch (const std::exception& e) {
        return make_error(ErrorCode::printer_unavailable,
                          "printer " + describe(target) + ": " + e.what());
    }
}

Status print_ticket(const TicketSlip& slip, Paper paper, const PrinterTarget& target) {
    try {
        auto image = render_ticket(slip, paper);
        if (!image) {
            spdlog::error("ticket {} not printed: {}", slip.number, image.error().message);
            return image.error();
        }
        const std::vector<std::uint8_t> job = escpos_job(*image);
        auto sent = send_job(job, target);
        if (!sent) spdlog::warn("ticket {} not printed: {}", slip.number, sent.error().message);
        return sent;
    } catch (const std::exception& e) {
        spdlog::error("ticket {} not printed: {}", slip.number, e.what());
        return make_error(ErrorCode::print_failed,
                          std::string("cannot print the ticket: ") + e.what());
    }
}

}  // namespace motcua::kiosk::print
