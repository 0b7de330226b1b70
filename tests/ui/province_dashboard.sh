#!/bin/bash
# UI test: the reports dashboard pointed at the province hub, in a real window under Xvfb.
# Two wards play office days through their own code (motcua-simulate) and ship to a real
# motcua-hub on a throwaway PostgreSQL (ctest's hub_pg fixture). Then:
#  1. The province officer logs in: the ranking of wards opens; over a typed period each ward's
#     line shows the hub's figures (tickets, mean wait, within target, satisfied, on time).
#  2. "Theo phường, xã": a row per ward equal to the hub's report by ward.
#  3. A tap on a ward's name in the ranking: that ward's own figures by category, equal to the
#     hub's report of that ward; "Tất cả phường, xã" goes back to every ward.
#  4. "Ước tính chờ": the wait estimates' accuracy over every ward, its total the hub's.
# Screenshots of the ranking, the table by ward, one ward's table and the estimates are kept in
# SHOT_DIR.
#
# usage: province_dashboard.sh BIN_DIR SOURCE_DIR SHOT_DIR PG_URI_FILE
set -euo pipefail
# shellcheck source=tests/ui/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
PG_URI_FILE=$4
ui_test 1920x1080 "$1" "$2" "$3" "$4"
# shellcheck source=tests/ui/reports_scenario.sh
source "$SRC/tests/ui/reports_scenario.sh"

admin_uri=$(cat "$PG_URI_FILE")
dbname="ui_province_$$"
psql "$admin_uri" -qc "CREATE DATABASE $dbname" >/dev/null
pg_uri="${admin_uri%/postgres}/$dbname"
drop_db() { psql "$admin_uri" -qc "DROP DATABASE IF EXISTS $dbname WITH (FORCE)" >/dev/null 2>&1 || true; }
WARD_PIDS=()
stop_wards() { for pid in "${WARD_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; }
ui_at_exit stop_wards
ui_at_exit drop_db

HUB_CONFIG=$WORK/hub.toml
printf '[province]\nname = "UBND tỉnh Thử Nghiệm"\n' >"$HUB_CONFIG"
hub_cli() { "$BIN/motcua-hub" "$@" --config "$HUB_CONFIG" --pg "$pg_uri"; }
echo "matkhau-tinh" | hub_cli user add --username tinh --name "Nguyễn Văn Tỉnh" --role province 2>/dev/null

# The hub, as the "service" the kiosk talks to.
"$BIN/motcua-hub" serve --config "$HUB_CONFIG" --pg "$pg_uri" --listen 127.0.0.1:0 \
    >"$WORK/service.out" 2>>"$WORK/service.log" &
SERVICE_PID=$!
for _ in $(seq 200); do grep -q '^listening on' "$WORK/service.out" 2>/dev/null && break; sleep 0.05; done
SERVICE_PORT=$(sed -nE 's|^listening on http://127.0.0.1:([0-9]+).*|\1|p' "$WORK/service.out")
[[ -n $SERVICE_PORT ]] || ui_fail "the hub did not start"

# Two wards with a week of history each, shipping to the hub.
WARDS=("000.00.01.H01:Phường Hoa Sen:90:1" "000.00.02.H02:Xã Bình An:40:2")
for w in "${WARDS[@]}"; do
    IFS=: read -r code name per_day seed <<<"$w"
    dir=$WORK/$code
    mkdir -p "$dir"
    hub_cli ward add --code "$code" --name "$name" >"$dir/hub.token" 2>/dev/null
    sed -e "s/^unit_code = .*/unit_code = \"$code\"/" -e "0,/^name = .*/s//name = \"$name\"/" "$CONFIG" >"$dir/ward.toml"
    printf '\n[hub]\nurl = "http://127.0.0.1:%s"\ntoken_file = "hub.token"\nmax_backoff_s = 1\n' "$SERVICE_PORT" >>"$dir/ward.toml"
    "$BIN/motcua-simulate" --config "$dir/ward.toml" --db "$dir/ward.db" --days 5 --end 2026-11-27 \
        --tickets-per-day "$per_day" --seed "$seed" 2>>"$WORK/simulate.log"
    "$BIN/motcua-service" serve --config "$dir/ward.toml" --db "$dir/ward.db" --listen 127.0.0.1:0 \
        >"$dir/out" 2>>"$dir/log" &
    WARD_PIDS+=($!)
done
shipped() { [[ $(psql "$pg_uri" -tAc "SELECT count(*) FROM wards WHERE acked_seq > 0 AND acked_seq = (SELECT max(seq) FROM events e WHERE e.ward = wards.code)") == 2 ]]; }
wait_until 60 "both wards shipped their history" shipped
sleep 2  # the last batches of a ward may still be on their way
TINH=$(curl -sS -X POST -H 'Content-Type: application/json' -d '{"username":"tinh","password":"matkhau-tinh"}' \
    "$(url)/api/v1/auth/login" | jq -r .token)
PERIOD="from=2026-11-23&to=2026-11-27"

# The texts on the line of the n-th element labelled L (a text or a button), left to right.
JQ_LINE='
[.elements[] | select(.role == "text" or .role == "button")] as $e
| ([$e[] | select(.label == $l)] | .[$n - 1]) as $h
| if $h == null then "(no \($l))" else
  [$h] + ([$e[] | select(.role == "text" and .x > $h.x and (.y + .h / 2) > $h.y and (.y + .h / 2) < ($h.y + $h.h))]
          | sort_by(.x)) | map(.label) | join("\t") end
'

kiosk_start dash --mode reports --windowed 1920x1080 --export-dir "$WORK/exports"
wait_screen dash reports_login
dashboard_login dash tinh matkhau-tinh
wait_screen dash reports_overview 15

# ---- 1. the ranking over a typed period ----------------------------------------------------------
click dash button "Tùy chọn"
wait_for dash '"role":"textbox","label":"Từ ngày"' 5
sleep 0.3
select_all
xdotool type --delay 30 "23/11/2026"
click dash textbox "Đến ngày"
select_all
xdotool type --delay 30 "27/11/2026"
click dash button "Xem"
wait_for dash '"label":"Từ 23/11/2026 đến 27/11/2026 · số liệu lúc ' 15
wait_until 20 "the ranking loaded" loaded dash
overview=$(curl -sS -H "Authorization: Bearer $TINH" "$(url)/api/v1/reports/overview?$PERIOD")
for w in "${WARDS[@]}"; do
    IFS=: read -r code name _ _ <<<"$w"
    issued=$(jq -r --arg c "$code" '.wards[] | select(.code == $c) | .issued | tostring
        | if length > 3 then .[:-3] + "." + .[-3:] else . end' <<<"$overview")
    satisfied=$(jq -r --arg c "$code" '.wards[] | select(.code == $c) | .satisfied_pct
        | ((. * 10 + 0.5) | floor) as $t | "\(($t / 10) | floor),\($t % 10)\u00a0%"' <<<"$overview")
    wait_for dash "\"role\":\"button\",\"label\":\"$name\"" 10
    got=$(jq -r --arg l "$name" --argjson n 1 "$JQ_LINE" "${KIOSK_DUMPS[dash]}")
    [[ $got == *$'\t'"$issued"$'\t'* ]] || ui_fail "ranking, $name: [$got] lacks the $issued tickets the hub counts"
    [[ $got == *$'\t'"$satisfied"$'\t'* ]] || ui_fail "ranking, $name: [$got] lacks $satisfied satisfied"
    echo "  ranking: $name shows $issued tickets and $satisfied satisfied, as the hub says"
done
screenshot dash "$SHOTS/province-ranking.png"

# ---- 2. the table by ward ------------------------------------------------------------------------
click dash button "Theo phường, xã"
wait_screen dash reports_table 10
wait_until 20 "the table by ward loaded" loaded dash
by_ward=$(curl -sS -H "Authorization: Bearer $TINH" "$(url)/api/v1/reports/turnaround?$PERIOD&group_by=ward")
for w in "${WARDS[@]}"; do
    IFS=: read -r code name _ _ <<<"$w"
    issued=$(jq -r --arg c "$code" '.rows[] | select(.key == $c) | .issued' <<<"$by_ward")
    got=$(jq -r --arg l "$name" --argjson n 1 "$JQ_LINE" "${KIOSK_DUMPS[dash]}")
    [[ $got == "$name"$'\t'"$issued"$'\t'* ]] || ui_fail "by ward, $name: [$got], the hub says $issued tickets"
done
echo "  by ward: each row has the hub's tickets"
screenshot dash "$SHOTS/province-by-ward.png"

# ---- 3. one ward's own figures ---------------------------------------------------------------------
click dash button "Xếp hạng"
wait_screen dash reports_overview 10
IFS=: read -r code name _ _ <<<"${WARDS[1]}"
click dash button "$name"
wait_text dash "Phường, xã: $name" 10
wait_screen dash reports_table 10
wait_until 20 "the ward's table loaded" loaded dash
one=$(curl -sS -H "Authorization: Bearer $TINH" "$(url)/api/v1/reports/turnaround?$PERIOD&group_by=category&ward=$code")
total=$(jq -r '.total.issued' <<<"$one")
got=$(jq -r --arg l "Tổng cộng" --argjson n 1 "$JQ_LINE" "${KIOSK_DUMPS[dash]}")
[[ $got == "Tổng cộng"$'\t'"$total"$'\t'* ]] || ui_fail "$name's total: [$got], the hub says $total tickets"
screenshot dash "$SHOTS/province-one-ward.png"
click dash button "Tất cả phường, xã"
wait_until 10 "back to every ward" bash -c "! grep -qF 'Phường, xã: $name' '${KIOSK_DUMPS[dash]}'"

# ---- 4. the wait estimates' accuracy over every ward ---------------------------------------------
click dash button "Ước tính chờ"
wait_screen dash reports_estimates 10
wait_until 20 "the estimates loaded" loaded dash
told=$(curl -sS -H "Authorization: Bearer $TINH" "$(url)/api/v1/reports/estimates?$PERIOD&group_by=day" \
    | jq -r '.total.tickets | tostring | if length > 3 then .[:-3] + "." + .[-3:] else . end')
[[ $told != 0 ]] || ui_fail "the hub measured no estimate over the wards' week"
got=$(jq -r --arg l "Tổng cộng" --argjson n 1 "$JQ_LINE" "${KIOSK_DUMPS[dash]}")
[[ $got == "Tổng cộng"$'\t'"$told"$'\t'* ]] || ui_fail "estimates' total: [$got], the hub says $told tickets"
echo "  estimates: the total has the hub's $told tickets"
screenshot dash "$SHOTS/province-estimates.png"

echo "PASS: the province's ranking, table by ward, one ward's figures and the estimates equal the hub's"
