#pragma once
/// Dates, times, money and names written the way Vietnamese administrative documents write them.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "motcua/office_time.hpp"
#include "motcua/time.hpp"

namespace motcua::documents {

/// "23/11/2026".
std::string short_date(Day day);
/// "ngày 23 tháng 11 năm 2026"; days 1–9 and months 1–2 get a leading zero
/// ("ngày 05 tháng 02 năm 2026"), as Decree 30/2020 writes dates.
std::string long_date(Day day);
/// "09 giờ 15 phút" for a local time in minutes since midnight.
std::string clock_time(int minutes);
/// "09 giờ 15 phút, ngày 23 tháng 11 năm 2026" in the office's zone.
std::string time_and_date(TimePoint t, const OfficeZone& zone);
/// "23/11/2026 09:15" in the office's zone.
std::string short_date_time(TimePoint t, const OfficeZone& zone);
/// "8.000 đồng": thousands separated by dots.
std::string money(std::int64_t dong);
/// Upper case of UTF-8 text, Vietnamese letters included ("Phường Bến Thành" -> "PHƯỜNG BẾN
/// THÀNH").
std::string upper(std::string_view text);
/// The office's name cut before its ward or commune: {"Trung tâm Phục vụ hành chính công",
/// "phường Bến Thành"}; the second part is empty when the name names none.
std::pair<std::string, std::string> split_office_name(std::string_view office_name);
/// The place written before a document's date: the ward or commune in the office's name
/// ("Trung tâm … phường Bến Thành" -> "Phường Bến Thành"), or empty when the name has none.
std::string place_of(std::string_view office_name);
/// "Phường Bến Thành, ngày 23 tháng 11 năm 2026" (or "Ngày 23 tháng 11 năm 2026").
std::string place_and_date(std::string_view office_name, Day day);

}  // namespace motcua::documents
