// The counter console's dossier work without a window: the receipt form (procedures, the due
// date, the applicant), finishing with dossier_received and the receipt that follows, the
// return of a result by its code, and every refusal said without changing anything.
#include <catch2/catch.hpp>

#include "core/counter/console_rig.hpp"
#include "kiosk/core/counter/console_views.hpp"
#include "kiosk/core/counter/receipt_views.hpp"
#include "loopback_server.hpp"
#include "sample_dossier.hpp"

using namespace motcua;
using namespace motcua::kiosk;
using namespace std::chrono_literals;
using test::at_counter;
using test::ConsoleRig;
namespace cc = console_cmd;

namespace {

using MaybeTicket = std::optional<api::TicketView>;
constexpr const char* kCode = test::kDossierCode;

std::vector<api::ProcedureInfo> procedures() {
    // The service's order: two categories, the ticket's (HT) second.
    return {
        {"DC-XPXD", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "DC", 15, 16 * 60, 75000},
        {"HT-KS", "Đăng ký khai sinh", "HT", 0, 15 * 60, 0},
        {"VX-TCXH", "Trợ cấp xã hội hằng tháng", "VX", 7, 16 * 60, 0},
        {"HT-HN", "Xác nhận tình trạng hôn nhân", "HT", 3, 15 * 60, 0},
    };
}

api::DueDatePreview preview(const char* procedure, const char* due) {
    return {procedure, *parse_rfc3339("2026-11-23T08:02:00+07:00"), *parse_day(due)};
}

api::DossierView received_dossier() {
    return test::sample_dossier(DossierState::received);
}

/// Logged in with a citizen at the desk and the finish screen open.
ConsoleRig at_finish(bool printer = true) {
    ConsoleRig c;
    c.s = ConsoleSession(ConsoleSettings{1, {}, printer});
    c.login_and_open();
    c.call(at_counter("t1", "A012", TicketState::called));
    c.apply(cc::OpenFinish{});
    return c;
}

}  // namespace

TEST_CASE("Tiếp nhận hồ sơ opens the form first: nothing is sent before it", "[receipt]") {
    ConsoleRig c;
    c.apply(cc::Login{"lan", "matkhau-123"});
    c.answer_login(test::lan_login());
    CHECK(c.last.fetch_procedures);  // asked with the login, so the form opens without a wait
    c.answer(ConsoleReply{test::counter_one(CounterState::open)});
    c.s.on_procedures(procedures());
    c.call(at_counter("t1", "A012", TicketState::called));
    c.apply(cc::OpenFinish{});
    c.apply(cc::ChooseOutcome{FinishOutcome::dossier_received});
    CHECK(c.s.screen() == ConsoleScreen::dossier_form);
    CHECK(console_screen_name(c.s.screen()) == "counter_dossier");
    CHECK_FALSE(c.last.request);
    CHECK_FALSE(c.last.fetch_procedures);  // already here

    // The ticket's category first, each group in the service's order.
    DossierFormView v = make_dossier_form_view(c.s, WardData{}, Language::vi);
    REQUIRE(v.procedures.size() == 4);
    CHECK(v.number == "A012");
    CHECK(v.procedures[0].code == "HT-KS");
    CHECK(v.procedures[1].code == "HT-HN");
    CHECK(v.procedures[0].own_category);
    CHECK(v.procedures[2].code == "DC-XPXD");
    CHECK_FALSE(v.procedures[2].own_category);
    CHECK(v.due_state == FetchState::none);

    // Choosing asks for the due date; the answer shows it.
    c.apply(cc::ChooseProcedure{"HT-HN"});
    CHECK(c.last.fetch_due_date == std::optional<std::string>("HT-HN"));
    v = make_dossier_form_view(c.s, WardData{}, Language::vi);
    CHECK(v.due_state == FetchState::loading);
    CHECK(v.procedures[1].chosen);
    c.s.on_due_date("HT-HN", preview("HT-HN", "2026-11-26"), c.now);
    v = make_dossier_form_view(c.s, WardData{}, Language::vi);
    CHECK(v.due_state == FetchState::loaded);
    REQUIRE(v.due);
    CHECK(v.due->day == 26);
    CHECK(v.due->weekday == 4);

    SECTION("a late answer for a procedure no longer chosen is ignored") {
        c.apply(cc::ChooseProcedure{"HT-KS"});
        c.s.on_due_date("HT-HN", preview("HT-HN", "2026-11-26"), c.now);
        CHECK(c.s.desk().preview_state() == FetchState::loading);
        c.s.on_due_date("HT-KS", preview("HT-KS", "2026-11-23"), c.now);
        CHECK(c.s.desk().preview()->procedure == "HT-KS");
    }
    SECTION("the due date is asked again after a minute (the cut-off may have passed)") {
        c.now += 30s;
        CHECK_FALSE(c.s.tick(c.now).fetch_due_date);
        c.now += 31s;
        CHECK(c.s.tick(c.now).fetch_due_date == std::optional<std::string>("HT-HN"));
        CHECK(c.s.desk().preview());  // the old date stays on screen meanwhile
    }
    SECTION("Esc goes back to the outcomes, then to the desk") {
        c.apply(cc::CancelDialog{});
        CHECK(c.s.screen() == ConsoleScreen::finish);
        c.apply(cc::CancelDialog{});
        CHECK(c.s.screen() == ConsoleScreen::console);
        CHECK_FALSE(c.last.request);
    }
}

TEST_CASE("receiving a dossier: the finish carries the procedure and the applicant", "[receipt]") {
    ConsoleRig c = at_finish();
    c.apply(cc::ChooseOutcome{FinishOutcome::dossier_received});
    CHECK_FALSE(c.last.fetch_procedures);  // asked at login: its answer is on the way
    c.s.on_procedures(procedures());
    c.apply(cc::ChooseProcedure{"HT-HN"});
    c.apply(cc::ConfirmDossier{"  Nguyễn Văn An ", "0912345678"});
    REQUIRE(c.last.request);
    const ConsoleRequest& r = *c.last.request;
    CHECK(r.action == ConsoleAction::finish);
    CHECK(r.outcome == FinishOutcome::dossier_received);
    CHECK(r.procedure == std::optional<std::string>("HT-HN"));
    REQUIRE(r.applicant);
    CHECK(r.applicant->name == "Nguyễn Văn An");  // blanks around it cut
    CHECK(r.applicant->phone == std::optional<std::string>("0912345678"));
    CHECK(c.s.screen() == ConsoleScreen::dossier_form);  // until the service answers
    CHECK(make_dossier_form_view(c.s, {}, Language::vi).busy);

    c.answer(ConsoleReply{
        FinishedWithDossier{at_counter("t1", "A012", TicketState::done), received_dossier()}});
    CHECK(c.s.screen() == ConsoleScreen::receipt);
    CHECK(console_screen_name(c.s.screen()) == "counter_receipt");
    CHECK_FALSE(c.s.current());
    CHECK(c.last.fetch_figures);
    CHECK(c.last.print_receipt == std::optional<std::string>(kCode));
    ReceiptView v = make_receipt_view(c.s);
    CHECK(v.number == "A012");
    CHECK(v.code == kCode);
    CHECK(v.procedure_name == "Xác nhận tình trạng hôn nhân");
    CHECK(v.applicant == "Nguyễn Văn An");
    CHECK(v.due.day == 26);
    CHECK(v.print == ReceiptPrint::printing);
    CHECK_FALSE(v.can_reprint);
    CHECK(v.can_call_next);

    SECTION("printed") {
        c.s.on_receipt_printed(kCode, Ok{});
        CHECK(make_receipt_view(c.s).print == ReceiptPrint::printed);
        CHECK(make_receipt_view(c.s).can_reprint);
        CHECK(c.apply(cc::Reprint{}).print_receipt == std::optional<std::string>(kCode));
        CHECK(make_receipt_view(c.s).print == ReceiptPrint::printing);
        CHECK_FALSE(c.apply(cc::Reprint{}).print_receipt);  // one at a time
    }
    SECTION("the printer failed, then In lại") {
        c.s.on_receipt_printed(kCode, make_error(ErrorCode::printer_timeout, "no answer"));
        CHECK(make_receipt_view(c.s).print == ReceiptPrint::printer_failed);
        CHECK(c.apply(cc::Reprint{}).print_receipt == std::optional<std::string>(kCode));
    }
    SECTION("the form could not be fetched") {
        c.s.on_receipt_printed(kCode, make_error(ErrorCode::unreachable, "refused"));
        CHECK(make_receipt_view(c.s).print == ReceiptPrint::download_failed);
    }
    SECTION("F1 hands it over and calls the next citizen; Esc just closes") {
        const auto f1 = command_for_key(c.s, KeyPress::function(1), {});
        REQUIRE(f1);
        c.apply(*f1);
        CHECK(c.s.screen() == ConsoleScreen::console);
        CHECK(c.last.request->action == ConsoleAction::call_next);
    }
    SECTION("Esc closes the receipt") {
        const auto esc = command_for_key(c.s, KeyPress::escape(), {});
        REQUIRE(esc);
        c.apply(*esc);
        CHECK(c.s.screen() == ConsoleScreen::console);
        CHECK_FALSE(c.last.request);
    }
    SECTION("logging out forgets it") {
        c.apply(cc::CloseReceipt{});
        c.apply(cc::CloseCounter{});
        c.answer(ConsoleReply{test::counter_one(CounterState::closed)});
        c.apply(cc::Logout{});
        CHECK_FALSE(c.s.desk().receipt());
    }
}

TEST_CASE("without a printer the receipt says so and offers no reprint", "[receipt]") {
    ConsoleRig c = at_finish(/*printer=*/false);
    c.apply(cc::ChooseOutcome{FinishOutcome::dossier_received});
    c.s.on_procedures(procedures());
    c.apply(cc::ChooseProcedure{"HT-KS"});
    c.apply(cc::ConfirmDossier{"Trần Thị Bình", ""});
    REQUIRE(c.last.request);
    CHECK_FALSE(c.last.request->applicant->phone);  // no phone: none sent
    c.answer(ConsoleReply{
        FinishedWithDossier{at_counter("t1", "A012", TicketState::done), received_dossier()}});
    CHECK_FALSE(c.last.print_receipt);
    CHECK(make_receipt_view(c.s).print == ReceiptPrint::no_printer);
    CHECK_FALSE(make_receipt_view(c.s).can_reprint);
    CHECK_FALSE(c.apply(cc::Reprint{}).print_receipt);
}

TEST_CASE("the form says what is missing and changes nothing", "[receipt]") {
    ConsoleRig c = at_finish();
    c.apply(cc::ChooseOutcome{FinishOutcome::dossier_received});
    c.s.on_procedures(procedures());
    SECTION("bad inputs") {
        // no procedure chosen
        c.apply(cc::ConfirmDossier{"Nguyễn Văn An", ""});
        CHECK_FALSE(c.last.request);
        CHECK(c.s.message() == ConsoleMessage::procedure_required);
        c.apply(cc::ChooseProcedure{"HT-HN"});
        CHECK(c.s.message() == ConsoleMessage::none);  // answered by the choice
        // no name (blanks only)
        c.apply(cc::ConfirmDossier{"   ", ""});
        CHECK_FALSE(c.last.request);
        CHECK(c.s.message() == ConsoleMessage::applicant_required);
        // a phone too short, and one with letters
        c.apply(cc::ConfirmDossier{"Nguyễn Văn An", "0912"});
        CHECK(c.s.message() == ConsoleMessage::phone_invalid);
        c.apply(cc::ConfirmDossier{"Nguyễn Văn An", "09123x5678"});
        CHECK(c.s.message() == ConsoleMessage::phone_invalid);
        CHECK_FALSE(c.last.request);
        CHECK(c.s.screen() == ConsoleScreen::dossier_form);
        CHECK(c.s.current());
    }
    SECTION("the service's refusals in plain words, the form kept") {
        using M = ConsoleMessage;
        struct Refusal {
            ErrorCode code;
            M message;
        };
        for (const Refusal r : {Refusal{ErrorCode::unknown_procedure, M::unknown_procedure},
                                Refusal{ErrorCode::procedure_required, M::procedure_required},
                                Refusal{ErrorCode::applicant_required, M::applicant_required},
                                Refusal{ErrorCode::unreachable, M::unreachable},
                                Refusal{ErrorCode::no_current_ticket, M::no_current_ticket}}) {
            INFO(r.code);
            c.apply(cc::ChooseProcedure{"HT-HN"});
            c.apply(cc::ConfirmDossier{"Nguyễn Văn An", "0912345678"});
            REQUIRE(c.last.request);
            c.answer(make_error(r.code, "refused"));
            CHECK(c.s.message() == r.message);
            CHECK(c.s.screen() == ConsoleScreen::dossier_form);
            CHECK(c.s.current());  // the citizen is still at the desk
            CHECK_FALSE(c.s.desk().receipt());
        }
    }
    SECTION("the procedures could not be loaded: Thử lại asks again") {
        ConsoleRig d = at_finish();
        d.apply(cc::ChooseOutcome{FinishOutcome::dossier_received});
        d.s.on_procedures(make_error(ErrorCode::unreachable, "refused"));
        CHECK(d.s.desk().procedures_state() == FetchState::failed);
        CHECK(d.apply(cc::RetryProcedures{}).fetch_procedures);
        CHECK_FALSE(d.apply(cc::RetryProcedures{}).fetch_procedures);  // already asked
    }
}

TEST_CASE("returning a result: the dossier's code typed or scanned", "[receipt]") {
    ConsoleRig c = at_finish();
    c.apply(cc::ChooseOutcome{FinishOutcome::result_returned});
    CHECK(c.s.screen() == ConsoleScreen::dossier_return);
    CHECK(console_screen_name(c.s.screen()) == "counter_return");
    CHECK_FALSE(c.last.request);
    CHECK_FALSE(command_for_key(c.s, KeyPress::digit(1), {}));  // digits are part of the code

    SECTION("a scanned link, in lower case: the code in it is sent") {
        c.apply(cc::ConfirmReturn{"http://10.0.0.5:8080/d/000.17.22.h56-261123-0007"});
        REQUIRE(c.last.request);
        CHECK(c.last.request->outcome == FinishOutcome::result_returned);
        CHECK(c.last.request->dossier == std::optional<std::string>(kCode));
        c.answer(ConsoleReply{MaybeTicket(at_counter("t1", "A012", TicketState::done))});
        CHECK(c.s.screen() == ConsoleScreen::console);
        CHECK(c.s.message() == ConsoleMessage::result_returned);
        CHECK(c.s.message_subject() == kCode);
        CHECK_FALSE(is_failure(c.s.message()));
    }
    SECTION("bad inputs") {
        // nothing typed
        c.apply(cc::ConfirmReturn{"  "});
        CHECK(c.s.message() == ConsoleMessage::dossier_required);
        // a ticket number instead of a dossier code
        c.apply(cc::ConfirmReturn{"A012"});
        CHECK(c.s.message() == ConsoleMessage::dossier_code_invalid);
        CHECK(c.s.message_subject() == "A012");
        CHECK_FALSE(c.last.request);
    }
    SECTION("the service's refusals") {
        using M = ConsoleMessage;
        for (const auto& [code, message] :
             {std::pair{ErrorCode::dossier_not_found, M::dossier_not_found},
              std::pair{ErrorCode::dossier_closed, M::dossier_closed},
              std::pair{ErrorCode::dossier_required, M::dossier_required}}) {
            INFO(code);
            c.apply(cc::ConfirmReturn{kCode});
            REQUIRE(c.last.request);
            c.answer(make_error(code, "refused"));
            CHECK(c.s.message() == message);
            CHECK(c.s.message_subject() == kCode);
            CHECK(c.s.screen() == ConsoleScreen::dossier_return);
            CHECK(c.s.current());
        }
    }
    SECTION("the ticket finished on another PC: back to the desk") {
        c.s.on_event(test::ticket_event(7, EventType::ticket_finished,
                                        at_counter("t1", "A012", TicketState::done), 1),
                     c.now);
        CHECK(c.s.screen() == ConsoleScreen::console);
    }
}

TEST_CASE("the dossier desk: phones, procedures kept, print failures told apart", "[receipt]") {
    CHECK(plausible_phone(""));
    CHECK(plausible_phone("0912345678"));
    CHECK(plausible_phone("02838123456"));
    SECTION("bad inputs") {
        CHECK_FALSE(plausible_phone("0912"));              // too short
        CHECK_FALSE(plausible_phone("0912 345 678"));      // blanks
        CHECK_FALSE(plausible_phone("+84912345678"));      // a plus sign
        CHECK_FALSE(plausible_phone("0912345678901234"));  // sixteen digits
    }
    DossierDesk desk(true, 60);
    CHECK(desk.ask_procedures());
    CHECK_FALSE(desk.ask_procedures());
    desk.on_procedures(procedures());
    CHECK_FALSE(desk.ask_procedures());
    desk.on_procedures(make_error(ErrorCode::unreachable, "x"));  // a later failure keeps the list
    CHECK(desk.procedures().size() == 4);
    CHECK(desk.procedures_state() == FetchState::loaded);

    desk.received("A012", received_dossier());
    for (ErrorCode code :
         {ErrorCode::printer_unavailable, ErrorCode::printer_timeout, ErrorCode::bad_printer}) {
        desk.on_printed(kCode, make_error(code, "x"));
        CHECK(desk.receipt()->print == ReceiptPrint::printer_failed);
    }
    for (ErrorCode code : {ErrorCode::unreachable, ErrorCode::not_pdf, ErrorCode::dossier_not_found,
                           ErrorCode::unexpected_answer}) {
        desk.on_printed(kCode, make_error(code, "x"));
        CHECK(desk.receipt()->print == ReceiptPrint::download_failed);
    }
    desk.on_printed("another-code", Ok{});  // not this receipt's
    CHECK(desk.receipt()->print == ReceiptPrint::download_failed);
}

TEST_CASE("the finish request and answer on the wire", "[receipt]") {
    const std::string dossier_json =
        R"({"id":"t1","number":"A012","category":"HT","priority":false,"state":"done",)"
        R"("issued_at":"2026-11-23T07:31:00+07:00","called_at":"2026-11-23T08:00:00+07:00",)"
        R"("started_at":null,"finished_at":"2026-11-23T08:05:00+07:00","counter":1,)"
        R"("waiting_ahead":0,"estimated_wait_s":0,"dossier":{"code":"000.17.22.H56-261123-0007",)"
        R"("procedure":"HT-HN","state":"received","received_at":"2026-11-23T08:05:00+07:00",)"
        R"("due_date":"2026-11-26","returned_at":null,"result":null,)"
        R"("procedure_name":"Xác nhận tình trạng hôn nhân","new_due_date":null,)"
        R"("applicant":{"name":"Nguyễn Văn An","phone":"0912345678"},"category":"HT",)"
        R"("counter":1,"officer":"lan","apology_reason":null}})";
    test::LoopbackServer server([&](const test::LoopbackServer::Request&) {
        return test::LoopbackServer::json(boost::beast::http::status::ok, dossier_json);
    });
    boost::asio::io_context io;
    ServerUrl url;
    url.host = "127.0.0.1";
    url.port = server.port();
    HttpClient http(io.get_executor(), url);
    ConsoleRequest r;
    r.action = ConsoleAction::finish;
    r.counter = 1;
    r.outcome = FinishOutcome::dossier_received;
    r.procedure = "HT-HN";
    r.applicant = api::Applicant{"Nguyễn Văn An", "0912345678", std::nullopt, std::nullopt};
    std::optional<Result<ConsoleReply>> reply;
    boost::asio::co_spawn(
        io,
        [&]() -> boost::asio::awaitable<void> {
            reply = co_await send_console_request(http, std::string("tok"), r);
        },
        boost::asio::detached);
    io.run();
    REQUIRE(reply);
    REQUIRE(*reply);
    const auto* with = std::get_if<FinishedWithDossier>(&**reply);
    REQUIRE(with != nullptr);
    CHECK(with->ticket.number == "A012");
    CHECK(with->dossier.code == kCode);
    REQUIRE(with->dossier.details);
    CHECK(with->dossier.details->applicant.name == "Nguyễn Văn An");

    const auto sent = server.requests();
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].target() == "/api/v1/counters/1/finish");
    auto body = api::parse_json(sent[0].body());
    REQUIRE(body);
    auto decoded = api::decode<api::FinishRequest>(*body);
    REQUIRE(decoded);
    CHECK(decoded->outcome == FinishOutcome::dossier_received);
    CHECK(decoded->procedure == std::optional<std::string>("HT-HN"));
    REQUIRE(decoded->applicant);
    CHECK(decoded->applicant->phone == std::optional<std::string>("0912345678"));
}
