#include "api/phone_page.hpp"

#include <fmt/format.h>

namespace motcua::api {

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

namespace {

std::string state_text(TicketState s, bool en) {
    switch (s) {
        case TicketState::waiting:
            return en ? "Waiting" : "Đang chờ";
        case TicketState::called:
            return en ? "Called — please go to the counter" : "Đã đến lượt — mời bạn đến quầy";
        case TicketState::serving:
            return en ? "Being served" : "Đang được phục vụ";
        case TicketState::done:
            return en ? "Served" : "Đã phục vụ xong";
        case TicketState::no_show:
            return en ? "Missed (absent when called)" : "Đã qua lượt (vắng mặt khi được gọi)";
        case TicketState::expired:
            return en ? "Expired at the end of the day" : "Hết hiệu lực vào cuối ngày";
    }
    return "";
}

// The range in whole minutes, worded as on the kiosk and the board (DESIGN.md §9).
std::string wait_text(const WaitRange& range, bool en) {
    const api::WaitMinutes w = wait_minutes(range);
    switch (w.kind) {
        case api::WaitMinutes::Kind::soon:
            return en ? "almost your turn" : "sắp đến lượt";
        case api::WaitMinutes::Kind::under:
            return en ? fmt::format("under {} minutes", w.high)
                      : fmt::format("dưới {} phút", w.high);
        case api::WaitMinutes::Kind::about:
            return en ? fmt::format("about {} minutes", w.high)
                      : fmt::format("khoảng {} phút", w.high);
        case api::WaitMinutes::Kind::range:
            return en ? fmt::format("about {}–{} minutes", w.low, w.high)
                      : fmt::format("khoảng {}–{} phút", w.low, w.high);
        case api::WaitMinutes::Kind::over:
            return en ? fmt::format("about {} minutes or more", w.low)
                      : fmt::format("khoảng {} phút trở lên", w.low);
        case api::WaitMinutes::Kind::unsure:
            return en ? "not known yet" : "chưa ước tính được";
    }
    return {};
}

/// The page around a body: the office's header, the phone page's style, a language link.
std::string page_shell(bool en, std::string_view title, const std::string& office_name,
                       std::string_view body, std::string_view nav, bool refresh) {
    return fmt::format(
        R"(<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{refresh}<title>{title}</title>
<style>
body{{font-family:"Noto Sans","DejaVu Sans",Arial,sans-serif;margin:0;background:#f4f6fa;color:#1b2430;text-align:center}}
header{{background:#0b3d91;color:#fff;padding:14px 10px;font-size:17px}}
main{{padding:18px}} .number{{font-size:72px;font-weight:700;margin:4px 0;color:#0b3d91}}
.label{{margin:8px 0 0;color:#4a5563}} .category{{font-size:19px;margin:4px 0 14px}}
.state{{font-size:22px;font-weight:600;margin:10px 0}} .counter{{font-size:34px;font-weight:700;color:#b3261e}}
table{{margin:10px auto;font-size:18px;border-collapse:collapse}} td{{padding:6px 10px;text-align:left}}
.small{{color:#4a5563;font-size:15px}} nav{{margin:18px}} a{{color:#0b3d91;font-size:17px}}
</style></head><body>
<header>{office}</header><main>{body}</main>
<nav>{nav}</nav>
</body></html>
)",
        fmt::arg("lang", en ? "en" : "vi"),
        fmt::arg("refresh", refresh ? "<meta http-equiv=\"refresh\" content=\"15\">\n" : ""),
        fmt::arg("title", title), fmt::arg("office", html_escape(office_name)),
        fmt::arg("body", body), fmt::arg("nav", nav));
}

}  // namespace

std::string render_phone_page(const TicketView* t, const std::string& category_name,
                              const std::string& office_name, const std::string& id, bool en,
                              const OfficeZone& zone) {
    const std::string switch_link =
        en ? fmt::format("<a href=\"/t/{}\">Tiếng Việt</a>", html_escape(id))
           : fmt::format("<a href=\"/t/{}?lang=en\">English</a>", html_escape(id));
    std::string body;
    if (t == nullptr) {
        body = fmt::format("<p class=\"state\">{}</p>",
                           en ? "Ticket not found. Check the link on your ticket."
                              : "Không tìm thấy số thứ tự. Vui lòng kiểm tra lại mã trên phiếu.");
    } else {
        body += fmt::format("<p class=\"label\">{}</p><p class=\"number\">{}</p>",
                            en ? "Your number" : "Số thứ tự của bạn", html_escape(t->number));
        body += fmt::format("<p class=\"category\">{}</p>", html_escape(category_name));
        body += fmt::format("<p class=\"state\">{}</p>", state_text(t->state, en));
        if (t->state == TicketState::waiting) {
            body += fmt::format(
                "<table><tr><td>{}</td><td><b>{}</b></td></tr><tr><td>{}</td><td><b>{}</b></td></"
                "tr></table>",
                en ? "People ahead of you" : "Số người đang chờ trước bạn", t->waiting_ahead,
                en ? "Estimated wait" : "Thời gian chờ dự kiến",
                wait_text(t->estimated_wait_range_s, en));
        } else if ((t->state == TicketState::called || t->state == TicketState::serving) &&
                   t->counter) {
            body += fmt::format("<p class=\"counter\">{} {}</p>", en ? "Counter" : "Quầy số",
                                *t->counter);
        }
        body += fmt::format("<p class=\"small\">{} {}</p>", en ? "Issued at" : "Lấy số lúc",
                            zone.format_rfc3339(t->issued_at).substr(11, 5));
    }
    const bool live =
        t != nullptr && (t->state == TicketState::waiting || t->state == TicketState::called ||
                         t->state == TicketState::serving);
    return page_shell(en, en ? "Queue ticket" : "Số thứ tự", office_name, body, switch_link, live);
}

std::string render_notice_page(bool en, const std::string& office_name, std::string_view text_vi,
                               std::string_view text_en) {
    return page_shell(en, en ? "Please wait" : "Xin chờ", office_name,
                      fmt::format("<p class=\"state\">{}</p>", html_escape(en ? text_en : text_vi)),
                      "", false);
}

}  // namespace motcua::api
