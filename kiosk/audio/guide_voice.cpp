#include "kiosk/audio/guide_voice.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "kiosk/audio/speech.hpp"

namespace motcua::kiosk::audio {
namespace {

/// Played in pieces this long, so a newer line cuts the current one off within about this.
constexpr double kPieceS = 0.1;

}  // namespace

void apply_gain(Pcm& pcm, double gain) {
    constexpr double lo = std::numeric_limits<std::int16_t>::min();
    constexpr double hi = std::numeric_limits<std::int16_t>::max();
    for (auto& s : pcm.samples)
        s = static_cast<std::int16_t>(
            std::clamp(std::lround(s * gain), static_cast<long>(lo), static_cast<long>(hi)));
}

GuideVoice::GuideVoice(Options options, Observer observer)
    : options_(std::move(options)), observer_(std::move(observer)), thread_([this] { run(); }) {}

GuideVoice::~GuideVoice() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        next_.reset();
    }
    cv_.notify_all();
    thread_.join();
}

void GuideVoice::say(GuideLine line) {
    {
        std::lock_guard lock(mutex_);
        next_ = std::move(line);
    }
    cv_.notify_one();
}

bool GuideVoice::superseded() {
    std::lock_guard lock(mutex_);
    return stopping_ || next_.has_value();
}

void GuideVoice::run() {
    while (true) {
        GuideLine line;
        {
            std::unique_lock lock(mutex_);
            cv_.wait(lock, [&] { return stopping_ || next_.has_value(); });
            if (stopping_) return;
            line = std::move(*next_);
            next_.reset();
        }
        VoiceSettings settings = options_.voice;
        settings.voice = line.voice;
        auto synth = Synthesizer::instance(settings);
        if (!synth) {
            spdlog::error("guidance voice: {}", synth.error().message);
            continue;
        }
        auto pcm = (*synth)->speak(line.text);
        if (!pcm) {
            spdlog::error("guidance voice: {}", pcm.error().message);
            continue;
        }
        apply_gain(*pcm, line.gain);
        std::string wav;
        if (options_.wav_dir) {
            std::error_code ec;
            std::filesystem::create_directories(*options_.wav_dir, ec);
            wav = (*options_.wav_dir / fmt::format("guide-{:06}.wav", ++written_)).string();
            if (auto ok = write_wav(*pcm, wav, line.text); !ok) {
                spdlog::error("{}", ok.error().message);
                wav.clear();
            }
        }
        if (observer_) observer_(line, wav);
        if (options_.play) play(*pcm);
    }
}

void GuideVoice::play(const Pcm& pcm) {
    if (!output_.ready(pcm.sample_rate)) return;
    const auto piece = static_cast<std::size_t>(kPieceS * pcm.sample_rate);
    for (std::size_t at = 0; at < pcm.samples.size(); at += piece) {
        if (superseded()) {
            output_.flush();  // cut off: the newer line starts at once
            return;
        }
        output_.write(pcm.samples.data() + at, std::min(piece, pcm.samples.size() - at));
    }
    output_.drain();
}

}  // namespace motcua::kiosk::audio
