#pragma once
/// Offline Vietnamese speech through espeak-ng's library (no shell, no network).
#include <mutex>
#include <string>

#include "kiosk/audio/pcm.hpp"
#include "motcua/config.hpp"

namespace motcua::kiosk::audio {

/// espeak-ng is one global engine: use one Synthesizer per process (the announcer's thread).
class Synthesizer {
public:
    /// Fails when espeak-ng's data or the voice is missing.
    static Result<Synthesizer*> instance(const VoiceSettings& settings);
    Result<Pcm> speak(const std::string& text);
    [[nodiscard]] int sample_rate() const { return sample_rate_; }

private:
    Synthesizer() = default;
    int sample_rate_ = 22050;
    std::mutex mutex_;
};

/// The sentence for a call: the config's template with the number and counter read aloud
/// ("Mời công dân có số a mười hai đến quầy số hai").
std::string call_sentence(const VoiceSettings& settings, const std::string& ticket_number,
                          int counter);

}  // namespace motcua::kiosk::audio
