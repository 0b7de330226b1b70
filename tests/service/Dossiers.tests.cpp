// Dossier rules: the national code, the due date at receipt, states, apology, result.
#include "dossiers/dossiers.hpp"

#include <catch2/catch.hpp>

using namespace motcua;
using namespace motcua::dossiers;

namespace {

const OfficeZone& zone() {
    static const OfficeZone z = *OfficeZone::load("Asia/Ho_Chi_Minh");
    return z;
}
TimePoint at(const char* text) {
    return *parse_rfc3339(text);
}
Day d(const char* text) {
    return *parse_day(text);
}

WardConfig config() {
    WardConfig c;
    c.unit_code = "000.17.22.H56";
    Procedure ks;
    ks.code = "HT-KS";
    ks.name_vi = "Đăng ký khai sinh";
    ks.category = "HT";
    ks.legal_days = 0;
    ks.cutoff_minutes = 15 * 60;
    Procedure xd;
    xd.code = "DC-XPXD";
    xd.name_vi = "Cấp giấy phép xây dựng";
    xd.category = "DC";
    xd.legal_days = 15;
    xd.cutoff_minutes = 16 * 60;
    c.procedures = {ks, xd};
    return c;
}

Dossier received(const char* when, int procedure_index = 1, int seq = 7) {
    const WardConfig c = config();
    const WorkingCalendar calendar(c);
    return receive(c, calendar, zone(), c.procedures[static_cast<std::size_t>(procedure_index)],
                   at(when), seq,
                   Receipt{"ticket-1", 2, "lan",
                           Applicant{"Nguyễn Văn An", "0912345678", std::nullopt, std::nullopt}});
}

}  // namespace

TEST_CASE("dossier codes follow UNITCODE-YYMMDD-XXXX", "[dossiers]") {
    CHECK(dossier_code("000.17.22.H56", d("2026-11-23"), 7) == "000.17.22.H56-261123-0007");
    CHECK(dossier_code("000.17.22.H56", d("2021-05-31"), 1) == "000.17.22.H56-210531-0001");
    // More than 9999 in a day widens the sequence instead of wrapping.
    CHECK(dossier_code("X", d("2026-01-02"), 12345) == "X-260102-12345");
    CHECK(plausible_code("000.17.22.H56-261123-0007"));
    CHECK_FALSE(plausible_code(""));
    CHECK_FALSE(plausible_code("000.17.22.H56-261123-0007'; DROP"));
    CHECK_FALSE(plausible_code(std::string(65, '1')));
}

TEST_CASE("receipt sets the code, the category and the legal due date", "[dossiers]") {
    // Monday 23 Nov 2026 09:00, 15 working days: counting starts Tuesday 24; 15th working day is 14
    // Dec.
    const Dossier x = received("2026-11-23T09:00:00+07:00");
    CHECK(x.code == "000.17.22.H56-261123-0007");
    CHECK(x.day == d("2026-11-23"));
    CHECK(x.category == "DC");
    CHECK(x.state == DossierState::received);
    CHECK(x.channel == DossierChannel::direct);
    CHECK(x.due_date == d("2026-12-14"));
    CHECK(x.applicant.name == "Nguyễn Văn An");
    CHECK(x.counter == 2);
    CHECK(x.officer == "lan");
    // Same-day procedure: before the cut-off today, after it the next working day.
    CHECK(received("2026-11-23T14:59:00+07:00", 0).due_date == d("2026-11-23"));
    CHECK(received("2026-11-23T15:00:00+07:00", 0).due_date == d("2026-11-24"));
    // Friday after the cut-off: Monday.
    CHECK(received("2026-11-27T15:30:00+07:00", 0).due_date == d("2026-11-30"));
    // The code's date is the office day in Vietnam, not the UTC date.
    CHECK(received("2026-11-23T00:30:00+07:00", 0, 1).code == "000.17.22.H56-261123-0001");
}

TEST_CASE("returned dossiers are early, on time or late against the legal due date", "[dossiers]") {
    CHECK(classify(d("2026-12-13"), d("2026-12-14")) == DossierResult::early);
    CHECK(classify(d("2026-12-14"), d("2026-12-14")) == DossierResult::on_time);
    CHECK(classify(d("2026-12-15"), d("2026-12-14")) == DossierResult::late);

    Dossier x = received("2026-11-23T09:00:00+07:00");
    auto changed = change_state(x, DossierState::returned, at("2026-12-14T16:59:00+07:00"), zone());
    REQUIRE(changed);
    CHECK(*changed);
    CHECK(x.state == DossierState::returned);
    CHECK(x.result == DossierResult::on_time);
    REQUIRE(x.returned_at);
    REQUIRE(x.closed_at);
    CHECK(*x.closed_at == at("2026-12-14T16:59:00+07:00"));

    Dossier late = received("2026-11-23T09:00:00+07:00");
    REQUIRE(change_state(late, DossierState::returned, at("2026-12-15T08:00:00+07:00"), zone()));
    CHECK(late.result == DossierResult::late);
}

TEST_CASE("dossier states: open states move freely, closed ones never again", "[dossiers]") {
    Dossier x = received("2026-11-23T09:00:00+07:00");
    const TimePoint t = at("2026-11-24T09:00:00+07:00");
    REQUIRE(*change_state(x, DossierState::in_process, t, zone()));
    REQUIRE(*change_state(x, DossierState::supplement_requested, t, zone()));
    CHECK_FALSE(x.closed_at);
    REQUIRE(*change_state(x, DossierState::in_process, t, zone()));
    REQUIRE(*change_state(x, DossierState::ready, t, zone()));
    // Asking for the state it already has changes nothing (a retried request).
    auto same = change_state(x, DossierState::ready, t, zone());
    REQUIRE(same);
    CHECK_FALSE(*same);
    // Back to received is not a status anyone may set.
    auto back = change_state(x, DossierState::received, t, zone());
    REQUIRE_FALSE(back);
    CHECK(back.error().code == ErrorCode::invalid_status);

    Dossier refused = received("2026-11-23T09:00:00+07:00");
    REQUIRE(*change_state(refused, DossierState::refused, t, zone()));
    CHECK(refused.closed_at == t);
    CHECK_FALSE(refused.result);
    for (auto to : {DossierState::in_process, DossierState::ready, DossierState::returned,
                    DossierState::withdrawn}) {
        auto again = change_state(refused, to, t, zone());
        REQUIRE_FALSE(again);
        CHECK(again.error().code == ErrorCode::dossier_closed);
    }
    CHECK(refused.state == DossierState::refused);
}

TEST_CASE("apology letter: once, no later than one day before the due date, with a later date",
          "[dossiers]") {
    // Due 14 Dec 2026.
    Dossier x = received("2026-11-23T09:00:00+07:00");
    REQUIRE(x.due_date == d("2026-12-14"));

    SECTION("on the day before the due date it is accepted, once") {
        auto ok = apologise(x, d("2026-12-21"), "Cần xác minh thêm",
                            at("2026-12-13T16:00:00+07:00"), zone());
        REQUIRE(ok);
        CHECK(x.new_due_date == d("2026-12-21"));
        CHECK(x.apology_reason == "Cần xác minh thêm");
        CHECK(x.due_date == d("2026-12-14"));  // reports still judge against the legal date
        auto twice =
            apologise(x, d("2026-12-28"), "again", at("2026-12-13T16:30:00+07:00"), zone());
        REQUIRE_FALSE(twice);
        CHECK(twice.error().code == ErrorCode::apology_exists);
        CHECK(x.new_due_date == d("2026-12-21"));
        // Returned on the new date: still late against the legal one.
        REQUIRE(change_state(x, DossierState::returned, at("2026-12-21T10:00:00+07:00"), zone()));
        CHECK(x.result == DossierResult::late);
    }
    SECTION("on the due date itself it is too late") {
        auto late = apologise(x, d("2026-12-21"), "Cần xác minh thêm",
                              at("2026-12-14T07:30:00+07:00"), zone());
        REQUIRE_FALSE(late);
        CHECK(late.error().code == ErrorCode::apology_too_late);
        CHECK_FALSE(x.new_due_date);
    }
    SECTION("after the due date it is too late") {
        auto late = apologise(x, d("2026-12-30"), "Cần xác minh thêm",
                              at("2026-12-16T09:00:00+07:00"), zone());
        REQUIRE_FALSE(late);
        CHECK(late.error().code == ErrorCode::apology_too_late);
    }
    SECTION("the new date must be after the due date") {
        auto same = apologise(x, d("2026-12-14"), "r", at("2026-12-01T09:00:00+07:00"), zone());
        REQUIRE_FALSE(same);
        CHECK(same.error().code == ErrorCode::new_due_not_later);
        CHECK_FALSE(x.new_due_date);
    }
    SECTION("a closed dossier gets no apology") {
        REQUIRE(change_state(x, DossierState::withdrawn, at("2026-11-25T09:00:00+07:00"), zone()));
        auto closed = apologise(x, d("2026-12-21"), "r", at("2026-11-26T09:00:00+07:00"), zone());
        REQUIRE_FALSE(closed);
        CHECK(closed.error().code == ErrorCode::dossier_closed);
    }
}
