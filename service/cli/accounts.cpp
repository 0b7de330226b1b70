// `user add` and `device add`: accounts created straight in the database (the service may run).
#include <fmt/format.h>

#include <iostream>

#include "auth/crypto.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "store/store.hpp"

namespace motcua::cli {

int user_add(const UserAddOptions& o) {
    auto role = parse_enum<OfficerRole>(o.role);
    if (!role || !ward_role(*role))
        return usage_error("--role must be one of: officer, supervisor, admin");
    if (o.username.empty() || o.username.size() > 64 ||
        o.username.find_first_of(" \t\r\n") != std::string::npos)
        return usage_error("--username must be 1 to 64 characters without spaces");
    if (o.name.empty()) return usage_error("--name must not be empty");
    auto env = open_environment(o.config, o.db);
    if (!env) return failure(env.error().message);

    std::string password;
    if (!std::getline(std::cin, password) || password.empty())
        return failure("user add: no password on standard input (type it, or pipe it in)");
    if (!password.empty() && password.back() == '\r') password.pop_back();
    if (auto init = auth::init_crypto(); !init) return failure(init.error().message);
    auto hash = auth::hash_password(password);
    if (!hash) return failure(hash.error().message);
    if (env->store->officer(o.username))
        return failure(fmt::format("user add: officer '{}' already exists", o.username));
    store::OfficerRecord record{o.username, o.name, *role, *hash};
    const TimePoint now = std::chrono::time_point_cast<Millis>(std::chrono::system_clock::now());
    auto written = env->store->write([&](store::WriteTx& tx) {
        tx.add_officer(record, now);
        tx.audit(now, store::Actor::cli("user add"), "officer_added",
                 fmt::format("officer {} ({}, {})", o.username, o.name, o.role));
    });
    if (!written) return failure(fmt::format("user add: {}", written.error().message));
    std::cerr << fmt::format("added {} '{}' ({})\n", o.role, o.username, o.name);
    return kExitOk;
}

int device_add(const DeviceAddOptions& o) {
    auto role = parse_enum<DeviceRole>(o.role);
    if (!role)
        return usage_error(fmt::format("--role must be one of: {}", enum_choices<DeviceRole>()));
    if (o.name.empty()) return usage_error("--name must not be empty");
    if (*role == DeviceRole::rating && !o.counter)
        return usage_error("a rating device needs --counter N");
    auto env = open_environment(o.config, o.db);
    if (!env) return failure(env.error().message);
    if (o.counter && env->config.find_counter(*o.counter) == nullptr)
        return failure(fmt::format("device add: counter {} is not in {}", *o.counter, o.config));
    if (auto init = auth::init_crypto(); !init) return failure(init.error().message);
    const std::string token = auth::new_token();
    store::DeviceRecord record{0, o.name, *role, o.counter};
    const TimePoint now = std::chrono::time_point_cast<Millis>(std::chrono::system_clock::now());
    auto written = env->store->write([&](store::WriteTx& tx) {
        const auto id = tx.add_device(record, auth::token_digest(token), now);
        tx.audit(now, store::Actor::cli("device add"), "device_added",
                 o.counter
                     ? fmt::format("device {} (#{} {}, counter {})", o.name, id, o.role, *o.counter)
                     : fmt::format("device {} (#{} {})", o.name, id, o.role));
    });
    if (!written) return failure(fmt::format("device add: {}", written.error().message));
    std::cerr << fmt::format("added {} device '{}'; its token is shown once, keep it:\n", o.role,
                             o.name);
    std::cout << token << std::endl;
    return kExitOk;
}

}  // namespace motcua::cli
