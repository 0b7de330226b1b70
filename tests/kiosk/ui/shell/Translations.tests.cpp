#include "kiosk/ui/shell/translations.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "kiosk/ui/shell/shell_chrome.hpp"

using namespace motcua;
using namespace motcua::kiosk;
using namespace motcua::kiosk::ui;

namespace {

std::string read_table(const char* name) {
    std::ifstream in(std::string(MOTCUA_SOURCE_DIR) + "/assets/translations/" + name,
                     std::ios::binary);
    REQUIRE(in);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string without_line(std::string text, const std::string& starting_with) {
    const auto at = text.find("\n" + starting_with);
    REQUIRE(at != std::string::npos);
    const auto end = text.find('\n', at + 1);
    text.erase(at, end - at);
    return text;
}

/// "{weekday}, {day:02}" -> {"weekday", "day"}
std::set<std::string> placeholders(const std::string& s) {
    std::set<std::string> out;
    static const std::regex re(R"(\{([a-z_]+)(:[^}]*)?\})");
    for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it)
        out.insert((*it)[1]);
    return out;
}

/// True if `s` holds a combining diacritic (U+0300..U+036F): text that is not NFC.
bool has_combining_mark(const std::string& s) {
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
        const auto a = static_cast<unsigned char>(s[i]);
        const auto b = static_cast<unsigned char>(s[i + 1]);
        // U+0300..U+036F is CC 80..CD AF in UTF-8
        if ((a == 0xCC && b >= 0x80) || (a == 0xCD && b <= 0xAF)) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("every string id has a Vietnamese and an English text", "[translations]") {
    auto tables = Translations::builtin();
    INFO((tables ? "" : tables.error().message));
    REQUIRE(tables);
    for (const auto& [id, key] : EnumNames<TextId>::names) {
        INFO(key);
        CHECK_FALSE(tables->text(Language::vi, id).empty());
        CHECK_FALSE(tables->text(Language::en, id).empty());
        // Same placeholders in both, or one language would print "{counter}" literally.
        CHECK(placeholders(tables->text(Language::vi, id)) ==
              placeholders(tables->text(Language::en, id)));
        // Precomposed letters only: ImGui draws no combining marks over letters.
        CHECK_FALSE(has_combining_mark(tables->text(Language::vi, id)));
    }
}

TEST_CASE("the builtin tables are the files in assets/translations", "[translations]") {
    auto from_files = Translations::parse(read_table("vi.toml"), read_table("en.toml"));
    REQUIRE(from_files);
    auto builtin = Translations::builtin();
    REQUIRE(builtin);
    for (const auto& [id, key] : EnumNames<TextId>::names) {
        INFO(key << ": rebuild after editing the TOML (CMake re-embeds it)");
        CHECK(from_files->text(Language::vi, id) == builtin->text(Language::vi, id));
        CHECK(from_files->text(Language::en, id) == builtin->text(Language::en, id));
    }
}

TEST_CASE("the ids are unique and their keys well formed", "[translations]") {
    // One list (kiosk/ui/shell/text_ids.def) makes the enum, the count and the keys: the i-th key
    // is the i-th id's, and every id has one.
    std::set<std::string_view> keys;
    std::size_t i = 0;
    for (const auto& [id, key] : EnumNames<TextId>::names) {
        INFO(key);
        CHECK(keys.insert(key).second);
        CHECK(static_cast<std::size_t>(id) == i++);
        CHECK(key.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_.") ==
              std::string_view::npos);
        CHECK(key.front() != '.');
        CHECK(key.back() != '.');
        CHECK(key.find('.') != std::string_view::npos);
    }
    CHECK(keys.size() == kTextIdCount);
}

TEST_CASE("broken translation tables are refused, naming file and key", "[translations]") {
    const std::string vi = read_table("vi.toml");
    const std::string en = read_table("en.toml");

    SECTION("bad inputs") {
        // an English key deleted
        auto missing = Translations::parse(vi, without_line(en, "online ="));
        REQUIRE_FALSE(missing);
        CHECK(missing.error().code == ErrorCode::missing_translation);
        CHECK(missing.error().message == "en.toml: key 'connection.online' is missing");

        // a Vietnamese key deleted
        auto missing_vi = Translations::parse(without_line(vi, "pin_title ="), en);
        REQUIRE_FALSE(missing_vi);
        CHECK(missing_vi.error().message == "vi.toml: key 'admin.pin_title' is missing");

        // a key no id uses (a typo of an existing key)
        auto unknown = Translations::parse(vi + "\n[extra]\nonlin = \"x\"\n", en);
        REQUIRE_FALSE(unknown);
        CHECK(unknown.error().code == ErrorCode::unknown_translation);
        CHECK(unknown.error().message.find("extra.onlin") != std::string::npos);

        // an empty text
        std::string blank = en;
        const std::string connected = "online = \"Connected\"";
        blank.replace(blank.find(connected), connected.size(), "online = \"\"");
        auto empty = Translations::parse(vi, blank);
        REQUIRE_FALSE(empty);
        CHECK(empty.error().message.find("'connection.online' must be a non-empty string") !=
              std::string::npos);

        // a number where a text belongs
        std::string numeric = without_line(en, "name = \"motcua\"");
        numeric.replace(numeric.find("[app]"), 5, "[app]\nname = 5");
        auto wrong_type = Translations::parse(vi, numeric);
        REQUIRE_FALSE(wrong_type);
        CHECK(wrong_type.error().message.find("'app.name' must be a non-empty string") !=
              std::string::npos);

        // not TOML at all
        auto broken = Translations::parse("this is = = not toml", en);
        REQUIRE_FALSE(broken);
        CHECK(broken.error().message.rfind("vi.toml:1:", 0) == 0);
    }
}

TEST_CASE("templates fill their placeholders in both languages", "[translations]") {
    auto tables = Translations::builtin();
    REQUIRE(tables);
    const Translator vi(*tables, Language::vi);
    const Translator en(*tables, Language::en);
    const LocalDateTime monday{2026, 11, 23, 1, 7, 5, 0};
    CHECK(format_date(vi, monday) == "Thứ Hai, ngày 23/11/2026");
    CHECK(format_date(en, monday) == "Monday, 23/11/2026");
    CHECK(format_time(vi, monday) == "07:05");
    CHECK(vi.format(TextId::counter_number, fmt::arg("counter", 4)) == "Quầy số 4");
    CHECK(en.format(TextId::admin_locked, fmt::arg("seconds", 42)).find("42 seconds") !=
          std::string::npos);
    const LocalDateTime sunday{2026, 11, 22, 0, 23, 59, 0};
    CHECK(format_date(vi, sunday) == "Chủ Nhật, ngày 22/11/2026");

    SECTION("the language button names the language it switches to") {
        CHECK(vi(TextId::language_switch) == "English");
        CHECK(en(TextId::language_switch) == "Tiếng Việt");
    }
    SECTION("the mode titles of the issue") {
        CHECK(vi(TextId::mode_ticket_title) == "Lấy số thứ tự");
        CHECK(en(TextId::mode_ticket_title) == "Take a queue number");
        CHECK(vi(TextId::mode_rating_title) == "Đánh giá sự hài lòng");
        CHECK(vi(TextId::mode_counter_title) == "Quầy phục vụ");
        CHECK(vi(TextId::mode_board_title) == "Bảng hiển thị");
        CHECK(vi(TextId::mode_reports_title) == "Báo cáo");
        CHECK(vi(TextId::connection_connecting) == "Đang kết nối tới máy chủ…");
    }
}
