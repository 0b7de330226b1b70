// Appointments (DESIGN.md §10): slots, booking, a booking's page and cancel for whoever holds its
// code, check-in at the kiosk, the officers' list of the day; missed bookings and the erasure of
// phone numbers.
#include <fmt/format.h>

#include "api/ward.hpp"
#include "auth/crypto.hpp"

namespace motcua::api {

namespace json = boost::json;

namespace {

/// One client address may book this many times in this window (a family books a few; a script
/// that enumerates slots is stopped).
constexpr int kBookingsPerClient = 10;
constexpr auto kBookingWindow = std::chrono::hours(1);

Reply no_booking() {
    return error_reply(ErrorCode::not_found, "no booking with this code");
}

}  // namespace

BookingView Ward::booking_view(const Appointment& a, bool full) const {
    BookingView v;
    v.code = a.code;
    v.category = a.category;
    v.date = a.day;
    v.start = format_hhmm(a.start);
    v.end = format_hhmm(a.end);
    v.state = a.state;
    if (a.phone) v.phone = full ? *a.phone : appointments::mask_phone(*a.phone);
    return v;
}

void Ward::expire_bookings(TimePoint now, std::vector<DomainEvent>& events) {
    for (Appointment& a : book_.expire(now)) {
        DomainEvent e = engine_.next_event(EventType::appointment_missed, now);
        e.appointment = std::move(a);
        events.push_back(std::move(e));
    }
}

void Ward::erase_old_phones(Day today) {
    if (phones_erased_on_ && *phones_erased_on_ == today) return;
    phones_erased_on_ = today;
    const Day before{date::sys_days(today) - date::days{config_.appointments.retain_days}};
    store_.submit([before](store::WriteTx& tx) { (void)tx.erase_appointment_phones(before); },
                  nullptr);
}

std::optional<int> Ward::booking_wait(const std::string& remote, TimePoint now) {
    auto& recent = booking_clients_[remote];
    while (!recent.empty() && now - recent.front() >= kBookingWindow) recent.pop_front();
    if (static_cast<int>(recent.size()) < kBookingsPerClient) return std::nullopt;
    const auto wait = kBookingWindow - (now - recent.front());
    return static_cast<int>(std::chrono::ceil<std::chrono::seconds>(wait).count());
}

void Ward::public_slots(const Request& r, const Respond& respond) {
    const auto category = r.query.find("category");
    const auto date = r.query.find("date");
    if (category == r.query.end() || date == r.query.end())
        return respond(
            error_reply(ErrorCode::invalid_query, "give 'category' and 'date' (YYYY-MM-DD)"));
    auto day = parse_day(date->second);
    if (!day) return respond(error_reply(ErrorCode::invalid_query, day.error().message));
    std::lock_guard lock(mutex_);
    auto slots = book_.slots(category->second, *day, clock_.now());
    if (!slots) return respond(error_reply(slots.error()));
    json::array out;
    for (const auto& s : *slots)
        out.push_back(
            to_json(SlotView{format_hhmm(s.slot.start), format_hhmm(s.slot.end), s.free}));
    respond(json_reply(200, out));
}

void Ward::book_appointment(const Request& r, const Respond& respond) {
    auto req = body_of<BookingRequest>(r);
    if (!req) return respond(error_reply(req.error()));
    const int start = *parse_hhmm(req->start);  // checked by the decoder
    {
        std::lock_guard lock(mutex_);
        if (auto wait = booking_wait(r.remote, clock_.now())) {
            Reply reply = error_reply(
                ErrorCode::too_many_requests,
                fmt::format("too many bookings from this address; try again in {} minutes",
                            (*wait + 59) / 60));
            reply.headers.emplace_back("Retry-After", std::to_string(*wait));
            return respond(std::move(reply));
        }
    }
    apply(
        [this, req = std::move(*req), start, remote = r.remote](
            queue::Engine& e, TimePoint now) -> Result<queue::Change> {
            auto booked = book_.book(
                {req.category, req.date, start, req.phone},
                auth::random_string(appointments::kCodeAlphabet, appointments::kCodeLength), now);
            if (!booked) return booked.error();
            booking_clients_[remote].push_back(now);
            queue::Change change;
            change.appointment = *booked;
            change.events.push_back(e.next_event(EventType::appointment_booked, now));
            change.events.back().appointment = std::move(*booked);
            return change;
        },
        [this](const queue::Change& c) {
            return json_reply(201, to_json(booking_view(*c.appointment, false)));
        },
        respond);
}

void Ward::get_appointment(const std::string& code, const Respond& respond) {
    const auto normal = appointments::normalize_code(code);
    if (!normal) return respond(no_booking());
    std::lock_guard lock(mutex_);
    if (const Appointment* a = book_.find(*normal))
        return respond(json_reply(200, to_json(booking_view(*a, false))));
    respond(no_booking());
}

void Ward::cancel_appointment(const std::string& code, const Respond& respond) {
    const auto normal = appointments::normalize_code(code);
    if (!normal) return respond(no_booking());
    apply(
        [this, code = *normal](queue::Engine& e, TimePoint now) -> Result<queue::Change> {
            const Appointment* before = book_.find(code);
            const bool was_cancelled =
                before != nullptr && before->state == AppointmentState::cancelled;
            auto cancelled = book_.cancel(code, now);
            if (!cancelled) return cancelled.error();
            queue::Change change;
            change.appointment = *cancelled;
            // Cancelling again changes nothing: no second event.
            if (!was_cancelled) {
                change.events.push_back(e.next_event(EventType::appointment_cancelled, now));
                change.events.back().appointment = std::move(*cancelled);
            }
            return change;
        },
        [this](const queue::Change& c) {
            return json_reply(200, to_json(booking_view(*c.appointment, false)));
        },
        respond);
}

void Ward::check_in(const std::string& code, const Respond& respond) {
    const auto normal = appointments::normalize_code(code);
    if (!normal) return respond(no_booking());
    apply(
        [this, code = *normal](queue::Engine& e, TimePoint now) -> Result<queue::Change> {
            auto booking = book_.check_in(code, now);
            if (!booking) return booking.error();
            if (booking->state == AppointmentState::checked_in) {
                // A retried scan: the ticket it gave, nothing new.
                const Ticket* t = booking->ticket_id ? e.find(*booking->ticket_id) : nullptr;
                if (t == nullptr)
                    return make_error(ErrorCode::invalid_state,
                                      "this booking was checked in already");
                queue::Change again;
                again.ticket = *t;
                again.replayed = true;
                return again;
            }
            auto issued =
                e.issue(now, auth::new_ticket_id(), booking->category, false, std::nullopt,
                        AppointmentRef{booking->code, book_.start_of(*booking)});
            if (!issued) return issued.error();
            auto& event =
                issued->events.emplace_back(e.next_event(EventType::appointment_checked_in, now));
            event.appointment = book_.checked_in(booking->code, issued->ticket->id, now);
            return issued;
        },
        [this](const queue::Change& c) {
            return json_reply(c.replayed ? 200 : 201, to_json(ticket_view(*c.ticket), zone_));
        },
        respond);
}

void Ward::day_appointments(const Request& r, const Respond& respond) {
    const auto date = r.query.find("date");
    if (date == r.query.end())
        return respond(error_reply(ErrorCode::invalid_query, "give 'date' (YYYY-MM-DD)"));
    auto day = parse_day(date->second);
    if (!day) return respond(error_reply(ErrorCode::invalid_query, day.error().message));
    // Today and later are in memory (with changes not yet on disk); earlier days in the store.
    std::vector<Appointment> list;
    {
        std::lock_guard lock(mutex_);
        if (date::sys_days(*day) >= date::sys_days(zone_.office_day(clock_.now())))
            list = book_.of_day(*day);
    }
    if (list.empty()) list = store_.appointments_between(*day, *day);
    json::array out;
    for (const auto& a : list) out.push_back(to_json(booking_view(a, true)));
    respond(json_reply(200, out));
}

}  // namespace motcua::api
