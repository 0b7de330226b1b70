#pragma once
/// The counter console's dossier work beside the queue (UI thread, no ImGui): the ward's
/// procedures, the receipt form's chosen procedure with the due date the service would give
/// it now, and the last dossier received with its printed receipt (form 01).
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "motcua/api.hpp"
#include "motcua/result.hpp"

namespace motcua::kiosk {

using SteadyTime = std::chrono::steady_clock::time_point;

/// Something fetched from the service: not asked yet, on its way, here, or failed.
enum class FetchState { none, loading, loaded, failed };

/// The receipt's way to paper.
enum class ReceiptPrint {
    no_printer,       // the console has no --printer
    printing,         // the form is being fetched or sent to the printer
    printed,          // the printer took it
    download_failed,  // the service did not give the form
    printer_failed,   // the printer did not take it
};

/// The last dossier received at this counter.
struct Receipt {
    std::string ticket_number;
    api::DossierView dossier;  // the officers' view: the applicant is in `details`
    ReceiptPrint print = ReceiptPrint::no_printer;
};

/// True when `phone` is empty or 8 to 15 digits (a landline with its area code has 11).
[[nodiscard]] bool plausible_phone(std::string_view phone);

class DossierDesk {
public:
    /// `preview_every_s`: a due date shown on an open form is asked again after this long (it
    /// moves to the next working day at the procedure's cut-off).
    DossierDesk(bool has_printer, double preview_every_s)
        : has_printer_(has_printer), preview_every_s_(preview_every_s) {}

    // ---- procedures (GET /procedures) ----
    [[nodiscard]] const std::vector<api::ProcedureInfo>& procedures() const { return procedures_; }
    [[nodiscard]] FetchState procedures_state() const { return procedures_state_; }
    /// True when the list should be asked for (never asked, or the last try failed); marks it
    /// as on its way.
    bool ask_procedures();
    void on_procedures(const Result<std::vector<api::ProcedureInfo>>& list);

    // ---- the receipt form ----
    /// A new form: no procedure chosen. Its serial tells the screen to empty its fields.
    void open_form();
    [[nodiscard]] std::uint64_t form_serial() const { return form_serial_; }
    [[nodiscard]] const std::optional<std::string>& procedure() const { return procedure_; }
    /// The officer chose `code`: the procedure whose due date to ask for.
    std::optional<std::string> choose(const std::string& code, SteadyTime now);
    [[nodiscard]] FetchState preview_state() const { return preview_state_; }
    /// The due date of the chosen procedure, once the service said it.
    [[nodiscard]] const std::optional<api::DueDatePreview>& preview() const { return preview_; }
    void on_preview(const std::string& code, const Result<api::DueDatePreview>& preview,
                    SteadyTime now);
    /// The procedure whose due date is due to be asked again (an open form, an old answer).
    std::optional<std::string> refresh(SteadyTime now);
    /// Seconds until refresh() will have something to ask.
    [[nodiscard]] double next_refresh_in(SteadyTime now) const;

    // ---- the receipt ----
    /// The service received the dossier: it becomes the receipt, printing when there is a
    /// printer. Returns the code to print, if any.
    std::optional<std::string> received(std::string ticket_number, api::DossierView dossier);
    [[nodiscard]] const std::optional<Receipt>& receipt() const { return receipt_; }
    /// "In lại": the code to print again, unless it is printing or there is no printer.
    std::optional<std::string> reprint();
    /// The print thread's word on the receipt of `code`.
    void on_printed(const std::string& code, const Status& status);
    /// Logged out: the next officer starts with no receipt on screen.
    void forget_receipt() { receipt_.reset(); }

private:
    bool has_printer_;
    double preview_every_s_;
    std::vector<api::ProcedureInfo> procedures_;
    FetchState procedures_state_ = FetchState::none;
    std::uint64_t form_serial_ = 0;
    std::optional<std::string> procedure_;
    FetchState preview_state_ = FetchState::none;
    std::optional<api::DueDatePreview> preview_;
    SteadyTime preview_at_{};  // when the due date was last asked for
    std::optional<Receipt> receipt_;
};

}  // namespace motcua::kiosk
