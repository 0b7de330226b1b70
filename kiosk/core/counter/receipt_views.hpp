#pragma once
/// What the counter console's dossier screens show ("counter_dossier", "counter_return",
/// "counter_receipt"), as plain data built from the session and the service's data. Tests build
/// them without a window.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/counter/counter_console.hpp"
#include "kiosk/core/shell/app_state.hpp"
#include "kiosk/core/shell/mode.hpp"
#include "kiosk/core/shell/view_model.hpp"
#include "motcua/office_time.hpp"

namespace motcua::kiosk {

struct ProcedureOption {
    std::string code;
    std::string name;  // the service's (Vietnamese) name: what the ward's forms print
    int legal_days = 0;
    /// Belongs to the category of the ticket at the desk: these come first.
    bool own_category = false;
    bool chosen = false;
};

struct DossierFormView {
    std::string number;
    std::string category_name;
    /// Every procedure, those of the ticket's category first (each group in the service's order).
    std::vector<ProcedureOption> procedures;
    FetchState procedures_state = FetchState::none;
    FetchState due_state = FetchState::none;
    std::optional<LocalDateTime> due;  // the due date if received now, once known
    bool busy = false;                 // the finish is out
    ConsoleMessage message = ConsoleMessage::none;
    std::string message_subject;
    /// Changes when a new form opens: the screen empties its fields.
    std::uint64_t serial = 0;
};

struct DossierReturnView {
    std::string number;
    bool busy = false;
    ConsoleMessage message = ConsoleMessage::none;
    std::string message_subject;
    std::uint64_t serial = 0;
};

struct ReceiptView {
    std::string number;  // the ticket that brought the dossier
    std::string code;
    std::string procedure_name;
    std::string applicant;  // the officer's screen: the name confirms what was recorded
    LocalDateTime due;
    ReceiptPrint print = ReceiptPrint::no_printer;
    bool can_reprint = false;
    bool can_call_next = false;
};

DossierFormView make_dossier_form_view(const ConsoleSession& session, const WardData& data,
                                       Language lang);
DossierReturnView make_dossier_return_view(const ConsoleSession& session);
/// Empty (no code) when no dossier was received yet.
ReceiptView make_receipt_view(const ConsoleSession& session);

}  // namespace motcua::kiosk
