// The programs' log lines: a timestamp and level on a terminal, the journal's priority prefix
// under systemd (DESIGN.md §12, docs/operations.md).
#include "motcua/logging.hpp"

#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

/// Logs a warning and an info line with stderr sent to a file; returns what was written.
std::string logged_with(bool journal_stream) {
    const auto path = std::filesystem::temp_directory_path() /
                      ("motcua-logging-" + std::to_string(::getpid()) + ".txt");
    const int file = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    REQUIRE(file >= 0);
    const int saved = ::dup(2);
    ::dup2(file, 2);
    struct stat st {};
    ::fstat(file, &st);
    if (journal_stream)
        ::setenv("JOURNAL_STREAM",
                 (std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino)).c_str(), 1);
    else
        ::setenv("JOURNAL_STREAM", "1:1", 1);  // the journal is somewhere, but not our stderr
    motcua::setup_logging("motcua-test");
    spdlog::warn("mất kết nối với quầy {}", 3);
    spdlog::info("event 812 ticket_finished ticket A012");
    spdlog::default_logger()->flush();
    ::dup2(saved, 2);
    ::close(saved);
    ::close(file);
    ::unsetenv("JOURNAL_STREAM");
    std::ifstream in(path);
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    std::filesystem::remove(path);
    return text;
}

}  // namespace

TEST_CASE("under systemd each log line carries its priority for the journal", "[logging]") {
    CHECK(logged_with(true) ==
          "<4>mất kết nối với quầy 3\n<6>event 812 ticket_finished ticket A012\n");
}

TEST_CASE("elsewhere log lines carry a timestamp and the level", "[logging]") {
    const auto text = logged_with(false);
    INFO(text);
    CHECK(text.find("warning mất kết nối với quầy 3\n") != std::string::npos);
    CHECK(text.find("info event 812 ticket_finished ticket A012\n") != std::string::npos);
    CHECK(text.rfind("20", 0) == 0);  // a date first
    CHECK(text.find("<4>") == std::string::npos);
}
