#include "kiosk/ui/shell/face.hpp"

#include <algorithm>
#include <array>

namespace motcua::kiosk::ui {

namespace {

// Proportions of the face, as fractions of its diameter (drawn once, by eye, at 132 px).
constexpr float kRing = 0.035F;  // outline width: keeps a pale disc visible on white
constexpr float kEyeRadius = 0.07F;
constexpr float kEyeSpread = 0.17F;   // eyes left and right of centre
constexpr float kEyeRise = 0.12F;     // eyes above centre
constexpr float kMouthHalf = 0.22F;   // half the mouth's width
constexpr float kMouthDrop = 0.17F;   // mouth below centre
constexpr float kMouthBend = 0.16F;   // how far a full smile or frown bends
constexpr float kMouthWidth = 0.06F;  // stroke
constexpr int kMouthSegments = 24;

/// Mouth curvature per level: -1 deep frown .. +1 wide smile; level 3 is a straight line.
constexpr std::array<float, 5> kBend{-1.0F, -0.5F, 0.0F, 0.5F, 1.0F};

int clamp_level(int level) {
    return std::clamp(level, 1, static_cast<int>(kBend.size()));
}

}  // namespace

ImU32 level_colour(const Palette& colours, int level) {
    return colours.level.at(static_cast<std::size_t>(clamp_level(level) - 1));
}

void draw_face(ImDrawList* draw, ImVec2 centre, float diameter, int level, const Palette& colours) {
    const float r = diameter / 2;
    const float d = diameter;
    draw->AddCircleFilled(centre, r, level_colour(colours, level), 0);
    draw->AddCircle(centre, r - d * kRing / 2, colours.face_ink, 0, d * kRing);

    for (const float side : {-1.0F, 1.0F})
        draw->AddCircleFilled({centre.x + side * d * kEyeSpread, centre.y - d * kEyeRise},
                              d * kEyeRadius, colours.face_ink);

    const float bend = kBend.at(static_cast<std::size_t>(clamp_level(level) - 1)) * d * kMouthBend;
    // A frown sits a little lower so its arch stays inside the lower half of the face.
    const float y = centre.y + d * kMouthDrop - (bend < 0 ? bend / 2 : 0);
    const ImVec2 left{centre.x - d * kMouthHalf, y};
    const ImVec2 right{centre.x + d * kMouthHalf, y};
    const ImVec2 c1{centre.x - d * kMouthHalf / 2, y + bend};
    const ImVec2 c2{centre.x + d * kMouthHalf / 2, y + bend};
    draw->AddBezierCubic(left, c1, c2, right, colours.face_ink, d * kMouthWidth, kMouthSegments);
}

}  // namespace motcua::kiosk::ui
