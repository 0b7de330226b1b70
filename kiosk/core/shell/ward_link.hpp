#pragma once
/// Everything a citizen-facing screen needs from the ward service, kept current on the client
/// thread: categories and counters (polled, and refreshed on events), the event stream, ticket
/// issuing, and the rating outbox that delivers each rating exactly once.
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>

#include "kiosk/core/citizen/rating_outbox.hpp"
#include "kiosk/core/counter/dossier_api.hpp"
#include "kiosk/core/shell/client_thread.hpp"
#include "kiosk/core/shell/ward_api.hpp"
#include "motcua/api.hpp"

namespace motcua::kiosk {

struct WardLinkSettings {
    /// Categories and counters are fetched this often while online...
    Millis refresh_period{5000};
    /// ...and this soon after an event that changes them (a burst of events makes one fetch).
    Millis refresh_after_event{250};
    /// How often a loop waiting for the service looks at the health check's verdict.
    Millis online_check{500};
    /// Pending ratings are tried again this often while the service refuses or is away.
    Millis outbox_retry{5000};
    /// A ticket request is sent again (same idempotency key) for this long after a failure.
    Millis issue_patience{8000};
    /// A request that failed keeps its key this long: the citizen's next tap on the same tile
    /// sends it again, so a ticket the service issued unseen is given, not a second one.
    Millis issue_key_memory{120000};
    bool fetch_categories = true;
    bool fetch_counters = true;
    bool subscribe_events = true;
    /// Read the service's clock with each refresh and before each event subscription (the
    /// console's timers, the board's "is this call recent"): see set_service_time_handler().
    bool track_service_clock = false;
    /// Where pending ratings live; none: this screen takes no ratings.
    std::optional<std::filesystem::path> outbox_dir;
};

/// Construct and start on the UI thread before the client thread runs; the public calls are
/// safe from any thread, and their callbacks run on the UI thread (through ui_queue()).
class WardLink {
public:
    using EventHandler = std::function<void(const api::Event&)>;
    using IssueDone = std::function<void(Result<api::TicketView>)>;
    using LookupDone = std::function<void(Result<api::DossierView>)>;
    using CheckInDone = std::function<void(CheckInAnswer)>;
    /// The first attempt's answer: settled (delivered, already rated, rejected) or queued for
    /// a later try (`retry`): either way the rating is safe on disk.
    using RatingDone = std::function<void(const RatingAnswer&)>;
    using ServiceTimeHandler = std::function<void(TimePoint service_now, TimePoint local_now)>;

    WardLink(ClientThread& client, WardLinkSettings settings);
    ~WardLink();
    WardLink(const WardLink&) = delete;
    WardLink& operator=(const WardLink&) = delete;

    /// Events for the screens (rating pad: ticket_finished, counters, ratings). Before start().
    void set_event_handler(EventHandler handler);
    /// Readings of the service's clock (with track_service_clock), on the UI thread in order
    /// with the events: those replayed after an outage come after a fresh reading. Before start().
    void set_service_time_handler(ServiceTimeHandler handler);
    /// The token for the service instead of the device's (an officer's session, known only
    /// after login). UI thread; before or after start().
    void set_token(Token token);
    /// Opens the outbox and spawns the loops. Fails when the outbox directory is unusable.
    /// May come after the client thread started (the console starts its link at login).
    Status start();

    void issue_ticket(api::IssueTicketRequest request, IssueDone done);
    /// GET /dossiers/{code} with this screen's token (the kiosk's: the public view).
    void lookup_dossier(std::string code, LookupDone done);
    /// POST /appointments/{code}/check-in with the kiosk's token (and, when refused for the
    /// booking's time or state, the booking's public view).
    void check_in(std::string code, CheckInDone done);
    /// Stores the rating durably (giving it an idempotency key), then delivers it.
    void submit_rating(api::RatingRequest request, RatingDone done);
    /// Fetch categories and counters now (e.g. a screen just came back to its home).
    void refresh();

private:
    struct State;
    std::shared_ptr<State> state_;
    bool started_ = false;  // UI thread
};

}  // namespace motcua::kiosk
