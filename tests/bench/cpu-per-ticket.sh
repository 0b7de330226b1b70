#!/usr/bin/env bash
# The service's own CPU time and disk bytes per durable ticket: a figure that a busy, shared
# machine disturbs far less than throughput does. Compare two builds in turn.
# Usage: tests/bench/cpu-per-ticket.sh [build/release] [connections] [seconds]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$root/build/release}"
connections="${2:-64}"
seconds="${3:-5}"
bin="$build/bin"
. "$root/tests/bench/service.sh"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$svc/stat"; }
before="$(cpu_ticks)"
line="$("$bin/motcua-load" --port "$port" --token="$token" --connections "$connections" --seconds "$seconds")"
after="$(cpu_ticks)"
ok="$(sed -n 's/.* ok=\([0-9]*\).*/\1/p' <<<"$line")"
hz="$(getconf CLK_TCK)"
kill "$svc"; wait "$svc" 2>/dev/null || true  # a clean stop checkpoints the WAL into the file
bytes="$(stat -c %s "$tmp/w.db")"
awk -v t=$((after - before)) -v hz="$hz" -v ok="$ok" -v b="$bytes" -v line="$line" 'BEGIN {
  printf "%s\nservice CPU %.1f us/ticket, database %.0f bytes/ticket\n", line, t / hz * 1e6 / ok, b / ok }'
