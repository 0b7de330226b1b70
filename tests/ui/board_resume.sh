#!/bin/bash
# UI test: the display board resumes after its link is cut, missing no call and showing none
# twice, and announces only the calls that are still recent.
#  1. The board reaches the service through a relay (tcp_relay.py). A001 is called at counter 1:
#     shown and announced.
#  2. The relay is killed: the board shows that its link is lost. Meanwhile the ward carries on:
#     A002 (counter 1) and A003 (counter 2, recalled too) are called; ten minutes pass on the
#     service's clock; A004 is called at counter 1.
#  3. The relay comes back on the same port: the board resumes from its last event. Every call
#     is listed exactly once, each counter shows its latest number, and only A001 and A004 were
#     announced: A002 and A003 were older than voice.max_age_s (60 s) when they arrived.
#
# usage: board_resume.sh BIN_DIR SOURCE_DIR SHOT_DIR
set -euo pipefail
# shellcheck source=tests/ui/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ui_test 1920x1080 "$@"
RELAY_PID=
ui_at_exit relay_stop

# relay_start [PORT]: the relay from PORT (0: any) to the service; sets RELAY_PORT.
relay_start() {
    : >"$WORK/relay.out"
    python3 "$SRC/tests/ui/tcp_relay.py" "${1:-0}" "$SERVICE_PORT" >"$WORK/relay.out" 2>&1 &
    RELAY_PID=$!
    local deadline=$((SECONDS + 10))
    until [[ -s $WORK/relay.out ]]; do
        ((SECONDS < deadline)) || ui_fail "the relay did not start: $(cat "$WORK/relay.out")"
        sleep 0.05
    done
    RELAY_PORT=$(head -n 1 "$WORK/relay.out")
}
relay_stop() {
    if [[ -n $RELAY_PID ]] && kill -0 "$RELAY_PID" 2>/dev/null; then
        kill "$RELAY_PID" 2>/dev/null || true
        wait "$RELAY_PID" 2>/dev/null || true
    fi
    RELAY_PID=
}

service_start
set_clock 2026-11-23T08:00:00+07:00
officer_add lan "Nguyễn Thị Lan" matkhau-123
officer_add binh "Trần Văn Bình" matkhau-456
kiosk_token=$(device_add "Kiosk lối vào" kiosk)
board_token=$(device_add "Bảng hiển thị sảnh" board)
lan=$(login lan matkhau-123)
binh=$(login binh matkhau-456)
ok() { [[ $1 == 200\ * ]] || ui_fail "$2: $1"; }
ok "$(api POST /counters/1/open "$lan")" "open counter 1"
ok "$(api POST /counters/2/open "$binh")" "open counter 2"
for _ in 1 2 3 4; do
    [[ $(api POST /tickets "$kiosk_token" '{"category":"HT"}') == 201\ * ]] || ui_fail "issue"
done

relay_start
SERVICE_PORT=$RELAY_PORT kiosk_start board --mode board --token "$board_token" --config "$CONFIG" \
    --windowed 1920x1080 --audio-out "$WORK/calls"
wait_screen board board
wait_for board 'Quầy 2 - Hộ tịch, chứng thực' 10

# ---- 1. a live call ------------------------------------------------------------------------------
ok "$(api POST /counters/1/call-next "$lan")" "call A001"
wait_for board '"label":"A001"' 10
announced() { compgen -G "$WORK/calls/*-$1-counter$2.wav" >/dev/null; }
wait_until 20 "A001 is announced" announced A001 1

# ---- 2. the link is cut; the ward carries on -----------------------------------------------------
relay_stop
wait_for board 'Mất kết nối với máy chủ' 15
ok "$(api POST /counters/1/finish "$lan" '{"outcome":"resolved"}')" "finish A001"
ok "$(api POST /counters/1/call-next "$lan")" "call A002"
ok "$(api POST /counters/2/call-next "$binh")" "call A003"
ok "$(api POST /counters/2/recall "$binh")" "recall A003"
set_clock 2026-11-23T08:10:00+07:00
ok "$(api POST /counters/1/finish "$lan" '{"outcome":"guidance"}')" "finish A002"
ok "$(api POST /counters/1/call-next "$lan")" "call A004"
screenshot board "$SHOTS/board-link-lost-resume.png"

# ---- 3. the link is back: resume from the last event ---------------------------------------------
relay_start "$RELAY_PORT"
wait_for board '"label":"A004"' 20
link_back() { ! grep -qF 'Mất kết nối với máy chủ' "${KIOSK_DUMPS[board]}"; }
wait_until 15 "the board's link-lost sign goes" link_back
wait_until 20 "A004 is announced" announced A004 1
sleep 2  # anything else the board were to say would be written by now
screenshot board "$SHOTS/board-resumed.png"

# Every call exactly once in the calls list (the column under "Vừa gọi").
for n in A001 A002 A003 A004; do
    count=$(jq --arg n "$n" '.elements as $e | ($e[] | select(.label == "Vừa gọi") | .x) as $x
        | [$e[] | select(.label == $n and .x >= $x)] | length' "${KIOSK_DUMPS[board]}")
    [[ $count == 1 ]] || ui_fail "$n is listed $count times among the calls"
done
# Each counter shows its latest number.
at_counter() {
    # The number right of the counter's name, left of the calls column, centred on its row.
    jq -e --arg name "$1" --arg n "$2" '.elements as $e
        | ($e[] | select(.label == $name)) as $row
        | ($e[] | select(.label == "Vừa gọi") | .x) as $calls
        | [$e[] | select(.label == $n and .x > $row.x + $row.w and .x < $calls
                  and (.y + .h / 2) > $row.y - $row.h and (.y + .h / 2) < $row.y + 2 * $row.h)]
        | length == 1' "${KIOSK_DUMPS[board]}" >/dev/null || ui_fail "$1 does not show $2"
}
at_counter "Quầy 1 - Hộ tịch" A004
at_counter "Quầy 2 - Hộ tịch, chứng thực" A003
# Said: the live call and the recent one; the calls replayed after ten minutes were not.
said=$(find "$WORK/calls" -name '*.wav' -printf '%f\n' | sed -E 's/^[0-9]+-//' | sort | tr '\n' ' ')
[[ $said == "A001-counter1.wav A004-counter1.wav " ]] || ui_fail "announced: $said"
[[ $(grep -c 'shown, not announced (older than 60 s)' "$WORK/board.log") == 3 ]] ||
    ui_fail "the board should have logged three calls it did not announce"

echo "PASS: after the cut the board listed A001..A004 once each and announced only A001 and A004"
