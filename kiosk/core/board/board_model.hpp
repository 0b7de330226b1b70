#pragma once
/// The display board (--mode board) as plain state, UI thread, no ImGui: which number each open
/// counter serves, the last calls with the newest highlighted, and which calls to announce.
/// Calls come from the event stream, which resumes after an outage without gaps or repeats; a
/// call that was already old when it arrived (replayed after the outage) is shown, not said.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/shell/app_state.hpp"
#include "kiosk/core/shell/mode.hpp"
#include "motcua/api.hpp"

namespace motcua::kiosk {

using SteadyTime = std::chrono::steady_clock::time_point;

struct BoardTiming {
    /// The newest call stands out this long: long enough to be seen when the chime turns heads.
    double highlight_s = 10;
    /// Calls listed; older ones scroll away.
    std::size_t max_calls = 8;
    /// voice.max_age_s: a call older than this when it arrives is not announced.
    int max_age_s = 60;
};

/// One call on the board's list.
struct BoardCall {
    std::int64_t seq = 0;
    std::string ticket_id;
    std::string number;
    int counter = 0;
    bool recall = false;
    /// A checked-in booking's slot start ("08:30"): the board marks the line, so those waiting
    /// see why this number came before theirs.
    std::optional<std::string> appointment_start;
    /// Recent when it arrived: announced and highlighted.
    bool fresh = false;
    SteadyTime shown_at{};
};

/// A call for the voice (chime and sentence).
struct CallToAnnounce {
    std::int64_t seq = 0;
    std::string number;
    int counter = 0;

    friend bool operator==(const CallToAnnounce&, const CallToAnnounce&) = default;
};

class BoardModel {
public:
    explicit BoardModel(BoardTiming timing) : timing_(timing) {}

    /// Applies one event; returns the call to announce, if it is one and recent. `service_now`
    /// is the service's clock when the event reached the board.
    std::optional<CallToAnnounce> on_event(const api::Event& event, SteadyTime now,
                                           TimePoint service_now);

    /// Newest first.
    [[nodiscard]] const std::deque<BoardCall>& calls() const { return calls_; }
    /// The number counter `n` serves as the events tell it ("" when nobody); none when no event
    /// has spoken of that counter yet (then GET /counters knows).
    [[nodiscard]] std::optional<std::string> serving_at(int counter) const;
    [[nodiscard]] bool highlighted(const BoardCall& call, SteadyTime now) const;
    /// Seconds until a highlight ends.
    [[nodiscard]] double next_change_in(SteadyTime now) const;
    [[nodiscard]] const BoardTiming& timing() const { return timing_; }

private:
    struct AtCounter {
        std::string ticket_id;
        std::string number;
    };

    BoardTiming timing_;
    std::deque<BoardCall> calls_;
    std::map<int, AtCounter> serving_;  // by counter; an empty number: nobody
};

struct BoardCounterRow {
    int number = 0;
    std::string name;
    CounterState state = CounterState::open;
    std::string ticket;  // empty: nobody at the desk yet
    bool highlighted = false;
};

struct BoardCallRow {
    std::string number;
    int counter = 0;
    bool recall = false;
    std::optional<std::string> appointment_start;
    bool highlighted = false;
};

struct BoardCategoryRow {
    std::string name;
    int waiting = 0;
    api::WaitMinutes wait;  // for a ticket taken now
};

struct BoardView {
    std::vector<BoardCounterRow> counters;  // open and paused, by number
    std::vector<BoardCallRow> calls;        // newest first
    std::vector<BoardCategoryRow> categories;
    bool loaded = false;
    /// The link to the service is lost: what is shown may be out of date.
    bool link_lost = false;
};

BoardView make_board_view(const BoardModel& model, const WardData& data, ConnectionState connection,
                          Language lang, SteadyTime now);

}  // namespace motcua::kiosk
