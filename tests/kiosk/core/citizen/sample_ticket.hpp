#pragma once
/// Test data shared by the kiosk's view-model and screen tests.
#include <string>

#include "motcua/api.hpp"
#include "motcua/office_time.hpp"

namespace motcua::kiosk::test {

/// A ticket as the service would issue it.
inline api::TicketView sample_ticket(std::string number = "A012", std::string category = "HT") {
    api::TicketView t;
    t.id = "q7Hk2mZx9PaL";
    t.number = std::move(number);
    t.category = std::move(category);
    t.issued_at = *parse_rfc3339("2026-11-23T07:31:00+07:00");
    t.waiting_ahead = 3;
    t.estimated_wait_s = 700;
    t.estimated_wait_range_s = {490, 1050};
    return t;
}

/// The event a rating pad acts on: ticket `number` finished at `counter`.
inline api::Event finished_event(int counter, const std::string& number = "A012") {
    const OfficeZone zone = *OfficeZone::load("Asia/Ho_Chi_Minh");
    auto t = sample_ticket(number);
    t.state = TicketState::done;
    t.counter = counter;
    api::Event e;
    e.seq = 7;
    e.type = EventType::ticket_finished;
    e.at = t.issued_at;
    e.fields = {{"ticket", api::to_json(t, zone)}, {"counter", counter}};
    return e;
}

}  // namespace motcua::kiosk::test
