#!/usr/bin/env bash
# Benchmark (prints figures; no pass/fail): one ward that worked 7 days without its hub catches
# up. The ward's days are played through its own code (motcua-simulate, about 6,000 events);
# then the ward service starts with the hub running and the time until the hub has acknowledged
# every event is measured (the ward's /metrics: motcua_hub_lag_events reaches 0).
# Usage: tests/bench/hub_catchup.sh [BIN_DIR] [RUNS]     (BIN_DIR default build/release/bin)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bin="${1:-$root/build/release/bin}"
runs="${2:-3}"
work="$(mktemp -d)"
chmod 711 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  "$root/deploy/pg-cluster" destroy "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
"$root/deploy/pg-cluster" start "$work/pg"
admin="$(cat "$work/pg/uri")"

for run in $(seq "$runs"); do
  db="catchup$run"
  psql "$admin" -qc "CREATE DATABASE $db"
  pg="${admin%/postgres}/$db"
  printf '[province]\nname = "Tỉnh"\n' >"$work/hub.toml"
  "$bin/motcua-hub" serve --config "$work/hub.toml" --pg "$pg" --listen 127.0.0.1:0 >"$work/hub.out" 2>"$work/hub.log" &
  hub_pid=$!
  pids+=("$hub_pid")
  for _ in $(seq 200); do grep -q '^listening' "$work/hub.out" 2>/dev/null && break; sleep 0.05; done
  port=$(sed -nE 's|^listening on http://127.0.0.1:([0-9]+).*|\1|p' "$work/hub.out")
  "$bin/motcua-hub" ward add --config "$work/hub.toml" --pg "$pg" --code 000.17.22.H56 --name "Phường" \
      >"$work/hub.token" 2>/dev/null
  sed "s|^unit_code = .*|unit_code = \"000.17.22.H56\"|" "$root/assets/config/ward-demo.toml" >"$work/ward.toml"
  printf '\n[hub]\nurl = "http://127.0.0.1:%s"\ntoken_file = "hub.token"\nbatch_events = 1000\n' "$port" >>"$work/ward.toml"
  rm -f "$work/ward.db"*
  "$bin/motcua-simulate" --config "$work/ward.toml" --db "$work/ward.db" --days 7 --end 2026-11-27 \
      --tickets-per-day 150 --seed "$run" 2>/dev/null
  events=$(sqlite3 "$work/ward.db" 'SELECT max(seq) FROM events')
  start=$(date +%s.%N)
  "$bin/motcua-service" serve --config "$work/ward.toml" --db "$work/ward.db" --listen 127.0.0.1:0 \
      >"$work/ward.out" 2>"$work/ward.log" &
  ward_pid=$!
  pids+=("$ward_pid")
  for _ in $(seq 200); do grep -q '^listening' "$work/ward.out" 2>/dev/null && break; sleep 0.02; done
  wport=$(sed -nE 's|^listening on http://127.0.0.1:([0-9]+).*|\1|p' "$work/ward.out")
  while :; do
    m=$(curl -fsS "http://127.0.0.1:$wport/metrics" || true)
    lag=$(sed -nE 's/^motcua_hub_lag_events (.*)/\1/p' <<<"$m")
    acked=$(sed -nE 's/^motcua_hub_acked_seq (.*)/\1/p' <<<"$m")
    # At start the ward also expires what its last simulated day left waiting: a few more events.
    [[ $lag == 0 && -n $acked && ${acked%.*} -ge $events ]] && break
    sleep 0.02
  done
  end=$(date +%s.%N)
  stored=$(psql "$pg" -tAc "SELECT count(*) FROM events")
  printf 'run %s: %s events, 7 office days, caught up in %.2f s (ward start included); %s stored\n' \
      "$run" "$stored" "$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" "$stored"
  kill "$ward_pid" "$hub_pid"; wait "$ward_pid" "$hub_pid" 2>/dev/null || true
done
