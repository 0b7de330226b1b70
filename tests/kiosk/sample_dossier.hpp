#pragma once
/// A dossier for the kiosk's dossier tests: the lookup, the receipt and their screens.
#include "motcua/api.hpp"

namespace motcua::kiosk::test {

inline constexpr const char* kDossierCode = "000.17.22.H56-261123-0007";

/// The officers' full view of a dossier received at counter 1 on 23 November, due on the 26th
/// (a returned one came back early on the 25th). The kiosk must never show its details.
inline api::DossierView sample_dossier(DossierState state) {
    api::DossierView d;
    d.code = kDossierCode;
    d.procedure = "HT-HN";
    d.procedure_name = "Xác nhận tình trạng hôn nhân";
    d.state = state;
    d.received_at = *parse_rfc3339("2026-11-23T08:05:00+07:00");
    d.due_date = *parse_day("2026-11-26");
    if (state == DossierState::returned) {
        d.returned_at = *parse_rfc3339("2026-11-25T14:00:00+07:00");
        d.result = DossierResult::early;
    }
    api::DossierDetails details;
    details.applicant.name = "Nguyễn Văn An";
    details.applicant.phone = "0912345678";
    details.category = "HT";
    details.counter = 1;
    details.officer = "lan";
    d.details = details;
    return d;
}

}  // namespace motcua::kiosk::test
