#include "kiosk/core/shell/options.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <charconv>

#include "motcua/tls_client.hpp"

namespace motcua::kiosk {

namespace {

constexpr std::string_view kProgram = "motcua-kiosk";
/// Smallest window the layout is designed for, and the largest sensible screen side.
constexpr int kMinWindowSide = 320;
constexpr int kMaxWindowSide = 16384;
/// Wards have a handful of counters; a four-digit number is a typo.
constexpr int kMaxCounterNumber = 999;
/// Most kiosk printers take 80 mm rolls; 58 mm is the small-printer alternative.
constexpr int kDefaultPaperMm = 80;

CommandLineExit usage_error(std::string message) {
    // One line, always: scripts and the systemd journal read the first line only.
    std::replace(message.begin(), message.end(), '\n', ' ');
    return CommandLineExit{kExitUsage, std::string(kProgram) + ": " + message};
}

std::optional<int> parse_int(std::string_view text) {
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

}  // namespace

Result<WindowSize> parse_window_size(std::string_view text) {
    const auto x = text.find('x');
    const auto bad = [&] {
        return make_error(
            ErrorCode::bad_window_size,
            "--windowed '" + std::string(text) + "': expected WIDTHxHEIGHT, e.g. 1280x800");
    };
    if (x == std::string_view::npos) return bad();
    const auto w = parse_int(text.substr(0, x));
    const auto h = parse_int(text.substr(x + 1));
    if (!w || !h) return bad();
    if (*w < kMinWindowSide || *h < kMinWindowSide || *w > kMaxWindowSide || *h > kMaxWindowSide)
        return make_error(ErrorCode::bad_window_size,
                          "--windowed '" + std::string(text) + "': each side must be " +
                              std::to_string(kMinWindowSide) + " to " +
                              std::to_string(kMaxWindowSide) + " pixels");
    return WindowSize{*w, *h};
}

CommandLine parse_command_line(int argc, const char* const* argv) {
    CLI::App app{
        "Queue and feedback screens of a ward's one-stop desk (ticket kiosk, rating pad, "
        "counter console, display board, reports).",
        std::string(kProgram)};
    std::string mode_text;
    std::string server_text;
    std::string token;
    int counter = 0;
    std::string lang_text = "vi";
    std::string windowed_text;
    std::string a11y_dump;
    std::string printer;
    std::string config;

    app.add_option("--mode", mode_text, "Which screen this device is: " + enum_choices<Mode>())
        ->type_name("MODE")
        ->required();
    app.add_option("--server", server_text,
                   "The ward service, http://HOST:PORT or https://HOST:PORT")
        ->type_name("URL")
        ->required();
    std::string ca;
    app.add_option("--ca", ca,
                   "With https://: trust the CA certificates in FILE (PEM) instead of the system's")
        ->type_name("FILE");
    app.add_option("--token", token, "Device token from 'motcua-service device add'")
        ->type_name("T");
    auto* counter_opt =
        app.add_option("--counter", counter, "Counter number (counter and rating modes)")
            ->type_name("N")
            ->check(CLI::Range(1, kMaxCounterNumber));
    app.add_option("--lang", lang_text, "Starting language: vi or en (switchable on screen)")
        ->type_name("vi|en");
    app.add_option("--windowed", windowed_text,
                   "Run in a normal window of this size, e.g. 1280x800 (default: full screen)")
        ->type_name("WxH");
    app.add_option("--a11y-dump", a11y_dump,
                   "Rewrite FILE with the screen's elements as JSON whenever the screen changes")
        ->type_name("FILE");
    app.add_option("--printer", printer,
                   "Printer: ticket slips (ticket mode), dossier receipts (counter mode): "
                   "/dev/usb/lp0, tcp://HOST:PORT or file:PATH")
        ->type_name("DEST");
    int paper = kDefaultPaperMm;
    app.add_option("--paper", paper, "Ticket paper width in mm: 58 or 80 (default 80)")
        ->type_name("58|80")
        ->check(CLI::IsMember({58, 80}));
    std::string data_dir;
    app.add_option("--data-dir", data_dir,
                   "Where ratings wait for delivery (default $XDG_STATE_HOME/motcua)")
        ->type_name("DIR");
    app.add_option("--config", config, "Ward config (office name, time zone, admin PIN)")
        ->type_name("FILE");
    std::string audio_out;
    app.add_option("--audio-out", audio_out,
                   "Board: also write each call announcement as a WAV file in DIR; ticket and "
                   "rating: each utterance of the voice guidance")
        ->type_name("DIR");
    std::string export_dir;
    app.add_option("--export-dir", export_dir,
                   "Reports: save exported CSV and Excel files in DIR (default ~/motcua-reports)")
        ->type_name("DIR");

    std::string theme_text = "default";
    app.add_option("--theme", theme_text,
                   "Colours: default, or high-contrast (black page, white and yellow text)")
        ->type_name("default|high-contrast");
    bool large_text = false;
    app.add_flag("--large-text", large_text, "Every text half as large again (x1.5)");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        return CommandLineExit{kExitOk, app.help()};
    } catch (const CLI::ParseError& e) {
        return usage_error(e.what());
    }

    KioskOptions out;
    const auto mode = parse_enum<Mode>(mode_text);
    if (!mode)
        return usage_error("--mode '" + mode_text + "': expected one of " + enum_choices<Mode>());
    out.mode = *mode;

    auto server = parse_server_url(server_text);
    if (!server) return usage_error(server.error().message);
    out.server = std::move(*server);
    if (!ca.empty()) {
        if (!out.server.tls) return usage_error("--ca '" + ca + "': only for an https:// --server");
        // Loaded once now, so a missing or unreadable file is told at start, in one line.
        if (auto ctx = tls::client_context(ca); !ctx)
            return usage_error("--ca: " + ctx.error().message);
        out.server.ca_file = std::filesystem::absolute(ca).string();
    }

    const auto lang = parse_enum<Language>(lang_text);
    if (!lang) return usage_error("--lang '" + lang_text + "': expected vi or en");
    out.language = *lang;

    if (theme_text == "high-contrast")
        out.high_contrast = true;
    else if (theme_text != "default")
        return usage_error("--theme '" + theme_text + "': expected default or high-contrast");
    out.large_text = large_text;

    if (!windowed_text.empty()) {
        auto size = parse_window_size(windowed_text);
        if (!size) return usage_error(size.error().message);
        out.windowed = *size;
    }
    if (counter_opt->count() > 0) out.counter = counter;
    // A rating pad belongs to one counter: it rates the tickets that counter finishes.
    if (out.mode == Mode::rating && !out.counter)
        return usage_error("--mode rating needs --counter N (the counter this pad faces)");
    // A console drives one desk: the officer opens, calls and serves at that counter.
    if (out.mode == Mode::counter && !out.counter)
        return usage_error("--mode counter needs --counter N (the counter this console drives)");
    if (!token.empty()) out.token = token;
    if (!a11y_dump.empty()) out.a11y_dump = a11y_dump;
    if (!printer.empty()) out.printer = printer;
    if (!config.empty()) out.config = config;
    out.paper_mm = paper;
    if (!data_dir.empty()) out.data_dir = data_dir;
    if (!audio_out.empty()) out.audio_out = audio_out;
    if (!export_dir.empty()) out.export_dir = export_dir;
    return out;
}

}  // namespace motcua::kiosk
