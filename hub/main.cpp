// motcua-hub: the province hub (DESIGN.md §11) and its administration commands.
#include <fmt/format.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl/context.hpp>
#include <iostream>

#include "api/hub_app.hpp"
#include "auth/crypto.hpp"
#include "auth/hub_auth.hpp"
#include "cli/hub_config.hpp"
#include "motcua/config.hpp"
#include "motcua/hub.hpp"
#include "motcua/logging.hpp"
#include "net/server.hpp"
#include "pg/pool.hpp"
#include "pg/schema.hpp"

namespace {

using namespace motcua;
constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

int failure(const std::string& message) {
    std::cerr << "motcua-hub: " << message << '\n';
    return kExitFailure;
}

struct Common {
    std::string config;
    std::string pg;
};

/// Config, crypto, a pool on the database and the migrations: what every command needs.
struct Opened {
    hub::HubConfig config;
    std::unique_ptr<hub::PgPool> pool;
};

Result<Opened> open_hub(const Common& o, int pool_size_override = 0) {
    auto config = hub::load_hub_config(o.config);
    if (!config) return config.error();
    if (auto init = auth::init_crypto(); !init) return init.error();
    auto pool =
        hub::PgPool::open(o.pg, pool_size_override > 0 ? pool_size_override : config->pool_size);
    if (!pool)
        return make_error(
            pool.error().code,
            fmt::format("--pg {}: {}", hub::redacted_conninfo(o.pg), pool.error().message));
    std::string migrate_error;
    auto migrated = (*pool)->run([&](pqxx::connection& c) {
        try {
            hub::migrate(c);
        } catch (const std::runtime_error& e) {
            migrate_error = e.what();
        }
    });
    if (!migrated) return migrated.error();
    if (!migrate_error.empty()) return make_error(ErrorCode::schema, migrate_error);
    return Opened{std::move(*config), std::move(*pool)};
}

struct Tls {
    std::string cert, key;
};

int serve(const Common& o, const std::string& listen, const Tls& tls_files) {
    auto endpoint = net::parse_listen(listen);
    if (!endpoint) {
        std::cerr << fmt::format("motcua-hub: --listen '{}' is not HOST:PORT\n", listen);
        return kExitUsage;
    }
    if (tls_files.cert.empty() != tls_files.key.empty()) {
        std::cerr << "motcua-hub: --tls-cert and --tls-key go together\n";
        return kExitUsage;
    }
    std::shared_ptr<boost::asio::ssl::context> tls;
    if (!tls_files.cert.empty()) {
        auto loaded = net::load_tls(tls_files.cert, tls_files.key);
        if (!loaded) return failure(loaded.error().message);
        tls = std::move(*loaded);
    }
    auto opened = open_hub(o);
    if (!opened) return failure(opened.error().message);
    auto zone = OfficeZone::load(opened->config.settings.time_zone);
    if (!zone) return failure(zone.error().message);
    hub::HubApp app(opened->config.settings, *zone, *opened->pool);
    boost::asio::io_context ioc;
    std::optional<net::Server> server;
    try {
        net::ServerLimits limits;
        limits.max_body_bytes = hub::kMaxBatchBytes;
        server.emplace(ioc, app, *endpoint, limits, tls);
    } catch (const boost::system::system_error& e) {
        return failure(fmt::format("cannot listen on {}: {}", listen, e.code().message()));
    }
    server->start();
    app.warm_up();
    net::serve_until_signal(ioc, *server, nullptr);
    server.reset();
    opened->pool.reset();
    spdlog::info("stopped cleanly");
    return kExitOk;
}

int ward_add(const Common& o, const std::string& code, const std::string& name) {
    if (!motcua::is_unit_code(code)) {
        std::cerr << "motcua-hub: --code '" << code
                  << "' is not a unit code: capitals, digits and dots, 1 to 32, as the ward's "
                     "unit_code (e.g. 000.17.22.H56)\n";
        return kExitUsage;
    }
    if (name.empty()) {
        std::cerr << "motcua-hub: --name must not be empty\n";
        return kExitUsage;
    }
    auto opened = open_hub(o, 1);
    if (!opened) return failure(opened.error().message);
    Result<std::string> token =
        make_error(ErrorCode::internal_error, "no answer from the database");
    auto ran =
        opened->pool->run([&](pqxx::connection& c) { token = hub::add_ward(c, code, name); });
    if (!ran) return failure(ran.error().message);
    if (!token) return failure(fmt::format("ward add: {}", token.error().message));
    std::cerr << fmt::format(
        "added ward {} ({}); its token is shown once, put it in the ward's [hub] token_file:\n",
        code, name);
    std::cout << *token << std::endl;
    return kExitOk;
}

int user_add(const Common& o, const std::string& username, const std::string& name,
             const std::string& role_text, const std::string& ward) {
    auto role = parse_enum<OfficerRole>(role_text);
    if (!role || (*role != OfficerRole::province && *role != OfficerRole::ward_viewer)) {
        std::cerr << "motcua-hub: --role must be province or ward_viewer\n";
        return kExitUsage;
    }
    if ((*role == OfficerRole::ward_viewer) != !ward.empty()) {
        std::cerr
            << "motcua-hub: a ward_viewer needs --ward CODE, and only a ward_viewer takes one\n";
        return kExitUsage;
    }
    if (username.empty() || username.size() > 64 ||
        username.find_first_of(" \t\r\n") != std::string::npos) {
        std::cerr << "motcua-hub: --username must be 1 to 64 characters without spaces\n";
        return kExitUsage;
    }
    if (name.empty()) {
        std::cerr << "motcua-hub: --name must not be empty\n";
        return kExitUsage;
    }
    std::string password;
    if (!std::getline(std::cin, password) || password.empty())
        return failure("user add: no password on standard input (type it, or pipe it in)");
    if (password.back() == '\r') password.pop_back();
    auto opened = open_hub(o, 1);
    if (!opened) return failure(opened.error().message);
    Status added = Ok{};
    auto ran = opened->pool->run([&](pqxx::connection& c) {
        added = hub::add_user(c, username, name, *role,
                              ward.empty() ? std::nullopt : std::optional(ward), password);
    });
    if (!ran) return failure(ran.error().message);
    if (!added) return failure(fmt::format("user add: {}", added.error().message));
    std::cerr << fmt::format("added {} '{}' ({})\n", role_text, username, name);
    return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
    setup_logging("motcua-hub");

    CLI::App app{"motcua-hub: the province hub that sees every ward's one-stop desk"};
    app.require_subcommand(1);
    const auto common = [](CLI::App* cmd, Common& o) {
        cmd->add_option("--config", o.config, "hub config (TOML)")->required();
        cmd->add_option("--pg", o.pg, "PostgreSQL URI, e.g. postgresql://motcua@localhost/motcua")
            ->required();
    };

    Common serve_opts;
    std::string listen = "127.0.0.1:8090";
    auto* serve_cmd = app.add_subcommand("serve", "run the hub");
    common(serve_cmd, serve_opts);
    serve_cmd->add_option("--listen", listen, "HOST:PORT to listen on; port 0 picks a free one")
        ->capture_default_str();
    Tls tls;
    serve_cmd->add_option("--tls-cert", tls.cert, "serve HTTPS with this certificate chain (PEM)")
        ->check(CLI::ExistingFile);
    serve_cmd->add_option("--tls-key", tls.key, "the certificate's private key (PEM)")
        ->check(CLI::ExistingFile);

    auto* ward_cmd = app.add_subcommand("ward", "wards that ship to this hub");
    ward_cmd->require_subcommand(1);
    Common ward_opts;
    std::string ward_code, ward_name;
    auto* ward_add_cmd =
        ward_cmd->add_subcommand("add", "add a ward; prints its token once on standard output");
    common(ward_add_cmd, ward_opts);
    ward_add_cmd
        ->add_option("--code", ward_code, "the ward's unit code (mã đơn vị), as in its config")
        ->required();
    ward_add_cmd->add_option("--name", ward_name, "the ward's name")->required();

    auto* user_cmd = app.add_subcommand("user", "province officers");
    user_cmd->require_subcommand(1);
    Common user_opts;
    std::string username, user_name, role, user_ward;
    auto* user_add_cmd =
        user_cmd->add_subcommand("add", "add an officer; the password is read from standard input");
    common(user_add_cmd, user_opts);
    user_add_cmd->add_option("--username", username, "login name")->required();
    user_add_cmd->add_option("--name", user_name, "full name")->required();
    user_add_cmd->add_option("--role", role, "province (every ward) or ward_viewer (one ward)")
        ->required();
    user_add_cmd->add_option("--ward", user_ward, "the ward a ward_viewer sees (unit code)");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "motcua-hub: " << e.what() << " (see --help)\n";
        return kExitUsage;
    }
    if (serve_cmd->parsed()) return serve(serve_opts, listen, tls);
    if (ward_add_cmd->parsed()) return ward_add(ward_opts, ward_code, ward_name);
    if (user_add_cmd->parsed()) return user_add(user_opts, username, user_name, role, user_ward);
    return kExitUsage;
}
