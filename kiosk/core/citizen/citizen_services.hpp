#pragma once
/// What the citizen screens need done away from the UI thread: issue a ticket, deliver a rating
/// (through the outbox), print a slip, look a dossier up. Callbacks run on the UI thread. Tests
/// substitute a fake.
#include <functional>
#include <optional>

#include "kiosk/core/shell/print_worker.hpp"
#include "kiosk/core/shell/ward_link.hpp"
#include "kiosk/print/ticket_printer.hpp"

namespace motcua::kiosk {

class CitizenServices {
public:
    using PrintDone = std::function<void(const Status&)>;

    CitizenServices() = default;
    virtual ~CitizenServices() = default;
    CitizenServices(const CitizenServices&) = delete;
    CitizenServices& operator=(const CitizenServices&) = delete;

    virtual void issue_ticket(api::IssueTicketRequest request, WardLink::IssueDone done) = 0;
    virtual void submit_rating(api::RatingRequest request, WardLink::RatingDone done) = 0;
    /// "Tra cứu hồ sơ": the dossier's public view, with the kiosk's token.
    virtual void lookup_dossier(std::string code, WardLink::LookupDone done) = 0;
    /// "Tôi đã đặt lịch hẹn": check in for a booking, with the kiosk's token.
    virtual void check_in(std::string code, WardLink::CheckInDone done) = 0;
    /// A printer is configured (--printer): the issued screen says "printing", not "no slip".
    [[nodiscard]] virtual bool has_printer() const = 0;
    virtual void print(print::TicketSlip slip, PrintDone done) = 0;
};

/// The real services: the ward link (client thread) and the print thread.
class LiveCitizenServices final : public CitizenServices {
public:
    /// Without `printer` the kiosk shows numbers only.
    LiveCitizenServices(WardLink& link, RunQueue& ui_queue,
                        std::optional<print::PrinterTarget> printer, print::Paper paper);

    void issue_ticket(api::IssueTicketRequest request, WardLink::IssueDone done) override;
    void submit_rating(api::RatingRequest request, WardLink::RatingDone done) override;
    void lookup_dossier(std::string code, WardLink::LookupDone done) override;
    void check_in(std::string code, WardLink::CheckInDone done) override;
    [[nodiscard]] bool has_printer() const override { return printer_.has_value(); }
    void print(print::TicketSlip slip, PrintDone done) override;

private:
    WardLink& link_;
    std::optional<print::PrinterTarget> printer_;
    print::Paper paper_;
    std::optional<PrintWorker> print_thread_;  // only with a printer
};

}  // namespace motcua::kiosk
