#pragma once
/// The small page a citizen's phone opens from the ticket's QR code: GET /t/{id}.
#include <string>

#include "motcua/api.hpp"

namespace motcua::api {

/// Vietnamese (or English) HTML showing state, people ahead and estimated wait; refreshes itself.
/// `ticket` null: a "ticket not found" page. Shows no personal data (tickets carry none).
std::string render_phone_page(const TicketView* ticket, const std::string& category_name,
                              const std::string& office_name, const std::string& id, bool english,
                              const OfficeZone& zone);

/// Escapes &, <, >, " and ' for HTML text and attributes.
std::string html_escape(std::string_view text);

}  // namespace motcua::api
