#!/bin/bash
# Link faults between the screens and the ward's service (docs/testing-faults.md, DESIGN.md §8).
# The service runs in namespace "ward"; the display board, the ticket kiosk and counter 1's
# rating pad (real windows under Xvfb, reached through its socket file) run in namespace
# "screen" and reach the service only over the veth between them, at the link's relay. Officers
# work with curl inside "ward". The service's test clock ticks with the machine's; the ward's
# voice.max_age_s is 10 s here, so a 20 s cut makes calls too old to say.
#  0. Healthy: two calls.
#  1. 30% loss each way: calls and a recall; the pad rates the tickets counter 1 finishes; a
#     rating typed at the kiosk; a ticket taken at the kiosk.
#  2. 500 ms each way: calls; a pad rating whose answer is lost (cut right after the service
#     stored it, 5 s); a ticket; then a ticket whose answer is lost: the link is cut right after
#     the service issued it.
#  3. Cut for 20 s: a rating on the pad; two calls; the kiosk says the lost ticket failed.
#  4. Healed: the citizen told to try again taps the same tile (the kiosk sends the same
#     idempotency key: the ticket issued unseen is the one given); a live call. Then
#     check_screen.py judges, from the service's event stream, the board's log and its WAV
#     files: every call shown once; none said twice, none said that was older than max_age_s
#     when it arrived, every recent one said; each citizen holds one ticket (the one on screen)
#     or was told it failed, never two; each rating stored once.
#
# usage: screen_link.sh BIN_DIR SOURCE_DIR SHOT_DIR
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tests/faults/netns.sh
source "$here/netns.sh"
# shellcheck source=tests/ui/lib.sh
source "$here/../ui/lib.sh"
faults_require  # before Xvfb: a machine without namespaces says so at once
# The board (1280x720), the ticket kiosk and the pad (1280x800 each) side by side.
ui_test 3840x800 "$@"
faults_begin
CLOCK_PID=
stop_clock() {
    if [[ -n $CLOCK_PID ]]; then
        kill "$CLOCK_PID" 2>/dev/null || true
        wait "$CLOCK_PID" 2>/dev/null || true
    fi
    CLOCK_PID=
}
ui_at_exit stop_clock
ui_at_exit faults_cleanup
MAX_AGE=10
CONFIG=$WORK/ward.toml
sed -e "s/^max_age_s = .*/max_age_s = $MAX_AGE/" "$SRC/assets/config/ward-demo.toml" >"$CONFIG"
grep -q "^max_age_s = $MAX_AGE" "$CONFIG" || ui_fail "could not set voice.max_age_s"

ns_add ward
ns_add screen
link_add screen ward
RELAY=$(addr_of ward screen):8080

# ---- lib.sh's service, API and kiosks, moved into the namespaces -----------------------------------
service_start() {
    : >"$WORK/service.out"
    # ip itself, not the in_ns function, in the background: $! is then the program's pid.
    ip netns exec "$(ns_name ward)" "$BIN/motcua-service" serve --config "$CONFIG" --db "$DB" \
        --listen 127.0.0.1:0 --test-clock >"$WORK/service.out" 2>>"$WORK/service.log" &
    SERVICE_PID=$!
    local deadline=$((SECONDS + 20))
    until grep -q '^listening on http://127.0.0.1:' "$WORK/service.out" 2>/dev/null; do
        ((SECONDS < deadline)) || ui_fail "the service did not start listening"
        kill -0 "$SERVICE_PID" 2>/dev/null || ui_fail "the service exited at start"
        sleep 0.05
    done
    SERVICE_PORT=$(sed -nE 's|^listening on http://127.0.0.1:([0-9]+).*|\1|p' "$WORK/service.out")
}
api() {  # the officers' and the test's own requests: inside "ward", never over the faulty link
    local method=$1 path=$2 token=${3:-} body=${4:-}
    local out=$WORK/api.body.$BASHPID  # the background driver calls it too
    local args=(-sS -o "$out" -w '%{http_code}' -X "$method" --max-time 10)
    [[ -n $token ]] && args+=(-H "Authorization: Bearer $token")
    [[ -n $body ]] && args+=(-H 'Content-Type: application/json' --data "$body")
    local status
    status=$(in_ns ward curl "${args[@]}" "http://127.0.0.1:$SERVICE_PORT/api/v1$path") || status=000
    echo "$status $(cat "$out" 2>/dev/null)"
}
kiosk_start() {  # NAME WxH ARGS...: in "screen", through the relay; logs in UTC (check_screen.py)
    local name=$1 size=$2
    shift 2
    KIOSK_DUMPS[$name]=$WORK/$name.a11y.json
    KIOSK_SHORT[$name]=$((${size%x*} < ${size#*x} ? ${size%x*} : ${size#*x}))
    TZ=UTC ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
        ip netns exec "$(ns_name screen)" "$BIN/motcua-kiosk" --server "http://$RELAY" --a11y-dump "${KIOSK_DUMPS[$name]}" \
        --windowed "$size" --config "$CONFIG" "$@" >"$WORK/$name.log" 2>&1 &
    KIOSK_PIDS[$name]=$!
}
ok() { [[ $1 == 200\ * || $1 == 201\ * ]] || ui_fail "$2: $1"; }

# ---- the ward --------------------------------------------------------------------------------------
service_start
CLOCK_BASE=$(date -d 2026-11-23T08:00:00+07:00 +%s)
LOCAL0=$(date +%s)
set_clock 2026-11-23T08:00:00+07:00
# The service's clock follows the machine's from here (the board measures a call's age on it).
tick_clock() {
    while :; do
        local s=$((CLOCK_BASE + $(date +%s) - LOCAL0))
        api POST /test/clock "" "{\"now\":\"$(TZ=Asia/Ho_Chi_Minh date -d "@$s" +%FT%T+07:00)\"}" >/dev/null
        sleep 0.5
    done
}
tick_clock &
CLOCK_PID=$!
officer_add lan "Nguyễn Thị Lan" matkhau-123
officer_add binh "Trần Văn Bình" matkhau-456
kiosk_token=$(device_add "Kiosk lối vào" kiosk)
board_token=$(device_add "Bảng hiển thị sảnh" board)
pad_token=$(device_add "Bàn phím đánh giá quầy 1" rating 1)
declare -A OFFICER=([1]=$(login lan matkhau-123) [2]=$(login binh matkhau-456))
ok "$(api POST /counters/1/open "${OFFICER[1]}")" "open counter 1"
ok "$(api POST /counters/2/open "${OFFICER[2]}")" "open counter 2"
for _ in $(seq 30); do ok "$(api POST /tickets "$kiosk_token" '{"category":"HT"}')" "issue HT"; done
relay_add ward screen 8080 "127.0.0.1:$SERVICE_PORT"

kiosk_start board 1280x720 --mode board --token "$board_token" --audio-out "$WORK/calls"
kiosk_start ticket 1280x800 --mode ticket --token "$kiosk_token" --printer "file:$WORK/slip.bin" \
    --data-dir "$WORK/kiosk-data"
kiosk_start pad 1280x800 --mode rating --counter 1 --token "$pad_token" --data-dir "$WORK/pad-data"
wait_screen board board 30
wait_for board 'Quầy 2 - Hộ tịch, chứng thực' 20
wait_screen ticket ticket_home 30
wait_for ticket 'Đang chờ: 30 người' 20
wait_screen pad rating_idle 30
xdotool windowmove "$(window_of ticket)" 1280 0
xdotool windowmove "$(window_of pad)" 2560 0
# A screen that has seen no event starts at the service's head: the board shows what comes after
# the seq it first subscribed after.
subscribed() { grep -q 'events: subscribed to .* after seq' "$WORK/$1.log"; }
wait_until 20 "the board subscribes to events" subscribed board
wait_until 20 "the pad subscribes to events" subscribed pad
HEAD=$(grep -m1 -oE 'events: subscribed to .* after seq [0-9]+' "$WORK/board.log" | grep -oE '[0-9]+$')
wait_for board 'Chưa có số nào được gọi' 10

# ---- the officers, the citizens ---------------------------------------------------------------------
declare -A AT_DESK=()  # counter -> number at the desk
declare -A RATED=()    # number -> level given on a screen
TAPS=()                # JSON objects
# next_citizen COUNTER: finish the citizen at the desk, call the next one.
next_citizen() {
    local c=$1 answer
    if [[ -n ${AT_DESK[$c]:-} ]]; then
        ok "$(api POST "/counters/$c/finish" "${OFFICER[$c]}" '{"outcome":"resolved"}')" "finish ${AT_DESK[$c]}"
        FINISHED=${AT_DESK[$c]}
    fi
    answer=$(api POST "/counters/$c/call-next" "${OFFICER[$c]}")
    ok "$answer" "call at counter $c"
    AT_DESK[$c]=$(jq -r .number <<<"${answer#* }")
    echo "  counter $c calls ${AT_DESK[$c]}"
}
# pad_rate NUMBER LEVEL_LABEL LEVEL: the citizen of NUMBER rates on counter 1's pad.
pad_rate() {
    wait_for pad "Phiếu số $1" 40
    wait_screen pad rating_levels 5
    tap pad button "$2"
    wait_screen pad rating_thanks 10
    RATED[$1]=$3
    echo "  pad: $1 rated $3"
}
# kiosk_rate NUMBER LEVEL_LABEL LEVEL: at the ticket kiosk's "Đánh giá dịch vụ".
kiosk_rate() {
    wait_screen ticket ticket_home 30
    tap ticket button "Đánh giá dịch vụ"
    wait_screen ticket rate_keypad 10
    local i
    for ((i = 0; i < ${#1}; i++)); do tap ticket button "${1:i:1}"; done
    tap ticket button "Tiếp tục"
    wait_screen ticket rating_levels 10
    tap ticket button "$2"
    wait_screen ticket rating_thanks 15  # the kiosk waits up to 4 s for the service's word
    RATED[$1]=$3
    echo "  kiosk: $1 rated $3"
    wait_screen ticket ticket_home 30
}
band() { grep -qF 'Chưa lấy được số' "${KIOSK_DUMPS[ticket]}"; }
# tap_tile LABEL: a citizen taps a category tile; returns once the kiosk took the tap (it says
# it is getting a number, or shows one).
tap_tile() {
    wait_screen ticket ticket_home 30
    local dump=${KIOSK_DUMPS[ticket]}
    NOT_ISSUED=$(grep -c 'ticket not issued' "$WORK/ticket.log" || true)
    tap ticket button "$1"
    local deadline=$((SECONDS + 5))
    until grep -qF -e 'Đang lấy số' -e '"screen": "ticket_issued"' "$dump"; do
        ((SECONDS < deadline)) || ui_fail "the kiosk did not take the tap on $1"
        sleep 0.02
    done
}
# tile_watch WAIT_S: the kiosk's word on the tap: OUTCOME=issued (NUMBER on screen), failed (the
# red notice; or, while the kiosk shows "system interrupted" over it, its log line) or pending.
tile_watch() {
    local dump=${KIOSK_DUMPS[ticket]} deadline=$((SECONDS + $1))
    OUTCOME=pending NUMBER=
    while ((SECONDS < deadline)); do
        if grep -qF '"screen": "ticket_issued"' "$dump"; then
            NUMBER=$(jq -r '[.elements[] | select(.label | test("^[A-Z][0-9]{3,}$")) | .label][0] // ""' "$dump")
            [[ -n $NUMBER ]] && OUTCOME=issued && return 0
        fi
        if band || (($(grep -c 'ticket not issued' "$WORK/ticket.log" || true) > NOT_ISSUED)); then
            OUTCOME=failed
            return 0
        fi
        sleep 0.05
    done
    return 1
}
# tile_record CATEGORY PHASE: keeps the outcome for check_screen.py ("pending" fails there).
tile_record() {
    TAPS+=("$(jq -nc --arg c "$1" --arg p "$2" --arg o "$OUTCOME" --arg n "$NUMBER" \
        '{category: $c, phase: $p, outcome: $o, number: $n}')")
    echo "  kiosk: the $1 tile ($2) gave: $OUTCOME $NUMBER"
    if [[ $OUTCOME == issued ]]; then
        tap ticket button "Xong"
        wait_screen ticket ticket_home 20
    fi
}
# take_ticket CATEGORY LABEL PHASE: a citizen takes a ticket; told it failed, taps again (as the
# notice asks), up to three taps.
take_ticket() {
    local try
    for try in 1 2 3; do
        tap_tile "$2"
        tile_watch 30 || true
        tile_record "$1" "$3, tap $try"
        [[ $OUTCOME == failed ]] || return 0
    done
}
waiting() { waiting_in "$1"; }
ratings_stored() {
    local a
    a=$(api GET "/reports/turnaround?from=2026-11-23&to=2026-11-23&group_by=day" "${OFFICER[1]}")
    jq -r '.total.ratings.count' <<<"${a#* }"
}

# ---- 0. healthy ----------------------------------------------------------------------------------
echo "healthy"
next_citizen 1
next_citizen 2
wait_for board "\"label\":\"${AT_DESK[2]}\"" 10

# ---- 1. 30% loss each way -------------------------------------------------------------------------
fault_loss screen ward 30
end=$((SECONDS + 25))
next_citizen 1
pad_rate "$FINISHED" "Rất hài lòng" 5
next_citizen 2
kiosk_rate "$FINISHED" "Hài lòng" 4
take_ticket VX "Văn hóa - Xã hội" loss
ok "$(api POST /counters/2/recall "${OFFICER[2]}")" "recall at counter 2"
next_citizen 1
pad_rate "$FINISHED" "Bình thường" 3
for _ in 1 2 3; do  # the rest of the 25 s: a call every 2 s or so
    ((SECONDS < end)) || break
    next_citizen 2
    sleep 2
done
while ((SECONDS < end)); do sleep 0.2; done

# ---- 2. 500 ms each way --------------------------------------------------------------------------
fault_delay screen ward 500
next_citizen 2
next_citizen 1
# A rating whose answer is lost: stored, then the link is cut before the answer comes back.
before=$(ratings_stored)
wait_for pad "Phiếu số $FINISHED" 40
wait_screen pad rating_levels 5
tap pad button "Hài lòng"
deadline=$((SECONDS + 15))
until (($(ratings_stored) > before)); do
    ((SECONDS < deadline)) || ui_fail "the pad's rating did not reach the service through the delay"
    sleep 0.05
done
fault_cut screen ward
RATED[$FINISHED]=4
echo "  pad: $FINISHED rated 4; its answer lost in a 5 s cut"
sleep 5
fault_delay screen ward 500
take_ticket DC "Địa chính - Xây dựng - Đô thị và Môi trường" delay
next_citizen 2
next_citizen 1
wait_for pad "Phiếu số $FINISHED" 40  # rated during the cut, below
CUT_RATING=$FINISHED
# A ticket whose answer is lost: the link is cut as soon as the service has issued it.
before=$(waiting TK)
tap_tile "Trả kết quả"
deadline=$((SECONDS + 15))
until (($(waiting TK) > before)); do
    ((SECONDS < deadline)) || ui_fail "the TK ticket did not reach the service through the delay"
    sleep 0.05
done

# ---- 3. cut for 20 s ------------------------------------------------------------------------------
fault_cut screen ward
end=$((SECONDS + 20))
tap pad button "Hài lòng"
wait_screen pad rating_thanks 10
RATED[$CUT_RATING]=4
echo "  pad: $CUT_RATING rated 4 during the cut"
# Calls early in the cut: when the link is back they are older than max_age_s.
next_citizen 1
next_citizen 2
# The kiosk's word on the TK ticket: during the cut, a failure (after its retries, if any).
tile_watch 15 || true
tile_record TK "answer lost in the cut"
wait_for board 'Mất kết nối với máy chủ' 19
screenshot board "$SHOTS/faults-board-cut.png"
while ((SECONDS < end)); do sleep 0.2; done

# ---- 4. healed ------------------------------------------------------------------------------------
fault_heal screen ward
link_back() { ! grep -qF 'Mất kết nối với máy chủ' "${KIOSK_DUMPS[board]}"; }
wait_until 30 "the board's link is back" link_back
# The citizen told to try again taps the same tile once the kiosk offers it: the ticket the
# service issued unseen is the one to give, never a second one.
[[ $OUTCOME == failed ]] && take_ticket TK "Trả kết quả" "after the cut"
next_citizen 1
wait_for board "\"label\":\"${AT_DESK[1]}\"" 15
outbox_empty() { [[ -z $(find "$WORK/pad-data" "$WORK/kiosk-data" -name '*.json' 2>/dev/null) ]]; }
wait_until 30 "every rating left the outboxes" outbox_empty
said() { compgen -G "$WORK/calls/*-${AT_DESK[1]}-counter1.wav" >/dev/null; }
wait_until 20 "the live call is said" said
sleep 2  # anything else the board were to say would be written by now
screenshot board "$SHOTS/faults-board-healed.png"

# ---- verdict --------------------------------------------------------------------------------------
in_ns ward "$BIN/ui_probe" events "$SERVICE_PORT" "$kiosk_token" >"$WORK/events.jsonl" || ui_fail "event stream"
ratings_json=$(for n in "${!RATED[@]}"; do echo "{\"$n\": ${RATED[$n]}}"; done | jq -s 'add')
jq -n --argjson head "$HEAD" --argjson age "$MAX_AGE" --argjson base "$CLOCK_BASE" \
    --argjson local0 "$LOCAL0" --argjson ratings "$ratings_json" \
    --argjson taps "$(printf '%s\n' "${TAPS[@]}" | jq -s .)" \
    '{head_seq: $head, max_age_s: $age, clock_base: $base, local0: $local0, taps: $taps,
      ratings: $ratings}' >"$WORK/expect.json"
if ! python3 "$here/check_screen.py" "$WORK/expect.json" "$WORK/events.jsonl" "$WORK/board.log" "$WORK/calls"; then
    grep -E 'board:|ward link|event' "$WORK/board.log" | tail -n 60 >&2
    ui_fail "the screens broke a guarantee through the link faults (above)"
fi
echo "PASS: through 30% loss, 500 ms delay and a 20 s cut the board showed every call once, said none twice or late, each tap gave one ticket or a clear failure, each rating was stored once"
