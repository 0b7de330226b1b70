#pragma once
/// What a ward ships to the province hub (DESIGN.md §11) and the hub's answers: declared once,
/// used by the ward's shipper, the hub's ingestion and the tests. Shipped records carry what the
/// reports need and nothing personal: no applicant, no booking phone, and a rating comment only
/// when the ward allows it (`[hub] ship_comments`).
#include <boost/json/fwd.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "motcua/config.hpp"
#include "motcua/domain.hpp"
#include "motcua/model.hpp"
#include "motcua/office_time.hpp"
#include "motcua/result.hpp"

namespace motcua::hub {

/// Most events in one batch, and the largest batch body the hub reads.
inline constexpr std::size_t kMaxBatchEvents = 1000;
inline constexpr std::size_t kMaxBatchBytes = 4 * 1024 * 1024;
inline constexpr std::string_view kIngestPath = "/api/v1/ingest/events";
inline constexpr std::string_view kAckPath = "/api/v1/ingest/ack";
inline constexpr std::string_view kRefillPath = "/api/v1/ingest/estimates";

/// A ticket as of one event (tickets hold no personal data).
struct ShippedTicket {
    std::string id;
    Day day;  // office day of issue
    std::string number;
    std::string category;  // where it waits or waited last
    bool priority = false;
    TicketState state = TicketState::waiting;
    TimePoint issued_at;
    std::optional<TimePoint> called_at;
    std::optional<TimePoint> started_at;
    std::optional<TimePoint> finished_at;
    std::optional<int> counter;
    std::optional<std::string> officer;  // username
    std::optional<FinishOutcome> outcome;
    /// The category it was issued in, which its number and its estimate belong to; empty when
    /// unknown (a ward from before this field, an event shipped from its public payload), and
    /// the hub then takes `category`.
    std::string issued_category = {};
    std::optional<EstimateAtIssue> estimate = std::nullopt;  // told at issue (DESIGN.md §9)
};

struct ShippedRating {
    std::string ticket;  // ticket id
    Day day;             // office day of the rated ticket
    int level = 0;
    std::vector<RatingReason> reasons;
    std::optional<int> counter;
    std::optional<std::string> officer;
    TimePoint at;
    std::optional<std::string> comment;  // only with ship_comments
};

struct ShippedCounter {
    int number = 0;
    CounterState state = CounterState::closed;
    std::optional<std::string> officer;  // username
};

/// A dossier as of one event, without the applicant.
struct ShippedDossier {
    std::string code;
    Day day;  // office day of receipt
    std::string procedure;
    std::string category;
    DossierChannel channel = DossierChannel::direct;
    DossierState state = DossierState::received;
    TimePoint received_at;
    Day due_date;
    std::optional<Day> new_due_date;
    std::optional<TimePoint> apology_at;
    std::optional<TimePoint> returned_at;
    std::optional<TimePoint> closed_at;
    std::optional<DossierResult> result;
    int counter = 0;
    std::string officer;
    TimePoint updated_at;
};

struct ShippedEvent {
    std::int64_t seq = 0;
    EventType type = EventType::ticket_issued;
    TimePoint at;
    std::optional<ShippedTicket> ticket;
    std::optional<ShippedRating> rating;
    std::optional<ShippedCounter> counter;
    std::optional<ShippedDossier> dossier;
    std::optional<std::string> from_category;  // ticket_transferred
};

/// What the hub needs of a ward's config to label and judge its figures like the ward does.
struct WardCategory {
    std::string code;
    std::string name_vi;
    std::string name_en;
    int target_wait_s = 0;
};
struct WardProcedure {
    std::string code;
    std::string name_vi;
    std::string category;
    int legal_days = 0;
};
struct WardInfo {
    std::string unit_code;
    std::string name;
    std::string time_zone;
    SatisfactionScale scale = SatisfactionScale::five_level;
    std::vector<WardCategory> categories;
    std::vector<WardProcedure> procedures;
};

/// POST /api/v1/ingest/events: events in seq order, no gaps; the first may repeat acknowledged
/// ones.
struct EventBatch {
    WardInfo ward;
    std::vector<ShippedEvent> events;
};

/// The hub's answer to a batch and to GET /api/v1/ingest/ack: everything up to `acked_seq` is
/// stored.
struct BatchAck {
    std::string ward;
    std::int64_t acked_seq = 0;
    int stored = 0;  // events of this batch newly stored
    /// The hub has not had this ward's estimates re-sent (EstimateRefill) since it began to
    /// keep them; absent from an older hub, which keeps none.
    bool refill_estimates = false;
};

/// What a ticket was told at issue, re-sent for tickets whose events the hub already stored
/// without it (events recorded before wards shipped estimates).
struct RefilledEstimate {
    std::string id;
    Day day;  // office day of issue
    std::string issued_category;
    EstimateAtIssue estimate;
};

/// POST /api/v1/ingest/estimates: a page of at most kMaxBatchEvents tickets, in (day, id)
/// order, once the ward has shipped every event; `done` on the last page. The hub answers
/// {"updated": N}, the tickets of this ward it found.
struct EstimateRefill {
    std::vector<RefilledEstimate> tickets;
    bool done = false;
};

/// GET /wards: one row per ward.
struct WardStatus {
    std::string code;
    std::string name;
    std::int64_t acked_seq = 0;
    std::optional<TimePoint> last_event_at;
    std::optional<TimePoint> last_seen_at;
};

/// One ward's line of the province overview (GET /reports/overview): the figures the province
/// ranks wards by, and the ranks (1 = best; wards without figures rank last, by code).
struct WardFigures {
    std::string code;
    std::string name;
    std::int64_t issued = 0;
    std::int64_t served = 0;
    double mean_wait_s = 0;        // over served tickets
    double within_target_pct = 0;  // called tickets whose wait was within their category's target
    std::int64_t rated = 0;
    double satisfied_pct = 0;  // levels 4-5 over all ratings
    std::int64_t dossiers_processed = 0;
    double dossiers_on_time_pct =
        0;  // returned early or on time, over those returned in the period
    int rank_wait = 0;
    int rank_within_target = 0;
    int rank_satisfaction = 0;
    int rank_dossiers = 0;
};
struct ProvinceOverview {
    Day from;
    Day to;
    std::vector<WardFigures> wards;  // by code
};
/// Fills the ranks of `wards`: shorter mean wait, higher shares rank first; ties share a rank.
void rank_wards(std::vector<WardFigures>& wards);

/// The record of a state change as shipped; the comment stays unless `strip_personal` removes it.
ShippedEvent to_shipped(const DomainEvent& e);
/// Removes what may not leave the ward (DESIGN.md §11): the rating comment unless allowed.
void strip_personal(ShippedEvent& e, bool ship_comments);
WardInfo ward_info(const WardConfig& config);
/// The config the hub's reports use for one ward: its categories, procedures and scale.
WardConfig report_config(const WardInfo& info);

boost::json::value to_json(const ShippedEvent& m, const OfficeZone& zone);
boost::json::value to_json(const WardInfo& m);
boost::json::value to_json(const EventBatch& m, const OfficeZone& zone);
boost::json::value to_json(const BatchAck& m);
boost::json::value to_json(const EstimateRefill& m);
boost::json::value to_json(const WardStatus& m, const OfficeZone& zone);
boost::json::value to_json(const ProvinceOverview& m);

Result<ShippedEvent> decode_shipped_event(const boost::json::value& v);
Result<WardInfo> decode_ward_info(const boost::json::value& v);
/// Decodes a batch and checks its shape: at most kMaxBatchEvents, seq strictly increasing by one.
Result<EventBatch> decode_event_batch(const boost::json::value& v);
Result<BatchAck> decode_batch_ack(const boost::json::value& v);
Result<EstimateRefill> decode_estimate_refill(const boost::json::value& v);
Result<WardStatus> decode_ward_status(const boost::json::value& v);
Result<ProvinceOverview> decode_province_overview(const boost::json::value& v);

}  // namespace motcua::hub
