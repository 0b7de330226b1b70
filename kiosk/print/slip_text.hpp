#pragma once
/// UTF-8 text for the slip: repair what cairo would refuse, and wrap lines at spaces without
/// ever cutting a Vietnamese letter in two. Pure functions: measuring is the caller's job.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::kiosk::print {

/// Replaces each invalid UTF-8 byte with '?' and drops control characters except '\n'.
/// cairo puts its context in an error state on invalid UTF-8 and then draws nothing more, so
/// one bad byte from the service would otherwise blank the rest of the ticket.
std::string sanitize_utf8(std::string_view text);

/// Byte length of the character starting at text[pos], together with any combining marks
/// (U+0300..U+036F) that follow it, so that a break never separates a letter from its tone mark.
std::size_t character_length(std::string_view text, std::size_t pos);

/// Width of a piece of text in the caller's units (cairo dots for the slip).
using MeasureText = std::function<double(std::string_view)>;

/// Splits valid UTF-8 into lines no wider than max_width: at spaces, at '\n', and inside a word
/// that is wider than a whole line only between characters. Runs of spaces collapse at breaks.
/// A word starting with a digit does not begin a line alone when the word before it can come
/// along ("Quận 1", "khoảng 12").
std::vector<std::string> wrap_text(std::string_view text, double max_width,
                                   const MeasureText& measure);

/// Like wrap_text, but with lines of even length: the narrowest width that needs no more lines
/// and cuts no more words. Centred text then reads as a block, not a long line and an orphan.
std::vector<std::string> wrap_balanced(std::string_view text, double max_width,
                                       const MeasureText& measure);

}  // namespace motcua::kiosk::print
