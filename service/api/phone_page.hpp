#pragma once
/// The small page a citizen's phone opens from the ticket's QR code: GET /t/{id}.
#include <string>
#include <string_view>

#include "motcua/api.hpp"

namespace motcua::api {

/// Vietnamese (or English) HTML showing state, people ahead and estimated wait; refreshes itself.
/// `ticket` null: a "ticket not found" page. Shows no personal data (tickets carry none).
std::string render_phone_page(const TicketView* ticket, const std::string& category_name,
                              const std::string& office_name, const std::string& id, bool english,
                              const OfficeZone& zone);

/// A short notice in the phone page's look (e.g. "too many look-ups, try again in 30 seconds").
std::string render_notice_page(bool english, const std::string& office_name,
                               std::string_view text_vi, std::string_view text_en);

/// Escapes &, <, >, " and ' for HTML text and attributes.
std::string html_escape(std::string_view text);

}  // namespace motcua::api
