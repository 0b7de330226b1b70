#pragma once
/// The citizen screens' guidance voice (DESIGN.md §13): says one utterance at a time through
/// espeak-ng, offline; a newer utterance cuts off the one being said (a citizen touching the
/// next button does not want to hear the last one out). With an output directory each utterance
/// is also written there as a WAV file that carries its words (the INFO comment), in order:
/// guide-000001.wav, guide-000002.wav, ...
#include <condition_variable>
#include <cstdint>
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

struct GuideLine {
    std::string text;
    /// espeak-ng voice: "vi" or "en".
    std::string voice = "vi";
    /// Gain on the synthesized speech, 0 < gain <= 2 (1: as espeak-ng makes it).
    double gain = 1.0;
};

/// `samples` scaled by `gain`, clipped to 16 bits.
void apply_gain(Pcm& pcm, double gain);

class GuideVoice {
public:
    struct Options {
        /// Rate and the Vietnamese voice's name; the English voice is "en".
        VoiceSettings voice;
        std::optional<std::filesystem::path> wav_dir;  // --audio-out
        bool play = true;                              // false: files only (tests)
    };
    /// Called on the voice's thread when a line is ready to play (`wav` is the file or empty).
    using Observer = std::function<void(const GuideLine& line, const std::string& wav)>;

    explicit GuideVoice(Options options, Observer observer = nullptr);
    ~GuideVoice();
    GuideVoice(const GuideVoice&) = delete;
    GuideVoice& operator=(const GuideVoice&) = delete;

    /// Says `line` as soon as possible: one waiting is replaced, one playing is cut off.
    void say(GuideLine line);

private:
    void run();
    /// Plays in short pieces, stopping early when a newer line arrives.
    void play(const Pcm& pcm);
    [[nodiscard]] bool superseded();

    Options options_;
    Observer observer_;
    std::mutex mutex_;
    std::condition_variable cv_;
    std::optional<GuideLine> next_;
    bool stopping_ = false;
    std::uint64_t written_ = 0;
    AudioOutput output_{"Hướng dẫn", "no audio output: voice guidance is written to files only"};
    std::thread thread_;
};

}  // namespace motcua::kiosk::audio
