#!/usr/bin/env python3
"""Writes the software bill of materials of the Debian package (ASVS 14.2.5) as CycloneDX 1.5 JSON:
every third-party component that ends up running, with its version as built:

  - the Debian packages the binary loads (its Depends, from dpkg-shlibdeps) and the ones it needs
    at run time (john-data), with the installed version;
  - the Debian packages whose headers are compiled into the binary (RESTinio, Asio, RapidJSON,
    CLI11, Mustache): they are not in Depends, but their code is in the binary;
  - the npm packages of the web app (web/package-lock.json, devDependencies excluded), with their
    license and the registry's integrity hash.

  packaging/deb/sbom.py --version V --depends "libc6 (>= 2.34), libpq5, …" --lock web/package-lock.json OUT
"""
import argparse
import base64
import json
import re
import subprocess
import uuid

# Header-only libraries compiled into the server (their #include in server/src), by Debian package.
COMPILED_IN = ["librestinio-dev", "libasio-dev", "rapidjson-dev", "libcli11-dev", "libkainjow-mustache-dev"]


def installed_version(package):
    out = subprocess.run(["dpkg-query", "-W", "-f=${Version}\t${Architecture}", package], capture_output=True,
                         text=True)
    if out.returncode != 0 or not out.stdout.strip():
        raise SystemExit(f"sbom: {package} is not installed (scripts/install-deps.sh installs it)")
    version, arch = out.stdout.strip().split("\t")
    return version, arch


def debian_component(package, scope, provides=None):
    version, arch = installed_version(package)
    properties = [{"name": "tianshan:scope", "value": scope}]
    if provides:
        properties.append({"name": "tianshan:provides", "value": provides})
    return {
        "type": "library",
        "bom-ref": f"pkg:deb/debian/{package}@{version}?arch={arch}",
        "name": package,
        "version": version,
        "purl": f"pkg:deb/debian/{package}@{version}?arch={arch}&distro=debian-12",
        "properties": properties,
    }


def is_installed(package):
    out = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True)
    return out.returncode == 0 and "install ok installed" in out.stdout


def provider_of(virtual):
    out = subprocess.run(["dpkg-query", "-W", "-f=${db:Status-Abbrev}\t${Package}\t${Provides}\n"],
                         capture_output=True, text=True).stdout
    for line in out.splitlines():
        status, package, provides = (line.split("\t") + ["", ""])[:3]
        names = [re.match(r"[a-z0-9][a-z0-9+.-]*", p.strip()).group(0) for p in provides.split(",") if p.strip()]
        if status.startswith("ii") and virtual in names:
            return package
    return None


def depends_packages(depends):
    """(installed package, the virtual name it stands for or None) of each Depends clause
    ("a (>= 1), b | c" -> a, and b or else c)."""
    names = []
    for clause in depends.split(","):
        alternatives = [m.group(0) for alt in clause.split("|")
                        if (m := re.match(r"[a-z0-9][a-z0-9+.-]*", alt.strip()))]
        chosen = next(((a, None) for a in alternatives if is_installed(a)), None)
        # A virtual package (libspdlog1.10-fmt9): the installed package that provides it.
        chosen = chosen or next(((p, a) for a in alternatives for p in [provider_of(a)] if p), None)
        if chosen is None and alternatives:
            raise SystemExit(f"sbom: nothing installed satisfies '{clause.strip()}'")
        if chosen and chosen[0] not in [n for n, _ in names]:
            names.append(chosen)
    return names


def npm_components(lock_path):
    lock = json.load(open(lock_path, encoding="utf-8"))
    out = []
    for path, entry in sorted(lock.get("packages", {}).items()):
        if not path or entry.get("dev") or entry.get("link"):
            continue
        name = entry.get("name") or path.split("node_modules/")[-1]
        version = entry.get("version", "")
        component = {
            "type": "library",
            "bom-ref": f"pkg:npm/{name}@{version}",
            "name": name,
            "version": version,
            "purl": f"pkg:npm/{name.replace('@', '%40')}@{version}",
            "properties": [{"name": "tianshan:scope", "value": "web app (npm)"}],
        }
        if entry.get("license"):
            component["licenses"] = [{"expression": entry["license"]}]
        integrity = entry.get("integrity", "")
        if integrity.startswith("sha512-"):
            component["hashes"] = [{"alg": "SHA-512", "content": base64.b64decode(integrity[7:]).hex()}]
        out.append(component)
    # One entry per name and version (npm may install the same package at several paths).
    unique = {c["bom-ref"]: c for c in out}
    return list(unique.values())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--version", required=True)
    ap.add_argument("--depends", required=True)
    ap.add_argument("--lock", required=True)
    ap.add_argument("out")
    a = ap.parse_args()
    components = [debian_component(p, "run time (Depends)", v) for p, v in depends_packages(a.depends)]
    components += [debian_component(p, "compiled in (headers)") for p in COMPILED_IN]
    components += npm_components(a.lock)
    bom = {
        "bomFormat": "CycloneDX",
        "specVersion": "1.5",
        "serialNumber": f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'tianshan/' + a.version)}",
        "version": 1,
        "metadata": {
            "component": {"type": "application", "bom-ref": "tianshan", "name": "tianshan", "version": a.version},
        },
        "components": components,
    }
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump(bom, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
