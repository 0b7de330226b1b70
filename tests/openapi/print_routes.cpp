// Prints every route of both programs' route tables, one "METHOD PATH" per line: the ward
// service's (on a scratch database) and the hub's (on the test PostgreSQL cluster). The openapi
// test compares them with docs/openapi.yaml.
// Usage: openapi_print_routes PG_URI_FILE SCRATCH_DIR
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "api/hub_app.hpp"
#include "api/ward.hpp"
#include "auth/crypto.hpp"

using namespace motcua;

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: openapi_print_routes PG_URI_FILE SCRATCH_DIR\n";
        return 2;
    }
    const std::filesystem::path dir = argv[2];
    std::filesystem::create_directories(dir);
    auto config =
        load_config(std::filesystem::path(MOTCUA_SOURCE_DIR) / "assets/config/ward-demo.toml");
    auto zone = config ? OfficeZone::load(config->time_zone) : OfficeZone::load("UTC");
    if (!config || !zone || !auth::init_crypto()) {
        std::cerr << "openapi_print_routes: cannot load the demo ward's config\n";
        return 1;
    }
    auto store = store::Store::open((dir / "routes.db").string());
    if (!store) {
        std::cerr << "openapi_print_routes: " << store.error().message << "\n";
        return 1;
    }
    TestClock clock(*parse_rfc3339("2026-11-23T08:00:00+07:00"));
    {
        api::Ward ward(*config, *zone, clock, &clock, **store);
        for (const auto& r : ward.router().routes())
            std::cout << fmt::format("{} {}\n", r.method, r.pattern.text());
    }

    std::string uri;
    std::getline(std::ifstream(argv[1]), uri);
    auto pool = hub::PgPool::open(uri, 1);
    if (!pool) {
        std::cerr << "openapi_print_routes: " << pool.error().message << "\n";
        return 1;
    }
    hub::HubApp hub_app({}, *zone, **pool);
    for (const auto& r : hub_app.router().routes())
        std::cout << fmt::format("{} {}\n", r.method, r.pattern.text());
    return 0;
}
