#!/usr/bin/env bash
# Builds the fuzz target alone with clang-14 and libFuzzer (Debian: clang-14, libfuzzer-14-dev),
# apart from the main g++ build: build-fuzz/sanitizer_fuzz. FUZZ_SANITIZE=fuzzer builds without
# AddressSanitizer (about three times the executions per second, for long runs).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${FUZZ_BUILD:-build-fuzz}
mkdir -p "$out"
src=server/src/modules/publishing
clang++-14 -std=c++20 -O2 -g -fsanitize=${FUZZ_SANITIZE:-fuzzer,address} \
  -I server/src fuzz/sanitizer_fuzz.cc "$src/html_sanitizer.cc" "$src/link_policy.cc" "$src/inert_check.cc" \
  $(pkg-config --cflags --libs gumbo) -o "$out/sanitizer_fuzz"
echo "$out/sanitizer_fuzz"
