#!/usr/bin/env bash
# Durable ticket issuance at 1, 16, 64 and 256 connections against a fresh service.
# Usage: tests/bench/run-load.sh [build/release]   (prints one line per run)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$root/build/release}"
bin="$build/bin"
tmp="$(mktemp -d)"
trap 'kill $svc 2>/dev/null || true; rm -rf "$tmp"' EXIT
config="$root/assets/config/ward-demo.toml"
token="$("$bin/motcua-service" device add --config "$config" --db "$tmp/w.db" --name load --role kiosk 2>/dev/null)"
"$bin/motcua-service" serve --config "$config" --db "$tmp/w.db" --listen 127.0.0.1:0 --test-clock >"$tmp/out" 2>"$tmp/err" &
svc=$!
for _ in $(seq 1 100); do grep -q listening "$tmp/out" 2>/dev/null && break; sleep 0.05; done
port="$(sed -n 's/.*:\([0-9]*\)$/\1/p' "$tmp/out")"
echo "idle RSS: $(awk '/VmRSS/{print $2, $3}' /proc/$svc/status)"
for c in 1 16 64 256; do
  "$bin/motcua-load" --port "$port" --token "$token" --connections "$c" --seconds "${SECONDS_PER_RUN:-5}"
done
echo "RSS after load: $(awk '/VmRSS/{print $2, $3}' /proc/$svc/status)"
