#!/usr/bin/env python3
"""Puts a region's service catalog and venues into a running server through its API (so every
rule, counter and audit entry is the server's own), for bench/services.sh:

  SERVICES services spread over organizations (ORGS of them, every k-th by id), categories and
  both kinds; VENUES venues at those organizations, each with ROOMS_PER_VENUE rooms, open 00:00–24:00
  every day, no approval needed. Writes OUT/rooms.txt (one room id a line) and prints facts
  (services=, venues=, rooms=, seed_seconds=).

  bench/services_fixtures.py --port P --login L --password PW --orgs-file F OUT_DIR
"""
import argparse
import http.client
import json
import sys
import time
from concurrent.futures import ThreadPoolExecutor
import threading

CATEGORIES = ["childcare", "entrepreneurship", "social_work", "psychology", "legal", "employment", "elder_care",
              "dating", "other"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--login", required=True)
    ap.add_argument("--password", required=True)
    ap.add_argument("--orgs-file", required=True)
    ap.add_argument("--services", type=int, default=2000)
    ap.add_argument("--venues", type=int, default=100)
    ap.add_argument("--rooms-per-venue", type=int, default=2)
    ap.add_argument("--workers", type=int, default=8)
    a = ap.parse_args()
    orgs = [int(line) for line in open(a.orgs_file) if line.strip()]
    local = threading.local()
    conn = http.client.HTTPConnection("127.0.0.1", a.port, timeout=60)
    conn.request("POST", "/api/v1/session", json.dumps({"login": a.login, "password": a.password}),
                 {"Content-Type": "application/json"})
    r = conn.getresponse()
    data = r.read()
    if r.status != 200:
        raise SystemExit(f"login {a.login}: {r.status} {data[:200]!r}")
    cookie = "; ".join(v.split(";", 1)[0] for k, v in r.getheaders() if k.lower() == "set-cookie")
    headers = {"Cookie": cookie, "X-CSRF-Token": json.loads(data)["csrf_token"], "Content-Type": "application/json"}

    def post(path, body):
        if not hasattr(local, "conn"):
            local.conn = http.client.HTTPConnection("127.0.0.1", a.port, timeout=60)
        for attempt in range(5):
            try:
                local.conn.request("POST", "/api/v1" + path, json.dumps(body), headers)
                r = local.conn.getresponse()
                data = r.read()
                if r.status == 201:
                    return json.loads(data)
                if r.status in (503, 429):
                    time.sleep(0.2 * (attempt + 1))
                    continue
                raise SystemExit(f"{path}: {r.status} {data[:300]!r}")
            except (ConnectionError, http.client.HTTPException):
                local.conn = http.client.HTTPConnection("127.0.0.1", a.port, timeout=60)
        raise SystemExit(f"{path}: gave up")

    start = time.time()
    cats = CATEGORIES
    stamp = int(start) % 100000  # names are unique per organization: a second run on one database adds its own

    def service(i):
        org = orgs[i % len(orgs)]
        kind = "enrollment" if i % 5 == 0 else "applications"
        body = {"name": f"服务 {stamp}-{i:05d}", "category": cats[i % len(cats)], "description": "区域规模测试的服务目录条目",
                "delivery": ["venue", "online", "visit"][i % 3], "kind": kind}
        if i % 4 == 0:
            body.update({"min_age": 14, "max_age": 35})
        if kind == "applications":
            body["questions"] = [{"key": "need", "label": "需求", "type": "text", "required": True}]
        post(f"/organizations/{org}/services", body)

    hours = [{"day": d, "opens": "00:00", "closes": "24:00"} for d in range(1, 8)]

    def venue(i):
        org = orgs[(i * 7) % len(orgs)]
        v = post(f"/organizations/{org}/venues", {"name": f"测试青年之家 {stamp}-{i:04d}", "kind": "youth_home",
                                                  "address": f"测试路 {i} 号", "requires_approval": False,
                                                  "opening_hours": hours})
        return [post(f"/venues/{v['id']}/rooms", {"name": f"活动室 {r + 1}", "capacity": 30})["id"]
                for r in range(a.rooms_per_venue)]

    with ThreadPoolExecutor(a.workers) as pool:
        list(pool.map(service, range(a.services)))
        rooms = [r for rs in pool.map(venue, range(a.venues)) for r in rs]
    with open(f"{a.out}/rooms.txt", "w") as f:
        f.write("\n".join(str(r) for r in rooms) + "\n")
    print(f"services={a.services}")
    print(f"venues={a.venues}")
    print(f"rooms={len(rooms)}")
    print(f"seed_seconds={time.time() - start:.1f}")


if __name__ == "__main__":
    sys.exit(main())
