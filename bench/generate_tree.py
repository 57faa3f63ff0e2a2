#!/usr/bin/env python3
"""Writes a synthetic organization tree with members straight into a migrated SQLite database,
with maintained counters consistent with the rows (checked by `tianshan verify-counters`).

Interim bulk path for benchmarks until `tianshan generate` exists (issue 6): it writes the
organizations and people tables directly, in large transactions.

  bench/generate_tree.py DB --organizations 100000 --people 2000000 [--seed 7]
"""
import argparse
import random
import sqlite3
import sys
import time

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--organizations", type=int, default=100_000)
    ap.add_argument("--people", type=int, default=2_000_000)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    con = sqlite3.connect(a.db)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    now = int(time.time() * 1000)
    start = time.time()

    # Shape: 1 root, 14 prefectures, ~100 counties, ~1,000 streets, the rest branches.
    levels = [1, 14, 100, 1000]
    orgs = []  # (id, parent, path, depth, kind)
    next_id = 1
    parents_by_level = []
    for depth, count in enumerate(levels):
        level = []
        for i in range(count):
            parent = None if depth == 0 else rnd.choice(parents_by_level[depth - 1])
            path = (orgs[parent - 1][2] if parent else "/") + f"{next_id}/"
            kind = "committee" if depth < 3 else "working_committee"
            orgs.append((next_id, parent, path, depth, kind))
            level.append(next_id)
            next_id += 1
        parents_by_level.append(level)
    streets = parents_by_level[-1]
    while next_id <= a.organizations:
        parent = rnd.choice(streets)
        orgs.append((next_id, parent, orgs[parent - 1][2] + f"{next_id}/", 4, "branch"))
        next_id += 1
    branches = [o[0] for o in orgs if o[4] == "branch"]

    con.execute("BEGIN")
    con.executemany(
        "INSERT INTO organizations_organizations (id, parent_id, path, depth, name, kind, setting, status, created_at,"
        " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)",
        ((o[0], o[1], o[2], o[3], f"基准组织{o[0]:07d}团{'支部' if o[4] == 'branch' else '委'}", o[4],
          "community" if o[4] == "branch" else "government", now, now) for o in orgs))
    con.execute("COMMIT")
    print(f"organizations: {len(orgs)} in {time.time() - start:.1f}s", flush=True)

    members = [0] * (len(orgs) + 1)
    batch = []
    t = time.time()
    con.execute("BEGIN")
    for pid in range(1, a.people + 1):
        org = rnd.choice(branches)
        members[org] += 1
        batch.append((pid, f"基准{pid:07d}", "male" if pid % 2 else "female", "1990-01-01", None,
                      org, orgs[org - 1][2], now, now))
        if len(batch) == 50_000:
            con.executemany(
                "INSERT INTO people_persons (id, name, gender, birth_date, identity_number, organization_id, org_path,"
                " is_member, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)", batch)
            con.executemany(
                "INSERT INTO people_memberships (person_id, organization_id, org_path, member_since, status, started_at)"
                " VALUES (?, ?, ?, '2010-05-04', 'active', ?)", ((b[0], b[5], b[6], now) for b in batch))
            batch.clear()
            print(f"\rpeople: {pid:,} ({pid / (time.time() - t):,.0f}/s)", end="", flush=True)
    if batch:
        con.executemany(
            "INSERT INTO people_persons (id, name, gender, birth_date, identity_number, organization_id, org_path,"
            " is_member, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)", batch)
        con.executemany(
            "INSERT INTO people_memberships (person_id, organization_id, org_path, member_since, status, started_at)"
            " VALUES (?, ?, ?, '2010-05-04', 'active', ?)", ((b[0], b[5], b[6], now) for b in batch))
    con.execute("COMMIT")
    print(f"\npeople: {a.people:,} in {time.time() - t:.1f}s", flush=True)

    # Counters: self values, then subtree sums bottom-up (deepest first).
    keys = ["organizations", "kind.committee", "kind.working_committee", "kind.general_branch", "kind.branch",
            "members"]
    self_vals = {o[0]: {"organizations": 1, "kind." + o[4]: 1, "members": members[o[0]]} for o in orgs}
    subtree = {o[0]: dict(self_vals[o[0]]) for o in orgs}
    for o in sorted(orgs, key=lambda o: -o[3]):
        if o[1]:
            for k, v in subtree[o[0]].items():
                subtree[o[1]][k] = subtree[o[1]].get(k, 0) + v
    con.execute("BEGIN")
    con.executemany(
        "INSERT INTO organizations_counters (organization_id, counter_key, self_value, subtree_value) VALUES (?, ?, ?, ?)",
        ((oid, k, self_vals[oid].get(k, 0), v) for oid, vals in subtree.items() for k, v in vals.items() if v))
    con.execute("COMMIT")
    print(f"counters written; total {time.time() - start:.1f}s", flush=True)


if __name__ == "__main__":
    sys.exit(main())
