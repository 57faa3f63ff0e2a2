#!/usr/bin/env bash
# Builds the fuzz targets (fuzz/*_fuzz.cc) with clang-14 and libFuzzer (Debian: clang-14,
# libfuzzer-14-dev), apart from the main g++ build, into build-fuzz/<name>_fuzz. The parsers
# they drive are compiled once into build-fuzz/obj/ (through ccache when it is installed) with
# AddressSanitizer and UndefinedBehaviorSanitizer (a finding aborts). FUZZ_SANITIZE=fuzzer
# builds without the sanitizers (about three times the executions per second, for long runs).
#   fuzz/build.sh            # every target; prints their paths
#   fuzz/build.sh router     # one target
set -euo pipefail
cd "$(dirname "$0")/.."
out=${FUZZ_BUILD:-build-fuzz}
sanitize=${FUZZ_SANITIZE:-fuzzer,address,undefined}
mkdir -p "$out/obj" "$out/gen"
cxx=(clang++-14)
command -v ccache >/dev/null && cxx=(ccache clang++-14)
flags=(-std=c++20 -O2 -g -fno-omit-frame-pointer -fsanitize="${sanitize/fuzzer/fuzzer-no-link}" -DSPDLOG_FMT_EXTERNAL
       -I server/src -I . -I "$out/gen")
[[ "$sanitize" == *undefined* ]] && flags+=(-fno-sanitize-recover=undefined -fsanitize-ignorelist=fuzz/ubsan-ignore.txt)
libs=$(pkg-config --cflags --libs gumbo libsodium libzip expat spdlog fmt)

# The code under test: each parser and what it needs, nothing else of the server.
src=server/src
sources=(core/json.cc core/calendar.cc core/messages.cc core/crypto.cc core/log.cc
         http/url.cc http/edge.cc http/search_header.cc http/router.cc http/route_index.cc http/pagination.cc http/http_types.cc
         core/tables/csv_reader.cc core/tables/xlsx_reader.cc core/tables/cell_values.cc
         modules/volunteering/signups/checkin_token.cc
         modules/publishing/html_sanitizer.cc modules/publishing/link_policy.cc modules/publishing/inert_check.cc)

# Every route of the OpenAPI documents, for the router target.
python3 - "$out/gen/routes.inc" <<'PY'
import glob, json, sys
rows = []
for f in sorted(glob.glob("server/src/**/openapi.json", recursive=True)):
    for path, ops in json.load(open(f)).get("paths", {}).items():
        rows += [f'{{"{m.upper()}", "{path}"}},' for m in ops if m in ("get", "post", "put", "patch", "delete")]
text = "\n".join(rows) + "\n"
try:
    same = open(sys.argv[1]).read() == text
except OSError:
    same = False
if not same:
    open(sys.argv[1], "w").write(text)
PY

objects=()
for s in "${sources[@]}"; do objects+=("$out/obj/${s//\//_}.o"); done
printf '%s\n' "${sources[@]}" | xargs -P 2 -I{} sh -c \
  'o="$0/obj/$(echo {} | tr / _).o"; '"${cxx[*]} ${flags[*]}"' -c '"$src"'/{} -o "$o"' "$out"

targets=("$@")
if ((${#targets[@]} == 0)); then
  for f in fuzz/*_fuzz.cc; do t=$(basename "$f" .cc); targets+=("${t%_fuzz}"); done
fi
printf '%s\n' "${targets[@]}" | xargs -P 2 -I{} sh -c \
  "${cxx[*]} ${flags[*]} -c fuzz/{}_fuzz.cc -o $out/obj/{}_fuzz.o && clang++-14 -fsanitize=$sanitize $out/obj/{}_fuzz.o ${objects[*]} $libs -o $out/{}_fuzz"
for t in "${targets[@]}"; do echo "$out/${t}_fuzz"; done
