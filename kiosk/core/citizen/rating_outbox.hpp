#pragma once
/// Ratings kept on disk until the service has them: a citizen's rating survives a service that is
/// down, a network cut and a kiosk restart, and is delivered exactly once (idempotency key).
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "motcua/api.hpp"
#include "motcua/result.hpp"

namespace motcua::kiosk {

/// One rating waiting for delivery: a file `MS-KEY.json` holding the request's JSON.
struct PendingRating {
    std::string key;  // the idempotency key, also in the request
    std::int64_t queued_ms = 0;
    api::RatingRequest request;
};

/// 32 hex digits from /dev/urandom: unguessable and never the same twice in practice.
Result<std::string> random_key();

/// The default place for the kiosk's own files: $XDG_STATE_HOME/motcua, else
/// ~/.local/state/motcua, else ./motcua-state.
std::filesystem::path default_state_dir();

/// A directory of small files, one per pending rating. Each file is written to a temporary name,
/// fsynced, renamed into place and the directory fsynced, so after a crash a rating is either
/// wholly there or not at all. Not thread-safe: the client thread owns it.
class RatingOutbox {
public:
    /// Creates the directory if needed and clears temporary files a crash left behind.
    static Result<RatingOutbox> open(std::filesystem::path dir);

    /// Stores the rating, giving it an idempotency key first if it has none.
    Result<PendingRating> add(api::RatingRequest request, std::int64_t now_ms);
    /// Every pending rating, oldest first. A file that cannot be read back is renamed to
    /// `*.bad` (kept for the ward's IT, never retried) and skipped.
    [[nodiscard]] std::vector<PendingRating> pending() const;
    /// Forgets a delivered (or rejected) rating.
    Status remove(const PendingRating& rating);
    [[nodiscard]] std::size_t size() const;
    [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }

private:
    explicit RatingOutbox(std::filesystem::path dir) : dir_(std::move(dir)) {}
    [[nodiscard]] std::filesystem::path file_of(const PendingRating& rating) const;
    std::filesystem::path dir_;
};

}  // namespace motcua::kiosk
