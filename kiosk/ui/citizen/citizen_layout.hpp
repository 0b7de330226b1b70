#pragma once
/// Layout helpers shared by the citizen screens: cutting boxes, headings, notices, level words.
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/citizen/citizen_session.hpp"
#include "kiosk/core/shell/view_model.hpp"
#include "kiosk/ui/shell/widgets.hpp"
#include "motcua/domain.hpp"

namespace motcua::kiosk::ui {

/// What a citizen screen's taps ask for; the citizen screens' controller applies them.
using Commands = std::vector<CitizenCommand>;

/// Wider than tall: the kiosk's landscape layouts (side by side) rather than stacked ones.
bool landscape(const UiFrame& ui);

/// Cuts `height` off the top of `box` (plus `gap` below it) and returns the piece cut.
Box take_top(Box& box, float height, float gap = 0);
/// Cuts `height` off the bottom of `box` (plus `gap` above it) and returns the piece cut.
Box take_bottom(Box& box, float height, float gap = 0);

/// The narrowest width, at most `width`, at which `text` wraps into no more lines than at
/// `width`: lines of even length instead of a long line and an orphaned word.
float balanced_width(const ImFont* font, std::string_view text, float width);

/// A centred heading with a muted note under it, wrapped to `box`'s width; returns the height.
float heading_block(UiFrame& ui, const Box& box, std::string_view heading, std::string_view note);
float heading_block_height(const UiFrame& ui, float width, std::string_view heading,
                           std::string_view note);

enum class NoticeKind { error, info };
/// Wrapped text on a tinted, rounded band; returns the band's height. Drawn only if it fits.
float notice(UiFrame& ui, const Box& box, std::string_view text, NoticeKind kind, ImFont* font);
float notice_height(const UiFrame& ui, float width, std::string_view text, const ImFont* font);

/// "Rất hài lòng" / "Very satisfied": the national wording from shared/domain.hpp.
std::string_view level_words(const Translator& tr, int level);
TextId reason_text(RatingReason reason);

}  // namespace motcua::kiosk::ui
