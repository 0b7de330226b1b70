// motcua-kiosk: parse the command line, wire the layers together, run the main loop.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <iostream>

#include "kiosk/core/shell/client_thread.hpp"
#include "kiosk/core/shell/options.hpp"
#include "kiosk/mode_wiring.hpp"
#include "kiosk/platform/glfw_platform.hpp"
#include "kiosk/platform/main_loop.hpp"
#include "kiosk/platform/signals.hpp"
#include "kiosk/print/ticket_printer.hpp"
#include "kiosk/ui/shell/fonts.hpp"
#include "kiosk/ui/shell/kiosk_app.hpp"
#include "kiosk/ui/shell/translations.hpp"
#include "motcua/config.hpp"
#include "motcua/logging.hpp"
#include "motcua/office_time.hpp"

namespace {

using namespace motcua;
using namespace motcua::kiosk;

constexpr const char* kDefaultTimeZone = "Asia/Ho_Chi_Minh";

int fail(const std::string& message, int code = kExitFailure) {
    std::cerr << "motcua-kiosk: " << message << '\n';
    return code;
}

bool citizen_mode(Mode mode) {
    return mode == Mode::ticket || mode == Mode::rating;
}

int run(const KioskOptions& opt) {
    // First, before any thread exists: every later thread inherits the blocked quit signals.
    platform::QuitSignals signals([] { platform::GlfwPlatform::post_wakeup(); });

    ui::KioskAppConfig app_config;
    app_config.shell.mode = opt.mode;
    app_config.shell.counter = opt.counter;
    app_config.shell.kiosk_locked = !opt.windowed.has_value();
    app_config.language = opt.language;
    app_config.a11y_dump = opt.a11y_dump;
    app_config.theme_variant = ui::ThemeVariant{opt.high_contrast, opt.large_text};
    std::string time_zone = kDefaultTimeZone;
    WardConfig ward;
    if (opt.config) {
        auto config = load_config(*opt.config);
        if (!config) return fail(config.error().message);
        ward = std::move(*config);
        app_config.shell.office_name = ward.office_name;
        app_config.admin_pin = ward.admin_pin;
        time_zone = ward.time_zone;
    } else if (citizen_mode(opt.mode)) {
        spdlog::warn("no --config: no priority choice, and the rating keypad has digits only");
    }
    if (opt.printer) {
        // Checked before any window opens: a typo is a usage error, not a blank kiosk.
        if (auto target = print::parse_printer_target(*opt.printer); !target)
            return fail("--printer: " + target.error().message, kExitUsage);
    }
    auto zone = OfficeZone::load(time_zone);
    if (!zone) return fail(zone.error().message);
    auto translations = ui::Translations::builtin();
    if (!translations) return fail(translations.error().message);
    auto fonts = ui::find_font_files();
    if (!fonts) return fail(fonts.error().message);

    platform::WindowSpec spec;
    spec.fullscreen = !opt.windowed.has_value();
    if (opt.windowed) {
        spec.width = opt.windowed->width;
        spec.height = opt.windowed->height;
    }
    auto window = platform::GlfwPlatform::create(spec);
    if (!window) return fail(window.error().message);

    ClientSettings client_settings;
    client_settings.server = opt.server;
    client_settings.token = opt.token;
    ClientThread client(std::move(client_settings));

    // The mode's screens and what they use (ward link, printer, voice). Declared before the app,
    // so they outlive its screens.
    ModeParts parts;
    auto mode_screens = build_mode(opt, ward, *zone, client, parts);
    if (!mode_screens) return fail(mode_screens.error().message);
    app_config.speak = guidance_speaker(ward, parts);

    ui::KioskApp app(std::move(app_config), std::move(*translations), std::move(*zone),
                     std::move(*fonts), std::move(*mode_screens));
    client.set_wakeup([] { platform::GlfwPlatform::post_wakeup(); });
    client.start();
    spdlog::info("motcua-kiosk {} mode, server {}", to_string(opt.mode), opt.server.text());

    const int code = platform::run_main_loop(**window, app, client, signals);
    // The client thread goes first: it must not wake a window that no longer exists.
    client.stop();
    window->reset();
    return code;
}

}  // namespace

int main(int argc, char** argv) {
    const CommandLine command_line = parse_command_line(argc, argv);
    if (const auto* exit = std::get_if<CommandLineExit>(&command_line)) {
        (exit->code == kExitOk ? std::cout : std::cerr)
            << exit->text << (exit->text.ends_with('\n') ? "" : "\n");
        return exit->code;
    }
    motcua::setup_logging("motcua-kiosk");
    try {
        return run(std::get<KioskOptions>(command_line));
    } catch (const std::exception& e) {
        return fail(e.what());
    }
}
