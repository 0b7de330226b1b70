#pragma once
/// What a shell screen shows, as plain data: screens draw from this, tests fake it.
#include <optional>
#include <string>

#include "kiosk/core/shell/app_state.hpp"
#include "kiosk/core/shell/connection.hpp"
#include "kiosk/core/shell/mode.hpp"
#include "motcua/office_time.hpp"
#include "motcua/time.hpp"

namespace motcua::kiosk {

/// A wall-clock reading in the office's time zone.
struct LocalDateTime {
    int year = 2000;
    int month = 1;    // 1..12
    int day = 1;      // 1..31
    int weekday = 6;  // 0 = Sunday (Chủ Nhật) .. 6 = Saturday (Thứ Bảy)
    int hour = 0;
    int minute = 0;
    int second = 0;

    friend bool operator==(const LocalDateTime&, const LocalDateTime&) = default;
};

LocalDateTime local_date_time(const OfficeZone& zone, TimePoint t);

/// Settings that do not change while the kiosk runs.
struct ShellSettings {
    Mode mode = Mode::ticket;
    /// The ward's name from the config; empty when unknown (the header then says "motcua").
    std::string office_name;
    std::optional<int> counter;
    /// Full screen: leaving needs the admin PIN.
    bool kiosk_locked = true;
};

/// One frame's worth of facts for the shell screens.
struct ShellView {
    Mode mode = Mode::ticket;
    std::string office_name;
    std::optional<int> counter;
    bool kiosk_locked = true;
    ConnectionState connection = ConnectionState::connecting;
    LocalDateTime now;
};

ShellView make_shell_view(const ShellSettings& settings, const AppState& state, LocalDateTime now);

}  // namespace motcua::kiosk
