#include "api/http.hpp"

#include <boost/json.hpp>
#include <boost/url/parse.hpp>
#include <cctype>
#include <string_view>
#include <unordered_map>

#include "motcua/api.hpp"

namespace motcua::api {

int status_for(const Error& e) {
    static const std::unordered_map<std::string_view, int> kStatus{
        {"invalid_json", 400},
        {"invalid_body", 400},
        {"missing_field", 400},
        {"invalid_field", 400},
        {"invalid_query", 400},
        {"bad_request", 400},
        {"unauthorized", 401},
        {"session_expired", 401},
        {"bad_credentials", 401},
        {"forbidden", 403},
        {"not_at_counter", 403},
        {"wrong_counter", 403},
        {"not_found", 404},
        {"unknown_counter", 404},
        {"unknown_ticket", 404},
        {"dossier_not_found", 404},
        {"method_not_allowed", 405},
        {"already_rated", 409},
        {"ticket_in_progress", 409},
        {"counter_busy", 409},
        {"counter_paused", 409},
        {"no_current_ticket", 409},
        {"invalid_state", 409},
        {"idempotency_key_reused", 409},
        {"ambiguous_number", 409},
        {"dossier_closed", 409},
        {"apology_exists", 409},
        {"body_too_large", 413},
        {"unsupported_media_type", 415},
        {"unknown_category", 422},
        {"not_served", 422},
        {"invalid_level", 422},
        {"unknown_priority_reason", 422},
        {"priority_disabled", 422},
        {"unknown_procedure", 422},
        {"issuing_stopped", 422},
        {"same_category", 422},
        {"clock_backwards", 422},
        {"procedure_required", 422},
        {"applicant_required", 422},
        {"dossier_required", 422},
        {"unknown_dossier", 422},
        {"invalid_status", 422},
        {"apology_too_late", 422},
        {"new_due_not_later", 422},
        {"too_many_attempts", 429},
        // The province hub's.
        {"wrong_ward", 403},
        {"unknown_ward", 404},
        {"seq_gap", 409},
        {"batch_too_large", 413},
        {"ward_exists", 409},
        {"day_out_of_range", 422},
        {"unstorable", 422},
        {"user_exists", 409},
        {"busy", 503},
        {"database_unavailable", 503},
    };
    auto it = kStatus.find(e.code);
    return it == kStatus.end() ? 500 : it->second;
}

bool is_json_media(std::string_view content_type) {
    const auto semi = content_type.find(';');
    auto media = content_type.substr(0, semi);
    while (!media.empty() && media.back() == ' ') media.remove_suffix(1);
    if (media.size() != 16) return false;
    std::string lower(media);
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower == "application/json";
}

Reply json_reply(int status, const boost::json::value& body) {
    return Reply{status, boost::json::serialize(body), "application/json", {}};
}

Reply error_reply(const Error& e) {
    return json_reply(status_for(e), to_json(e));
}

Reply error_reply(int status, std::string code, std::string message) {
    return json_reply(status, to_json(Error{std::move(code), std::move(message)}));
}

bool split_target(std::string_view target, std::string& path,
                  std::map<std::string, std::string>& query) {
    auto url = boost::urls::parse_origin_form(target);
    if (!url) return false;
    path = std::string(url->encoded_path());
    for (auto param : url->params()) query[std::string(param.key)] = std::string(param.value);
    return true;
}

}  // namespace motcua::api
