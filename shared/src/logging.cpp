#include "motcua/logging.hpp"

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace motcua {

namespace {

/// "%*": the syslog priority prefix the journal reads (sd-daemon(3)).
class SyslogPriority final : public spdlog::custom_flag_formatter {
public:
    void format(const spdlog::details::log_msg& msg, const std::tm&,
                spdlog::memory_buf_t& dest) override {
        // trace, debug, info, warn, err, critical, off
        static constexpr std::string_view kPriority[] = {"<7>", "<7>", "<6>", "<4>",
                                                         "<3>", "<2>", "<6>"};
        const auto p = kPriority[static_cast<std::size_t>(msg.level)];
        dest.append(p.data(), p.data() + p.size());
    }
    [[nodiscard]] std::unique_ptr<custom_flag_formatter> clone() const override {
        return spdlog::details::make_unique<SyslogPriority>();
    }
};

}  // namespace

bool logging_to_journal() {
    // systemd sets JOURNAL_STREAM=DEVICE:INODE of the stream it connected; a program whose
    // stderr was redirected elsewhere (a pipe in a script) must not take it for the journal.
    const char* stream = std::getenv("JOURNAL_STREAM");
    if (stream == nullptr) return false;
    struct stat st {};
    if (::fstat(fileno(stderr), &st) != 0) return false;
    unsigned long long dev = 0, ino = 0;
    if (std::sscanf(stream, "%llu:%llu", &dev, &ino) != 2) return false;
    return dev == static_cast<unsigned long long>(st.st_dev) &&
           ino == static_cast<unsigned long long>(st.st_ino);
}

void setup_logging(const std::string& program) {
    spdlog::drop(program);
    spdlog::set_default_logger(spdlog::stderr_color_mt(program));
    if (logging_to_journal()) {
        auto formatter = std::make_unique<spdlog::pattern_formatter>();
        formatter->add_flag<SyslogPriority>('*').set_pattern("%*%v");
        spdlog::set_formatter(std::move(formatter));
    } else {
        spdlog::set_pattern("%Y-%m-%d %H:%M:%S.%e %^%l%$ %v");
    }
}

}  // namespace motcua
