#!/usr/bin/env bash
# make test-deb: checks build/tianshan_*.deb without installing it on this machine.
#  1. metadata: Depends from dpkg-shlibdeps, conffiles, every file where it belongs, root-owned;
#  2. lintian (installed by scripts/install-deps.sh --deb), failing on errors;
#  3. the units pass systemd-analyze verify against the unpacked tree;
#  4. the maintainer scripts run against a scratch root (DPKG_ROOT) with adduser, runuser and
#     the systemd helpers replaced by recorders: user, folders, a migrated database, demo data
#     only when asked, units enabled;
#  5. the unpacked binary serves its own web app (found beside it in ../share/tianshan/web) and
#     the API from a folder holding nothing else, the demo accounts log in, and (under strace)
#     it makes no system call the unit's filter refuses and maps no writable code.
# shellcheck disable=SC2016 # the recorders below write their own $* and $@
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=${1:-build}
DEB=$(find "$BUILD" -maxdepth 1 -name "tianshan_*.deb" | head -n 1)
[[ -n "$DEB" ]] || { echo "test-deb: no package in $BUILD (make deb)" >&2; exit 1; }
WORK=$(mktemp -d)
SERVER_PID=""
cleanup() {
  [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
failures=0
check() {  # check DESCRIPTION COMMAND...
  local what=$1
  shift
  if "$@" >"$WORK/check.out" 2>&1; then
    echo "ok    $what"
  else
    echo "FAIL  $what"
    sed 's/^/      /' "$WORK/check.out" | head -n 20
    failures=$((failures + 1))
  fi
}

echo "test-deb: $DEB ($(du -h "$DEB" | cut -f1))"

# 1. Metadata and contents.
dpkg-deb --field "$DEB" > "$WORK/control"
dpkg-deb --contents "$DEB" > "$WORK/contents"
depends=$(dpkg-deb --field "$DEB" Depends)
sed 's/, /\n/g; s/ ([^)]*)//g' <<<"$depends" > "$WORK/depends"
for pkg in libc6 libstdc++6 libsodium23 libsqlite3-0 libpq5 libcurl4 libexpat1 libzip4 adduser init-system-helpers john-data; do
  check "Depends names $pkg" grep -qxF "$pkg" "$WORK/depends"
done
check "Depends carries versions from the symbols files" grep -qE "libc6 \(>= [0-9.]+\)" <<<"$depends"
for path in ./usr/bin/tianshan ./usr/sbin/tianshan-admin ./usr/share/tianshan/web/index.html \
  ./lib/systemd/system/tianshan.service ./lib/systemd/system/tianshan-backup.service \
  ./lib/systemd/system/tianshan-backup.timer ./etc/tianshan/tianshan.conf \
  ./usr/share/doc/tianshan/examples/nginx-tianshan.conf ./usr/share/doc/tianshan/copyright \
  ./usr/share/doc/tianshan/security.md; do
  check "contains $path" grep -qE " $path$" "$WORK/contents"
done
check "the binary is executable" grep -qE "^-rwxr-xr-x root/root .* ./usr/bin/tianshan$" "$WORK/contents"
check "the settings are not world-readable" grep -qE "^-rw-r----- root/root .* ./etc/tianshan/tianshan.conf$" "$WORK/contents"
check "every file belongs to root" bash -c "! grep -v ' root/root ' '$WORK/contents'"
check "no build tree paths or source maps" bash -c "! grep -E '\\.map$|/build/|node_modules' '$WORK/contents'"
mkdir -p "$WORK/root"
dpkg-deb -x "$DEB" "$WORK/root"
dpkg-deb -e "$DEB" "$WORK/root/DEBIAN"
# The software bill of materials lists every Depends package at its installed version, the
# header libraries compiled in, and the web app's npm packages at their locked versions.
check "the SBOM names every dependency at the version installed, the compiled-in headers and the npm packages" \
  python3 - "$WORK/root/usr/share/doc/tianshan/sbom.cdx.json" "$WORK/depends" web/package-lock.json <<'PY'
import json, subprocess, sys
bom = json.load(open(sys.argv[1]))
assert bom["bomFormat"] == "CycloneDX" and bom["specVersion"] == "1.5", "not CycloneDX 1.5"
found = {c["name"]: c for c in bom["components"]}
for c in bom["components"]:  # a virtual package in Depends is listed as the package providing it
    for prop in c.get("properties", []):
        if prop["name"] == "tianshan:provides":
            found[prop["value"]] = c
for clause in open(sys.argv[2]).read().splitlines():  # "a" or "a | b": one of them, as installed
    listed = [p for p in clause.replace("|", " ").split() if p in found]
    assert listed, f"{clause}: not in the SBOM"
    for pkg in listed:
        real = found[pkg]["name"]
        want = subprocess.run(["dpkg-query", "-W", "-f=${Version}", real], capture_output=True, text=True).stdout
        assert found[pkg]["version"] == want, f"{real}: {found[pkg]['version']} vs installed {want}"
for pkg in ("librestinio-dev", "rapidjson-dev", "libcli11-dev"):
    assert pkg in found, f"{pkg} (compiled in) missing"
lock = json.load(open(sys.argv[3]))["packages"]
for name in ("vue", "element-plus", "echarts", "@zxcvbn-ts/core"):
    entry = lock["node_modules/" + name]
    assert found[name]["version"] == entry["version"], f"{name}: {found[name]['version']} vs {entry['version']}"
    assert found[name]["licenses"] and found[name]["hashes"][0]["alg"] == "SHA-512", name
assert not any(c["name"] == "vitest" for c in bom["components"]), "devDependencies are not shipped"
print(len(bom["components"]), "components")
PY
check "the settings file is a conffile" grep -qx /etc/tianshan/tianshan.conf "$WORK/root/DEBIAN/conffiles"
check "the binary finds every shared library" bash -c "! ldd '$WORK/root/usr/bin/tianshan' | grep 'not found'"
check "the binary carries no debug sections" bash -c "! readelf -S '$WORK/root/usr/bin/tianshan' | grep -q '.debug_info'"
check "the binary is position-independent with RELRO" bash -c \
  "readelf -h '$WORK/root/usr/bin/tianshan' | grep -q 'DYN' && readelf -l '$WORK/root/usr/bin/tianshan' | grep -q GNU_RELRO"
# The hardening flags of CMakeLists.txt (what Debian's hardening-check looks for): full RELRO
# (BIND_NOW), the stack protector and fortified libc calls; checked when the build has them on.
if grep -q '^TIANSHAN_HARDENING:BOOL=ON' "$BUILD/CMakeCache.txt" 2>/dev/null; then
  check "the binary binds now (full RELRO)" bash -c "readelf -d '$WORK/root/usr/bin/tianshan' | grep -Eq 'BIND_NOW|FLAGS_1.*NOW'"
  check "the binary has the stack protector and fortified calls" bash -c \
    "readelf --dyn-syms -W '$WORK/root/usr/bin/tianshan' | grep -q '__stack_chk_fail' &&
     readelf --dyn-syms -W '$WORK/root/usr/bin/tianshan' | grep -Eq '__[a-z]+_chk'"
fi
if command -v shellcheck >/dev/null; then
  check "maintainer scripts and tianshan-admin pass shellcheck" shellcheck -s sh "$WORK/root/DEBIAN/postinst" \
    "$WORK/root/DEBIAN/prerm" "$WORK/root/DEBIAN/postrm" "$WORK/root/usr/sbin/tianshan-admin"
else
  check "maintainer scripts parse" sh -n "$WORK/root/DEBIAN/postinst" "$WORK/root/DEBIAN/prerm" "$WORK/root/DEBIAN/postrm"
fi

# 2. lintian.
if command -v lintian >/dev/null; then
  # Warnings are shown, errors fail.
  check "lintian finds no errors" lintian --fail-on error "$DEB" && grep -v 'root privileges' "$WORK/check.out" |
    sed 's/^/      /' | head -n 20
else
  echo "skip  lintian (scripts/install-deps.sh --deb installs it)"
fi

# 3. The units.
#    Copies pointing at the unpacked binary and settings (verify wants the commands to exist),
#    checked against this machine's systemd; and the service's exposure score.
if command -v systemd-analyze >/dev/null; then
  mkdir -p "$WORK/units"
  for unit in tianshan.service tianshan-backup.service tianshan-backup.timer; do
    sed "s|/usr/bin/tianshan|$WORK/root/usr/bin/tianshan|g; s|/etc/tianshan/|$WORK/root/etc/tianshan/|g" \
      "$WORK/root/lib/systemd/system/$unit" > "$WORK/units/$unit"
  done
  check "systemd-analyze verify accepts the units" systemd-analyze verify "$WORK/units/tianshan.service" \
    "$WORK/units/tianshan-backup.service" "$WORK/units/tianshan-backup.timer"
  exposure=$(systemd-analyze security --offline=true "$WORK/units/tianshan.service" 2>/dev/null |
    sed -n 's/.*Overall exposure level for tianshan.service: \([0-9.]*\).*/\1/p')
  check "the service's exposure level is at most 2.0 (systemd-analyze security: ${exposure:-?})" \
    python3 -c "import sys; sys.exit(0 if float('${exposure:-10}') <= 2.0 else 1)"
fi

#    The nginx example, with a throwaway certificate, passes `nginx -t`.
if command -v nginx >/dev/null && command -v openssl >/dev/null; then
  mkdir -p "$WORK/nginx"
  openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=tianshan.example.org \
    -keyout "$WORK/nginx/key.pem" -out "$WORK/nginx/cert.pem" 2>/dev/null
  sed "s|/etc/ssl/tianshan/fullchain.pem|$WORK/nginx/cert.pem|; s|/etc/ssl/tianshan/privkey.pem|$WORK/nginx/key.pem|;
    s|/var/log/nginx/|$WORK/nginx/|" "$WORK/root/usr/share/doc/tianshan/examples/nginx-tianshan.conf" \
    > "$WORK/nginx/site.conf"
  printf 'pid %s/pid;\nerror_log %s/error.log;\nevents {}\nhttp {\n  include %s/site.conf;\n}\n' \
    "$WORK/nginx" "$WORK/nginx" "$WORK/nginx" > "$WORK/nginx/nginx.conf"
  check "the nginx example passes nginx -t" nginx -t -q -c "$WORK/nginx/nginx.conf"
fi

# 4. The maintainer scripts against the scratch root, with recorders for what needs a real
#    system (the user database, systemd).
STUBS="$WORK/stubs"
mkdir -p "$STUBS"
LOG="$WORK/calls.log"
for cmd in adduser chown chmod deb-systemd-invoke systemctl; do
  printf '#!/bin/sh\necho "%s $*" >> "%s"\n' "$cmd" "$LOG" > "$STUBS/$cmd"
done
printf '#!/bin/sh\necho "deb-systemd-helper $*" >> "%s"\nexit 0\n' "$LOG" > "$STUBS/deb-systemd-helper"
# No tianshan user yet: getent answers "not found".
printf '#!/bin/sh\necho "getent $*" >> "%s"\nexit 2\n' "$LOG" > "$STUBS/getent"
# install -d -o tianshan ...: record, then create the folders without the owner.
printf '#!/bin/sh\necho "install $*" >> "%s"\nfor a; do case "$a" in /*) mkdir -p "$a";; esac; done\n' "$LOG" \
  > "$STUBS/install"
# runuser -u tianshan -- CMD...: record, then run CMD as this user.
printf '#!/bin/sh\necho "runuser $*" >> "%s"\nwhile [ "$1" != -- ]; do shift; done\nshift\nexec "$@"\n' "$LOG" \
  > "$STUBS/runuser"
chmod +x "$STUBS"/*
DB="$WORK/root/var/lib/tianshan/tianshan.db"
sed -i "s|^TIANSHAN_DB=.*|TIANSHAN_DB=sqlite:$DB\nTIANSHAN_PASSWORD_COST=fast|" "$WORK/root/etc/tianshan/tianshan.conf"
run_postinst() {
  env PATH="$STUBS:$PATH" DPKG_ROOT="$WORK/root" TIANSHAN_CONF="$WORK/root/etc/tianshan/tianshan.conf" \
    TIANSHAN_BIN="$WORK/root/usr/bin/tianshan" "$@" sh "$WORK/root/DEBIAN/postinst" configure "${POSTINST_OLD:-}"
}
organizations() { sqlite3 "$DB" "SELECT count(*) FROM organizations_organizations"; }
check "postinst of a first install succeeds" run_postinst
check "it creates the tianshan system user" grep -qE "^adduser --system --group .* tianshan$" "$LOG"
check "it creates the state and backup folders for the user, mode 0750" \
  grep -qE "^install -d -o tianshan -g tianshan -m 0750 .*/var/lib/tianshan .*/var/backups/tianshan$" "$LOG"
check "it runs the database commands as the tianshan user" grep -qE "^runuser -u tianshan -- .*/usr/bin/tianshan migrate$" "$LOG"
check "it creates and migrates the database" test -s "$DB"
check "without asking, no demo data" test "$(organizations)" = 0
check "it enables the service and the backup timer" bash -c \
  "grep -q '^deb-systemd-helper enable tianshan.service$' '$LOG' && grep -q '^deb-systemd-helper enable tianshan-backup.timer$' '$LOG'"
check "without a running systemd it starts nothing" bash -c "! grep -q '^deb-systemd-invoke' '$LOG'"
rm -f "$DB"
: > "$LOG"
check "TIANSHAN_INSTALL_DEMO=1 on a first install loads the demo network" run_postinst TIANSHAN_INSTALL_DEMO=1
check "the demo network is there" test "$(organizations)" -gt 0
before=$(organizations)
POSTINST_OLD=0.0.9 check "an upgrade, asked for demo data, migrates again" run_postinst TIANSHAN_INSTALL_DEMO=1
check "the upgrade loaded nothing more" test "$(organizations)" = "$before"
check "a reinstall over a kept database, asked for demo data, still succeeds" run_postinst TIANSHAN_INSTALL_DEMO=1
check "and loads nothing into it" test "$(organizations)" = "$before"
check "prerm and postrm run without systemd" bash -c \
  "PATH='$STUBS:$PATH' DPKG_ROOT='$WORK/root' sh '$WORK/root/DEBIAN/prerm' remove && PATH='$STUBS:$PATH' DPKG_ROOT='$WORK/root' sh '$WORK/root/DEBIAN/postrm' purge"
check "purge keeps the database" test -s "$DB"

# 5. The unpacked binary serves its web app from beside it, from an empty working folder,
#    under strace when there is one: every system call it makes must pass the unit's filter.
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$WORK/cwd"
TRACE=()
command -v strace >/dev/null && TRACE=(strace -f -qq -o "$WORK/strace.log")
(cd "$WORK/cwd" && exec env -i PATH=/usr/bin:/bin "${TRACE[@]}" "$WORK/root/usr/bin/tianshan" --db "sqlite:$DB" \
  serve --listen 127.0.0.1 --port "$PORT" >"$WORK/serve.log" 2>&1) &
SERVER_PID=$!
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$PORT/api/v1/health" >/dev/null 2>&1 && break
  sleep 0.1
done
check "the installed binary answers /api/v1/health" curl -fsS "http://127.0.0.1:$PORT/api/v1/health"
check "the answers name no server software or version" bash -c \
  "! curl -fsS -D - -o /dev/null 'http://127.0.0.1:$PORT/' | grep -qi '^server:'"
check "API answers are not cached (Cache-Control: no-store)" bash -c \
  "curl -fsS -D - -o /dev/null 'http://127.0.0.1:$PORT/api/v1/health' | grep -qi '^cache-control: no-store'"
check "it found the web app in ../share/tianshan/web" grep -q "web app $WORK/root/usr/share/tianshan/web" "$WORK/serve.log"
check "it serves the web app's index.html" bash -c \
  "curl -fsS 'http://127.0.0.1:$PORT/' | cmp -s - '$WORK/root/usr/share/tianshan/web/index.html'"
check "a demo account logs in" bash -c "curl -fsS -o /dev/null -H 'Content-Type: application/json' \
  -d '{\"login\":\"region-admin\",\"password\":\"tianshan-demo\"}' 'http://127.0.0.1:$PORT/api/v1/session'"
check "it warns that demo accounts exist" grep -q "DEMO OR BENCHMARK ACCOUNTS" "$WORK/serve.log"
# Stop it as systemd would (SIGTERM to the server, which is strace's child when traced).
server=$(pgrep -P "$SERVER_PID" || echo "$SERVER_PID")
kill "$server"
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=""
check "it stops cleanly on SIGTERM" grep -q "stopping (signal 15)" "$WORK/serve.log"
if ((${#TRACE[@]})); then
  # The calls it made (start, requests, an Argon2id login, jobs, stop) against
  # SystemCallFilter=@system-service ~@privileged. SQLite calls fchown only when run as root
  # (to give its journal the database's owner); the service runs as tianshan.
  awk '{ l = $0; sub(/^[0-9]+ +/, "", l); if (match(l, /^[a-z_0-9]+\(/)) print substr(l, 1, RLENGTH - 1) }' \
    "$WORK/strace.log" | sort -u > "$WORK/syscalls"
  python3 - "$WORK/syscalls" > "$WORK/denied" <<'PY'
import subprocess, sys
out = subprocess.run(["systemd-analyze", "syscall-filter"], capture_output=True, text=True, check=True).stdout
groups, cur = {}, None
for line in out.splitlines():
    if line.startswith("@"):
        cur = line.split()[0]
        groups[cur] = []
    elif cur and line.strip() and not line.strip().startswith("#"):
        groups[cur].append(line.strip())
def expand(name, seen):
    if name in seen:
        return set()
    seen.add(name)
    calls = set()
    for m in groups.get(name, []):
        calls |= expand(m, seen) if m.startswith("@") else {m}
    return calls
allowed = expand("@system-service", set()) - expand("@privileged", set())
used = set(open(sys.argv[1]).read().split()) - {"execve", "fchown"}
print("\n".join(sorted(used - allowed)))
PY
  check "its $(wc -l < "$WORK/syscalls") system calls pass the unit's SystemCallFilter" bash -c "! grep -q . '$WORK/denied'" ||
    sed 's/^/      denied: /' "$WORK/denied"
  check "it never maps memory writable and executable (MemoryDenyWriteExecute)" bash -c \
    "! grep -E '(mmap|mprotect)\\(.*(PROT_WRITE\\|PROT_EXEC|PROT_EXEC\\|PROT_WRITE)' '$WORK/strace.log'"
fi

if ((failures)); then
  echo "test-deb: $failures check(s) failed"
  exit 1
fi
echo "test-deb: every check passed"
