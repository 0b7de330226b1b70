#pragma once
/// The ward service's core: engine + store + auth behind the HTTP routes of DESIGN.md §4.
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "api/app.hpp"
#include "api/booking_page.hpp"
#include "api/event_hub.hpp"
#include "api/http.hpp"
#include "api/lookup_limit.hpp"
#include "api/metrics.hpp"
#include "api/render_worker.hpp"
#include "api/router.hpp"
#include "appointments/book.hpp"
#include "auth/auth.hpp"
#include "motcua/api.hpp"
#include "motcua/calendar.hpp"
#include "motcua/clock.hpp"
#include "motcua/config.hpp"
#include "queue/engine.hpp"
#include "reports/report_cache.hpp"
#include "shipper/shipper.hpp"
#include "store/store.hpp"

namespace motcua::api {

/// Who may call a ward route (the route table's third column).
enum class WardAccess {
    anyone,             // no token needed
    device_or_officer,  // any device token or officer session
    kiosk,              // a ticket kiosk
    citizen_device,     // a kiosk or a counter's rating pad
    officer,            // an officer session (any officer role)
};
/// Ok, or 401 for a missing token / 403 for a caller that may not use a route of `access`.
Status ward_allows(WardAccess access, const auth::Principal& who);
using WardRouter = Router<auth::Principal, WardAccess>;
/// 503 storage_unavailable with Retry-After: the disk fails writes, nothing was changed.
Reply storage_unavailable_reply();

class Ward final : public App, public EventFeed {
public:
    /// `test_clock` is set when the service runs with --test-clock (it is also `clock`).
    Ward(WardConfig config, OfficeZone zone, const Clock& clock, TestClock* test_clock,
         store::Store& store);

    /// Routes one request; `respond` is called once, possibly from the store's writer thread.
    void handle(const Request& request, const Respond& respond) override;
    [[nodiscard]] std::string route_label(std::string_view method,
                                          std::string_view path) const override;
    EventFeed* event_feed() override { return this; }
    Result<std::string> authorize_events(const Request& request) override;
    EventHub& event_hub() override { return hub_; }
    std::vector<std::pair<std::int64_t, std::string>> stored_events(std::int64_t since,
                                                                    std::int64_t upto,
                                                                    int limit) override;
    /// The route table, for the role-matrix test and the OpenAPI check.
    [[nodiscard]] const WardRouter& router() const { return router_; }
    /// Moves to a new office day when the clock passed midnight (called every second).
    void tick();

    /// Ships the event log to the province hub from now on (owned by the caller; it outlives
    /// every request).
    void set_shipper(shipper::Shipper* shipper) { shipper_ = shipper; }

    /// At shutdown, once the network threads have stopped and before the network, the shipper
    /// or the ward go: finishes the documents in hand and waits for every write's callback (they
    /// answer requests and notify the shipper), so none runs against something destroyed.
    void quiesce();

    /// Who is calling, for routes handled by the network layer (the event stream).
    Result<auth::Principal> identify(const Request& request);

    EventHub& hub() { return hub_; }
    Metrics& metrics() override { return metrics_; }
    store::Store& store() { return store_; }
    [[nodiscard]] const OfficeZone& zone() const { return zone_; }
    [[nodiscard]] const WardConfig& config() const { return config_; }

private:
    using Command = std::function<Result<queue::Change>(queue::Engine&, TimePoint)>;
    using MakeReply = std::function<Reply(const queue::Change&)>;
    using MakeFailure = std::function<Reply(const Error&)>;

    /// Runs a command on the engine, persists its events, answers once they are durable.
    void apply(const Command& command, const MakeReply& make_reply, const Respond& respond);
    /// The same, with its own answer to a refusal (an HTML page rather than JSON).
    void apply(const Command& command, const MakeReply& make_reply, const MakeFailure& make_failure,
               const Respond& respond);
    /// What runs once a write is durable, or failed (then nothing of it is on disk).
    using Stored = std::function<void(const Status&)>;
    /// Queues events for the writer (engine lock held); `then` runs once they are durable, or
    /// with the error when the disk failed them (DESIGN.md §6).
    void persist(std::vector<DomainEvent> events, Stored then);
    /// Answers `reply` once durable, else the store's error (503 storage_unavailable).
    static Stored answer_when_stored(Respond respond, Reply reply);
    /// Answers `reply` behind every write queued before it: a repeat whose first answer was
    /// lost is never acknowledged before the first is durable (engine lock held).
    void answer_behind_writes(Respond respond, Reply reply);
    /// False while the disk fails writes (engine lock held): the caller answers 503 and changes
    /// nothing. After a failure it rebuilds the state from the database (what was not stored is
    /// forgotten) and, at most once a second, tries a write to learn whether the disk is back.
    bool storage_ready();
    /// Reads the current office day's state back from the database (engine lock held).
    void reload();
    /// Bookings whose check-in window has closed become missed: their events join `events`
    /// (engine lock held).
    void expire_bookings(TimePoint now, std::vector<DomainEvent>& events);
    /// Tells the engine today's bookings still to check in, for the wait estimates (engine lock
    /// held).
    void expect_bookings(TimePoint now);
    /// What time alone changed (a new office day, missed bookings), recorded before a read
    /// answers (engine lock held).
    void catch_up(TimePoint now);

    // Views (engine lock held).
    TicketView ticket_view(const Ticket& t) const;
    CounterInfo counter_info(const CounterStatus& c) const;
    std::string event_payload(const DomainEvent& e) const;
    std::string officer_name(const std::string& username) const;

    // Route handlers (the table is in route_table.cpp).
    void add_routes();
    /// The public look-up limit (DESIGN.md §7) on a route by a code, for callers without a
    /// token: true when the address looked up too many codes lately and the 429 is answered.
    bool lookup_refused(const WardRouter::Call& call, bool html);
    void metrics_route(const Respond& respond);
    void login(const Request& r, const Respond& respond);
    void categories(const Respond& respond);
    void procedures(const Respond& respond);
    void counters(const Respond& respond);
    void issue_ticket(const Request& r, const auth::Principal& who, const Respond& respond);
    void get_ticket(const std::string& id, const Respond& respond);
    void public_queue(const Respond& respond);
    void phone_page(const Request& r, const std::string& id, const Respond& respond);
    void rate(const Request& r, const auth::Principal& who, const Respond& respond);
    void counter_action(const Request& r, const auth::Principal& who, int number,
                        std::string_view action, const Respond& respond);
    void set_test_clock(const Request& r, const Respond& respond);
    void turnaround_report(const Request& r, const Respond& respond);
    void ratings_report(const Request& r, const Respond& respond);
    void waits_report(const Request& r, const Respond& respond);
    /// GET /reports/estimates (DESIGN.md §9): told against real waits, and the simple rule's.
    void estimates_report(const Request& r, const Respond& respond);

    // Appointments (appointment_routes.cpp, DESIGN.md §10).
    void public_slots(const Request& r, const Respond& respond);
    void book_appointment(const Request& r, const Respond& respond);
    void get_appointment(const std::string& code, const Respond& respond);
    void cancel_appointment(const std::string& code, const Respond& respond);
    void check_in(const std::string& code, const Respond& respond);
    void day_appointments(const Request& r, const Respond& respond);
    void appointments_report(const Request& r, const Respond& respond);
    /// The booking page (booking_page.cpp renders it): /dat-lich and /dat-lich/{code}.
    void booking_page(const Request& r, const Respond& respond);
    void booking_submit(const Request& r, const Respond& respond);
    void booking_show(const Request& r, const std::string& code, const Respond& respond);
    void booking_cancel(const Request& r, const std::string& code, const Respond& respond);
    /// Books under the lock: the command of apply() for the JSON route and the page.
    Command book_command(BookingRequest request, int start, std::string remote);
    Command cancel_command(std::string code);
    /// Seconds until `remote` may book again, when it booked too often lately (mutex_ held).
    /// Drops the addresses whose last booking is an hour old (every tick).
    void forget_quiet_clients(TimePoint now);
    std::optional<int> booking_wait(const std::string& remote, TimePoint now);
    /// Phone numbers of bookings older than retain_days leave the database (once a day).
    void erase_old_phones(Day today);
    [[nodiscard]] BookingView booking_view(const Appointment& a, bool full) const;
    /// The page's office, address and hours in the chosen language.
    [[nodiscard]] BookingPage page_base(bool en) const;
    /// The step the choices so far lead to (mutex_ held).
    BookingPage booking_step(bool en, const std::string& category, const std::string& date,
                             const std::string& start, const std::string& phone,
                             const std::string& error);
    /// A booking's own page: code, QR code, where, when, what to bring.
    [[nodiscard]] BookingPage booking_page_of(const Appointment& a, bool en,
                                              bool just_booked) const;

    // Dossiers (dossier_routes.cpp).
    /// Finish with a dossier: receipt (dossier_received) or return of a result (result_returned).
    void finish_with_dossier(const FinishRequest& req, int number, const std::string& officer,
                             const Respond& respond);
    void get_dossier(const auth::Principal& who, const std::string& code, const Respond& respond);
    void dossier_status(const Request& r, const std::string& code, const Respond& respond);
    void dossier_apology(const Request& r, const std::string& code, const Respond& respond);
    void dossier_form(const std::string& code, std::string_view form, const Respond& respond);
    void due_date_preview(const std::string& procedure, const Respond& respond);
    void dossier_report(const Request& r, const Respond& respond);
    void dossier_register(const Request& r, const Respond& respond);
    /// The latest acknowledged-or-pending state of a dossier: from the cache while a change is
    /// on its way to the disk, else from the store.
    std::optional<Dossier> load_dossier(const std::string& code);
    std::optional<Dossier> cached_dossier(const std::string& code);
    /// Drops cache entries whose change (code, event seq) is now durable.
    void forget_committed_dossiers(
        const std::vector<std::pair<std::string, std::int64_t>>& committed);
    /// What an officer's change does to a dossier: the event to record, none when the dossier
    /// already was as asked, or the refusal.
    using DossierChange =
        std::function<Result<std::optional<EventType>>(Dossier& d, TimePoint now)>;
    /// Applies `change` to dossier `code` under the engine lock; answers 404 when there is none,
    /// the refusal, or the dossier's full view once persisted.
    void change_dossier(const std::string& code, const DossierChange& change,
                        const Respond& respond);
    /// Records a changed dossier and its event (engine lock held).
    DomainEvent dossier_event(EventType type, TimePoint now, const Dossier& d);
    DossierView dossier_view(const Dossier& d, bool full) const;
    /// The configured procedure, or one named by its code alone when it has left the config:
    /// documents of older dossiers still print.
    [[nodiscard]] Procedure procedure_for_documents(const std::string& code) const;

    WardConfig config_;
    OfficeZone zone_;
    const Clock& clock_;
    TestClock* test_clock_;
    store::Store& store_;
    auth::Authenticator auth_;
    Metrics metrics_;
    mutable std::mutex mutex_;  // guards engine_ and officer_names_
    queue::Engine engine_;
    EventHub hub_;
    mutable std::unordered_map<std::string, std::string> officer_names_;
    WorkingCalendar calendar_;
    appointments::Book book_;  // mutex_
    /// Recent bookings per client address, for the per-address limit (mutex_).
    std::unordered_map<std::string, std::deque<TimePoint>> booking_clients_;
    std::optional<Day> phones_erased_on_;  // mutex_
    LookupLimiter lookups_;
    // Dossiers whose latest change is not durable yet (the store's read connection would not see
    // it), with the seq of that change's event; an entry leaves once its change is committed.
    struct CachedDossier {
        Dossier dossier;
        std::int64_t seq = 0;
    };
    std::mutex dossier_cache_mutex_;  // after mutex_ when both are taken
    std::unordered_map<std::string, CachedDossier> dossiers_;
    std::map<Day, int> dossier_seq_;  // last dossier sequence used per receipt day (mutex_)
    reports::ReportCache report_cache_;
    // Last: its thread stops (after finishing queued documents) before anything it uses goes.
    RenderWorker renderer_;
    WardRouter router_;
    std::atomic<shipper::Shipper*> shipper_{nullptr};
    // Set by a write that failed (on the writer thread); cleared under mutex_ once recovered.
    std::atomic<bool> storage_lost_{false};
    bool reloaded_since_loss_ = false;                  // mutex_
    std::chrono::steady_clock::time_point last_probe_;  // mutex_
};

}  // namespace motcua::api
