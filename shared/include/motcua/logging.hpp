#pragma once
/// Where the programs' logs go (docs/operations.md): standard error, with a timestamp and the
/// level on a terminal; under systemd, whose journal adds its own timestamp, each line starts
/// with its syslog priority ("<4>" for a warning) so `journalctl -p warning` finds it.
#include <string>

namespace motcua {

/// The default logger of `program` ("motcua-service", "motcua-hub", "motcua-kiosk").
void setup_logging(const std::string& program);

/// True when standard error is systemd's journal stream ($JOURNAL_STREAM names it).
bool logging_to_journal();

}  // namespace motcua
