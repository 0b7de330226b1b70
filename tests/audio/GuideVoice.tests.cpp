// The citizen screens' guidance voice (DESIGN.md §13): what it writes and how it takes turns.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/audio/guide_voice.hpp"

using namespace motcua;
using namespace motcua::kiosk::audio;

namespace {

struct Heard {
    std::mutex mutex;
    std::condition_variable cv;
    std::vector<std::pair<std::string, std::string>> lines;  // words, file

    void add(const GuideLine& l, const std::string& wav) {
        {
            std::lock_guard lock(mutex);
            lines.emplace_back(l.text, wav);
        }
        cv.notify_all();
    }
    bool wait_for(std::size_t n) {
        std::unique_lock lock(mutex);
        return cv.wait_for(lock, std::chrono::seconds(20), [&] { return lines.size() >= n; });
    }
};

std::filesystem::path scratch(const char* name) {
    auto dir = std::filesystem::temp_directory_path() /
               (std::string(name) + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    return dir;
}

}  // namespace

TEST_CASE("each guidance line is a WAV of speech that carries its words", "[audio][guidance]") {
    const auto dir = scratch("motcua-guide-voice");
    Heard heard;
    {
        GuideVoice::Options o;
        o.wav_dir = dir;
        o.play = false;
        GuideVoice voice(o, [&](const GuideLine& l, const std::string& wav) { heard.add(l, wav); });
        voice.say({"Tư pháp - Hộ tịch, đang chờ 3 người.", "vi", 1.0});
        REQUIRE(heard.wait_for(1));
        voice.say({"Your number is A 0 1 2.", "en", 1.0});
        REQUIRE(heard.wait_for(2));
    }
    REQUIRE(heard.lines[0].second == (dir / "guide-000001.wav").string());
    auto words = read_wav_comment(heard.lines[0].second);
    REQUIRE(words);
    CHECK(*words == "Tư pháp - Hộ tịch, đang chờ 3 người.");
    auto pcm = read_wav(heard.lines[0].second);
    REQUIRE(pcm);
    CHECK(pcm->seconds() > 1.0);
    CHECK(rms(*pcm, 0, pcm->seconds()) > 500);
    auto en = read_wav_comment((dir / "guide-000002.wav").string());
    REQUIRE(en);
    CHECK(*en == "Your number is A 0 1 2.");
    std::filesystem::remove_all(dir);
}

TEST_CASE("a newer guidance line replaces one still waiting", "[audio][guidance]") {
    const auto dir = scratch("motcua-guide-latest");
    Heard heard;
    {
        GuideVoice::Options o;
        o.wav_dir = dir;
        o.play = false;
        GuideVoice voice(o, [&](const GuideLine& l, const std::string& wav) { heard.add(l, wav); });
        // A citizen moving through ten tiles quickly hears the one they stopped on, not all ten.
        for (int i = 1; i <= 10; ++i) voice.say({"Lĩnh vực số " + std::to_string(i), "vi", 1.0});
        REQUIRE(heard.wait_for(1));
        std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    }
    std::lock_guard lock(heard.mutex);
    REQUIRE_FALSE(heard.lines.empty());
    CHECK(heard.lines.size() < 10);
    CHECK(heard.lines.back().first == "Lĩnh vực số 10");
    std::filesystem::remove_all(dir);
}

TEST_CASE("the volume is a gain on the speech, clipped to 16 bits", "[audio][guidance]") {
    Pcm p;
    p.samples = {1000, -1000, 30000, -30000, 0};
    Pcm louder = p;
    apply_gain(louder, 2.0);
    CHECK(louder.samples == std::vector<std::int16_t>{2000, -2000, 32767, -32768, 0});
    Pcm softer = p;
    apply_gain(softer, 0.5);
    CHECK(softer.samples == std::vector<std::int16_t>{500, -500, 15000, -15000, 0});
}
