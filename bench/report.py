"""The benchmark's figures as markdown: one section per database in bench/SEARCH_RESULTS.md, replaced on a rerun."""

import datetime
import os
import platform
import re
import statistics
import subprocess
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

GOAL_MS = 100
HEADER = """# Search latency at scale

Goal (issue 5, point 10): **p95 under 100 ms on PostgreSQL at 10,000 documents for a logged-in user**, and
the number of SQL queries per search page independent of the number of hits.

Each section below is written by `bench/search_latency.py` (see bench/README.md) for one database: a fresh
database, migrated, filled by `manage.py generate_handbook`, then `GET /search/?…` for a fixed set of Danish
queries and a minimal Django view (same middleware: session, user, login required; no work), requested in
process with Django's test client as a logged-in reader, after a warm-up. Times are wall-clock per request,
in milliseconds, including the Django middleware and template rendering, excluding the network. "Cold" is a
query nobody has asked since the handbook last changed (the search's match cache cleared first), "warm" the
same query asked again.
"""


def p50(values):
    return statistics.median(values)


def p95(values):
    return percentile(values, 95)


def mean(values):
    return statistics.fmean(values)


def percentile(values, pct):
    return statistics.quantiles(values, n=100, method="inclusive")[pct - 1]


def machine():
    cpu = next(
        (line.split(":", 1)[1].strip() for line in _read("/proc/cpuinfo").splitlines() if "model name" in line),
        platform.processor(),
    )
    memory = next((line.split()[1] for line in _read("/proc/meminfo").splitlines() if "MemTotal" in line), "0")
    return (
        f"{cpu}, {os.cpu_count()} cores, {int(memory) // 1024 // 1024} GB RAM, {platform.system()} {platform.release()}"
    )


def _read(path):
    try:
        return Path(path).read_text()
    except OSError:
        return ""


def software(database):
    import sqlite3

    import django
    import wagtail
    from django.db import connection

    if database == "sqlite":
        engine = f"SQLite {sqlite3.sqlite_version}"
    else:
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            engine = f"PostgreSQL {cursor.fetchone()[0].split()[0]}"
    versions = f"Python {platform.python_version()}, Django {django.get_version()}, Wagtail {wagtail.__version__}"
    return f"{engine}, {versions}, code at commit {commit()}"


def commit():
    """The commit measured, marked when tracked files differ from it."""
    try:
        head = _git("rev-parse", "--short", "HEAD")
        changed = _git("status", "--porcelain", "--untracked-files=no")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + (" with uncommitted changes" if changed else "")


def _git(*arguments):
    root = str(Path(__file__).resolve().parent.parent)
    command = ["git", "-C", root, *arguments]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()  # noqa: S603


def database_exists(database, env):
    if database == "sqlite":
        return Path(env["PORTAL_VAR_DIR"], "db.sqlite3").exists()
    import psycopg

    try:
        psycopg.connect(env["DATABASE_URL"]).close()
    except psycopg.OperationalError:
        return False
    return True


@dataclass
class Section:
    database: str
    documents: int
    command: str
    steps: list  # [(manage.py command, seconds)]
    rounds: int
    warmup: int
    load: tuple
    rows: list  # [bench.measure.Measurement] of the searches
    minimal: object  # the minimal view's Measurement

    @property
    def name(self):
        return {"sqlite": "SQLite", "postgres": "PostgreSQL"}[self.database]

    def markdown(self):
        now = datetime.datetime.now(ZoneInfo("Europe/Copenhagen"))
        cold = [ms for row in self.rows for ms in row.cold]
        warm = [ms for row in self.rows for ms in row.warm]
        lines = [
            f"<!-- results:{self.database} -->",
            f"## {self.name}, {_number(self.documents)} documents",
            "",
            f"Measured {now:%Y-%m-%d %H:%M} (Europe/Copenhagen) on {machine()}; {software(self.database)}.",
            f"Load average (1, 5, 15 min) before: {_load(self.load[0])}, after: {_load(self.load[1])} "
            "(the machine is shared; other work running at the same time slows every figure alike).",
            "",
            "Commands:",
            "",
            "```",
            f".venv/bin/python {self.command}",
            *[f"  # ran: .venv/bin/python {step}  ({seconds:.0f} s)" for step, seconds in self.steps],
            "```",
            "",
            f"{self.warmup} warm-up rounds, then {self.rounds} measured rounds; each round requests every query "
            "once cold (Django's cache cleared first: the search keeps a query's matches there until the handbook "
            "changes) and once warm (the same request again). n: cold requests measured, fewer for a query so slow "
            "that all rounds would exceed the time budget. SQL: queries of one cold / one warm request. Backend: "
            "`get_backend().search()` alone, cold, without view, template, query log and middleware.",
            "",
            "| query | URL | hits | SQL cold / warm | n | cold p50 | cold p95 | cold mean | warm p50 | warm p95 "
            "| warm mean | backend p95 |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
            *[self._row(row) for row in self.rows],
            f"| **all searches** | | | | {len(cold)} | **{p50(cold):.1f}** | **{p95(cold):.1f}** | "
            f"**{mean(cold):.1f}** | **{p50(warm):.1f}** | **{p95(warm):.1f}** | **{mean(warm):.1f}** | |",
            f"| {self.minimal.label} | `{self.minimal.url}` | | {self.minimal.queries_cold} | "
            f"{len(self.minimal.cold)} | {p50(self.minimal.cold):.1f} | {p95(self.minimal.cold):.1f} | "
            f"{mean(self.minimal.cold):.1f} | | | | |",
            "",
            "Milliseconds per request. " + self._verdict(cold, warm),
            f"SQL queries per search page (cold): {_query_counts(self.rows)}.",
            f"<!-- /results:{self.database} -->",
        ]
        return "\n".join(lines)

    def _verdict(self, cold, warm):
        def judged(values):
            return "met" if p95(values) < GOAL_MS else "missed"

        return (
            f"p95 over all searches: **{p95(cold):.0f} ms cold** (goal {judged(cold)}), "
            f"**{p95(warm):.0f} ms warm** (goal {judged(warm)}), against the goal of {GOAL_MS} ms; "
            f"the minimal view's p95 is {p95(self.minimal.cold):.1f} ms."
        )

    @staticmethod
    def _row(row):
        backend = f"{p95(row.backend):.1f}" if len(row.backend) > 1 else f"{row.backend[0]:.1f} (once)"
        return (
            f"| {row.label} | `{row.url}` | {_number(row.hits)} | {row.queries_cold} / {row.queries_warm} | "
            f"{len(row.cold)} | {p50(row.cold):.1f} | {p95(row.cold):.1f} | {mean(row.cold):.1f} | "
            f"{p50(row.warm):.1f} | {p95(row.warm):.1f} | {mean(row.warm):.1f} | {backend} |"
        )


def _number(value):
    """10.000, the Danish way."""
    return f"{value:,}".replace(",", ".")


def _load(values):
    return ", ".join(f"{value:.1f}" for value in values)


def _query_counts(rows):
    counts = sorted({row.queries_cold for row in rows})
    by_count = {count: [row.label for row in rows if row.queries_cold == count] for count in counts}
    return "; ".join(f"{count} ({', '.join(labels)})" for count, labels in by_count.items())


def write(path, section):
    """Replaces the database's section in the results file, or adds it; SQLite first, then PostgreSQL."""
    text = path.read_text() if path.exists() else HEADER
    if "<!-- results:" in text:  # the explanation above the sections is always the current one
        text = HEADER + "\n" + text[text.index("<!-- results:") :]
    pattern = re.compile(rf"<!-- results:{section.database} -->.*?<!-- /results:{section.database} -->", re.S)
    block = section.markdown()
    if pattern.search(text):
        text = pattern.sub(lambda _match: block, text)
    elif section.database == "sqlite" and "<!-- results:postgres -->" in text:
        text = text.replace("<!-- results:postgres -->", f"{block}\n\n<!-- results:postgres -->")
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text)
