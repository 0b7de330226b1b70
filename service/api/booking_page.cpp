#include "api/booking_page.hpp"

#include <fmt/format.h>

#include "api/phone_page.hpp"
#include "auth/crypto.hpp"

namespace motcua::api {

namespace {

/// Query parameters that keep the choices made so far, and the language.
std::string query(const BookingPage& p,
                  std::initializer_list<std::pair<const char*, std::string>> params) {
    std::string q;
    for (const auto& [key, value] : params) {
        if (value.empty()) continue;
        q += q.empty() ? '?' : '&';
        q += key;
        q += '=';
        q += value;  // codes, dates and HH:MM only: nothing to escape
    }
    if (p.en) q += q.empty() ? "?lang=en" : "&lang=en";
    return q;
}

std::string state_text(AppointmentState s, bool en) {
    switch (s) {
        case AppointmentState::booked:
            return en ? "Booked" : "Đã đặt";
        case AppointmentState::checked_in:
            return en ? "Checked in" : "Đã đến và lấy số";
        case AppointmentState::cancelled:
            return en ? "Cancelled" : "Đã hủy";
        case AppointmentState::missed:
            return en ? "Missed" : "Đã lỡ hẹn";
    }
    return "";
}

/// The QR symbol as inline SVG, quiet zone included, scaled by the page.
std::string qr_svg(const QrMatrix& qr) {
    const int side = qr.size + 2 * kQrQuietZoneModules;
    std::string path;
    for (int y = 0; y < qr.size; ++y)
        for (int x = 0; x < qr.size; ++x)
            if (qr.dark(x, y))
                path +=
                    fmt::format("M{},{}h1v1h-1z", x + kQrQuietZoneModules, y + kQrQuietZoneModules);
    return fmt::format(
        "<svg class=\"qr\" viewBox=\"0 0 {0} {0}\" role=\"img\" aria-label=\"QR\" "
        "shape-rendering=\"crispEdges\"><rect width=\"{0}\" height=\"{0}\" fill=\"#fff\"/>"
        "<path d=\"{1}\" fill=\"#000\"/></svg>",
        side, path);
}

std::string choices_html(const BookingPage& p, const char* key) {
    std::string out = "<div class=\"choices\">";
    for (const auto& c : p.choices) {
        const std::string note =
            c.note.empty() ? "" : fmt::format("<small>{}</small>", html_escape(c.note));
        if (!c.enabled) {
            out +=
                fmt::format("<span class=\"choice off\">{}{}</span>", html_escape(c.label), note);
            continue;
        }
        std::string href;
        if (std::string_view(key) == "cat")
            href = query(p, {{"cat", c.value}});
        else if (std::string_view(key) == "date")
            href = query(p, {{"cat", p.category}, {"date", c.value}});
        else
            href = query(p, {{"cat", p.category}, {"date", p.date}, {"start", c.value}});
        out += fmt::format("<a class=\"choice\" href=\"/dat-lich{}\">{}{}</a>", html_escape(href),
                           html_escape(c.label), note);
    }
    return out + "</div>";
}

std::string summary_html(const BookingPage& p) {
    std::string rows;
    const auto row = [&](const char* vi, const char* en, const std::string& value) {
        if (value.empty()) return;
        rows += fmt::format("<tr><th>{}</th><td>{}</td></tr>", p.en ? en : vi, html_escape(value));
    };
    row("Lĩnh vực", "Service", p.category_name);
    row("Ngày", "Day", p.date_label);
    if (!p.start.empty()) row("Giờ", "Time", p.end.empty() ? p.start : p.start + " – " + p.end);
    return rows.empty() ? "" : "<table class=\"summary\">" + rows + "</table>";
}

std::string booking_html(const BookingPage& p) {
    const BookingView& b = *p.booking;
    const bool en = p.en;
    std::string out;
    if (p.just_booked)
        out += fmt::format("<p class=\"ok\">{}</p>", en ? "Your appointment is booked."
                                                        : "Quý khách đã đặt lịch hẹn thành công.");
    const std::string spaced =
        b.code.size() == 8 ? b.code.substr(0, 4) + " " + b.code.substr(4) : b.code;
    out += fmt::format("<p class=\"label\">{}</p><p class=\"code\">{}</p>",
                       en ? "Your booking code" : "Mã lịch hẹn của Quý khách", html_escape(spaced));
    if (p.qr) out += qr_svg(*p.qr);
    out += summary_html(p);
    out += fmt::format("<p class=\"state\">{}: <b>{}</b></p>", en ? "Status" : "Trạng thái",
                       state_text(b.state, en));
    if (b.state == AppointmentState::booked) {
        out += fmt::format(
            "<section><h2>{}</h2><p>{}</p></section>", en ? "When you arrive" : "Khi đến phường",
            en ? "Come from 30 minutes before your time. At the ticket kiosk, touch “I have an "
                 "appointment” and scan this QR code or type the code. You will be called at "
                 "your time."
               : "Quý khách đến trước giờ hẹn tối đa 30 phút. Tại máy lấy số, chạm “Tôi đã đặt "
                 "lịch hẹn” rồi quét mã QR này hoặc nhập mã. Quý khách sẽ được mời vào quầy "
                 "đúng giờ hẹn.");
    }
    std::string where = fmt::format("<p><b>{}</b></p>", html_escape(p.office_name));
    if (!p.address.empty()) where += fmt::format("<p>{}</p>", html_escape(p.address));
    if (!p.hours.empty())
        where += fmt::format("<p>{}: {}</p>", en ? "Office hours" : "Giờ làm việc",
                             html_escape(p.hours));
    out += fmt::format("<section><h2>{}</h2>{}</section>", en ? "Where" : "Địa điểm", where);
    // Per procedure: the citizen knows which one they come for.
    std::string bring;
    for (const auto& d : p.documents) {
        bring += fmt::format("<h3>{}</h3><ul>", html_escape(d.procedure));
        for (const auto& item : d.items) bring += fmt::format("<li>{}</li>", html_escape(item));
        bring += "</ul>";
    }
    std::string others;
    for (std::size_t i = 0; i < p.procedures.size(); ++i)
        others += (i ? ", " : "") + html_escape(p.procedures[i]);
    const std::string id_card =
        en ? "your citizen identity card and the papers of the matter"
           : "căn cước công dân và giấy tờ liên quan đến việc cần giải quyết";
    if (bring.empty())
        bring = fmt::format("<p>{}{}.</p>", en ? "Bring " : "Mang theo ", id_card);
    else if (!others.empty())
        bring +=
            fmt::format("<p class=\"small\">{} {}: {}.</p>", en ? "For" : "Với", others, id_card);
    out += fmt::format("<section><h2>{}</h2>{}</section>",
                       en ? "What to bring" : "Giấy tờ cần mang theo", bring);
    if (b.state == AppointmentState::booked)
        out += fmt::format(
            "<form method=\"post\" action=\"{}/huy{}\" onsubmit=\"{}\">"
            "<button class=\"secondary\" type=\"submit\">{}</button></form>",
            html_escape(p.link), p.en ? "?lang=en" : "", booking_page_scripts().at(en ? 1 : 0),
            en ? "Cancel the appointment" : "Hủy lịch hẹn");
    return out;
}

}  // namespace

std::string day_label(Day day, bool en) {
    static constexpr const char* kVi[] = {"Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư",
                                          "Thứ Năm",  "Thứ Sáu", "Thứ Bảy"};
    static constexpr const char* kEn[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                          "Thursday", "Friday", "Saturday"};
    const unsigned wd = date::weekday(date::sys_days(day)).c_encoding();
    return fmt::format("{}, {:02}/{:02}/{}", en ? kEn[wd] : kVi[wd], unsigned(day.day()),
                       unsigned(day.month()), int(day.year()));
}

std::string render_booking_page(const BookingPage& p) {
    using Step = BookingPage::Step;
    const bool en = p.en;
    std::string title;
    std::string body;
    std::string back;
    switch (p.step) {
        case Step::category:
            title = en ? "Book an appointment" : "Đặt lịch hẹn";
            body = fmt::format("<p class=\"step\">{}</p>",
                               en ? "1. Choose the service" : "1. Chọn lĩnh vực");
            body += p.choices.empty()
                        ? fmt::format("<p>{}</p>", en ? "No service can be booked at present."
                                                      : "Hiện chưa có lĩnh vực nào nhận đặt lịch.")
                        : choices_html(p, "cat");
            break;
        case Step::day:
            title = en ? "Choose the day" : "Chọn ngày";
            body = summary_html(p) + fmt::format("<p class=\"step\">{}</p>",
                                                 en ? "2. Choose the day" : "2. Chọn ngày");
            body += choices_html(p, "date");
            back = query(p, {});
            break;
        case Step::slot:
            title = en ? "Choose the time" : "Chọn giờ";
            body = summary_html(p) + fmt::format("<p class=\"step\">{}</p>",
                                                 en ? "3. Choose the time" : "3. Chọn giờ");
            body += p.choices.empty()
                        ? fmt::format("<p>{}</p>", en ? "No time is free on this day."
                                                      : "Ngày này không còn giờ trống.")
                        : choices_html(p, "start");
            back = query(p, {{"cat", p.category}});
            break;
        case Step::phone:
            title = en ? "Confirm" : "Xác nhận";
            body = summary_html(p);
            body += fmt::format(
                "<form method=\"post\" action=\"/dat-lich{lang}\">"
                "<input type=\"hidden\" name=\"cat\" value=\"{cat}\">"
                "<input type=\"hidden\" name=\"date\" value=\"{date}\">"
                "<input type=\"hidden\" name=\"start\" value=\"{start}\">"
                "<label for=\"phone\">{label}</label>"
                "<input id=\"phone\" name=\"phone\" type=\"tel\" inputmode=\"tel\" "
                "autocomplete=\"tel\" required maxlength=\"20\" value=\"{phone}\" "
                "placeholder=\"09xx xxx xxx\">"
                "<p class=\"small\">{why}</p>"
                "<button type=\"submit\">{confirm}</button></form>",
                fmt::arg("lang", p.en ? "?lang=en" : ""), fmt::arg("cat", html_escape(p.category)),
                fmt::arg("date", html_escape(p.date)), fmt::arg("start", html_escape(p.start)),
                fmt::arg("label", en ? "4. Your phone number" : "4. Số điện thoại của Quý khách"),
                fmt::arg("phone", html_escape(p.phone)),
                fmt::arg("why", en ? "Used only by the ward for this appointment, and erased "
                                     "after it."
                                   : "Chỉ phường dùng cho lịch hẹn này và sẽ được xóa sau đó."),
                fmt::arg("confirm", en ? "5. Confirm the booking" : "5. Xác nhận đặt lịch"));
            back = query(p, {{"cat", p.category}, {"date", p.date}});
            break;
        case Step::booking:
            title = en ? "Your appointment" : "Lịch hẹn của Quý khách";
            body = booking_html(p);
            break;
        case Step::not_found:
            title = en ? "Appointment not found" : "Không tìm thấy lịch hẹn";
            body = fmt::format("<p>{}</p><p><a href=\"/dat-lich{}\">{}</a></p>",
                               en ? "Check the code: it has 8 letters and digits."
                                  : "Vui lòng kiểm tra lại mã: gồm 8 chữ và số.",
                               p.en ? "?lang=en" : "", en ? "Book an appointment" : "Đặt lịch hẹn");
            break;
    }
    if (!p.error.empty())
        body = fmt::format("<p class=\"error\" role=\"alert\">{}</p>", html_escape(p.error)) + body;
    const std::string back_link = back.empty()
                                      ? ""
                                      : fmt::format("<a href=\"/dat-lich{}\">&larr; {}</a>",
                                                    html_escape(back), en ? "Back" : "Quay lại");
    // The language switch keeps the page: same path and choices, the other language.
    std::string other;
    if (p.step == Step::booking && p.booking)
        other = p.link + (en ? "" : "?lang=en");
    else {
        BookingPage flipped = p;
        flipped.en = !p.en;
        other = "/dat-lich" + query(flipped, {{"cat", p.category},
                                              {"date", p.date},
                                              {"start", p.step == Step::phone ? p.start : ""}});
    }
    const std::string switch_link =
        fmt::format("<a href=\"{}\" lang=\"{}\">{}</a>", html_escape(other), en ? "vi" : "en",
                    en ? "Tiếng Việt" : "English");
    return fmt::format(
        R"(<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
*{{box-sizing:border-box}}
body{{font-family:"Noto Sans","DejaVu Sans",Arial,sans-serif;margin:0;background:#f4f6fa;color:#1b2430;font-size:17px;overflow-wrap:anywhere}}
header{{background:#0b3d91;color:#fff;padding:12px 14px}} header p{{margin:0;font-size:15px}} header h1{{margin:4px 0 0;font-size:22px}}
main{{padding:14px;max-width:560px;margin:0 auto}}
.step{{font-weight:700;font-size:19px;margin:16px 0 8px}}
.choices{{display:grid;grid-template-columns:repeat(auto-fill,minmax(130px,1fr));gap:10px}}
.choice{{display:block;background:#fff;border:2px solid #0b3d91;border-radius:10px;padding:14px 10px;color:#0b3d91;text-decoration:none;font-weight:600;min-height:48px;text-align:center}}
.choice small{{display:block;font-weight:400;color:#3d4a5c;margin-top:4px}}
.choice.off{{border-color:#a7b0bd;color:#5f6b7a;background:#eceff3}}
table.summary{{width:100%;border-collapse:collapse;background:#fff;border-radius:10px;margin:8px 0}}
.summary th{{text-align:left;color:#3d4a5c;font-weight:400;padding:8px 10px;width:34%}} .summary td{{padding:8px 10px;font-weight:600}}
label{{display:block;font-weight:700;font-size:19px;margin:16px 0 8px}}
input[type=tel]{{width:100%;font-size:22px;padding:12px;border:2px solid #3d4a5c;border-radius:8px}}
button{{width:100%;min-height:52px;margin-top:16px;font-size:19px;font-weight:700;border:0;border-radius:10px;background:#0b3d91;color:#fff}}
button.secondary{{background:#fff;color:#b3261e;border:2px solid #b3261e}}
.code{{font-size:44px;font-weight:700;letter-spacing:3px;color:#0b3d91;margin:4px 0;text-align:center}}
.label{{text-align:center;margin:12px 0 0;color:#3d4a5c}}
.qr{{display:block;width:200px;height:200px;margin:10px auto}}
.ok{{background:#e3f3e6;color:#185c2b;padding:10px;border-radius:8px;font-weight:600}}
.error{{background:#fbe9e7;color:#8c1d18;padding:10px;border-radius:8px;font-weight:600}}
section h2{{font-size:18px;margin:18px 0 6px}} section h3{{font-size:16px;margin:10px 0 2px}} section p{{margin:4px 0}} ul{{margin:4px 0;padding-left:22px}}
.small{{color:#3d4a5c;font-size:15px}} nav{{display:flex;justify-content:space-between;padding:14px;max-width:560px;margin:0 auto}}
a{{color:#0b3d91}}
</style></head><body>
<header><p>{office}</p><h1>{title}</h1></header>
<main>{body}</main>
<nav>{back}<span></span>{switch_link}</nav>
</body></html>
)",
        fmt::arg("lang", en ? "en" : "vi"), fmt::arg("title", html_escape(title)),
        fmt::arg("office", html_escape(p.office_name)), fmt::arg("body", body),
        fmt::arg("back", back_link), fmt::arg("switch_link", switch_link));
}

const std::vector<std::string>& booking_page_scripts() {
    // Plain ASCII quotes only: they go into a double-quoted attribute as they are.
    static const std::vector<std::string> scripts{"return confirm('Hủy lịch hẹn này?')",
                                                  "return confirm('Cancel this appointment?')"};
    return scripts;
}

const std::string& booking_page_script_hashes() {
    static const std::string hashes = [] {
        std::string out;
        for (const auto& script : booking_page_scripts())
            out += (out.empty() ? "" : " ") + auth::csp_script_hash(script);
        return out;
    }();
    return hashes;
}

}  // namespace motcua::api
