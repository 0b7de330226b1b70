#!/usr/bin/env bash
# Bookings under load: POST /api/v1/public/appointments at 1, 16 and 64 connections against a fresh
# service, each request a new phone number (the load client's {seq}), spread over every slot of
# the next ten office days. The demo config is copied with the most places a slot may have
# (1000) and no per-address limit (the load comes from one address); the rest is the demo ward's.
# Usage: tests/bench/run-bookings.sh [build/release]   (prints one line per run)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$root/build/release}"
bin="$build/bin"
tmp="$(mktemp -d)"
svc=
trap 'kill ${svc:-} 2>/dev/null || true; rm -rf "$tmp"' EXIT
config="$tmp/ward.toml"
sed -e 's/^appointment_places = .*/appointment_places = 1000/' \
    -e 's/^per_client_per_hour = .*/per_client_per_hour = 0/' \
    "$root/assets/config/ward-demo.toml" >"$config"
"$bin/motcua-service" serve --config "$config" --db "$tmp/w.db" --listen 127.0.0.1:0 --test-clock \
    >"$tmp/out" 2>"$tmp/err" &
svc=$!
for _ in $(seq 1 100); do grep -q listening "$tmp/out" 2>/dev/null && break; sleep 0.05; done
port="$(sed -n 's/.*:\([0-9]*\)$/\1/p' "$tmp/out")"
[[ -n $port ]] || { echo "run-bookings: the service did not start:" >&2; cat "$tmp/err" >&2; exit 1; }
# Monday 23/11/2026 07:00: Tuesday's 08:00 slot is open for booking.
curl -fsS -X POST "http://127.0.0.1:$port/api/v1/test/clock" -H 'Content-Type: application/json' \
    -d '{"now":"2026-11-23T07:00:00+07:00"}' >/dev/null
echo "idle RSS: $(awk '/VmRSS/{print $2, $3}' /proc/$svc/status)"
starts=$(curl -fsS "http://127.0.0.1:$port/api/v1/public/slots?category=HT&date=2026-11-24" |
  jq -r '[.[].start] | join(",")')
days=2026-11-24,2026-11-25,2026-11-26,2026-11-27,2026-11-30,2026-12-01,2026-12-02,2026-12-03,2026-12-04,2026-12-07
run=0
for c in 1 16 64; do
  # Each run its own phone numbers (0{run}{seq}): the per-phone limit never refuses one.
  run=$((run + 1))
  body="{\"category\":\"HT\",\"date\":\"{day}\",\"start\":\"{start}\",\"phone\":\"0${run}{seq}\"}"
  "$bin/motcua-load" --port "$port" --connections "$c" --seconds "${SECONDS_PER_RUN:-5}" \
    --path /api/v1/public/appointments --body "$body" --cycle "start=$starts" --cycle "day=$days"
done
echo "bookings held: $(curl -fsS "http://127.0.0.1:$port/api/v1/public/slots?category=HT&date=2026-11-24" |
  jq '[.[] | 1000 - .free] | add') on 24/11 alone"
echo "RSS after load: $(awk '/VmRSS/{print $2, $3}' /proc/$svc/status)"
echo "slots of the day, listed once: $(curl -fsS -o /dev/null -w '%{time_total}' \
    "http://127.0.0.1:$port/api/v1/public/slots?category=HT&date=2026-11-24") s"
