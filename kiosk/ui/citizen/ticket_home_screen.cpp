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

/// A tile's words: the name's font and the queue note's, from the biggest down. Last, when
/// even the smallest do not fit (large text with guidance's controls on a portrait kiosk), the
/// name alone: the queue is said in guidance mode and shown on the board.
struct TileFonts {
    ImFont* name;
    ImFont* note;  // none: no queue note
};

std::array<TileFonts, 4> tile_fonts(const UiFrame& ui) {
    return {{{ui.fonts.heading, ui.fonts.body},
             {ui.fonts.body_bold, ui.fonts.body},
             {ui.fonts.body_bold, ui.fonts.small},
             {ui.fonts.body_bold, nullptr}}};
}

/// Left edge of a tile's words: after its letter badge, when it has one.
float tile_text_left(const Theme& t, const Box& box, const CategoryTile& tile) {
    const float pad = 1.5F * t.gap;
    if (tile.prefix.empty()) return box.min.x + pad;
    const float d = std::min(t.tile_badge, box.height() - 2 * t.gap);
    return box.min.x + pad + d + pad;
}

/// Whether `tile`'s name (at most kMaxNameLines lines) and queue note fit in `box` in `f`.
bool tile_fits(const UiFrame& ui, const TileFonts& f, const Box& box, const CategoryTile& tile) {
    const Theme& t = ui.theme;
    const float text_w = box.max.x - 1.5F * t.gap - tile_text_left(t, box, tile);
    const auto n = wrap_lines(f.name, tile.name, text_w).size();
    const float name_h = static_cast<float>(n) * font_px(f.name);
    if (f.note == nullptr) return n <= kMaxNameLines && name_h <= box.height() - t.gap;
    const float h = name_h + t.gap / 2 + font_px(f.note);
    return n <= kMaxNameLines && h <= box.height() - t.gap &&
           measure(f.note, waiting_text(ui.tr, tile)).x <= text_w;
}

/// The priority part of the action row: the toggle, or the chosen group with its "cancel".
/// `two_lines`: the chosen group's words may take two lines (large text), narrowing its band.
float priority_width(const UiFrame& ui, const TicketHomeView& home, bool two_lines = false) {
    if (!home.priority_offered) return 0;
    if (!home.priority_name) return button_size(ui, ui.tr(TextId::ticket_priority_button)).x;
    const std::string chosen =
        ui.tr.format(TextId::ticket_priority_chosen, fmt::arg("reason", *home.priority_name));
    float words = measure(ui.fonts.body_bold, chosen).x;
    if (two_lines && 2 * font_px(ui.fonts.body_bold) <= ui.theme.touch_target - ui.theme.gap / 2)
        words = balanced_width(ui.fonts.body_bold, chosen, words * 0.6F);
    return words + 2 * ui.theme.gap + ui.theme.gap +
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
    const auto status_height = [&](float width) {
        float h = paragraph_height(ui.fonts.heading, ui.tr(TextId::ticket_prompt), width);
        for (TextId id : notices)
            h = std::max(h, notice_height(ui, width, ui.tr(id), ui.fonts.body_bold));
        return h;
    };
    float status_h = status_height(w);
    // Citizens with a booking start here rather than at a tile: a wide button of its own, under
    // the status line; beside it when the tiles would otherwise be short of height (large text
    // on a landscape screen).
    const std::string& check_in = ui.tr(TextId::checkin_button);
    const float check_in_w = std::min(w, std::max(button_size(ui, check_in).x + 4 * t.gap, w / 2));
    const auto rows = static_cast<float>((home.tiles.size() + 1) / 2);
    const float least_tiles =
        rows * (font_px(ui.fonts.heading) + font_px(ui.fonts.body) + 2 * t.gap);
    const float beside_w = button_size(ui, check_in).x + 2 * t.gap;
    const bool beside = home.check_in_offered &&
                        body.height() < status_h + t.touch_target + 2 * t.gap + least_tiles &&
                        beside_w < w / 2;
    if (beside) status_h = std::max(status_height(w - beside_w - t.gap), t.touch_target);
    Box status_row = take_top(body, status_h, t.gap);
    if (beside) {
        const Box at{{status_row.max.x - beside_w, status_row.centre().y - t.touch_target / 2},
                     {status_row.max.x, status_row.centre().y + t.touch_target / 2}};
        status_row.max.x = at.min.x - t.gap;
        if (button(ui, "##check-in", at, check_in, ButtonKind::secondary, !home.issuing))
            out.emplace_back(cmd::OpenCheckIn{});
    }
    draw_status(ui, status_row, home);
    if (home.check_in_offered && !beside) {
        const Box row = take_top(body, t.touch_target, t.gap);
        if (button(ui, "##check-in",
                   Box{{row.centre().x - check_in_w / 2, row.min.y},
                       {row.centre().x + check_in_w / 2, row.max.y}},
                   check_in, ButtonKind::secondary, !home.issuing_notice) &&
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
    // The biggest fonts in which every tile's words fit: all tiles speak at one size.
    const auto fonts = tile_fonts(ui);
    font_step_ = 0;
    const Box sample{{0, 0}, {tile_w, tile_h}};
    for (const auto& tile : home.tiles)
        while (font_step_ + 1 < fonts.size() && !tile_fits(ui, fonts.at(font_step_), sample, tile))
            ++font_step_;
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
    const std::string note = waiting_text(ui.tr, tile);
    const Touch touch = touch_area(ui, id.c_str(), box, tile.name, A11yRole::button, !home.issuing,
                                   std::nullopt, note);
    if (touch.tapped) out.emplace_back(cmd::ChooseCategory{tile.code});
    // While the request is out the tiles take no tap, but look as they did until the notice
    // shows: the tapped one pressed, as under the finger.
    const bool enabled = !home.issuing_notice;
    const bool pressed = touch.held || (home.issuing && tile.code == home.issuing_category);
    const ImU32 fill = !enabled ? c.disabled : pressed ? c.primary_pressed : c.primary;
    const ImU32 ink = enabled ? c.primary_text : c.disabled_text;
    ui.draw->AddRectFilled(box.min, box.max, fill, t.rounding);
    if (enabled) ui.draw->AddRect(box.min, box.max, c.primary_border, t.rounding, 0, t.border);
    if (touch.focused) focus_ring(ui, box);

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
    // The name big, on at most two lines, and the queue under it, in the fonts draw_tiles chose.
    const TileFonts fit = tile_fonts(ui).at(font_step_);
    std::vector<std::string> lines =
        wrap_lines(fit.name, tile.name, balanced_width(fit.name, tile.name, text_w));
    // The name's full height, every line, for the a11y tree's label box: a name that needs more
    // lines than the tile has shows there as overflowing.
    const auto full_lines = static_cast<float>(lines.size());
    if (lines.size() > kMaxNameLines) {
        lines.resize(kMaxNameLines);
        lines.back() = fit_line(fit.name, lines.back() + " …", text_w);
    }
    const float line_h = font_px(fit.name);
    const float note_h = fit.note != nullptr ? font_px(fit.note) + t.gap / 2 : 0;
    const float block_h = static_cast<float>(lines.size()) * line_h + note_h;
    float y = box.centre().y - block_h / 2;
    const float name_top = y;
    float name_w = 0;
    for (const auto& line : lines) {
        ui.draw->AddText(fit.name, line_h, {text_left, y}, ink, line.c_str());
        name_w = std::max(name_w, measure(fit.name, line).x);
        y += line_h;
    }
    report_label(ui, touch,
                 Box{{text_left, name_top}, {text_left + name_w, name_top + full_lines * line_h}});
    if (fit.note == nullptr) return;
    y += t.gap / 2;
    const Box note_row{{text_left, y}, {box.max.x - pad, y + note_h - t.gap / 2}};
    label(ui, note_row, note, {fit.note, enabled ? c.tile_note : c.disabled_text, Align::left});
    report_label(ui, touch, line_box(fit.note, note, note_row, Align::left));
}

float TicketHomeScreen::actions_height(const UiFrame& ui, float width,
                                       const TicketHomeView& home) const {
    const Theme& t = ui.theme;
    const float right_w = button_size(ui, ui.tr(TextId::lookup_button)).x + t.gap +
                          button_size(ui, ui.tr(TextId::ticket_rate_button)).x;
    const bool one_row = priority_width(ui, home) + t.gap + right_w <= width ||
                         priority_width(ui, home, true) + t.gap + right_w <= width;
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
    // On two lines when the row is short of width (large text), never cut.
    const Box in = band.inset(t.gap / 2);
    const float h = paragraph_height(ui.fonts.body_bold, chosen, in.width());
    paragraph(ui, Box{{in.min.x, in.centre().y - h / 2}, {in.max.x, in.centre().y + h / 2}}, chosen,
              {ui.fonts.body_bold, c.secondary_text, Align::centre});
}

}  // namespace motcua::kiosk::ui
