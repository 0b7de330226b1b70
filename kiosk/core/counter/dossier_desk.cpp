#include "kiosk/core/counter/dossier_desk.hpp"

#include <algorithm>

namespace motcua::kiosk {

namespace {

double seconds_between(SteadyTime from, SteadyTime to) {
    return std::chrono::duration<double>(to - from).count();
}

constexpr double kNever = 1e9;
constexpr std::size_t kMinPhoneDigits = 8;
constexpr std::size_t kMaxPhoneDigits = 15;  // E.164's longest number

}  // namespace

bool plausible_phone(std::string_view phone) {
    if (phone.empty()) return true;
    return phone.size() >= kMinPhoneDigits && phone.size() <= kMaxPhoneDigits &&
           std::all_of(phone.begin(), phone.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool DossierDesk::ask_procedures() {
    if (procedures_state_ == FetchState::loading || procedures_state_ == FetchState::loaded)
        return false;
    procedures_state_ = FetchState::loading;
    return true;
}

void DossierDesk::on_procedures(const Result<std::vector<api::ProcedureInfo>>& list) {
    if (!list) {
        // A list from an earlier fetch is still good: the ward's procedures rarely change.
        procedures_state_ = procedures_.empty() ? FetchState::failed : FetchState::loaded;
        return;
    }
    procedures_ = *list;
    procedures_state_ = FetchState::loaded;
}

void DossierDesk::open_form() {
    ++form_serial_;
    procedure_.reset();
    preview_.reset();
    preview_state_ = FetchState::none;
}

std::optional<std::string> DossierDesk::choose(const std::string& code, SteadyTime now) {
    if (procedure_ == code && preview_state_ != FetchState::failed) return std::nullopt;
    procedure_ = code;
    preview_.reset();
    preview_state_ = FetchState::loading;
    preview_at_ = now;
    return code;
}

void DossierDesk::on_preview(const std::string& code, const Result<api::DueDatePreview>& preview,
                             SteadyTime now) {
    if (procedure_ != code) return;  // the officer chose another one meanwhile
    preview_at_ = now;
    if (!preview) {
        // An older date for the same procedure is better than none; a first failure says so.
        if (!preview_)
            preview_state_ = FetchState::failed;
        else
            preview_state_ = FetchState::loaded;
        return;
    }
    preview_ = *preview;
    preview_state_ = FetchState::loaded;
}

std::optional<std::string> DossierDesk::refresh(SteadyTime now) {
    if (!procedure_ || preview_state_ == FetchState::loading) return std::nullopt;
    if (seconds_between(preview_at_, now) < preview_every_s_) return std::nullopt;
    preview_state_ = preview_ ? FetchState::loaded : FetchState::loading;
    preview_at_ = now;
    return procedure_;
}

double DossierDesk::next_refresh_in(SteadyTime now) const {
    if (!procedure_ || preview_state_ == FetchState::loading) return kNever;
    return std::max(0.0, preview_every_s_ - seconds_between(preview_at_, now));
}

std::optional<std::string> DossierDesk::received(std::string ticket_number,
                                                 api::DossierView dossier) {
    receipt_ = Receipt{std::move(ticket_number), std::move(dossier),
                       has_printer_ ? ReceiptPrint::printing : ReceiptPrint::no_printer};
    if (!has_printer_) return std::nullopt;
    return receipt_->dossier.code;
}

std::optional<std::string> DossierDesk::reprint() {
    if (!receipt_ || !has_printer_ || receipt_->print == ReceiptPrint::printing)
        return std::nullopt;
    receipt_->print = ReceiptPrint::printing;
    return receipt_->dossier.code;
}

void DossierDesk::on_printed(const std::string& code, const Status& status) {
    if (!receipt_ || receipt_->dossier.code != code) return;
    if (status) {
        receipt_->print = ReceiptPrint::printed;
        return;
    }
    // The print module's errors are the printer's; anything else happened on the way from the
    // service.
    const ErrorCode e = status.error().code;
    const bool printer = e == ErrorCode::printer_unavailable || e == ErrorCode::printer_timeout ||
                         e == ErrorCode::bad_printer || e == ErrorCode::print_failed;
    receipt_->print = printer ? ReceiptPrint::printer_failed : ReceiptPrint::download_failed;
}

}  // namespace motcua::kiosk
