#pragma once
/// The dossier calls of the ward service (DESIGN.md §4) over HttpClient, on the client thread:
/// the kiosk's lookup (public view), and the counter console's procedures, due-date preview and
/// printed receipt (form 01). Bodies go through the shared codecs (motcua/api.hpp).
#include <boost/asio/awaitable.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/shell/http_client.hpp"
#include "kiosk/core/shell/ward_api.hpp"
#include "motcua/api.hpp"

namespace motcua::kiosk {

/// `text` as one path segment: anything but letters, digits, '.', '-', '_' and '~' percent-encoded.
std::string path_segment(std::string_view text);

/// GET /dossiers/{code}. A device's token gets the public view (no personal data); a 404
/// `dossier_not_found` is an error like any other refusal.
boost::asio::awaitable<Result<api::DossierView>> fetch_dossier(HttpClient& http, Token token,
                                                               std::string code);

/// GET /procedures: every procedure the ward receives dossiers for.
boost::asio::awaitable<Result<std::vector<api::ProcedureInfo>>> fetch_procedures(HttpClient& http,
                                                                                 Token token);

/// GET /procedures/{code}/due-date: the due date a dossier received now would get.
boost::asio::awaitable<Result<api::DueDatePreview>> fetch_due_date(HttpClient& http, Token token,
                                                                   std::string procedure);

/// The bytes of a PDF: what a receipt form is, checked by its signature.
[[nodiscard]] bool looks_like_pdf(std::string_view bytes);

/// GET /dossiers/{code}/forms/01 with an officer's token: the receipt and appointment slip
/// (giấy tiếp nhận hồ sơ và hẹn trả kết quả) as PDF bytes. A body that is not a PDF is an error.
boost::asio::awaitable<Result<std::string>> fetch_receipt_form(HttpClient& http, Token token,
                                                               std::string code);

}  // namespace motcua::kiosk
