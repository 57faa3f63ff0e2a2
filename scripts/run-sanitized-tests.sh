#!/usr/bin/env bash
# Builds the C++ tests with a sanitizer, in a build folder of its own, and runs them on SQLite
# and a private PostgreSQL (scripts/with-postgres.sh), as `make test-server` does.
#   scripts/run-sanitized-tests.sh asan   # make test-asan: AddressSanitizer + UBSan, every test
#   scripts/run-sanitized-tests.sh tsan   # make test-tsan: ThreadSanitizer, the concurrency tests
# Cheaper than the plain build: -O1 without debug information, only the server and the test
# binary (no benchmarks or fuzz targets). A finding fails the test that made it: UBSan does
# not recover, ASan and TSan stop at the first report (suppressions in scripts/sanitizers/ are
# for third-party code only, each with its reason).
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:?asan or tsan}
JOBS=${JOBS:-2}
here=$PWD/scripts/sanitizers
case "$kind" in
  asan)
    build=${BUILD:-build-asan}
    sanitize=address,undefined
    # Every test, as in `make test-server`.
    select=()
    files=(-DTIANSHAN_TEST_FILES=)
    export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:detect_stack_use_after_return=0:strict_string_checks=1:check_initialization_order=1"
    export LSAN_OPTIONS="suppressions=$here/lsan.supp:print_suppressions=0"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
    # UBSan's null and alignment checks double the compile time of an ASan+UBSan batch
    # (services: 24.8 s of CPU with them, 12.9 s without; docs/sanitizer-findings.md). A null
    # dereference still stops the test under ASan (SEGV with its stack); a misaligned access is
    # not a fault on x86-64 and our code casts pointers only to byte types. The fuzz targets
    # (fuzz/build.sh) keep every UBSan check on the parsers.
    exclude=null,alignment
    ;;
  tsan)
    build=${BUILD:-build-tsan}
    sanitize=thread
    exclude=""
    # The concurrency tests: every test that runs threads at once (grep the tests for
    # std::thread, WorkerPool, GroupCommit, EventStreamReader ...): the race tests (names with
    # Race, Racing or Concurrent: storage, counters, statement cache and the modules' API races),
    # the session cache, the password hashing pool, the job runner, SQLite group commit, the
    # worker pool and its back-pressure 503, the rate limiter (token buckets racing, 429s,
    # connection limits, slowloris), event streams (server-sent events under load) and
    # LISTEN/NOTIFY between instances (instance events, two instances on one database), and the
    # kill, fault, crash and backup-during-writes tests (client threads against a child server
    # built with TSan too: a report ends the child with status 66, and the tests expect exit 0).
    select=(-R "${TSAN_TESTS:-Race|Racing|Concurrent|SessionCache|PasswordHasher|JobRunner|GroupCommit|WorkerPool|BackPressure|TokenBuckets|AbuseLimits|InstancesApi|InstanceEvents|ServerSentEvents|StreamsOpening|CrashTest|KillTest|FaultTest|DiskFull|BackupDuringWrites}")
    # Only their files are built into the test binary.
    files=(-DTIANSHAN_TEST_FILES="(_race|counters_random|job_runner|password_hasher|session_cache|storage/database|group_commit|statement_cache|worker_pool|abuse_limits|instances_api|notifications_api|attendance_api|publishing_api|units_api|postings_api|trust_api|rooms_api|check_in_api|api/crash|fault|backup_restore)_test\\.cc$")
    export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$here/tsan.supp"
    ;;
  *) echo "usage: $0 asan|tsan" >&2; exit 2 ;;
esac

start=$(date +%s)
# Warnings are the plain build's job (-Werror there): under the sanitizers GCC's flow analysis
# warns falsely (format-truncation in fault_test.cc once the null checks were left out).
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS_RELEASE=-O1 -g1" -DTIANSHAN_WERROR=OFF \
  -DTIANSHAN_UNITY=ON -DTIANSHAN_SANITIZE="$sanitize" -DTIANSHAN_SANITIZE_EXCLUDE="$exclude" "${files[@]}" >/dev/null
cmake --build "$build" -j"$JOBS" --target tianshan tianshan_tests
built=$(date +%s)
echo "$kind: built in $((built - start)) s"
status=0
TIANSHAN_REQUIRE_POSTGRES=1 scripts/with-postgres.sh ctest --test-dir "$build" -j"$JOBS" --output-on-failure \
  --timeout 1800 "${select[@]}" || status=$?
echo "$kind: tests ran in $(( $(date +%s) - built )) s (build and tests $(( $(date +%s) - start )) s)"
exit "$status"
