#pragma once
/// Ingestion of a ward's event batch (DESIGN.md §11): in one transaction, under the ward's row
/// lock, store the events after the acknowledged seq exactly once, project tickets, ratings and
/// dossiers, refresh the roll-up of the ward-days touched, and move the acknowledgement on.
#include <pqxx/connection>
#include <string>

#include "motcua/hub.hpp"
#include "motcua/result.hpp"
#include "pg/schema.hpp"

namespace motcua::hub {

/// Stores `batch` for ward `ward` (whose token the caller checked). Errors: `wrong_ward` (the
/// batch names another ward), `seq_gap` (the batch does not start right after what is stored);
/// nothing is stored then. A batch whose events are all stored already changes nothing.
Result<BatchAck> ingest(pqxx::connection& c, Partitions& partitions, const std::string& ward,
                        const EventBatch& batch, TimePoint now);

/// What is stored of `ward` (GET /ingest/ack), and whether it should re-send its estimates.
BatchAck acknowledged(pqxx::connection& c, const std::string& ward);

/// Sets the estimates at issue of `ward`'s tickets on the page (POST /ingest/estimates); the
/// last page (`done`) records that the ward has re-sent them all. Returns the tickets found.
int refill_estimates(pqxx::connection& c, const std::string& ward, const EstimateRefill& refill,
                     TimePoint now);

}  // namespace motcua::hub
