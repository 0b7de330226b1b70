#!/usr/bin/env bash
# Crash soak (issue 16 item 3, docs/durability.md): CYCLES kill -9 cycles of the real service
# under a mixed load, each checked against what was acknowledged. Prints one line per cycle and a
# summary; exits non-zero at the first cycle that loses or reuses anything.
# Usage: tests/bench/run-soak.sh [BUILD_DIR=build/release] [CYCLES=100] [SEED=random]
# Build first: cmake --build BUILD_DIR --target motcua-service service_crash_soak
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$root/build/release}"
cycles="${2:-100}"
seed="${3:-$(( (RANDOM << 15) | RANDOM ))}"
echo "commit $(git -C "$root" rev-parse --short HEAD), $(basename "$build") build, $(nproc) cores, seed $seed"
began="$(date +%s)"
MOTCUA_SOAK_CYCLES="$cycles" "$build/bin/service_crash_soak" --rng-seed "$seed"
echo "wall time: $(( $(date +%s) - began )) s"
