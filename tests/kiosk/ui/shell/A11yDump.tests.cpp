#include <unistd.h>

#include <boost/json.hpp>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "kiosk/ui/shell/a11y.hpp"

using namespace motcua::kiosk::ui;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// A fresh directory under the system temp dir, removed at the end of the test.
struct TempDir {
    TempDir() : path(fs::temp_directory_path() / ("motcua-a11y-" + std::to_string(::getpid()))) {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    fs::path path;
};

A11yTree sample() {
    A11yTree t;
    t.screen = "ticket_home";
    t.elements.push_back({A11yRole::button, "English", 1632.4F, 32, 240, 104, true});
    t.elements.push_back({A11yRole::text, "Lấy số \"thứ tự\"", 48, 76.6F, 257, 52, true});
    t.elements.push_back({A11yRole::checkbox, "Ưu tiên", 10, 10, 96, 96, false});
    return t;
}

}  // namespace

TEST_CASE("the a11y dump is the JSON of DESIGN.md section 5", "[a11y]") {
    const std::string text = to_json_text(sample());
    const auto v = boost::json::parse(text);
    REQUIRE(v.is_object());
    CHECK(v.at("screen") == "ticket_home");
    const auto& elements = v.at("elements").as_array();
    REQUIRE(elements.size() == 3);
    const auto& button = elements[0].as_object();
    CHECK(button.at("role") == "button");
    CHECK(button.at("label") == "English");
    CHECK(button.at("x") == 1632);  // whole window pixels
    CHECK(button.at("y") == 32);
    CHECK(button.at("w") == 240);
    CHECK(button.at("h") == 104);
    CHECK(button.at("enabled") == true);
    CHECK(elements[1].at("label") == "Lấy số \"thứ tự\"");  // UTF-8 kept, quotes escaped
    CHECK(elements[1].at("y") == 77);
    CHECK(elements[2].at("role") == "checkbox");
    CHECK(elements[2].at("enabled") == false);

    SECTION("one element per line, so a shell script can grep one") {
        std::istringstream lines(text);
        std::string line;
        int element_lines = 0;
        while (std::getline(lines, line))
            if (line.find("\"role\"") != std::string::npos) ++element_lines;
        CHECK(element_lines == 3);
        CHECK(text.find(R"({"role":"button","label":"English","x":1632)") != std::string::npos);
    }
    SECTION("an empty screen is still valid JSON") {
        const auto empty = boost::json::parse(to_json_text(A11yTree{"unavailable", {}}));
        CHECK(empty.at("elements").as_array().empty());
    }
}

TEST_CASE("a control's dump line has its state and its words' full box after the contract's fields",
          "[a11y]") {
    A11yTree t;
    t.screen = "ticket_home";
    A11yElement sw{A11yRole::button, "Chữ lớn", 1500, 960, 300, 104, true};
    sw.checked = true;
    sw.label_box = A11yRect{1560.4F, 990, 180, 44.6F};
    t.elements.push_back(sw);
    A11yRecorder recorder;
    recorder.add({A11yRole::button, "Tra cứu", 0, 0, 200, 104, true});
    recorder.extend_label_box(0, {50, 30, 100, 40});
    recorder.extend_label_box(0, {40, 70, 60, 20});  // a second piece: the box grows
    recorder.extend_label_box(5, {0, 0, 1, 1});      // no such element: ignored
    t.elements.push_back(recorder.tree().elements[0]);

    const std::string text = to_json_text(t);
    const auto v = boost::json::parse(text);
    const auto& e = v.at("elements").as_array()[0].as_object();
    CHECK(e.at("checked") == true);
    CHECK(e.at("label_x") == 1560);
    CHECK(e.at("label_y") == 990);
    CHECK(e.at("label_w") == 180);
    CHECK(e.at("label_h") == 45);
    const auto& grown = v.at("elements").as_array()[1].as_object();
    CHECK(grown.at("label_x") == 40);
    CHECK(grown.at("label_y") == 30);
    CHECK(grown.at("label_w") == 110);
    CHECK(grown.at("label_h") == 60);
    CHECK_FALSE(grown.contains("checked"));
    // The contract's fields come first, so scripts that grep "role","label" and take "x" with
    // sed still find the element's own rectangle.
    CHECK(text.find(R"({"role":"button","label":"Chữ lớn","x":1500,"y":960,"w":300,"h":104,)"
                    R"("enabled":true,"checked":true,"label_x":1560)") != std::string::npos);
}

TEST_CASE("the a11y dump file is replaced atomically and only when the screen changed", "[a11y]") {
    TempDir dir;
    const fs::path file = dir.path / "dump.json";
    A11yDumpWriter writer(file);

    auto first = writer.write_if_changed(sample());
    REQUIRE(first);
    CHECK(*first);
    CHECK(slurp(file) == to_json_text(sample()));

    auto same = writer.write_if_changed(sample());
    REQUIRE(same);
    CHECK_FALSE(*same);  // nothing changed: no write

    A11yTree changed = sample();
    changed.elements[0].label = "Tiếng Việt";
    auto second = writer.write_if_changed(changed);
    REQUIRE(second);
    CHECK(*second);
    CHECK(slurp(file) == to_json_text(changed));

    // No temporary file is left beside it.
    int files = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir.path)) ++files;
    CHECK(files == 1);

    SECTION("bad inputs") {
        // the directory does not exist: an error, not a crash
        A11yDumpWriter nowhere(dir.path / "missing" / "dump.json");
        auto r = nowhere.write_if_changed(sample());
        REQUIRE_FALSE(r);
        CHECK(r.error().code == motcua::ErrorCode::io_error);
        // the target is a directory: rename fails, the temporary file is cleaned up
        fs::create_directories(dir.path / "adir" / "inner");
        CHECK_FALSE(write_file_atomically(dir.path / "adir", "x"));
        CHECK_FALSE(fs::exists(dir.path / ("adir.tmp." + std::to_string(::getpid()))));
    }
}
