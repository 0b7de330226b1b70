// ESC/POS raster jobs. Every thermal printer a ward can buy (Xprinter, Epson TM, Rongta, ...)
// understands GS v 0, so the slip travels as one image and the printer needs no fonts of its own:
// Vietnamese text prints the same on all of them.
#include <algorithm>
#include <cstdio>
#include <string>

#include "kiosk/print/ticket_printer.hpp"

namespace motcua::kiosk::print {

namespace {

constexpr std::uint8_t kEsc = 0x1B;
constexpr std::uint8_t kGs = 0x1D;
constexpr std::uint8_t kInit = 0x40;          // ESC @: reset modes left by whoever printed last
constexpr std::uint8_t kFeedLines = 0x64;     // ESC d n: feed n lines
constexpr std::uint8_t kRaster = 0x76;        // GS v 0: print raster bit image
constexpr std::uint8_t kRasterFn = 0x30;      // the '0' of GS v 0
constexpr std::uint8_t kRasterNormal = 0x00;  // m = 0: one dot per bit, no doubling
constexpr std::uint8_t kCut = 0x56;           // GS V: cut
constexpr std::uint8_t kCutPartialFeed = 66;  // GS V 66 n: feed to the cutter (+n), partial cut

// Many printers buffer a raster block before printing it; small blocks keep cheap ones from
// stalling or dropping a long slip, and cost 8 bytes each.
constexpr int kBandRows = 256;
// Enough paper after the image to clear the tear bar on printers without a cutter.
constexpr std::uint8_t kTrailingFeed = 3;
constexpr int kRasterHeaderBytes = 8;  // GS v 0 m xL xH yL yH
constexpr int kBitsPerByte = 8;
constexpr std::uint8_t kLeftmostBit = 0x80;
// A slip is a few thousand rows; anything taller is garbage, and would cost 8 bytes of memory
// per input byte to decode.
constexpr int kMaxDecodedRows = 1 << 16;

void put16(std::vector<std::uint8_t>& out, int value) {
    out.push_back(static_cast<std::uint8_t>(value & 0xFF));
    out.push_back(static_cast<std::uint8_t>((value >> 8) & 0xFF));
}

int get16(std::span<const std::uint8_t> in, std::size_t pos) {
    return in[pos] | (in[pos + 1] << 8);
}

Error malformed(std::size_t at, const std::string& what) {
    return make_error(ErrorCode::bad_escpos,
                      "ESC/POS job, byte " + std::to_string(at) + ": " + what);
}

std::string hex(std::uint8_t b) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", b);
    return buf;
}

// Bytes a GS V cut takes after "GS V": functions A (0, 1, 48, 49) have no argument; B, C and D
// (65, 66, 97, 98, 103, 104) take one. 0 for an unknown function.
std::size_t cut_length(std::uint8_t m) {
    switch (m) {
        case 0:
        case 1:
        case 48:
        case 49:
            return 1;
        case 65:
        case 66:
        case 97:
        case 98:
        case 103:
        case 104:
            return 2;
        default:
            return 0;
    }
}

}  // namespace

std::vector<std::uint8_t> escpos_job(const Bitmap& image) {
    std::vector<std::uint8_t> out{kEsc, kInit};
    const int row_bytes = (image.width + kBitsPerByte - 1) / kBitsPerByte;
    for (int top = 0; top < image.height && row_bytes > 0; top += kBandRows) {
        const int rows = std::min(kBandRows, image.height - top);
        out.insert(out.end(), {kGs, kRaster, kRasterFn, kRasterNormal});
        put16(out, row_bytes);
        put16(out, rows);
        for (int y = top; y < top + rows; ++y) {
            for (int b = 0; b < row_bytes; ++b) {
                std::uint8_t byte = 0;
                for (int bit = 0; bit < kBitsPerByte; ++bit) {
                    const int x = b * kBitsPerByte + bit;
                    if (x < image.width && image.black(x, y))
                        byte |= static_cast<std::uint8_t>(kLeftmostBit >> bit);
                }
                out.push_back(byte);
            }
        }
    }
    out.insert(out.end(), {kEsc, kFeedLines, kTrailingFeed, kGs, kCut, kCutPartialFeed, 0});
    return out;
}

Result<Bitmap> decode_escpos_raster(std::span<const std::uint8_t> job) {
    Bitmap out;
    int row_bytes = 0;
    std::size_t pos = 0;
    // Every read below first checks that the bytes are there: a job is input from outside.
    auto have = [&](std::size_t n) { return job.size() - pos >= n; };
    while (pos < job.size()) {
        const std::uint8_t cmd = job[pos];
        if (cmd != kEsc && cmd != kGs) return malformed(pos, "unexpected byte " + hex(cmd));
        if (!have(2)) return malformed(pos, "command cut short");
        const std::uint8_t op = job[pos + 1];
        if (cmd == kEsc && op == kInit) {
            pos += 2;
        } else if (cmd == kEsc && op == kFeedLines) {
            if (!have(3)) return malformed(pos, "ESC d without its line count");
            pos += 3;
        } else if (cmd == kGs && op == kCut) {
            if (!have(3)) return malformed(pos, "GS V without its function");
            const std::size_t len = cut_length(job[pos + 2]);
            if (len == 0) return malformed(pos, "unknown GS V cut function " + hex(job[pos + 2]));
            if (!have(2 + len)) return malformed(pos, "GS V without its feed amount");
            pos += 2 + len;
        } else if (cmd == kGs && op == kRaster) {
            if (!have(kRasterHeaderBytes)) return malformed(pos, "GS v 0 header cut short");
            if (job[pos + 2] != kRasterFn) return malformed(pos, "GS v is not followed by '0'");
            if (job[pos + 3] != kRasterNormal)
                return malformed(
                    pos, "GS v 0 mode " + hex(job[pos + 3]) + " (only normal density is used)");
            const int bytes = get16(job, pos + 4);
            const int rows = get16(job, pos + 6);
            if (bytes == 0 || rows == 0) return malformed(pos, "GS v 0 block of zero size");
            if (row_bytes != 0 && bytes != row_bytes)
                return malformed(pos, "band " + std::to_string(bytes) +
                                          " bytes wide after bands of " +
                                          std::to_string(row_bytes));
            if (out.height + rows > kMaxDecodedRows)
                return malformed(pos,
                                 "image taller than " + std::to_string(kMaxDecodedRows) + " rows");
            const std::size_t size =
                static_cast<std::size_t>(bytes) * static_cast<std::size_t>(rows);
            pos += kRasterHeaderBytes;
            if (!have(size))
                return malformed(pos, "GS v 0 data cut short: " + std::to_string(job.size() - pos) +
                                          " of " + std::to_string(size) + " bytes");
            row_bytes = bytes;
            out.width = bytes * kBitsPerByte;
            out.pixels.reserve(out.pixels.size() + size * kBitsPerByte);
            for (std::size_t i = 0; i < size; ++i)
                for (int bit = 0; bit < kBitsPerByte; ++bit)
                    out.pixels.push_back((job[pos + i] & (kLeftmostBit >> bit)) ? 1 : 0);
            out.height += rows;
            pos += size;
        } else {
            return malformed(pos, "unknown command " + hex(cmd) + " " + hex(op));
        }
    }
    if (out.height == 0)
        return make_error(ErrorCode::bad_escpos, "ESC/POS job has no raster image");
    return out;
}

}  // namespace motcua::kiosk::print
