#include "kiosk/core/counter/receipt_views.hpp"

#include "kiosk/core/citizen/lookup_views.hpp"
#include "kiosk/core/counter/console_views.hpp"

namespace motcua::kiosk {

DossierFormView make_dossier_form_view(const ConsoleSession& s, const WardData& data,
                                       Language lang) {
    DossierFormView v;
    const DossierDesk& desk = s.desk();
    const std::string category = s.current() ? s.current()->category : std::string();
    if (s.current()) {
        v.number = s.current()->number;
        v.category_name = category_name(data, category, lang);
    }
    // The ticket's category first: the officer's procedure is almost always there.
    for (const bool own : {true, false})
        for (const auto& p : desk.procedures())
            if ((p.category == category) == own)
                v.procedures.push_back(
                    {p.code, p.name_vi, p.legal_days, own, desk.procedure() == p.code});
    v.procedures_state = desk.procedures_state();
    v.due_state = desk.preview_state();
    if (desk.preview()) v.due = local_day(desk.preview()->due_date);
    v.busy = s.pending().has_value();
    v.message = s.message();
    v.message_subject = s.message_subject();
    v.serial = desk.form_serial();
    return v;
}

DossierReturnView make_dossier_return_view(const ConsoleSession& s) {
    DossierReturnView v;
    if (s.current()) v.number = s.current()->number;
    v.busy = s.pending().has_value();
    v.message = s.message();
    v.message_subject = s.message_subject();
    v.serial = s.desk().form_serial();
    return v;
}

ReceiptView make_receipt_view(const ConsoleSession& s) {
    ReceiptView v;
    const auto& receipt = s.desk().receipt();
    if (!receipt) return v;
    const api::DossierView& d = receipt->dossier;
    v.number = receipt->ticket_number;
    v.code = d.code;
    v.procedure_name = d.procedure_name.empty() ? d.procedure : d.procedure_name;
    if (d.details) v.applicant = d.details->applicant.name;
    v.due = local_day(d.new_due_date.value_or(d.due_date));
    v.print = receipt->print;
    v.can_reprint = receipt->print != ReceiptPrint::printing &&
                    receipt->print != ReceiptPrint::no_printer && !s.pending();
    v.can_call_next = s.can(ConsoleAction::call_next);
    return v;
}

}  // namespace motcua::kiosk
