#!/usr/bin/env python3
"""Logs in many accounts in parallel and writes one line per session for bench/lua/signup.lua:

    <tianshan_session cookie value> <csrf token>

The CSRF token is the `csrf_token` field of the POST /api/v1/session answer; requests that change
data send it back in the X-CSRF-Token header (server/src/http/http_app.cc).

  bench/sessions.py --port 8080 --prefix bench-youth- --count 20000 --password tianshan-bench OUT

Logins are bench-youth-000001 … (six digits, the generator's contract). Prints a summary line;
exits 1 when fewer than half of the logins succeed.
"""
import argparse
import http.client
import json
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--prefix", default="bench-youth-")
    ap.add_argument("--count", type=int, default=20000)
    ap.add_argument("--password", default="tianshan-bench")
    ap.add_argument("--workers", type=int, default=16)
    a = ap.parse_args()

    local = threading.local()

    def login(n):
        if not hasattr(local, "conn"):
            local.conn = http.client.HTTPConnection("127.0.0.1", a.port, timeout=30)
        body = json.dumps({"login": f"{a.prefix}{n:06d}", "password": a.password})
        for _ in range(3):
            try:
                local.conn.request("POST", "/api/v1/session", body, {"Content-Type": "application/json"})
                resp = local.conn.getresponse()
                data = resp.read()
                if resp.status != 200:
                    return None, resp.status
                # The session cookie among the Set-Cookie headers (the signed-in hint comes too).
                cookie = next((v.split(";", 1)[0].split("=", 1)[1] for k, v in resp.getheaders()
                               if k.lower() == "set-cookie" and v.startswith("tianshan_session=")), "")
                return f"{cookie} {json.loads(data)['csrf_token']}", 200
            except (http.client.HTTPException, OSError):
                local.conn.close()
                local.conn = http.client.HTTPConnection("127.0.0.1", a.port, timeout=30)
        return None, "connection"

    start = time.time()
    lines, failures = [], {}
    with ThreadPoolExecutor(a.workers) as pool:
        for line, status in pool.map(login, range(1, a.count + 1), chunksize=64):
            if line:
                lines.append(line)
            else:
                failures[status] = failures.get(status, 0) + 1
    with open(a.out, "w") as f:
        f.write("\n".join(lines) + "\n")
    seconds = time.time() - start
    print(f"sessions: {len(lines)} of {a.count} logged in in {seconds:.1f}s"
          + (f"; failures {failures}" if failures else ""), flush=True)
    return 0 if len(lines) * 2 >= a.count else 1


if __name__ == "__main__":
    sys.exit(main())
