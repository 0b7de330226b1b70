#include "kiosk/core/shell/view_model.hpp"

namespace motcua::kiosk {

LocalDateTime local_date_time(const OfficeZone& zone, TimePoint t) {
    const Day day = zone.office_day(t);
    const int minutes = zone.minutes_of_day(t);
    constexpr int kMinutesPerHour = 60;
    constexpr std::int64_t kMsPerSecond = 1000;
    constexpr std::int64_t kSecondsPerMinute = 60;
    LocalDateTime out;
    out.year = static_cast<int>(day.year());
    out.month = static_cast<int>(static_cast<unsigned>(day.month()));
    out.day = static_cast<int>(static_cast<unsigned>(day.day()));
    out.weekday = static_cast<int>(date::weekday(date::sys_days(day)).c_encoding());
    out.hour = minutes / kMinutesPerHour;
    out.minute = minutes % kMinutesPerHour;
    // Zone offsets are whole minutes, so the seconds are those of UTC.
    const std::int64_t ms = to_epoch_ms(t);
    out.second = static_cast<int>(((ms / kMsPerSecond) % kSecondsPerMinute + kSecondsPerMinute) %
                                  kSecondsPerMinute);
    return out;
}

ShellView make_shell_view(const ShellSettings& settings, const AppState& state, LocalDateTime now) {
    ShellView view;
    view.mode = settings.mode;
    view.office_name = settings.office_name;
    view.counter = settings.counter;
    view.kiosk_locked = settings.kiosk_locked;
    view.connection = state.connection;
    view.now = now;
    return view;
}

}  // namespace motcua::kiosk
