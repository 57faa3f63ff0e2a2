#!/usr/bin/env bash
# Runs every test suite and reports each one's result; exits non-zero when any failed.
#   1. C++ unit and API tests (CTest + GoogleTest) on SQLite and a private PostgreSQL 15
#   2. web unit tests (Vitest)
#   3. browser tests (playwright-core driving Debian's Chromium) against the real server
#   4. every fuzz target (fuzz/*_fuzz.cc) for a bounded time each (FUZZ_SECONDS, default 12)
set -uo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
failed=()

echo "=== C++ tests (SQLite and PostgreSQL) ==="
if ! TIANSHAN_REQUIRE_POSTGRES=1 TIANSHAN_OPENAPI_COVERAGE_COMPLETE=1 scripts/with-postgres.sh ctest --test-dir "$BUILD" -j2 --output-on-failure --timeout 600; then
  failed+=("server")
fi
# Which operations of the OpenAPI document the API tests reached (the whole list is in the file).
[[ -f "$BUILD/openapi-coverage.txt" ]] && head -n 1 "$BUILD/openapi-coverage.txt"

echo "=== web unit tests ==="
if ! (cd web && npm test --silent); then failed+=("web"); fi

echo "=== browser tests ==="
if ! (cd e2e && TIANSHAN_BIN="$PWD/../$BUILD/tianshan" npm test --silent); then failed+=("e2e"); fi

echo "=== fuzzing every parser of untrusted input (${FUZZ_SECONDS:-12} s each) ==="
if ! fuzz/run.sh "${FUZZ_SECONDS:-12}"; then failed+=("fuzz"); fi

if ((${#failed[@]})); then
  echo "FAILED suites: ${failed[*]}"
  echo "suites: $((4 - ${#failed[@]})) passed, ${#failed[@]} failed"
  exit 1
fi
echo "all test suites passed"
echo "suites: 4 passed, 0 failed"
