#pragma once
/// The kiosk's main loop: wait, new frame, draw, render, swap; asleep when nothing changes.
#include "kiosk/core/shell/client_thread.hpp"
#include "kiosk/platform/glfw_platform.hpp"
#include "kiosk/platform/signals.hpp"
#include "kiosk/ui/shell/kiosk_app.hpp"

namespace motcua::kiosk::platform {

/// Runs until the admin PIN is accepted, the window is closed (windowed mode only) or a quit
/// signal arrives. Returns the process exit code.
int run_main_loop(GlfwPlatform& platform, ui::KioskApp& app, ClientThread& client,
                  const QuitSignals& signals);

}  // namespace motcua::kiosk::platform
