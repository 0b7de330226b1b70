#!/bin/bash
# UI test: the counter console and the display board in real windows under Xvfb, against the
# real service.
#  1. The officer logs in at counter 1's console with the keyboard (username, Enter, password,
#     Enter): the counter opens (the service says so).
#  2. F1 calls the next citizen: the console shows A001, the board shows A001 on counter 1's
#     row, and the board's voice wrote A001's announcement to --audio-out: a plausible length,
#     the chime, and speech that is not silence.
#  3. A failure is said plainly and changes nothing: with the service stopped, Hoàn thành (F6)
#     then "1" says the server cannot be reached, and A001 is still at the desk.
# Screenshots of both are kept in SHOT_DIR.
#
# usage: counter_board.sh BIN_DIR SOURCE_DIR SHOT_DIR
set -euo pipefail
# shellcheck source=tests/ui/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# The board (1920x1080) at the left, the console (1280x800) beside it: windows never overlap.
ui_test 3200x1080 "$@"

service_start
set_clock 2026-11-23T08:00:00+07:00
officer_add lan "Nguyễn Thị Lan" matkhau-123
kiosk_token=$(device_add "Kiosk lối vào" kiosk)
board_token=$(device_add "Bảng hiển thị sảnh" board)
for c in HT HT TK; do
    [[ $(api POST /tickets "$kiosk_token" "{\"category\":\"$c\"}") == 201\ * ]] || ui_fail "issue $c"
done

kiosk_start board --mode board --token "$board_token" --config "$CONFIG" --windowed 1920x1080 \
    --audio-out "$WORK/calls"
kiosk_start console --mode counter --counter 1 --config "$CONFIG" --windowed 1280x800
wait_screen board board
wait_for board 'Chưa có số nào được gọi'
wait_screen console counter_login
xdotool windowmove "$(window_of console)" 1920 0

# ---- 1. log in with the keyboard -----------------------------------------------------------------
tap console textbox "Tên đăng nhập"
# No window manager: give the console the keyboard, as a click on a desktop would.
xdotool windowfocus --sync "$(window_of console)"
xdotool type --delay 30 lan
xdotool key Return
sleep 0.3  # a person's pause: the focus moves to the password with the next frames
xdotool type --delay 30 matkhau-123
xdotool key Return
wait_screen console counter_console 10
wait_for console 'Quầy đang mở' 10
counter_open() { api GET /counters "$kiosk_token" | grep -q '"number":1,"name":"Quầy 1 - Hộ tịch","categories":\["HT","TK"\],"state":"open"'; }
wait_until 10 "the service has counter 1 open" counter_open
wait_for board 'Quầy 1 - Hộ tịch' 10  # the board lists the counter once it opens

# ---- 2. F1 calls the next citizen --------------------------------------------------------------
xdotool key F1
wait_for console '"label":"A001"' 10
screenshot console "$SHOTS/counter-console-called.png"
# A001 on counter 1's row: right of the counter's name, left of the calls column, its centre
# within the height of the name.
on_row() {
    jq -e '.elements as $e
        | ($e[] | select(.label == "Quầy 1 - Hộ tịch")) as $row
        | ($e[] | select(.label == "Vừa gọi") | .x) as $calls
        | [$e[] | select(.label == "A001" and .x > $row.x + $row.w and .x < $calls
                  and (.y + .h / 2) > $row.y - $row.h and (.y + .h / 2) < $row.y + 2 * $row.h)]
        | length == 1' "${KIOSK_DUMPS[board]}" >/dev/null 2>&1
}
wait_until 10 "the board shows A001 at counter 1" on_row
screenshot board "$SHOTS/board-called.png"

wav_of_a001() { compgen -G "$WORK/calls/*-A001-counter1.wav" >/dev/null; }
wait_until 20 "the board announces A001 (WAV in --audio-out)" wav_of_a001
wav=$(compgen -G "$WORK/calls/*-A001-counter1.wav" | head -n 1)
sleep 0.5  # written before the announcement plays; let the file settle
"$BIN/ui_probe" wav "$wav" || ui_fail "A001's announcement is not a plausible call"
grep -q 'board: announcing A001 at counter 1' "$WORK/board.log" || ui_fail "the board did not log the call"

# ---- 3. a failure says so and changes nothing --------------------------------------------------
service_stop
xdotool key F6
wait_screen console counter_finish 5
xdotool key 1
wait_for console 'Không kết nối được máy chủ. Thao tác chưa được thực hiện, vui lòng thử lại.' 15
wait_for console '"label":"A001"' 2  # still at the desk
wait_for board 'Mất kết nối với máy chủ' 15
screenshot console "$SHOTS/counter-console-unreachable.png"
screenshot board "$SHOTS/board-link-lost.png"

echo "PASS: logged in, opened counter 1, F1 called A001: on the console, on the board at counter 1, announced ($wav)"
