#pragma once
/// After a rating ("rating_thanks"): the face of the chosen level and a thank-you, plus a note
/// when the number had been rated before. Goes back by itself after the theme's time.
#include "kiosk/core/citizen/citizen_views.hpp"
#include "kiosk/ui/citizen/citizen_layout.hpp"

namespace motcua::kiosk::ui {

class RatingThanksScreen {
public:
    void draw(UiFrame& ui, const ShellView& view, const RatingThanksView& thanks,
              const std::string& number);
};

/// The kiosk waiting for the service's word on a typed number ("rating_sending"), a few seconds
/// at most: a wrong number must be said while the citizen is still there.
class RatingSendingScreen {
public:
    void draw(UiFrame& ui, const ShellView& view);
};

}  // namespace motcua::kiosk::ui
