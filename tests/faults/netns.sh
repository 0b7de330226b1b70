# The link-fault harness (sourced, not run; docs/testing-faults.md). It builds a small network of
# network namespaces joined by veth pairs, runs programs inside them, and degrades one link at a
# time: random loss, a cut, latency.
#
#   faults_require           exit 77 (ctest SKIP) with one line when this machine cannot make
#                            namespaces; fail when it can but the packet filter is missing
#   faults_begin             a unique name for this run; stale namespaces of killed runs go
#   ns_add NAME              a namespace (loopback up); its real name is "$FAULT_RUN-NAME"
#   link_add A B             a veth pair between namespaces A and B, 198.18.K.1 in A and
#                            198.18.K.2 in B (K: the link's number); addr_of A B prints A's
#   in_ns NAME CMD...        runs CMD inside namespace NAME (ip netns exec)
#   relay_add A B LISTEN_PORT TARGET_HOST:TARGET_PORT
#                            the link's delaying relay (fault_relay.py), run in A, listening on
#                            A's address towards B; delay 0 until fault_delay
#   fault_loss A B PCT | fault_cut A B | fault_delay A B MS | fault_heal A B
#                            the faults of link A-B, each replacing the previous one
#   faults_cleanup           stop every process in the namespaces, delete them (at exit)
#
# Faults: with netem in the kernel (detected once), `tc qdisc ... netem` on both ends of the veth;
# without it (these machines), the packet filter inside both namespaces drops what arrives on the
# veth (random drop for loss, everything for a cut: a pulled cable sends no reset) and the relay
# holds every byte for the delay. MOTCUA_FAULTS_NO_NETEM=1 forces the second way.
#
# Every address lives only inside namespaces this run created. Nothing here, and nothing a test
# does, may send a packet to one of them from the root namespace: there no interface owns them
# and the packet would leave the machine. Talk to them with in_ns.

FAULT_RUN=
FAULT_MODE=
FAULT_NS=()            # short names, in creation order
FAULT_LINKS=0
declare -A FAULT_ADDR  # "A B" -> A's address on the link to B
declare -A FAULT_IF    # "A B" -> A's interface on the link to B
declare -A FAULT_CTL   # "A B" -> the relay's control file of link A-B (either order)
FAULT_TMP=

faults_skip() {
    echo "SKIP: $* (link-fault tests need root and network namespaces; CI has both)"
    exit 77
}

faults_fail() {
    echo "FAIL: $*" >&2
    exit 1
}

faults_require() {
    [[ $(id -u) -eq 0 ]] || faults_skip "not root"
    command -v ip >/dev/null || faults_skip "no ip command (iproute2)"
    local probe
    probe="mcfprobe$$"
    ip netns add "$probe" 2>/dev/null || faults_skip "this machine cannot create network namespaces"
    local netem=0 filter=0
    if ip netns exec "$probe" ip link add mcfp0 type veth peer name mcfp1 2>/dev/null; then
        ip netns exec "$probe" tc qdisc add dev mcfp0 root netem delay 1ms 2>/dev/null && netem=1
    fi
    if command -v iptables >/dev/null && ip netns exec "$probe" iptables -S INPUT >/dev/null 2>&1; then
        filter=1
    fi
    ip netns del "$probe"
    if ((netem)) && [[ -z ${MOTCUA_FAULTS_NO_NETEM:-} ]]; then
        FAULT_MODE=netem
    elif ((filter)); then
        FAULT_MODE=filter
    elif ! command -v iptables >/dev/null; then
        faults_fail "the kernel has no netem and iptables is missing: deploy/install-deps installs it"
    else
        faults_fail "the kernel has no netem and iptables does not work inside a namespace"
    fi
    command -v python3 >/dev/null || faults_fail "python3 is missing (the delaying relay)"
}

# Namespaces of runs that were killed (a trap cannot run after SIGKILL): their processes and
# the namespaces themselves go. Only names of this harness whose run's shell is gone.
faults_reap_stale() {
    local ns pid
    for ns in $(ip netns list 2>/dev/null | awk '{print $1}'); do
        [[ $ns =~ ^mcf(probe)?([0-9]+)(x[0-9a-f]+-|$) ]] || continue
        pid=${BASH_REMATCH[2]}
        kill -0 "$pid" 2>/dev/null && continue
        echo "faults: removing namespace $ns left by a killed run" >&2
        ns_stop_processes "$ns"
        ip netns del "$ns" 2>/dev/null || true
    done
}

faults_begin() {
    faults_reap_stale
    FAULT_RUN="mcf$$x$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')"
    FAULT_TMP=$(mktemp -d)
    echo "faults: run $FAULT_RUN, faults made with $FAULT_MODE"
}

ns_name() { echo "$FAULT_RUN-$1"; }

ns_add() {
    local real
    real=$(ns_name "$1")
    ip netns add "$real" || faults_fail "ip netns add $real"
    FAULT_NS+=("$1")
    ip -n "$real" link set lo up
}

in_ns() {
    local name=$1
    shift
    ip netns exec "$(ns_name "$name")" "$@"
}

link_add() {
    local a=$1 b=$2
    FAULT_LINKS=$((FAULT_LINKS + 1))
    local k=$FAULT_LINKS
    # Interface names are made inside the namespaces: they never exist in the root one.
    local ia="mcf${k}a" ib="mcf${k}b"
    ip link add "$ia" netns "$(ns_name "$a")" type veth peer name "$ib" netns "$(ns_name "$b")" ||
        faults_fail "veth between $a and $b"
    FAULT_IF["$a $b"]=$ia
    FAULT_IF["$b $a"]=$ib
    FAULT_ADDR["$a $b"]=198.18.$k.1
    FAULT_ADDR["$b $a"]=198.18.$k.2
    ip -n "$(ns_name "$a")" addr add "198.18.$k.1/30" dev "$ia"
    ip -n "$(ns_name "$b")" addr add "198.18.$k.2/30" dev "$ib"
    ip -n "$(ns_name "$a")" link set "$ia" up
    ip -n "$(ns_name "$b")" link set "$ib" up
    if [[ $FAULT_MODE == filter ]]; then
        local side
        for side in "$a $b" "$b $a"; do
            local ns=${side%% *}
            in_ns "$ns" iptables -N MOTCUA_FAULT 2>/dev/null || true
            in_ns "$ns" iptables -A INPUT -i "${FAULT_IF[$side]}" -j MOTCUA_FAULT
        done
    fi
}

addr_of() { echo "${FAULT_ADDR["$1 $2"]}"; }

# relay_add A B LISTEN_PORT TARGET: prints nothing; the relay listens on addr_of A B.
relay_add() {
    local a=$1 b=$2 port=$3 target=$4
    local ctl=$FAULT_TMP/relay-$a-$b.ctl out=$FAULT_TMP/relay-$a-$b.out
    echo 0 >"$ctl"
    FAULT_CTL["$a $b"]=$ctl
    FAULT_CTL["$b $a"]=$ctl
    in_ns "$a" python3 "$(dirname "${BASH_SOURCE[0]}")/fault_relay.py" \
        --listen "$(addr_of "$a" "$b"):$port" --to "$target" --control "$ctl" \
        >"$out" 2>"$FAULT_TMP/relay-$a-$b.log" &
    local deadline=$((SECONDS + 10))
    until [[ -s $out ]]; do
        ((SECONDS < deadline)) || faults_fail "the relay of $a-$b did not start: $(cat "$FAULT_TMP/relay-$a-$b.log")"
        sleep 0.05
    done
}

# The packet filter's chain on both ends (filter mode), or netem on both ends of the veth.
fault_filter() {
    local a=$1 b=$2
    shift 2
    local side
    for side in "$a $b" "$b $a"; do
        local ns=${side%% *}
        in_ns "$ns" iptables -F MOTCUA_FAULT
        in_ns "$ns" iptables -Z INPUT  # filter_counts counts from this fault on
        (($#)) && in_ns "$ns" iptables -A MOTCUA_FAULT "$@"
    done
    return 0
}
fault_netem() {
    local a=$1 b=$2
    shift 2
    local side
    for side in "$a $b" "$b $a"; do
        local ns=${side%% *} dev=${FAULT_IF[$side]}
        in_ns "$ns" tc qdisc del dev "$dev" root 2>/dev/null || true
        (($#)) && in_ns "$ns" tc qdisc add dev "$dev" root netem "$@"
    done
    return 0
}
relay_delay() {
    local ctl=${FAULT_CTL["$1 $2"]:-}
    [[ -n $ctl ]] || return 0
    echo "$3" >"$ctl.new" && mv "$ctl.new" "$ctl"
    sleep 0.3  # the relay reads it within 100 ms
}

# Each fault replaces the previous one. The packets' fate changes first, the relay's delay after:
# a cut made right after a request went through must catch its answer, which the relay may still
# hold (the delay of bytes already in the relay does not change).
fault_heal() {
    if [[ $FAULT_MODE == netem ]]; then fault_netem "$1" "$2"; else fault_filter "$1" "$2"; fi
    relay_delay "$1" "$2" 0
    echo "faults: link $1-$2 healed"
}

# fault_loss A B PCT: each packet, in each direction, is lost with probability PCT %.
fault_loss() {
    if [[ $FAULT_MODE == netem ]]; then
        fault_netem "$1" "$2" loss "$3%"
    else
        fault_filter "$1" "$2" -m statistic --mode random --probability "$(awk -v p="$3" 'BEGIN{printf "%.4f", p/100}')" -j DROP
    fi
    relay_delay "$1" "$2" 0
    echo "faults: link $1-$2 loses $3% of packets each way"
}

fault_cut() {
    if [[ $FAULT_MODE == netem ]]; then fault_netem "$1" "$2" loss 100%; else fault_filter "$1" "$2" -j DROP; fi
    relay_delay "$1" "$2" 0
    echo "faults: link $1-$2 cut"
}

# fault_delay A B MS: every byte takes MS more each way.
fault_delay() {
    if [[ $FAULT_MODE == netem ]]; then
        fault_netem "$1" "$2" delay "${3}ms"
    else
        fault_filter "$1" "$2"
        relay_delay "$1" "$2" "$3"
    fi
    echo "faults: link $1-$2 delays ${3} ms each way"
}

# The filter's own count on one end: "DROPPED SEEN" packets that arrived on A's end of A-B.
filter_counts() {
    local a=$1 b=$2 dev=${FAULT_IF["$1 $2"]}
    local seen dropped
    seen=$(in_ns "$a" iptables -L INPUT -v -x -n | awk -v d="$dev" '$3 == "MOTCUA_FAULT" && $6 == d {print $1}')
    dropped=$(in_ns "$a" iptables -L MOTCUA_FAULT -v -x -n | awk '$3 == "DROP" {s += $1} END {print s + 0}')
    echo "$dropped $seen"
}

ns_stop_processes() {
    local real=$1 pids pid
    pids=$(ip netns pids "$real" 2>/dev/null || true)
    [[ -n $pids ]] || return 0
    for pid in $pids; do kill "$pid" 2>/dev/null || true; done
    local deadline=$((SECONDS + 3))
    while ((SECONDS < deadline)); do
        [[ -z $(ip netns pids "$real" 2>/dev/null) ]] && return 0
        sleep 0.1
    done
    for pid in $(ip netns pids "$real" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
}

faults_cleanup() {
    local name
    for name in "${FAULT_NS[@]}"; do ns_stop_processes "$(ns_name "$name")"; done
    for name in "${FAULT_NS[@]}"; do ip netns del "$(ns_name "$name")" 2>/dev/null || true; done
    FAULT_NS=()
    [[ -n $FAULT_TMP ]] && rm -rf "$FAULT_TMP"
    FAULT_TMP=
}
