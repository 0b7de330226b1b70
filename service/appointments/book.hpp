#pragma once
/// The ward's bookings from today to the horizon, in memory (DESIGN.md §10), pure: the service
/// holds one under its lock, fills it from the store at start, and persists every booking it
/// changes through the event that reports the change. It decides booking, cancel, check-in and
/// missed; it knows no sockets and no SQL.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "appointments/bookings.hpp"
#include "appointments/slots.hpp"
#include "motcua/calendar.hpp"
#include "motcua/config.hpp"
#include "motcua/model.hpp"
#include "motcua/office_time.hpp"
#include "motcua/result.hpp"

namespace motcua::appointments {

struct BookingRequest {
    std::string category;
    Day day;
    int start = 0;      // the slot's start, minutes
    std::string phone;  // as typed
};

/// A slot of a day with its free places.
struct SlotFree {
    Slot slot;
    int free = 0;
};

class Book {
public:
    Book(const WardConfig& config, const WorkingCalendar& calendar, const OfficeZone& zone);
    /// Its indexes point into its own map: a copy would point into the original's.
    Book(const Book&) = delete;
    Book& operator=(const Book&) = delete;

    /// Replaces the bookings (read back from the store).
    void restore(std::vector<Appointment> bookings);

    /// The open slots of `category` on `day` with their free places (DESIGN.md §10
    /// GET /public/slots). Error `not_bookable` for a category without places or with
    /// appointments off.
    [[nodiscard]] Result<std::vector<SlotFree>> slots(const std::string& category, Day day,
                                                      TimePoint now) const;

    /// A new booking with `code` (random, from the caller). Errors: `not_bookable` (category,
    /// day or slot not open), `slot_full`, `limit_reached` (the phone's bookings that day),
    /// `invalid_field` (the phone).
    Result<Appointment> book(const BookingRequest& request, std::string code, TimePoint now);
    /// Cancels a booking: `invalid_state` (409) once checked in or missed; cancelling again
    /// answers the booking as it is.
    Result<Appointment> cancel(const std::string& code, TimePoint now);
    /// Whether `code` may check in at `now`: the booking, or `too_early`, `missed`, `cancelled`,
    /// `not_found`. A booking already checked in answers as it is (a retried scan).
    Result<Appointment> check_in(const std::string& code, TimePoint now);
    /// Records the ticket a check-in gave.
    Appointment checked_in(const std::string& code, const std::string& ticket_id, TimePoint now);
    /// Bookings whose check-in window closed at `now` without a check-in: marked missed.
    std::vector<Appointment> expire(TimePoint now);
    /// Drops bookings of days before `day` (all final by then; the store keeps them).
    void forget_before(Day day);

    [[nodiscard]] const Appointment* find(const std::string& code) const;
    /// The bookings of `day`, by slot then booking time.
    [[nodiscard]] std::vector<Appointment> of_day(Day day) const;
    /// The instant a booking's slot starts.
    [[nodiscard]] TimePoint start_of(const Appointment& a) const;

private:
    /// A slot of a category on a day, and a phone number's day: what the limits count.
    using SlotKey = std::tuple<std::string, int, int>;  // category, day (days since epoch), start
    using PhoneKey = std::pair<std::string, int>;       // phone, day
    [[nodiscard]] int taken(const std::string& category, Day day, int start, TimePoint now) const;
    Appointment& mark_missed(Appointment& a, TimePoint now);
    /// The indexes below follow by_code_ (its nodes never move: pointers to them stay good).
    void index(const Appointment& a);
    void unindex(const Appointment& a);

    const WardConfig& config_;
    const WorkingCalendar& calendar_;
    const OfficeZone& zone_;
    std::map<std::string, Appointment> by_code_;
    std::map<SlotKey, std::vector<const Appointment*>> by_slot_;
    std::map<PhoneKey, std::vector<const Appointment*>> by_phone_;
    /// Bookings still `booked`, by slot start: expire() reads only those whose time has come.
    std::set<std::pair<TimePoint, std::string>> due_;
};

}  // namespace motcua::appointments
