#include "kiosk/core/shell/admin_pin.hpp"

#include <utility>

namespace motcua::kiosk {

namespace {

/// Compares every byte whatever the first mismatch, so timing says nothing about the PIN.
bool same_secret(std::string_view a, std::string_view b) {
    unsigned char diff = a.size() == b.size() ? 0 : 1;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const unsigned char other = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
        diff |= static_cast<unsigned char>(static_cast<unsigned char>(a[i]) ^ other);
    }
    return diff == 0;
}

}  // namespace

AdminPinGate::AdminPinGate(std::string pin, AdminPinPolicy policy)
    : pin_(std::move(pin)), policy_(policy) {}

AdminPinGate::Verdict AdminPinGate::check(std::string_view entered, Clock::time_point now) {
    if (!configured()) return Verdict::not_configured;
    if (now < locked_until_) return Verdict::locked_out;
    if (same_secret(pin_, entered)) {
        wrong_in_a_row_ = 0;
        return Verdict::accepted;
    }
    if (++wrong_in_a_row_ >= policy_.max_attempts) {
        wrong_in_a_row_ = 0;
        locked_until_ = now + policy_.lockout;
        return Verdict::locked_out;
    }
    return Verdict::rejected;
}

int AdminPinGate::lockout_seconds_left(Clock::time_point now) const {
    if (now >= locked_until_) return 0;
    const auto left = std::chrono::ceil<std::chrono::seconds>(locked_until_ - now);
    return static_cast<int>(left.count());
}

}  // namespace motcua::kiosk
