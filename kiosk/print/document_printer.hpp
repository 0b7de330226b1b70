#pragma once
/// Documents that are already print-ready (the counter's receipt, form 01, as PDF from the
/// service) sent as they are to a printer: a device file, tcp://HOST:PORT (a network printer's
/// raw port 9100 takes PDF) or file:PATH. Same --printer syntax and time limits as the slips.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "kiosk/print/ticket_printer.hpp"

namespace motcua::kiosk::print {

/// Where a document goes for a file: target. `file:DIR/` (a trailing slash) or an existing
/// directory keeps every document as DIR/`name`; any other path holds the latest document.
std::string document_path(const PrinterTarget& target, std::string_view name);

/// Sends `bytes` unchanged. `name` names the document for a file: directory (a file name, no
/// slashes; e.g. "000.17.22.H56-261123-0007-mau-01.pdf"). File targets are written to a
/// temporary name and renamed, so a watcher never sees half a document. Never throws.
Status send_document(std::span<const std::uint8_t> bytes, const PrinterTarget& target,
                     std::string_view name, const SendLimits& limits = {});

}  // namespace motcua::kiosk::print
