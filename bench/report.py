#!/usr/bin/env python3
"""Turns one benchmark run's measurements into bench/results/<date>-<scale>.md and .svg.

  bench/report.py FACTS SCENARIOS OUT_PREFIX

FACTS: key=value lines (machine, versions, generation, limits, storm checks) written by bench/run.sh.
SCENARIOS: tab-separated rows from bench/lib/wrk.sh: id, label, requests/s, p50 ms, p99 ms,
  server CPU ms/request, non-2xx, socket errors, wrk's key=value pairs, server peak RSS KiB so far.
Every figure is put beside its limit from the same run; targets (issue 6) are marked pass or miss.
Standard library only.
"""
import html
import sys

# Targets per scale: (what, scenario id, kind, bound). kind "ratio" = at least bound × its limit,
# "p99" = p99 at most bound ms.
REGION_TARGETS = [
    ("GET /health ≥ 1.0× nginx", "health", "ratio", 1.0),
    ("root /stats ≥ 0.8× nginx", "root_stats", "ratio", 0.8),
    ("people subtree page ≥ 0.3× nginx", "people_walk", "ratio", 0.3),
    ("people subtree page p99 ≤ 20 ms", "people_walk", "p99", 20.0),
    ("organization name search ≥ 0.3× nginx", "search", "ratio", 0.3),
    ("organization name search p99 ≤ 20 ms", "search", "p99", 20.0),
    ("sign-ups ≥ 0.3× raw SQLite insert transactions", "signup", "ratio", 0.3),
    ("root cadres dashboard ≥ 0.8× nginx", "cadres_dashboard", "ratio", 0.8),
    ("a cadre's contact list p99 ≤ 20 ms", "cadre_contacts", "p99", 20.0),
]
NATIONAL_TARGETS = [
    ("root /stats p99 ≤ 5 ms", "root_stats", "p99", 5.0),
    ("people subtree page p99 ≤ 50 ms", "people_walk", "p99", 50.0),
]


def num(s, default=None):
    try:
        return float(s)
    except (TypeError, ValueError):
        return default


def fmt(x, digits=0):
    if x is None:
        return "–"
    return f"{x:,.{digits}f}"


def load(facts_path, scenarios_path):
    facts = {}
    with open(facts_path) as f:
        for line in f:
            if "=" in line:
                k, v = line.rstrip("\n").split("=", 1)
                facts[k] = v
    rows = {}
    order = []
    with open(scenarios_path) as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 10:
                continue
            pairs = dict(p.split("=", 1) for p in cols[8].split() if "=" in p)
            rows[cols[0]] = {"id": cols[0], "label": cols[1], "rps": num(cols[2]), "p50": num(cols[3]),
                             "p99": num(cols[4]), "cpu": num(cols[5]), "non2xx": int(num(cols[6], 0)),
                             "errors": int(num(cols[7], 0)), "pairs": pairs, "rss_kib": num(cols[9])}
            order.append(cols[0])
    return facts, rows, order


def compute(facts, rows):
    """Adds to each row its limit, the figure compared and the ratio."""
    nginx = rows.get("nginx", {}).get("rps")
    pg = facts.get("db_kind") == "postgres"
    # Sign-ups against the database's own write limit: raw SQLite inserts, or pgbench TPC-B.
    write_limit = num(facts.get("pgbench_tpcb_tps" if pg else "sqlite_insert_tx_per_s"))
    for r in rows.values():
        r["limit"], r["figure"], r["ratio"] = None, r["rps"], None
        if r["id"] in ("nginx", "health", "root_stats", "mid_stats", "people_walk", "search", "person", "cadres_dashboard",
                       "cadre_contacts"):
            r["limit"] = "nginx"
            r["ratio"] = r["rps"] / nginx if nginx and r["rps"] is not None else None
    s = rows.get("signup")
    if s:
        made = int(num(facts.get("storm_confirmed"), 0) + num(facts.get("storm_waitlisted"), 0))
        span = num(facts.get("storm_span_ms"), 0) / 1000
        # The rows' own first-to-last time span; wrk's window when the rows span no time.
        s["figure"] = made / span if span > 0 else s["rps"]
        s["made"] = made
        s["limit"] = "pgbench TPC-B" if pg else "raw SQLite inserts"
        s["ratio"] = s["figure"] / write_limit if write_limit and s["figure"] else None


def judge(facts, rows, scale):
    """Returns [(what, figure text, passed or None)]."""
    out = []
    pg = facts.get("db_kind") == "postgres"
    for what, sid, kind, bound in (NATIONAL_TARGETS if scale == "national" else REGION_TARGETS):
        r = rows.get(sid)
        if pg and sid == "signup":
            # The target is against raw SQLite; on PostgreSQL the ratio to TPC-B is shown, not judged.
            out.append(("sign-ups / pgbench TPC-B (no target)", f"{fmt(r['ratio'], 2)}×" if r else "not measured",
                        None))
            continue
        if not r:
            out.append((what, "not measured", None))
            continue
        if kind == "ratio":
            ok = r["ratio"] is not None and r["ratio"] >= bound
            out.append((what, f"{fmt(r['ratio'], 2)}×", ok))
        else:
            ok = r["p99"] is not None and r["p99"] <= bound
            out.append((what, f"p99 {fmt(r['p99'], 2)} ms", ok))
    if scale != "national":
        if "signup" in rows:
            ok = facts.get("storm_oversell") == "no"
            out.append(("sign-up storm: no oversell", f"{facts.get('storm_confirmed')} confirmed, capacity "
                        f"{facts.get('storm_capacity')}", ok))
        else:
            out.append(("sign-up storm: no oversell", "not measured", None))
        idle, storm = rows.get("health_probe_idle"), rows.get("health_probe_storm")
        if idle and storm and idle["p99"] and storm["p99"] is not None:
            ratio = storm["p99"] / idle["p99"]
            out.append(("health p99 during login storm ≤ 2× idle",
                        f"{fmt(storm['p99'], 2)} ms vs {fmt(idle['p99'], 2)} ms idle = {ratio:.1f}×", ratio <= 2.0))
        else:
            out.append(("health p99 during login storm ≤ 2× idle", "not measured", None))
        rss = num(facts.get("rss_peak_kib"))
        out.append(("server peak RSS ≤ 300 MiB", f"{fmt(rss / 1024 if rss else None)} MiB",
                    rss is not None and rss / 1024 <= 300))
    return out


def target_marks(scale, pg):
    """Scenario id -> the ratio target drawn on the chart."""
    if scale == "national":
        return {}
    return {sid: bound for _, sid, kind, bound in REGION_TARGETS if kind == "ratio" and not (pg and sid == "signup")}


def verdict(ok):
    return "–" if ok is None else ("**pass**" if ok else "**miss**")


def markdown(facts, rows, order, checks, scale, svg_name):
    date = facts.get("date", "")
    L = []
    add = L.append
    pg = facts.get("db_kind") == "postgres"
    add(f"# Benchmark {date}: {scale} scale, {'PostgreSQL' if pg else 'SQLite'}")
    add("")
    add(f"Written by `bench/run.sh {scale}` (`make bench` is region, `make bench-national` national). Every figure is "
        "set beside a limit measured on the same machine in the same run, because absolute figures drift on "
        "shared machines.")
    add("")
    add(f"![Ratio to limit per scenario, with targets]({svg_name})")
    add("")
    add("## Machine and versions")
    add(f"- {facts.get('cores')} cores ({facts.get('cpu')}), {facts.get('memory_gib')} GiB memory, "
        f"Linux {facts.get('kernel')}; load average before the run: {facts.get('load_before')}.")
    add(f"- {facts.get('nginx_version')}, wrk {facts.get('wrk_version')}, SQLite {facts.get('sqlite_version')}, "
        f"PostgreSQL {facts.get('postgres_version', '–')}, Tianshan commit `{facts.get('commit')}` (binary `{facts.get('binary')}`).")
    add(f"- Load: wrk on loopback, 2 threads, {facts.get('connections')} connections, {facts.get('warmup')} s warm-up "
        f"then {facts.get('duration')} s measured per scenario; server: {facts.get('server')}. Started "
        f"{facts.get('started')}.")
    add("")
    add("## Data")
    size = num(facts.get("db_bytes"))
    took = f": {facts['generation_seconds']} s" if facts.get("generation_seconds") else ""
    add(f"- Generator: `{facts.get('generator')}`{took}; database on disk {fmt(size / 2**20 if size else None, 1)} MiB.")
    if facts.get("generator_summary"):
        add(f"- The generator's own summary: {facts['generator_summary']}")
    table_rows = {k[5:]: int(v) for k, v in facts.items() if k.startswith("rows.") and v.isdigit()}
    big = sorted(((n, t) for t, n in table_rows.items() if n), reverse=True)[:8]
    add(f"- Rows: {fmt(sum(table_rows.values()))} in {len(table_rows)} tables; largest: "
        + ", ".join(f"`{t}` {fmt(n)}" for n, t in big) + ".")
    add("")
    add("## Limits (same run)")
    add("| limit | figure |")
    add("| --- | ---: |")
    nginx = rows.get("nginx")
    add(f"| nginx, 15-byte static file, {facts.get('connections')} connections | {fmt(nginx and nginx['rps'])} requests/s |")
    add(f"| raw SQLite single-row insert transactions (server pragmas, 1 connection) | "
        f"{fmt(num(facts.get('sqlite_insert_tx_per_s')))} /s |")
    add(f"| raw SQLite primary-key reads (1 connection) | {fmt(num(facts.get('sqlite_pk_reads_per_s')))} /s |")
    threads = facts.get("raw_read_threads")
    for key, what, unit in (("raw_people_pages_per_s", "the people walk's statements", "pages"),
                            ("raw_search_per_s", "the organization search's statements", "searches")):
        if key in facts:
            add(f"| raw SQLite, {what} ({threads} connections, `bench/sqlite_reads.cc`) | "
                f"{fmt(num(facts[key]))} {unit}/s |")
    if "pgbench_select_tps" in facts:
        add(f"| pgbench select-only (-S), scale 10, 64 clients, 2 threads | {fmt(num(facts['pgbench_select_tps']))} tps |")
        add(f"| pgbench TPC-B, scale 10, 64 clients, 2 threads | {fmt(num(facts['pgbench_tpcb_tps']))} tps |")
    else:
        add(f"| pgbench | skipped: {facts.get('pgbench_skipped', 'not run')} |")
    add("")
    add("PostgreSQL runs in a private cluster with fsync off (as `scripts/with-postgres.sh` starts it for the "
        "tests), so TPC-B is an upper bound. "
        + ("In this run Tianshan itself used such a cluster (`BENCH_DB=postgres`): sign-ups are compared with "
           "pgbench TPC-B; the sign-up target, set against raw SQLite, is not judged."
           if pg else "The pgbench figures are the limits for Tianshan on PostgreSQL "
           "(`BENCH_DB=postgres bench/run.sh region`)."))
    add("")
    add("## Scenarios")
    add("| scenario | requests/s | p50 ms | p99 ms | server CPU ms/request | ratio to limit | non-2xx / errors | "
        "peak RSS MiB |")
    add("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for sid in order:
        r = rows[sid]
        if sid.startswith("health_probe"):
            continue
        figure = r["rps"]
        label = r["label"]
        if sid == "signup":
            label += " (sign-ups/s from the rows)"
            figure = r["figure"]
        ratio = f"{r['ratio']:.2f}× {r['limit']}" if r["ratio"] is not None else "–"
        rss = fmt(r["rss_kib"] / 1024) if r["rss_kib"] else "–"
        add(f"| {label} | {fmt(figure)} | {fmt(r['p50'], 2)} | {fmt(r['p99'], 2)} | {fmt(r['cpu'], 3)} | {ratio} | "
            f"{r['non2xx']} / {r['errors']} | {rss} |")
    add("")
    add(f"Peak RSS is the server's VmHWM when the scenario ended (its peak since start, so it only grows); at the "
        f"end of the run: {fmt(num(facts.get('rss_peak_kib'), 0) / 1024)} MiB. Server CPU is user + system time "
        "of the server process during the measured run, divided by the requests answered"
        + ("; PostgreSQL's own processes are not included." if pg else "."))
    add("")
    raw_reads = raw_read_lines(facts, rows)
    if raw_reads:
        add("## Reads beside the raw database")
        add("The same SQL statements the server runs for these requests, run by SQLite alone on the same database "
            "in the same run (one connection per core, prepared once, columns read in place: no HTTP, no JSON, no "
            "copies). What the server adds is its own cost; the raw rate over nginx's is the most any server "
            "could reach with these statements on this machine.")
        add("")
        add("| scenario | server /s | raw SQLite /s | server ÷ raw | server CPU ms | raw CPU ms | raw ÷ nginx |")
        add("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        L.extend(raw_reads)
        add("")
    add("## Storms")
    if "signup" in rows:
        s = rows["signup"]
        add(f"- **Sign-up storm** on shift {facts.get('storm_shift')} (capacity {facts.get('storm_capacity')}): "
            f"{facts.get('storm_sessions')} young people logged in beforehand; each request is one of them signing "
            f"up once. {fmt(s.get('made'))} sign-ups in {fmt(num(facts.get('storm_span_ms'), 0) / 1000, 2)} s = "
            f"**{fmt(s['figure'])} sign-ups/s**, {fmt(s['ratio'], 3)}× {s['limit']}.")
        add(f"- Afterwards in the database: {facts.get('storm_confirmed')} confirmed (capacity "
            f"{facts.get('storm_capacity')}), {facts.get('storm_waitlisted')} waitlisted; the shift's counters say "
            f"{facts.get('storm_counter_confirmed')} / {facts.get('storm_counter_waitlisted')}; "
            f"{s['pairs'].get('rejected', '0')} requests were refused. "
            f"**Oversell: {facts.get('storm_oversell')}.**"
            + (" Some wrk threads ran out of users before the end." if num(facts.get("storm_exhausted"), 0) else ""))
    else:
        add(f"- Sign-up storm: **skipped**: {facts.get('storm_skipped', 'not part of this scale')}.")
    idle, storm, login = rows.get("health_probe_idle"), rows.get("health_probe_storm"), rows.get("login")
    if idle and storm and login:
        add(f"- **Login storm**: {facts.get('connections')} connections logging in at once: "
            f"{fmt(login['rps'], 1)} logins/s (Argon2id interactive, 64 MiB per hash), "
            f"p50 {fmt(login['p50'], 0)} ms, p99 {fmt(login['p99'], 0)} ms, {login['non2xx']} refused. "
            f"Meanwhile a second wrk (1 thread, {facts.get('probe_connections', 4)} connections) measured health: "
            f"p99 {fmt(storm['p99'], 2)} ms ({fmt(storm['rps'])} requests/s) against "
            f"{fmt(idle['p99'], 2)} ms ({fmt(idle['rps'])} requests/s) idle.")
    elif scale != "national":
        add("- Login storm: not measured.")
    add("")
    add("## Targets")
    add("| target | measured | result |")
    add("| --- | --- | --- |")
    for what, figure, ok in checks:
        add(f"| {what} | {figure} | {verdict(ok)} |")
    if scale == "small":
        add("")
        add("Small scale: the targets are the region targets, shown to try the flow, not to judge it.")
    add("")
    return "\n".join(L)


def raw_read_lines(facts, rows):
    """Table rows setting the people walk and the search beside raw SQLite running their statements."""
    nginx = rows.get("nginx", {}).get("rps")
    out = []
    for sid, rate_key, cpu_key in (("people_walk", "raw_people_pages_per_s", "raw_people_page_cpu_ms"),
                                   ("search", "raw_search_per_s", "raw_search_cpu_ms")):
        r, raw, raw_cpu = rows.get(sid), num(facts.get(rate_key)), num(facts.get(cpu_key))
        if not r or not raw:
            continue
        over = f"{r['rps'] / raw:.2f}×" if r["rps"] else "–"
        ceiling = f"{raw / nginx:.2f}×" if nginx else "–"
        out.append(f"| {r['label']} | {fmt(r['rps'])} | {fmt(raw)} | {over} | {fmt(r['cpu'], 3)} | "
                   f"{fmt(raw_cpu, 3)} | {ceiling} |")
    return out


def svg_chart(rows, order, scale, title, pg):
    marks = target_marks(scale, pg)
    bars = [rows[s] for s in order if rows[s].get("ratio") is not None and s != "nginx"]
    width, left, right, top, row_h = 760, 250, 60, 48, 30
    height = top + row_h * max(1, len(bars)) + 56
    top_ratio = max([1.0] + [b["ratio"] for b in bars] + list(marks.values())) * 1.1
    x = lambda v: left + (width - left - right) * v / top_ratio
    e = html.escape
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
           f'<rect width="{width}" height="{height}" fill="#fff"/>',
           f'<text x="{width / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">{e(title)}</text>',
           f'<text x="{width / 2}" y="36" text-anchor="middle" fill="#555">ratio to its limit (HTTP: nginx static '
           f'file; sign-ups: {"pgbench TPC-B" if pg else "raw SQLite inserts"}); black mark = target</text>']
    step = 0.25 if top_ratio <= 1.5 else 0.5
    t = 0.0
    while t <= top_ratio:
        out.append(f'<line x1="{x(t):.1f}" y1="{top - 4}" x2="{x(t):.1f}" y2="{height - 52}" stroke="#ddd"/>')
        out.append(f'<text x="{x(t):.1f}" y="{height - 38}" text-anchor="middle" fill="#555">{t:.2f}×</text>')
        t += step
    for i, b in enumerate(bars):
        y = top + i * row_h
        target = marks.get(b["id"])
        color = "#8a8a8a" if target is None else ("#2e8b57" if b["ratio"] >= target else "#d2691e")
        out.append(f'<text x="{left - 8}" y="{y + 18}" text-anchor="end">{e(b["label"])}</text>')
        out.append(f'<rect x="{left}" y="{y + 5}" width="{max(1.0, x(b["ratio"]) - left):.1f}" height="{row_h - 10}" '
                   f'fill="{color}"/>')
        out.append(f'<text x="{x(b["ratio"]) + 4:.1f}" y="{y + 18}">{b["ratio"]:.2f}×</text>')
        if target is not None:
            out.append(f'<line x1="{x(target):.1f}" y1="{y + 1}" x2="{x(target):.1f}" y2="{y + row_h - 1}" '
                       f'stroke="#000" stroke-width="3"/>')
    legend = [("#2e8b57", "meets its target"), ("#d2691e", "misses its target"), ("#8a8a8a", "no ratio target")]
    lx = left
    for color, text in legend:
        out.append(f'<rect x="{lx}" y="{height - 14}" width="10" height="10" fill="{color}"/>')
        out.append(f'<text x="{lx + 14}" y="{height - 5}" fill="#555">{text}</text>')
        lx += 150
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main():
    facts_path, scenarios_path, prefix = sys.argv[1:4]
    facts, rows, order = load(facts_path, scenarios_path)
    scale = facts.get("scale", "region")
    pg = facts.get("db_kind") == "postgres"
    db_name = "PostgreSQL" if pg else "SQLite"
    compute(facts, rows)
    checks = judge(facts, rows, scale)
    svg_name = prefix.rsplit("/", 1)[-1] + ".svg"
    with open(prefix + ".svg", "w") as f:
        f.write(svg_chart(rows, order, scale, f"Tianshan {facts.get('date', '')}, {scale} scale, {db_name}", pg))
    with open(prefix + ".md", "w") as f:
        f.write(markdown(facts, rows, order, checks, scale, svg_name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
