#!/bin/bash
# UI test: the rating pad of counter 1 in a real window under Xvfb against the real service.
#  1. An officer finishes a ticket through the API (login, open counter, call-next, finish): the
#     pad shows the levels; a tap stores the rating against the right ticket, counter and
#     officer (seen in the rating_submitted event), and a second rating is refused (409).
#  2. The service stops; the citizen rates on the pad (a low level with a reason); the service
#     starts again: the rating arrives exactly once (one rating_submitted; re-submitting is 409).
# Screenshots are kept in SHOT_DIR.
#
# usage: rating_pad.sh BIN_DIR SOURCE_DIR SHOT_DIR
set -euo pipefail
# shellcheck source=tests/ui/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ui_test 1920x1080 "$@"

service_start
port=$SERVICE_PORT
set_clock 2026-11-23T08:00:00+07:00
officer_add lan "Nguyễn Thị Lan" matkhau-123
kiosk_token=$(device_add "Kiosk lối vào" kiosk)
pad_token=$(device_add "Đánh giá quầy 1" rating 1)
outbox=$WORK/pad-data/outbox-rating-1

kiosk_start pad --mode rating --counter 1 --token "$pad_token" --config "$CONFIG" \
    --windowed 1280x800 --data-dir "$WORK/pad-data"
wait_screen pad rating_idle
wait_for pad 'Quầy 1 - Hộ tịch'
wait_for pad 'Quầy đang đóng'

officer=$(login lan matkhau-123)
[[ $(api POST /counters/1/open "$officer") == 200\ * ]] || ui_fail "open counter 1"
wait_for pad 'Cán bộ phục vụ: Nguyễn Thị Lan' 10  # counter_opened arrived on the WebSocket
screenshot pad "$SHOTS/rating-pad-idle.png"

# serve TICKET_CATEGORY: issue at the kiosk (API), call and finish at counter 1; prints the id.
serve() {
    local issued id
    issued=$(api POST /tickets "$kiosk_token" "{\"category\":\"$1\"}")
    [[ $issued == 201\ * ]] || ui_fail "issue: $issued"
    id=$(jq -r .id <<<"${issued#* }")
    [[ $(api POST /counters/1/call-next "$officer") == 200\ * ]] || ui_fail "call-next"
    [[ $(api POST /counters/1/finish "$officer" '{"outcome":"resolved"}') == 200\ * ]] || ui_fail "finish"
    echo "$id"
}

# rated TICKET_ID: how many rating_submitted events name this ticket.
rated() {
    "$BIN/ui_probe" events "$SERVICE_PORT" "$kiosk_token" >"$WORK/events.jsonl" || ui_fail "event stream"
    jq -c --arg t "$1" 'select(.type == "rating_submitted" and .rating.ticket == $t)' \
        "$WORK/events.jsonl" >"$WORK/rated.jsonl"
    wc -l <"$WORK/rated.jsonl"
}

# ---- 1. rate a finished ticket -----------------------------------------------------------------
first=$(serve HT)
wait_screen pad rating_levels 10
wait_for pad 'Phiếu số A001'
screenshot pad "$SHOTS/rating-pad-levels.png"
tap pad button "Hài lòng"
wait_screen pad rating_thanks 5
once() { [[ $(rated "$first") == 1 ]]; }
wait_until 10 "the rating of A001 is stored" once
jq -e '.rating.level == 4 and .rating.counter == 1 and .rating.officer == "lan" and .rating.number == "A001"' \
    "$WORK/rated.jsonl" >/dev/null || ui_fail "rating stored wrongly: $(cat "$WORK/rated.jsonl")"
again=$(api POST /ratings "$pad_token" "{\"ticket\":\"$first\",\"level\":5}")
[[ $again == 409\ * && $again == *already_rated* ]] || ui_fail "a second rating was not refused: $again"
wait_screen pad rating_idle 15

# ---- 2. rate while the service is down ---------------------------------------------------------
second=$(serve TK)
wait_screen pad rating_levels 10
wait_for pad 'Phiếu số D001'
service_stop
tap pad button "Rất không hài lòng"
wait_screen pad rating_reasons 5
tap pad checkbox "Chờ quá lâu"
screenshot pad "$SHOTS/rating-pad-reasons.png"
tap pad button "Gửi đánh giá"
wait_screen pad rating_thanks 5
screenshot pad "$SHOTS/rating-pad-thanks.png"
kept() { [[ $(find "$outbox" -name '*.json' | wc -l) == 1 ]]; }
wait_until 5 "the rating waits in the outbox" kept
grep -q 'rating outbox: ticket .* kept for later' "$WORK/pad.log" || ui_fail "the wait was not logged"

service_start "$port"
empty() { [[ $(find "$outbox" -name '*.json' | wc -l) == 0 ]]; }
wait_until 20 "the outbox is delivered" empty
[[ $(rated "$second") == 1 ]] || ui_fail "rating_submitted for D001 seen $(wc -l <"$WORK/rated.jsonl") times"
jq -e '.rating.level == 1 and .rating.counter == 1 and .rating.officer == "lan"' "$WORK/rated.jsonl" \
    >/dev/null || ui_fail "offline rating stored wrongly: $(cat "$WORK/rated.jsonl")"
again=$(api POST /ratings "$pad_token" "{\"ticket\":\"$second\",\"level\":5}")
[[ $again == 409\ * ]] || ui_fail "a second rating of D001 was not refused: $again"
[[ $(rated "$second") == 1 ]] || ui_fail "D001 was rated twice"

echo "PASS: the pad rated A001 online and D001 through a service restart, each exactly once"
