#pragma once
// The callers of an in-process test ward (the role matrix, the disk-fault tests, the router
// fuzzer): one device of each role and one officer of each role, with their tokens.
#include <fmt/format.h>

#include <chrono>
#include <optional>
#include <string>

#include "auth/crypto.hpp"
#include "store/store.hpp"

namespace harness {

struct TestCallers {
    std::string kiosk, rating, board;        // devices; the rating pad is counter 1's
    std::string officer, supervisor, admin;  // lan, minh, quan, each logged in
};

/// Adds them to the store inside `tx`. The officers' password hashes match nothing: a login is
/// refused, quickly; their sessions last `session` from now (real clock, like the service's).
inline TestCallers add_test_callers(motcua::store::WriteTx& tx, motcua::TimePoint now,
                                    std::chrono::hours session = std::chrono::hours(1)) {
    using namespace motcua;
    TestCallers out;
    auto device = [&](std::string& token, const char* name, DeviceRole role,
                      std::optional<int> counter) {
        token = auth::new_token();
        tx.add_device({0, name, role, counter}, auth::token_digest(token), now);
    };
    device(out.kiosk, "Kiosk", DeviceRole::kiosk, std::nullopt);
    device(out.rating, "Pad 1", DeviceRole::rating, 1);
    device(out.board, "Board", DeviceRole::board, std::nullopt);
    const auto expires =
        std::chrono::time_point_cast<Millis>(std::chrono::system_clock::now() + session);
    auto officer = [&](std::string& token, const std::string& username, OfficerRole role) {
        token = auth::new_token();
        tx.add_officer({username, "Cán bộ " + username, role, "unused"}, now);
        tx.add_session(auth::token_digest(token), username, expires);
    };
    officer(out.officer, "lan", OfficerRole::officer);
    officer(out.supervisor, "minh", OfficerRole::supervisor);
    officer(out.admin, "quan", OfficerRole::admin);
    return out;
}

}  // namespace harness
