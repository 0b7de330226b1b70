#include "motcua/config.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace motcua;

namespace {

const std::string kMinimal = R"(
[office]
name = "Phường Thử"
unit_code = "000.00.00.X01"
admin_pin = "1234"

[[categories]]
code = "HT"
name_vi = "Tư pháp - Hộ tịch"
name_en = "Justice"
prefix = "A"

[[counters]]
number = 1
categories = ["HT"]
)";

// Replaces the first occurrence of `from` in the minimal config.
std::string with(std::string from, const std::string& to) {
    std::string text = kMinimal;
    const auto pos = text.find(from);
    REQUIRE(pos != std::string::npos);
    text.replace(pos, from.size(), to);
    return text;
}

std::string error_of(const std::string& text) {
    auto r = parse_config(text, "ward.toml");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::invalid_config);
    CHECK(r.error().message.find('\n') == std::string::npos);  // one line
    return r.error().message;
}

}  // namespace

TEST_CASE("the demo ward config loads with its categories, counters and policies", "[config]") {
    auto cfg = load_config(MOTCUA_SOURCE_DIR "/assets/config/ward-demo.toml");
    REQUIRE(cfg.ok());
    CHECK(cfg->time_zone == "Asia/Ho_Chi_Minh");
    REQUIRE(cfg->find_category("HT") != nullptr);
    CHECK(cfg->find_category("HT")->name_vi == "Tư pháp - Hộ tịch");
    REQUIRE(cfg->find_category("DC") != nullptr);
    CHECK(cfg->find_category("DC")->name_vi == "Địa chính - Xây dựng - Đô thị và Môi trường");
    REQUIRE(cfg->find_category("VX") != nullptr);
    CHECK(cfg->counters.size() >= 4);
    CHECK(cfg->hours.size() == 2);
    CHECK(cfg->hours[0].open == 7 * 60 + 30);
    CHECK(cfg->stop_issuing_at == 16 * 60 + 45);
    CHECK(cfg->priority.normal_per_priority == 2);
    CHECK(cfg->priority.max_normal_wait_s == 30 * 60);
    CHECK(cfg->priority.reasons.size() == 4);
    CHECK(cfg->scale == SatisfactionScale::five_level);
    CHECK(cfg->voice.repeat == 2);
    CHECK(cfg->voice.call_template == "Mời công dân có số {number} đến quầy số {counter}");
    REQUIRE(cfg->find_procedure("HT-KS") != nullptr);
    CHECK(cfg->find_procedure("HT-KS")->cutoff_minutes == 15 * 60);
    CHECK(cfg->find_procedure("HT-TL")->fee == 8000);
    // counters overlap: some category is served by more than one counter
    int serving_ht = 0;
    for (const auto& c : cfg->counters)
        for (const auto& code : c.categories) serving_ht += code == "HT";
    CHECK(serving_ht >= 2);
}

TEST_CASE("a minimal config gets sensible defaults", "[config]") {
    auto cfg = parse_config(kMinimal, "ward.toml");
    REQUIRE(cfg.ok());
    CHECK(cfg->time_zone == "Asia/Ho_Chi_Minh");
    CHECK(cfg->categories[0].target_wait_s == 15 * 60);
    CHECK(cfg->counters[0].name == "Quầy 1");
    CHECK_FALSE(cfg->stop_issuing_at.has_value());
}

TEST_CASE("a broken config names file, line and key in one line", "[config]") {
    SECTION("bad inputs") {
        // wrong type: number where a string is expected (line 4)
        CHECK(error_of(with("name = \"Phường Thử\"", "name = 42")) ==
              "ward.toml:3: key 'office.name': expected a string, got an integer");
        // unknown key: a typo must not pass silently
        CHECK(error_of(with("admin_pin = \"1234\"", "admin_pin = \"1234\"\nadmin_pn = \"9\"")) ==
              "ward.toml:6: key 'office.admin_pn': unknown key (check the spelling)");
        // counter refers to a category that does not exist
        CHECK(error_of(with("categories = [\"HT\"]", "categories = [\"XX\"]")) ==
              "ward.toml:15: key 'counters[0].categories[0]': unknown category 'XX'");
        // missing required key: reported at its table
        CHECK(error_of(with("code = \"HT\"\n", "")) ==
              "ward.toml:7: key 'categories[0].code': missing (expected a string)");
        // out of range
        CHECK(error_of(with("number = 1", "number = 0")) ==
              "ward.toml:14: key 'counters[0].number': 0 is out of range 1..999");
        // unknown time zone
        CHECK(error_of(with("admin_pin", "time_zone = \"Mars/Base\"\nadmin_pin"))
                  .find("ward.toml:5: key 'office.time_zone': unknown time zone 'Mars/Base'") == 0);
        // TOML syntax error
        CHECK(error_of(with("prefix = \"A\"", "prefix = \"A")).rfind("ward.toml:11:", 0) == 0);
        // a unit code that dossier codes, the kiosk keyboard and scanners cannot carry
        CHECK(error_of(with("unit_code = \"000.00.00.X01\"", "unit_code = \"000 17 h56\"")) ==
              "ward.toml:4: key 'office.unit_code': '000 17 h56' is not a unit code: capitals, "
              "digits and dots, "
              "1 to 32 (e.g. \"000.17.22.H56\")");
        // a syntax error quoting a newline stays on one line (error_of checks it)
        CHECK(error_of(with("admin_pin = \"1234\"", "admin_pin = \"1234\"\nflag = t\n"))
                  .find("\\n") != std::string::npos);
        // a voice template that would not say the number
        CHECK(error_of(kMinimal + "[voice]\ncall_template = \"Mời quý khách\"\n")
                  .find("key 'voice.call_template': must contain {number}") != std::string::npos);
        // bad time of day
        CHECK(error_of(with("admin_pin", "stop_issuing_at = \"25:00\"\nadmin_pin"))
                  .rfind("ward.toml:5: key 'office.stop_issuing_at':", 0) == 0);
    }
    SECTION("missing file") {
        auto r = load_config("/nonexistent/ward.toml");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message == "/nonexistent/ward.toml: cannot read the config file");
    }
}

TEST_CASE("appointments: off unless configured; every setting read and bounded", "[config]") {
    auto plain = parse_config(kMinimal, "ward.toml");
    REQUIRE(plain.ok());
    CHECK_FALSE(plain->appointments.enabled);
    CHECK(plain->appointments.per_client_per_hour == 10);
    auto set = parse_config(kMinimal + R"(
[appointments]
slot_min = 20
horizon_days = 7
early_checkin_min = 20
late_grace_min = 10
per_phone_per_day = 1
per_client_per_hour = 0
retain_days = 60
)",
                            "ward.toml");
    REQUIRE(set.ok());
    const AppointmentSettings& a = set->appointments;
    CHECK(a.enabled);  // the section turns bookings on unless it says otherwise
    CHECK(a.slot_min == 20);
    CHECK(a.horizon_days == 7);
    CHECK(a.early_checkin_min == 20);
    CHECK(a.late_grace_min == 10);
    CHECK(a.per_phone_per_day == 1);
    CHECK(a.per_client_per_hour == 0);  // no limit
    CHECK(a.retain_days == 60);
    CHECK(error_of(kMinimal + "[appointments]\nper_client_per_hour = -1\n")
              .find("key 'appointments.per_client_per_hour': -1 is out of range 0..100000") !=
          std::string::npos);
    CHECK(
        error_of(kMinimal + "[appointments]\nslot_min = 2\n").find("key 'appointments.slot_min'") !=
        std::string::npos);
}

TEST_CASE("backup: off unless configured; the time and retention read and checked", "[config]") {
    auto plain = parse_config(kMinimal, "ward.toml");
    REQUIRE(plain.ok());
    CHECK(plain->backup.dir.empty());
    auto set =
        parse_config(kMinimal + "[backup]\ndir = \"/var/lib/motcua/backups\"\n", "ward.toml");
    REQUIRE(set.ok());
    CHECK(set->backup.dir == "/var/lib/motcua/backups");
    CHECK(set->backup.at_min == 22 * 60);  // DESIGN.md §12's defaults
    CHECK(set->backup.keep_days == 30);
    auto custom = parse_config(
        kMinimal + "[backup]\ndir = \"backups\"\nat = \"12:30\"\nkeep_days = 7\n", "ward.toml");
    REQUIRE(custom.ok());
    CHECK(custom->backup.at_min == 12 * 60 + 30);
    CHECK(custom->backup.keep_days == 7);
    CHECK(error_of(kMinimal + "[backup]\nat = \"22:00\"\n").find("key 'backup.dir'") !=
          std::string::npos);
    CHECK(error_of(kMinimal + "[backup]\ndir = \"b\"\nat = \"25:00\"\n").find("key 'backup.at'") !=
          std::string::npos);
    CHECK(error_of(kMinimal + "[backup]\ndir = \"b\"\nkeep_days = 0\n")
              .find("key 'backup.keep_days': 0 is out of range 1..3650") != std::string::npos);
}
