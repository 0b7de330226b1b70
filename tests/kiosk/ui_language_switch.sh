#!/bin/bash
# UI test: the real kiosk in a real window under Xvfb. With no service listening it must show
# the "unavailable" notice; a click (xdotool) on the language button's rectangle from
# --a11y-dump must turn the screen English. Keeps a screenshot in the build tree.
#
# usage: ui_language_switch.sh PATH/TO/motcua-kiosk SCREENSHOT_DIR
set -euo pipefail

kiosk=$1
shots=$2

# Re-run this script inside a private X server (1080p, like a kiosk screen).
if [[ -z ${MOTCUA_UI_INNER:-} ]]; then
    export MOTCUA_UI_INNER=1
    exec xvfb-run -a -s "-screen 0 1920x1080x24" bash "$0" "$@"
fi

work=$(mktemp -d)
dump=$work/a11y.json
log=$work/kiosk.log
pid=
cleanup() {
    if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

fail() {
    echo "FAIL: $*" >&2
    echo "--- a11y dump:" >&2
    cat "$dump" >&2 2>/dev/null || echo "(none)" >&2
    echo "--- kiosk log:" >&2
    cat "$log" >&2 2>/dev/null || true
    exit 1
}

# wait_for PATTERN SECONDS: polls the dump until PATTERN (grep -F) appears.
wait_for() {
    local pattern=$1 deadline=$((SECONDS + $2))
    while ((SECONDS < deadline)); do
        if [[ -f $dump ]] && grep -qF -- "$pattern" "$dump"; then return 0; fi
        kill -0 "$pid" 2>/dev/null || fail "the kiosk exited while waiting for: $pattern"
        sleep 0.1
    done
    fail "timed out waiting for: $pattern"
}

# field NAME LINE: a number from one element line of the dump ({"role":..,"x":12,...}).
field() { sed -E "s/.*\"$1\":(-?[0-9]+).*/\1/" <<<"$2"; }

# Port 1 on loopback: nothing listens there, so every health check is refused.
# Under AddressSanitizer, leak checks stay off for this process only: Mesa's software GL driver
# leaks a few bytes at exit after being unloaded, so LeakSanitizer cannot even name it. The
# unit tests, which draw the same screens without GL, keep leak checking on.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" "$kiosk" --mode ticket --windowed 1920x1080 --server http://127.0.0.1:1 --a11y-dump "$dump" --data-dir "$work/data" >"$log" 2>&1 &
pid=$!

wait_for '"screen": "unavailable"' 30
wait_for 'Hệ thống tạm thời gián đoạn. Vui lòng chờ trong giây lát.' 5

button=$(grep -F '"role":"button","label":"English"' "$dump") || fail "no English button"
x=$(field x "$button")
y=$(field y "$button")
w=$(field w "$button")
h=$(field h "$button")
((h >= 96)) || fail "the language button is $h px high, less than a finger needs"

# The window, found by its title (polling: it exists once the dump does, but be patient).
window=
for _ in $(seq 50); do
    window=$(xdotool search --name '^motcua-kiosk$' 2>/dev/null | head -1 || true)
    [[ -n $window ]] && break
    sleep 0.1
done
[[ -n $window ]] || fail "no window titled motcua-kiosk"

xdotool mousemove --window "$window" $((x + w / 2)) $((y + h / 2)) click 1

wait_for 'The system is temporarily unavailable. Please wait a moment.' 10
wait_for '"role":"button","label":"Tiếng Việt"' 5
wait_for 'Trying to reconnect…' 5

mkdir -p "$shots"
import -window root "$shots/kiosk-language-switch.png" || fail "screenshot failed"
echo "screenshot: $shots/kiosk-language-switch.png"

# Quits cleanly on SIGTERM (systemd stop).
kill "$pid"
status=0
wait "$pid" || status=$?
pid=
((status == 0)) || fail "exit status $status after SIGTERM"
echo "PASS: unavailable notice shown, language switched by a click"
