#!/usr/bin/env bash
# Builds the libFuzzer targets and runs each one.
#
#   Tests/Fuzz/run.sh                  every target, 1,000,000 executions each
#   Tests/Fuzz/run.sh -runs=10000      every target, a smoke run
#   Tests/Fuzz/run.sh -max_total_time=60 csv ocds
#
# Seed corpora come from the repository's real values: the bundled registers' cells, the example
# scenarios and decision specs, and the Contracts Finder OCDS fixtures. Work happens in
# .build/fuzz (corpora grow there between runs); a crash is written there as crash-* and the
# script exits non-zero. Every crash input found so far is a regression test in
# Tests/CommissioningTests/FuzzRegressionTests.swift.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=.build/fuzz
mkdir -p "$work"
binary="$work/commission-fuzz"
runs=()
targets=()
for arg in "$@"; do
  case "$arg" in
    -*) runs+=("$arg") ;;
    *) targets+=("$arg") ;;
  esac
done
[ ${#runs[@]} -eq 0 ] && runs=(-runs=1000000)
[ ${#targets[@]} -eq 0 ] && targets=(csv date money options scenario spec ocds registerjson)

sources=$(find Sources/Commissioning -name '*.swift' | sort)
if [ ! -x "$binary" ] || [ -n "$(find Sources/Commissioning Tests/Fuzz -newer "$binary" -name '*.swift')" ]; then
  echo "building $binary (libFuzzer + AddressSanitizer) ..."
  # shellcheck disable=SC2086
  swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name Commissioning \
    $sources Tests/Fuzz/FuzzTargets.swift -o "$binary" 2> "$work/build.log" \
    || { cat "$work/build.log"; exit 1; }
fi

python3 Tests/Fuzz/seeds.py "$work/seeds"

status=0
for target in "${targets[@]}"; do
  corpus="$work/corpus/$target"
  mkdir -p "$corpus"
  echo "== $target: ${runs[*]}"
  if FUZZ_TARGET="$target" "$binary" "${runs[@]}" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix="$work/$target-" -print_final_stats=1 "$corpus" "$work/seeds/$target" \
    > "$work/$target.log" 2>&1; then
    grep -E "^stat::number_of_executed_units|^Done" "$work/$target.log" | sed 's/^/   /'
  else
    status=1
    echo "   FAILED: see $work/$target.log"
    # A run stopped without a finding (a signal, a full disk) has no such line; go on all the same.
    { grep -E "Fatal error|ERROR: |SUMMARY" "$work/$target.log" || true; } | head -5 | sed 's/^/   /'
  fi
done
exit $status
