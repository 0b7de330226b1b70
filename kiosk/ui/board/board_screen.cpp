#include "kiosk/ui/board/board_screen.hpp"

#include <algorithm>
#include <cfloat>

#include "kiosk/ui/citizen/citizen_layout.hpp"
#include "kiosk/ui/shell/shell_chrome.hpp"

namespace motcua::kiosk::ui {

namespace {

/// What shows where a counter has nobody at its desk yet: a sign, not a word.
constexpr const char* kNobody = "—";

/// A ticket number in the huge (ASCII) font at `px`, placed by `align` in `box`; recorded.
void number_text(UiFrame& ui, const Box& box, const std::string& text, float px, ImU32 colour,
                 Align align) {
    const ImVec2 size = ui.fonts.huge->CalcTextSizeA(px, FLT_MAX, 0, text.c_str());
    float x = box.min.x;
    if (align == Align::centre) x = box.centre().x - size.x / 2;
    if (align == Align::right) x = box.max.x - size.x;
    const ImVec2 pos{x, box.centre().y - size.y / 2};
    ui.draw->AddText(ui.fonts.huge, px, pos, colour, text.c_str());
    record_text(ui, text, Box{pos, {pos.x + size.x, pos.y + size.y}});
}

/// A column's title over a rule.
void column_title(UiFrame& ui, Box& box, TextId title) {
    const Theme& t = ui.theme;
    label(ui, take_top(box, font_px(ui.fonts.heading), t.gap / 2), ui.tr(title),
          {ui.fonts.heading, t.colours.text, Align::left});
    const Box rule = take_top(box, t.rule, t.gap);
    ui.draw->AddRectFilled(rule.min, rule.max, t.colours.rule);
}

/// Rows of equal height filling `box`, at most the theme's tallest row.
float row_height(const Theme& t, const Box& box, std::size_t rows, float tallest) {
    if (rows == 0) return tallest;
    const auto n = static_cast<float>(rows);
    return std::min(tallest, (box.height() - (n - 1) * t.gap / 2) / n);
}

}  // namespace

void BoardScreen::draw(UiFrame& ui, const ShellView& view, const BoardView& board) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    ui.a11y.set_screen("board");
    draw_header(ui, view, ui.tr(TextId::board_title), false);
    // No footer: nobody reads "connected" on a TV; a lost link gets the red band instead.
    Box body{{t.margin, header_height(ui) + t.margin},
             {ui.display.x - t.margin, ui.display.y - t.margin}};
    if (board.link_lost) {
        // Above everything, in the alarm colour: nobody should trust a frozen board.
        const std::string& lost = ui.tr(TextId::board_link_lost);
        const float h = notice_height(ui, body.width(), lost, ui.fonts.heading);
        notice(ui, take_top(body, h, t.gap), lost, NoticeKind::error, ui.fonts.heading);
    }
    draw_categories(ui, take_bottom(body, t.board_strip_h, t.gap), board);
    if (!board.loaded) {
        paragraph(ui, body.centred({body.width(), font_px(ui.fonts.heading)}),
                  ui.tr(TextId::board_loading), {ui.fonts.heading, c.text_muted, Align::centre});
    } else {
        Box calls = body;
        calls.min.x = body.max.x - body.width() * t.board_calls_ratio;
        body.max.x = calls.min.x - 2 * t.gap;
        draw_counters(ui, body, board);
        draw_calls(ui, calls, board);
    }
}

void BoardScreen::draw_counters(UiFrame& ui, Box box, const BoardView& board) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    column_title(ui, box, TextId::board_counters_heading);
    if (board.counters.empty()) {
        label(ui, take_top(box, font_px(ui.fonts.heading)), ui.tr(TextId::board_none_open),
              {ui.fonts.heading, c.text_muted, Align::left});
        return;
    }
    const float row_h = row_height(t, box, board.counters.size(), t.board_row_max);
    const float number_px = row_h * t.board_number_ratio;
    for (const auto& row : board.counters) {
        const Box r = take_top(box, row_h, t.gap / 2);
        ui.draw->AddRectFilled(r.min, r.max, row.highlighted ? c.highlight : c.card, t.rounding);
        const Box in{{r.min.x + t.gap, r.min.y}, {r.max.x - t.gap, r.max.y}};
        const float number_w = ui.fonts.huge->CalcTextSizeA(number_px, FLT_MAX, 0, "A0000").x;
        const Box name{in.min, {in.max.x - number_w - t.gap, in.max.y}};
        const ImU32 ink = row.highlighted ? c.highlight_text : c.text;
        label(ui, name, row.name, {ui.fonts.heading, ink, Align::left});
        const Box number{{name.max.x + t.gap, in.min.y}, in.max};
        if (row.state == CounterState::paused)
            label(ui, number, ui.tr(TextId::board_paused),
                  {ui.fonts.heading, c.text_muted, Align::right});
        else if (row.ticket.empty())
            number_text(ui, number, kNobody, number_px, c.text_muted, Align::right);
        else
            number_text(ui, number, row.ticket, number_px, row.highlighted ? ink : c.number,
                        Align::right);
    }
}

void BoardScreen::draw_calls(UiFrame& ui, Box box, const BoardView& board) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    column_title(ui, box, TextId::board_calls_heading);
    if (board.calls.empty()) {
        label(ui, take_top(box, font_px(ui.fonts.heading)), ui.tr(TextId::board_no_calls),
              {ui.fonts.heading, c.text_muted, Align::left});
        return;
    }
    const float number_px = t.board_call_row * t.board_number_ratio;
    for (const auto& call : board.calls) {
        if (box.height() < t.board_call_row) break;  // older calls scroll away
        const Box r = take_top(box, t.board_call_row, t.gap / 2);
        if (call.highlighted) ui.draw->AddRectFilled(r.min, r.max, c.highlight, t.rounding);
        const Box in{{r.min.x + t.gap, r.min.y}, {r.max.x - t.gap, r.max.y}};
        const ImU32 ink = call.highlighted ? c.highlight_text : c.text;
        const float number_w = ui.fonts.huge->CalcTextSizeA(number_px, FLT_MAX, 0, "A0000").x;
        number_text(ui, Box{in.min, {in.min.x + number_w, in.max.y}}, call.number, number_px,
                    call.highlighted ? ink : c.number, Align::left);
        Box where{{in.min.x + number_w + t.gap, in.min.y}, in.max};
        const std::string counter =
            ui.tr.format(TextId::counter_number, fmt::arg("counter", call.counter));
        // A recall says so under the counter (the citizen called twice is asked again), and so
        // does a booking (those waiting see why this number came before theirs).
        std::string note;
        if (call.recall) note = ui.tr(TextId::board_recall);
        if (call.appointment_start)
            note += (note.empty() ? "" : " · ") +
                    ui.tr.format(TextId::issued_appointment,
                                 fmt::arg("start", *call.appointment_start));
        if (note.empty()) {
            label(ui, where, counter, {ui.fonts.heading, ink, Align::right});
            continue;
        }
        const float block = font_px(ui.fonts.heading) + font_px(ui.fonts.body);
        where.min.y = r.centre().y - block / 2;
        label(ui, take_top(where, font_px(ui.fonts.heading)), counter,
              {ui.fonts.heading, ink, Align::right});
        label(ui, take_top(where, font_px(ui.fonts.body)), note,
              {ui.fonts.body, call.highlighted ? ink : c.text_muted, Align::right});
    }
}

void BoardScreen::draw_categories(UiFrame& ui, const Box& box, const BoardView& board) {
    const Theme& t = ui.theme;
    const Palette& c = t.colours;
    if (board.categories.empty()) return;
    const auto n = static_cast<float>(board.categories.size());
    const float w = (box.width() - (n - 1) * t.gap) / n;
    for (std::size_t i = 0; i < board.categories.size(); ++i) {
        const BoardCategoryRow& cat = board.categories[i];
        const float x = box.min.x + static_cast<float>(i) * (w + t.gap);
        const Box card{{x, box.min.y}, {x + w, box.max.y}};
        ui.draw->AddRectFilled(card.min, card.max, c.card, t.rounding);
        ui.draw->AddRect(card.min, card.max, c.rule, t.rounding, 0, t.rule);
        Box in = card.inset(t.gap);
        // The count big (read from afar), the estimate under it, the name above in two lines.
        const Box estimate = take_bottom(in, font_px(ui.fonts.body));
        const Box count = take_bottom(in, font_px(ui.fonts.heading));
        std::vector<std::string> lines = wrap_lines(ui.fonts.body, cat.name, in.width());
        if (lines.size() > 2) {
            lines.resize(2);
            lines[1] = fit_line(ui.fonts.body, lines[1] + " …", in.width());
        }
        std::string name;
        for (const auto& line : lines) name += (name.empty() ? "" : "\n") + line;
        paragraph(ui, in, name, {ui.fonts.body, c.text, Align::left});
        if (cat.waiting == 0) {
            label(ui, count, ui.tr(TextId::ticket_waiting_none),
                  {ui.fonts.heading, c.text_muted, Align::left});
            continue;
        }
        label(ui, count,
              ui.tr.format(TextId::board_waiting_count, fmt::arg("waiting", cat.waiting)),
              {ui.fonts.heading, c.number, Align::left});
        label(ui, estimate,
              cat.wait.kind == api::WaitMinutes::Kind::soon
                  ? ui.tr(TextId::board_waiting_soon)
                  : ui.tr.format(TextId::board_waiting_estimate,
                                 fmt::arg("wait", wait_text(ui.tr, cat.wait))),
              {ui.fonts.body, c.text_muted, Align::left});
    }
}

}  // namespace motcua::kiosk::ui
