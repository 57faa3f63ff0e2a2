#!/usr/bin/env bash
# The public site of the publishing module against this machine's HTTP limit, in one run:
# nginx serving the article page's own bytes as a static file, then Tianshan serving the seed
# article's public page (/site/{org}/articles/{id}: cached in memory on the write generation)
# and the organization's Atom feed, with GET /api/v1/health as the HTTP stack's own floor (the
# cheapest answer Tianshan gives), each with wrk (2 threads, CONNECTIONS connections, WARMUP
# then DURATION seconds). Prints requests/s, p50 and p99 and the ratio to nginx, and writes
# bench/results/<date>-publishing.md.
#   bench/publishing.sh            (DURATION=10 WARMUP=3 CONNECTIONS=64 TIANSHAN_BIN=build/tianshan)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-3}
CONNECTIONS=${CONNECTIONS:-64}
BIN=${TIANSHAN_BIN:-build/tianshan}
export BENCH_LUA=$PWD/bench/lua
[[ -x "$BIN" ]] || { echo "bench: $BIN not found (make build, or set TIANSHAN_BIN)" >&2; exit 1; }
work=$(mktemp -d "${BENCH_TMPDIR:-/tmp}/tianshan-bench-pub.XXXXXX")
for part in common wrk nginx; do source "bench/lib/$part.sh"; done
trap cleanup EXIT
: > "$work/facts"
: > "$work/scenarios.tsv"

DB_FILE=$work/tianshan.db
"$BIN" --db "sqlite:$DB_FILE" --quiet demo >/dev/null
TS_PORT=$(free_port)
# One load generator on loopback is one client address: the abuse limits (README) are off here.
TIANSHAN_RATE_LIMIT_IP=0 TIANSHAN_RATE_LIMIT_ACCOUNT=0 TIANSHAN_MAX_CONNECTIONS_PER_IP=0 \
  "$BIN" --db "sqlite:$DB_FILE" --quiet serve --port "$TS_PORT" --threads 2 &
TS_PID=$!
pids+=($TS_PID)
wait_http "http://127.0.0.1:$TS_PORT/api/v1/health"
org=$(sqlite3 "$DB_FILE" "SELECT organization_id FROM publishing_articles ORDER BY id LIMIT 1")
article=$(sqlite3 "$DB_FILE" "SELECT id FROM publishing_articles ORDER BY id LIMIT 1")
page_url="http://127.0.0.1:$TS_PORT/site/$org/articles/$article"
feed_url="http://127.0.0.1:$TS_PORT/site/$org/feed.atom"

start_nginx
curl -sf "$page_url" > "$work/nginx/html/article.html"
chmod 644 "$work/nginx/html/article.html"
bytes=$(wc -c < "$work/nginx/html/article.html")
say "article page: $bytes bytes; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

scenario nginx "nginx static (same bytes)" report.lua "http://127.0.0.1:$NGINX_PORT/article.html"
scenario health "GET /api/v1/health (the stack's floor)" report.lua "http://127.0.0.1:$TS_PORT/api/v1/health"
scenario page "public article page" report.lua "$page_url"
scenario feed "organization Atom feed" report.lua "$feed_url"

rps() { awk -F'\t' -v id="$1" '$1 == id {print $3}' "$work/scenarios.tsv"; }
p50() { awk -F'\t' -v id="$1" '$1 == id {print $4}' "$work/scenarios.tsv"; }
p99() { awk -F'\t' -v id="$1" '$1 == id {print $5}' "$work/scenarios.tsv"; }
ratio() { awk -v a="$(rps "$1")" -v b="$(rps nginx)" 'BEGIN{ if (b > 0) printf "%.2f", a / b; else print "-" }'; }
say "ratio to nginx: article page $(ratio page)×, feed $(ratio feed)×, /api/v1/health $(ratio health)×"

mkdir -p bench/results
out=$(unused_result "bench/results/$(date -u +%Y-%m-%d)-publishing").md
{
  echo "# Publishing: the public site against nginx ($(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo
  echo "Machine: $(nproc) cores ($(awk -F': ' '/^model name/{print $2; exit}' /proc/cpuinfo)), load before $(cut -d' ' -f1-3 /proc/loadavg) (shared with other work)."
  echo "wrk -t2 -c$CONNECTIONS, ${WARMUP} s warm-up, ${DURATION} s measured, loopback; Tianshan \`serve --threads 2\` on SQLite with the demo data;"
  echo "commit $(git rev-parse --short HEAD). The article page is the seed article ($bytes bytes); nginx serves the same bytes as a static file."
  echo
  echo "| scenario | requests/s | p50 ms | p99 ms | ratio to nginx |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  for id in nginx health page feed; do
    label=$(awk -F'\t' -v id="$id" '$1 == id {print $2}' "$work/scenarios.tsv")
    echo "| $label | $(rps "$id") | $(p50 "$id") | $(p99 "$id") | $(ratio "$id") |"
  done
} > "$out"
cat "$out"
