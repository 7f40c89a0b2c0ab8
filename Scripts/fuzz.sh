#!/usr/bin/env bash
# Fuzzes Schakel's input paths and exports under libFuzzer with AddressSanitizer.
#   Scripts/fuzz.sh [SECONDS] [TARGET…]     (default: 60 seconds each, every target in Fuzz/corpus/)
# Each target starts from its seeds (Fuzz/corpus/TARGET) and the inputs that once broke it
# (Fuzz/regressions/TARGET); what it learns stays in .build-fuzz/corpus/, what breaks a property
# is written to .build-fuzz/crashes/TARGET/. Copy such a file into Fuzz/regressions/TARGET/ once
# it is fixed: the tests replay it from then on. Exits non-zero when any target broke.
#
# FUZZ_SEED=N makes a pass repeatable: libFuzzer's random seed is N and it starts from the kept
# inputs alone, so the same inputs are tried in the same order on any machine. With Fuzz/ci-runs
# naming a target, it stops after that many inputs (SECONDS is then only a cap): CI runs such a
# pass, and the counts in that file come from a green pass with the same seed on the same code.
# After changing code the fuzzers reach, run `FUZZ_SEED=24 bash Scripts/fuzz.sh 60` and write 90 %
# of each target's count into Fuzz/ci-runs.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
[ $# -gt 0 ] && shift
scratch=.build-fuzz
flags=(--scratch-path "$scratch" --product schakel-fuzz -Xswiftc -DSCHAKEL_LIBFUZZER -Xswiftc -sanitize=fuzzer,address)

# ld.gold warns about every ASan symbol it cannot export; those warnings are harmless.
swift build "${flags[@]}" 2>&1 | grep -v "Cannot export local symbol" || true
binary="$(swift build "${flags[@]}" --show-bin-path)/schakel-fuzz"
[ -x "$binary" ] || { echo "fuzz.sh: de fuzzer is niet gebouwd" >&2; exit 1; }

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for folder in Fuzz/corpus/*/; do targets+=("$(basename "$folder")"); done
fi

broken=()
for target in "${targets[@]}"; do
  learned="$scratch/corpus/$target"
  crashes="$scratch/crashes/$target"
  seeded=()
  if [ -n "${FUZZ_SEED:-}" ]; then
    learned="$scratch/seeded/$target"
    rm -rf "$learned"
    seeded=(-seed="$FUZZ_SEED")
    runs=$(awk -v t="$target" '$1 == t { print $2 }' Fuzz/ci-runs 2>/dev/null || true)
    [ -n "$runs" ] && seeded+=(-runs="$runs")
  fi
  mkdir -p "$learned" "$crashes"
  inputs=("$learned" "Fuzz/corpus/$target")
  [ -d "Fuzz/regressions/$target" ] && inputs+=("Fuzz/regressions/$target")
  log="$scratch/$target.log"
  # Swift's own crash reporter would wait on a process libFuzzer already handles; leaks of
  # Swift's runtime metadata are not the inputs' doing.
  if SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 SCHAKEL_FUZZ_TARGET="$target" \
       "$binary" "${inputs[@]}" "${seeded[@]}" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 \
       -artifact_prefix="$crashes/" -print_final_stats=1 >"$log" 2>&1; then
    echo "$target: $(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$') invoeren, niets gebroken"
  else
    broken+=("$target")
    echo "$target: GEBROKEN — zie $log en $crashes/"
    grep -E "Fatal error|ERROR: AddressSanitizer|SUMMARY" "$log" | head -5 || true
  fi
done

if [ ${#broken[@]} -gt 0 ]; then
  echo "fuzz.sh: gebroken: ${broken[*]}" >&2
  exit 1
fi
