#!/usr/bin/env bash
# Runs the sanitizer fuzz target for SECONDS (default 20) on one core, starting from the seed
# corpus (fuzz/corpus/, read only) and a working corpus in build-fuzz/corpus. Prints libFuzzer's
# final statistics (executions, time); exits non-zero on a crash or a violation.
#   fuzz/run.sh 20       # make test
#   fuzz/run.sh 1200     # make fuzz
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
out=${FUZZ_BUILD:-build-fuzz}
bin=$(fuzz/build.sh | tail -n 1) || exit 1
mkdir -p "$out/corpus"
"$bin" -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$out/" "$out/corpus" fuzz/corpus >"$out/fuzz.log" 2>&1
status=$?
grep -E "stat::number_of_executed_units|stat::average_exec_per_sec|ERROR|sanitizer_fuzz:|Done" "$out/fuzz.log"
if [ "$status" -ne 0 ]; then tail -n 40 "$out/fuzz.log"; fi
exit "$status"
