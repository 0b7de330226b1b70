#include "kiosk/core/shell/options.hpp"

#include <catch2/catch.hpp>
#include <vector>

using namespace motcua::kiosk;

namespace {

CommandLine parse(std::vector<const char*> args) {
    args.insert(args.begin(), "motcua-kiosk");
    return parse_command_line(static_cast<int>(args.size()), args.data());
}

/// The exit a bad command line must produce: code 2 and one line naming the program.
void check_usage_error(const CommandLine& cl) {
    const auto* exit = std::get_if<CommandLineExit>(&cl);
    REQUIRE(exit != nullptr);
    CHECK(exit->code == kExitUsage);
    CHECK(exit->text.rfind("motcua-kiosk: ", 0) == 0);
    CHECK(exit->text.find('\n') == std::string::npos);
}

}  // namespace

TEST_CASE("the kiosk command line of DESIGN.md section 5", "[options]") {
    SECTION("every option") {
        auto cl = parse({"--mode", "counter", "--server", "http://10.0.0.5:8080", "--token", "tok",
                         "--counter", "3", "--lang", "en", "--windowed", "1280x800", "--a11y-dump",
                         "/tmp/a11y.json", "--printer", "/dev/usb/lp0", "--config", "ward.toml"});
        const auto* o = std::get_if<KioskOptions>(&cl);
        REQUIRE(o != nullptr);
        CHECK(o->mode == Mode::counter);
        CHECK(o->server.host == "10.0.0.5");
        CHECK(o->server.port == 8080);
        CHECK(o->token == "tok");
        CHECK(o->counter == 3);
        CHECK(o->language == Language::en);
        REQUIRE(o->windowed);
        CHECK(o->windowed->width == 1280);
        CHECK(o->windowed->height == 800);
        CHECK(o->a11y_dump == std::filesystem::path("/tmp/a11y.json"));
        CHECK(o->printer == "/dev/usb/lp0");
        CHECK(o->config == std::filesystem::path("ward.toml"));
    }
    SECTION("defaults: Vietnamese, full screen, no counter") {
        auto cl = parse({"--mode", "ticket", "--server", "http://127.0.0.1:8080"});
        const auto* o = std::get_if<KioskOptions>(&cl);
        REQUIRE(o != nullptr);
        CHECK(o->language == Language::vi);
        CHECK_FALSE(o->windowed);
        CHECK_FALSE(o->counter);
        CHECK_FALSE(o->token);
        CHECK_FALSE(o->a11y_dump);
    }
    SECTION("--help prints the options and exits 0") {
        auto cl = parse({"--help"});
        const auto* exit = std::get_if<CommandLineExit>(&cl);
        REQUIRE(exit != nullptr);
        CHECK(exit->code == kExitOk);
        CHECK(exit->text.find("--mode") != std::string::npos);
        CHECK(exit->text.find("--a11y-dump") != std::string::npos);
    }
    SECTION("bad usage exits 2 with one line") {
        // no arguments: --mode and --server are required
        check_usage_error(parse({}));
        // no --server
        check_usage_error(parse({"--mode", "ticket"}));
        // unknown mode
        check_usage_error(parse({"--mode", "queue", "--server", "http://h:1"}));
        // a server that is not http://HOST:PORT
        check_usage_error(parse({"--mode", "ticket", "--server", "h:1"}));
        // unknown language
        check_usage_error(parse({"--mode", "ticket", "--server", "http://h:1", "--lang", "fr"}));
        // counter not a positive number
        check_usage_error(parse({"--mode", "counter", "--server", "http://h:1", "--counter", "0"}));
        check_usage_error(
            parse({"--mode", "counter", "--server", "http://h:1", "--counter", "two"}));
        // window size not WxH
        check_usage_error(
            parse({"--mode", "ticket", "--server", "http://h:1", "--windowed", "big"}));
        // an option the kiosk does not have
        check_usage_error(parse({"--mode", "ticket", "--server", "http://h:1", "--fullscreen"}));
        // a stray positional argument
        check_usage_error(parse({"--mode", "ticket", "--server", "http://h:1", "extra"}));
        // paper that is neither 58 nor 80 mm
        check_usage_error(parse({"--mode", "ticket", "--server", "http://h:1", "--paper", "70"}));
        // a rating pad without the counter it faces
        check_usage_error(parse({"--mode", "rating", "--server", "http://h:1"}));
        // a counter console without the counter it drives
        check_usage_error(parse({"--mode", "counter", "--server", "http://h:1"}));
    }
    SECTION("the board's voice can also go to WAV files") {
        auto cl = parse({"--mode", "board", "--server", "http://h:1", "--audio-out", "/tmp/calls"});
        const auto* o = std::get_if<KioskOptions>(&cl);
        REQUIRE(o != nullptr);
        CHECK(o->audio_out == std::filesystem::path("/tmp/calls"));
        auto plain = parse({"--mode", "board", "--server", "http://h:1"});
        REQUIRE(std::get_if<KioskOptions>(&plain) != nullptr);
        CHECK_FALSE(std::get<KioskOptions>(plain).audio_out);
    }
    SECTION("the reports dashboard saves its exports where it is told") {
        auto cl =
            parse({"--mode", "reports", "--server", "http://h:1", "--export-dir", "/srv/bao-cao"});
        const auto* o = std::get_if<KioskOptions>(&cl);
        REQUIRE(o != nullptr);
        CHECK(o->export_dir == std::filesystem::path("/srv/bao-cao"));
        auto plain = parse({"--mode", "reports", "--server", "http://h:1"});
        REQUIRE(std::get_if<KioskOptions>(&plain) != nullptr);
        CHECK_FALSE(std::get<KioskOptions>(plain).export_dir);
    }
    SECTION("the accessible look of DESIGN.md section 13: --theme and --large-text") {
        auto cl = parse({"--mode", "ticket", "--server", "http://h:1", "--theme", "high-contrast",
                         "--large-text"});
        const auto* o = std::get_if<KioskOptions>(&cl);
        REQUIRE(o != nullptr);
        CHECK(o->high_contrast);
        CHECK(o->large_text);
        auto named_default = parse(
            {"--mode", "rating", "--counter", "1", "--server", "http://h:1", "--theme", "default"});
        REQUIRE(std::get_if<KioskOptions>(&named_default) != nullptr);
        CHECK_FALSE(std::get<KioskOptions>(named_default).high_contrast);
        CHECK_FALSE(std::get<KioskOptions>(named_default).large_text);
        auto plain = parse({"--mode", "ticket", "--server", "http://h:1"});
        REQUIRE(std::get_if<KioskOptions>(&plain) != nullptr);
        CHECK_FALSE(std::get<KioskOptions>(plain).high_contrast);
        CHECK_FALSE(std::get<KioskOptions>(plain).large_text);
        // both are in --help
        auto help = parse({"--help"});
        REQUIRE(std::get_if<CommandLineExit>(&help) != nullptr);
        CHECK(std::get<CommandLineExit>(help).text.find("--theme") != std::string::npos);
        CHECK(std::get<CommandLineExit>(help).text.find("--large-text") != std::string::npos);
        // bad inputs: a theme the kiosk does not have
        check_usage_error(parse({"--mode", "ticket", "--server", "http://h:1", "--theme", "dark"}));
        // --theme without its value
        check_usage_error(parse({"--mode", "ticket", "--server", "http://h:1", "--theme"}));
        // the theme's name spelt the other way
        check_usage_error(
            parse({"--mode", "ticket", "--server", "http://h:1", "--theme", "high_contrast"}));
    }
    SECTION("printing and the kiosk's own files") {
        auto cl = parse({"--mode", "ticket", "--server", "http://h:1", "--printer",
                         "file:/tmp/slip.bin", "--paper", "58", "--data-dir", "/var/lib/motcua"});
        const auto* o = std::get_if<KioskOptions>(&cl);
        REQUIRE(o != nullptr);
        CHECK(o->printer == "file:/tmp/slip.bin");
        CHECK(o->paper_mm == 58);
        CHECK(o->data_dir == std::filesystem::path("/var/lib/motcua"));
        auto plain = parse({"--mode", "rating", "--counter", "2", "--server", "http://h:1"});
        REQUIRE(std::get_if<KioskOptions>(&plain) != nullptr);
        CHECK(std::get<KioskOptions>(plain).paper_mm == 80);  // the common roll
        CHECK_FALSE(std::get<KioskOptions>(plain).data_dir);
    }
}

TEST_CASE("window sizes are WIDTHxHEIGHT", "[options]") {
    auto ok = parse_window_size("1920x1080");
    REQUIRE(ok);
    CHECK(ok->width == 1920);
    CHECK(ok->height == 1080);

    SECTION("bad inputs") {
        CHECK_FALSE(parse_window_size(""));             // empty
        CHECK_FALSE(parse_window_size("1920"));         // no height
        CHECK_FALSE(parse_window_size("1920x"));        // empty height
        CHECK_FALSE(parse_window_size("x1080"));        // empty width
        CHECK_FALSE(parse_window_size("1920X1080"));    // capital X is not the separator
        CHECK_FALSE(parse_window_size("-1920x1080"));   // negative
        CHECK_FALSE(parse_window_size("100x100"));      // too small to lay out
        CHECK_FALSE(parse_window_size("99999x1080"));   // larger than any screen
        CHECK_FALSE(parse_window_size("1920x1080x2"));  // junk after the height
    }
}
