#pragma once
/// The ward's shipper (DESIGN.md §11): sends the event log to the province hub in seq order, in
/// batches, from the hub's acknowledged seq, on a thread of its own. While the hub cannot be
/// reached it backs off and the ward works on as before: nothing here is on a request's path.
#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "api/metrics.hpp"
#include "motcua/config.hpp"
#include "motcua/hub.hpp"
#include "motcua/office_time.hpp"
#include "shipper/https_client.hpp"
#include "store/store.hpp"

namespace motcua::shipper {

class Shipper {
public:
    /// Reads the token file (relative paths are relative to `config_dir`) and checks the URL;
    /// errors name the file or the setting.
    static Result<std::unique_ptr<Shipper>> create(const WardConfig& config,
                                                   const std::filesystem::path& config_dir,
                                                   store::Store& store, const OfficeZone& zone);
    ~Shipper();
    Shipper(const Shipper&) = delete;
    Shipper& operator=(const Shipper&) = delete;

    /// Events up to `seq` are durable: wakes the thread when it waits for more.
    void notify(std::int64_t seq);
    /// motcua_hub_acked_seq and motcua_hub_lag_events, for /metrics.
    [[nodiscard]] std::vector<api::MetricValue> metrics() const;

private:
    Shipper(const WardConfig& config, std::string token, std::unique_ptr<HttpsClient> client,
            store::Store& store, const OfficeZone& zone);
    void loop();
    /// The events after `after` as a batch body; false when there are none.
    bool next_batch(std::int64_t after, std::string& body, std::int64_t& last);
    hub::ShippedEvent from_payload(const store::ShippableEvent& e) const;
    /// Re-sends a page of the estimates at issue the hub asked for; false on trouble.
    bool refill_page(std::string& problem);
    /// Sleeps `d`, or until stopped, or (when `wake_on_events`) until new events are durable.
    void wait(std::chrono::milliseconds d, bool wake_on_events);

    hub::WardInfo info_;
    WardConfig config_;
    std::string token_;
    std::unique_ptr<HttpsClient> client_;
    store::Store& store_;
    OfficeZone zone_;
    std::atomic<std::int64_t> acked_{-1};  // last acknowledged; -1 before the hub first answered
    bool ack_known_ = false;  // loop thread only: false after a refusal, until asked again
    // The hub asked for the estimates of the tickets it stored without them (events recorded
    // before wards shipped estimates): written by the loop thread, read by /metrics too. Then,
    // loop thread only, the last ticket sent, in (day, id) order.
    std::atomic<bool> refill_pending_{false};
    Day refill_day_{};
    std::string refill_id_;
    std::int64_t refilled_ = 0;
    std::atomic<std::int64_t> last_seq_{0};
    std::atomic<std::uint64_t> failures_{0};
    std::atomic<bool> ahead_{false};
    std::mutex mutex_;
    std::condition_variable cv_;
    bool stopping_ = false;
    bool woken_ = false;
    std::thread thread_;
};

}  // namespace motcua::shipper
