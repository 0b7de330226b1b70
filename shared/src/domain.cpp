#include "motcua/domain.hpp"

#include <fmt/format.h>

namespace motcua {

std::vector<int> rating_levels(SatisfactionScale scale) {
    if (scale == SatisfactionScale::three_level) return {5, 4, 2};
    return {5, 4, 3, 2, 1};
}

bool rating_level_allowed(SatisfactionScale scale, int level) {
    for (int allowed : rating_levels(scale))
        if (allowed == level) return true;
    return false;
}

std::string_view rating_label_vi(int level) {
    switch (level) {
        case 5:
            return "Rất hài lòng";
        case 4:
            return "Hài lòng";
        case 3:
            return "Bình thường";
        case 2:
            return "Không hài lòng";
        case 1:
            return "Rất không hài lòng";
        default:
            return "";
    }
}

std::string_view rating_label_en(int level) {
    switch (level) {
        case 5:
            return "Very satisfied";
        case 4:
            return "Satisfied";
        case 3:
            return "Neutral";
        case 2:
            return "Dissatisfied";
        case 1:
            return "Very dissatisfied";
        default:
            return "";
    }
}

std::string format_ticket_number(const Category& category, int sequence) {
    const int number = category.start_number + sequence - 1;
    return fmt::format("{}{:0{}d}", category.prefix, number, category.number_width);
}

}  // namespace motcua
