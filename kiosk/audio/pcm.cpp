#include "kiosk/audio/pcm.hpp"

#include <fmt/format.h>
#include <sndfile.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace motcua::kiosk::audio {
namespace {

// Chime: two bell-like notes (E5 then C5), each with a quick attack and an exponential decay.
constexpr double kFirstHz = 659.25;
constexpr double kSecondHz = 523.25;
constexpr double kNoteSeconds = 0.6;
constexpr double kDecayPerSecond = 4.0;
constexpr double kChimeAmplitude = 0.35;  // of full scale: firm but not harsh over speech level

void add_note(Pcm& pcm, double hz, double seconds) {
    const auto n = static_cast<std::size_t>(seconds * pcm.sample_rate);
    for (std::size_t i = 0; i < n; ++i) {
        const double t = static_cast<double>(i) / pcm.sample_rate;
        const double attack = std::min(1.0, t / 0.01);
        // A bell: fundamental plus a quieter octave.
        const double wave =
            std::sin(2 * std::numbers::pi * hz * t) + 0.3 * std::sin(4 * std::numbers::pi * hz * t);
        const double v = kChimeAmplitude * attack * std::exp(-kDecayPerSecond * t) * wave / 1.3;
        pcm.samples.push_back(static_cast<std::int16_t>(std::clamp(v, -1.0, 1.0) * 32767));
    }
}

}  // namespace

Pcm chime(int sample_rate) {
    Pcm pcm;
    pcm.sample_rate = sample_rate;
    add_note(pcm, kFirstHz, kNoteSeconds);
    add_note(pcm, kSecondHz, kNoteSeconds);
    return pcm;
}

Pcm silence(int sample_rate, double seconds) {
    Pcm pcm;
    pcm.sample_rate = sample_rate;
    pcm.samples.assign(static_cast<std::size_t>(seconds * sample_rate), 0);
    return pcm;
}

void append(Pcm& a, const Pcm& b) {
    a.samples.insert(a.samples.end(), b.samples.begin(), b.samples.end());
}

double rms(const Pcm& pcm, double from_s, double to_s) {
    const auto from = static_cast<std::size_t>(std::max(0.0, from_s) * pcm.sample_rate);
    const auto to = std::min(pcm.samples.size(),
                             static_cast<std::size_t>(std::max(0.0, to_s) * pcm.sample_rate));
    if (to <= from) return 0;
    double sum = 0;
    for (std::size_t i = from; i < to; ++i)
        sum += static_cast<double>(pcm.samples[i]) * pcm.samples[i];
    return std::sqrt(sum / static_cast<double>(to - from));
}

Status write_wav(const Pcm& pcm, const std::string& path, const std::string& comment) {
    SF_INFO info{};
    info.samplerate = pcm.sample_rate;
    info.channels = 1;
    info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    SNDFILE* f = sf_open(path.c_str(), SFM_WRITE, &info);
    if (f == nullptr)
        return make_error(ErrorCode::audio_write_failed,
                          fmt::format("{}: {}", path, sf_strerror(nullptr)));
    if (!comment.empty()) sf_set_string(f, SF_STR_COMMENT, comment.c_str());
    const auto written =
        sf_write_short(f, pcm.samples.data(), static_cast<sf_count_t>(pcm.samples.size()));
    sf_close(f);
    if (written != static_cast<sf_count_t>(pcm.samples.size()))
        return make_error(ErrorCode::audio_write_failed, fmt::format("{}: short write", path));
    return Ok{};
}

Result<Pcm> read_wav(const std::string& path) {
    SF_INFO info{};
    SNDFILE* f = sf_open(path.c_str(), SFM_READ, &info);
    if (f == nullptr)
        return make_error(ErrorCode::audio_read_failed,
                          fmt::format("{}: {}", path, sf_strerror(nullptr)));
    Pcm pcm;
    pcm.sample_rate = info.samplerate;
    std::vector<std::int16_t> frames(static_cast<std::size_t>(info.frames * info.channels));
    sf_read_short(f, frames.data(), static_cast<sf_count_t>(frames.size()));
    sf_close(f);
    for (std::size_t i = 0; i < frames.size(); i += static_cast<std::size_t>(info.channels))
        pcm.samples.push_back(frames[i]);
    return pcm;
}

Result<std::string> read_wav_comment(const std::string& path) {
    SF_INFO info{};
    SNDFILE* f = sf_open(path.c_str(), SFM_READ, &info);
    if (f == nullptr)
        return make_error(ErrorCode::audio_read_failed,
                          fmt::format("{}: {}", path, sf_strerror(nullptr)));
    const char* comment = sf_get_string(f, SF_STR_COMMENT);
    std::string out = comment != nullptr ? comment : "";
    sf_close(f);
    return out;
}

}  // namespace motcua::kiosk::audio
