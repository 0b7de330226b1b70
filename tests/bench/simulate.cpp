// motcua-simulate: office days of a ward played through the ward's own code (the queue engine,
// the store, the routes) on a test clock, so its database holds a real event log: what a demo
// ward or a shipping benchmark needs. Each day an officer opens counters, the kiosk issues
// tickets through the morning and afternoon, officers call, serve (some receiving dossiers),
// mark absences, citizens rate; earlier dossiers are returned.
// Usage: motcua-simulate --config FILE --db FILE --days N --end YYYY-MM-DD [--tickets-per-day T]
// [--seed S]
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <future>
#include <iostream>
#include <random>

#include "api/ward.hpp"
#include "auth/crypto.hpp"

using namespace motcua;
namespace json = boost::json;

namespace {

class Driver {
public:
    Driver(const WardConfig& config, const OfficeZone& zone, TestClock& clock, store::Store& store)
        : ward_(config, zone, clock, &clock, store) {}

    json::value call(const std::string& method, const std::string& path, const std::string& token,
                     const std::optional<json::value>& body = std::nullopt, int* status = nullptr) {
        api::Request r;
        r.method = method;
        r.path = path;
        r.authorization = token.empty() ? "" : "Bearer " + token;
        r.content_type = "application/json";
        if (body) r.body = json::serialize(*body);
        r.remote = "127.0.0.1";
        std::promise<api::Reply> done;
        ward_.handle(r, [&done](api::Reply reply) { done.set_value(std::move(reply)); });
        auto reply = done.get_future().get();
        if (status != nullptr) *status = reply.status;
        if (reply.body.empty()) return nullptr;
        return json::parse(reply.body);
    }

private:
    api::Ward ward_;
};

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"motcua-simulate: office days of a ward played through its own code"};
    std::string config_path, db_path, end_text;
    int days = 5, per_day = 60;
    unsigned seed = 1;
    app.add_option("--config", config_path, "ward config (TOML)")->required();
    app.add_option("--db", db_path, "SQLite database (created when missing)")->required();
    app.add_option("--days", days, "office days to play")->check(CLI::Range(1, 400));
    app.add_option("--end", end_text, "last day, YYYY-MM-DD")->required();
    app.add_option("--tickets-per-day", per_day, "tickets issued each day")
        ->check(CLI::Range(4, 5000));
    app.add_option("--seed", seed, "random seed");
    CLI11_PARSE(app, argc, argv);

    auto config = load_config(config_path);
    if (!config) return std::cerr << "motcua-simulate: " << config.error().message << '\n', 1;
    auto zone = OfficeZone::load(config->time_zone);
    auto end = parse_day(end_text);
    if (!zone || !end) return std::cerr << "motcua-simulate: bad zone or --end\n", 2;
    if (auto init = auth::init_crypto(); !init) return 1;
    auto opened = store::Store::open(db_path);
    if (!opened) return std::cerr << "motcua-simulate: " << opened.error().message << '\n', 1;
    auto& store = **opened;

    // The simulation's own accounts: a kiosk and one officer per counter, with sessions.
    const WorkingCalendar calendar(*config);
    std::vector<Day> office_days;
    for (Day d = *end; static_cast<int>(office_days.size()) < days;
         d = Day{date::sys_days{d} - date::days{1}})
        if (calendar.is_working_day(d)) office_days.insert(office_days.begin(), d);
    TestClock clock(zone->start_of_day(office_days.front()));
    const auto now = std::chrono::time_point_cast<Millis>(std::chrono::system_clock::now());
    const std::string kiosk = auth::new_token();
    std::vector<std::string> officers;
    auto written = store.write([&](store::WriteTx& tx) {
        tx.add_device({0, "Kiosk (mô phỏng)", DeviceRole::kiosk, std::nullopt},
                      auth::token_digest(kiosk), now);
        for (const auto& counter : config->counters) {
            const std::string username = fmt::format("mophong{}", counter.number);
            if (!store.officer(username))
                tx.add_officer({username, fmt::format("Cán bộ mô phỏng {}", counter.number),
                                OfficerRole::officer, "-"},
                               now);
            officers.push_back(auth::new_token());
            tx.add_session(auth::token_digest(officers.back()), username,
                           now + std::chrono::hours(2));
        }
    });
    if (!written) return std::cerr << "motcua-simulate: " << written.error().message << '\n', 1;

    Driver ward(*config, *zone, clock, store);
    std::mt19937 rng(seed);
    std::vector<std::string> open_dossiers;
    std::size_t issued = 0, dossiers = 0, ratings = 0;
    for (const Day day : office_days) {
        const TimePoint start =
            zone->start_of_day(day) + std::chrono::hours(7) + std::chrono::minutes(30);
        const auto set = [&](TimePoint t) {
            if (t > clock.now())
                ward.call("POST", "/api/v1/test/clock", "",
                          json::value{{"now", zone->format_rfc3339(t)}});
        };
        set(start);
        for (std::size_t c = 0; c < config->counters.size(); ++c)
            ward.call("POST", fmt::format("/api/v1/counters/{}/open", config->counters[c].number),
                      officers[c]);
        // Arrivals spread over the day (two thirds in the morning), each visit served by the next
        // free counter that serves its category.
        std::vector<TimePoint> arrivals;
        for (int i = 0; i < per_day; ++i) {
            const bool morning = rng() % 3 != 0;
            const int minute =
                morning ? static_cast<int>(rng() % 240) : 360 + static_cast<int>(rng() % 180);
            arrivals.push_back(start + std::chrono::minutes(minute) +
                               std::chrono::seconds(rng() % 60));
        }
        std::sort(arrivals.begin(), arrivals.end());
        std::vector<TimePoint> free_at(config->counters.size(), start);
        for (const TimePoint arrival : arrivals) {
            set(arrival);
            const auto& category = config->categories[rng() % config->categories.size()];
            int status = 0;
            ward.call("POST", "/api/v1/tickets", kiosk,
                      json::value{{"category", category.code}, {"priority", rng() % 8 == 0}},
                      &status);
            if (status == 201) ++issued;
            // Serve with whichever counter is free soonest.
            const auto c = static_cast<std::size_t>(
                std::min_element(free_at.begin(), free_at.end()) - free_at.begin());
            const int n = config->counters[c].number;
            TimePoint t = std::max(free_at[c], arrival + std::chrono::seconds(30 + rng() % 600));
            set(t);
            auto called = ward.call("POST", fmt::format("/api/v1/counters/{}/call-next", n),
                                    officers[c], std::nullopt, &status);
            if (status != 200) continue;
            const std::string id(called.at("id").as_string());
            if (rng() % 12 == 0) {
                ward.call("POST", fmt::format("/api/v1/counters/{}/no-show", n), officers[c]);
                free_at[c] = t + std::chrono::minutes(1);
                continue;
            }
            t += std::chrono::seconds(20 + rng() % 60);
            set(t);
            ward.call("POST", fmt::format("/api/v1/counters/{}/start", n), officers[c]);
            t += std::chrono::seconds(120 + rng() % 600);
            set(t);
            json::object finish{{"outcome", "resolved"}};
            const auto procedure =
                std::find_if(config->procedures.begin(), config->procedures.end(),
                             [&](const Procedure& p) { return p.category == category.code; });
            if (!open_dossiers.empty() && rng() % 5 == 0) {
                finish = {{"outcome", "result_returned"}, {"dossier", open_dossiers.front()}};
                open_dossiers.erase(open_dossiers.begin());
            } else if (procedure != config->procedures.end() && rng() % 3 == 0) {
                finish = {{"outcome", "dossier_received"},
                          {"procedure", procedure->code},
                          {"applicant", {{"name", fmt::format("Công dân mô phỏng {}", issued)}}}};
            }
            auto done = ward.call("POST", fmt::format("/api/v1/counters/{}/finish", n), officers[c],
                                  json::value(finish));
            if (const auto* d = done.as_object().if_contains("dossier");
                d != nullptr && finish.at("outcome") == "dossier_received") {
                open_dossiers.emplace_back(d->at("code").as_string());
                ++dossiers;
            }
            free_at[c] = t;
            if (rng() % 4 != 0) {
                // Ratings skewed to satisfied, as wards see.
                static constexpr std::array<int, 10> kLevels{5, 5, 5, 5, 4, 4, 4, 3, 2, 1};
                const int level = kLevels[rng() % kLevels.size()];
                json::object rating{{"ticket", id}, {"level", level}};
                if (level <= 2) rating["reasons"] = json::array{"long_wait"};
                ward.call("POST", "/api/v1/ratings", kiosk, json::value(rating), &status);
                ratings += status == 201;
            }
        }
        set(std::max(clock.now(), zone->start_of_day(day) + std::chrono::hours(17)));
        for (std::size_t c = 0; c < config->counters.size(); ++c)
            ward.call("POST", fmt::format("/api/v1/counters/{}/close", config->counters[c].number),
                      officers[c]);
    }
    std::cerr << fmt::format(
        "simulated {} office days to {}: {} tickets, {} dossiers received, {} ratings\n",
        office_days.size(), format_day(office_days.back()), issued, dossiers, ratings);
    return 0;
}
