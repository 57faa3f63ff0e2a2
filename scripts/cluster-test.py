#!/usr/bin/env python3
"""The cluster test suite (make test-cluster): run by scripts/cluster.sh against nginx in front of
two instances sharing one PostgreSQL database, with the generated network (CLUSTER_DATA=generate).

1. nginx speaks HTTP/2 over TLS and answers the API from the instances.
2. A session created on one instance works on the other.
3. Sign-ups racing across the instances (through nginx, which spreads them) never oversell a
   shift: confirmed ≤ capacity and the shift's counters equal its rows.
4. A logout on one instance is refused on the other at once (LISTEN/NOTIFY), not after the
   session cache's 5 s.

Exits 1 naming the first failed check. Needs CLUSTER_URL, CLUSTER_INSTANCES, CLUSTER_DB and
CLUSTER_STORM_SHIFT (set by scripts/cluster.sh).
"""
import http.client
import json
import os
import ssl
import subprocess
import sys
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

NGINX = urllib.parse.urlsplit(os.environ["CLUSTER_URL"])
INSTANCES = [urllib.parse.urlsplit(u) for u in os.environ["CLUSTER_INSTANCES"].split()]
DB = os.environ["CLUSTER_DB"]
SHIFT = int(os.environ["CLUSTER_STORM_SHIFT"])
USERS = int(os.environ.get("CLUSTER_USERS", "1500"))
TLS = ssl._create_unverified_context()  # the cluster's self-signed certificate


def conn(url):
    if url.scheme == "https":
        return http.client.HTTPSConnection(url.hostname, url.port, timeout=30, context=TLS)
    return http.client.HTTPConnection(url.hostname, url.port, timeout=30)


def call(url, method, path, body=None, headers=None):
    c = conn(url)
    c.request(method, path, body, headers or {})
    r = c.getresponse()
    data = r.read()
    c.close()
    return r.status, data, r.getheaders()


def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what, flush=True)
    if not ok:
        sys.exit(1)


def login_with_cookie(url, n):
    """(headers for later requests, the Set-Cookie line of the session), or None."""
    body = json.dumps({"login": f"bench-youth-{n:06d}", "password": "tianshan-bench"})
    status, data, headers = call(url, "POST", "/api/v1/session", body, {"Content-Type": "application/json"})
    if status != 200:
        return None
    # "__Host-tianshan_session" over https (through nginx), "tianshan_session" over plain http.
    line = next(v for k, v in headers if k.lower() == "set-cookie"
                and v.startswith(("tianshan_session=", "__Host-tianshan_session=")))
    return {"Cookie": line.split(";", 1)[0], "X-CSRF-Token": json.loads(data)["csrf_token"]}, line


def login(url, n):
    found = login_with_cookie(url, n)
    return found[0] if found else None


def psql(sql):
    return subprocess.run(["psql", DB, "-XAtq", "-F", "|", "-c", sql], check=True, capture_output=True,
                          text=True).stdout.strip()


def main():
    a, b = INSTANCES[0], INSTANCES[1]

    version = subprocess.run(["curl", "-sk", "--http2", "-o", "/dev/null", "-w", "%{http_version}",
                              os.environ["CLUSTER_URL"] + "/api/v1/health"], capture_output=True, text=True).stdout
    check(version == "2", f"nginx answers the API over HTTP/2 with TLS (HTTP/{version})")

    # Over https the session cookie carries the __Host- prefix (Secure, Path=/, no Domain).
    secure = login_with_cookie(NGINX, 1)
    line = secure[1] if secure else ""
    check(line.startswith("__Host-tianshan_session=") and "; Secure" in line and "Domain" not in line,
          f"a login through nginx sets a __Host- session cookie ({line})")
    status, _, _ = call(NGINX, "GET", "/api/v1/session", headers=secure[0])
    check(status == 200, f"the __Host- session works through nginx ({status})")

    first = login(a, 1)
    check(first is not None, "a young person logs in on instance A")
    status, _, _ = call(b, "GET", "/api/v1/session", headers=first)
    check(status == 200, f"the session created on A works on B ({status})")

    # Half the logins on each instance; every sign-up through nginx, 32 at a time.
    with ThreadPoolExecutor(16) as pool:
        sessions = [s for s in pool.map(lambda n: login(INSTANCES[n % 2], n), range(2, USERS + 2)) if s]
    check(len(sessions) == USERS, f"{len(sessions)} of {USERS} young people logged in across the instances")

    def sign_up(i):
        headers = dict(sessions[i], **{"Content-Type": "application/json", "Idempotency-Key": f"cluster-{i}"})
        return call(NGINX, "POST", f"/api/v1/volunteering/shifts/{SHIFT}/sign-ups", "{}", headers)[0]

    with ThreadPoolExecutor(32) as pool:
        statuses = list(pool.map(sign_up, range(len(sessions))))
    answered = {s: statuses.count(s) for s in set(statuses)}
    check(all(s in (200, 201) for s in statuses), f"every sign-up answered ({answered})")
    capacity, counter_confirmed, counter_waitlisted, confirmed, waitlisted = map(int, psql(
        "SELECT s.capacity, s.confirmed, s.waitlisted,"
        f" (SELECT count(*) FROM volunteering_signups WHERE shift_id = s.id AND status = 'confirmed'),"
        f" (SELECT count(*) FROM volunteering_signups WHERE shift_id = s.id AND status = 'waitlisted')"
        f" FROM volunteering_shifts s WHERE s.id = {SHIFT}").split("|"))
    check(confirmed <= capacity and counter_confirmed == confirmed and counter_waitlisted == waitlisted,
          f"no oversell: capacity {capacity}, confirmed {confirmed} (counter {counter_confirmed}), "
          f"waitlisted {waitlisted} (counter {counter_waitlisted})")

    # Cached on B, logged out on A: B refuses it at once.
    for _ in range(2):
        call(b, "GET", "/api/v1/session", headers=first)
    status, _, _ = call(a, "DELETE", "/api/v1/session", headers=first)
    check(status == 204, "logout on A")
    start = time.time()
    while call(b, "GET", "/api/v1/session", headers=first)[0] == 200 and time.time() - start < 4:
        pass
    delay_ms = (time.time() - start) * 1000
    check(call(b, "GET", "/api/v1/session", headers=first)[0] == 401 and delay_ms < 4000,
          f"the session is refused on B {delay_ms:.0f} ms after the logout on A (session cache: 5 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
