// "Tra cứu hồ sơ" drawn by the real citizen controller in a bare ImGui context with fake
// services: the home button, the keyboard, a scanner, every notice and state, layouts in both
// languages and three display shapes, and never a name or a phone number on screen.
#include <catch2/catch.hpp>

#include "sample_dossier.hpp"
#include "ui/citizen/citizen_rig.hpp"

using namespace motcua;
using namespace motcua::kiosk;
using namespace std::chrono_literals;
using test::CitizenRig;
using test::find;
using test::kBackspace;
using test::kEnter;
using test::map_keys;
using test::scan;
using test::shows_text_containing;
using test::tap_code;
using test::tap_key;

namespace {

constexpr const char* kCode = test::kDossierCode;
/// The officers' full view of a dossier, as a misconfigured service might send to a kiosk:
/// the screens must show the public fields only.
api::DossierView full_dossier(DossierState state) {
    return test::sample_dossier(state);
}

}  // namespace

TEST_CASE("every lookup screen fits, in both languages and three display shapes", "[lookup]") {
    const ImVec2 display = GENERATE(ImVec2{1920, 1080}, ImVec2{1080, 1920}, ImVec2{1280, 800});
    const Language lang = GENERATE(Language::vi, Language::en);
    INFO(display.x << "x" << display.y << " " << to_string(lang));
    CitizenRig rig(Mode::ticket, display);
    const auto check = [&] { test::check_citizen_layout_in(rig, lang, display); };
    check();  // home, with the lookup button among the actions
    rig.tap("Tra cứu hồ sơ");
    CHECK(rig.tree.screen == "dossier_lookup");
    check();  // empty: the prompt and the example
    tap_code(rig, kCode);
    check();
    rig.tap("Tra cứu");
    check();  // searching
    REQUIRE(rig.services.lookup_done.size() == 1);
    rig.services.lookup_done[0](make_error(ErrorCode::dossier_not_found, "no dossier"));
    check();  // the longest notice, with the code
    rig.tap("Tra cứu");
    rig.services.lookup_done[1](make_error(ErrorCode::unreachable, "refused"));
    check();
    for (const DossierState state :
         {DossierState::received, DossierState::in_process, DossierState::ready,
          DossierState::returned, DossierState::supplement_requested, DossierState::refused,
          DossierState::withdrawn}) {
        INFO(to_string(state));
        rig.tap("Tra cứu");
        rig.services.lookup_done.back()(full_dossier(state));
        rig.frame();
        CHECK(rig.tree.screen == "dossier_result");
        check();
        rig.tap("Tra cứu mã khác");
        tap_code(rig, kCode);
    }
}

TEST_CASE("a code typed on the keys shows the dossier's state, never the applicant", "[lookup]") {
    CitizenRig rig(Mode::ticket, {1920, 1080});
    rig.tap("Tra cứu hồ sơ");
    CHECK(rig.tree.screen == "dossier_lookup");
    CHECK(find(rig.tree,
               "Nhập mã hồ sơ in trên giấy tiếp nhận, hoặc đưa mã vạch trên giấy vào "
               "máy quét.") != nullptr);
    CHECK(find(rig.tree, "Ví dụ: 000.17.22.H56-261123-0007") != nullptr);
    const auto* box = find(rig.tree, "Mã hồ sơ");
    REQUIRE(box != nullptr);
    CHECK(box->role == ui::A11yRole::textbox);
    CHECK_FALSE(find(rig.tree, "Tra cứu")->enabled);  // nothing typed yet
    for (const char* key : {"Q", "Z", "0", ".", "-", "Xóa", "Xóa hết", "Quay lại"})
        CHECK(find(rig.tree, key) != nullptr);

    tap_code(rig, "000.17.22.H56-261123-000");
    tap_key(rig, "9");
    rig.tap("Xóa");
    tap_key(rig, "7");
    CHECK(find(rig.tree, kCode) != nullptr);  // the typed code, big, in the box
    rig.tap("Tra cứu");
    REQUIRE(rig.services.lookups == std::vector<std::string>{kCode});
    CHECK(find(rig.tree, "Đang tra cứu hồ sơ, xin chờ trong giây lát…") != nullptr);
    CHECK_FALSE(find(rig.tree, "A")->enabled);

    rig.services.lookup_done[0](full_dossier(DossierState::in_process));
    rig.frame();
    CHECK(rig.tree.screen == "dossier_result");
    CHECK(find(rig.tree, "Đang giải quyết") != nullptr);
    CHECK(find(rig.tree, kCode) != nullptr);
    CHECK(find(rig.tree, "Xác nhận tình trạng hôn nhân") != nullptr);
    CHECK(find(rig.tree, "Thứ Hai, ngày 23/11/2026") != nullptr);  // received
    CHECK(find(rig.tree, "Thứ Năm, ngày 26/11/2026") != nullptr);  // the appointment
    CHECK(find(rig.tree, "Chưa có") != nullptr);                   // no result yet
    CHECK(find(rig.tree, "Tự động quay về sau 45 giây") != nullptr);
    // The public screen never shows who handed the dossier in.
    CHECK_FALSE(shows_text_containing(rig.tree, "Nguyễn Văn An"));
    CHECK_FALSE(shows_text_containing(rig.tree, "0912345678"));
    CHECK_FALSE(shows_text_containing(rig.tree, "lan"));

    SECTION("home after 45 s, in the kiosk's own language") {
        rig.wait(44s);
        CHECK(rig.tree.screen == "dossier_result");
        rig.wait(2s);
        CHECK(rig.tree.screen == "ticket_home");
        CHECK(rig.language_resets == 1);
    }
    SECTION("Xong goes home at once") {
        rig.tap("Xong");
        CHECK(rig.tree.screen == "ticket_home");
        CHECK(rig.language_resets == 1);
    }
    SECTION("in English") {
        rig.lang = Language::en;
        rig.frame();
        CHECK(find(rig.tree, "Being processed") != nullptr);
        CHECK(find(rig.tree, "Certificate of marital status") != nullptr);
        CHECK(find(rig.tree, "Thursday, 26/11/2026") != nullptr);
    }
}

TEST_CASE("each state of a dossier in plain words", "[lookup]") {
    struct Said {
        DossierState state;
        const char* words;
        const char* result;
    };
    const Said s = GENERATE(values<Said>({
        {DossierState::received, "Đã tiếp nhận", "Chưa có"},
        {DossierState::ready, "Đã có kết quả, mời ông/bà đến nhận", "Đã có"},
        {DossierState::returned, "Đã trả kết quả", "Đã trả ngày 25/11/2026"},
        {DossierState::supplement_requested, "Cần bổ sung hồ sơ, mời ông/bà liên hệ quầy tiếp nhận",
         "Chưa có"},
        {DossierState::refused,
         "Hồ sơ không được giải quyết, mời ông/bà liên hệ quầy để biết lý do", "Không có"},
        {DossierState::withdrawn, "Hồ sơ đã được rút", "Không có"},
    }));
    CitizenRig rig(Mode::ticket, {1280, 800});
    rig.tap("Tra cứu hồ sơ");
    tap_code(rig, kCode);
    rig.tap("Tra cứu");
    rig.services.lookup_done[0](full_dossier(s.state));
    rig.frame();
    CHECK(find(rig.tree, s.words) != nullptr);
    CHECK(find(rig.tree, s.result) != nullptr);
}

TEST_CASE("what the lookup says when nothing is found", "[lookup]") {
    CitizenRig rig(Mode::ticket, {1080, 1920});
    rig.tap("Tra cứu hồ sơ");
    SECTION("bad inputs") {
        // a ticket number is not a dossier code: said at once, nothing asked
        tap_code(rig, "A012");
        rig.tap("Tra cứu");
        CHECK(rig.services.lookups.empty());
        CHECK(find(rig.tree,
                   "Mã “A012” chưa đúng dạng mã hồ sơ. Mã hồ sơ có dạng "
                   "000.17.22.H56-261123-0007.") != nullptr);
        // the next key clears the notice
        rig.tap("Xóa hết");
        CHECK(find(rig.tree,
                   "Nhập mã hồ sơ in trên giấy tiếp nhận, hoặc đưa mã vạch trên giấy "
                   "vào máy quét.") != nullptr);
    }
    SECTION("an unknown code") {
        tap_code(rig, kCode);
        rig.tap("Tra cứu");
        rig.services.lookup_done[0](make_error(ErrorCode::dossier_not_found, "no dossier"));
        rig.frame();
        CHECK(rig.tree.screen == "dossier_lookup");
        CHECK(find(rig.tree,
                   "Không tìm thấy hồ sơ có mã này: 000.17.22.H56-261123-0007. Vui lòng kiểm tra "
                   "lại mã trên giấy tiếp nhận.") != nullptr);
        CHECK(find(rig.tree, kCode) != nullptr);  // still typed, to correct one character
    }
    SECTION("the service is down") {
        tap_code(rig, kCode);
        rig.tap("Tra cứu");
        rig.services.lookup_done[0](make_error(ErrorCode::unreachable, "connection refused"));
        rig.frame();
        CHECK(find(rig.tree,
                   "Chưa tra cứu được vì hệ thống không phản hồi. Vui lòng thử lại sau ít "
                   "phút.") != nullptr);
    }
    SECTION("the kiosk's token is refused") {
        tap_code(rig, kCode);
        rig.tap("Tra cứu");
        rig.services.lookup_done[0](make_error(ErrorCode::unauthorized, "bad token"));
        rig.frame();
        CHECK(find(rig.tree, "Kiosk này chưa tra cứu được hồ sơ. Vui lòng hỏi cán bộ tại quầy.") !=
              nullptr);
    }
    SECTION("left alone, the keyboard goes home") {
        tap_code(rig, "000");
        rig.wait(29s);
        CHECK(rig.tree.screen == "dossier_lookup");
        rig.wait(2s);
        CHECK(rig.tree.screen == "ticket_home");
    }
    SECTION("Quay lại goes home") {
        rig.tap("Quay lại");
        CHECK(rig.tree.screen == "ticket_home");
    }
}

TEST_CASE("a scanner on the home screen opens the lookup with the result", "[lookup]") {
    CitizenRig rig(Mode::ticket, {1920, 1080});
    map_keys();
    rig.frame();
    CHECK(rig.tree.screen == "ticket_home");
    scan(rig, "000.17.22.h56-261123-0007");  // some scanners send lower case
    CHECK(rig.tree.screen == "dossier_lookup");
    REQUIRE(rig.services.lookups == std::vector<std::string>{kCode});
    rig.services.lookup_done[0](full_dossier(DossierState::ready));
    rig.frame();
    CHECK(rig.tree.screen == "dossier_result");
    CHECK(find(rig.tree, "Đã có kết quả, mời ông/bà đến nhận") != nullptr);

    SECTION("a second receipt scanned on the result") {
        scan(rig, "000.17.22.H56-261123-0008");
        CHECK(rig.services.lookups.back() == "000.17.22.H56-261123-0008");
        CHECK(rig.tree.screen == "dossier_lookup");
    }
    SECTION("a physical keyboard on the lookup's screen") {
        rig.tap("Tra cứu mã khác");
        for (const char ch : std::string_view("000.17.22.H56-261123-0009x"))
            ImGui::GetIO().AddInputCharacter(static_cast<unsigned char>(ch));
        rig.frame();
        ImGui::GetIO().KeysDown[kBackspace] = true;  // the stray 'x' goes
        rig.frame();
        ImGui::GetIO().KeysDown[kBackspace] = false;
        rig.frame();
        CHECK(find(rig.tree, "000.17.22.H56-261123-0009") != nullptr);
        rig.wait(2s);  // a person, not a scanner: Enter is "Tra cứu"
        ImGui::GetIO().KeysDown[kEnter] = true;
        rig.frame();
        ImGui::GetIO().KeysDown[kEnter] = false;
        rig.frame();
        CHECK(rig.services.lookups.back() == "000.17.22.H56-261123-0009");
    }
    SECTION("bad inputs") {
        // a product's barcode scanned on the home screen: nothing happens
        rig.tap("Xong");
        scan(rig, "8935049500018");
        CHECK(rig.tree.screen == "ticket_home");
        CHECK(rig.services.lookups.size() == 1);
    }
}
