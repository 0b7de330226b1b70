// Dossier documents (forms 01, 02, 04, 07, Biểu II.06a) checked the way a person would: each PDF
// is rasterised with pdftoppm, its pages must have ink and keep it off the paper's edge, its text
// (pdftotext) must carry the dossier code and Vietnamese words with their diacritics, and the QR
// code on the page must decode (zbarimg) to the dossier code. Sample pages are kept in
// build/<preset>/document-samples (look at them).
#include <cairo.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "documents/forms.hpp"
#include "documents/vn_text.hpp"
#include "motcua/config.hpp"
#include "motcua/office_time.hpp"

namespace fs = std::filesystem;
using namespace motcua;

namespace {

constexpr int kDpi = 100;
// Nothing may be drawn this close to the paper's edge: every margin is wider.
constexpr double kEdgeMm = 6.0;
// A page with less ink than this share of its pixels is taken for blank.
constexpr double kMinInk = 0.002;
constexpr int kDark = 128;

// Static destructors run before LeakSanitizer's check at exit: free the font caches there, or
// the asan preset counts them as leaks.
struct ReleaseFontCachesAtExit {
    ReleaseFontCachesAtExit() = default;
    ReleaseFontCachesAtExit(const ReleaseFontCachesAtExit&) = delete;
    ReleaseFontCachesAtExit& operator=(const ReleaseFontCachesAtExit&) = delete;
    ~ReleaseFontCachesAtExit() { documents::release_font_caches(); }
};
const ReleaseFontCachesAtExit release_at_exit;

const OfficeZone& zone() {
    static const OfficeZone z = *OfficeZone::load("Asia/Ho_Chi_Minh");
    return z;
}

const WardConfig& ward() {
    static const WardConfig c = [] {
        auto loaded = load_config(fs::path(MOTCUA_SOURCE_DIR) / "assets/config/ward-demo.toml");
        REQUIRE(loaded);
        return *loaded;
    }();
    return c;
}

const Procedure& procedure(std::string_view code) {
    const Procedure* p = ward().find_procedure(code);
    REQUIRE(p != nullptr);
    return *p;
}

Day day(int y, unsigned m, unsigned d) {
    return Day{date::year{y}, date::month{m}, date::day{d}};
}
TimePoint local(Day d, int hour, int minute) {
    return zone().at_local(d, hour * 60 + minute);
}

std::string code_for(Day d, int seq) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "-%02d%02u%02u-%04d", static_cast<int>(d.year()) % 100,
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()), seq);
    std::string code = ward().unit_code;
    code += buf;
    return code;
}

// A marital-status certificate received on Monday 23 November 2026 at 09:15, due in 3 working days.
Dossier sample_dossier() {
    Dossier d;
    d.day = day(2026, 11, 23);
    d.seq = 7;
    d.code = code_for(d.day, d.seq);
    d.procedure = "HT-HN";
    d.category = "HT";
    d.received_at = local(d.day, 9, 15);
    d.due_date = day(2026, 11, 26);
    d.applicant.name = "Nguyễn Thị Thu Hường";
    d.applicant.phone = "0903 123 456";
    d.applicant.id_number = "079186001234";
    d.applicant.address =
        "Số 12 đường Lê Thánh Tôn, khu phố 3, phường Bến Thành, Thành phố Hồ Chí Minh";
    d.ticket_id = "t-7f3a";
    d.counter = 2;
    d.officer = "lan";
    d.updated_at = d.received_at;
    return d;
}

Dossier with_apology(Dossier d) {
    d.state = DossierState::in_process;
    d.apology_reason =
        "Cần xác minh thông tin tình trạng hôn nhân tại nơi cư trú trước đây của người yêu cầu "
        "(tỉnh Đắk Lắk)";
    d.new_due_date = day(2026, 12, 2);
    d.apology_at = local(day(2026, 11, 25), 10, 40);
    return d;
}

std::string run(const std::string& command, int* status = nullptr) {
    std::string out;
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    REQUIRE(pipe);
    std::array<char, 4096> buf{};
    std::size_t n = 0;
    while ((n = std::fread(buf.data(), 1, buf.size(), pipe.get())) > 0) out.append(buf.data(), n);
    const int rc = pclose(pipe.release());
    if (status != nullptr) *status = rc;
    return out;
}

std::string quoted(const fs::path& p) {
    std::string out = "'";
    out += p.string();
    out += "'";
    return out;
}

/// A temporary directory removed with its scope.
struct TempDir {
    fs::path path;
    TempDir() {
        std::random_device rd;
        path = fs::temp_directory_path() / (fmt::format("motcua-documents-{}", rd()));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

struct PageImage {
    fs::path png;
    int width = 0, height = 0;
    double ink = 0;         // share of dark pixels
    int ink_near_edge = 0;  // dark pixels closer to the paper's edge than kEdgeMm
};

PageImage measure_png(const fs::path& png) {
    PageImage page{png};
    cairo_surface_t* s = cairo_image_surface_create_from_png(png.c_str());
    REQUIRE(cairo_surface_status(s) == CAIRO_STATUS_SUCCESS);
    page.width = cairo_image_surface_get_width(s);
    page.height = cairo_image_surface_get_height(s);
    const int stride = cairo_image_surface_get_stride(s);
    const cairo_format_t format = cairo_image_surface_get_format(s);
    const unsigned char* data = cairo_image_surface_get_data(s);
    const int edge = static_cast<int>(kEdgeMm / 25.4 * kDpi);
    long dark = 0;
    for (int y = 0; y < page.height; ++y) {
        for (int x = 0; x < page.width; ++x) {
            int lum = 0;
            if (format == CAIRO_FORMAT_A8) {
                lum = 255 - data[y * stride + x];
            } else {
                const auto px = *reinterpret_cast<const std::uint32_t*>(data + y * stride + x * 4);
                lum = static_cast<int>(((px >> 16) & 0xff) + ((px >> 8) & 0xff) + (px & 0xff)) / 3;
            }
            if (lum >= kDark) continue;
            ++dark;
            if (x < edge || y < edge || x >= page.width - edge || y >= page.height - edge)
                ++page.ink_near_edge;
        }
    }
    cairo_surface_destroy(s);
    page.ink = static_cast<double>(dark) / (static_cast<double>(page.width) * page.height);
    return page;
}

bool contains(const std::string& text, std::string_view piece) {
    return text.find(piece) != std::string::npos;
}

// pdftoppm names pages NAME-1.png, or NAME-01.png when there are ten or more.
bool is_page_of(const fs::path& file, const std::string& name) {
    const std::string f = file.filename().string();
    if (file.extension() != ".png" || f.rfind(name + "-", 0) != 0) return false;
    const std::string number = f.substr(name.size() + 1, f.size() - name.size() - 1 - 4);
    return !number.empty() && number.find_first_not_of("0123456789") == std::string::npos;
}

/// A PDF as a reader sees it: its pages as images and its text.
struct Inspected {
    fs::path pdf;
    std::vector<PageImage> pages;
    std::string text;
    [[nodiscard]] std::string page_text(int page) const {
        return run(fmt::format("pdftotext -layout -f {0} -l {0} {1} - 2>&1", page, quoted(pdf)));
    }
};

Inspected inspect(const TempDir& dir, const std::string& name, const std::string& bytes) {
    Inspected out;
    out.pdf = dir.path / (name + ".pdf");
    {
        std::ofstream f(out.pdf, std::ios::binary);
        f << bytes;
    }
    REQUIRE(bytes.rfind("%PDF-", 0) == 0);
    int status = 0;
    const std::string log = run(fmt::format("pdftoppm -r {} -png {} {} 2>&1", kDpi, quoted(out.pdf),
                                            quoted(dir.path / name)),
                                &status);
    INFO(log);
    REQUIRE(status == 0);
    std::vector<fs::path> pngs;
    for (const auto& entry : fs::directory_iterator(dir.path)) {
        if (is_page_of(entry.path(), name)) pngs.push_back(entry.path());
    }
    std::sort(pngs.begin(), pngs.end());  // pdftoppm pads page numbers to the same width
    for (const auto& png : pngs) out.pages.push_back(measure_png(png));
    out.text = run(fmt::format("pdftotext -layout {} - 2>&1", quoted(out.pdf)));

    // Keep a copy in the build tree for people to look at.
    const fs::path samples = fs::path(MOTCUA_BIN_DIR).parent_path() / "document-samples";
    std::error_code ec;
    fs::create_directories(samples, ec);
    for (const auto& entry : fs::directory_iterator(samples, ec)) {
        if (is_page_of(entry.path(), name)) fs::remove(entry.path(), ec);
    }
    fs::copy_file(out.pdf, samples / out.pdf.filename(), fs::copy_options::overwrite_existing, ec);
    for (const auto& png : pngs)
        fs::copy_file(png, samples / png.filename(), fs::copy_options::overwrite_existing, ec);
    return out;
}

void check_pages(const Inspected& doc, std::size_t count, bool landscape) {
    REQUIRE(doc.pages.size() == count);
    for (const PageImage& page : doc.pages) {
        INFO(page.png.filename().string());
        // A4 at 100 dpi: 826.8 x 1169.3 pixels, rounded up.
        CHECK((landscape ? page.width > page.height : page.height > page.width));
        CHECK(std::max(page.width, page.height) == 1170);
        CHECK(std::min(page.width, page.height) == 827);
        CHECK(page.ink > kMinInk);
        CHECK(page.ink_near_edge == 0);
    }
}

std::string decode_qr(const fs::path& png) {
    int status = 0;
    std::string out =
        run(fmt::format("zbarimg --quiet --raw {} 2>/dev/null", quoted(png)), &status);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    INFO("zbarimg: " << out);
    CHECK(status == 0);
    return out;
}

}  // namespace

TEST_CASE("form 01: the receipt with its return date, code and QR code", "[documents]") {
    TempDir dir;
    const Dossier d = sample_dossier();

    SECTION("as received") {
        auto pdf = documents::receipt_pdf(d, procedure("HT-HN"), ward(), zone());
        REQUIRE(pdf);
        const Inspected doc = inspect(dir, "form-01", *pdf);
        check_pages(doc, 1, false);
        const std::string& t = doc.text;
        INFO(t);
        CHECK(contains(t, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
        CHECK(contains(t, "Độc lập - Tự do - Hạnh phúc"));
        CHECK(contains(t, "GIẤY TIẾP NHẬN HỒ SƠ"));
        CHECK(contains(t, "TRUNG TÂM PHỤC VỤ"));
        CHECK(contains(t, "PHƯỜNG BẾN THÀNH"));
        CHECK(contains(t, d.code));
        CHECK(contains(t, "Nguyễn Thị Thu Hường"));
        CHECK(contains(t, "079186001234"));
        CHECK(contains(t, "0903 123 456"));
        CHECK(contains(t, "Xác nhận tình trạng hôn nhân"));
        CHECK(contains(t, "3 ngày làm việc"));
        CHECK(contains(t, "09 giờ 15 phút, ngày 23 tháng 11 năm 2026"));
        CHECK(contains(t, "ngày 26 tháng 11 năm 2026"));
        CHECK(contains(t, "Phường Bến Thành, ngày 23 tháng 11 năm 2026"));
        CHECK(contains(t, "số thứ tự: 7"));
        CHECK(contains(t, "NGƯỜI TIẾP NHẬN HỒ SƠ"));
        CHECK(contains(t, "không thu"));
        CHECK(decode_qr(doc.pages.front().png) == d.code);
    }

    SECTION("with a fee, an apology's new date and no optional personal data") {
        Dossier late = with_apology(d);
        late.procedure = "HT-TL";
        late.applicant.phone.reset();
        late.applicant.id_number.reset();
        auto pdf = documents::receipt_pdf(late, procedure("HT-TL"), ward(), zone());
        REQUIRE(pdf);
        const Inspected doc = inspect(dir, "form-01-extended", *pdf);
        check_pages(doc, 1, false);
        const std::string& t = doc.text;
        INFO(t);
        CHECK(contains(t, "8.000 đồng"));
        CHECK(contains(
            t, "ngày 02 tháng 12 năm 2026"));  // the new date, padded as Decree 30 writes it
        CHECK(contains(t, "Hẹn trả ban đầu: 26/11/2026"));
        CHECK(contains(t, "Văn bản xin lỗi"));
        CHECK_FALSE(contains(t, "Số điện thoại"));
        CHECK_FALSE(contains(t, "CCCD"));
        CHECK(decode_qr(doc.pages.front().png) == d.code);
    }

    SECTION("bad inputs") {
        Dossier no_code = d;
        no_code.code.clear();  // nothing to print or encode
        auto r = documents::receipt_pdf(no_code, procedure("HT-HN"), ward(), zone());
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::dossier_code_missing);

        Dossier garbled = d;
        garbled.applicant.name =
            "Trần \xff\xfe Văn <b>Bình</b> & \x01 con";  // invalid UTF-8, markup, a control byte
        auto g = documents::receipt_pdf(garbled, procedure("HT-HN"), ward(), zone());
        REQUIRE(g);
        const Inspected doc = inspect(dir, "form-01-garbled", *g);
        check_pages(doc, 1, false);
        CHECK(contains(doc.text, "<b>Bình</b> &"));
        CHECK(contains(doc.text, d.code));
    }
}

TEST_CASE("form 02: the request to complete a dossier lists every missing item", "[documents]") {
    TempDir dir;
    const Dossier d = sample_dossier();
    const std::vector<std::string> missing{
        "Bản sao Giấy chứng nhận kết hôn hoặc Quyết định ly hôn đã có hiệu lực pháp luật (nếu đã "
        "kết hôn trước đây)",
        "Giấy xác nhận tình trạng hôn nhân do UBND xã nơi cư trú trước đây cấp, thời gian từ năm "
        "2015 đến năm 2020",
        "Tờ khai theo mẫu, ký ghi rõ họ tên",
    };
    const TimePoint at = local(day(2026, 11, 23), 9, 40);

    SECTION("good") {
        auto pdf =
            documents::supplement_request_pdf(d, procedure("HT-HN"), ward(), zone(), missing, at);
        REQUIRE(pdf);
        const Inspected doc = inspect(dir, "form-02", *pdf);
        check_pages(doc, 1, false);
        const std::string& t = doc.text;
        INFO(t);
        CHECK(contains(t, "PHIẾU YÊU CẦU BỔ SUNG"));
        CHECK(contains(run(fmt::format("pdfinfo {}", quoted(doc.pdf))),
                       "Title:           Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ " + d.code));
        CHECK(contains(t, d.code));
        CHECK(contains(t, "Nguyễn Thị Thu Hường"));
        CHECK(contains(t, "Tờ khai theo mẫu, ký ghi rõ họ tên."));
        CHECK(contains(t, "3. "));
        CHECK(contains(t, "NGƯỜI HƯỚNG DẪN"));
        CHECK(contains(t, "quầy số 2"));
        CHECK(decode_qr(doc.pages.front().png) == d.code);
    }

    SECTION("a long list runs onto a second page, numbered on") {
        std::vector<std::string> many;
        for (int i = 1; i <= 40; ++i)
            many.push_back(
                fmt::format("Giấy tờ chứng minh nơi cư trú số {} (bản sao có chứng thực)", i));
        auto pdf =
            documents::supplement_request_pdf(d, procedure("HT-HN"), ward(), zone(), many, at);
        REQUIRE(pdf);
        const Inspected doc = inspect(dir, "form-02-long", *pdf);
        check_pages(doc, 2, false);
        CHECK(contains(doc.page_text(2), "40. Giấy tờ chứng minh nơi cư trú số 40"));
        CHECK(contains(doc.page_text(2), "Trang 2/2"));
        CHECK(contains(doc.page_text(2), "Mã hồ sơ: " + d.code));  // a loose page says whose it is
        CHECK(decode_qr(doc.pages.front().png) == d.code);
    }

    SECTION("bad inputs") {
        // No item at all, or only blank ones: the request must name what is missing.
        for (const auto& items :
             {std::vector<std::string>{}, std::vector<std::string>{"  ", "\n"}}) {
            auto r =
                documents::supplement_request_pdf(d, procedure("HT-HN"), ward(), zone(), items, at);
            REQUIRE_FALSE(r);
            CHECK(r.error().code == ErrorCode::no_missing_items);
        }
    }
}

TEST_CASE("form 04: the apology with the reason and the new date", "[documents]") {
    TempDir dir;
    const Dossier d = with_apology(sample_dossier());

    SECTION("good") {
        auto pdf = documents::apology_pdf(d, procedure("HT-HN"), ward(), zone());
        REQUIRE(pdf);
        const Inspected doc = inspect(dir, "form-04", *pdf);
        check_pages(doc, 1, false);
        const std::string& t = doc.text;
        INFO(t);
        CHECK(contains(t, "VĂN BẢN XIN LỖI"));
        CHECK(contains(t, "Kính gửi: Ông/Bà Nguyễn Thị Thu Hường"));
        CHECK(contains(t, "Phường Bến Thành, ngày 25 tháng 11 năm 2026"));
        CHECK(contains(t, "ngày 26 tháng 11 năm 2026"));
        CHECK(contains(t, "ngày 02 tháng 12 năm 2026"));
        CHECK(contains(t, "Đắk Lắk"));
        CHECK(contains(t, "xin lỗi"));
        CHECK(contains(t, "THỦ TRƯỞNG CƠ QUAN"));
        CHECK(contains(t, d.code));
        CHECK(decode_qr(doc.pages.front().png) == d.code);
    }

    SECTION("bad inputs") {
        // A dossier without an apology has nothing to apologise for yet.
        auto r = documents::apology_pdf(sample_dossier(), procedure("HT-HN"), ward(), zone());
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::no_apology);
    }
}

namespace {

// `count` dossiers over the working days from 23 November 2026, in every state a register shows.
std::vector<Dossier> many_dossiers(int count) {
    static const std::array<const char*, 6> surnames{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ"};
    static const std::array<const char*, 5> given{"Văn Minh", "Thị Lan Anh", "Quốc Bảo", "Ngọc Ánh",
                                                  "Đức Thắng"};
    static const std::array<const char*, 5> procedures{"HT-KS", "HT-HN", "DC-XPXD", "VX-TCXH",
                                                       "HT-TL"};
    std::vector<Dossier> out;
    const Day first = day(2026, 11, 23);
    for (int i = 0; i < count; ++i) {
        Dossier d = sample_dossier();
        d.day = date::sys_days{first} + date::days{i / 25};
        d.seq = i % 25 + 1;
        d.code = code_for(d.day, d.seq);
        const Procedure& p = procedure(procedures[static_cast<std::size_t>(i) % procedures.size()]);
        d.procedure = p.code;
        d.category = p.category;
        d.received_at = local(d.day, 7 + (i % 25) / 3, (i * 7) % 60);
        d.due_date = date::sys_days{d.day} + date::days{p.legal_days};
        d.applicant.name = std::string(surnames[static_cast<std::size_t>(i) % surnames.size()]) +
                           " " + given[static_cast<std::size_t>(i) % given.size()];
        d.applicant.address = fmt::format("Số {} đường Nguyễn Huệ, phường Bến Thành", 10 + i);
        d.channel = i % 7 == 0 ? DossierChannel::online : DossierChannel::direct;
        switch (i % 4) {
            case 0:
                d.state = DossierState::returned;
                d.returned_at = zone().at_local(d.due_date, 14 * 60);
                d.result = DossierResult::on_time;
                break;
            case 1:
                d.state = DossierState::in_process;
                break;
            case 2:
                d = with_apology(d);
                d.new_due_date = date::sys_days{d.due_date} + date::days{5};
                break;
            default:
                d.state = DossierState::refused;
                break;
        }
        out.push_back(d);
    }
    return out;
}

}  // namespace

TEST_CASE("form 07: the register spans pages with its header repeated", "[documents]") {
    TempDir dir;

    SECTION("a week of 120 dossiers") {
        const auto dossiers = many_dossiers(120);
        auto pdf =
            documents::register_pdf(dossiers, ward(), zone(), day(2026, 11, 23), day(2026, 11, 27));
        REQUIRE(pdf);
        const Inspected doc = inspect(dir, "form-07", *pdf);
        REQUIRE(doc.pages.size() >= 4);
        check_pages(doc, doc.pages.size(), true);
        const std::string total = std::to_string(doc.pages.size());
        for (std::size_t i = 1; i <= doc.pages.size(); ++i) {
            const std::string page = doc.page_text(static_cast<int>(i));
            INFO("page " << i << "\n" << page);
            CHECK(contains(page, "Mã hồ sơ"));
            CHECK(contains(page, "Địa chỉ, số điện thoại"));
            CHECK(contains(page, "(11)"));
            CHECK(contains(page, fmt::format("Trang {}/{}", i, total)));
        }
        CHECK(contains(doc.page_text(1), "SỔ THEO DÕI HỒ SƠ"));
        CHECK(contains(doc.page_text(1), "Từ ngày 23/11/2026 đến ngày 27/11/2026"));
        // Every dossier once, on one line each: the code column is wide enough.
        for (const Dossier& d : dossiers) {
            INFO(d.code);
            CHECK(contains(doc.text, d.code));
        }
        CHECK(contains(doc.text, "Cấp giấy phép xây"));
        CHECK(contains(doc.text, "Từ chối"));
        CHECK(contains(doc.text, "Gia hạn"));
    }

    SECTION("only the period's dossiers, in order of receipt") {
        auto dossiers = many_dossiers(60);  // 23, 24 and 25 November
        std::reverse(dossiers.begin(), dossiers.end());
        auto pdf =
            documents::register_pdf(dossiers, ward(), zone(), day(2026, 11, 24), day(2026, 11, 24));
        REQUIRE(pdf);
        const Inspected doc = inspect(dir, "form-07-one-day", *pdf);
        check_pages(doc, doc.pages.size(), true);
        CHECK_FALSE(contains(doc.text, code_for(day(2026, 11, 23), 1)));
        CHECK_FALSE(contains(doc.text, code_for(day(2026, 11, 25), 1)));
        const auto first = doc.text.find(code_for(day(2026, 11, 24), 1));
        const auto last = doc.text.find(code_for(day(2026, 11, 24), 25));
        REQUIRE(first != std::string::npos);
        REQUIRE(last != std::string::npos);
        CHECK(first < last);
        CHECK(contains(doc.text, "Số hồ sơ: 25"));
    }

    SECTION("an empty period still gives a page that says so") {
        auto pdf =
            documents::register_pdf({}, ward(), zone(), day(2026, 11, 23), day(2026, 11, 23));
        REQUIRE(pdf);
        const Inspected doc = inspect(dir, "form-07-empty", *pdf);
        check_pages(doc, 1, true);
        CHECK(contains(doc.text, "Không có hồ sơ"));
    }

    SECTION("bad inputs") {
        // The period ends before it starts.
        auto r = documents::register_pdf({}, ward(), zone(), day(2026, 11, 27), day(2026, 11, 23));
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::bad_period);
    }
}

TEST_CASE("Biểu II.06a: the report form with its numbered columns and total", "[documents]") {
    TempDir dir;
    reports::DossierReport report;
    report.from = day(2026, 11, 1);
    report.to = day(2026, 11, 30);
    report.group_by = reports::DossierGrouping::category;
    report.as_of = zone().start_of_day(day(2026, 12, 1));
    report.office_name = ward().office_name;
    auto row = [](std::string key, std::string label, std::array<std::int64_t, 11> v) {
        reports::DossierReportRow r{std::move(key), std::move(label), {}};
        auto& c = r.counts;
        c.received_total = v[0];
        c.received_online = v[1];
        c.received_direct = v[2];
        c.carried_over = v[3];
        c.processed_total = v[4];
        c.early = v[5];
        c.on_time = v[6];
        c.late = v[7];
        c.in_process_total = v[8];
        c.in_process_not_due = v[9];
        c.in_process_overdue = v[10];
        return r;
    };
    report.rows = {row("HT", "Tư pháp - Hộ tịch", {412, 97, 301, 14, 398, 120, 271, 7, 11, 10, 1}),
                   row("DC", "Địa chính - Xây dựng - Đô thị và Môi trường",
                       {58, 6, 40, 12, 41, 9, 26, 6, 15, 12, 3}),
                   row("VX", "Văn hóa - Xã hội", {73, 11, 60, 2, 70, 31, 38, 1, 3, 3, 0}),
                   row("TK", "Trả kết quả", {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})};
    report.total = row("total", "", {543, 114, 401, 28, 509, 160, 335, 14, 29, 25, 4});
    report.total.counts.refused_or_withdrawn = 5;

    auto pdf = documents::dossier_report_pdf(report, ward(), zone());
    REQUIRE(pdf);
    const Inspected doc = inspect(dir, "bieu-ii-06a", *pdf);
    check_pages(doc, 1, true);
    const std::string& t = doc.text;
    INFO(t);
    CHECK(contains(t, "Biểu số II.06a"));
    CHECK(contains(t, "TÌNH HÌNH, KẾT QUẢ"));
    CHECK(contains(t, "THỦ TỤC HÀNH CHÍNH"));
    CHECK(contains(t, "Kỳ báo cáo: từ ngày 01/11/2026 đến ngày 30/11/2026"));
    CHECK(contains(t, "Số hồ sơ tiếp nhận"));
    CHECK(contains(t, "Số hồ sơ đã giải quyết"));
    CHECK(contains(t, "Số hồ sơ đang giải quyết"));
    CHECK(contains(t, "(13)"));
    CHECK(contains(t, "Địa chính - Xây dựng - Đô thị"));
    CHECK(contains(t, "Tổng cộng"));
    CHECK(contains(t, "đến hết ngày 30/11/2026"));
    CHECK(contains(t, "5 hồ sơ bị từ chối hoặc rút"));
    CHECK(contains(t, "NGƯỜI LẬP BIỂU"));
    // The total row carries its figures in column order.
    const auto total_at = t.find("Tổng cộng");
    REQUIRE(total_at != std::string::npos);
    const std::string total_line = t.substr(total_at, t.find('\n', total_at) - total_at);
    INFO(total_line);
    std::size_t pos = 0;
    for (const char* figure :
         {"543", "114", "401", "28", "509", "160", "335", "14", "29", "25", "4"}) {
        pos = total_line.find(figure, pos);
        CHECK(pos != std::string::npos);
        if (pos == std::string::npos) break;
        pos += std::string_view(figure).size();
    }
}

TEST_CASE("dates, money and places written as Vietnamese documents write them", "[documents]") {
    using namespace documents;
    SECTION("dates and times") {
        CHECK(long_date(day(2026, 11, 23)) == "ngày 23 tháng 11 năm 2026");
        CHECK(long_date(day(2026, 2, 5)) == "ngày 05 tháng 02 năm 2026");  // Decree 30 pads these
        CHECK(long_date(day(2026, 3, 9)) == "ngày 09 tháng 3 năm 2026");
        CHECK(short_date(day(2026, 1, 2)) == "02/01/2026");
        CHECK(clock_time(9 * 60 + 5) == "09 giờ 05 phút");
        CHECK(time_and_date(local(day(2026, 11, 23), 16, 45), zone()) ==
              "16 giờ 45 phút, ngày 23 tháng 11 năm 2026");
        // Half past midnight in the office is still the 23rd in UTC: the office's day counts.
        CHECK(short_date_time(local(day(2026, 11, 24), 0, 30), zone()) == "24/11/2026 00:30");
    }
    SECTION("money") {
        CHECK(money(0) == "0 đồng");
        CHECK(money(8000) == "8.000 đồng");
        CHECK(money(75000) == "75.000 đồng");
        CHECK(money(1234567) == "1.234.567 đồng");
    }
    SECTION("upper case and places") {
        CHECK(upper("Phường Bến Thành, đặc khu Côn Đảo") == "PHƯỜNG BẾN THÀNH, ĐẶC KHU CÔN ĐẢO");
        CHECK(place_of("Trung tâm Phục vụ hành chính công phường Bến Thành") == "Phường Bến Thành");
        CHECK(place_of("UBND xã Tân Phú") == "Xã Tân Phú");
        CHECK(place_of("Phường Sài Gòn") == "Phường Sài Gòn");
        CHECK(place_and_date("Trung tâm Phục vụ hành chính công phường Bến Thành",
                             day(2026, 11, 23)) == "Phường Bến Thành, ngày 23 tháng 11 năm 2026");
        const auto [body, place] =
            split_office_name("Trung tâm Phục vụ hành chính công phường Bến Thành");
        CHECK(body == "Trung tâm Phục vụ hành chính công");
        CHECK(place == "phường Bến Thành");
    }
    SECTION("bad inputs") {
        // No ward or commune in the name: the date stands alone.
        CHECK(place_of("Văn phòng một cửa") == "");
        CHECK(place_and_date("Văn phòng một cửa", day(2026, 11, 23)) ==
              "Ngày 23 tháng 11 năm 2026");
        // "xã hội" (social affairs) is not a commune; a unit's word at the very end names none.
        CHECK(place_of("Phòng Văn hóa - xã hội") == "");
        CHECK(place_of("Phòng Văn hóa - xã hội xã Tân Phú") == "Xã Tân Phú");
        CHECK(place_of("Trung tâm phường ") == "");
        // Invalid UTF-8 is repaired rather than passed on to pango.
        CHECK(upper("B\xffn") == "B\xef\xbf\xbdN");
    }
}
