#include "kiosk/audio/output.hpp"

#include <pcaudiolib/audio.h>
#include <spdlog/spdlog.h>

namespace motcua::kiosk::audio {

AudioOutput::AudioOutput(std::string what, std::string missing)
    : what_(std::move(what)), missing_(std::move(missing)) {}

AudioOutput::~AudioOutput() {
    if (object_ == nullptr) return;
    audio_object_close(object_);
    audio_object_destroy(object_);
}

bool AudioOutput::ready(int sample_rate) {
    if (failed_) return false;
    if (object_ == nullptr) object_ = create_audio_device_object(nullptr, "motcua", what_.c_str());
    if (object_ != nullptr && rate_ == sample_rate) return true;
    if (object_ == nullptr || audio_object_open(object_, AUDIO_OBJECT_FORMAT_S16LE,
                                                static_cast<std::uint32_t>(sample_rate), 1) != 0) {
        spdlog::warn("{}", missing_);
        failed_ = true;
        return false;
    }
    rate_ = sample_rate;
    return true;
}

void AudioOutput::write(const std::int16_t* samples, std::size_t count) {
    audio_object_write(object_, samples, count * sizeof(std::int16_t));
}

void AudioOutput::drain() {
    audio_object_drain(object_);
}

void AudioOutput::flush() {
    audio_object_flush(object_);
}

}  // namespace motcua::kiosk::audio
