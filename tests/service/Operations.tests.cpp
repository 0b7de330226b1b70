// Running a ward server (DESIGN.md §12): TLS on `serve`.
#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "harness.hpp"

using namespace harness;

TEST_CASE("the ward service over HTTPS: its CA gets through, another CA and plain HTTP do not",
          "[integration][tls]") {
    Ward ward;
    const TestCertificates certs(ward.dir.path);
    TempDir elsewhere;
    const TestCertificates stranger(elsewhere.path);
    Service s(ward.db, {"--tls-cert", certs.cert, "--tls-key", certs.key});
    const auto url = fmt::format("https://127.0.0.1:{}/api/v1/healthz", s.port());
    const auto curl = [&](const std::string& ca) {
        return shell(fmt::format("curl -sS --max-time 10 --cacert '{}' '{}' 2>&1; echo \" rc=$?\"",
                                 ca, url));
    };
    const auto trusted = curl(certs.ca);
    INFO(trusted);
    CHECK(trusted.find(R"({"status":"ok"})") != std::string::npos);
    CHECK(trusted.find(" rc=0") != std::string::npos);

    const auto refused = curl(stranger.ca);
    INFO(refused);
    CHECK(refused.find(" rc=60") != std::string::npos);  // curl: peer certificate not trusted

    // Plain HTTP to the TLS port is told, in plain HTTP, to use https://; nothing else happens.
    const auto plain = request(s.port(), "GET", "/api/v1/healthz");
    CHECK(plain.status == 400);
    CHECK(plain.json().at("error").at("code") == "https_required");
    CHECK(plain.headers.at("Connection") == "close");
    CHECK(curl(certs.ca).find(" rc=0") != std::string::npos);  // and the service goes on
    CHECK(s.stop() == 0);
}

TEST_CASE("serve's TLS options are checked before anything starts", "[integration][tls]") {
    Ward ward;
    const TestCertificates certs(ward.dir.path);
    TempDir elsewhere;
    const TestCertificates stranger(elsewhere.path);
    const auto no_key = run_cli({"serve", "--config", ward.config, "--db", ward.db.string(),
                                 "--listen", "127.0.0.1:0", "--tls-cert", certs.cert});
    CHECK(no_key.exit_code == 2);
    CHECK(no_key.err == "motcua-service: --tls-cert and --tls-key go together\n");
    // A key that is not the certificate's: one line naming the problem, exit 1.
    const auto wrong_key =
        run_cli({"serve", "--config", ward.config, "--db", ward.db.string(), "--listen",
                 "127.0.0.1:0", "--tls-cert", certs.cert, "--tls-key", stranger.key});
    CHECK(wrong_key.exit_code == 1);
    INFO(wrong_key.err);
    CHECK(wrong_key.err.find(stranger.key) != std::string::npos);
    CHECK(std::count(wrong_key.err.begin(), wrong_key.err.end(), '\n') == 1);
}
