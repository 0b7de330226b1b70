#include "cli/hub_config.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

namespace motcua::hub {
namespace {

std::string where(const std::string& path, const toml::node* node) {
    if (node == nullptr) return path;
    return fmt::format("{}:{}", path, node->source().begin.line);
}

}  // namespace

Result<HubConfig> load_hub_config(const std::string& path) {
    toml::table root;
    try {
        root = toml::parse_file(path);
    } catch (const toml::parse_error& e) {
        std::string what(e.description());
        for (auto& c : what)
            if (c == '\n') c = ' ';
        return make_error(
            ErrorCode::invalid_config,
            fmt::format("{}:{}: TOML syntax error: {}", path, e.source().begin.line, what));
    }
    HubConfig cfg;
    for (const auto& [key, node] : root) {
        const std::string k(key.str());
        if (k != "province" && k != "database")
            return make_error(ErrorCode::invalid_config,
                              fmt::format("{}: key '{}': unknown key (check the spelling)",
                                          where(path, &node), k));
        const auto* table = node.as_table();
        if (table == nullptr)
            return make_error(ErrorCode::invalid_config,
                              fmt::format("{}: key '{}': expected a table", where(path, &node), k));
        for (const auto& [sub, value] : *table) {
            const std::string full = k + "." + std::string(sub.str());
            const auto bad = [&](std::string_view problem) {
                return make_error(
                    ErrorCode::invalid_config,
                    fmt::format("{}: key '{}': {}", where(path, &value), full, problem));
            };
            if (full == "province.name" || full == "province.time_zone") {
                const auto* text = value.as_string();
                if (text == nullptr || text->get().empty())
                    return bad("expected a non-empty string");
                (full == "province.name" ? cfg.settings.province_name : cfg.settings.time_zone) =
                    text->get();
            } else if (full == "database.pool") {
                const auto* n = value.as_integer();
                if (n == nullptr || n->get() < 1 || n->get() > 64)
                    return bad("expected an integer from 1 to 64");
                cfg.pool_size = static_cast<int>(n->get());
            } else {
                return bad("unknown key (check the spelling)");
            }
        }
    }
    if (auto zone = OfficeZone::load(cfg.settings.time_zone); !zone)
        return make_error(ErrorCode::invalid_config, fmt::format("{}: key 'province.time_zone': {}",
                                                                 path, zone.error().message));
    return cfg;
}

}  // namespace motcua::hub
