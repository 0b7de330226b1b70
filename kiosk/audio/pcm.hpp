#pragma once
/// Mono 16-bit audio in memory: the chime, silence, WAV files (libsndfile), loudness figures.
#include <cstdint>
#include <string>
#include <vector>

#include "motcua/result.hpp"

namespace motcua::kiosk::audio {

struct Pcm {
    int sample_rate = 22050;
    std::vector<std::int16_t> samples;
    [[nodiscard]] double seconds() const {
        return static_cast<double>(samples.size()) / sample_rate;
    }
};

/// A soft two-tone "ding-dong" (about 1.2 s) that makes people look up before the call.
Pcm chime(int sample_rate);
Pcm silence(int sample_rate, double seconds);
/// Appends b to a (same sample rate required).
void append(Pcm& a, const Pcm& b);
/// Root mean square of the samples in [from, to) seconds, 0..32767: tells speech from silence.
double rms(const Pcm& pcm, double from_s, double to_s);

/// `comment`, when given, goes in the file's INFO chunk (the guidance voice's words).
Status write_wav(const Pcm& pcm, const std::string& path, const std::string& comment = {});
Result<Pcm> read_wav(const std::string& path);
/// The INFO comment of a WAV file ("" when it has none).
Result<std::string> read_wav_comment(const std::string& path);

}  // namespace motcua::kiosk::audio
