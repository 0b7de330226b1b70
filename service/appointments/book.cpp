#include "appointments/book.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace motcua::appointments {

namespace {

bool same_day(const Day& a, const Day& b) {
    return date::sys_days(a) == date::sys_days(b);
}

int serial(Day d) {
    return static_cast<int>(date::sys_days(d).time_since_epoch().count());
}

template <typename Map, typename Key>
void drop(Map& map, const Key& key, const Appointment* a) {
    const auto it = map.find(key);
    if (it == map.end()) return;
    std::erase(it->second, a);
    if (it->second.empty()) map.erase(it);
}

}  // namespace

Book::Book(const WardConfig& config, const WorkingCalendar& calendar, const OfficeZone& zone)
    : config_(config), calendar_(calendar), zone_(zone) {}

void Book::restore(std::vector<Appointment> bookings) {
    by_code_.clear();
    by_slot_.clear();
    by_phone_.clear();
    due_.clear();
    for (auto& a : bookings) {
        std::string code = a.code;
        auto [it, fresh] = by_code_.emplace(std::move(code), std::move(a));
        if (fresh) index(it->second);
    }
}

void Book::index(const Appointment& a) {
    by_slot_[{a.category, serial(a.day), a.start}].push_back(&a);
    if (a.phone) by_phone_[{*a.phone, serial(a.day)}].push_back(&a);
    if (a.state == AppointmentState::booked) due_.emplace(start_of(a), a.code);
}

void Book::unindex(const Appointment& a) {
    drop(by_slot_, SlotKey{a.category, serial(a.day), a.start}, &a);
    if (a.phone) drop(by_phone_, PhoneKey{*a.phone, serial(a.day)}, &a);
    due_.erase({start_of(a), a.code});
}

TimePoint Book::start_of(const Appointment& a) const {
    return zone_.at_local(a.day, a.start);
}

int Book::taken(const std::string& category, Day day, int start, TimePoint now) const {
    const auto it = by_slot_.find({category, serial(day), start});
    if (it == by_slot_.end()) return 0;
    std::vector<Place> places;
    places.reserve(it->second.size());
    for (const Appointment* a : it->second) places.push_back({a->state, a->cancelled_at});
    return taken_places(places, now);
}

Result<std::vector<SlotFree>> Book::slots(const std::string& category, Day day,
                                          TimePoint now) const {
    const Category* cat = config_.find_category(category);
    if (cat == nullptr)
        return make_error(ErrorCode::unknown_category,
                          fmt::format("no category '{}' in this office", category));
    if (!config_.appointments.enabled || cat->appointment_places <= 0)
        return make_error(
            ErrorCode::not_bookable,
            fmt::format("'{}' cannot be booked: take a ticket at the office", cat->name_vi));
    std::vector<SlotFree> out;
    for (const Slot& s : open_slots(config_, calendar_, zone_, day, now))
        out.push_back(
            {s, std::max(0, cat->appointment_places - taken(category, day, s.start, now))});
    return out;
}

Result<Appointment> Book::book(const BookingRequest& request, std::string code, TimePoint now) {
    auto phone = normalize_phone(request.phone);
    if (!phone) return phone.error();
    auto open = slots(request.category, request.day, now);
    if (!open) return open.error();
    const auto slot = std::find_if(open->begin(), open->end(), [&](const SlotFree& s) {
        return s.slot.start == request.start;
    });
    if (slot == open->end())
        return make_error(ErrorCode::not_bookable,
                          fmt::format("no open slot at {} on {}", format_hhmm(request.start),
                                      format_day(request.day)));
    if (slot->free <= 0)
        return make_error(
            ErrorCode::slot_full,
            fmt::format("the slot at {} is full; choose another", format_hhmm(request.start)));
    const int limit = config_.appointments.per_phone_per_day;
    std::ptrdiff_t held = 0;
    if (const auto it = by_phone_.find({*phone, serial(request.day)}); it != by_phone_.end())
        held = std::count_if(it->second.begin(), it->second.end(), [](const Appointment* a) {
            return a->state != AppointmentState::cancelled;
        });
    if (held >= limit)
        return make_error(ErrorCode::limit_reached,
                          fmt::format("a phone number may hold {} bookings a day", limit));
    Appointment a;
    a.code = std::move(code);
    a.category = request.category;
    a.day = request.day;
    a.start = slot->slot.start;
    a.end = slot->slot.end;
    a.phone = std::move(*phone);
    a.state = AppointmentState::booked;
    a.booked_at = now;
    auto [it, fresh] = by_code_.emplace(a.code, a);
    if (!fresh)  // the caller's random code met an existing one: astronomically rare
        return make_error(ErrorCode::internal_error, "booking code collision; try again");
    index(it->second);
    return it->second;
}

Result<Appointment> Book::cancel(const std::string& code, TimePoint now) {
    auto it = by_code_.find(code);
    if (it == by_code_.end()) return make_error(ErrorCode::not_found, "no booking with this code");
    Appointment& a = it->second;
    if (a.state == AppointmentState::cancelled) return a;
    if (a.state != AppointmentState::booked)
        return make_error(ErrorCode::invalid_state,
                          a.state == AppointmentState::checked_in
                              ? "this booking is checked in already: it cannot be cancelled"
                              : "this booking was missed: it cannot be cancelled");
    due_.erase({start_of(a), a.code});
    a.state = AppointmentState::cancelled;
    a.cancelled_at = now;
    return a;
}

Appointment& Book::mark_missed(Appointment& a, TimePoint now) {
    due_.erase({start_of(a), a.code});
    a.state = AppointmentState::missed;
    a.missed_at = now;
    return a;
}

Result<Appointment> Book::check_in(const std::string& code, TimePoint now) {
    auto it = by_code_.find(code);
    if (it == by_code_.end()) return make_error(ErrorCode::not_found, "no booking with this code");
    Appointment& a = it->second;
    switch (a.state) {
        case AppointmentState::checked_in:
            return a;
        case AppointmentState::cancelled:
            return make_error(ErrorCode::cancelled, "this booking was cancelled");
        case AppointmentState::missed:
            return make_error(ErrorCode::missed, "the time of this booking has passed");
        case AppointmentState::booked:
            break;
    }
    switch (check_in_window(config_.appointments, start_of(a), now)) {
        case CheckIn::too_early:
            return make_error(
                ErrorCode::too_early,
                fmt::format("check-in opens {} minutes before {}",
                            config_.appointments.early_checkin_min, format_hhmm(a.start)));
        case CheckIn::missed:  // expire() marks it; the caller runs it before each command
            return make_error(ErrorCode::missed, "the time of this booking has passed");
        case CheckIn::open:
            break;
    }
    return a;
}

Appointment Book::checked_in(const std::string& code, const std::string& ticket_id, TimePoint now) {
    Appointment& a = by_code_.at(code);
    due_.erase({start_of(a), a.code});
    a.state = AppointmentState::checked_in;
    a.checked_in_at = now;
    a.ticket_id = ticket_id;
    return a;
}

std::vector<Appointment> Book::expire(TimePoint now) {
    // Only the bookings still due whose slot has begun can have missed their window.
    std::vector<Appointment> out;
    while (!due_.empty() && due_.begin()->first <= now) {
        const auto [start, code] = *due_.begin();
        if (check_in_window(config_.appointments, start, now) != CheckIn::missed) break;
        out.push_back(mark_missed(by_code_.at(code), now));  // takes it out of due_
    }
    std::sort(out.begin(), out.end(), [](const Appointment& x, const Appointment& y) {
        return std::tie(x.start, x.booked_at, x.code) < std::tie(y.start, y.booked_at, y.code);
    });
    return out;
}

void Book::forget_before(Day day) {
    for (auto it = by_code_.begin(); it != by_code_.end();) {
        const Appointment& a = it->second;
        if (date::sys_days(a.day) < date::sys_days(day) && a.state != AppointmentState::booked) {
            unindex(a);
            it = by_code_.erase(it);
        } else {
            ++it;
        }
    }
}

const Appointment* Book::find(const std::string& code) const {
    auto it = by_code_.find(code);
    return it == by_code_.end() ? nullptr : &it->second;
}

std::vector<Appointment> Book::of_day(Day day) const {
    std::vector<Appointment> out;
    for (const auto& [code, a] : by_code_)
        if (same_day(a.day, day)) out.push_back(a);
    std::sort(out.begin(), out.end(), [](const Appointment& x, const Appointment& y) {
        return std::tie(x.start, x.booked_at, x.code) < std::tie(y.start, y.booked_at, y.code);
    });
    return out;
}

}  // namespace motcua::appointments
