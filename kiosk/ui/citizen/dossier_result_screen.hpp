#pragma once
/// The dossier found by "Tra cứu hồ sơ" ("dossier_result"): its state in plain words on a
/// coloured band, then the code, the procedure, when it was received, the appointment and
/// whether the result is ready. The public view only: no name, no phone, ever.
#include <string>
#include <utility>
#include <vector>

#include "kiosk/core/citizen/lookup_views.hpp"
#include "kiosk/ui/citizen/citizen_layout.hpp"

namespace motcua::kiosk::ui {

/// "Đang giải quyết", "Đã có kết quả, mời ông/bà đến nhận", ...
TextId dossier_state_text(DossierState state);
/// "26/11/2026": a day without its weekday.
std::string short_date(const LocalDateTime& t);

class DossierResultScreen {
public:
    void draw(UiFrame& ui, const ShellView& view, const LookupResultView& v, Commands& out);

private:
    /// The label: value lines, in the order they are read.
    static std::vector<std::pair<std::string, std::string>> rows(const Translator& tr,
                                                                 const LookupResultView& v);
    float band_height(const UiFrame& ui, float width, const LookupResultView& v) const;
    void draw_band(UiFrame& ui, const Box& box, const LookupResultView& v);
    /// Height of the rows at this width, with the label column `label_w` wide.
    float rows_height(const UiFrame& ui, float width, float label_w,
                      const std::vector<std::pair<std::string, std::string>>& lines) const;
};

}  // namespace motcua::kiosk::ui
