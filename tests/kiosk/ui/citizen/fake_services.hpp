#pragma once
/// CitizenServices for tests: records what the screens asked for and lets the test answer
/// (the real ones answer on the UI thread later; so does this, when the test says).
#include <functional>
#include <vector>

#include "core/citizen/sample_ticket.hpp"
#include "kiosk/core/citizen/citizen_services.hpp"

namespace motcua::kiosk::test {

class FakeCitizenServices final : public CitizenServices {
public:
    explicit FakeCitizenServices(bool printer = true) : printer_(printer) {}

    void issue_ticket(api::IssueTicketRequest request, WardLink::IssueDone done) override {
        issued.push_back(std::move(request));
        issue_done.push_back(std::move(done));
    }
    void submit_rating(api::RatingRequest request, WardLink::RatingDone done) override {
        ratings.push_back(std::move(request));
        rating_done.push_back(std::move(done));
    }
    void lookup_dossier(std::string code, WardLink::LookupDone done) override {
        lookups.push_back(std::move(code));
        lookup_done.push_back(std::move(done));
    }
    void check_in(std::string code, WardLink::CheckInDone done) override {
        check_ins.push_back(std::move(code));
        check_in_done.push_back(std::move(done));
    }
    [[nodiscard]] bool has_printer() const override { return printer_; }
    void print(print::TicketSlip slip, PrintDone done) override {
        slips.push_back(std::move(slip));
        print_done.push_back(std::move(done));
    }

    std::vector<api::IssueTicketRequest> issued;
    std::vector<WardLink::IssueDone> issue_done;
    std::vector<api::RatingRequest> ratings;
    std::vector<WardLink::RatingDone> rating_done;
    std::vector<std::string> lookups;
    std::vector<WardLink::LookupDone> lookup_done;
    std::vector<std::string> check_ins;
    std::vector<WardLink::CheckInDone> check_in_done;
    std::vector<print::TicketSlip> slips;
    std::vector<PrintDone> print_done;

private:
    bool printer_;
};

}  // namespace motcua::kiosk::test
