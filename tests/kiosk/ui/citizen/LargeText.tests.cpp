// Large text (issue 17, DESIGN.md §13): every citizen screen drawn by the real controller with
// the ×1.5 text, in both themes and languages, on a landscape 1920x1080 and a portrait
// 1080x1920 kiosk. Every control's words, as the a11y tree's label box measures them at full
// length, lie inside the control, and none is cut with "…". The accessibility switches are on
// every screen.
#include <catch2/catch.hpp>
#include <sstream>

#include "sample_dossier.hpp"
#include "ui/citizen/citizen_rig.hpp"

using namespace motcua;
using namespace motcua::kiosk;
using namespace std::chrono_literals;
using test::CitizenRig;
using test::find;
using test::tap_code;

namespace {

constexpr std::string_view kEllipsis = "…";
constexpr float kTolerance = 0.5F;  // rounding of fractional pixels

std::string describe(const ui::A11yElement& e) {
    std::ostringstream s;
    s << to_string(e.role) << " \"" << e.label << "\" at " << e.x << "," << e.y << " " << e.w << "x"
      << e.h;
    if (e.label_box)
        s << ", words at " << e.label_box->x << "," << e.label_box->y << " " << e.label_box->w
          << "x" << e.label_box->h;
    return s.str();
}

bool inside(const ui::A11yRect& in, const ui::A11yElement& out) {
    return in.x >= out.x - kTolerance && in.y >= out.y - kTolerance &&
           in.x + in.w <= out.x + out.w + kTolerance && in.y + in.h <= out.y + out.h + kTolerance;
}

bool overlaps(const ui::A11yElement& a, const ui::A11yElement& b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/// Every control's words fit inside it, uncut; so do the words drawn on a control.
void check_labels_fit(const ui::A11yTree& tree) {
    INFO("screen " << tree.screen);
    REQUIRE_FALSE(tree.elements.empty());
    for (const auto& e : tree.elements) {
        INFO(describe(e));
        if (e.role == ui::A11yRole::button || e.role == ui::A11yRole::checkbox) {
            REQUIRE(e.label_box.has_value());  // every control reports its words
            CHECK(inside(*e.label_box, e));
            CHECK(e.label.find(kEllipsis) == std::string::npos);
        } else if (e.role == ui::A11yRole::text) {
            // Words drawn on a button or check box (a text field may scroll its text).
            for (const auto& control : tree.elements)
                if ((control.role == ui::A11yRole::button ||
                     control.role == ui::A11yRole::checkbox) &&
                    overlaps(e, control))
                    CHECK(e.label.find(kEllipsis) == std::string::npos);
        }
    }
}

/// The three switches, in the frame's language, on every citizen screen.
void check_switches(const ui::A11yTree& tree, Language lang) {
    INFO("screen " << tree.screen);
    const bool vi = lang == Language::vi;
    for (const char* name :
         {vi ? "Hướng dẫn bằng giọng nói" : "Voice guidance",
          vi ? "Tương phản cao" : "High contrast", vi ? "Chữ lớn" : "Large text"}) {
        INFO(name);
        const auto* e = find(tree, name);
        REQUIRE(e != nullptr);
        CHECK(e->role == ui::A11yRole::button);
        CHECK(e->checked.has_value());
    }
}

struct Case {
    ImVec2 display;
    bool high_contrast;
    Language lang;
};

/// One frame checked: labels fit, the switches are there, and (the general layout rules) all on
/// screen, nothing over anything else.
void check(CitizenRig& rig, const Case& c) {
    const ui::A11yTree tree = rig.frame();
    check_labels_fit(tree);
    check_switches(tree, c.lang);
    test::check_citizen_layout(tree, c.display, rig.kit.theme);
}

void visit_ticket_kiosk(CitizenRig& rig, const Case& c) {
    const bool vi = c.lang == Language::vi;
    check(rig, c);
    CHECK(rig.tree.screen == "ticket_home");
    rig.tap(vi ? "Tôi thuộc diện ưu tiên" : "I am entitled to priority");
    CHECK(rig.tree.screen == "ticket_priority");
    check(rig, c);
    rig.tap(vi ? "Người cao tuổi (từ 60 tuổi)" : "Elderly (60 or older)");
    check(rig, c);  // home with the chosen group
    rig.tap(vi ? "Văn hóa - Xã hội" : "Culture - Social affairs");
    check(rig, c);  // issuing: tiles disabled
    REQUIRE(rig.services.issue_done.size() == 1);
    rig.services.issue_done[0](test::sample_ticket("C001", "VX"));
    rig.frame();
    CHECK(rig.tree.screen == "ticket_issued");
    check(rig, c);
    REQUIRE(rig.services.print_done.size() == 1);
    CHECK(find(rig.tree, vi ? "Đang in phiếu…" : "Printing your ticket…") != nullptr);
    rig.services.print_done[0](make_error(ErrorCode::printer_unavailable, "no paper"));
    check(rig, c);  // "remember your number"
    CHECK(find(rig.tree, vi ? "Máy in đang gặp sự cố, chưa in được phiếu."
                            : "The printer has a problem; your ticket could not be printed.") !=
          nullptr);
    rig.tap(vi ? "Xong" : "Done");
    rig.tap(vi ? "Đánh giá dịch vụ" : "Rate our service");
    CHECK(rig.tree.screen == "rate_keypad");
    check(rig, c);
    rig.tap("C");
    rig.tap("1");
    check(rig, c);
    rig.tap(vi ? "Tiếp tục" : "Continue");
    CHECK(rig.tree.screen == "rating_levels");
    check(rig, c);
    rig.tap(vi ? "Không hài lòng" : "Dissatisfied");
    CHECK(rig.tree.screen == "rating_reasons");
    rig.tap(vi ? "Chờ quá lâu" : "Waited too long");
    check(rig, c);
    rig.tap(vi ? "Gửi đánh giá" : "Send rating");
    CHECK(rig.tree.screen == "rating_sending");
    check(rig, c);
    RatingAnswer already;
    already.verdict = RatingVerdict::already_rated;
    rig.services.rating_done.back()(already);
    rig.frame();
    CHECK(rig.tree.screen == "rating_thanks");
    check(rig, c);
}

void visit_lookup(CitizenRig& rig, const Case& c) {
    const bool vi = c.lang == Language::vi;
    rig.frame();
    rig.tap(vi ? "Tra cứu hồ sơ" : "Look up a dossier");
    CHECK(rig.tree.screen == "dossier_lookup");
    check(rig, c);
    tap_code(rig, test::kDossierCode);
    check(rig, c);
    const char* submit = vi ? "Tra cứu" : "Look up";
    rig.tap(submit);
    check(rig, c);  // searching
    REQUIRE(rig.services.lookup_done.size() == 1);
    rig.services.lookup_done[0](make_error(ErrorCode::dossier_not_found, "no dossier"));
    check(rig, c);  // the longest notice
    for (const DossierState state :
         {DossierState::ready, DossierState::supplement_requested, DossierState::refused}) {
        INFO(to_string(state));
        rig.tap(submit);
        rig.services.lookup_done.back()(test::sample_dossier(state));
        rig.frame();
        CHECK(rig.tree.screen == "dossier_result");
        check(rig, c);
        rig.tap(vi ? "Tra cứu mã khác" : "Look up another code");
        tap_code(rig, test::kDossierCode);
    }
}

void visit_check_in(CitizenRig& rig, const Case& c) {
    const bool vi = c.lang == Language::vi;
    rig.frame();
    rig.tap(vi ? "Tôi đã đặt lịch hẹn" : "I have an appointment");
    CHECK(rig.tree.screen == "appointment_check_in");
    check(rig, c);
    tap_code(rig, "K7PM3QX9");
    rig.tap(vi ? "Xác nhận" : "Check in");
    CheckInAnswer missed;
    missed.ticket = make_error(ErrorCode::missed, "missed");
    REQUIRE_FALSE(rig.services.check_in_done.empty());
    rig.services.check_in_done.back()(missed);
    check(rig, c);  // the notice beside "Lấy số thường"
}

void visit_rating_pad(CitizenRig& rig, const Case& c) {
    const bool vi = c.lang == Language::vi;
    check(rig, c);
    CHECK(rig.tree.screen == "rating_idle");
    rig.screens->on_event(test::finished_event(1));
    check(rig, c);
    CHECK(rig.tree.screen == "rating_levels");
    rig.tap(std::string(vi ? rating_label_vi(1) : rating_label_en(1)));
    CHECK(rig.tree.screen == "rating_reasons");
    check(rig, c);
    rig.tap(vi ? "Gửi đánh giá" : "Send rating");
    rig.services.rating_done.back()(RatingAnswer{});
    rig.frame();
    check(rig, c);
    CHECK(rig.tree.screen == "rating_thanks");
}

Case the_case() {
    const ImVec2 display = GENERATE(ImVec2{1920, 1080}, ImVec2{1080, 1920});
    const bool high_contrast = GENERATE(false, true);
    const Language lang = GENERATE(Language::vi, Language::en);
    return {display, high_contrast, lang};
}

/// A citizen rig of `mode` in large text, in the case's palette, shape and language.
std::unique_ptr<CitizenRig> rig_for(Mode mode, const Case& c) {
    auto rig = std::make_unique<CitizenRig>(mode, c.display, true,
                                            ui::ThemeVariant{c.high_contrast, true});
    rig->lang = c.lang;
    return rig;
}

}  // namespace

TEST_CASE("large text: every ticket kiosk label fits its button, both themes, both shapes",
          "[large_text]") {
    const Case c = the_case();
    INFO(c.display.x << "x" << c.display.y << (c.high_contrast ? " high contrast " : " ")
                     << to_string(c.lang));
    const auto rig_owner = rig_for(Mode::ticket, c);
    CitizenRig& rig = *rig_owner;
    visit_ticket_kiosk(rig, c);
}

TEST_CASE("large text: the dossier lookup and check-in fit, both themes, both shapes",
          "[large_text]") {
    const Case c = the_case();
    INFO(c.display.x << "x" << c.display.y << (c.high_contrast ? " high contrast " : " ")
                     << to_string(c.lang));
    const auto rig_owner = rig_for(Mode::ticket, c);
    CitizenRig& rig = *rig_owner;
    visit_lookup(rig, c);
    rig.tap(c.lang == Language::vi ? "Quay lại" : "Back");
    visit_check_in(rig, c);
}

TEST_CASE("large text: the rating pad fits, both themes, both shapes", "[large_text]") {
    const Case c = the_case();
    INFO(c.display.x << "x" << c.display.y << (c.high_contrast ? " high contrast " : " ")
                     << to_string(c.lang));
    const auto rig_owner = rig_for(Mode::rating, c);
    CitizenRig& rig = *rig_owner;
    visit_rating_pad(rig, c);
}

TEST_CASE("the check finds a label that does not fit its button", "[large_text]") {
    // A button far too narrow for its words: the label box says so, and the label is cut.
    CitizenRig rig(Mode::ticket, {1920, 1080}, true, ui::ThemeVariant{false, true});
    ui::A11yTree tree = rig.kit.frame(Language::vi, rig.actions, [](ui::UiFrame& ui) {
        ui::button(ui, "##narrow", ui::Box{{100, 100}, {300, 100 + ui.theme.touch_target}},
                   "Hướng dẫn bằng giọng nói");
    });
    REQUIRE(tree.elements.size() == 1);
    const auto& e = tree.elements[0];
    REQUIRE(e.label_box);
    CHECK_FALSE(inside(*e.label_box, e));
    CHECK(e.label.find(kEllipsis) != std::string::npos);
    CHECK(e.label_box->w > e.w);
}
