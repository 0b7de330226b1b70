#!/bin/bash
# The link-fault harness tested on its own (docs/testing-faults.md): before the screens and the
# hub are judged under faults, the faults must be real.
#  1. A healthy link between two namespaces passes every ping.
#  2. 30% loss each way: 600 pings lose about 1 - 0.7^2 = 51% (round trips), and each end's
#     packet filter (or netem) dropped about 30% of what arrived.
#  3. A cut: no ping passes, and an HTTP request over an open connection times out (no reset).
#     Healed: the same request is answered.
#  4. The delaying relay: an HTTP exchange through it takes 2 x 500 ms more than without it,
#     and the delay changes while it runs.
#
# usage: harness_selftest.sh
set -euo pipefail
# shellcheck source=tests/faults/netns.sh
source "$(dirname "${BASH_SOURCE[0]}")/netns.sh"
faults_require
faults_begin
trap faults_cleanup EXIT

ns_add a
ns_add b
link_add a b
B=$(addr_of b a)

# ping_loss COUNT: the % of COUNT pings from a to b that got no answer.
ping_loss() {
    local out
    out=$(in_ns a ping -n -q -c "$1" -i 0.01 -W 1 "$B" 2>&1 || true)
    sed -nE 's/.* ([0-9.]+)% packet loss.*/\1/p' <<<"$out" | cut -d. -f1
}
between() { (($1 >= $2 && $1 <= $3)); }

# ---- 1. healthy ------------------------------------------------------------------------------------
loss=$(ping_loss 50)
[[ $loss == 0 ]] || faults_fail "a healthy link lost $loss% of pings"
echo "ok: healthy link, 50 pings, none lost"

# ---- 2. 30% loss each way ---------------------------------------------------------------------------
fault_loss a b 30
loss=$(ping_loss 600)
# 600 round trips at p = 0.51: standard deviation 2 points; 41..61 is five of them. Each end sees
# 420 to 600 packets: 2.2 points at most; 22..38 is more than three and a half.
between "$loss" 41 61 || faults_fail "30% loss each way lost $loss% of round trips (expected about 51)"
if [[ $FAULT_MODE == filter ]]; then
    for side in "a b" "b a"; do
        read -r dropped seen < <(filter_counts $side)
        ((seen >= 200)) || faults_fail "the filter of ${side%% *} saw only $seen packets"
        share=$((100 * dropped / seen))
        between "$share" 22 38 || faults_fail "the filter of ${side%% *} dropped $share% ($dropped of $seen), expected about 30"
        echo "ok: ${side%% *}'s end dropped $dropped of $seen packets ($share%)"
    done
fi
echo "ok: 30% loss each way, 600 pings, $loss% of round trips lost"
fault_heal a b

# ---- 3. a cut --------------------------------------------------------------------------------------
in_ns b python3 -m http.server --bind "$B" 8000 --directory "$FAULT_TMP" >/dev/null 2>&1 &
echo hello >"$FAULT_TMP/hello.txt"
served() { in_ns a curl -fsS --max-time 2 "http://$B:8000/hello.txt" 2>/dev/null | grep -q hello; }
deadline=$((SECONDS + 10))
until served; do
    ((SECONDS < deadline)) || faults_fail "the test server in b did not answer"
    sleep 0.1
done
fault_cut a b
loss=$(ping_loss 20)
[[ $loss == 100 ]] || faults_fail "a cut link let $((100 - loss))% of pings through"
# A silent cut: the client waits until its own timeout (curl 28), it is not refused (curl 7).
rc=0
in_ns a curl -sS --max-time 2 -o /dev/null "http://$B:8000/hello.txt" 2>/dev/null || rc=$?
[[ $rc == 28 ]] || faults_fail "a request over the cut link ended with curl exit $rc, expected a timeout (28)"
echo "ok: cut link, no ping passes, a request times out"
fault_heal a b
served || faults_fail "the healed link does not carry the request"
echo "ok: healed link carries the request again"

# ---- 4. the delaying relay -------------------------------------------------------------------------
relay_add b a 8001 "$B:8000"
# exchange_ms: one HTTP exchange through the relay (a new connection each time), in ms.
exchange_ms() {
    local s
    s=$(in_ns a curl -fsS --max-time 10 -o /dev/null -w '%{time_total}' "http://$B:8001/hello.txt") ||
        faults_fail "no answer through the relay"
    awk -v s="$s" 'BEGIN{printf "%d", s * 1000}'
}
fast=$(exchange_ms)
((fast < 300)) || faults_fail "the relay without delay took $fast ms"
if [[ $FAULT_MODE == filter ]]; then
    relay_delay b a 500
    slow=$(exchange_ms)
    # The request waits 500 ms, the answer 500 ms (http.server closes: its end waits too).
    between "$slow" 1000 1800 || faults_fail "the relay at 500 ms took $slow ms for a request and its answer"
    relay_delay b a 0
    again=$(exchange_ms)
    ((again < 300)) || faults_fail "the relay back at 0 ms took $again ms"
    echo "ok: relay: $fast ms, $slow ms at 500 ms each way, $again ms at 0 again"
fi
# Through fault_delay (netem or the relay, whichever this machine uses).
fault_delay b a 500
slow=$(exchange_ms)
((slow >= 1000)) || faults_fail "fault_delay 500 made an exchange take only $slow ms"
fault_heal b a
echo "ok: fault_delay 500: $slow ms for one exchange"

echo "PASS: the harness makes real loss, cuts and delay ($FAULT_MODE)"
