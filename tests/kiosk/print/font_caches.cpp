// Frees cairo's and fontconfig's font caches when the test binary exits. Static destructors run
// before LeakSanitizer's exit check, and the caches would otherwise be reported as leaks under
// the asan preset (deploy/test runs the kiosk suites with detect_leaks=1).
#include "kiosk/print/ticket_printer.hpp"

namespace {

struct ReleaseFontCachesAtExit {
    ReleaseFontCachesAtExit() = default;
    ReleaseFontCachesAtExit(const ReleaseFontCachesAtExit&) = delete;
    ReleaseFontCachesAtExit& operator=(const ReleaseFontCachesAtExit&) = delete;
    ~ReleaseFontCachesAtExit() { motcua::kiosk::print::release_font_caches(); }
};

const ReleaseFontCachesAtExit release_at_exit;

}  // namespace
