#!/usr/bin/env python3
"""Reads a generated benchmark database (read-only) and writes the inputs of the wrk scripts:

  OUT/walk_orgs.txt      organizations with at least 60 people in their subtree (3 pages of 20)
  OUT/search_paths.txt   /api/v1/organizations/search?q=… with different name fragments
  OUT/person_paths.txt   /api/v1/people/{id} for ids spread over the table

and prints key=value facts for bench/report.py: root_id, mid_id, rows.<table> for every table.

  bench/fixtures.py DB OUT_DIR [--seed 7]      DB: an SQLite file or a postgresql:// URL (via psql)
"""
import argparse
import random
import sqlite3
import subprocess
import sys
import urllib.parse


class Psql:
    """The little of sqlite3.Connection used below, through psql (no Python driver needed)."""

    def __init__(self, url):
        self.url = url

    def execute(self, sql, params=()):
        for p in params:  # integers only here
            sql = sql.replace("?", str(int(p)), 1)
        out = subprocess.run(["psql", self.url, "-XAtq", "-F", "\t", "-c", sql], check=True, capture_output=True,
                             text=True).stdout
        return Rows([tuple(None if v == "" else int(v) if v.lstrip("-").isdigit() else v for v in line.split("\t"))
                     for line in out.splitlines()])


class Rows(list):
    def fetchone(self):
        return self[0] if self else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    if a.db.startswith("postgresql://"):
        con = Psql(a.db)
        tables_sql = ("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                      " AND table_type = 'BASE TABLE' ORDER BY table_name")
    else:
        con = sqlite3.connect(f"file:{a.db}?mode=ro", uri=True)
        tables_sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    one = lambda sql, *p: con.execute(sql, p).fetchone()

    for (table,) in con.execute(tables_sql):
        print(f"rows.{table}={one(f'SELECT count(*) FROM {table}')[0]}")

    root = one("SELECT id FROM organizations_organizations WHERE parent_id IS NULL ORDER BY id LIMIT 1")[0]
    # Mid-level: a county-level organization (two levels below the root) with the largest subtree.
    mid = one("SELECT o.id FROM organizations_organizations o LEFT JOIN organizations_counters c"
              " ON c.organization_id = o.id AND c.counter_key = 'organizations'"
              " WHERE o.depth = 2 ORDER BY COALESCE(c.subtree_value, 0) DESC, o.id LIMIT 1")
    print(f"root_id={root}")
    print(f"mid_id={mid[0] if mid else root}")
    # A cadre of the generated network who has a benchmark account (for the contact list).
    try:
        cadre = one("SELECT a.login FROM cadres_cadres c JOIN auth_accounts a ON a.person_id = c.person_id"
                    " ORDER BY c.id LIMIT 1")
    except Exception:  # a database without the cadres module
        cadre = None
    if cadre:
        print(f"cadre_login={cadre[0]}")

    walk = [r[0] for r in con.execute(
        "SELECT o.id FROM organizations_organizations o JOIN organizations_counters c ON c.organization_id = o.id"
        " WHERE c.counter_key = 'members' AND c.subtree_value >= 60 AND o.depth BETWEEN 2 AND 4"
        " ORDER BY o.id LIMIT 5000")]
    if not walk:
        walk = [root]
    rnd.shuffle(walk)
    write(a.out, "walk_orgs.txt", walk[:500])

    # Name fragments of random organizations, so the queries differ: mostly 3 to 6 characters from
    # inside the name (the trigram index), every fifth the name's first 2 characters (prefix search).
    names = [r[0] for r in con.execute("SELECT name FROM organizations_organizations ORDER BY random() LIMIT 200")]
    queries = []
    for i, name in enumerate(names):
        if i % 5 == 4 or len(name) < 3:
            queries.append(name[:2])
            continue
        size = rnd.randint(3, min(6, len(name)))
        start = rnd.randint(0, len(name) - size)
        queries.append(name[start:start + size])
    write(a.out, "search_paths.txt",
          [f"/api/v1/organizations/search?q={urllib.parse.quote(q)}&limit=20" for q in queries])

    low, high = one("SELECT min(id), max(id) FROM people_persons")
    ids = set()
    if low is not None:
        # The first person at or after each random id. The draws are made twice from the same
        # state, so the loop below picks what one query per draw would, in one round trip on
        # PostgreSQL (a psql process per query took minutes on a loaded machine).
        state = rnd.getstate()
        targets = sorted({rnd.randint(low, high) for _ in range(5000)})
        rnd.setstate(state)
        if isinstance(con, Psql):
            first = dict(con.execute(
                "SELECT t, (SELECT id FROM people_persons WHERE id >= t ORDER BY id LIMIT 1)"
                f" FROM unnest(ARRAY[{','.join(map(str, targets))}]::bigint[]) AS t"))
        else:
            first = {t: (one("SELECT id FROM people_persons WHERE id >= ? ORDER BY id LIMIT 1", t) or [None])[0]
                     for t in targets}
        for _ in range(5000):
            if len(ids) >= 1000:
                break
            found = first.get(rnd.randint(low, high))
            if found is not None:
                ids.add(found)
    write(a.out, "person_paths.txt", [f"/api/v1/people/{i}" for i in sorted(ids, key=lambda _: rnd.random())])
    return 0


def write(folder, name, lines):
    with open(f"{folder}/{name}", "w") as f:
        f.write("\n".join(str(x) for x in lines) + "\n")


if __name__ == "__main__":
    sys.exit(main())
