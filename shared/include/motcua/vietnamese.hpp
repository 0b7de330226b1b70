#pragma once
/// Vietnamese text helpers: numbers and letters as they are read aloud, call announcements.
#include <cstdint>
#include <string>
#include <string_view>

namespace motcua::vi {

/// Reads a whole number the Vietnamese way: 15 "mười lăm", 21 "hai mươi mốt",
/// 105 "một trăm linh năm", 1023 "một nghìn không trăm hai mươi ba". 0..999,999,999,999.
std::string read_number(std::int64_t n);

/// A Latin letter as spoken in Vietnamese ("A" -> "a", "B" -> "bê", "D" -> "đê", "Đ" -> "đê"…).
/// Unknown characters are returned as they are.
std::string read_letter(std::string_view letter);

/// How a ticket number is spoken: its letters by name, its digits as one number without the
/// leading zeros ("A012" -> "a mười hai", "B105" -> "bê một trăm linh năm", "1001" -> "một nghìn
/// không trăm linh một").
std::string read_ticket_number(std::string_view number);

}  // namespace motcua::vi
