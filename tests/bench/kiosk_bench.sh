#!/bin/bash
# Kiosk figures (issue 4), printed, never pass/fail: start to first frame, tap to ticket on screen,
# idle CPU and RSS of the ticket kiosk in a real window under Xvfb, against the service on loopback.
# usage: tests/bench/kiosk_bench.sh [BUILD_DIR] [TAPS]        (default build/release, 15 taps)
set -euo pipefail
SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD=${1:-$SRC/build/release}
TAPS=${2:-15}
BIN=$BUILD/bin
# shellcheck source=tests/ui/lib.sh
source "$SRC/tests/ui/lib.sh"
ui_begin 1920x1080 "$BUILD" "$TAPS"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

service_start
set_clock 2026-11-23T08:00:00+07:00
token=$(device_add "Kiosk" kiosk)

# Start to first frame: the dump is written right after the first frame is drawn.
starts=()
for _ in 1 2 3 4 5; do
    rm -f "$WORK/ticket.a11y.json"
    t0=$(now_ms)
    kiosk_start ticket --mode ticket --token "$token" --config "$CONFIG" --windowed 1920x1080 \
        --data-dir "$WORK/data"
    until [[ -s $WORK/ticket.a11y.json ]]; do sleep 0.002; done
    starts+=($(( $(now_ms) - t0 )))
    kiosk_stop ticket
done
echo "start to first frame: ${starts[*]} ms; median $(printf '%s\n' "${starts[@]}" | median) ms"

kiosk_start ticket --mode ticket --token "$token" --config "$CONFIG" --windowed 1920x1080 --data-dir "$WORK/data"
wait_screen ticket ticket_home
wait_for ticket 'Không có người chờ'  # the tiles carry the service's numbers
pid=${KIOSK_PIDS[ticket]}

# Idle: ten seconds on the home screen (online, polling the service).
sleep 2
read -r u0 s0 < <(awk '{print $14, $15}' "/proc/$pid/stat")
sleep 10
read -r u1 s1 < <(awk '{print $14, $15}' "/proc/$pid/stat")
ticks=$(getconf CLK_TCK)
echo "idle CPU: $(awk -v d=$(( (u1 + s1) - (u0 + s0) )) -v t="$ticks" 'BEGIN {printf "%.2f", 100 * d / t / 10}')% of one core over 10 s"
echo "RSS idle: $(awk '/VmRSS/ {print $2, $3}' "/proc/$pid/status")"

# Tap to ticket on screen: from the click to the dump showing the issued ticket. The tile's
# place is read once, so the time holds only the click, the request and the next frame.
# xdotool runs in the background: `click` sleeps its --delay (100 ms) after the last click too,
# so waiting for it to exit would time xdotool, not the kiosk. The time still starts before
# xdotool does, so its start-up is counted.
line=$(element ticket button "Tư pháp - Hộ tịch")
cx=$(( $(field x "$line") + $(field w "$line") / 2 ))
cy=$(( $(field y "$line") + $(field h "$line") / 2 ))
win=$(window_of ticket)
taps=()
for ((i = 0; i < TAPS; i++)); do
    wait_screen ticket ticket_home
    wait_for ticket '"label":"Tư pháp - Hộ tịch"'
    t0=$(now_ms)
    xdotool mousemove --window "$win" "$cx" "$cy" click 1 &
    clicker=$!
    until grep -qF '"screen": "ticket_issued"' "$WORK/ticket.a11y.json" 2>/dev/null; do sleep 0.001; done
    taps+=($(( $(now_ms) - t0 )))
    wait "$clicker"
    tap ticket button "Xong"
done
echo "tap to ticket on screen: ${taps[*]} ms; median $(printf '%s\n' "${taps[@]}" | median) ms"
echo "RSS after $TAPS tickets: $(awk '/VmRSS/ {print $2, $3}' "/proc/$pid/status")"
