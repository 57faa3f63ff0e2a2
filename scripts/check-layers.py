#!/usr/bin/env python3
"""Checks that every #include in server/src crosses layers only downwards (ARCHITECTURE.md).

    core     → core
    storage  → core, storage
    auth     → core, storage, auth
    audit    → core, storage, auth, audit
    http     → core, http, auth/actor.h, auth/caller.h
    kit      → core, storage, auth, audit, http, kit
    modules/M→ core, storage, auth, audit, http, kit, modules/M/**, modules/*/public/**
    generate → core, storage, auth, audit, http, kit, generate, modules/*/public/**
    app      → anything

Tests (*_test.cc, *test_support.h, *test_fixture.h, test_fixture.h) may include anything.
Prints one line per wrong include (file:line: what it includes and why that is wrong) and
exits 1 when there is any; `--root DIR` checks another tree (the tests use it).
"""
import argparse
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')
BASE = ["core/", "storage/", "auth/", "audit/", "http/", "kit/"]
ALLOWED = {
    "core": ["core/"],
    "storage": ["core/", "storage/"],
    "auth": ["core/", "storage/", "auth/"],
    "audit": ["core/", "storage/", "auth/", "audit/"],
    "http": ["core/", "http/", "auth/actor.h", "auth/caller.h"],
    "kit": BASE,
    "generate": BASE + ["generate/"],
}


def is_test(path):
    name = os.path.basename(path)
    return (name.endswith("_test.cc") or name.endswith("test_support.h") or name.endswith("test_fixture.h")
            or name.endswith("_test_fixture.h"))


def layer_of(rel):
    parts = rel.split("/")
    if parts[0] == "modules" and len(parts) > 2:
        return "modules/" + parts[1]
    return parts[0]


def allowed(layer, target):
    if layer == "app":
        return True
    if layer.startswith("modules/"):
        own = layer + "/"
        if target.startswith(own) or any(target.startswith(b) for b in BASE):
            return True
        parts = target.split("/")
        return len(parts) > 3 and parts[0] == "modules" and parts[2] == "public"
    rules = ALLOWED.get(layer)
    if rules is None:
        return False
    if any(target == r or (r.endswith("/") and target.startswith(r)) for r in rules):
        return True
    if layer == "generate":
        parts = target.split("/")
        return len(parts) > 3 and parts[0] == "modules" and parts[2] == "public"
    return False


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", default=os.path.join(os.path.dirname(__file__), "..", "server", "src"))
    args = parser.parse_args()
    root = os.path.normpath(args.root)
    problems = []
    for dirpath, _, files in os.walk(root):
        for f in sorted(files):
            if not f.endswith((".h", ".cc")):
                continue
            path = os.path.join(dirpath, f)
            rel = os.path.relpath(path, root).replace(os.sep, "/")
            if is_test(rel):
                continue
            layer = layer_of(rel)
            with open(path, encoding="utf-8") as fh:
                for n, line in enumerate(fh, 1):
                    m = INCLUDE.match(line)
                    if not m:
                        continue
                    target = m.group(1)
                    if "/" not in target:
                        continue  # generated or same-folder includes
                    if not allowed(layer, target):
                        problems.append(f"server/src/{rel}:{n}: {layer} may not include \"{target}\"")
    for p in problems:
        print(p)
    if problems:
        print(f"check-layers: {len(problems)} include(s) cross a layer the wrong way (see ARCHITECTURE.md)")
        return 1
    print("check-layers: every include goes down the layers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
