#pragma once
/// Slips the print tests share: a realistic Vietnamese one and helpers to look at bitmaps.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/print/ticket_printer.hpp"

namespace motcua::kiosk::print::test {

/// A ward's ticket with every field filled, a long office name and a priority line.
inline TicketSlip vietnamese_slip() {
    TicketSlip s;
    s.office_name =
        "Trung tâm Phục vụ hành chính công phường Bến Thành, Quận 1, Thành phố Hồ Chí Minh";
    s.number = "A012";
    s.category_name = "Tư pháp - Hộ tịch";
    s.issued_at_text = "07:31 — 23/11/2026";
    s.waiting_text = "Số người đang chờ trước bạn: 3";
    s.estimate_text = "Thời gian chờ dự kiến: khoảng 12 phút";
    s.counters_text = "Quầy phục vụ: 1, 2, 4";
    s.priority_text = "Ưu tiên: Người cao tuổi";
    s.qr_url = "http://192.168.1.10:8080/t/4f3a9c21";
    s.qr_caption = "Quét mã để theo dõi lượt của bạn";
    s.footer = "Vui lòng giữ phiếu cho đến khi được phục vụ. Lệ phí: 0 ₫";
    return s;
}

/// Black dots in the rectangle [x0, x1) x [y0, y1), clipped to the image.
inline int ink(const Bitmap& b, int x0, int y0, int x1, int y1) {
    int n = 0;
    for (int y = std::max(0, y0); y < std::min(b.height, y1); ++y)
        for (int x = std::max(0, x0); x < std::min(b.width, x1); ++x) n += b.black(x, y) ? 1 : 0;
    return n;
}

/// Rows that have at least one black dot, as [first, last] runs: the slip's lines of content.
inline std::vector<std::pair<int, int>> ink_rows(const Bitmap& b) {
    std::vector<std::pair<int, int>> runs;
    for (int y = 0; y < b.height; ++y) {
        if (ink(b, 0, y, b.width, y + 1) == 0) continue;
        if (!runs.empty() && runs.back().second == y - 1)
            runs.back().second = y;
        else
            runs.emplace_back(y, y);
    }
    return runs;
}

}  // namespace motcua::kiosk::print::test
