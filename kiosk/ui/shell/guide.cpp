#include "kiosk/ui/shell/guide.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace motcua::kiosk::ui {

void Guide::say(std::string text) {
    if (text.empty()) return;
    // "10–15 phút" is read "10 đến 15 phút": the voice has no word for a dash. A middle dot
    // between two facts is a pause.
    for (auto at = text.find(" · "); at != std::string::npos; at = text.find(" · ", at))
        text.replace(at, std::string_view(" · ").size(), ", ");
    if (tr_) {
        const std::string word = " " + (*tr_)(TextId::guide_range_word) + " ";
        for (auto at = text.find("–"); at != std::string::npos; at = text.find("–", at))
            text.replace(at, std::string_view("–").size(), word);
    }
    pending_ = pending_ ? *pending_ + " " + text : std::move(text);
}

void Guide::set_guiding(bool on) {
    if (on == guiding_) return;
    guiding_ = on;
    armed_ = 0;
    pending_.reset();
    about_.reset();
    if (!tr_) return;
    if (on) {
        // Then the screen's own words, as if it had just opened.
        say((*tr_)(TextId::guide_on));
        said_intro_ = false;
    } else {
        say((*tr_)(TextId::guide_off));  // the last words until it is turned on again
    }
}

void Guide::louder() {
    step_volume(1);
}

void Guide::softer() {
    step_volume(-1);
}

void Guide::step_volume(int step) {
    volume_ = std::clamp(volume_ + step, 1, kMaxVolume);
    if (tr_)
        say(tr_->format(TextId::guide_volume, fmt::arg("level", volume_),
                        fmt::arg("max", kMaxVolume)));
}

void Guide::repeat() {
    if (!last_said_.empty())
        say(last_said_);
    else
        said_intro_ = false;
}

void Guide::reset() {
    guiding_ = false;
    volume_ = kDefaultVolume;
    focus_ = 0;
    armed_ = 0;
    activate_ = 0;
    pending_.reset();
    about_.reset();
    last_said_.clear();
}

void Guide::move_focus(int step) {
    if (last_.empty()) return;
    const auto n = static_cast<int>(last_.size());
    const auto at =
        std::find_if(last_.begin(), last_.end(), [&](const Entry& e) { return e.id == focus_; });
    int i = 0;
    if (at == last_.end())
        i = step > 0 ? 0 : n - 1;
    else
        i = (static_cast<int>(at - last_.begin()) + step + n) % n;
    const Entry& e = last_[static_cast<std::size_t>(i)];
    focus_ = e.id;
    armed_ = 0;
    about_ = e.speech;  // the newest focus replaces what was about to be said of another
}

void Guide::begin_frame(const std::vector<KeyPress>& keys, const Translator& tr) {
    tr_ = tr;
    activate_ = 0;
    took_enter_ = false;
    now_.clear();
    for (const KeyPress& key : keys) {
        switch (key.kind) {
            case KeyPress::Kind::next:
            case KeyPress::Kind::previous:
                // A keypad in use may be a citizen who cannot see the screen: it speaks.
                if (!guiding_) set_guiding(true);
                move_focus(key.kind == KeyPress::Kind::next ? 1 : -1);
                break;
            case KeyPress::Kind::activate:
                if (focus_ != 0) {
                    activate_ = focus_;
                    took_enter_ = true;
                }
                break;
            case KeyPress::Kind::repeat:
                if (!guiding_)
                    set_guiding(true);
                else
                    repeat();
                break;
            default:
                break;
        }
    }
}

ControlState Guide::control(ImGuiID id, ImVec2 at, std::string speech, bool enabled, bool touched) {
    ControlState out;
    if (enabled) {
        if (touched && guiding_) {
            focus_ = id;
            if (armed_ == id) {
                out.activate = true;
                armed_ = 0;
            } else {
                armed_ = id;
                about_ = speech + ". " + (tr_ ? (*tr_)(TextId::guide_touch_again) : std::string());
            }
        } else if (touched) {
            out.activate = true;
            focus_ = 0;  // a touch without guidance leaves the keypad's focus behind
        }
        if (activate_ == id) out.activate = true;
        now_.push_back({id, at, std::move(speech)});
    } else if (touched && guiding_ && tr_) {
        about_ = speech + ". " + (*tr_)(TextId::guide_unavailable);
    }
    out.focused = focus_ == id && enabled;
    return out;
}

std::optional<Utterance> Guide::end_frame(const std::string& screen, const std::string& intro) {
    const auto drawn = [&](ImGuiID id) {
        return std::any_of(now_.begin(), now_.end(), [&](const Entry& e) { return e.id == id; });
    };
    // A control that went away (another screen, a disabled tile) takes its focus with it.
    if (focus_ != 0 && !drawn(focus_)) focus_ = 0;
    if (armed_ != 0 && !drawn(armed_)) armed_ = 0;
    // The keypad moves in reading order, whatever order the screen drew its parts in. Tops
    // within a few pixels are one row (buttons of one row may differ by a border).
    constexpr float kRowSlack = 4;
    std::stable_sort(now_.begin(), now_.end(), [](const Entry& a, const Entry& b) {
        const float ra = std::floor(a.at.y / kRowSlack);
        const float rb = std::floor(b.at.y / kRowSlack);
        return ra != rb ? ra < rb : a.at.x < b.at.x;
    });
    last_ = std::move(now_);
    now_.clear();

    if (screen != screen_) {
        screen_ = screen;
        said_intro_ = false;
    }
    intro_ = intro;
    std::optional<Utterance> out;
    std::string text;
    if (!guiding_) {
        said_intro_ = true;  // not due: the screen opened without guidance
        if (pending_) text = std::exchange(*pending_, {});
        pending_.reset();
        about_.reset();
        if (!text.empty())
            out = Utterance{std::move(text), tr_ ? tr_->language() : Language::vi, volume_};
        return out;
    }
    // In order: news (guidance turned on, the volume), the screen's intro when due, then the
    // element just touched or focused.
    if (!said_intro_) {
        said_intro_ = true;
        say(intro_);
    }
    if (about_) say(std::exchange(*about_, {}));
    about_.reset();
    text = pending_.value_or("");
    pending_.reset();
    if (text.empty()) return out;
    last_said_ = text;
    out = Utterance{std::move(text), tr_ ? tr_->language() : Language::vi, volume_};
    return out;
}

std::string screen_intro(const Translator& tr, std::string_view screen) {
    struct Intro {
        std::string_view screen;
        TextId text;
    };
    static constexpr std::array kIntros{
        Intro{"ticket_home", TextId::guide_intro_ticket_home},
        Intro{"ticket_priority", TextId::guide_intro_ticket_priority},
        Intro{"dossier_lookup", TextId::guide_intro_dossier_lookup},
        Intro{"appointment_check_in", TextId::guide_intro_appointment_check_in},
        Intro{"dossier_result", TextId::guide_intro_dossier_result},
        Intro{"rate_keypad", TextId::guide_intro_rate_keypad},
        Intro{"rating_idle", TextId::guide_intro_rating_idle},
        Intro{"rating_levels", TextId::guide_intro_rating_levels},
        Intro{"rating_reasons", TextId::guide_intro_rating_reasons},
        Intro{"rating_sending", TextId::guide_intro_rating_sending},
        Intro{"rating_thanks", TextId::guide_intro_rating_thanks},
        Intro{"unavailable", TextId::guide_intro_unavailable},
        Intro{"incompatible", TextId::guide_intro_unavailable},
    };
    for (const Intro& i : kIntros)
        if (i.screen == screen) return tr(i.text);
    return {};
}

}  // namespace motcua::kiosk::ui
