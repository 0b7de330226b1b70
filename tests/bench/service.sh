# Sourced by the benchmark scripts: starts `motcua-service serve` on a fresh database of the demo
# ward with the test clock, with a kiosk token. Needs $root and $bin; sets $tmp, $token, $svc and
# $port, and stops the service and removes $tmp on exit.
tmp="$(mktemp -d)"
trap 'kill $svc 2>/dev/null || true; rm -rf "$tmp"' EXIT
config="$root/assets/config/ward-demo.toml"
token="$("$bin/motcua-service" device add --config "$config" --db "$tmp/w.db" --name load --role kiosk 2>/dev/null)"
"$bin/motcua-service" serve --config "$config" --db "$tmp/w.db" --listen 127.0.0.1:0 --test-clock >"$tmp/out" 2>"$tmp/err" &
svc=$!
for _ in $(seq 1 100); do grep -q listening "$tmp/out" 2>/dev/null && break; sleep 0.05; done
port="$(sed -n 's/.*:\([0-9]*\)$/\1/p' "$tmp/out")"
