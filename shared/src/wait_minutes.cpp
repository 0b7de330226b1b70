#include <algorithm>

#include "motcua/api.hpp"

namespace motcua::api {

WaitMinutes wait_minutes(const WaitRange& range) {
    constexpr int kMinute = 60;
    constexpr int kSoonBelow = 3 * kMinute;
    constexpr int kOpenEndedAbove = 3 * 60 * kMinute;
    // A clock step or an old service may send a negative or upside-down pair: never "-1 phút".
    const int low_s = std::max(0, std::min(range.low_s, range.high_s));
    const int high_s = std::max(0, std::max(range.low_s, range.high_s));
    if (high_s < kSoonBelow) return {};
    const int low = low_s / kMinute;
    const int high = (high_s + kMinute - 1) / kMinute;
    // "khoảng 23–720 phút" tells nobody anything: past 3 hours only the low end is meaningful.
    if (high_s > kOpenEndedAbove)
        return low == 0 ? WaitMinutes{WaitMinutes::Kind::unsure, 0, 0}
                        : WaitMinutes{WaitMinutes::Kind::over, low, 0};
    if (low == 0) return {WaitMinutes::Kind::under, 0, high};
    if (low == high) return {WaitMinutes::Kind::about, 0, high};
    return {WaitMinutes::Kind::range, low, high};
}

}  // namespace motcua::api
