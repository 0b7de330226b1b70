#include "kiosk/core/citizen/citizen_services.hpp"

#include <spdlog/spdlog.h>

namespace motcua::kiosk {

LiveCitizenServices::LiveCitizenServices(WardLink& link, RunQueue& ui_queue,
                                         std::optional<print::PrinterTarget> printer,
                                         print::Paper paper)
    : link_(link), printer_(std::move(printer)), paper_(paper) {
    if (printer_) print_thread_.emplace(ui_queue);
}

void LiveCitizenServices::issue_ticket(api::IssueTicketRequest request, WardLink::IssueDone done) {
    link_.issue_ticket(std::move(request), std::move(done));
}

void LiveCitizenServices::submit_rating(api::RatingRequest request, WardLink::RatingDone done) {
    link_.submit_rating(std::move(request), std::move(done));
}

void LiveCitizenServices::lookup_dossier(std::string code, WardLink::LookupDone done) {
    link_.lookup_dossier(std::move(code), std::move(done));
}

void LiveCitizenServices::check_in(std::string code, WardLink::CheckInDone done) {
    link_.check_in(std::move(code), std::move(done));
}

void LiveCitizenServices::print(print::TicketSlip slip, PrintDone done) {
    if (!printer_ || !print_thread_) {
        done(make_error(ErrorCode::no_printer, "no printer configured"));
        return;
    }
    print_thread_->submit(
        [slip = std::move(slip), paper = paper_, target = *printer_]() {
            return print::print_ticket(slip, paper, target);
        },
        std::move(done));
}

}  // namespace motcua::kiosk
