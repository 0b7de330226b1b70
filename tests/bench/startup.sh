#!/usr/bin/env bash
# Start-up time with a database of N past tickets (default 1,000,000) and their events.
# Usage: tests/bench/startup.sh [build/release] [N]      Prints the median of 5 starts.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$root/build/release}"
n="${2:-1000000}"
bin="$build/bin"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
config="$root/assets/config/ward-demo.toml"
"$bin/motcua-service" device add --config "$config" --db "$tmp/w.db" --name bench --role kiosk >/dev/null 2>&1
# Past tickets spread over 400 days before 2026-11-23, 2,500 a day, all served, with one event each.
sqlite3 "$tmp/w.db" <<SQL
PRAGMA journal_mode=WAL;
BEGIN;
WITH RECURSIVE i(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM i WHERE x < $n - 1)
INSERT INTO tickets (id, day, issued_category, seq, number, category, priority, state, issued_at, queued_at,
                     called_at, last_called_at, started_at, finished_at, counter, officer, outcome)
SELECT printf('past%012d', x), date('2026-11-23', printf('-%d days', 1 + x / 2500)), 'HT', 1 + x % 2500,
       printf('A%03d', 1 + x % 2500), 'HT', 0, 'done', 1700000000000 + x * 1000, 1700000000000 + x * 1000,
       1700000000000 + x * 1000 + 300000, 1700000000000 + x * 1000 + 300000, 1700000000000 + x * 1000 + 300000,
       1700000000000 + x * 1000 + 600000, 1, 'lan', 'resolved' FROM i;
INSERT INTO events (seq, type, at, day, ticket_id, payload)
SELECT rowid, 'ticket_finished', finished_at, day, id, '{}' FROM tickets;
INSERT OR REPLACE INTO meta (key, value) VALUES ('test_clock_ms', '1795392000000');
COMMIT;
SQL
echo "database: $(sqlite3 "$tmp/w.db" 'SELECT COUNT(*) FROM tickets') tickets, $(du -h "$tmp/w.db" | cut -f1)"
times=()
for _ in 1 2 3 4 5; do
  start=$(date +%s%N)
  "$bin/motcua-service" serve --config "$config" --db "$tmp/w.db" --listen 127.0.0.1:0 --test-clock >"$tmp/out" 2>/dev/null &
  pid=$!
  until grep -q listening "$tmp/out" 2>/dev/null; do sleep 0.005; done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" || true
  times+=($(( (end - start) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "start to 'listening on': ${times[*]} ms; median ${sorted[2]} ms"
