#pragma once
/// motcua-hub's HTTP side: the route table (DESIGN.md §11) over the PostgreSQL pool. Every
/// request runs on a database worker; the network threads only parse and send.
#include <atomic>
#include <memory>
#include <string>

#include "api/app.hpp"
#include "api/router.hpp"
#include "auth/hub_auth.hpp"
#include "motcua/office_time.hpp"
#include "pg/pool.hpp"
#include "pg/schema.hpp"
#include "reports/month_cache.hpp"

namespace motcua::hub {

/// Who may call a hub route (the route table's third column).
enum class HubAccess {
    anyone,
    ward,      // a ward's token: ingestion
    user,      // a province officer: province or ward_viewer
    province,  // province role only
};
Status hub_allows(HubAccess access, const HubPrincipal& who);
using HubRouter = api::Router<HubPrincipal, HubAccess>;

struct HubSettings {
    std::string province_name = "Tỉnh";
    std::string time_zone = "Asia/Ho_Chi_Minh";
};

class HubApp final : public api::App {
public:
    HubApp(HubSettings settings, OfficeZone zone, PgPool& pool);

    /// Reads the last thirteen months of every ward into the reports' memory, on a database
    /// worker (requests queue behind it only on that worker).
    void warm_up();

    void handle(const api::Request& request, const api::Respond& respond) override;
    api::Metrics& metrics() override { return metrics_; }
    [[nodiscard]] std::string route_label(std::string_view method,
                                          std::string_view path) const override;
    [[nodiscard]] const HubRouter& router() const { return router_; }

private:
    void add_routes();
    /// The connection of the database worker running the current request.
    static pqxx::connection& db();

    void login(const HubRouter::Call& c);
    void ingest(const HubRouter::Call& c);
    void ack(const HubRouter::Call& c);
    void refill(const HubRouter::Call& c);
    void wards(const HubRouter::Call& c);
    void turnaround(const HubRouter::Call& c);
    void waits(const HubRouter::Call& c);
    void dossiers(const HubRouter::Call& c);
    void estimates(const HubRouter::Call& c);
    void overview(const HubRouter::Call& c);
    void metrics_route(const HubRouter::Call& c);
    /// The wards a report covers: `ward=` (checked against a ward_viewer's own), or all.
    Result<std::vector<struct WardMeta>> report_wards(const HubRouter::Call& c);

    HubSettings settings_;
    OfficeZone zone_;
    PgPool& pool_;
    HubAuth auth_;
    Partitions partitions_;
    TicketCache tickets_;  // the reports' copies of the wards' months (reports/month_cache.hpp)
    DossierCache dossiers_;
    api::Metrics metrics_;
    std::atomic<std::uint64_t> events_ingested_{0};
    std::atomic<std::uint64_t> batches_refused_{0};
    HubRouter router_;
};

}  // namespace motcua::hub
