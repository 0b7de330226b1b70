#include "kiosk/ui/shell/a11y.hpp"

#include <unistd.h>

#include <algorithm>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <system_error>

namespace motcua::kiosk::ui {

void A11yRecorder::begin_frame() {
    tree_.screen.clear();
    tree_.elements.clear();
}

void A11yRecorder::extend_label_box(std::size_t index, const A11yRect& box) {
    if (index >= tree_.elements.size()) return;
    auto& have = tree_.elements[index].label_box;
    if (!have) {
        have = box;
        return;
    }
    const float left = std::min(have->x, box.x);
    const float top = std::min(have->y, box.y);
    const float right = std::max(have->x + have->w, box.x + box.w);
    const float bottom = std::max(have->y + have->h, box.y + box.h);
    have = A11yRect{left, top, right - left, bottom - top};
}

std::string to_json_text(const A11yTree& tree) {
    const auto px = [](float v) { return static_cast<std::int64_t>(std::lround(v)); };
    std::string out = "{\"screen\": " + boost::json::serialize(boost::json::string(tree.screen)) +
                      ", \"elements\": [";
    bool first = true;
    for (const auto& e : tree.elements) {
        boost::json::object o;
        o["role"] = to_string(e.role);
        o["label"] = e.label;
        o["x"] = px(e.x);
        o["y"] = px(e.y);
        o["w"] = px(e.w);
        o["h"] = px(e.h);
        o["enabled"] = e.enabled;
        if (e.focused) o["focused"] = true;
        if (e.checked) o["checked"] = *e.checked;
        if (e.label_box) {
            // Flat, and never "x": shell scripts take an element's "x" with one sed.
            o["label_x"] = px(e.label_box->x);
            o["label_y"] = px(e.label_box->y);
            o["label_w"] = px(e.label_box->w);
            o["label_h"] = px(e.label_box->h);
        }
        out += first ? "\n  " : ",\n  ";
        out += boost::json::serialize(o);
        first = false;
    }
    out += tree.elements.empty() ? "]}\n" : "\n]}\n";
    return out;
}

Status write_file_atomically(const std::filesystem::path& path, std::string_view content) {
    std::filesystem::path tmp = path;
    tmp += ".tmp." + std::to_string(::getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) return make_error(ErrorCode::io_error, "cannot write " + tmp.string());
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        out.flush();
        if (!out) {
            std::error_code ignored;
            std::filesystem::remove(tmp, ignored);
            return make_error(ErrorCode::io_error, "cannot write " + tmp.string());
        }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::error_code ignored;
        std::filesystem::remove(tmp, ignored);
        return make_error(ErrorCode::io_error,
                          "cannot replace " + path.string() + ": " + ec.message());
    }
    return Ok{};
}

Result<bool> A11yDumpWriter::write_if_changed(const A11yTree& tree) {
    std::string text = to_json_text(tree);
    if (text == last_) return false;
    if (auto st = write_file_atomically(path_, text); !st) return st.error();
    last_ = std::move(text);
    return true;
}

}  // namespace motcua::kiosk::ui
