#include "kiosk/core/counter/dossier_api.hpp"

#include <fmt/format.h>

namespace motcua::kiosk {

namespace asio = boost::asio;

namespace {

/// A lookup is one read on a LAN: milliseconds. A citizen at the kiosk is told after a few
/// seconds rather than left looking at "searching…".
constexpr std::chrono::milliseconds kLookupTimeout{4000};
/// The service renders the receipt with cairo: a little more room than a plain read.
constexpr std::chrono::milliseconds kFormTimeout{10000};

HttpRequest get(std::string target, Token token, std::chrono::milliseconds timeout) {
    HttpRequest req;
    req.method = HttpMethod::get;
    req.target = std::move(target);
    req.bearer_token = std::move(token);
    req.timeout = timeout;
    return req;
}

bool unreserved(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '-' || c == '_' || c == '~';
}

}  // namespace

std::string path_segment(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (unreserved(c))
            out.push_back(c);
        else
            out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    }
    return out;
}

asio::awaitable<Result<api::DossierView>> fetch_dossier(HttpClient& http, Token token,
                                                        std::string code) {
    auto res = co_await http.request(
        get(api_target("/dossiers/" + path_segment(code)), std::move(token), kLookupTimeout));
    if (!res) co_return res.error();
    if (!res->success()) co_return error_of(*res);
    co_return api::decode_body<api::DossierView>(res->body);
}

asio::awaitable<Result<std::vector<api::ProcedureInfo>>> fetch_procedures(HttpClient& http,
                                                                          Token token) {
    auto res =
        co_await http.request(get(api_target("/procedures"), std::move(token), kLookupTimeout));
    if (!res) co_return res.error();
    if (!res->success()) co_return error_of(*res);
    co_return decode_list<api::ProcedureInfo>(res->body);
}

asio::awaitable<Result<api::DueDatePreview>> fetch_due_date(HttpClient& http, Token token,
                                                            std::string procedure) {
    auto res = co_await http.request(
        get(api_target("/procedures/" + path_segment(procedure) + "/due-date"), std::move(token),
            kLookupTimeout));
    if (!res) co_return res.error();
    if (!res->success()) co_return error_of(*res);
    co_return api::decode_body<api::DueDatePreview>(res->body);
}

bool looks_like_pdf(std::string_view bytes) {
    return bytes.starts_with("%PDF-");
}

asio::awaitable<Result<std::string>> fetch_receipt_form(HttpClient& http, Token token,
                                                        std::string code) {
    auto res =
        co_await http.request(get(api_target("/dossiers/" + path_segment(code) + "/forms/01"),
                                  std::move(token), kFormTimeout));
    if (!res) co_return res.error();
    if (!res->success()) co_return error_of(*res);
    if (!looks_like_pdf(res->body))
        co_return make_error(ErrorCode::not_pdf, "the service's form 01 is not a PDF");
    co_return std::move(res->body);
}

}  // namespace motcua::kiosk
