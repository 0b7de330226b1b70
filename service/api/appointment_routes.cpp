// Appointments (DESIGN.md §10): slots, booking, a booking's page and cancel for whoever holds its
// code, check-in at the kiosk, the officers' list of the day; missed bookings and the erasure of
// phone numbers.
#include <fmt/format.h>

#include <boost/url/pct_string_view.hpp>
#include <map>

#include "api/report_period.hpp"
#include "api/report_replies.hpp"
#include "api/ward.hpp"
#include "auth/crypto.hpp"
#include "reports/appointment_report.hpp"

namespace motcua::api {

namespace json = boost::json;

namespace {

/// One client address may book this many times in this window (a family books a few; a script
/// that enumerates slots is stopped).
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

void Ward::expect_bookings(TimePoint now) {
    if (!config_.appointments.enabled) return;
    std::vector<queue::ExpectedBooking> due;
    for (const Appointment& a : book_.of_day(zone_.office_day(now)))
        if (a.state == AppointmentState::booked) due.push_back({a.category, book_.start_of(a)});
    engine_.expect_bookings(std::move(due));
}

void Ward::catch_up(TimePoint now) {
    if (!storage_ready()) return;  // a read: it answers from what is there
    std::vector<DomainEvent> events = engine_.advance(now);
    expire_bookings(now, events);
    persist(std::move(events), nullptr);
}

void Ward::erase_old_phones(Day today) {
    if (phones_erased_on_ && *phones_erased_on_ == today) return;
    phones_erased_on_ = today;
    const Day before{date::sys_days(today) - date::days{config_.appointments.retain_days}};
    store_.submit([before](store::WriteTx& tx) { (void)tx.erase_appointment_phones(before); },
                  nullptr);
}

void Ward::forget_quiet_clients(TimePoint now) {
    // Addresses that booked more than an hour ago and never came back: the table holds only the
    // last hour's (a client that returns is trimmed in booking_wait as well).
    std::erase_if(booking_clients_,
                  [&](const auto& kv) { return now - kv.second.back() >= kBookingWindow; });
}

std::optional<int> Ward::booking_wait(const std::string& remote, TimePoint now) {
    const auto it = booking_clients_.find(remote);
    if (it == booking_clients_.end()) return std::nullopt;
    auto& recent = it->second;
    while (!recent.empty() && now - recent.front() >= kBookingWindow) recent.pop_front();
    if (recent.empty()) {
        // An address quiet for an hour is forgotten: the table holds only the last hour's.
        booking_clients_.erase(it);
        return std::nullopt;
    }
    const int limit = config_.appointments.per_client_per_hour;
    if (limit == 0 || static_cast<int>(recent.size()) < limit) return std::nullopt;
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
    catch_up(clock_.now());
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
        book_command(std::move(*req), start, r.remote),
        [this](const queue::Change& c) {
            return json_reply(201, to_json(booking_view(*c.appointment, false)));
        },
        respond);
}

Ward::Command Ward::book_command(BookingRequest request, int start, std::string remote) {
    return [this, request = std::move(request), start, remote = std::move(remote)](
               queue::Engine& e, TimePoint now) -> Result<queue::Change> {
        auto booked =
            book_.book({request.category, request.date, start, request.phone},
                       auth::random_string(kAppointmentCodeAlphabet, kAppointmentCodeLength), now);
        if (!booked) return booked.error();
        if (config_.appointments.per_client_per_hour > 0) booking_clients_[remote].push_back(now);
        queue::Change change;
        change.appointment = *booked;
        change.events.push_back(e.next_event(EventType::appointment_booked, now));
        change.events.back().appointment = std::move(*booked);
        return change;
    };
}

void Ward::get_appointment(const std::string& code, const Respond& respond) {
    const auto normal = normalize_appointment_code(code);
    if (!normal) return respond(no_booking());
    std::lock_guard lock(mutex_);
    catch_up(clock_.now());
    if (const Appointment* a = book_.find(*normal))
        return respond(json_reply(200, to_json(booking_view(*a, false))));
    respond(no_booking());
}

void Ward::cancel_appointment(const std::string& code, const Respond& respond) {
    const auto normal = normalize_appointment_code(code);
    if (!normal) return respond(no_booking());
    apply(
        cancel_command(*normal),
        [this](const queue::Change& c) {
            return json_reply(200, to_json(booking_view(*c.appointment, false)));
        },
        respond);
}

Ward::Command Ward::cancel_command(std::string code) {
    return
        [this, code = std::move(code)](queue::Engine& e, TimePoint now) -> Result<queue::Change> {
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
        };
}

void Ward::check_in(const std::string& code, const Respond& respond) {
    const auto normal = normalize_appointment_code(code);
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
        catch_up(clock_.now());
        if (date::sys_days(*day) >= date::sys_days(zone_.office_day(clock_.now())))
            list = book_.of_day(*day);
    }
    if (list.empty()) list = store_.appointments_between(*day, *day);
    json::array out;
    for (const auto& a : list) out.push_back(to_json(booking_view(a, true)));
    respond(json_reply(200, out));
}

}  // namespace motcua::api

namespace motcua::api {

void Ward::appointments_report(const Request& r, const Respond& respond) {
    auto period = period_of(r);
    if (!period) return respond(error_reply(period.error()));
    auto group = AppointmentGrouping::category;
    if (auto it = r.query.find("group_by"); it != r.query.end()) {
        auto parsed = parse_enum<AppointmentGrouping>(it->second);
        if (!parsed)
            return respond(
                error_reply(ErrorCode::invalid_query, "'group_by' must be one of: category, day"));
        group = *parsed;
    }
    auto format = format_of(r, {"json", "csv"});
    if (!format) return respond(error_reply(format.error()));
    // Acknowledged bookings and tickets are committed, but a booking marked missed by the clock
    // may still be on its way to the disk: wait for the writer to catch up (an empty job runs
    // after everything submitted before it), so the report holds what the officers' list shows.
    (void)store_.write([](store::WriteTx&) {});
    const auto report =
        reports::compute_appointment_report(store_.appointments_between(period->from, period->to),
                                            store_.appointment_tickets(period->from, period->to),
                                            config_, zone_, period->from, period->to, group);
    if (*format == "csv")
        return respond(file_reply(
            reports::appointment_report_csv(report), "text/csv; charset=utf-8",
            fmt::format("lich-hen-{}-{}.csv", format_day(period->from), format_day(period->to))));
    respond(json_reply(200, to_json(report)));
}

}  // namespace motcua::api

// ---- the booking page (/dat-lich)
// ----------------------------------------------------------------

namespace motcua::api {

namespace {

Reply html_reply(int status, std::string body) {
    return page_reply(status, std::move(body), booking_page_script_hashes());
}

/// Fields of an application/x-www-form-urlencoded body ('+' is a space).
std::map<std::string, std::string> form_fields(std::string body) {
    std::map<std::string, std::string> out;
    for (char& c : body)
        if (c == '+') c = ' ';
    std::size_t pos = 0;
    while (pos <= body.size()) {
        const auto amp = body.find('&', pos);
        const std::string pair = body.substr(pos, amp == std::string::npos ? amp : amp - pos);
        const auto eq = pair.find('=');
        auto decode = [](std::string_view text) -> std::optional<std::string> {
            auto view = boost::urls::make_pct_string_view(text);
            if (!view) return std::nullopt;
            return view->decode();
        };
        if (!pair.empty()) {
            auto key = decode(std::string_view(pair).substr(0, eq));
            auto value = decode(eq == std::string::npos ? std::string_view()
                                                        : std::string_view(pair).substr(eq + 1));
            if (key && value) out[*key] = *value;
        }
        if (amp == std::string::npos) break;
        pos = amp + 1;
    }
    return out;
}

/// A refusal in the citizen's words.
std::string refusal_text(const Error& e, bool en, int per_phone) {
    switch (e.code) {
        case ErrorCode::slot_full:
            return en ? "This time has just been taken. Please choose another."
                      : "Giờ này vừa hết chỗ. Vui lòng chọn giờ khác.";
        case ErrorCode::limit_reached:
            return en ? fmt::format("A phone number may book {} appointments a day.", per_phone)
                      : fmt::format("Mỗi số điện thoại chỉ đặt được {} lịch hẹn trong một ngày.",
                                    per_phone);
        case ErrorCode::invalid_field:
            return en ? "Please check the phone number: 10 digits starting with 0."
                      : "Vui lòng kiểm tra số điện thoại: gồm 10 chữ số, bắt đầu bằng số 0.";
        case ErrorCode::too_many_requests:
            return en ? "Too many bookings from this connection. Please try again later."
                      : "Quý khách đặt lịch quá nhiều lần. Vui lòng thử lại sau.";
        case ErrorCode::not_bookable:
            return en ? "This time can no longer be booked. Please choose another."
                      : "Giờ này không còn nhận đặt lịch. Vui lòng chọn giờ khác.";
        case ErrorCode::invalid_state:
            return en ? "This appointment can no longer be cancelled."
                      : "Lịch hẹn này không còn hủy được.";
        default:
            return en ? "The booking could not be made. Please try again."
                      : "Chưa đặt được lịch hẹn. Vui lòng thử lại.";
    }
}

}  // namespace

BookingPage Ward::page_base(bool en) const {
    BookingPage p;
    p.en = en;
    p.office_name = config_.office_name;
    p.address = config_.address;
    for (const auto& h : config_.hours) {
        if (!p.hours.empty()) p.hours += ", ";
        p.hours += format_hhmm(h.open) + "–" + format_hhmm(h.close);
    }
    return p;
}

void Ward::booking_page(const Request& r, const Respond& respond) {
    const bool en = r.query.contains("lang") && r.query.at("lang") == "en";
    const auto param = [&](const char* key) {
        auto it = r.query.find(key);
        return it == r.query.end() ? std::string() : it->second;
    };
    std::lock_guard lock(mutex_);
    catch_up(clock_.now());
    respond(html_reply(200, render_booking_page(booking_step(en, param("cat"), param("date"),
                                                             param("start"), "", ""))));
}

BookingPage Ward::booking_step(bool en, const std::string& category, const std::string& date,
                               const std::string& start, const std::string& phone,
                               const std::string& error) {
    using Step = BookingPage::Step;
    BookingPage p = page_base(en);
    p.error = error;
    p.phone = phone;
    const TimePoint now = clock_.now();
    const auto bookable = [&](const Category& c) {
        return config_.appointments.enabled && c.appointment_places > 0;
    };
    const Category* cat = config_.find_category(category);
    if (cat == nullptr || !bookable(*cat)) {
        p.step = Step::category;
        for (const auto& c : config_.categories)
            if (bookable(c)) p.choices.push_back({c.code, en ? c.name_en : c.name_vi, "", true});
        return p;
    }
    p.category = cat->code;
    p.category_name = en ? cat->name_en : cat->name_vi;
    const auto day = parse_day(date);
    const Day today = zone_.office_day(now);
    const auto days = appointments::bookable_days(config_, calendar_, today);
    const bool day_ok = day && std::find(days.begin(), days.end(), *day) != days.end();
    if (!day_ok) {
        p.step = Step::day;
        for (const Day& d : days) {
            int free = 0;
            if (auto slots = book_.slots(cat->code, d, now))
                for (const auto& s : *slots) free += s.free;
            p.choices.push_back({format_day(d), day_label(d, en),
                                 free == 0 ? (en ? "Full" : "Hết chỗ")
                                           : (en ? fmt::format("{} places", free)
                                                 : fmt::format("{} chỗ trống", free)),
                                 free > 0});
        }
        return p;
    }
    p.date = format_day(*day);
    p.date_label = day_label(*day, en);
    auto slots = book_.slots(cat->code, *day, now);
    const auto minutes = parse_hhmm(start);
    const appointments::SlotFree* chosen = nullptr;
    if (slots && minutes)
        for (const auto& s : *slots)
            if (s.slot.start == *minutes && s.free > 0) chosen = &s;
    if (chosen == nullptr) {
        p.step = Step::slot;
        if (slots)
            for (const auto& s : *slots)
                p.choices.push_back({format_hhmm(s.slot.start), format_hhmm(s.slot.start),
                                     s.free == 0 ? (en ? "Full" : "Hết chỗ")
                                                 : (en ? fmt::format("{} free", s.free)
                                                       : fmt::format("còn {} chỗ", s.free)),
                                     s.free > 0});
        return p;
    }
    p.step = Step::phone;
    p.start = format_hhmm(chosen->slot.start);
    p.end = format_hhmm(chosen->slot.end);
    return p;
}

void Ward::booking_submit(const Request& r, const Respond& respond) {
    auto fields = form_fields(r.body);
    const bool en = r.query.contains("lang") && r.query.at("lang") == "en";
    const auto field = [&](const char* key) {
        auto it = fields.find(key);
        return it == fields.end() ? std::string() : it->second;
    };
    const std::string category = field("cat");
    const std::string date = field("date");
    const std::string start = field("start");
    const std::string phone = field("phone");
    const auto day = parse_day(date);
    const auto minutes = parse_hhmm(start);
    const auto again = [this, en, category, date, start, phone](const Error& e) {
        // A taken or closed slot goes back to the times; anything else stays on the form.
        const bool other_time = e.code == ErrorCode::slot_full || e.code == ErrorCode::not_bookable;
        const std::string text = refusal_text(e, en, config_.appointments.per_phone_per_day);
        return html_reply(http_status(e.code),
                          render_booking_page(booking_step(en, category, date,
                                                           other_time ? "" : start, phone, text)));
    };
    {
        std::lock_guard lock(mutex_);  // the page is drawn from the book
        if (!day || !minutes)
            return respond(again(make_error(ErrorCode::not_bookable, "no such slot")));
        if (auto wait = booking_wait(r.remote, clock_.now())) {
            Reply reply = again(make_error(ErrorCode::too_many_requests, "too many"));
            reply.headers.emplace_back("Retry-After", std::to_string(*wait));
            return respond(std::move(reply));
        }
    }
    apply(
        book_command(BookingRequest{category, *day, start, phone}, *minutes, r.remote),
        [en](const queue::Change& c) {
            Reply reply = html_reply(303, "");
            reply.headers.emplace_back("Location", "/dat-lich/" + c.appointment->code +
                                                       (en ? "?lang=en&new=1" : "?new=1"));
            return reply;
        },
        again, respond);
}

BookingPage Ward::booking_page_of(const Appointment& a, bool en, bool just_booked) const {
    BookingPage p = page_base(en);
    p.step = BookingPage::Step::booking;
    p.booking = booking_view(a, false);
    p.just_booked = just_booked;
    p.link = "/dat-lich/" + a.code;
    if (auto qr = make_qr(p.link)) p.qr = *qr;
    if (const Category* c = config_.find_category(a.category))
        p.category_name = en ? c->name_en : c->name_vi;
    p.date = format_day(a.day);
    p.date_label = day_label(a.day, en);
    p.start = format_hhmm(a.start);
    p.end = format_hhmm(a.end);
    for (const auto& proc : config_.procedures) {
        if (proc.category != a.category) continue;
        const std::string name = en && !proc.name_en.empty() ? proc.name_en : proc.name_vi;
        if (proc.documents.empty())
            p.procedures.push_back(name);
        else
            p.documents.push_back({name, proc.documents});
    }
    return p;
}

void Ward::booking_show(const Request& r, const std::string& code, const Respond& respond) {
    const bool en = r.query.contains("lang") && r.query.at("lang") == "en";
    const bool just_booked = r.query.contains("new");
    const auto normal = normalize_appointment_code(code);
    std::optional<Appointment> found;
    if (normal) {
        std::lock_guard lock(mutex_);
        catch_up(clock_.now());
        if (const Appointment* a = book_.find(*normal)) found = *a;
    }
    if (!found) {
        BookingPage p = page_base(en);
        p.step = BookingPage::Step::not_found;
        return respond(html_reply(404, render_booking_page(p)));
    }
    respond(html_reply(200, render_booking_page(booking_page_of(*found, en, just_booked))));
}

void Ward::booking_cancel(const Request& r, const std::string& code, const Respond& respond) {
    const bool en = r.query.contains("lang") && r.query.at("lang") == "en";
    const auto normal = normalize_appointment_code(code);
    if (!normal) {
        BookingPage p = page_base(en);
        p.step = BookingPage::Step::not_found;
        return respond(html_reply(404, render_booking_page(p)));
    }
    // Both answers are made under the lock apply() holds: they read the book directly.
    apply(
        cancel_command(*normal),
        [this, en](const queue::Change& c) {
            return html_reply(200, render_booking_page(booking_page_of(*c.appointment, en, false)));
        },
        [this, en, code = *normal](const Error& e) {
            const Appointment* a = book_.find(code);
            BookingPage p = page_base(en);
            if (a == nullptr) {
                p.step = BookingPage::Step::not_found;
                return html_reply(404, render_booking_page(p));
            }
            p = booking_page_of(*a, en, false);
            p.error = refusal_text(e, en, config_.appointments.per_phone_per_day);
            return html_reply(http_status(e.code), render_booking_page(p));
        },
        respond);
}

}  // namespace motcua::api
