// The reports dashboard's screens drawn by their real controller in a bare ImGui context, with
// fake services: every screen and grouping in both languages at three desktop sizes, the login
// typed, the figures in Vietnamese form, tabs, periods and the custom range, exports, charts,
// paging, and each failure said.
#include <catch2/catch.hpp>

#include "ui/reports/reports_rig.hpp"

using namespace motcua;
using namespace motcua::kiosk;
using test::find;
using test::ReportsRig;
using test::shows;

namespace {

constexpr const char* kNbsp = "\xC2\xA0";
constexpr int kEnd = 302;

/// What the dashboard owes a person at a desk: the layout rules, with controls big enough to hit
/// from a chair.
void check_desktop_layout(const ui::A11yTree& tree, ImVec2 display, const ui::Theme& theme) {
    test::check_layout_rules(tree, display, theme.report_control_h);
}

/// The texts on the same line as `label` (their centres within its height), left to right.
std::vector<std::string> row_of(const ui::A11yTree& tree, std::string_view label) {
    const auto* head = find(tree, label);
    REQUIRE(head != nullptr);
    std::vector<const ui::A11yElement*> cells;
    for (const auto& e : tree.elements) {
        const float mid = e.y + e.h / 2;
        if (&e != head && e.role == ui::A11yRole::text && e.x > head->x && mid > head->y &&
            mid < head->y + head->h)
            cells.push_back(&e);
    }
    std::sort(cells.begin(), cells.end(), [](auto* a, auto* b) { return a->x < b->x; });
    std::vector<std::string> out;
    for (const auto* e : cells) out.push_back(e->label);
    return out;
}

std::string pct(const char* number) {
    return std::string(number) + kNbsp + "%";
}

}  // namespace

TEST_CASE("every dashboard screen fits, in both languages and three desktop sizes",
          "[reports_screens]") {
    const ImVec2 display = GENERATE(ImVec2{1920, 1080}, ImVec2{1366, 768}, ImVec2{1280, 800});
    const Language lang = GENERATE(Language::vi, Language::en);
    INFO(display.x << "x" << display.y << " " << to_string(lang));
    ReportsRig rig(display);
    const auto check = [&] {
        rig.lang = lang;
        check_desktop_layout(rig.frame(), display, rig.kit.theme);
        rig.lang = Language::vi;  // the test taps the Vietnamese labels
    };
    check();
    CHECK(rig.tree.screen == "reports_login");
    rig.type("hoa");
    rig.enter();
    rig.type("sai");
    rig.enter();
    rig.services.login_done.front()(make_error(ErrorCode::bad_credentials, "wrong"));
    rig.services.login_done.pop_front();
    check();  // with the refusal under the fields

    rig.type("matkhau-hoa");
    rig.enter();
    rig.services.login_done.front()(test::supervisor_login());
    rig.services.login_done.pop_front();
    check();  // loading
    rig.clock();
    rig.answer_reports();
    for (const char* tab : {"Theo lĩnh vực", "Theo quầy", "Theo cán bộ", "Theo ngày", "Theo giờ"}) {
        rig.tap(tab);
        check();
        CHECK(rig.tree.screen == "reports_table");
    }
    rig.tap("Tùy chọn");
    rig.frame();
    rig.tap("Xem");
    rig.tap("Xuất Excel");
    rig.services.export_done.front()(std::filesystem::path(
        "/home/hoa/motcua-reports/bao-cao-tat-ca-2026-11-25-2026-11-25.xlsx"));
    rig.services.export_done.pop_front();
    rig.view.connection = ConnectionState::unavailable;
    check();  // the custom fields, the saved file and the lost link all at once
    rig.view.connection = ConnectionState::online;
    rig.tap("Biểu đồ");
    check();
    CHECK(rig.tree.screen == "reports_charts");
    rig.tap("Lĩnh vực: Tất cả");
    check();
    rig.tap("Lịch hẹn");
    check();
    CHECK(rig.tree.screen == "reports_appointments");
    rig.tap("Ước tính chờ");
    check();
    CHECK(rig.tree.screen == "reports_estimates");
}

TEST_CASE("the estimates tab: the daily error against the simple rule, as a chart and a table",
          "[reports_screens]") {
    ReportsRig rig({1920, 1080});
    rig.login();
    rig.tap("Ước tính chờ");
    CHECK(rig.tree.screen == "reports_estimates");
    for (const char* words :
         {"Sai số trung bình của thời gian chờ dự kiến theo ngày", "Ước tính của hệ thống (phút)",
          "Quy tắc đơn giản (phút)", "23/11", "25/11", "Ước tính của hệ thống", "Quy tắc đơn giản",
          "Số lượt", "Sai số TB", "Lệch TB", "Trong khoảng", "Trễ quá 5 phút", "Tổng cộng"})
        CHECK(shows(rig.tree, words));
    const std::string pct = "\xC2\xA0%";
    CHECK(row_of(rig.tree, "23/11/2026") ==
          std::vector<std::string>{"120", "04:10", "+00:30", "81,7" + pct, "4,2" + pct, "10:10",
                                   "-06:40", "38,3" + pct});
    CHECK(row_of(rig.tree, "Tổng cộng")[0] == "215");

    SECTION("in English") {
        rig.lang = Language::en;
        rig.frame();
        CHECK(shows(rig.tree, "Mean error of wait estimates by day"));
        CHECK(shows(rig.tree, "Our estimate (min)"));
        CHECK(shows(rig.tree, "Simple rule (min)"));
    }
    SECTION("a failed load says why and keeps the last figures") {
        rig.tap("Làm mới");
        rig.clock();
        rig.services.estimates_done.front()(make_error(ErrorCode::unreachable, "down"));
        rig.services.estimates_done.pop_front();
        rig.frame();
        CHECK(shows(rig.tree, "215"));
    }
}

TEST_CASE("the appointments tab: a ward's bookings by category, the Vietnamese way",
          "[reports_screens]") {
    ReportsRig rig({1920, 1080});
    rig.login();
    rig.tap("Lịch hẹn");
    CHECK(rig.tree.screen == "reports_appointments");
    for (const char* words : {"Số lịch hẹn", "Đã đặt", "Đã hủy", "Đã đến", "Lỡ hẹn", "Đã phục vụ",
                              "Gọi sau giờ hẹn", "Trung vị", "P90", "Tổng cộng"})
        CHECK(shows(rig.tree, words));
    // Counts grouped with dots, punctuality as minutes:seconds, "—" where no booked ticket was
    // called.
    CHECK(row_of(rig.tree, "Tư pháp - Hộ tịch") ==
          std::vector<std::string>{"1.234", "56", "1.100", "78", "1.080", "01:35", "06:52"});
    CHECK(row_of(rig.tree, "Địa chính - Xây dựng - Đô thị và Môi trường") ==
          std::vector<std::string>{"3", "1", "0", "2", "0", "—", "—"});
    CHECK(row_of(rig.tree, "Tổng cộng")[0] == "1.237");

    SECTION("a failed load says why") {
        rig.tap("Làm mới");
        rig.clock();
        rig.services.appointments_done.front()(make_error(ErrorCode::unreachable, "down"));
        rig.services.appointments_done.pop_front();
        rig.frame();
        CHECK(shows(rig.tree, "1.234"));  // the last figures stay, under the notice
    }
}

TEST_CASE("the officer logs in and reads the figures the Vietnamese way", "[reports_screens]") {
    ReportsRig rig({1920, 1080});
    rig.frame();
    CHECK(rig.tree.screen == "reports_login");
    CHECK(shows(rig.tree, "Đăng nhập để xem báo cáo"));
    CHECK_FALSE(find(rig.tree, "Đăng nhập")->enabled);  // nothing typed yet
    rig.type("hoa");
    rig.enter();  // on to the password
    rig.type("matkhau-hoa");
    rig.enter();
    REQUIRE(rig.services.logins.size() == 1);
    CHECK(rig.services.logins[0].username == "hoa");
    CHECK(rig.services.logins[0].password == "matkhau-hoa");
    CHECK(shows(rig.frame(), "Đang đăng nhập…"));
    rig.services.login_done.front()(test::supervisor_login());
    rig.services.login_done.pop_front();
    rig.frame();
    CHECK(rig.tree.screen == "reports_table");
    CHECK(rig.services.tokens == std::vector<std::string>{"session-of-hoa"});
    CHECK(shows(rig.tree, "Đang tải báo cáo…"));
    rig.clock("2026-11-25T08:40:00+07:00");
    REQUIRE(rig.services.fetches.size() == 6);
    CHECK(rig.services.fetches[0].token == "session-of-hoa");
    CHECK(format_day(rig.services.fetches[0].period.from) == "2026-11-25");
    rig.answer_reports();

    CHECK(shows(rig.tree, "Ngày 25/11/2026 · số liệu lúc 08:40"));
    CHECK(shows(rig.tree, "Lĩnh vực"));
    CHECK(shows(rig.tree, "Thời gian chờ"));
    CHECK(row_of(rig.tree, "Tư pháp - Hộ tịch") ==
          std::vector<std::string>{"1.234", "1.180", "40", "14", "06:53", "06:11", "14:26", "24:45",
                                   "05:05", pct("81,8"), "900", pct("88,9")});
    CHECK(row_of(rig.tree, "Văn hóa - Xã hội") ==
          std::vector<std::string>{"0", "0", "0", "0", "—", "—", "—", "—", "—", "—", "0", "—"});
    CHECK(row_of(rig.tree, "Tổng cộng").front() == "1.650");

    SECTION("each tab shows its grouping") {
        rig.tap("Theo giờ");
        CHECK(shows(rig.tree, "Giờ"));
        CHECK(row_of(rig.tree, "08:00–09:00").front() == "480");
        rig.tap("Theo ngày");
        CHECK(row_of(rig.tree, "24/11/2026").front() == "520");
        rig.tap("Theo cán bộ");
        CHECK(shows(rig.tree, "Thời gian làm việc tại quầy"));
        CHECK(shows(rig.tree, "Rảnh khi có người chờ"));
        CHECK(shows(rig.tree, "28:00:00"));
        rig.tap("Theo quầy");
        CHECK(row_of(rig.tree, "Quầy 1 - Hộ tịch").front() == "900");
    }
    SECTION("English names and numbers") {
        rig.lang = Language::en;
        rig.state.ward.categories[0].name_en = "Justice - Civil status";
        rig.frame();
        CHECK(row_of(rig.tree, "Justice - Civil status").front() == "1,234");
        CHECK(shows(rig.tree, "By category"));
        CHECK(shows(rig.tree, "Total"));
    }
}

TEST_CASE("periods: the buttons, and a custom range typed and checked", "[reports_screens]") {
    ReportsRig rig({1366, 768});
    ImGui::GetIO().KeyMap[ImGuiKey_End] = kEnd;
    rig.login();
    rig.tap("Tuần này");
    REQUIRE(rig.services.clock_done.size() == 1);  // "this week" of the service's today
    rig.clock("2026-11-25T08:40:00+07:00");
    CHECK(format_day(rig.services.fetches.at(0).period.from) == "2026-11-23");
    CHECK(format_day(rig.services.fetches.at(0).period.to) == "2026-11-29");
    rig.answer_reports();
    CHECK(shows(rig.tree, "Từ 23/11/2026 đến 29/11/2026 · số liệu lúc 08:40"));

    rig.tap("Tùy chọn");
    rig.frame();
    CHECK(rig.services.clock_done.empty());  // nothing loads before the range is typed
    const auto* from = find(rig.tree, "Từ ngày");
    REQUIRE(from != nullptr);
    const auto replace = [&](std::string_view text) {
        ImGui::GetIO().KeysDown[kEnd] = true;
        rig.frame();
        ImGui::GetIO().KeysDown[kEnd] = false;
        rig.frame();
        rig.erase(12);
        rig.type(text);
    };
    // The first field has the keyboard, holding the period on screen.
    replace("29/11/2026");
    rig.enter();  // on to the second
    replace("23/11/2026");
    rig.enter();
    CHECK(shows(rig.tree, "Ngày kết thúc phải trùng hoặc sau ngày bắt đầu."));
    CHECK(rig.services.clock_done.empty());

    rig.tap_field("Từ ngày");
    replace("32/11/2026");
    rig.tap("Xem");
    CHECK(shows(rig.tree, "Ngày 32/11/2026 không có trong lịch. Hãy kiểm tra lại ngày bắt đầu."));

    rig.tap_field("Từ ngày");
    replace("2026-11-20");
    rig.tap_field("Đến ngày");
    replace("24/11/2026");
    rig.tap("Xem");
    REQUIRE(rig.services.clock_done.size() == 1);
    rig.clock();
    CHECK(format_day(rig.services.fetches.at(0).period.from) == "2026-11-20");
    CHECK(format_day(rig.services.fetches.at(0).period.to) == "2026-11-24");
    rig.answer_reports();
    CHECK(shows(rig.tree, "Từ 20/11/2026 đến 24/11/2026 · số liệu lúc 08:40"));
    CHECK_FALSE(
        shows(rig.tree, "Ngày 32/11/2026 không có trong lịch. Hãy kiểm tra lại ngày bắt đầu."));
}

TEST_CASE("exports: CSV of the grouping on screen, Excel of every grouping; the path is said",
          "[reports_screens]") {
    ReportsRig rig({1280, 800});
    rig.login();
    rig.tap("Theo giờ");
    rig.tap("Xuất CSV");
    REQUIRE(rig.services.exports.size() == 1);
    CHECK(rig.services.exports[0].format == ExportFormat::csv);
    CHECK(rig.services.exports[0].grouping == ReportGrouping::hour);
    CHECK(rig.services.exports[0].token == "session-of-hoa");
    CHECK(shows(rig.tree, "Đang xuất…"));
    CHECK_FALSE(find(rig.tree, "Xuất Excel")->enabled);  // one at a time
    rig.services.export_done.front()(
        std::filesystem::path("/home/hoa/motcua-reports/bao-cao-hour-2026-11-25-2026-11-25.csv"));
    rig.services.export_done.pop_front();
    rig.frame();
    CHECK(
        shows(rig.tree, "Đã lưu: /home/hoa/motcua-reports/bao-cao-hour-2026-11-25-2026-11-25.csv"));

    rig.tap("Xuất Excel");
    REQUIRE(rig.services.exports.size() == 2);
    CHECK(rig.services.exports[1].format == ExportFormat::xlsx);
    SECTION("a folder that cannot be written") {
        rig.services.export_done.front()(make_error(ErrorCode::save_failed, "cannot write"));
        rig.frame();
        CHECK(shows(rig.tree,
                    "Không lưu được tệp vào thư mục /home/hoa/motcua-reports. Hãy kiểm "
                    "tra quyền ghi và dung lượng ổ đĩa."));
    }
    SECTION("the service went away") {
        rig.services.export_done.front()(make_error(ErrorCode::unreachable, "refused"));
        rig.frame();
        CHECK(shows(rig.tree, "Chưa xuất được vì không kết nối được máy chủ. Vui lòng thử lại."));
    }
}

TEST_CASE("the charts: titles, legends, axes and the target line's name", "[reports_screens]") {
    ReportsRig rig({1920, 1080});
    rig.login();
    rig.tap("Biểu đồ");
    CHECK(rig.tree.screen == "reports_charts");
    for (const char* words :
         {"Phân bố thời gian chờ", "Số lượt theo giờ trong ngày", "Mức độ hài lòng theo lĩnh vực",
          "Chờ trung bình và mức hài lòng theo ngày", "Cấp số", "Đã phục vụ", "Rất hài lòng",
          "Rất không hài lòng", "Chờ trung bình (phút)", "Hài lòng (%)", "Mục tiêu TK: 10 phút",
          "Mục tiêu HT: 15 phút", "Mục tiêu DC: 20 phút", "phút", "Tư pháp - Hộ tịch", "900 lượt",
          "Chưa có đánh giá", "23/11", "08"})
        CHECK(shows(rig.tree, words));
    CHECK(shows(rig.tree, pct("100")));  // the satisfaction axis
    rig.tap("Lĩnh vực: Tất cả");
    CHECK(shows(rig.tree, "Lĩnh vực: Tư pháp - Hộ tịch"));
    CHECK(shows(rig.tree, "Trong mục tiêu"));
    CHECK(shows(rig.tree, "Quá mục tiêu"));
    CHECK(shows(rig.tree, "Mục tiêu HT: 15 phút"));
    CHECK_FALSE(shows(rig.tree, "Mục tiêu TK: 10 phút"));

    SECTION("charts say when there is nothing yet, and why") {
        rig.tap("Tuần này");  // another period: the day's figures are not the week's
        rig.clock();
        rig.frame();
        CHECK(shows(rig.tree, "Đang tải báo cáo…"));
        auto t = std::move(rig.services.turnaround_done);
        rig.services.turnaround_done.clear();
        for (auto& done : t) done(make_error(ErrorCode::unreachable, "refused"));
        rig.frame();
        CHECK(shows(rig.tree, "Không kết nối được máy chủ. Bấm Làm mới để thử lại."));
    }
}

TEST_CASE("long tables page, the total stays in view", "[reports_screens]") {
    ReportsRig rig({1280, 800});
    rig.login();
    rig.tap("Theo ngày");
    rig.tap("Tháng này");
    rig.clock();
    // A month of days answers the day grouping; the rest as usual.
    for (std::size_t i = 0; i < rig.services.fetches.size(); ++i) {
        const auto& f = rig.services.fetches[i];
        if (f.grouping != ReportGrouping::day) continue;
        TurnaroundReport month = test::sample_report(ReportGrouping::day, f.period);
        month.rows.clear();
        for (int d = 1; d <= 30; ++d) {
            const std::string key = fmt::format("2026-11-{:02}", d);
            month.rows.push_back(test::report_row(key, key, 100 + d, 90 + d, 5, 5, 300 + d, 50));
        }
        rig.services.turnaround_done.at(static_cast<std::size_t>(std::count_if(
            rig.services.fetches.begin(), rig.services.fetches.begin() + static_cast<long>(i),
            [](const auto& x) { return x.grouping.has_value(); })))(month);
    }
    rig.answer_reports();  // the others (the day grouping's answer is now stale and ignored)
    rig.frame();
    CHECK(shows(rig.tree, "01/11/2026"));
    CHECK_FALSE(shows(rig.tree, "30/11/2026"));
    CHECK(shows(rig.tree, "Tổng cộng"));
    const auto* shown = [&]() -> const ui::A11yElement* {
        for (const auto& e : rig.tree.elements)
            if (e.label.rfind("Dòng 1–", 0) == 0) return &e;
        return nullptr;
    }();
    REQUIRE(shown != nullptr);
    CHECK(shown->label.find("trên 30") != std::string::npos);
    CHECK_FALSE(find(rig.tree, "Trang trước")->enabled);
    for (int i = 0; i < 10 && find(rig.tree, "Trang sau")->enabled; ++i) rig.tap("Trang sau");
    CHECK(shows(rig.tree, "30/11/2026"));
    CHECK_FALSE(shows(rig.tree, "01/11/2026"));
    CHECK(shows(rig.tree, "Tổng cộng"));
    // Another grouping starts at its top.
    rig.tap("Theo lĩnh vực");
    rig.tap("Theo ngày");
    CHECK(shows(rig.tree, "01/11/2026"));
    // The mouse wheel over the rows moves them three at a time.
    const auto* first = find(rig.tree, "01/11/2026");
    REQUIRE(first != nullptr);
    rig.kit.harness.mouse(test::centre_of(*first), false);
    ImGui::GetIO().MouseWheel = -1;
    rig.frame();
    ImGui::GetIO().MouseWheel = 0;
    rig.frame();
    CHECK_FALSE(shows(rig.tree, "01/11/2026"));
    CHECK(shows(rig.tree, "04/11/2026"));
    CHECK_FALSE(shows(rig.tree, "03/11/2026"));
}

TEST_CASE("failures are said in plain words; an expired session returns to the login",
          "[reports_screens]") {
    ReportsRig rig({1920, 1080});
    rig.login();
    rig.tap("Làm mới");
    rig.clock();
    auto pending = std::move(rig.services.turnaround_done);
    rig.services.turnaround_done.clear();
    SECTION("the service cannot be reached: the last figures stay, the reason above them") {
        pending.front()(make_error(ErrorCode::unreachable, "refused"));
        rig.frame();
        CHECK(shows(rig.tree, "Không kết nối được máy chủ. Bấm Làm mới để thử lại."));
        CHECK(shows(rig.tree, "Tư pháp - Hộ tịch"));
    }
    SECTION("this account may not read reports") {
        pending.front()(make_error(ErrorCode::forbidden, "reports are for officers"));
        rig.frame();
        CHECK(shows(rig.tree, "Tài khoản này không được phép xem báo cáo."));
    }
    SECTION("the session expired") {
        pending.front()(make_error(ErrorCode::unauthorized, "session expired"));
        rig.frame();
        CHECK(rig.tree.screen == "reports_login");
        CHECK(shows(rig.tree, "Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại."));
    }
    SECTION("the link is lost: a band says the figures may be old") {
        rig.view.connection = ConnectionState::unavailable;
        rig.frame();
        CHECK(shows(rig.tree,
                    "Mất kết nối với máy chủ — số liệu trên màn hình có thể chưa cập nhật."));
    }
    SECTION("signing out") {
        rig.tap("Đăng xuất");
        CHECK(rig.tree.screen == "reports_login");
    }
}
