#!/bin/bash
# Display board figures (issue 5), printed, never pass/fail: from an officer's call-next to the
# board showing the number, and from the call to the start of its announcement (the WAV written
# for --audio-out, a moment before playback starts), with the board in a real window under Xvfb
# and the service on loopback. Each call waits for the previous announcement, as a ward's calls
# seconds apart would.
# usage: tests/bench/board_bench.sh [BUILD_DIR] [CALLS]        (default build/release, 20 calls)
set -euo pipefail
SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD=${1:-$SRC/build/release}
CALLS=${2:-20}
BIN=$BUILD/bin
# shellcheck source=tests/ui/lib.sh
source "$SRC/tests/ui/lib.sh"
ui_begin 1920x1080 "$BUILD" "$CALLS"

now_us() { echo $(( $(date +%s%N) / 1000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
ms() { awk -v us="$1" 'BEGIN {printf "%.1f", us / 1000}'; }

service_start
set_clock 2026-11-23T08:00:00+07:00
officer_add lan "Nguyễn Thị Lan" matkhau-123
kiosk_token=$(device_add "Kiosk" kiosk)
board_token=$(device_add "Bảng" board)
officer=$(login lan matkhau-123)
api POST /counters/1/open "$officer" >/dev/null
for ((i = 0; i < CALLS; i++)); do api POST /tickets "$kiosk_token" '{"category":"HT"}' >/dev/null; done

kiosk_start board --mode board --token "$board_token" --config "$CONFIG" --windowed 1920x1080 \
    --audio-out "$WORK/calls"
wait_screen board board
wait_for board 'Quầy 1 - Hộ tịch'
dump=${KIOSK_DUMPS[board]}
shown=()
voiced=()
for ((i = 1; i <= CALLS; i++)); do
    number=$(printf 'A%03d' "$i")
    t0=$(now_us)
    curl -sS -o /dev/null -X POST -H "Authorization: Bearer $officer" \
        "$(url)/api/v1/counters/1/call-next"
    until grep -qF "\"label\":\"$number\"" "$dump" 2>/dev/null; do sleep 0.001; done
    t1=$(now_us)
    until compgen -G "$WORK/calls/*-$number-counter1.wav" >/dev/null; do sleep 0.001; done
    t2=$(now_us)
    shown+=($((t1 - t0)))
    voiced+=($((t2 - t0)))
    api POST /counters/1/finish "$officer" '{"outcome":"resolved"}' >/dev/null
    sleep 0.2
done
shown_ms=$(for v in "${shown[@]}"; do ms "$v"; echo; done)
voiced_ms=$(for v in "${voiced[@]}"; do ms "$v"; echo; done)
echo "call-next to the number on the board: $(echo $shown_ms) ms; median $(echo "$shown_ms" | median) ms"
echo "call-next to the start of the announcement: $(echo $voiced_ms) ms; median $(echo "$voiced_ms" | median) ms"
pid=${KIOSK_PIDS[board]}
echo "board RSS after $CALLS calls: $(awk '/VmRSS/ {print $2, $3}' "/proc/$pid/status")"
