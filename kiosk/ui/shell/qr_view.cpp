#include "kiosk/ui/shell/qr_view.hpp"

#include <algorithm>
#include <cmath>

namespace motcua::kiosk::ui {

Box draw_qr(ImDrawList* draw, const Box& box, const QrMatrix& qr, const Palette& colours) {
    if (qr.size <= 0) return {box.min, box.min};
    const int span = qr.size + 2 * kQrQuietZoneModules;
    const float side = std::min(box.width(), box.height());
    const float module = std::max(1.0F, std::floor(side / static_cast<float>(span)));
    const float drawn = module * static_cast<float>(span);
    const ImVec2 origin{std::round(box.centre().x - drawn / 2),
                        std::round(box.centre().y - drawn / 2)};
    draw->AddRectFilled(origin, {origin.x + drawn, origin.y + drawn}, colours.qr_light);

    const float quiet = module * kQrQuietZoneModules;
    for (int y = 0; y < qr.size; ++y) {
        // One rectangle per horizontal run of dark modules: a few hundred instead of thousands.
        int x = 0;
        while (x < qr.size) {
            if (!qr.dark(x, y)) {
                ++x;
                continue;
            }
            const int start = x;
            while (x < qr.size && qr.dark(x, y)) ++x;
            const ImVec2 a{origin.x + quiet + module * static_cast<float>(start),
                           origin.y + quiet + module * static_cast<float>(y)};
            draw->AddRectFilled(a, {a.x + module * static_cast<float>(x - start), a.y + module},
                                colours.qr_dark);
        }
    }
    return {origin, {origin.x + drawn, origin.y + drawn}};
}

}  // namespace motcua::kiosk::ui
