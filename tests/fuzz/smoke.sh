#!/usr/bin/env bash
# Runs every libFuzzer target of a fuzz build (the `fuzz` preset) for a few seconds, each on a
# scratch copy of its corpus in tests/fuzz/corpus/<target>/ (the repository's corpus is never
# written). Fails when a target crashes, leaks, times out or has no corpus; the input that did it
# is kept in BUILD_DIR/fuzz-artifacts/ (reproduce: BUILD_DIR/bin/fuzz_<target> FILE).
# Usage: tests/fuzz/smoke.sh BUILD_DIR [SECONDS_PER_TARGET]      (docs/fuzzing.md)
set -euo pipefail
build="${1:?usage: tests/fuzz/smoke.sh BUILD_DIR [SECONDS_PER_TARGET]}"
seconds="${2:-5}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="$(cd "$build" && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
artifacts="$build/fuzz-artifacts"
mkdir -p "$artifacts"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

shopt -s nullglob
targets=("$build"/bin/fuzz_*)
if [[ ${#targets[@]} -eq 0 ]]; then
  echo "fuzz smoke: no fuzz_* programs in $build/bin (build the fuzz preset first)" >&2
  exit 1
fi
failed=0
for bin in "${targets[@]}"; do
  name="${bin##*/fuzz_}"
  if [[ ! -d "$here/corpus/$name" ]]; then
    echo "fuzz smoke: $name: no corpus in tests/fuzz/corpus/$name/" >&2
    failed=1
    continue
  fi
  cp -r "$here/corpus/$name" "$scratch/$name"
  log="$scratch/$name.log"
  if "$bin" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \
       -artifact_prefix="$artifacts/$name-" "$scratch/$name" >"$log" 2>&1; then
    runs="$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')"
    cov="$(grep -E '^#[0-9]+' "$log" | tail -n1 | grep -oE 'cov: [0-9]+ ft: [0-9]+' || true)"
    echo "fuzz smoke: $name: ${runs:-?} runs in ${seconds}s, $cov: ok"
  else
    echo "fuzz smoke: $name FAILED; its output:" >&2
    tail -n 60 "$log" >&2
    failed=1
  fi
done
exit "$failed"
