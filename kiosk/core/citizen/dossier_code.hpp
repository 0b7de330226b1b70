#pragma once
/// Dossier codes in the national form UNITCODE-YYMMDD-XXXX (DESIGN.md §3), e.g.
/// `000.17.22.H56-261123-0007`: what a citizen types or scans at the kiosk's lookup and an
/// officer at the counter when a result is collected. No network here: checks and extraction.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace motcua::kiosk {

/// Longer than any real code (25 characters) with room for a longer unit code; typing stops here.
inline constexpr std::size_t kMaxDossierCodeLength = 40;

/// The character as a code holds it: digits, capital letters ('a' becomes 'A'), '.' and '-';
/// 0 for anything else.
char dossier_code_char(char c);

/// True for UNITCODE-YYMMDD-XXXX: a unit code of digits, capital letters and dots, the receipt
/// date as six digits (a real month and day), and a sequence of four to six digits.
bool is_dossier_code(std::string_view text);

/// The code in what a barcode or QR scanner typed: the code itself in any case, with blanks
/// around it, or a link that carries it (`http://…/d/000.17.22.H56-261123-0007`). The last code
/// found wins; nothing when the text holds none.
std::optional<std::string> find_dossier_code(std::string_view scanned);

}  // namespace motcua::kiosk
