#include "kiosk/audio/speech.hpp"

#include <espeak-ng/speak_lib.h>
#include <fmt/format.h>

#include "motcua/vietnamese.hpp"

namespace motcua::kiosk::audio {
namespace {

// espeak-ng hands synthesized samples to this callback in chunks; they collect into user data.
int collect(short* wav, int count, espeak_EVENT* events) {
    if (wav == nullptr || events == nullptr) return 0;
    auto* out = static_cast<Pcm*>(events->user_data);
    if (out != nullptr && count > 0) out->samples.insert(out->samples.end(), wav, wav + count);
    return 0;  // 0 = continue
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
    for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
        s.replace(pos, from.size(), to);
}

}  // namespace

Result<Synthesizer*> Synthesizer::instance(const VoiceSettings& settings) {
    static Synthesizer synth;
    static int rate = 0;
    std::lock_guard lock(synth.mutex_);
    if (rate == 0) {
        rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nullptr, 0);
        if (rate <= 0) {
            rate = 0;
            return make_error(ErrorCode::speech_unavailable,
                              "espeak-ng could not start (is espeak-ng-data installed?)");
        }
        espeak_SetSynthCallback(collect);
        synth.sample_rate_ = rate;
    }
    if (espeak_SetVoiceByName(settings.voice.c_str()) != EE_OK)
        return make_error(ErrorCode::speech_unavailable,
                          fmt::format("espeak-ng has no voice '{}'", settings.voice));
    espeak_SetParameter(espeakRATE, settings.rate_wpm, 0);
    espeak_SetParameter(espeakVOLUME, settings.volume, 0);
    return &synth;
}

Result<Pcm> Synthesizer::speak(const std::string& text) {
    std::lock_guard lock(mutex_);
    Pcm pcm;
    pcm.sample_rate = sample_rate_;
    const auto rc = espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0,
                                 espeakCHARS_UTF8, nullptr, &pcm);
    if (rc != EE_OK)
        return make_error(ErrorCode::speech_failed,
                          "espeak-ng could not synthesize the announcement");
    if (espeak_Synchronize() != EE_OK)
        return make_error(ErrorCode::speech_failed, "espeak-ng did not finish the announcement");
    return pcm;
}

std::string call_sentence(const VoiceSettings& settings, const std::string& ticket_number,
                          int counter) {
    std::string text = settings.call_template;
    replace_all(text, "{number}", vi::read_ticket_number(ticket_number));
    replace_all(text, "{counter}", vi::read_number(counter));
    return text;
}

}  // namespace motcua::kiosk::audio
