#!/usr/bin/env bash
# Runs every fuzz target (or the ones named) for SECONDS each on one core, starting from its
# seed corpus (fuzz/corpus/<target>/, read only) and a working corpus in
# build-fuzz/corpus/<target>/. Prints each target's executions and exits non-zero when any
# target found a crash or a broken contract (the input is kept as build-fuzz/<target>-crash-*).
#   fuzz/run.sh 12             # make test: 10 targets × 12 s
#   fuzz/run.sh 300            # make fuzz (FUZZ_SECONDS)
#   fuzz/run.sh 60 router csv  # some targets
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-12}
shift || true
out=${FUZZ_BUILD:-build-fuzz}
mkdir -p "$out"
fuzz/build.sh "$@" >"$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }
targets=("$@")
if ((${#targets[@]} == 0)); then
  for f in fuzz/*_fuzz.cc; do t=$(basename "$f" .cc); targets+=("${t%_fuzz}"); done
fi
failed=()
total=0
for t in "${targets[@]}"; do
  mkdir -p "$out/corpus/$t"
  log="$out/$t.log"
  "$out/${t}_fuzz" -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$out/$t-" "$out/corpus/$t" "fuzz/corpus/$t" >"$log" 2>&1
  status=$?
  execs=$(grep -oP 'stat::number_of_executed_units:\s*\K[0-9]+' "$log" | tail -n 1)
  rate=$(grep -oP 'stat::average_exec_per_sec:\s*\K[0-9]+' "$log" | tail -n 1)
  total=$((total + ${execs:-0}))
  printf '%-16s %12s executions in %s s (%s/s)%s\n' "$t" "${execs:-?}" "$seconds" "${rate:-?}" \
    "$([ "$status" -ne 0 ] && echo "  FAILED, see $log")"
  if [ "$status" -ne 0 ]; then
    grep -E "contract broken|ERROR: |SUMMARY|runtime error|Test unit written" "$log" | head -n 10
    failed+=("$t")
  fi
done
echo "fuzz: ${#targets[@]} targets, $total executions, ${#failed[@]} failed${failed:+: ${failed[*]}}"
((${#failed[@]} == 0))
