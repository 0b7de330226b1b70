#pragma once
/// Ticket printing: a slip laid out with cairo for 58 mm or 80 mm thermal paper at 203 dpi,
/// sent as ESC/POS raster (GS v 0) plus a cut to a device file, tcp://HOST:PORT or file:PATH.
/// No ImGui and no network of the ward service here: the kiosk's print thread calls it.
#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "motcua/result.hpp"

namespace motcua::kiosk::print {

/// What a printed ticket shows. Text is already in the kiosk's current language.
/// Empty fields are left out of the slip (no blank lines), so a slip without a priority or a
/// QR URL simply gets shorter.
struct TicketSlip {
    std::string office_name;  // "Trung tâm Phục vụ hành chính công phường Bến Thành"
    std::string number;       // "A012"
    std::string category_name;     // "Tư pháp - Hộ tịch"
    std::string issued_at_text;    // "07:31 — 23/11/2026"
    std::string waiting_text;      // "Số người đang chờ trước bạn: 3"
    std::string estimate_text;     // "Thời gian chờ dự kiến: khoảng 12 phút"
    std::string counters_text;     // "Quầy phục vụ: 1, 2, 4"
    std::string priority_text;     // "Ưu tiên: Người cao tuổi" or empty
    std::string appointment_text;  // "Lịch hẹn lúc 09:00" for a checked-in booking, or empty
    std::string qr_url;            // the phone page, http://HOST:PORT/t/{id}
    std::string qr_caption;        // "Quét mã để theo dõi lượt của bạn"
    std::string footer;            // "Vui lòng giữ phiếu cho đến khi được phục vụ."
};

enum class Paper { mm58, mm80 };

/// Printable width in dots at 203 dpi: 384 for 58 mm paper, 576 for 80 mm.
int paper_width_dots(Paper paper);

/// A 1-bit image, row-major, one byte per pixel (0 white, 1 black): easy to compare in tests.
struct Bitmap {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;
    [[nodiscard]] bool black(int x, int y) const {
        return pixels[static_cast<std::size_t>(y * width + x)] != 0;
    }
};

/// Lays the slip out with cairo (Noto Sans, Vietnamese text, big number, QR code), thresholded.
/// The image is exactly paper_width_dots(paper) wide and as tall as its content. A QR URL too
/// long to fit the paper is left out with a warning in the log rather than failing the ticket.
Result<Bitmap> render_ticket(const TicketSlip& slip, Paper paper);

/// Frees the font caches cairo and fontconfig keep for the whole process. Only for the very end
/// of a program, after the last render_ticket: LeakSanitizer counts the caches as leaks otherwise.
void release_font_caches();

/// ESC @, then the image as GS v 0 raster in bands of at most 256 rows, feed, GS V partial cut.
/// A width that is not a multiple of 8 is padded on the right with white dots.
std::vector<std::uint8_t> escpos_job(const Bitmap& image);

/// Decodes the GS v 0 raster blocks of an ESC/POS job back into one image (for tests and previews).
/// Understands exactly what escpos_job writes (ESC @, ESC d n, GS V cuts, GS v 0 in normal
/// density); anything else, truncated blocks or bands of different widths are an error.
/// The decoded width is the raster's byte width times 8 (padding included).
Result<Bitmap> decode_escpos_raster(std::span<const std::uint8_t> job);

/// Writes a PNG of the bitmap (cairo), black on white.
Status write_png(const Bitmap& image, const std::string& path);

/// Reads a PNG back as a 1-bit image (dark pixels black): the file: target's preview, for tests.
Result<Bitmap> read_png(const std::string& path);

/// Where tickets go: "/dev/usb/lp0" (a device file), "tcp://HOST:PORT" (raw port 9100),
/// or "file:PATH" (the job bytes to PATH and a PNG preview to PATH.png).
struct PrinterTarget {
    enum class Kind { device, tcp, file } kind = Kind::file;
    std::string path;  // device or file path
    std::string host;
    std::uint16_t port = 9100;
};

/// Parses --printer; a bad value is an error naming the problem.
Result<PrinterTarget> parse_printer_target(const std::string& text);

/// The printer's text for logs and errors: "/dev/usb/lp0", "tcp://10.0.0.9:9100", "file:/tmp/t".
std::string describe(const PrinterTarget& target);

/// How long a send may take before the printer counts as unavailable. The defaults keep a
/// citizen waiting at most a few seconds; tests shorten them.
struct SendLimits {
    std::chrono::milliseconds connect{3000};  // tcp: resolve and connect
    std::chrono::milliseconds write{5000};    // all bytes, any target
};

/// Sends an encoded job. A file: target also gets PATH.png decoded from the job itself, so the
/// preview is exactly what a printer would print. Never throws.
Status send_job(std::span<const std::uint8_t> job, const PrinterTarget& target,
                const SendLimits& limits = {});

/// Renders, encodes and sends one ticket. Never throws; a missing or failing printer is an error
/// result (the caller keeps the number on screen and logs it). Bounded by a few seconds.
Status print_ticket(const TicketSlip& slip, Paper paper, const PrinterTarget& target);

}  // namespace motcua::kiosk::print
