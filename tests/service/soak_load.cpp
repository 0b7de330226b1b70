#include "soak_load.hpp"

#include <fmt/format.h>

#include <chrono>
#include <map>
#include <thread>

namespace soak {

using harness::Response;
namespace json = boost::json;

std::string str(const json::value& v, const char* key) {
    return std::string(v.at(key).as_string());
}

std::optional<Response> send(int port, const std::string& method, const std::string& target,
                             const std::string& token, const std::optional<std::string>& body) {
    try {
        return harness::request(port, method, target, token, body);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

namespace {

/// The days citizens book: the twelve office days after the soak's Monday 2026-11-23, within
/// the 14-day horizon.
const std::vector<std::string> kBookingDays = {
    "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-30", "2026-12-01",
    "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-07", "2026-12-08", "2026-12-09"};

}  // namespace

Load::Load(Model& model, Carry& carry, Devices devices, std::vector<Officer> officers, int port,
           unsigned seed)
    : model_(model),
      carry_(carry),
      devices_(std::move(devices)),
      officers_(std::move(officers)),
      port_(port),
      seed_(seed) {}

void Load::start() {
    for (int k = 0; k < 2; ++k) run([this, k] { kiosk(k); });
    for (std::size_t i = 0; i < officers_.size(); ++i) run([this, i] { counter(i); });
    run([this] { ratings(); });
    run([this] { dossier_clerk(); });
    run([this] { bookings(); });
    run([this] { screen(); });
}

void Load::join() {
    stop_ = true;
    for (auto& t : threads_) t.join();
}

void Load::run(std::function<void()> f) {
    threads_.emplace_back([this, f = std::move(f)] {
        try {
            f();
        } catch (const std::exception& e) {
            model_.unexpected(std::string("a client stopped on an answer it could not read: ") +
                              e.what());
        }
    });
}

std::mt19937 Load::rng(int k) const {
    return std::mt19937(seed_ * 31 + static_cast<unsigned>(k));
}

void Load::pause(std::mt19937& r, int lo_ms, int hi_ms) {
    std::this_thread::sleep_for(
        std::chrono::milliseconds(std::uniform_int_distribution<int>(lo_ms, hi_ms)(r)));
}

void Load::unexpected(const std::string& what, const Response& r) {
    model_.unexpected(fmt::format("{}: {} {}", what, r.status, r.body.substr(0, 200)));
}

void Load::kiosk(int k) {
    auto r = rng(k);
    auto& pending = carry_.unanswered_issues.at(static_cast<std::size_t>(k));
    // Last cycle's request that had no answer first, with its key, as the kiosk retries: one
    // ticket, the one it made if it made one.
    if (pending) {
        auto a = send(port_, "POST", "/api/v1/tickets", devices_.kiosk, pending->body);
        if (!a) return;  // still unanswered: next cycle again
        if (a->status != 201) {
            unexpected("POST /tickets (retried)", *a);
        } else {
            auto j = json::parse(a->body);
            model_.ticket_retried(pending->key, str(j, "id"), str(j, "number"), pending->category);
        }
        pending.reset();
    }
    const char* categories[] = {"HT", "DC", "VX", "TK"};
    for (int n = 0; !stop_; ++n) {
        const std::string category = categories[std::uniform_int_distribution<int>(0, 3)(r)];
        const std::string key = fmt::format("soak-{}-{}-{}", seed_, k, n);
        json::object body{{"category", category}, {"idempotency_key", key}};
        if (std::uniform_int_distribution<int>(0, 9)(r) == 0) {
            body["priority"] = true;
            body["priority_reason"] = "elderly";
        }
        const std::string text = json::serialize(body);
        auto a = send(port_, "POST", "/api/v1/tickets", devices_.kiosk, text);
        if (!a) {
            pending = PendingIssue{key, category, text};
            return model_.unanswered_issue(key);
        }
        if (a->status != 201) {
            unexpected("POST /tickets", *a);
        } else {
            auto j = json::parse(a->body);
            model_.ticket_issued(str(j, "id"), str(j, "number"), category);
        }
        pause(r, 5, 25);
    }
}

/// An officer at a counter: call the next, start (or mark absent), finish, sometimes
/// receiving a dossier.
void Load::counter(std::size_t i) {
    const Officer& o = officers_[i];
    auto r = rng(100 + static_cast<int>(i));
    const std::string base = fmt::format("/api/v1/counters/{}/", o.counter);
    // Where the last cycle left the counter, as the service now has it.
    auto counters = send(port_, "GET", "/api/v1/counters", o.token);
    if (!counters) return;
    std::optional<json::value> current;
    bool open = false;
    const auto listing = json::parse(counters->body);
    for (const auto& c : listing.as_array()) {
        if (c.at("number").as_int64() != o.counter) continue;
        open = c.at("state") == "open";
        if (!c.at("current").is_null()) current = c.at("current");
    }
    if (!open) {
        auto a = send(port_, "POST", base + "open", o.token);
        if (!a) return;
        if (a->status != 200) return unexpected("open counter", *a);
    }
    // Procedures of the demo ward's categories (TK returns results: no dossier received).
    const std::map<std::string, std::vector<std::string>> procedures{
        {"HT", {"HT-HN", "HT-KS", "HT-CT"}},
        {"DC", {"DC-XPXD", "DC-HGD"}},
        {"VX", {"VX-TCXH", "VX-HN"}}};
    while (!stop_) {
        const auto ticket_action = [&](const std::string& action, Op op,
                                       const std::optional<std::string>& body,
                                       const std::string& maybe_state) -> bool {
            const std::string id = str(*current, "id");
            auto a = send(port_, "POST", base + action, o.token, body);
            if (!a) {
                model_.unanswered_ticket_move(id, maybe_state);
                if (body && body->find("dossier_received") != std::string::npos)
                    model_.unanswered_receipt();
                return false;
            }
            if (a->status != 200) {
                unexpected("POST " + base + action, *a);
                return false;
            }
            auto j = json::parse(a->body);
            model_.ticket_moved(str(j, "id"), str(j, "number"), str(j, "category"), str(j, "state"),
                                op);
            if (const auto* d = j.as_object().if_contains("dossier"); d && !d->is_null())
                model_.dossier_received(str(*d, "code"), str(j, "id"), str(*d, "procedure"),
                                        str(*d, "state"));
            if (op == Op::finish) {
                std::lock_guard lock(carry_.m);
                carry_.to_rate.push_back(str(j, "id"));
            }
            current = j;
            return true;
        };
        if (!current) {
            auto a = send(port_, "POST", base + "call-next", o.token);
            if (!a) return model_.unanswered_call();
            if (a->status == 204) {
                pause(r, 20, 40);
                continue;
            }
            if (a->status != 200) return unexpected("call-next", *a);
            auto j = json::parse(a->body);
            model_.ticket_moved(str(j, "id"), str(j, "number"), str(j, "category"), str(j, "state"),
                                Op::call);
            current = j;
        } else if (str(*current, "state") == "called") {
            if (std::uniform_int_distribution<int>(0, 9)(r) == 0) {
                if (!ticket_action("no-show", Op::no_show, std::nullopt, "no_show")) return;
                current.reset();
            } else if (!ticket_action("start", Op::start, std::nullopt, "serving")) {
                return;
            }
        } else {
            const std::string category = str(*current, "category");
            json::object body{{"outcome", "resolved"}};
            auto p = procedures.find(category);
            if (category == "TK") {
                body["outcome"] = "result_returned";
            } else if (std::uniform_int_distribution<int>(0, 9)(r) < 4) {
                const auto& list = p->second;
                body["outcome"] = "dossier_received";
                body["procedure"] =
                    list[std::uniform_int_distribution<std::size_t>(0, list.size() - 1)(r)];
                body["applicant"] = {
                    {"name", "Nguyễn Văn An"},
                    {"phone",
                     fmt::format("09{:08}", std::uniform_int_distribution<int>(0, 99999999)(r))}};
            } else if (std::uniform_int_distribution<int>(0, 2)(r) == 0) {
                body["outcome"] = "guidance";
            }
            if (!ticket_action("finish", Op::finish, json::serialize(body), "done")) return;
            current.reset();
        }
        pause(r, 0, 15);
    }
}

/// A kiosk asking finished citizens for a rating, with an idempotency key it reuses.
void Load::ratings() {
    auto r = rng(200);
    auto rate = [&](const PendingRating& p) -> bool {
        json::object body{{"ticket", p.ticket}, {"level", p.level}, {"idempotency_key", p.key}};
        if (p.level <= 2) body["reasons"] = json::array{"long_wait"};
        auto a = send(port_, "POST", "/api/v1/ratings", devices_.kiosk, json::serialize(body));
        if (!a) {
            model_.unanswered_rating(p.ticket, p.level);
            carry_.unanswered_ratings.push_back(p);
            return false;
        }
        if (a->status != 201) {
            unexpected("POST /ratings " + p.ticket, *a);
            return true;
        }
        // A repeat of a stored rating (same key) is answered without the level: the
        // database check compares the stored one with the level sent.
        const auto j = json::parse(a->body);
        const auto* level = j.as_object().if_contains("level");
        model_.rated(p.ticket, level ? static_cast<int>(level->as_int64()) : p.level);
        return true;
    };
    // Last cycle's unanswered ratings first, with their keys: one rating each, never two.
    auto retry = std::exchange(carry_.unanswered_ratings, {});
    for (std::size_t i = 0; i < retry.size(); ++i)
        if (!rate(retry[i])) {
            carry_.unanswered_ratings.insert(carry_.unanswered_ratings.end(), retry.begin() + i + 1,
                                             retry.end());
            return;
        }
    while (!stop_) {
        std::optional<std::string> ticket;
        {
            std::lock_guard lock(carry_.m);
            if (!carry_.to_rate.empty()) {
                ticket = carry_.to_rate.front();
                carry_.to_rate.erase(carry_.to_rate.begin());
            }
        }
        if (ticket && std::uniform_int_distribution<int>(0, 9)(r) < 8) {
            const int level = std::uniform_int_distribution<int>(1, 5)(r);
            if (!rate({*ticket, "soak-" + *ticket, level})) return;
        }
        pause(r, 5, 15);
    }
}

/// An officer moving received dossiers on: in process, ready, returned.
void Load::dossier_clerk() {
    auto r = rng(300);
    const std::map<std::string, std::string> next{
        {"received", "in_process"}, {"in_process", "ready"}, {"ready", "returned"}};
    while (!stop_) {
        auto open = model_.dossiers_open();
        if (!open.empty()) {
            const auto code =
                open[std::uniform_int_distribution<std::size_t>(0, open.size() - 1)(r)];
            const auto d = model_.dossier(code);
            const auto to = next.find(d->state);
            if (to != next.end()) {
                auto a =
                    send(port_, "POST", "/api/v1/dossiers/" + code + "/status", officers_[0].token,
                         json::serialize(json::value{{"status", to->second}}));
                if (!a) return model_.unanswered_dossier_move(code, to->second);
                if (a->status != 200) {
                    unexpected("POST /dossiers/" + code + "/status", *a);
                } else {
                    auto j = json::parse(a->body);
                    model_.dossier_moved(code, str(j, "state"));
                }
            }
        }
        pause(r, 10, 30);
    }
}

/// Citizens booking slots from their phones, and some cancelling.
void Load::bookings() {
    auto r = rng(400);
    while (!stop_) {
        auto booked = model_.bookings_booked();
        if (!booked.empty() && std::uniform_int_distribution<int>(0, 9)(r) < 3) {
            const auto code =
                booked[std::uniform_int_distribution<std::size_t>(0, booked.size() - 1)(r)];
            auto a = send(port_, "POST", "/api/v1/public/appointments/" + code + "/cancel");
            if (!a) return model_.unanswered_booking_move(code, "cancelled");
            if (a->status != 200)
                unexpected("cancel " + code, *a);
            else
                model_.booking_moved(code, str(json::parse(a->body), "state"));
        } else {
            const std::string category = std::uniform_int_distribution<int>(0, 2)(r) ? "HT" : "DC";
            const std::string date = kBookingDays[std::uniform_int_distribution<std::size_t>(
                0, kBookingDays.size() - 1)(r)];
            // 07:30 to 11:15 and 13:00 to 16:30, every 15 minutes.
            int slot = std::uniform_int_distribution<int>(0, 30)(r);
            const int minute = slot < 16 ? 450 + slot * 15 : 780 + (slot - 16) * 15;
            const std::string start = fmt::format("{:02}:{:02}", minute / 60, minute % 60);
            const json::value body{{"category", category},
                                   {"date", date},
                                   {"start", start},
                                   {"phone", fmt::format("08{:08}", ++carry_.phone_seq)}};
            auto a = send(port_, "POST", "/api/v1/public/appointments", "", json::serialize(body));
            if (!a) return model_.unanswered_booking();
            if (a->status == 201) {
                auto j = json::parse(a->body);
                model_.booked(str(j, "code"), category, date, start, str(j, "state"));
            } else if (a->status != 409) {  // 409 slot_full: the slot is taken
                unexpected("POST /public/appointments", *a);
            }
        }
        pause(r, 15, 40);
    }
}

/// A board: every event it is sent must stay in the log as sent.
void Load::screen() {
    try {
        harness::EventClient events(port_, devices_.board, model_.last_seq());
        while (!stop_) {
            auto e = events.next(200);
            if (e)
                model_.screen_event(e->at("seq").as_int64(), json::serialize(*e));
            else
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    } catch (const std::exception&) {
        // The service died: what the board got is recorded.
    }
}

}  // namespace soak
