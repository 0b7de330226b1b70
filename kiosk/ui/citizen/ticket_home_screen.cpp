#include "kiosk/ui/citizen/ticket_home_screen.hpp"

#include <algorithm>
#include <array>

#include "kiosk/ui/shell/shell_chrome.hpp"

namespace motcua::kiosk::ui {

namespace {

/// Category names longer than this many lines are cut: a tile is a button, not a page.
constexpr std::size_t kMaxNameLines = 2;

std::string waiting_text(const Translator& tr, const CategoryTile& tile) {
    if (tile.waiting == 0) return tr(TextId::ticket_waiting_none);
    return tr.format(TextId::ticket_waiting_estimate, fmt::arg("waiting", tile.waiting),
                     fmt::arg("wait", wait_text(tr, tile.wait)));
}

TextId problem_text(IssueProblem p) {
    switch (p) {
        case IssueProblem::unreachable:
            return TextId::ticket_problem_unreachable;
        case IssueProblem::stopped:
            return TextId::ticket_problem_stopped;
        default:
            return TextId::ticket_problem_refused;
    }
}

/// The priority part of the action row: the toggle, or the chosen group with its "cancel".
float priority_width(const UiFrame& ui, const TicketHomeView& home) {
    if (!home.priority_offered) return 0;
    if (!home.priority_name) return button_size(ui, ui.tr(TextId::ticket_priority_button)).x;
    const std::string chosen =
        ui.tr.format(TextId::ticket_priority_chosen, fmt::arg("reason", *home.priority_name));
    return measure(ui.fonts.body_bold, chosen).x + 2 * ui.theme.gap + ui.theme.gap +
           button_size(ui, ui.tr(TextId::ticket_priority_clear)).x;
}

}  // namespace

void TicketHomeScreen::draw(UiFrame& ui, const ShellView& view, const TicketHomeView& home,
                            Commands& out) {
    ui.a11y.set_screen("ticket_home");
    draw_header(ui, view, ui.tr(TextId::mode_ticket_title));
    const Theme& t = ui.theme;
    Box body = content_box(ui);

    const Box actions = take_bottom(body, actions_height(ui, body.width(), home), t.gap);
    draw_actions(ui, actions, home, out);

    // The status line keeps one height whatever it says, so tiles never jump under a finger.
    const float w = body.width();
    const std::array<TextId, 4> notices{TextId::ticket_issuing, TextId::ticket_problem_unreachable,
                                        TextId::ticket_problem_stopped,
                                        TextId::ticket_problem_refused};
    float status_h = paragraph_height(ui.fonts.heading, ui.tr(TextId::ticket_prompt), w);
    for (TextId id : notices)
        status_h = std::max(status_h, notice_height(ui, w, ui.tr(id), ui.fonts.body_bold));
    draw_status(ui, take_top(body, status_h, t.gap), home);
    if (home.check_in_offered) {
        // Citizens with a booking start here rather than at a tile: a wide button of its own.
        const std::string& text = ui.tr(TextId::checkin_button);
        const Box row = take_top(body, t.touch_target, t.gap);
        const float bw = std::min(w, std::max(button_size(ui, text).x + 4 * t.gap, w / 2));
        if (button(ui, "##check-in",
                   Box{{row.centre().x - bw / 2, row.min.y}, {row.centre().x + bw / 2, row.max.y}},
                   text, ButtonKind::secondary, !home.issuing_notice) &&
            !home.issuing)
            out.emplace_back(cmd::OpenCheckIn{});
    }

    if (!home.loaded || home.tiles.empty())
        paragraph(ui, body.centred({w, font_px(ui.fonts.heading)}), ui.tr(TextId::ticket_loading),
                  {ui.fonts.heading, t.colours.text_muted, Align::centre});
    else
        draw_tiles(ui, body, home, out);
    draw_footer(ui, view);
}

void TicketHomeScreen::draw_status(UiFrame& ui, const Box& box, const TicketHomeView& home) {
    const Palette& c = ui.theme.colours;
    if (home.problem != IssueProblem::none) {
        notice(ui, box, ui.tr(problem_text(home.problem)), NoticeKind::error, ui.fonts.body_bold);
    } else if (home.issuing_notice) {
        notice(ui, box, ui.tr(TextId::ticket_issuing), NoticeKind::info, ui.fonts.body_bold);
    } else {
        const std::string& prompt = ui.tr(TextId::ticket_prompt);
        const float h = paragraph_height(ui.fonts.heading, prompt, box.width());
        paragraph(ui, Box{{box.min.x, box.centre().y - h / 2}, {box.max.x, box.centre().y + h / 2}},
                  prompt, {ui.fonts.heading, c.text, Align::centre});
    }
}

void TicketHomeScreen::draw_tiles(UiFrame& ui, const Box& box, const TicketHomeView& home,
                                  Commands& out) {
    const Theme& t = ui.theme;
    const int n = static_cast<int>(home.tiles.size());
    const int cols = box.width() >= 2 * t.tile_min_width + t.gap && n > 1 ? 2 : 1;
    const int rows = (n + cols - 1) / cols;
    const float tile_w =
        (box.width() - static_cast<float>(cols - 1) * t.gap) / static_cast<float>(cols);
    const float fit_h =
        (box.height() - static_cast<float>(rows - 1) * t.gap) / static_cast<float>(rows);
    const float tile_h = std::max(t.touch_target, std::min(t.tile_max_height, fit_h));
    // Centred in the space left, so a short list does not hang from the top.
    const float grid_h = static_cast<float>(rows) * tile_h + static_cast<float>(rows - 1) * t.gap;
    const float top = box.min.y + std::max(0.0F, (box.height() - grid_h) / 2);
    for (int i = 0; i < n; ++i) {
        const auto col = static_cast<float>(i % cols);
        const auto row = static_cast<float>(i / cols);
        const ImVec2 min{box.min.x + col * (tile_w + t.gap), top + row * (tile_h + t.gap)};
        draw_tile(ui, Box{min, {min.x + tile_w, min.y + tile_h}},
                  home.tiles[static_cast<std::size_t>(i)], home, out);
    }
}

void TicketHomeScreen::draw_tile(UiFrame& ui, const Box& box, const CategoryTile& tile,
                                 const TicketHomeView& home, Commands& out) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    const std::string id = "##tile-" + tile.code;
    const Touch touch = touch_area(ui, id.c_str(), box, tile.name, A11yRole::button, !home.issuing);
    if (touch.tapped) out.emplace_back(cmd::ChooseCategory{tile.code});
    // While the request is out the tiles take no tap, but look as they did until the notice
    // shows: the tapped one pressed, as under the finger.
    const bool enabled = !home.issuing_notice;
    const bool pressed = touch.held || (home.issuing && tile.code == home.issuing_category);
    const ImU32 fill = !enabled ? c.disabled : pressed ? c.primary_pressed : c.primary;
    const ImU32 ink = enabled ? c.primary_text : c.disabled_text;
    ui.draw->AddRectFilled(box.min, box.max, fill, t.rounding);

    const float pad = 1.5F * t.gap;
    float text_left = box.min.x + pad;
    if (!tile.prefix.empty()) {
        // The letter the citizen's number will start with: "A" tile -> "A012".
        const float d = std::min(t.tile_badge, box.height() - 2 * t.gap);
        const ImVec2 centre{box.min.x + pad + d / 2, box.centre().y};
        ui.draw->AddCircleFilled(centre, d / 2, c.badge);
        const ImVec2 size = measure(ui.fonts.title, tile.prefix);
        ui.draw->AddText(ui.fonts.title, font_px(ui.fonts.title),
                         {centre.x - size.x / 2, centre.y - size.y / 2},
                         enabled ? c.badge_text : c.disabled_text, tile.prefix.c_str());
        text_left = centre.x + d / 2 + pad;
    }
    const float text_w = box.max.x - pad - text_left;
    std::vector<std::string> lines = wrap_lines(
        ui.fonts.heading, tile.name, balanced_width(ui.fonts.heading, tile.name, text_w));
    if (lines.size() > kMaxNameLines) {
        lines.resize(kMaxNameLines);
        lines.back() = fit_line(ui.fonts.heading, lines.back() + " …", text_w);
    }
    const std::string note = waiting_text(ui.tr, tile);
    const float line_h = font_px(ui.fonts.heading);
    const float note_h = font_px(ui.fonts.body);
    const float block_h = static_cast<float>(lines.size()) * line_h + t.gap / 2 + note_h;
    float y = box.centre().y - block_h / 2;
    for (const auto& line : lines) {
        ui.draw->AddText(ui.fonts.heading, line_h, {text_left, y}, ink, line.c_str());
        y += line_h;
    }
    y += t.gap / 2;
    const Box note_box =
        label(ui, Box{{text_left, y}, {box.max.x - pad, y + note_h}}, note,
              {ui.fonts.body, enabled ? c.tile_note : c.disabled_text, Align::left});
    (void)note_box;
}

float TicketHomeScreen::actions_height(const UiFrame& ui, float width,
                                       const TicketHomeView& home) const {
    const Theme& t = ui.theme;
    const float right_w = button_size(ui, ui.tr(TextId::lookup_button)).x + t.gap +
                          button_size(ui, ui.tr(TextId::ticket_rate_button)).x;
    const float prio_w = priority_width(ui, home);
    const bool one_row = prio_w == 0 || prio_w + t.gap + right_w <= width;
    return one_row ? t.touch_target : 2 * t.touch_target + t.gap;
}

void TicketHomeScreen::draw_actions(UiFrame& ui, const Box& box, const TicketHomeView& home,
                                    Commands& out) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    Box row = box;
    const bool stacked = box.height() > t.touch_target + 0.5F;
    Box prio_row = stacked ? take_top(row, t.touch_target, t.gap) : row;

    // "Tra cứu hồ sơ" and "Đánh giá dịch vụ" at the right (sharing the row when stacked).
    const std::string& rate = ui.tr(TextId::ticket_rate_button);
    const std::string& lookup = ui.tr(TextId::lookup_button);
    const float rate_w = stacked ? (row.width() - t.gap) / 2 : button_size(ui, rate).x;
    const float lookup_w = stacked ? rate_w : button_size(ui, lookup).x;
    const Box rate_box{{row.max.x - rate_w, row.max.y - t.touch_target}, row.max};
    const Box lookup_box{{rate_box.min.x - t.gap - lookup_w, rate_box.min.y},
                         {rate_box.min.x - t.gap, rate_box.max.y}};
    // While a request is out the buttons do nothing; they grey out with the notice.
    const bool looks_enabled = !home.issuing_notice;
    if (button(ui, "##rate", rate_box, rate, ButtonKind::secondary, looks_enabled) && !home.issuing)
        out.emplace_back(cmd::OpenRating{});
    if (button(ui, "##lookup", lookup_box, lookup, ButtonKind::secondary, looks_enabled) &&
        !home.issuing)
        out.emplace_back(cmd::OpenLookup{});
    if (!stacked) prio_row.max.x = lookup_box.min.x - t.gap;
    if (!home.priority_offered) return;

    if (!home.priority_name) {
        const std::string& text = ui.tr(TextId::ticket_priority_button);
        const float w = stacked ? prio_row.width() : button_size(ui, text).x;
        if (button(ui, "##priority", Box{prio_row.min, {prio_row.min.x + w, prio_row.max.y}}, text,
                   ButtonKind::secondary, looks_enabled) &&
            !home.issuing)
            out.emplace_back(cmd::OpenPriority{});
        return;
    }
    // Chosen: the group in a highlighted band, and a way to undo it.
    const std::string& clear = ui.tr(TextId::ticket_priority_clear);
    const float clear_w = button_size(ui, clear).x;
    const Box clear_box{{prio_row.max.x - clear_w, prio_row.min.y}, prio_row.max};
    if (button(ui, "##priority-clear", clear_box, clear, ButtonKind::secondary, looks_enabled) &&
        !home.issuing)
        out.emplace_back(cmd::ClearPriority{});
    const std::string chosen =
        ui.tr.format(TextId::ticket_priority_chosen, fmt::arg("reason", *home.priority_name));
    const float band_w = std::min(clear_box.min.x - t.gap - prio_row.min.x,
                                  measure(ui.fonts.body_bold, chosen).x + 2 * t.gap);
    const Box band{prio_row.min, {prio_row.min.x + band_w, prio_row.max.y}};
    ui.draw->AddRectFilled(band.min, band.max, c.chosen_fill, t.rounding);
    ui.draw->AddRect(band.min, band.max, c.primary, t.rounding, 0, t.border);
    label(ui, band.inset(t.gap / 2), chosen, {ui.fonts.body_bold, c.secondary_text, Align::centre});
}

}  // namespace motcua::kiosk::ui
