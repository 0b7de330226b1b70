#pragma once
/// What each mode adds to the shell: the ward link's settings, the services its screens act
/// through, the voice of the board, and the screens themselves. main.cpp stays a thin shell.
#include <functional>
#include <memory>
#include <optional>

#include "kiosk/audio/announcer.hpp"
#include "kiosk/audio/guide_voice.hpp"
#include "kiosk/core/citizen/citizen_services.hpp"
#include "kiosk/core/counter/counter_services.hpp"
#include "kiosk/core/reports/reports_services.hpp"
#include "kiosk/core/shell/client_thread.hpp"
#include "kiosk/core/shell/options.hpp"
#include "kiosk/core/shell/ward_link.hpp"
#include "kiosk/ui/shell/guide.hpp"
#include "kiosk/ui/shell/screen.hpp"
#include "motcua/config.hpp"
#include "motcua/office_time.hpp"

namespace motcua::kiosk {

/// Lives as long as the run: declared before the app, so the app's screens (which use these)
/// go first. Members are destroyed bottom-up: services before the link they use.
struct ModeParts {
    std::optional<WardLink> link;
    std::unique_ptr<audio::Announcer> announcer;
    /// The citizen screens' guidance voice (ticket and rating modes).
    std::unique_ptr<audio::GuideVoice> guide_voice;
    std::unique_ptr<LiveCitizenServices> citizen_services;
    std::unique_ptr<LiveCounterServices> counter_services;
    std::unique_ptr<LiveReportsServices> reports_services;
};

/// Builds the screens of `opt.mode` (none for the shell-only modes) and starts what they need
/// on `client`. Fails when the outbox or printer cannot be set up.
Result<std::unique_ptr<ui::ModeScreens>> build_mode(const KioskOptions& opt, const WardConfig& ward,
                                                    const OfficeZone& zone, ClientThread& client,
                                                    ModeParts& parts);

/// What the app calls to say guidance (none outside the citizen modes).
std::function<void(const ui::Utterance&)> guidance_speaker(const WardConfig& ward,
                                                           ModeParts& parts);

}  // namespace motcua::kiosk
