#!/bin/bash
# Link faults between a ward and the province hub (docs/testing-faults.md, DESIGN.md §8, §11).
# The ward's motcua-service runs in namespace "ward", motcua-hub in namespace "hub" (PostgreSQL
# stays in the root namespace: the hub reaches it by its unix socket). The ward ships through the
# veth between them, to the link's relay in front of the hub. While the ward works (tickets,
# calls, services, dossiers, ratings), the link
#   1. loses 30% of its packets each way,
#   2. delays 500 ms each way, and is cut just after the hub stored a batch, before the ward
#      heard the answer (a lost acknowledgement: the ward must send again, the hub store once),
#   3. stays cut for 20 s.
# Once it is back and the ward has shipped everything:
#   - the hub holds every event of the ward exactly once: as many as the ward's last seq,
#     seqs 1..last, none twice;
#   - the hub's acknowledged seq is the ward's last;
#   - the hub's turnaround (by category and by hour) and II.06a reports of the ward equal the
#     ward's own.
#
# usage: hub_link.sh BIN_DIR SOURCE_DIR PG_CLUSTER_DIR
set -euo pipefail
here=$(dirname "${BASH_SOURCE[0]}")
# shellcheck source=tests/faults/netns.sh
source "$here/netns.sh"
BIN=$1
SRC=$2
PG_DIR=$3
faults_require
[[ -s $PG_DIR/uri ]] || faults_fail "no PostgreSQL test cluster at $PG_DIR (ctest's hub_pg fixture starts it)"
faults_begin
WORK=$(mktemp -d)
DRIVER_PID=
DBNAME=faults_$$
ADMIN_URI=$(cat "$PG_DIR/uri")
finish() {
    if [[ -n $DRIVER_PID ]]; then
        kill "$DRIVER_PID" 2>/dev/null || true
        wait "$DRIVER_PID" 2>/dev/null || true
    fi
    faults_cleanup
    psql "$ADMIN_URI" -qc "DROP DATABASE IF EXISTS $DBNAME WITH (FORCE)" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap finish EXIT

fail() {
    echo "FAIL: $*" >&2
    echo "--- ward log:" >&2
    grep -E 'hub' "$WORK/ward.log" | tail -n 30 >&2 || true
    echo "--- hub log:" >&2
    tail -n 30 "$WORK/hub.log" >&2 || true
    exit 1
}

# ---- the province: PostgreSQL database, hub in its namespace -----------------------------------
psql "$ADMIN_URI" -qc "CREATE DATABASE $DBNAME" >/dev/null || fail "create database"
PG_PORT=$(cat "$PG_DIR/port")
# The namespaces have their own network: the hub reaches PostgreSQL by its socket file.
HUB_PG="postgresql://motcua@/$DBNAME?host=$PG_DIR&port=$PG_PORT"
SQL_URI="${ADMIN_URI%/*}/$DBNAME"
sql() { psql "$SQL_URI" -qtAc "$1"; }

ns_add ward
ns_add hub
link_add ward hub
HUB_ADDR=$(addr_of hub ward)
CODE=000.17.22.H99
cat >"$WORK/hub.toml" <<TOML
[province]
name = "Tỉnh Thử Nghiệm"
time_zone = "Asia/Ho_Chi_Minh"

[database]
pool = 3
TOML
"$BIN/motcua-hub" ward add --config "$WORK/hub.toml" --pg "$HUB_PG" --code "$CODE" \
    --name "Phường Đứt Cáp" >"$WORK/hub.token" 2>>"$WORK/hub.log" || fail "hub ward add"
echo matkhau-tinh | "$BIN/motcua-hub" user add --config "$WORK/hub.toml" --pg "$HUB_PG" \
    --username tinh --name "Cán bộ tỉnh" --role province >/dev/null 2>>"$WORK/hub.log" || fail "hub user add"
in_ns hub "$BIN/motcua-hub" serve --config "$WORK/hub.toml" --pg "$HUB_PG" --listen 127.0.0.1:0 \
    >"$WORK/hub.out" 2>>"$WORK/hub.log" &
listening() {
    local deadline=$((SECONDS + 20))
    until grep -q '^listening on http://127.0.0.1:' "$1"; do
        ((SECONDS < deadline)) || fail "$2 did not start listening"
        sleep 0.05
    done
    sed -nE 's|^listening on http://127.0.0.1:([0-9]+).*|\1|p' "$1"
}
HUB_PORT=$(listening "$WORK/hub.out" "the hub")
# The ward reaches the hub only through the veth, at the relay (delay 0 until the delay phase).
relay_add hub ward 8090 "127.0.0.1:$HUB_PORT"

# ---- the ward --------------------------------------------------------------------------------------
sed -e "s/^unit_code = .*/unit_code = \"$CODE\"/" "$SRC/assets/config/ward-demo.toml" >"$WORK/ward.toml"
cat >>"$WORK/ward.toml" <<TOML

[hub]
url = "http://$HUB_ADDR:8090"
token_file = "hub.token"
batch_events = 20
max_backoff_s = 2
TOML
DB=$WORK/ward.db
KIOSK=$("$BIN/motcua-service" device add --config "$WORK/ward.toml" --db "$DB" --name "Kiosk" \
    --role kiosk 2>>"$WORK/ward.log" | head -n 1)
echo matkhau-123 | "$BIN/motcua-service" user add --config "$WORK/ward.toml" --db "$DB" \
    --username lan --name "Nguyễn Thị Lan" --role officer >/dev/null 2>>"$WORK/ward.log" || fail "user add"
in_ns ward "$BIN/motcua-service" serve --config "$WORK/ward.toml" --db "$DB" --listen 127.0.0.1:0 \
    --test-clock >"$WORK/ward.out" 2>>"$WORK/ward.log" &
WARD_PORT=$(listening "$WORK/ward.out" "the ward's service")

# wapi METHOD PATH [TOKEN] [JSON]: the ward's API from inside its namespace; "STATUS BODY".
wapi() {
    local out=$WORK/wapi.body.$BASHPID  # the background driver calls it too
    local args=(-sS -o "$out" -w '%{http_code}' -X "$1" --max-time 10)
    [[ -n ${3:-} ]] && args+=(-H "Authorization: Bearer $3")
    [[ -n ${4:-} ]] && args+=(-H 'Content-Type: application/json' --data "$4")
    local status
    status=$(in_ns ward curl "${args[@]}" "http://127.0.0.1:$WARD_PORT/api/v1$2") || status=000
    echo "$status $(cat "$out" 2>/dev/null)"
}
metric() { in_ns ward curl -fsS --max-time 5 "http://127.0.0.1:$WARD_PORT/metrics" | sed -nE "s/^$1 ([0-9-]+).*/\1/p"; }
DAY=2026-11-23
wapi POST /test/clock "" "{\"now\":\"${DAY}T07:30:00+07:00\"}" >/dev/null
answer=$(wapi POST /auth/login "" '{"username":"lan","password":"matkhau-123"}')
OFFICER=$(jq -r .token <<<"${answer#* }" 2>/dev/null || true)
[[ -n $OFFICER && $OFFICER != null ]] || fail "officer login: $answer"
[[ $(wapi POST /counters/1/open "$OFFICER") == 200\ * ]] || fail "open counter 1"

# The ward's day, in the background until $WORK/stop exists: a visit every ~0.3 s (issue, call,
# start, finish; some dossiers with an applicant, most rated), the service's clock 20 s on each.
drive() {
    local i=0 s=$((7 * 3600 + 30 * 60)) cats=(HT TK DC VX)
    while [[ ! -e $WORK/stop ]]; do
        i=$((i + 1))
        s=$((s + 20))
        wapi POST /test/clock "" "$(printf '{"now":"%sT%02d:%02d:%02d+07:00"}' "$DAY" $((s / 3600)) $((s / 60 % 60)) $((s % 60)))" >/dev/null
        wapi POST /tickets "$KIOSK" "{\"category\":\"${cats[i % 4]}\"}" >/dev/null
        local called id
        called=$(wapi POST /counters/1/call-next "$OFFICER")
        [[ $called == 200\ * ]] || continue
        id=$(jq -r .id <<<"${called#* }")
        if ((i % 7 == 0)); then
            wapi POST /counters/1/no-show "$OFFICER" >/dev/null
            continue
        fi
        wapi POST /counters/1/start "$OFFICER" >/dev/null
        if ((i % 3 == 0)); then
            wapi POST /counters/1/finish "$OFFICER" "{\"outcome\":\"dossier_received\",\"procedure\":\"HT-KS\",\"applicant\":{\"name\":\"Lê Văn Thử $i\",\"phone\":\"0912000$((100 + i))\"}}" >/dev/null
        else
            wapi POST /counters/1/finish "$OFFICER" '{"outcome":"resolved"}' >/dev/null
        fi
        ((i % 4 != 0)) && wapi POST /ratings "$KIOSK" "{\"ticket\":\"$id\",\"level\":$((1 + i % 5)),\"reasons\":[\"other\"],\"comment\":\"góp ý $i\"}" >/dev/null
        sleep 0.3
    done
}
drive &
DRIVER_PID=$!

# hub_stored: events of this ward in the hub.
hub_stored() { sql "SELECT count(*) FROM events WHERE ward = '$CODE'"; }
wait_stored_above() {
    local n=$1 deadline=$((SECONDS + $2))
    while ((SECONDS < deadline)); do
        (($(hub_stored) > n)) && return 0
        sleep 0.05
    done
    return 1
}

# ---- 0. healthy: shipping works at all -------------------------------------------------------------
wait_stored_above 0 20 || fail "nothing reached the hub over the healthy link"
echo "healthy: the hub has $(hub_stored) events"

# ---- 1. 30% loss each way ---------------------------------------------------------------------------
fault_loss ward hub 30
before=$(hub_stored)
sleep 25
echo "loss: the hub went from $before to $(hub_stored) events (ward at $(metric motcua_event_seq))"

# ---- 2. 500 ms each way, then a cut that swallows an acknowledgement ---------------------------------
fault_delay ward hub 500
sleep 5
# The next batch the hub stores: its answer waits 500 ms in the relay; the cut drops it.
before=$(hub_stored)
wait_stored_above "$before" 30 || fail "no batch reached the hub with 500 ms of delay"
fault_cut ward hub
echo "cut right after the hub stored a batch ($(hub_stored) events): its acknowledgement is lost"

# ---- 3. cut for 20 s ---------------------------------------------------------------------------------
sleep 20
touch "$WORK/stop"
wait "$DRIVER_PID" || true
DRIVER_PID=
# The day ends (waiting tickets expire): the reports' in-process figures are then as of the end of
# the day on both sides, not as of the ward's test clock in the middle of it.
wapi POST /test/clock "" "{\"now\":\"2026-11-24T07:00:00+07:00\"}" >/dev/null
fault_heal ward hub
LAST=$(metric motcua_event_seq)
echo "healed; the ward's last event is $LAST"

deadline=$((SECONDS + 90))
until [[ $(metric motcua_hub_lag_events) == 0 && $(metric motcua_hub_acked_seq) == "$LAST" ]]; do
    ((SECONDS < deadline)) || fail "the ward did not catch up: acked $(metric motcua_hub_acked_seq) of $LAST"
    sleep 0.5
done
echo "caught up: acked $LAST"

# ---- checks ------------------------------------------------------------------------------------------
((LAST > 200)) || fail "the ward made only $LAST events: not a real workload"
read -r count distinct lo hi < <(sql "SELECT count(*), count(DISTINCT seq), min(seq), max(seq) FROM events WHERE ward = '$CODE'" | tr '|' ' ')
[[ "$count $distinct $lo $hi" == "$LAST $LAST 1 $LAST" ]] ||
    fail "the hub holds $count events ($distinct distinct, seq $lo..$hi); the ward has 1..$LAST"
acked=$(sql "SELECT acked_seq FROM wards WHERE code = '$CODE'")
[[ $acked == "$LAST" ]] || fail "the hub's wards table says acked $acked, the ward $LAST"
echo "ok: the hub holds events 1..$LAST of the ward, each once"

# Figures: the hub's reports of this ward equal the ward's own (read from inside each namespace).
HUB_TOKEN=$(in_ns hub curl -fsS --max-time 10 -H 'Content-Type: application/json' \
    --data '{"username":"tinh","password":"matkhau-tinh"}' "http://127.0.0.1:$HUB_PORT/api/v1/auth/login" | jq -r .token)
[[ -n $HUB_TOKEN && $HUB_TOKEN != null ]] || fail "province login"
for q in "turnaround?group_by=category" "turnaround?group_by=hour" "dossiers?group_by=category"; do
    path="/api/v1/reports/${q}&from=$DAY&to=$DAY"
    in_ns ward curl -fsS --max-time 10 -H "Authorization: Bearer $OFFICER" \
        "http://127.0.0.1:$WARD_PORT$path" | jq -S . >"$WORK/ward-report.json" || fail "ward report $q"
    in_ns hub curl -fsS --max-time 10 -H "Authorization: Bearer $HUB_TOKEN" \
        "http://127.0.0.1:$HUB_PORT$path&ward=$CODE" | jq -S . >"$WORK/hub-report.json" || fail "hub report $q"
    diff -u "$WORK/ward-report.json" "$WORK/hub-report.json" >"$WORK/report.diff" ||
        fail "the hub's $q differs from the ward's: $(head -n 40 "$WORK/report.diff")"
    echo "ok: $q: the hub's figures equal the ward's ($(jq -c '.total | if has("issued") then {issued, served} else {received_total, in_process_total} end' "$WORK/ward-report.json"))"
done
echo "--- the ward's shipping, as its log tells it:"
grep -E ' hub: ' "$WORK/ward.log" || true
resends=$(grep -c 'hub: .*retrying' "$WORK/ward.log" || true)
echo "PASS: through 30% loss, 500 ms delay, a lost acknowledgement and a 20 s cut the hub stored the ward's $LAST events once each ($resends retry notices in the ward's log)"
