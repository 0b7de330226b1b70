#include "motcua/qr.hpp"

#include <qrencode.h>

#include <cerrno>
#include <memory>
#include <string>

namespace motcua {

namespace {

// Version 0 asks libqrencode for the smallest symbol that holds the data.
constexpr int kAutoVersion = 0;
// libqrencode sets bit 0 of each module byte for dark; the other bits describe function patterns.
constexpr unsigned char kDarkBit = 0x01;

struct QrFree {
    void operator()(QRcode* code) const { QRcode_free(code); }
};

}  // namespace

Result<QrMatrix> make_qr(std::string_view text) {
    if (text.empty())
        return make_error(ErrorCode::qr_empty, "there is nothing to put in the QR code");
    // Level M survives a smudged or creased slip (15 % of the symbol) without making a phone
    // URL's symbol much bigger; 8-bit mode keeps the UTF-8 bytes exactly as given.
    errno = 0;
    const std::unique_ptr<QRcode, QrFree> code(QRcode_encodeData(
        static_cast<int>(text.size()), reinterpret_cast<const unsigned char*>(text.data()),
        kAutoVersion, QR_ECLEVEL_M));
    if (!code) {
        if (errno == ERANGE)
            return make_error(ErrorCode::qr_too_long, "the text is too long for a QR code (" +
                                                          std::to_string(text.size()) + " bytes)");
        return make_error(ErrorCode::qr_failed, "cannot make the QR code (libqrencode error " +
                                                    std::to_string(errno) + ")");
    }
    QrMatrix out;
    out.size = code->width;
    const auto count = static_cast<std::size_t>(out.size) * static_cast<std::size_t>(out.size);
    out.modules.resize(count);
    for (std::size_t i = 0; i < count; ++i) out.modules[i] = (code->data[i] & kDarkBit) ? 1 : 0;
    return out;
}

}  // namespace motcua
