#pragma once
/// The command line of motcua-kiosk (DESIGN.md §5), parsed with CLI11.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "kiosk/core/shell/mode.hpp"
#include "kiosk/core/shell/server_url.hpp"
#include "motcua/result.hpp"

namespace motcua::kiosk {

struct WindowSize {
    int width = 0;
    int height = 0;
};

struct KioskOptions {
    Mode mode = Mode::ticket;
    ServerUrl server;
    std::optional<std::string> token;
    std::optional<int> counter;
    Language language = Language::vi;
    /// Absent: full screen without decorations (kiosk mode, leaving needs the admin PIN).
    std::optional<WindowSize> windowed;
    std::optional<std::filesystem::path> a11y_dump;
    /// Printer: a device file, tcp://HOST:PORT or file:PATH. Ticket mode prints slips on it;
    /// counter mode prints the receipts of dossiers received (PDF).
    std::optional<std::string> printer;
    /// Thermal paper width in millimetres: 58 or 80.
    int paper_mm = 80;
    /// Where the kiosk keeps its own files (the rating outbox); default default_state_dir().
    std::optional<std::filesystem::path> data_dir;
    /// The ward config, for the office name, time zone and admin PIN.
    std::optional<std::filesystem::path> config;
    /// Board: also write each announcement as a WAV file here; ticket and rating modes: each
    /// utterance of the voice guidance (guide-NNNNNN.wav, its words in the INFO comment).
    std::optional<std::filesystem::path> audio_out;
    /// Reports: where "Xuất CSV" and "Xuất Excel" save their files (default ~/motcua-reports).
    std::optional<std::filesystem::path> export_dir;
    /// --theme high-contrast and --large-text (DESIGN.md §13): the look every citizen starts
    /// with; the on-screen switches change it for one visit.
    bool high_contrast = false;
    bool large_text = false;
};

/// Parsing ended without options: print `text` and exit with `code`
/// (0: help, to standard output; 2: bad usage, one line to standard error).
struct CommandLineExit {
    int code = 0;
    std::string text;
};

using CommandLine = std::variant<KioskOptions, CommandLineExit>;

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

CommandLine parse_command_line(int argc, const char* const* argv);

/// "1280x800" -> {1280, 800}; each side within a sane screen range.
Result<WindowSize> parse_window_size(std::string_view text);

}  // namespace motcua::kiosk
