#!/usr/bin/env bash
# Builds build/tianshan_<version>_amd64.deb with dpkg-deb from the built server binary and web
# app (make deb builds both first). The staging tree is build/deb/root; Depends comes from the
# binary's shared libraries through dpkg-shlibdeps.
#   packaging/deb/build.sh BUILD_DIR WEB_DIST
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=${1:-build}
WEB=${2:-web/dist}
BIN="$BUILD/tianshan"
[[ -x "$BIN" ]] || { echo "deb: no server binary at $BIN (make server-bin)" >&2; exit 1; }
[[ -f "$WEB/index.html" ]] || { echo "deb: no web app in $WEB (make web)" >&2; exit 1; }

# 0.1.0+git<commit date>.<commit>, plus .dirty when the tree has uncommitted changes.
BASE_VERSION=$(cat packaging/deb/VERSION)
COMMIT=$(git rev-parse --short=7 HEAD)
DATE=$(git show -s --format=%cd --date=format:%Y%m%d HEAD)
VERSION="${BASE_VERSION}+git${DATE}.${COMMIT}"
git diff --quiet HEAD -- 2>/dev/null || VERSION="${VERSION}.dirty"
ARCH=$(dpkg --print-architecture)

STAGE="$BUILD/deb"
ROOT="$STAGE/root"
rm -rf "$STAGE"
install -d "$ROOT/DEBIAN" "$ROOT/usr/bin" "$ROOT/usr/sbin" "$ROOT/usr/share/tianshan" \
  "$ROOT/lib/systemd/system" "$ROOT/etc/tianshan" "$ROOT/usr/share/doc/tianshan/examples"

# The binary without its debug information (RelWithDebInfo keeps it: ~10x the size).
objcopy --strip-debug --strip-unneeded "$BIN" "$ROOT/usr/bin/tianshan"
chmod 0755 "$ROOT/usr/bin/tianshan"
install -m 0755 packaging/tianshan-admin "$ROOT/usr/sbin/tianshan-admin"
cp -r "$WEB" "$ROOT/usr/share/tianshan/web"
find "$ROOT/usr/share/tianshan/web" -type d -exec chmod 0755 {} + -o -type f -exec chmod 0644 {} +
install -m 0644 packaging/tianshan.service packaging/tianshan-backup.service packaging/tianshan-backup.timer \
  "$ROOT/lib/systemd/system/"
install -m 0640 packaging/tianshan.conf "$ROOT/etc/tianshan/tianshan.conf"
install -m 0644 packaging/nginx-tianshan.conf packaging/nginx-tianshan-cluster.conf \
  "$ROOT/usr/share/doc/tianshan/examples/"
install -m 0644 README.md docs/security.md docs/privacy.md "$ROOT/usr/share/doc/tianshan/"
install -m 0644 packaging/deb/copyright "$ROOT/usr/share/doc/tianshan/copyright"
printf 'tianshan (%s) unstable; urgency=medium\n\n  * Built from commit %s.\n\n -- Tianshan maintainers <tianshan@tianshan.example.org>  %s\n' \
  "$VERSION" "$(git rev-parse HEAD)" "$(git show -s --format=%cD HEAD)" | gzip -9n \
  > "$ROOT/usr/share/doc/tianshan/changelog.gz"
install -m 0755 packaging/deb/postinst packaging/deb/prerm packaging/deb/postrm "$ROOT/DEBIAN/"
echo /etc/tianshan/tianshan.conf > "$ROOT/DEBIAN/conffiles"

# Depends: dpkg-shlibdeps reads the libraries the binary links and names their packages with
# the versions the symbols need. It wants a debian/control of a source package to run in.
SHLIB="$STAGE/shlibdeps"
install -d "$SHLIB/debian"
printf 'Source: tianshan\n\nPackage: tianshan\nArchitecture: any\n' > "$SHLIB/debian/control"
SHLIBS_DEPENDS=$(cd "$SHLIB" && dpkg-shlibdeps -O -e"$(realpath "$OLDPWD/$ROOT/usr/bin/tianshan")" 2>/dev/null |
  sed -n 's/^shlibs:Depends=//p')
[[ -n "$SHLIBS_DEPENDS" ]] || { echo "deb: dpkg-shlibdeps found no dependencies" >&2; exit 1; }

# The software bill of materials (ASVS 14.2.5): what runs, what is compiled in, the web app's npm packages.
DEPENDS="$SHLIBS_DEPENDS, adduser, init-system-helpers (>= 1.54), john-data"
python3 packaging/deb/sbom.py --version "$VERSION" --depends "$DEPENDS" --lock web/package-lock.json \
  "$ROOT/usr/share/doc/tianshan/sbom.cdx.json"
chmod 0644 "$ROOT/usr/share/doc/tianshan/sbom.cdx.json"

INSTALLED_KB=$(du -sk --exclude=DEBIAN "$ROOT" | cut -f1)
# john-data holds the common-password list the server refuses new passwords from; it does not
# start without it.
cat > "$ROOT/DEBIAN/control" <<CONTROL
Package: tianshan
Version: $VERSION
Architecture: $ARCH
Maintainer: Tianshan maintainers <tianshan@tianshan.example.org>
Installed-Size: $INSTALLED_KB
Depends: $DEPENDS
Recommends: nginx
Suggests: postgresql (>= 15)
Section: web
Priority: optional
Homepage: https://tianshan.example.org
Description: platform of a multi-level youth-league organization network
 Tianshan (天山) runs the everyday work of a youth-league organization network:
 organizations and people, volunteering, services, venues, cadres' contacts,
 published news and statistics. A C++ server with SQLite or PostgreSQL and a
 Vue web app, Chinese by default.
 .
 The package installs the server, the web app, a systemd service running as
 the tianshan system user with its database in /var/lib/tianshan, settings in
 /etc/tianshan/tianshan.conf, a nightly backup timer and an nginx example.
CONTROL

(cd "$ROOT" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) \
  > "$ROOT/DEBIAN/md5sums"
chmod 0644 "$ROOT/DEBIAN/md5sums" "$ROOT/DEBIAN/control" "$ROOT/DEBIAN/conffiles"

OUT="$BUILD/tianshan_${VERSION}_${ARCH}.deb"
rm -f "$BUILD"/tianshan_*.deb
dpkg-deb --root-owner-group -Zxz --build "$ROOT" "$OUT" >/dev/null
echo "$OUT"
