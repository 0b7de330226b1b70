#!/bin/bash
# UI test: the accessible kiosk (DESIGN.md §13) in real windows under Xvfb against the real
# service, with the guidance voice written to --audio-out.
#  1. Guidance mode on the ticket kiosk, by touch: the button "Hướng dẫn bằng giọng nói" turns it
#     on and the screen says what to do; the first touch on a tile says the tile's name (a WAV
#     whose words name it) and takes no ticket; the second touch takes it, and the number, the
#     people ahead and the counters are said.
#  2. Keypad alone (xdotool key): Tab moves the focus (the dump marks it, the voice names it),
#     Enter on a tile takes a ticket, `*` says it again.
#  3. Keypad alone on the rating pad: the arrows reach a level, Enter rates, and the rating is
#     stored for the right ticket.
#
# usage: accessible_kiosk.sh BIN_DIR SOURCE_DIR SHOT_DIR
set -euo pipefail
# shellcheck source=tests/ui/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ui_test 1920x1080 "$@"

service_start
set_clock 2026-11-23T08:00:00+07:00
officer_add lan "Nguyễn Thị Lan" matkhau-123
kiosk_token=$(device_add "Kiosk lối vào" kiosk)
pad_token=$(device_add "Đánh giá quầy 1" rating 1)
voice=$WORK/voice
pad_voice=$WORK/pad-voice
mkdir -p "$voice" "$pad_voice"

kiosk_start ticket --mode ticket --token "$kiosk_token" --config "$CONFIG" --windowed 1280x800 \
    --data-dir "$WORK/data" --audio-out "$voice"
wait_screen ticket ticket_home
wait_for ticket '"label":"Tư pháp - Hộ tịch"'

# said: the newest guidance WAV's words (after it is complete); NTH counts from 1.
said_count() { find "$1" -name 'guide-*.wav' 2>/dev/null | wc -l; }
newest_words() {
    local f
    f=$(find "$1" -name 'guide-*.wav' | sort | tail -n 1)
    "$BIN/ui_probe" guide-wav "$f"
}
# wait_said DIR COUNT WORDS: a guidance WAV beyond the first COUNT ones holds WORDS.
wait_said() {
    local dir=$1 before=$2 words=$3 deadline=$((SECONDS + 15)) f
    while ((SECONDS < deadline)); do
        for f in $(find "$dir" -name 'guide-*.wav' 2>/dev/null | sort | tail -n +$((before + 1))); do
            if "$BIN/ui_probe" guide-wav "$f" 2>/dev/null | grep -qF -- "$words"; then return 0; fi
        done
        sleep 0.1
    done
    ui_fail "the voice did not say \"$words\" (said: $(newest_words "$dir" 2>&1 || true))"
}
# key_until NAME KEY LABEL: presses KEY (at most 20 times) until the dump of kiosk NAME marks the
# element LABEL focused; fails otherwise.
key_until() {
    local _
    for _ in $(seq 20); do
        xdotool key "$2"
        sleep 0.15
        if grep -F '"focused":true' "${KIOSK_DUMPS[$1]}" | grep -qF "\"label\":\"$3\""; then return 0; fi
    done
    ui_fail "$2 never reached '$3' on kiosk $1"
}
tickets_issued() {
    "$BIN/ui_probe" events "$SERVICE_PORT" "$kiosk_token" | jq -c 'select(.type == "ticket_issued")' | wc -l
}

# ---- 1. guidance mode by touch ------------------------------------------------------------------
[[ $(said_count "$voice") == 0 ]] || ui_fail "the kiosk spoke before guidance was turned on"
tap ticket button "Hướng dẫn bằng giọng nói"
wait_said "$voice" 0 "Mời Quý khách chọn lĩnh vực"
n=$(said_count "$voice")
tap ticket button "Tư pháp - Hộ tịch"
wait_said "$voice" "$n" "Tư pháp - Hộ tịch"
sleep 0.5
grep -qF '"screen": "ticket_home"' "$WORK/ticket.a11y.json" || ui_fail "the first touch took a ticket"
[[ $(tickets_issued) == 0 ]] || ui_fail "the first touch in guidance mode issued a ticket"
screenshot ticket "$SHOTS/guidance-first-touch.png"
n=$(said_count "$voice")
tap ticket button "Tư pháp - Hộ tịch"
wait_screen ticket ticket_issued 10
wait_said "$voice" "$n" "Số thứ tự của Quý khách là a một"
newest_words "$voice" | grep -qF "Quầy phục vụ" || ui_fail "the issued ticket's counters were not said"
[[ $(tickets_issued) == 1 ]] || ui_fail "guidance mode issued $(tickets_issued) tickets, not 1"
screenshot ticket "$SHOTS/guidance-issued.png"
# "Xong" in guidance mode: touch once to hear, again to go.
tap ticket button "Xong"
sleep 0.3
tap ticket button "Xong"
wait_screen ticket ticket_home 10

# ---- 2. the keypad alone -------------------------------------------------------------------------
win=$(window_of ticket)
xdotool windowfocus --sync "$win"
n=$(said_count "$voice")
key_until ticket Tab "Văn hóa - Xã hội"
[[ $(grep -cF '"focused":true' "$WORK/ticket.a11y.json") == 1 ]] || ui_fail "more than one element is focused"
wait_said "$voice" "$n" "Văn hóa - Xã hội"
screenshot ticket "$SHOTS/keypad-focus.png"
n=$(said_count "$voice")
xdotool key KP_Multiply
wait_said "$voice" "$n" "Văn hóa - Xã hội"
xdotool key Return
wait_screen ticket ticket_issued 10
wait_for ticket '"label":"C001"' 5
[[ $(tickets_issued) == 2 ]] || ui_fail "the keypad issued $(($(tickets_issued) - 1)) tickets, not 1"
kiosk_stop ticket

# ---- 3. rating with the keypad alone ----------------------------------------------------------
kiosk_start pad --mode rating --counter 1 --token "$pad_token" --config "$CONFIG" \
    --windowed 1280x800 --data-dir "$WORK/pad-data" --audio-out "$pad_voice"
wait_screen pad rating_idle
officer=$(login lan matkhau-123)
[[ $(api POST /counters/1/open "$officer") == 200\ * ]] || ui_fail "open counter 1"
[[ $(api POST /tickets "$kiosk_token" '{"category":"HT"}') == 201\ * ]] || ui_fail "issue for the pad"
[[ $(api POST /counters/1/call-next "$officer") == 200\ * ]] || ui_fail "call-next"
[[ $(api POST /counters/1/finish "$officer" '{"outcome":"resolved"}') == 200\ * ]] || ui_fail "finish"
wait_screen pad rating_levels 10
pwin=$(window_of pad)
xdotool windowfocus --sync "$pwin"
key_until pad Right "Rất hài lòng"
wait_said "$pad_voice" 0 "Rất hài lòng"
xdotool key KP_Enter
wait_screen pad rating_thanks 10
"$BIN/ui_probe" events "$SERVICE_PORT" "$kiosk_token" >"$WORK/events.jsonl"
rated=$(jq -c 'select(.type == "rating_submitted") | .rating.level' "$WORK/events.jsonl")
[[ $rated == 5 ]] || ui_fail "the keypad's rating was stored as [$rated], not [5]"
ui_exit
