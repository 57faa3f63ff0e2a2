#!/usr/bin/env python3
"""PostgreSQL's own time for the organization search, statement by statement (EXPLAIN ANALYZE,
planning + execution, one session, nothing else): the planner's free choice (the search before the id
window) beside the id window of each size W given, followed by the trigram index ordered by
`o.id + 0` when the window does not fill the page (modules/organizations/organization_search.cc).
Root scope, 20 rows a page (21 fetched).

    bench/search_windows.py postgresql://… QUERIES.txt 1024 4096 16384

QUERIES.txt: one search term a line (bench/fixtures.py writes them URL-encoded into search_paths.txt;
`--from-paths` reads that file instead). Prints the mean and the worst per variant, and the five worst.
"""
import json
import subprocess
import sys
import urllib.parse

LIMIT = 21


def caseless(q):
    return all((ord(c) < 0x80 and not c.isalpha()) or ord(c) == 0xB7 or 0x3000 <= ord(c) <= 0x30FF
               or 0x3400 <= ord(c) <= 0x4DBF or 0x4E00 <= ord(c) <= 0x9FFF for c in q)


def sql_text(s):
    return "'" + s.replace("'", "''") + "'"


def match(q, before):
    if len(q) >= 3:
        op = "LIKE" if caseless(q) and not before else "ILIKE"
        pattern = sql_text("%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
        return f"(o.name {op} {pattern} ESCAPE '\\' OR o.short_name {op} {pattern} ESCAPE '\\')"
    lo, hi = sql_text(q), sql_text(q + "\U0010ffff")
    return f"((o.name >= {lo} AND o.name < {hi}) OR (o.short_name >= {lo} AND o.short_name < {hi}))"


SCOPE = "(o.path >= '/' AND o.path < '0')"


def explain(url, statements):
    out = subprocess.run(["psql", url, "-XAtq"], input="\n".join(
        f"EXPLAIN (ANALYZE, FORMAT JSON) {s};" for s in statements), capture_output=True, text=True, check=True).stdout
    plans, dec, rest = [], json.JSONDecoder(), out
    while rest.strip():
        obj, n = dec.raw_decode(rest.lstrip())
        plans.append(obj[0])
        rest = rest.lstrip()[n:]
    return [(p["Planning Time"] + p["Execution Time"], p["Plan"]["Actual Rows"]) for p in plans]


def main():
    args = sys.argv[1:]
    from_paths = "--from-paths" in args
    args = [a for a in args if a != "--from-paths"]
    url, qfile, windows = args[0], args[1], [int(w) for w in args[2:]]
    lines = [l.rstrip("\n") for l in open(qfile, encoding="utf-8") if l.strip()]
    qs = [urllib.parse.unquote(l.split("q=")[1].split("&")[0]) for l in lines] if from_paths else lines
    index = [f"SELECT o.* FROM organizations_organizations o WHERE {match(q, False)} AND {SCOPE} AND o.id > 0 "
             f"ORDER BY o.id + 0 LIMIT {LIMIT}" for q in qs]
    before = explain(url, [f"SELECT o.* FROM organizations_organizations o WHERE {match(q, True)} AND {SCOPE} "
                           f"AND o.id > 0 ORDER BY o.id LIMIT {LIMIT}" for q in qs])
    variants = [("planner's choice (before)", [t for t, _ in before], None)]
    index_times = None
    for w in windows:
        win = explain(url, [f"SELECT o.* FROM (SELECT * FROM organizations_organizations o WHERE o.id > 0 AND {SCOPE} "
                            f"ORDER BY o.id LIMIT {w}) o WHERE {match(q, False)} ORDER BY o.id LIMIT {LIMIT}"
                            for q in qs])
        if index_times is None:
            index_times = [t for t, _ in explain(url, index)]
        times = [t + (0 if rows >= LIMIT else index_times[i]) for i, (t, rows) in enumerate(win)]
        variants.append((f"window {w:,} ids, then the index ({sum(r >= LIMIT for _, r in win)} of {len(qs)} "
                         f"filled by the window)", times, None))
    print(f"{len(qs)} queries; ms per query (planning + execution)")
    print("| variant | mean ms | worst ms | five worst |")
    print("| --- | ---: | ---: | --- |")
    for name, times, _ in variants:
        worst = sorted(zip(times, qs), reverse=True)[:5]
        print(f"| {name} | {sum(times) / len(times):.1f} | {worst[0][0]:.0f} | "
              + ", ".join(f"{q} {t:.0f}" for t, q in worst) + " |")


if __name__ == "__main__":
    main()
