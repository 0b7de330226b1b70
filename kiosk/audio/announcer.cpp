#include "kiosk/audio/announcer.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "kiosk/audio/speech.hpp"

namespace motcua::kiosk::audio {
namespace {

constexpr double kAfterChimeS = 0.3;
constexpr double kBetweenRepeatsS = 0.8;

}  // namespace

Result<Pcm> compose_announcement(const VoiceSettings& settings, const Announcement& a) {
    auto synth = Synthesizer::instance(settings);
    if (!synth) return synth.error();
    auto sentence = (*synth)->speak(call_sentence(settings, a.number, a.counter));
    if (!sentence) return sentence.error();
    const int rate = sentence->sample_rate;
    Pcm out;
    out.sample_rate = rate;
    if (settings.chime) {
        append(out, chime(rate));
        append(out, silence(rate, kAfterChimeS));
    }
    for (int i = 0; i < settings.repeat; ++i) {
        if (i > 0) append(out, silence(rate, kBetweenRepeatsS));
        append(out, *sentence);
    }
    return out;
}

Announcer::Announcer(Options options, Observer observer)
    : options_(std::move(options)), observer_(std::move(observer)), thread_([this] { run(); }) {}

Announcer::~Announcer() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        queue_.clear();
    }
    cv_.notify_all();
    thread_.join();
}

void Announcer::announce(Announcement a) {
    {
        std::lock_guard lock(mutex_);
        queue_.push_back(std::move(a));
    }
    cv_.notify_one();
}

std::size_t Announcer::pending() {
    std::lock_guard lock(mutex_);
    return queue_.size();
}

void Announcer::run() {
    while (true) {
        Announcement a;
        {
            std::unique_lock lock(mutex_);
            cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
            if (stopping_) return;
            a = std::move(queue_.front());
            queue_.pop_front();
        }
        auto pcm = compose_announcement(options_.voice, a);
        if (!pcm) {
            spdlog::error("announcement of {} at counter {}: {}", a.number, a.counter,
                          pcm.error().message);
            continue;
        }
        std::string wav;
        if (options_.wav_dir) {
            std::error_code ec;
            std::filesystem::create_directories(*options_.wav_dir, ec);
            wav = (*options_.wav_dir /
                   fmt::format("{:06}-{}-counter{}.wav", a.seq, a.number, a.counter))
                      .string();
            if (auto ok = write_wav(*pcm, wav); !ok) {
                spdlog::error("{}", ok.error().message);
                wav.clear();
            }
        }
        if (observer_) observer_(a, wav);
        if (options_.play) play(*pcm);  // blocks until said: announcements never overlap
    }
}

void Announcer::play(const Pcm& pcm) {
    if (!output_.ready(pcm.sample_rate)) return;
    output_.write(pcm.samples.data(), pcm.samples.size());
    output_.drain();
}

}  // namespace motcua::kiosk::audio
