#pragma once
/// The default sound output (pcaudiolib), opened on first use at the audio's sample rate: the
/// board's announcements and the guidance voice play through one of these each.
#include <cstddef>
#include <cstdint>
#include <string>

#include "kiosk/audio/pcm.hpp"

struct audio_object;

namespace motcua::kiosk::audio {

class AudioOutput {
public:
    /// `what` names the stream to the sound server ("Gọi số", "Hướng dẫn"); `missing` is
    /// logged once when there is no device (a server, a test under Xvfb).
    AudioOutput(std::string what, std::string missing);
    ~AudioOutput();
    AudioOutput(const AudioOutput&) = delete;
    AudioOutput& operator=(const AudioOutput&) = delete;

    /// Opens the device for `sample_rate` (again when the rate changed); false without one.
    bool ready(int sample_rate);
    /// Queues `count` samples; blocks while the device's buffer is full.
    void write(const std::int16_t* samples, std::size_t count);
    /// Waits until everything written has been heard.
    void drain();
    /// Drops what is queued and not yet heard.
    void flush();

private:
    std::string what_;
    std::string missing_;
    audio_object* object_ = nullptr;
    int rate_ = 0;
    bool failed_ = false;
};

}  // namespace motcua::kiosk::audio
