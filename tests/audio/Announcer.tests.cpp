#include "kiosk/audio/announcer.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <random>
#include <vector>

#include "kiosk/audio/speech.hpp"

using namespace motcua;
using namespace motcua::kiosk::audio;

TEST_CASE("the call sentence reads number and counter the Vietnamese way", "[audio]") {
    VoiceSettings v;
    CHECK(call_sentence(v, "A012", 2) == "Mời công dân có số a mười hai đến quầy số hai");
    CHECK(call_sentence(v, "B105", 15) ==
          "Mời công dân có số bê một trăm linh năm đến quầy số mười lăm");
    v.call_template = "Xin mời số {number}, quầy {counter}. Xin mời số {number}.";
    CHECK(call_sentence(v, "C001", 1) == "Xin mời số xê một, quầy một. Xin mời số xê một.");
}

TEST_CASE("the chime is audible and then fades", "[audio]") {
    const Pcm c = chime(22050);
    CHECK(c.seconds() == Approx(1.2).margin(0.01));
    CHECK(rms(c, 0.0, 0.2) > 3000);              // loud at the start of the first note
    CHECK(rms(c, 0.5, 0.6) < rms(c, 0.0, 0.1));  // decays
    CHECK(rms(silence(22050, 1.0), 0, 1) == 0);
}

TEST_CASE("an announcement is chime, then speech, of a plausible length", "[audio]") {
    VoiceSettings v;
    v.repeat = 1;
    auto pcm = compose_announcement(v, {1, "A012", 2});
    REQUIRE(pcm.ok());
    // chime 1.2 s + 0.3 s pause + a sentence of ten words at 140 wpm (about 3 to 6 s)
    CHECK(pcm->seconds() > 3.0);
    CHECK(pcm->seconds() < 10.0);
    CHECK(rms(*pcm, 1.6, pcm->seconds()) > 500);  // speech is not silence
    v.repeat = 2;
    auto twice = compose_announcement(v, {1, "A012", 2});
    REQUIRE(twice.ok());
    CHECK(twice->seconds() > pcm->seconds() + 2.0);
    SECTION("bad inputs") {
        VoiceSettings missing;
        missing.voice = "no-such-voice";  // espeak-ng has no such voice: an error, not a crash
        auto r = compose_announcement(missing, {1, "A012", 2});
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::speech_unavailable);
    }
}

TEST_CASE("the announcer says calls one after another and writes WAV files", "[audio]") {
    std::random_device rd;
    const auto dir =
        std::filesystem::temp_directory_path() / ("motcua-audio-" + std::to_string(rd()));
    std::mutex m;
    std::condition_variable cv;
    std::vector<std::string> files;
    {
        VoiceSettings v;
        v.repeat = 1;
        Announcer announcer({v, dir, false}, [&](const Announcement&, const std::string& wav) {
            std::lock_guard lock(m);
            files.push_back(wav);
            cv.notify_all();
        });
        announcer.announce({7, "A012", 2});
        announcer.announce({8, "B003", 3});
        std::unique_lock lock(m);
        REQUIRE(cv.wait_for(lock, std::chrono::seconds(30), [&] { return files.size() == 2; }));
    }
    // in the order called
    CHECK(files[0].find("000007-A012-counter2.wav") != std::string::npos);
    CHECK(files[1].find("000008-B003-counter3.wav") != std::string::npos);
    auto wav = read_wav(files[0]);
    REQUIRE(wav.ok());
    CHECK(wav->seconds() > 3.0);
    CHECK(rms(*wav, 1.6, wav->seconds()) > 500);
    std::filesystem::remove_all(dir);
}
