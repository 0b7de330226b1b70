#include "kiosk/core/citizen/rating_outbox.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

namespace motcua::kiosk {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kSuffix = ".json";
constexpr std::string_view kTempMarker = ".tmp";
constexpr std::string_view kBadSuffix = ".bad";
constexpr std::size_t kKeyBytes = 16;

Error io_error(const std::string& what, const fs::path& path) {
    return make_error(ErrorCode::io_error,
                      fmt::format("{} {}: {}", what, path.string(), std::strerror(errno)));
}

/// Writes all of `data` to `fd`, retrying short writes and interrupts.
bool write_all(int fd, std::string_view data) {
    while (!data.empty()) {
        const ssize_t n = ::write(fd, data.data(), data.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

/// The rename and the unlink are only durable once the directory itself is synced.
bool sync_dir(const fs::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

std::string file_name(std::int64_t ms, const std::string& key) {
    return fmt::format("{:013}-{}{}", ms, key, kSuffix);
}

/// "MS-KEY.json" -> (ms, key); false for anything else.
bool parse_name(const std::string& name, std::int64_t& ms, std::string& key) {
    if (!name.ends_with(kSuffix)) return false;
    const auto dash = name.find('-');
    if (dash == std::string::npos || dash == 0) return false;
    const auto [p, ec] = std::from_chars(name.data(), name.data() + dash, ms);
    if (ec != std::errc{} || p != name.data() + dash) return false;
    key = name.substr(dash + 1, name.size() - dash - 1 - kSuffix.size());
    return !key.empty();
}

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

Result<std::string> random_key() {
    std::array<unsigned char, kKeyBytes> bytes{};
    const int fd = ::open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return io_error("cannot open", "/dev/urandom");
    std::size_t got = 0;
    while (got < bytes.size()) {
        const ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    if (got != bytes.size()) return make_error(ErrorCode::io_error, "short read from /dev/urandom");
    std::string out;
    for (unsigned char b : bytes) out += fmt::format("{:02x}", b);
    return out;
}

fs::path default_state_dir() {
    if (const char* xdg = std::getenv("XDG_STATE_HOME"); xdg != nullptr && *xdg == '/')
        return fs::path(xdg) / "motcua";
    if (const char* home = std::getenv("HOME"); home != nullptr && *home == '/')
        return fs::path(home) / ".local" / "state" / "motcua";
    return fs::path("motcua-state");
}

Result<RatingOutbox> RatingOutbox::open(fs::path dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        return make_error(ErrorCode::io_error,
                          "cannot create " + dir.string() + ": " + ec.message());
    // A temporary file is a write that never finished: its rating was never acknowledged on
    // screen as saved, so it is not ours to deliver.
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.find(kTempMarker) != std::string::npos) fs::remove(entry.path(), ec);
    }
    return RatingOutbox(std::move(dir));
}

fs::path RatingOutbox::file_of(const PendingRating& rating) const {
    return dir_ / file_name(rating.queued_ms, rating.key);
}

Result<PendingRating> RatingOutbox::add(api::RatingRequest request, std::int64_t now_ms) {
    if (!request.idempotency_key) {
        auto key = random_key();
        if (!key) return key.error();
        request.idempotency_key = *key;
    }
    const std::string& key = *request.idempotency_key;
    // The key names the file: letters, digits, '-' and '_' only, so it can never leave the dir.
    const bool safe = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_';
    });
    if (!safe)
        return make_error(ErrorCode::invalid_field,
                          "idempotency key '" + key + "' is not a plain token");
    PendingRating rating{key, now_ms, std::move(request)};
    const fs::path final_path = file_of(rating);
    fs::path temp = final_path;
    temp += std::string(kTempMarker);

    const std::string body = api::write_json(api::to_json(rating.request));
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return io_error("cannot create", temp);
    const bool written = write_all(fd, body) && ::fsync(fd) == 0;
    const int saved_errno = errno;
    ::close(fd);
    if (!written) {
        errno = saved_errno;
        Error e = io_error("cannot write", temp);
        ::unlink(temp.c_str());
        return e;
    }
    if (::rename(temp.c_str(), final_path.c_str()) != 0) {
        Error e = io_error("cannot rename into", final_path);
        ::unlink(temp.c_str());
        return e;
    }
    if (!sync_dir(dir_)) return io_error("cannot sync", dir_);
    return rating;
}

std::vector<PendingRating> RatingOutbox::pending() const {
    std::vector<PendingRating> out;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir_, ec)) {
        const std::string name = entry.path().filename().string();
        PendingRating rating;
        if (!parse_name(name, rating.queued_ms, rating.key)) continue;
        auto request = api::decode_body<api::RatingRequest>(slurp(entry.path()));
        if (!request || request->idempotency_key != rating.key) {
            // Never retried, never silently lost: set aside where the ward's IT can see it.
            spdlog::error("rating outbox: {} is unreadable ({}); renamed to {}{}", name,
                          request ? "key mismatch" : request.error().message, name, kBadSuffix);
            fs::path bad = entry.path();
            bad += std::string(kBadSuffix);
            std::error_code ignored;
            fs::rename(entry.path(), bad, ignored);
            continue;
        }
        rating.request = std::move(*request);
        out.push_back(std::move(rating));
    }
    std::sort(out.begin(), out.end(), [](const PendingRating& a, const PendingRating& b) {
        return a.queued_ms != b.queued_ms ? a.queued_ms < b.queued_ms : a.key < b.key;
    });
    return out;
}

Status RatingOutbox::remove(const PendingRating& rating) {
    const fs::path path = file_of(rating);
    if (::unlink(path.c_str()) != 0 && errno != ENOENT) return io_error("cannot remove", path);
    // Without this a crash could resurrect the file; the idempotency key would still make the
    // second delivery harmless, but the outbox count on screen would be wrong.
    if (!sync_dir(dir_)) return io_error("cannot sync", dir_);
    return Ok{};
}

std::size_t RatingOutbox::size() const {
    std::size_t n = 0;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir_, ec)) {
        std::int64_t ms = 0;
        std::string key;
        if (parse_name(entry.path().filename().string(), ms, key)) ++n;
    }
    return n;
}

}  // namespace motcua::kiosk
