#include "shipper/shipper.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <boost/json.hpp>
#include <fstream>

#include "motcua/api.hpp"

namespace motcua::shipper {
namespace {

namespace json = boost::json;
constexpr std::chrono::seconds kIdlePoll{5};

}  // namespace

Result<std::unique_ptr<Shipper>> Shipper::create(const WardConfig& config,
                                                 const std::filesystem::path& config_dir,
                                                 store::Store& store, const OfficeZone& zone) {
    std::filesystem::path token_path = config.hub.token_file;
    if (token_path.is_relative()) token_path = config_dir / token_path;
    std::ifstream in(token_path);
    std::string token;
    if (!in || !std::getline(in, token))
        return make_error(
            ErrorCode::hub_token,
            fmt::format("{}: cannot read the hub token ([hub] token_file)", token_path.string()));
    while (!token.empty() && (token.back() == '\r' || token.back() == ' ')) token.pop_back();
    if (token.empty())
        return make_error(ErrorCode::hub_token,
                          fmt::format("{}: the hub token is empty", token_path.string()));
    std::filesystem::path ca = config.hub.ca_file;
    if (!ca.empty() && ca.is_relative()) ca = config_dir / ca;
    auto client = HttpsClient::create(config.hub.url, ca.string(), std::chrono::seconds(15));
    if (!client)
        return make_error(client.error().code,
                          fmt::format("[hub] url: {}", client.error().message));
    return std::unique_ptr<Shipper>(
        new Shipper(config, std::move(token), std::move(*client), store, zone));
}

Shipper::Shipper(const WardConfig& config, std::string token, std::unique_ptr<HttpsClient> client,
                 store::Store& store, const OfficeZone& zone)
    : info_(hub::ward_info(config)),
      config_(config),
      token_(std::move(token)),
      client_(std::move(client)),
      store_(store),
      zone_(zone) {
    last_seq_ = store_.last_event_seq();
    thread_ = std::thread([this] { loop(); });
}

Shipper::~Shipper() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    cv_.notify_all();
    client_->cancel();  // a request in flight ends now, not after its timeouts
    thread_.join();
}

void Shipper::notify(std::int64_t seq) {
    last_seq_ = std::max(last_seq_.load(), seq);
    {
        std::lock_guard lock(mutex_);
        woken_ = true;
    }
    cv_.notify_all();
}

std::vector<api::MetricValue> Shipper::metrics() const {
    const auto acked = acked_.load();
    const auto known = std::max<std::int64_t>(acked, 0);
    return {{"motcua_hub_acked_seq",
             "Last event seq the province hub acknowledged (-1 before it answered).", "gauge",
             static_cast<double>(acked)},
            {"motcua_hub_lag_events", "Events recorded but not yet acknowledged by the hub.",
             "gauge", static_cast<double>(std::max<std::int64_t>(0, last_seq_.load() - known))},
            {"motcua_hub_failures_total", "Failed attempts to reach or feed the hub.", "counter",
             static_cast<double>(failures_.load())},
            {"motcua_hub_estimates_refill_pending",
             "1 while the ward re-sends the estimates at issue the hub asked for.", "gauge",
             refill_pending_.load() ? 1.0 : 0.0},
            {"motcua_hub_ahead",
             "1 when the hub has more of this ward's events than the ward (a restored database).",
             "gauge", ahead_.load() ? 1.0 : 0.0}};
}

void Shipper::wait(std::chrono::milliseconds d, bool wake_on_events) {
    std::unique_lock lock(mutex_);
    cv_.wait_for(lock, d, [&] { return stopping_ || (wake_on_events && woken_); });
    woken_ = false;
}

hub::ShippedEvent Shipper::from_payload(const store::ShippableEvent& e) const {
    // Events recorded before the hub existed carry only their public payload: rebuild what the
    // reports need from it (a rating's day is the day it was given: ratings close each day). The
    // payload has no estimate's baseline nor the category of issue, so such a ticket ships
    // without them; the hub asks for the estimates afterwards (EstimateRefill).
    hub::ShippedEvent s;
    s.seq = e.seq;
    s.type = e.type;
    s.at = e.at;
    auto parsed = api::parse_json(e.payload);
    if (!parsed) return s;
    auto ev = api::decode<api::Event>(*parsed);
    if (!ev) return s;
    if (const auto* t = ev->fields.if_contains("ticket");
        t != nullptr && !ev->fields.contains("rating")) {
        if (auto view = api::decode<api::TicketView>(*t)) {
            s.ticket = hub::ShippedTicket{view->id,         zone_.office_day(view->issued_at),
                                          view->number,     view->category,
                                          view->priority,   view->state,
                                          view->issued_at,  view->called_at,
                                          view->started_at, view->finished_at,
                                          view->counter,    std::nullopt,
                                          std::nullopt};
        }
    }
    if (const auto* r = ev->fields.if_contains("rating")) {
        if (auto f = api::decode<api::RatingSubmittedFields>(*r))
            s.rating = hub::ShippedRating{
                f->ticket,   zone_.office_day(ev->at), f->level, {}, f->counter, f->officer, ev->at,
                std::nullopt};
    }
    if (const auto* d = ev->fields.if_contains("dossier")) {
        if (auto view = api::decode<api::DossierView>(*d)) {
            const Procedure* p = config_.find_procedure(view->procedure);
            hub::ShippedDossier sd;
            sd.code = view->code;
            sd.day = zone_.office_day(view->received_at);
            sd.procedure = view->procedure;
            sd.category = p != nullptr ? p->category : "";
            sd.state = view->state;
            sd.received_at = view->received_at;
            sd.due_date = view->due_date;
            sd.new_due_date = view->new_due_date;
            sd.returned_at = view->returned_at;
            if (dossier_closed(view->state))
                sd.closed_at = view->returned_at ? *view->returned_at : ev->at;
            sd.result = view->result;
            sd.updated_at = ev->at;
            s.dossier = std::move(sd);
        }
    }
    return s;
}

bool Shipper::next_batch(std::int64_t after, std::string& body, std::int64_t& last) {
    const auto rows = store_.events_to_ship(after, config_.hub.batch_events);
    if (rows.empty()) return false;
    json::array events;
    events.reserve(rows.size());
    for (const auto& row : rows) {
        hub::ShippedEvent e;
        bool decoded = false;
        if (row.detail)
            if (auto parsed = api::parse_json(*row.detail))
                if (auto d = hub::decode_shipped_event(*parsed)) {
                    e = std::move(*d);
                    decoded = true;
                }
        if (!decoded) e = from_payload(row);
        e.seq = row.seq;
        hub::strip_personal(e, config_.hub.ship_comments);
        events.push_back(hub::to_json(e, zone_));
    }
    last = rows.back().seq;
    body =
        api::write_json(json::object{{"ward", hub::to_json(info_)}, {"events", std::move(events)}});
    return true;
}

bool Shipper::refill_page(std::string& problem) {
    const auto tickets = store_.estimated_tickets_after(refill_day_, refill_id_,
                                                        static_cast<int>(hub::kMaxBatchEvents));
    hub::EstimateRefill page;
    page.done = tickets.size() < hub::kMaxBatchEvents;
    for (const auto& t : tickets)
        page.tickets.push_back(hub::RefilledEstimate{t.id, t.day, t.issued_category, *t.estimate});
    auto answer = client_->request("POST", std::string(hub::kRefillPath), token_,
                                   api::write_json(hub::to_json(page)));
    if (!answer) {
        problem = answer.error().message;
        return false;
    }
    if (answer->status != 200) {
        problem = fmt::format("the hub answered {} to {}: {}", answer->status, hub::kRefillPath,
                              answer->body);
        return false;
    }
    refilled_ += static_cast<std::int64_t>(tickets.size());
    if (!tickets.empty()) {
        refill_day_ = tickets.back().day;
        refill_id_ = tickets.back().id;
    }
    if (page.done) {
        refill_pending_ = false;
        spdlog::info("hub: re-sent the estimates at issue of {} tickets", refilled_);
    }
    return true;
}

void Shipper::loop() {
    std::chrono::milliseconds backoff{1000};
    std::string last_problem;
    const auto trouble = [&](const std::string& problem) {
        failures_.fetch_add(1);
        if (problem != last_problem) spdlog::warn("hub: {}; retrying with back-off", problem);
        last_problem = problem;
        wait(backoff, false);  // new events do not shorten a back-off
        backoff = std::min<std::chrono::milliseconds>(
            backoff * 2, std::chrono::seconds(config_.hub.max_backoff_s));
    };
    for (;;) {
        {
            std::lock_guard lock(mutex_);
            if (stopping_) return;
        }
        if (!ack_known_) {
            auto answer = client_->request("GET", std::string(hub::kAckPath), token_, std::nullopt);
            if (!answer) {
                trouble(answer.error().message);
                continue;
            }
            auto ack = api::parse_json(answer->body);
            auto decoded = ack ? hub::decode_batch_ack(*ack) : Result<hub::BatchAck>(ack.error());
            if (answer->status != 200 || !decoded) {
                trouble(fmt::format("the hub answered {} to {}: {}", answer->status, hub::kAckPath,
                                    answer->body));
                continue;
            }
            // Before the acknowledgement shows: "shipped" includes the estimates it asks for.
            if (decoded->refill_estimates && !refill_pending_.load()) {
                refill_day_ = Day{};
                refill_id_.clear();
                refilled_ = 0;
                refill_pending_ = true;
            }
            acked_ = decoded->acked_seq;
            ack_known_ = true;
            // A hub ahead of the ward: the ward's database was restored from an older copy, and
            // its new events reuse numbers the hub has. Nothing can ship until someone looks.
            if (const auto last = store_.last_event_seq(); decoded->acked_seq > last) {
                ahead_ = true;
                trouble(fmt::format(
                    "the hub has event {} but this ward's database ends at {}: was it restored "
                    "from a backup? Shipping stops until the hub's copy of this ward is checked",
                    decoded->acked_seq, last));
                ack_known_ = false;
                continue;
            }
            ahead_ = false;
            spdlog::info("hub: {} has this ward up to event {}", config_.hub.url,
                         decoded->acked_seq);
        }
        std::string body;
        std::int64_t last = 0;
        if (!next_batch(acked_.load(), body, last)) {
            // Every event is shipped, so every ticket is on the hub: its estimates can follow.
            if (refill_pending_.load()) {
                std::string problem;
                if (refill_page(problem)) {
                    backoff = std::chrono::milliseconds(1000);
                } else {
                    ack_known_ = false;  // ask again: the hub may have been replaced
                    trouble(problem);
                }
                continue;
            }
            wait(kIdlePoll, true);
            continue;
        }
        auto answer = client_->request("POST", std::string(hub::kIngestPath), token_, body);
        if (!answer) {
            trouble(answer.error().message);
            continue;
        }
        auto parsed = api::parse_json(answer->body);
        if (answer->status == 200 && parsed) {
            if (auto ack = hub::decode_batch_ack(*parsed)) {
                acked_ = ack->acked_seq;
                backoff = std::chrono::milliseconds(1000);
                if (!last_problem.empty())
                    spdlog::info("hub: shipping again, acknowledged up to {}", ack->acked_seq);
                last_problem.clear();
                continue;
            }
        }
        // A gap or a refusal: ask the hub where it stands before sending again.
        ack_known_ = false;
        trouble(fmt::format("the hub answered {} to a batch up to seq {}: {}", answer->status, last,
                            answer->body));
    }
}

}  // namespace motcua::shipper
