#pragma once
/// The crash soak's clients (issue 16 item 3): kiosks issuing tickets, officers calling, starting
/// and finishing at their counters (receiving dossiers), a rating kiosk, a clerk moving dossiers
/// on, citizens booking and cancelling, and a board on the event stream. Each tells the Model
/// what it was acknowledged, and what it sent without an answer.
#include <array>
#include <atomic>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "harness.hpp"
#include "soak_model.hpp"

namespace soak {

/// A string field of a JSON object.
std::string str(const boost::json::value& v, const char* key);

/// An answer, or nullopt when the service died before answering (the request's fate unknown).
std::optional<harness::Response> send(int port, const std::string& method,
                                      const std::string& target, const std::string& token = "",
                                      const std::optional<std::string>& body = std::nullopt);

struct Officer {
    std::string username, token;
    int counter = 0;
};

struct Devices {
    std::string kiosk, board;
};

/// A rating sent without an answer: retried next cycle with the same idempotency key.
struct PendingRating {
    std::string ticket, key;
    int level = 0;
};

/// A ticket request sent without an answer: its kiosk sends it again next cycle, same key.
struct PendingIssue {
    std::string key, category, body;
};

/// What the clients carry from one cycle to the next.
struct Carry {
    std::array<std::optional<PendingIssue>, 2> unanswered_issues;  // by kiosk; each its own
    std::vector<PendingRating> unanswered_ratings;  // only the rating client touches it
    std::deque<std::string> to_rate;                // finished tickets, under `m`
    std::mutex m;
    int phone_seq = 0;  // only the booking client touches it
};

/// One cycle's clients against one running service; each stops at its first unanswered request.
class Load {
public:
    Load(Model& model, Carry& carry, Devices devices, std::vector<Officer> officers, int port,
         unsigned seed);
    Load(const Load&) = delete;
    Load& operator=(const Load&) = delete;
    void start();
    /// After the kill: every client has met the dead service, or is told to stop.
    void join();

private:
    void run(std::function<void()> f);
    std::mt19937 rng(int k) const;
    static void pause(std::mt19937& r, int lo_ms, int hi_ms);
    void unexpected(const std::string& what, const harness::Response& r);

    void kiosk(int k);
    void counter(std::size_t i);
    void ratings();
    void dossier_clerk();
    void bookings();
    void screen();

    Model& model_;
    Carry& carry_;
    Devices devices_;
    std::vector<Officer> officers_;
    int port_;
    unsigned seed_;
    std::atomic<bool> stop_{false};
    std::vector<std::thread> threads_;
};

}  // namespace soak
