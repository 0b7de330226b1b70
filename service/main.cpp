// motcua-service: the ward's queue service and its administration commands (DESIGN.md §5).
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "motcua/logging.hpp"

namespace {

/// --config and --db, which every command takes.
void ward_files(CLI::App* cmd, motcua::cli::WardFiles& files) {
    cmd->add_option("--config", files.config, "ward config (TOML)")->required();
    cmd->add_option("--db", files.db, "SQLite database file (default ./motcua.db)");
}

/// A report's options: the database, the period, the grouping, the format and the output.
void report_options(CLI::App* cmd, motcua::cli::ReportOptions& o, const char* groupings,
                    const char* formats) {
    ward_files(cmd, o);
    cmd->add_option("--from", o.from, "first office day, YYYY-MM-DD")->required();
    cmd->add_option("--to", o.to, "last office day, YYYY-MM-DD")->required();
    cmd->add_option("--group-by", o.group_by, groupings)->capture_default_str();
    cmd->add_option("--format", o.format, formats)->capture_default_str();
    cmd->add_option("--out", o.out, "write to this file instead of standard output");
}

}  // namespace

int main(int argc, char** argv) {
    using namespace motcua::cli;
    // What it creates holds secrets and personal data (the database and its WAL, backups,
    // exports): readable by its own user only, whatever umask it was started with (DESIGN.md §7).
    ::umask(0077);
    // Logs go to standard error: standard output carries what scripts read (the token, the URL).
    motcua::setup_logging("motcua-service");

    CLI::App app{"motcua-service: queue and feedback service of a ward's one-stop desk"};
    app.require_subcommand(1);

    ServeOptions serve_opts;
    auto* serve_cmd = app.add_subcommand("serve", "run the service");
    ward_files(serve_cmd, serve_opts);
    serve_cmd
        ->add_option("--listen", serve_opts.listen,
                     "HOST:PORT to listen on; port 0 picks a free one")
        ->capture_default_str();
    serve_cmd
        ->add_option("--read-timeout", serve_opts.read_timeout_s,
                     "seconds a request may take to arrive")
        ->check(CLI::Range(1, 3600))
        ->capture_default_str();
    serve_cmd
        ->add_option("--ws-queue", serve_opts.ws_queue,
                     "event messages queued per slow client before it is dropped")
        ->check(CLI::Range(1, 1000000))
        ->capture_default_str();
    serve_cmd
        ->add_option("--tls-cert", serve_opts.tls_cert,
                     "serve HTTPS with this certificate chain (PEM); needs --tls-key")
        ->check(CLI::ExistingFile);
    serve_cmd->add_option("--tls-key", serve_opts.tls_key, "the certificate's private key (PEM)")
        ->check(CLI::ExistingFile);
    serve_cmd
        ->add_option("--ca", serve_opts.ca,
                     "CA certificates (PEM) the shipper trusts for the hub; default [hub] ca_file")
        ->check(CLI::ExistingFile);
    serve_cmd->add_flag("--test-clock", serve_opts.test_clock,
                        "clock stands still until POST /api/v1/test/clock");

    BackupOptions backup_opts;
    auto* backup_cmd = app.add_subcommand(
        "backup", "copy the database while the service runs (a consistent, checked copy)");
    ward_files(backup_cmd, backup_opts);
    backup_cmd->add_option("--out", backup_opts.out, "the copy, a new file")->required();

    auto* user_cmd = app.add_subcommand("user", "officer accounts");
    user_cmd->require_subcommand(1);
    UserAddOptions user_opts;
    auto* user_add_cmd =
        user_cmd->add_subcommand("add", "add an officer; the password is read from standard input");
    ward_files(user_add_cmd, user_opts);
    user_add_cmd->add_option("--username", user_opts.username, "login name")->required();
    user_add_cmd->add_option("--name", user_opts.name, "full name, as shown to citizens")
        ->required();
    user_add_cmd->add_option("--role", user_opts.role, "officer, supervisor or admin")->required();

    auto* device_cmd = app.add_subcommand("device", "screens and pads");
    device_cmd->require_subcommand(1);
    DeviceAddOptions device_opts;
    auto* device_add_cmd =
        device_cmd->add_subcommand("add", "add a device; prints its token once on standard output");
    ward_files(device_add_cmd, device_opts);
    device_add_cmd->add_option("--name", device_opts.name, "a name to recognise it by")->required();
    device_add_cmd->add_option("--role", device_opts.role, "kiosk, rating or board")->required();
    device_add_cmd->add_option("--counter", device_opts.counter, "counter number (rating pads)");

    auto* report_cmd = app.add_subcommand("report", "reports from the database");
    report_cmd->require_subcommand(1);
    ReportOptions report_opts;
    auto* turnaround_cmd =
        report_cmd->add_subcommand("turnaround", "waiting, service and satisfaction report");
    report_options(turnaround_cmd, report_opts, "category, counter, officer, day or hour",
                   "json, csv or xlsx");
    auto* appointments_cmd = report_cmd->add_subcommand(
        "appointments", "bookings: booked, cancelled, checked in, missed, served, punctuality");
    report_options(appointments_cmd, report_opts, "category or day", "json or csv");
    auto* estimates_cmd = report_cmd->add_subcommand(
        "estimates", "wait estimates told at issue against real waits, and the simple rule's");
    report_options(estimates_cmd, report_opts, "category, day or hour", "json or csv");

    BacktestOptions backtest_opts;
    auto* backtest_cmd = app.add_subcommand(
        "backtest", "replay stored days: the wait estimates against three baselines");
    ward_files(backtest_cmd, backtest_opts);
    backtest_cmd->add_option("--from", backtest_opts.from, "first office day, YYYY-MM-DD")
        ->required();
    backtest_cmd->add_option("--to", backtest_opts.to, "last office day, YYYY-MM-DD")->required();
    backtest_cmd->add_option("--format", backtest_opts.format, "text or json")
        ->capture_default_str();

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        // One line naming the problem; exit 2 for bad usage.
        std::cerr << "motcua-service: " << e.what() << " (see --help)\n";
        return kExitUsage;
    }

    if (serve_cmd->parsed()) return serve(serve_opts);
    if (backup_cmd->parsed()) return backup(backup_opts);
    if (user_add_cmd->parsed()) return user_add(user_opts);
    if (device_add_cmd->parsed()) return device_add(device_opts);
    if (turnaround_cmd->parsed()) return report_turnaround(report_opts);
    if (appointments_cmd->parsed()) return report_appointments(report_opts);
    if (estimates_cmd->parsed()) return report_estimates(report_opts);
    if (backtest_cmd->parsed()) return backtest(backtest_opts);
    return kExitUsage;
}
