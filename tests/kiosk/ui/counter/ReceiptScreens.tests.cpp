// The counter console's dossier screens drawn by the real controller in a bare ImGui context with
// fake services: the receipt form (procedures in pages, the due date, typing the applicant), the
// receipt with its printing, the return of a result, in both languages and four display shapes.
#include <catch2/catch.hpp>

#include "kiosk/ui/counter/console_text.hpp"
#include "sample_dossier.hpp"
#include "ui/counter/counter_rig.hpp"

using namespace motcua;
using namespace motcua::kiosk;
using namespace std::chrono_literals;
using test::at_counter;
using test::CounterRig;
using test::find;
using test::shows;

namespace {

using MaybeTicket = std::optional<api::TicketView>;
constexpr const char* kCode = test::kDossierCode;

bool shows_starting(const ui::A11yTree& tree, std::string_view start) {
    for (const auto& e : tree.elements)
        if (e.label.starts_with(start)) return true;
    return false;
}

/// Types Vietnamese text as the platform hands it to ImGui: one character (code point) at a
/// time, a frame each, after one frame for a focus given by the screen to take hold.
void type_vi(CounterRig& rig, std::string_view text) {
    rig.frame();
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t n = 1;
        while (i + n < text.size() && (static_cast<unsigned char>(text[i + n]) & 0xC0U) == 0x80U)
            ++n;
        ImGui::GetIO().AddInputCharactersUTF8(std::string(text.substr(i, n)).c_str());
        rig.frame();
        i += n;
    }
}

/// The demo ward's procedures, as GET /procedures lists them.
std::vector<api::ProcedureInfo> ward_procedures() {
    std::vector<api::ProcedureInfo> out;
    for (const auto& p : test::demo_ward().procedures)
        out.push_back({p.code, p.name_vi, p.category, p.legal_days, p.cutoff_minutes, p.fee});
    return out;
}

api::DossierView received_dossier() {
    return test::sample_dossier(DossierState::received);
}

/// Logged in, A012 at the desk, "Tiếp nhận hồ sơ" chosen: the form with the ward's procedures.
void open_form(CounterRig& rig) {
    rig.login_and_open();
    REQUIRE_FALSE(rig.services.procedures.empty());  // asked at login
    rig.services.procedures.front()(ward_procedures());
    rig.services.procedures.pop_front();
    rig.press(KeyPress::function(1));
    rig.answer(ConsoleReply{MaybeTicket(at_counter("t1", "A012", TicketState::called))});
    rig.press(KeyPress::function(6));
    rig.press(KeyPress::digit(2));
}

}  // namespace

TEST_CASE("every dossier screen of the console fits, in both languages and four shapes",
          "[receipt_screens]") {
    const ImVec2 display =
        GENERATE(ImVec2{1920, 1080}, ImVec2{1366, 768}, ImVec2{1280, 800}, ImVec2{1080, 1920});
    const Language lang = GENERATE(Language::vi, Language::en);
    INFO(display.x << "x" << display.y << " " << to_string(lang));
    CounterRig rig(display);
    const auto check = [&] { test::check_citizen_layout_in(rig, lang, display); };
    rig.login_and_open();
    rig.press(KeyPress::function(1));
    rig.answer(ConsoleReply{MaybeTicket(at_counter("t1", "A012", TicketState::called))});
    rig.press(KeyPress::function(6));
    rig.press(KeyPress::digit(2));
    CHECK(rig.tree.screen == "counter_dossier");
    check();  // the procedures still loading
    rig.services.procedures.front()(make_error(ErrorCode::unreachable, "refused"));
    check();  // could not load: Thử lại
    rig.tap("Thử lại");
    rig.services.procedures.back()(ward_procedures());
    check();
    rig.tap("Xác nhận tình trạng hôn nhân");
    check();  // the due date on its way
    rig.services.due_dates.back()(api::DueDatePreview{
        "HT-HN", *parse_rfc3339("2026-11-23T08:02:00+07:00"), *parse_day("2026-11-26")});
    rig.tap_field("Họ tên người nộp hồ sơ");
    type_vi(rig, "Nguyễn Văn An");
    check();
    rig.tap("Tiếp nhận");
    rig.answer(make_error(ErrorCode::not_at_counter, "the longest message"));
    check();
    rig.tap("Tiếp nhận");
    rig.answer(ConsoleReply{
        FinishedWithDossier{at_counter("t1", "A012", TicketState::done), received_dossier()}});
    CHECK(rig.tree.screen == "counter_receipt");
    check();  // printing
    rig.services.receipts.back()(make_error(ErrorCode::printer_timeout, "no answer"));
    check();  // the longest print line
    rig.tap("Xong (Enter)");
    rig.press(KeyPress::function(1));
    rig.answer(ConsoleReply{MaybeTicket(at_counter("t2", "A013", TicketState::called))});
    rig.press(KeyPress::function(6));
    rig.press(KeyPress::digit(6));
    CHECK(rig.tree.screen == "counter_return");
    check();
    rig.type("A013");
    rig.enter();
    check();  // not a dossier code
}

TEST_CASE("the officer receives a dossier and its receipt prints", "[receipt_screens]") {
    CounterRig rig({1920, 1080});
    open_form(rig);
    CHECK(rig.tree.screen == "counter_dossier");
    CHECK(shows(rig.tree, "Tiếp nhận hồ sơ của số A012"));
    CHECK(shows(rig.tree, "Chọn thủ tục để xem ngày hẹn trả kết quả."));
    // The ticket's category (HT) first: its six procedures on the first page, the others after.
    for (const char* name : {"Đăng ký khai sinh", "Đăng ký kết hôn", "Đăng ký khai tử",
                             "Cấp bản sao trích lục hộ tịch", "Xác nhận tình trạng hôn nhân",
                             "Chứng thực bản sao từ bản chính"})
        CHECK(shows(rig.tree, name));
    CHECK_FALSE(shows(rig.tree, "Trợ cấp xã hội hằng tháng"));
    CHECK(shows_starting(rig.tree, "Trang 1/"));
    CHECK_FALSE(find(rig.tree, "Trang trước")->enabled);
    while (!shows(rig.tree, "Trợ cấp xã hội hằng tháng")) rig.tap("Trang sau");
    CHECK_FALSE(shows(rig.tree, "Đăng ký khai sinh"));
    CHECK_FALSE(find(rig.tree, "Trang sau")->enabled);
    while (!shows(rig.tree, "Đăng ký khai sinh")) rig.tap("Trang trước");

    rig.tap("Xác nhận tình trạng hôn nhân");
    REQUIRE(rig.services.due_dates_asked.size() == 1);
    CHECK(rig.services.due_dates_asked[0].what == "HT-HN");
    CHECK(rig.services.due_dates_asked[0].token == "session-of-lan");
    CHECK(shows(rig.tree, "Đang tính ngày hẹn trả kết quả…"));
    rig.services.due_dates[0](api::DueDatePreview{
        "HT-HN", *parse_rfc3339("2026-11-23T08:02:00+07:00"), *parse_day("2026-11-26")});
    rig.frame();
    CHECK(shows(rig.tree, "Ngày hẹn trả kết quả: Thứ Năm, ngày 26/11/2026 · 3 ngày làm việc"));

    // The name has the keyboard after a procedure is chosen; Enter moves to the phone, whose
    // field takes digits only; Enter there receives the dossier.
    type_vi(rig, "Nguyễn Văn An");
    rig.enter();
    rig.type("09 12-34.5678");
    rig.enter();
    REQUIRE_FALSE(rig.services.sent.empty());
    const ConsoleRequest& r = rig.services.sent.back().request;
    CHECK(r.action == ConsoleAction::finish);
    CHECK(r.outcome == FinishOutcome::dossier_received);
    CHECK(r.procedure == std::optional<std::string>("HT-HN"));
    REQUIRE(r.applicant);
    CHECK(r.applicant->name == "Nguyễn Văn An");
    CHECK(r.applicant->phone == std::optional<std::string>("0912345678"));
    CHECK(shows(rig.frame(), "Đang gửi yêu cầu…"));

    rig.answer(ConsoleReply{
        FinishedWithDossier{at_counter("t1", "A012", TicketState::done), received_dossier()}});
    CHECK(rig.tree.screen == "counter_receipt");
    CHECK(shows(rig.tree, "Đã tiếp nhận hồ sơ của số A012"));
    const auto* code = find(rig.tree, kCode);
    REQUIRE(code != nullptr);
    CHECK(code->h >= 60);  // big: read aloud to the citizen
    CHECK(shows(rig.tree, "Hẹn trả kết quả: Thứ Năm, ngày 26/11/2026"));
    CHECK(shows(rig.tree, "Thủ tục: Xác nhận tình trạng hôn nhân"));
    CHECK(shows(rig.tree, "Người nộp: Nguyễn Văn An"));
    CHECK(shows(rig.tree, "Đang in giấy tiếp nhận và hẹn trả kết quả…"));
    REQUIRE(rig.services.receipts_asked.size() == 1);
    CHECK(rig.services.receipts_asked[0].what == kCode);
    CHECK(rig.services.receipts_asked[0].token == "session-of-lan");
    CHECK_FALSE(find(rig.tree, "In lại")->enabled);  // while printing

    SECTION("printed") {
        rig.services.receipts[0](Ok{});
        rig.frame();
        CHECK(shows(rig.tree, "Đã in giấy tiếp nhận và hẹn trả kết quả. Mời trao cho công dân."));
        rig.tap("In lại");
        CHECK(rig.services.receipts_asked.size() == 2);
    }
    SECTION("the printer failed: said with its name, and In lại tries again") {
        rig.services.receipts[0](make_error(ErrorCode::printer_unavailable, "connection refused"));
        rig.frame();
        CHECK(shows(rig.tree,
                    "Máy in tcp://10.0.0.9:9100 chưa in được giấy tiếp nhận. Kiểm tra máy in "
                    "(nguồn, giấy, cáp) rồi bấm In lại."));
        rig.tap("In lại");
        CHECK(rig.services.receipts_asked.size() == 2);
    }
    SECTION("Xong (Enter) goes back to the desk") {
        rig.enter();
        CHECK(rig.tree.screen == "counter_console");
    }
    SECTION("F1 calls the next citizen from the receipt") {
        rig.press(KeyPress::function(1));
        CHECK(rig.tree.screen == "counter_console");
        CHECK(rig.services.sent.back().request.action == ConsoleAction::call_next);
    }
}

TEST_CASE("the receipt form says what is missing, in the officer's words", "[receipt_screens]") {
    CounterRig rig({1280, 800});
    open_form(rig);
    SECTION("bad inputs") {
        // nothing chosen, nothing typed
        rig.tap("Tiếp nhận");
        CHECK(shows(rig.tree, "Vui lòng chọn thủ tục của hồ sơ."));
        rig.tap("Đăng ký khai sinh");
        // no name
        rig.tap("Tiếp nhận");
        CHECK(shows(rig.tree, "Vui lòng nhập họ tên người nộp hồ sơ."));
        type_vi(rig, "Trần Thị Bình");  // the name field has the keyboard again
        // a phone number too short
        rig.tap_field("Số điện thoại (không bắt buộc)");
        rig.type("0912");
        rig.tap("Tiếp nhận");
        CHECK(shows(rig.tree, "Số điện thoại chỉ gồm chữ số, từ 8 đến 15 số."));
        CHECK(rig.services.sent.size() == 2);  // open, call: nothing finished
        CHECK(rig.tree.screen == "counter_dossier");
    }
    SECTION("the service refuses: said, and the form stays") {
        rig.tap("Đăng ký khai sinh");
        type_vi(rig, "Trần Thị Bình");
        rig.enter();
        rig.type("0912345678");
        rig.enter();
        REQUIRE(rig.services.sent.size() == 3);
        rig.answer(make_error(ErrorCode::unknown_procedure, "no procedure 'HT-KS'"));
        CHECK(
            shows(rig.tree, "Thủ tục này không còn trong danh mục của phường. Vui lòng chọn lại."));
        CHECK(rig.tree.screen == "counter_dossier");
    }
    SECTION("Esc goes back to the outcomes with nothing sent") {
        rig.tap("Đăng ký khai sinh");
        type_vi(rig, "Trần Thị Bình");
        rig.press(KeyPress::escape());
        CHECK(rig.tree.screen == "counter_finish");
        CHECK(rig.services.sent.size() == 2);
        rig.press(KeyPress::digit(2));  // a new form: the fields are empty again
        rig.tap("Đăng ký khai sinh");
        rig.tap("Tiếp nhận");
        CHECK(shows(rig.tree, "Vui lòng nhập họ tên người nộp hồ sơ."));
    }
}

TEST_CASE("a result is returned by the code typed or scanned", "[receipt_screens]") {
    CounterRig rig({1366, 768});
    rig.login_and_open();
    rig.press(KeyPress::function(1));
    rig.answer(ConsoleReply{MaybeTicket(at_counter("t1", "A012", TicketState::called))});
    rig.press(KeyPress::function(6));
    rig.press(KeyPress::digit(6));
    CHECK(rig.tree.screen == "counter_return");
    CHECK(shows(rig.tree, "Trả kết quả cho số A012"));
    const auto* field = find(rig.tree, "Mã hồ sơ");
    REQUIRE(field != nullptr);

    // A scanner types into the field (it has the keyboard) and presses Enter.
    rig.type("000.17.22.h56-261123-0007");
    rig.enter();
    CHECK(shows(rig.frame(), "Đang gửi yêu cầu…"));
    REQUIRE_FALSE(rig.services.sent.empty());
    CHECK(rig.services.sent.back().request.outcome == FinishOutcome::result_returned);
    CHECK(rig.services.sent.back().request.dossier == std::optional<std::string>(kCode));
    rig.answer(make_error(ErrorCode::dossier_not_found, "no dossier"));
    CHECK(shows(rig.tree, "Không tìm thấy hồ sơ có mã 000.17.22.H56-261123-0007."));
    CHECK(rig.tree.screen == "counter_return");

    rig.tap("Trả kết quả (Enter)");
    rig.answer(make_error(ErrorCode::dossier_closed, "already returned"));
    CHECK(shows(rig.tree,
                "Hồ sơ 000.17.22.H56-261123-0007 đã trả kết quả hoặc đã kết thúc trước đó."));

    rig.tap("Trả kết quả (Enter)");
    rig.answer(ConsoleReply{MaybeTicket(at_counter("t1", "A012", TicketState::done))});
    CHECK(rig.tree.screen == "counter_console");
    CHECK(shows(rig.tree, "Đã ghi nhận trả kết quả hồ sơ 000.17.22.H56-261123-0007."));
}

TEST_CASE("every dossier message reads whole in both languages", "[receipt_screens]") {
    auto tables = ui::Translations::builtin();
    REQUIRE(tables);
    for (const Language lang : {Language::vi, Language::en}) {
        const ui::Translator tr(*tables, lang);
        for (const ReceiptPrint p :
             {ReceiptPrint::no_printer, ReceiptPrint::printing, ReceiptPrint::printed,
              ReceiptPrint::download_failed, ReceiptPrint::printer_failed}) {
            const std::string text = ui::receipt_print_text(tr, p, "file:/tmp/r");
            CHECK_FALSE(text.empty());
            CHECK(text.find('{') == std::string::npos);
        }
    }
}
