#!/usr/bin/env bash
# Installs every Debian and npm package Tianshan needs to build, run and test.
# Idempotent: does nothing (no apt, no network) when everything is already present.
set -euo pipefail
cd "$(dirname "$0")/.."

DEBIAN_PACKAGES=(
  build-essential cmake pkg-config git ca-certificates ccache python3
  librestinio-dev libasio-dev libfmt-dev rapidjson-dev nlohmann-json3-dev
  libsqlite3-dev sqlite3 libpq-dev postgresql-15 postgresql-client-15
  libsodium-dev libspdlog-dev libcli11-dev libgtest-dev libgmock-dev libvalijson-dev
  libcurl4-openssl-dev libxlsxwriter-dev libzip-dev libexpat1-dev libqrencode-dev libpango1.0-dev libcairo2-dev
  libgumbo-dev libkainjow-mustache-dev clang-14 libfuzzer-14-dev
  # The kept list of common passwords a new password may not be (auth/common_passwords.h).
  john-data
  nodejs npm chromium fonts-noto-cjk
  # make test-cluster: nginx in front of two instances, a self-signed certificate, probes.
  nginx openssl curl
)

# Benchmarks only (make bench): the reference web server, the load generator, and what
# bench/run.sh drives them with (python3 for data, sessions and the report; curl).
if [[ "${1:-}" == "--bench" ]]; then
  DEBIAN_PACKAGES+=(wrk)
fi

# The Debian package's test only (make test-deb): lintian checks the .deb; strace lists the
# system calls of the unpacked server for the unit's filter; systemd-analyze (package systemd, absent
# from minimal images) verifies the units and names the filter's system calls.
if [[ "${1:-}" == "--deb" ]]; then
  DEBIAN_PACKAGES+=(lintian strace systemd)
fi

missing=()
for pkg in "${DEBIAN_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
# Node.js may come with the machine image rather than from Debian.
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=()
  for pkg in "${missing[@]}"; do
    [[ "$pkg" == nodejs || "$pkg" == npm ]] || filtered+=("$pkg")
  done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi

if ((${#missing[@]})); then
  echo "install-deps: installing Debian packages: ${missing[*]}"
  SUDO=""
  [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm packages of the web app and of the browser tests, from their committed lock files.
for dir in web e2e; do
  [[ -f "$dir/package-lock.json" ]] || continue
  stamp="$dir/node_modules/.install-stamp"
  if [[ ! -f "$stamp" || "$dir/package-lock.json" -nt "$stamp" ]]; then
    echo "install-deps: installing npm packages in $dir (npm ci)"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    touch "$stamp"
  fi
done
