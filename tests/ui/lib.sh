# Shared helpers for the kiosk's UI tests and the screenshot script (sourced, not run).
# They start the real motcua-service on a temporary database with the test clock, create
# devices and officers through its CLI, run motcua-kiosk in a real window under Xvfb, and click
# rectangles taken from --a11y-dump with xdotool. Every wait polls with a deadline.
#
# A UI test sources this file and calls ui_test with its arguments; another script (benchmarks,
# screenshots) sets BIN (build/<preset>/bin) and SRC (the source tree) and calls ui_begin. Both
# run the script under Xvfb and make WORK (a temporary directory).

BIN=${BIN:-}
SRC=${SRC:-}
CONFIG=${CONFIG:-}
WORK=
DB=
UI_AT_EXIT=()
SERVICE_PID=
SERVICE_PORT=
declare -A KIOSK_PIDS=()   # name -> pid
declare -A KIOSK_DUMPS=()  # name -> a11y dump path
declare -A KIOSK_SHORT=()  # name -> the window's shorter side (touch targets scale with it)

ui_fail() {
    echo "FAIL: $*" >&2
    local name
    for name in "${!KIOSK_DUMPS[@]}"; do
        echo "--- a11y dump of $name:" >&2
        cat "${KIOSK_DUMPS[$name]}" >&2 2>/dev/null || echo "(none)" >&2
        echo "--- log of $name:" >&2
        tail -n 40 "$WORK/$name.log" >&2 2>/dev/null || true
    done
    echo "--- service log:" >&2
    tail -n 40 "$WORK/service.log" >&2 2>/dev/null || true
    exit 1
}

ui_cleanup() {
    local name
    for name in "${!KIOSK_PIDS[@]}"; do kiosk_stop "$name"; done
    service_stop
}

# ui_begin WxH ARGS...: the start of every script. Outside Xvfb, runs the script again with ARGS
# inside a private X server whose screen is WxH, and does not return. Inside, makes WORK (and
# the database's path in it) and, at exit, runs the ui_at_exit commands, stops every kiosk and
# the service, and removes WORK.
ui_begin() {
    local screen=$1
    shift
    if [[ -z ${MOTCUA_UI_INNER:-} ]]; then
        export MOTCUA_UI_INNER=1
        exec xvfb-run -a -s "-screen 0 ${screen}x24" bash "$0" "$@"
    fi
    CONFIG=${CONFIG:-$SRC/assets/config/ward-demo.toml}
    WORK=$(mktemp -d)
    DB=$WORK/ward.db
    trap ui_exit EXIT
}

# ui_test WxH BIN_DIR SOURCE_DIR SHOT_DIR: ui_begin for a UI test as ctest runs it
# (tests/ui/CMakeLists.txt), setting BIN, SRC and SHOTS (where screenshots are kept).
ui_test() {
    local screen=$1
    shift
    BIN=$1
    SRC=$2
    # shellcheck disable=SC2034  # the test's own, not used here
    SHOTS=$3
    ui_begin "$screen" "$@"
}

# ui_at_exit FUNCTION: called at exit before the kiosks and the service stop (the script's own
# helpers, e.g. a relay).
ui_at_exit() { UI_AT_EXIT+=("$1"); }

ui_exit() {
    local cmd
    for cmd in "${UI_AT_EXIT[@]}"; do "$cmd"; done
    ui_cleanup
    rm -rf "$WORK"
}

# ---- the service -------------------------------------------------------------------------------

# service_start [PORT]: serve on 127.0.0.1:PORT (0 or empty: any free port); sets SERVICE_PORT.
service_start() {
    local port=${1:-0}
    : >"$WORK/service.out"
    "$BIN/motcua-service" serve --config "$CONFIG" --db "$DB" --listen "127.0.0.1:$port" \
        --test-clock >"$WORK/service.out" 2>>"$WORK/service.log" &
    SERVICE_PID=$!
    local deadline=$((SECONDS + 20))
    while ((SECONDS < deadline)); do
        if grep -q '^listening on http://127.0.0.1:' "$WORK/service.out" 2>/dev/null; then
            SERVICE_PORT=$(sed -nE 's|^listening on http://127.0.0.1:([0-9]+).*|\1|p' "$WORK/service.out")
            return 0
        fi
        kill -0 "$SERVICE_PID" 2>/dev/null || ui_fail "the service exited at start"
        sleep 0.05
    done
    ui_fail "the service did not start listening"
}

# service_stop: SIGTERM and wait (a clean stop, like systemd).
service_stop() {
    if [[ -n $SERVICE_PID ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
        kill "$SERVICE_PID" 2>/dev/null || true
        wait "$SERVICE_PID" 2>/dev/null || true
    fi
    SERVICE_PID=
}

url() { echo "http://127.0.0.1:$SERVICE_PORT"; }

# api METHOD PATH [TOKEN] [JSON]: prints "STATUS BODY" (one line).
api() {
    local method=$1 path=$2 token=${3:-} body=${4:-}
    local args=(-sS -o "$WORK/api.body" -w '%{http_code}' -X "$method" --max-time 10)
    [[ -n $token ]] && args+=(-H "Authorization: Bearer $token")
    [[ -n $body ]] && args+=(-H 'Content-Type: application/json' --data "$body")
    local status
    status=$(curl "${args[@]}" "$(url)/api/v1$path") || status=000
    echo "$status $(cat "$WORK/api.body" 2>/dev/null)"
}

# device_add NAME ROLE [COUNTER]: prints the new device's token.
device_add() {
    local args=(device add --config "$CONFIG" --db "$DB" --name "$1" --role "$2")
    [[ -n ${3:-} ]] && args+=(--counter "$3")
    "$BIN/motcua-service" "${args[@]}" 2>>"$WORK/service.log" | head -n 1
}

# officer_add USERNAME "FULL NAME" PASSWORD
officer_add() {
    echo "$3" | "$BIN/motcua-service" user add --config "$CONFIG" --db "$DB" --username "$1" \
        --name "$2" --role officer >/dev/null 2>>"$WORK/service.log" || ui_fail "user add $1"
}

# login USERNAME PASSWORD: prints the session token.
login() {
    local answer
    answer=$(api POST /auth/login "" "{\"username\":\"$1\",\"password\":\"$2\"}")
    [[ $answer == 200\ * ]] || ui_fail "login $1: $answer"
    jq -r .token <<<"${answer#* }"
}

# set_clock RFC3339
set_clock() {
    local answer
    answer=$(api POST /test/clock "" "{\"now\":\"$1\"}")
    [[ $answer == 200\ * ]] || ui_fail "set clock: $answer"
}

# waiting_in CATEGORY: people waiting in a category, from the open data.
waiting_in() {
    local answer
    answer=$(api GET /public/queue)
    [[ $answer == 200\ * ]] || ui_fail "public queue: $answer"
    jq -r --arg c "$1" '.categories[] | select(.code == $c) | .waiting' <<<"${answer#* }"
}

# ---- the kiosk ---------------------------------------------------------------------------------

# kiosk_start NAME ARGS...: runs motcua-kiosk windowed with an a11y dump named after NAME.
kiosk_start() {
    local name=$1
    shift
    local dump=$WORK/$name.a11y.json
    KIOSK_DUMPS[$name]=$dump
    KIOSK_SHORT[$name]=1080
    local args=("$@") i
    for ((i = 0; i + 1 < ${#args[@]}; i++)); do
        if [[ ${args[i]} == --windowed ]]; then
            local w=${args[i + 1]%x*} h=${args[i + 1]#*x}
            KIOSK_SHORT[$name]=$((w < h ? w : h))
        fi
    done
    # Mesa's software GL leaks at exit; LeakSanitizer cannot name it (see ui_language_switch.sh).
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
        "$BIN/motcua-kiosk" --server "$(url)" --a11y-dump "$dump" "$@" >"$WORK/$name.log" 2>&1 &
    KIOSK_PIDS[$name]=$!
}

kiosk_stop() {
    local pid=${KIOSK_PIDS[$1]:-}
    if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    fi
    unset "KIOSK_PIDS[$1]"
}

# wait_for NAME PATTERN [SECONDS]: polls NAME's dump until PATTERN (grep -F) appears.
wait_for() {
    local name=$1 pattern=$2 deadline=$((SECONDS + ${3:-20}))
    local dump=${KIOSK_DUMPS[$name]}
    while ((SECONDS < deadline)); do
        if [[ -f $dump ]] && grep -qF -- "$pattern" "$dump"; then return 0; fi
        kill -0 "${KIOSK_PIDS[$name]}" 2>/dev/null || ui_fail "kiosk $name exited while waiting for: $pattern"
        sleep 0.05
    done
    ui_fail "kiosk $name: timed out waiting for: $pattern"
}

# wait_screen NAME SCREEN [SECONDS]
wait_screen() { wait_for "$1" "\"screen\": \"$2\"" "${3:-20}"; }

# wait_until SECONDS WHAT COMMAND...: polls COMMAND until it succeeds.
wait_until() {
    local deadline=$((SECONDS + $1)) what=$2
    shift 2
    while ((SECONDS < deadline)); do
        "$@" && return 0
        sleep 0.1
    done
    ui_fail "timed out waiting until $what"
}

# element NAME ROLE LABEL: the dump line of that element (exact label).
element() {
    grep -F -- "\"role\":\"$2\",\"label\":$(jq -Rn --arg l "$3" '$l')," "${KIOSK_DUMPS[$1]}" | head -n 1
}

field() { sed -E "s/.*\"$1\":(-?[0-9]+).*/\1/" <<<"$2"; }

# window_of NAME: the X window of kiosk NAME (by its pid).
window_of() {
    local w=
    for _ in $(seq 100); do
        # --all: xdotool matches ANY criterion by default, i.e. another kiosk's window too.
        w=$(xdotool search --all --pid "${KIOSK_PIDS[$1]}" --name '^motcua-kiosk$' 2>/dev/null | head -n 1 || true)
        [[ -n $w ]] && break
        sleep 0.05
    done
    [[ -n $w ]] || ui_fail "no window for kiosk $1"
    echo "$w"
}

# tap NAME ROLE LABEL: clicks the centre of an element of the current screen.
tap() {
    local line
    wait_for "$1" "\"role\":\"$2\",\"label\":$(jq -Rn --arg l "$3" '$l')," 10
    line=$(element "$1" "$2" "$3")
    local x y w h
    x=$(field x "$line") y=$(field y "$line") w=$(field w "$line") h=$(field h "$line")
    # 96 px at 1080p, as much of a finger on a smaller screen of the same physical size.
    local need=$((96 * ${KIOSK_SHORT[$1]} / 1080))
    ((h >= need)) || ui_fail "'$3' is $h px high, less than a finger needs ($need)"
    # Windows start at the screen's origin (one window per Xvfb screen region).
    local win
    win=$(window_of "$1")
    xdotool mousemove --window "$win" $((x + w / 2)) $((y + h / 2)) click 1
}

# console_login NAME USERNAME PASSWORD [FIELD]: logs in at counter console NAME (on its login
# screen) with the keyboard, as an officer does; FIELD is the username field's label in the
# console's language. Returns once the console is up.
console_login() {
    tap "$1" textbox "${4:-Tên đăng nhập}"
    # No window manager: give the console the keyboard, as a click on a desktop would.
    xdotool windowfocus --sync "$(window_of "$1")"
    xdotool type --delay 30 "$2"
    xdotool key Return
    sleep 0.3  # a person's pause: the focus moves to the password with the next frames
    xdotool type --delay 30 "$3"
    xdotool key Return
    wait_screen "$1" counter_console 10
}

# screenshot NAME FILE [WIDTH]: the kiosk's window as PNG, scaled to WIDTH pixels if given.
screenshot() {
    local win
    win=$(window_of "$1")
    mkdir -p "$(dirname "$2")"
    import -window "$win" "$2" 2>/dev/null || ui_fail "screenshot of $1 failed"
    if [[ -n ${3:-} ]]; then
        convert "$2" -filter Lanczos -resize "${3}x" -strip "$2" || ui_fail "resizing $2"
    fi
}
