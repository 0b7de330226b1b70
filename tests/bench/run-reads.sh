#!/usr/bin/env bash
# Reads and issuing against a service with 60 waiting: GET /public/queue and GET /tickets/{id}
# (16 connections, 3 s each), then POST /tickets (64 connections, 3 s).
# Usage: tests/bench/run-reads.sh [path/to/motcua-service]   (default: build/release)
# Run it for two builds in turn to compare them on a noisy machine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
svcbin="${1:-$root/build/release/bin/motcua-service}"
load="$root/build/release/bin/motcua-load"
C="$root/assets/config/ward-demo.toml"
tmp=$(mktemp -d)
tok=$($svcbin device add --config $C --db $tmp/w.db --name load --role kiosk 2>/dev/null)
$svcbin serve --config $C --db $tmp/w.db --listen 127.0.0.1:0 --test-clock > $tmp/out 2>$tmp/err &
svc=$!
for _ in $(seq 1 100); do grep -q listening $tmp/out 2>/dev/null && break; sleep 0.05; done
port=$(sed -n 's/.*:\([0-9]*\)$/\1/p' $tmp/out)
curl -fsS -X POST "http://127.0.0.1:$port/api/v1/test/clock" -H 'Content-Type: application/json' -d '{"now":"2026-11-23T08:00:00+07:00"}' >/dev/null
# 60 waiting over five categories
id=""
for i in $(seq 1 60); do
  cats=(HT DC VX TK HT); c=${cats[$((i % 5))]}
  id=$(curl -fsS -X POST "http://127.0.0.1:$port/api/v1/tickets" -H "Authorization: Bearer $tok" -H 'Content-Type: application/json' -d "{\"category\":\"$c\"}" | sed 's/.*"id":"\([^"]*\)".*/\1/')
done
echo "queue: $($load --port $port --token=$tok --connections 16 --seconds 3 --method GET --path /api/v1/public/queue --body '' | tail -1)"
echo "ticket: $($load --port $port --token=$tok --connections 16 --seconds 3 --method GET --path /api/v1/tickets/$id --body '' | tail -1)"
echo "issue: $($load --port $port --token=$tok --connections 64 --seconds 3 | tail -1)"
kill $svc; wait $svc 2>/dev/null || true; rm -rf "$tmp"
