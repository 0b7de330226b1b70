#pragma once
/// The per-address limit on public look-ups by a code (DESIGN.md §7): ticket ids, dossier codes
/// and booking codes cannot be enumerated, while a citizen who mistypes is never held up.
#include <chrono>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace motcua::api {

class LookupLimiter {
public:
    using Clock = std::chrono::steady_clock;
    struct Limits {
        /// Distinct codes an address may look up at once...
        int burst = 10;
        /// ...and one more each this often.
        std::chrono::seconds refill{30};
        /// Codes an address looked up lately cost nothing again (a phone page that refreshes,
        /// a citizen checking the same dossier twice).
        std::size_t remembered = 16;
        /// Addresses tracked at most: past it, those idle long enough to be full are forgotten.
        std::size_t max_clients = 20000;
    };

    LookupLimiter() : LookupLimiter(Limits{}) {}
    explicit LookupLimiter(Limits limits) : limits_(limits) {}

    /// 0 when `address` may look up `code` now (a new code is counted), else the seconds until
    /// it may: the answer's Retry-After. IPv6 addresses count per /64, the block one home gets.
    int admit(std::string_view address, std::string_view code, Clock::time_point now);

    /// The key an address is counted under (IPv4 as is, IPv6 by its /64 prefix).
    static std::string client_key(std::string_view address);

    /// Addresses tracked now (for tests: the table stays bounded).
    [[nodiscard]] std::size_t tracked();

private:
    // A generic cell rate algorithm: `due` is when the address's budget would be whole again;
    // a look-up is allowed while that is at most (burst - 1) refill periods ahead. Exact
    // integer arithmetic on the clock's ticks, no floating tokens.
    struct Client {
        Clock::time_point due;
        std::deque<std::string> recent;
    };
    void forget_idle(Clock::time_point now);

    Limits limits_;
    std::mutex mutex_;
    std::unordered_map<std::string, Client> clients_;
};

}  // namespace motcua::api
