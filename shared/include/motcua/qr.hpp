#pragma once
/// QR codes as a plain module matrix: the ticket slip and the dossier forms draw it with cairo
/// and the kiosk screen with ImGui, so nothing here knows how it will be painted. libqrencode
/// stays out of motcua_shared: link motcua_qr for this.
#include <cstdint>
#include <string_view>
#include <vector>

#include "motcua/result.hpp"

namespace motcua {

/// A square QR symbol without its quiet zone; modules are row-major, 1 dark and 0 light.
struct QrMatrix {
    int size = 0;
    std::vector<std::uint8_t> modules;
    [[nodiscard]] bool dark(int x, int y) const {
        return modules[static_cast<std::size_t>(y * size + x)] != 0;
    }
};

/// The light border every reader needs around the symbol, in modules (ISO/IEC 18004).
inline constexpr int kQrQuietZoneModules = 4;

/// Encodes text (UTF-8 bytes, 8-bit mode, error correction M) in the smallest version that fits.
Result<QrMatrix> make_qr(std::string_view text);

}  // namespace motcua
