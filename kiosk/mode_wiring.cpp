#include "kiosk/mode_wiring.hpp"

#include <spdlog/spdlog.h>

#include <cmath>

#include "kiosk/core/citizen/rating_outbox.hpp"
#include "kiosk/ui/board/board_screens.hpp"
#include "kiosk/ui/citizen/citizen_screens.hpp"
#include "kiosk/ui/counter/counter_screens.hpp"
#include "kiosk/ui/reports/reports_screens.hpp"
#include "kiosk/ui/shell/theme.hpp"

namespace motcua::kiosk {

namespace {

/// What the ticket kiosk and the rating pad fetch and keep. Each device has its own outbox: a
/// rating must go out with the token of the device it was given on (a pad's names its counter).
WardLinkSettings citizen_link(const KioskOptions& opt) {
    WardLinkSettings s;
    s.fetch_categories = opt.mode == Mode::ticket;
    s.fetch_counters = true;
    s.subscribe_events = true;
    const std::filesystem::path dir = opt.data_dir.value_or(default_state_dir());
    s.outbox_dir = dir / (opt.mode == Mode::ticket
                              ? std::string("outbox-ticket")
                              : "outbox-rating-" + std::to_string(opt.counter.value_or(0)));
    return s;
}

/// `--printer DEST`, when given: the ticket slips' printer, or the counter's for dossier receipts.
Result<std::optional<print::PrinterTarget>> printer_option(const KioskOptions& opt) {
    if (!opt.printer) return std::optional<print::PrinterTarget>();
    auto target = print::parse_printer_target(*opt.printer);
    if (!target) return make_error(ErrorCode::usage, "--printer: " + target.error().message);
    return std::optional<print::PrinterTarget>(*target);
}

/// The console and the board: the queue, the counters, the events, on the service's clock.
WardLinkSettings officer_link() {
    WardLinkSettings s;
    s.fetch_categories = true;
    s.fetch_counters = true;
    s.subscribe_events = true;
    s.track_service_clock = true;
    return s;
}

Result<std::unique_ptr<ui::ModeScreens>> citizen_mode(const KioskOptions& opt,
                                                      const WardConfig& ward,
                                                      const OfficeZone& zone, ClientThread& client,
                                                      ModeParts& parts) {
    auto printer = printer_option(opt);
    if (!printer) return printer.error();
    parts.link.emplace(client, citizen_link(opt));
    parts.citizen_services = std::make_unique<LiveCitizenServices>(
        *parts.link, client.ui_queue(), *printer,
        opt.paper_mm == 58 ? print::Paper::mm58 : print::Paper::mm80);
    ui::CitizenScreensConfig citizen;
    citizen.session.mode = opt.mode;
    citizen.session.counter = opt.counter.value_or(0);
    citizen.session.scale = ward.scale;
    // Timings do not scale with the display: any theme carries the same ones.
    const ui::Theme timings;
    citizen.session.ticket_timing = timings.ticket_timing;
    citizen.session.rating_timing = timings.rating_timing;
    citizen.session.lookup_timing = timings.lookup_timing;
    citizen.ward = ward;
    citizen.server_origin = opt.server.text();
    audio::GuideVoice::Options voice;
    voice.voice = ward.voice;
    voice.wav_dir = opt.audio_out;
    parts.guide_voice = std::make_unique<audio::GuideVoice>(
        voice, [](const audio::GuideLine& line, const std::string& wav) {
            spdlog::info("guidance: \"{}\"{}{}", line.text, wav.empty() ? "" : ", ", wav);
        });
    auto screens =
        std::make_unique<ui::CitizenScreens>(std::move(citizen), zone, *parts.citizen_services);
    // Only the pad acts on events; the kiosk's tiles follow them through the ward data, so its
    // UI is not woken for each one.
    if (opt.mode == Mode::rating)
        parts.link->set_event_handler([s = screens.get()](const api::Event& e) { s->on_event(e); });
    if (auto started = parts.link->start(); !started) return started.error();
    return std::unique_ptr<ui::ModeScreens>(std::move(screens));
}

Result<std::unique_ptr<ui::ModeScreens>> counter_mode(const KioskOptions& opt,
                                                      const OfficeZone& zone, ClientThread& client,
                                                      ModeParts& parts) {
    // The counter's printer takes the dossier receipts (form 01, PDF): same DEST as the kiosk's.
    auto printer = printer_option(opt);
    if (!printer) return printer.error();
    parts.link.emplace(client, officer_link());
    parts.counter_services =
        std::make_unique<LiveCounterServices>(client, *parts.link, std::move(*printer));
    ui::CounterScreensConfig config;
    config.session.counter = opt.counter.value_or(0);
    config.session.timing = ui::Theme{}.console_timing;
    auto screens =
        std::make_unique<ui::CounterScreens>(std::move(config), zone, *parts.counter_services);
    parts.link->set_event_handler([s = screens.get()](const api::Event& e) { s->on_event(e); });
    parts.link->set_service_time_handler([s = screens.get()](TimePoint service, TimePoint local) {
        s->on_service_time(service, local);
    });
    // The link starts at login: it reads with the officer's token (LiveCounterServices).
    return std::unique_ptr<ui::ModeScreens>(std::move(screens));
}

std::unique_ptr<ui::ModeScreens> board_mode(const KioskOptions& opt, const WardConfig& ward,
                                            ClientThread& client, ModeParts& parts) {
    if (!opt.token) spdlog::warn("board without --token: the service will refuse its requests");
    audio::Announcer::Options voice;
    voice.voice = ward.voice;
    voice.wav_dir = opt.audio_out;
    parts.announcer = std::make_unique<audio::Announcer>(
        voice, [](const audio::Announcement& a, const std::string& wav) {
            // The moment the audio starts: what the call-to-voice benchmark reads.
            spdlog::info("board: announcing {} at counter {} (call #{}){}{}", a.number, a.counter,
                         a.seq, wav.empty() ? "" : ", ", wav);
        });
    const ui::Theme defaults;
    ui::BoardScreensConfig config;
    config.timing.highlight_s = defaults.board_highlight_s;
    config.timing.max_calls = defaults.board_max_calls;
    config.timing.max_age_s = ward.voice.max_age_s;
    config.announce = [a = parts.announcer.get()](const CallToAnnounce& c) {
        a->announce({c.seq, c.number, c.counter});
    };
    auto screens = std::make_unique<ui::BoardScreens>(std::move(config));
    parts.link.emplace(client, officer_link());
    parts.link->set_event_handler([s = screens.get()](const api::Event& e) { s->on_event(e); });
    parts.link->set_service_time_handler([s = screens.get()](TimePoint service, TimePoint local) {
        s->on_service_time(service, local);
    });
    if (auto started = parts.link->start(); !started) spdlog::error("{}", started.error().message);
    return screens;
}

/// The reports dashboard: the officer logs in; the link reads only the categories (their English
/// names), once a minute; reports and exports go through the client's command queue.
std::unique_ptr<ui::ModeScreens> reports_mode(const KioskOptions& opt, const OfficeZone& zone,
                                              ClientThread& client, ModeParts& parts) {
    WardLinkSettings link;
    link.fetch_categories = true;
    link.fetch_counters = false;
    link.subscribe_events = false;
    link.refresh_period = Millis{60000};
    parts.link.emplace(client, link);
    const std::filesystem::path export_dir = opt.export_dir.value_or(default_export_dir());
    parts.reports_services = std::make_unique<LiveReportsServices>(client, *parts.link, export_dir);
    // The link starts at login: it reads with the officer's token.
    return std::make_unique<ui::ReportsScreens>(ReportsSettings{zone, export_dir},
                                                *parts.reports_services);
}

}  // namespace

Result<std::unique_ptr<ui::ModeScreens>> build_mode(const KioskOptions& opt, const WardConfig& ward,
                                                    const OfficeZone& zone, ClientThread& client,
                                                    ModeParts& parts) {
    switch (opt.mode) {
        case Mode::ticket:
        case Mode::rating:
            return citizen_mode(opt, ward, zone, client, parts);
        case Mode::counter:
            return counter_mode(opt, zone, client, parts);
        case Mode::board:
            return board_mode(opt, ward, client, parts);
        case Mode::reports:
            return reports_mode(opt, zone, client, parts);
    }
    return std::unique_ptr<ui::ModeScreens>();
}

std::function<void(const ui::Utterance&)> guidance_speaker(const WardConfig& ward,
                                                           ModeParts& parts) {
    if (!parts.guide_voice) return nullptr;
    return [voice = parts.guide_voice.get(), vi = ward.voice.voice](const ui::Utterance& u) {
        // Volume steps about 1.6x apart in amplitude: 4 is the voice as espeak-ng makes it, 5
        // louder, 1 a quarter of it.
        const double gain = std::pow(2.0, (u.volume - ui::Guide::kDefaultVolume) / 1.5);
        voice->say({u.text, u.language == Language::vi ? vi : std::string("en"), gain});
    };
}

}  // namespace motcua::kiosk
