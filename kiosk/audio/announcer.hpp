#pragma once
/// Queues call announcements and says them one after another (never overlapping): a chime,
/// then the sentence, repeated as configured; plays on the default output and, with an output
/// directory, also writes each announcement as a WAV file.
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "kiosk/audio/output.hpp"
#include "kiosk/audio/pcm.hpp"
#include "motcua/config.hpp"

namespace motcua::kiosk::audio {

struct Announcement {
    std::int64_t seq = 0;  // event sequence of the call
    std::string number;    // "A012"
    int counter = 0;
};

/// The whole announcement as audio: chime, pause, sentence, then the sentence again `repeat` times.
Result<Pcm> compose_announcement(const VoiceSettings& settings, const Announcement& a);

class Announcer {
public:
    struct Options {
        VoiceSettings voice;
        std::optional<std::filesystem::path> wav_dir;  // --audio-out
        bool play = true;                              // false: files only (tests, servers)
    };
    /// Called on the announcer's thread: when audio for `a` is ready to play (`wav` is the file
    /// written, or empty).
    using Observer = std::function<void(const Announcement& a, const std::string& wav)>;

    explicit Announcer(Options options, Observer observer = nullptr);
    ~Announcer();
    Announcer(const Announcer&) = delete;
    Announcer& operator=(const Announcer&) = delete;

    void announce(Announcement a);
    /// Announcements waiting (not counting the one being said).
    [[nodiscard]] std::size_t pending();

private:
    void run();
    void play(const Pcm& pcm);

    Options options_;
    Observer observer_;
    std::mutex mutex_;
    std::condition_variable cv_;
    std::deque<Announcement> queue_;
    bool stopping_ = false;
    AudioOutput output_{"Gọi số", "no audio output; calls are shown but not heard"};
    std::thread thread_;
};

}  // namespace motcua::kiosk::audio
