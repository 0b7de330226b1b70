#!/usr/bin/env bash
# Durable ticket issuance at 1, 16, 64 and 256 connections against a fresh service.
# Usage: tests/bench/run-load.sh [build/release]   (prints one line per run)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$root/build/release}"
bin="$build/bin"
. "$root/tests/bench/service.sh"
echo "idle RSS: $(awk '/VmRSS/{print $2, $3}' /proc/$svc/status)"
for c in 1 16 64 256; do
  "$bin/motcua-load" --port "$port" --token="$token" --connections "$c" --seconds "${SECONDS_PER_RUN:-5}"
done
echo "RSS after load: $(awk '/VmRSS/{print $2, $3}' /proc/$svc/status)"

# Call-next under load: five officers at the five demo counters, each cycling call-next then
# finish over a queue refilled by the ticket runs above (timed: call-next only).
officers=()
for n in 1 2 3 4 5; do
  echo "matkhau-$n" | "$bin/motcua-service" user add --config "$config" --db "$tmp/w.db" --username "cb$n" --name "Cán bộ $n" --role officer 2>/dev/null
  tok="$(curl -fsS -X POST "http://127.0.0.1:$port/api/v1/auth/login" -H 'Content-Type: application/json' \
         -d "{\"username\":\"cb$n\",\"password\":\"matkhau-$n\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/')"
  curl -fsS -X POST "http://127.0.0.1:$port/api/v1/counters/$n/open" -H "Authorization: Bearer $tok" >/dev/null
  officers+=("--token=$tok")  # tokens may start with '-': always the = form
done
for cat in DC VX TK; do  # every counter has people waiting
  "$bin/motcua-load" --port "$port" --token="$token" --connections 16 --seconds 2 --body "{\"category\":\"$cat\"}" >/dev/null
done
echo "call-next (then finish) at 5 counters:"
"$bin/motcua-load" --port "$port" "${officers[@]}" --connections 5 --seconds "${SECONDS_PER_RUN:-5}" \
  --path '/api/v1/counters/{n}/call-next' --body '' --then '/api/v1/counters/{n}/finish' --then-body '{"outcome":"resolved"}'
