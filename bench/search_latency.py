#!/usr/bin/env python
"""Latency of the search page at scale, side by side with a minimal Django view, on SQLite or PostgreSQL.

    .venv/bin/python bench/search_latency.py --database sqlite --documents 10000
    .venv/bin/python bench/search_latency.py --database postgres --documents 10000

Builds a fresh database (a SQLite file under var/bench/sqlite/, or the PostgreSQL database kp_bench at
127.0.0.1:5432 as user postgres), migrates it, generates the handbook, then requests /search/ in process
with Django's test client as a logged-in reader: a warm-up, then N rounds of a fixed set of Danish queries
and of the minimal view. Writes p50, p95, mean (cold and warm) and SQL queries per request to bench/SEARCH_RESULTS.md,
replacing that database's section. `--reuse` skips the rebuild when the database is already there.
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import measure, report  # noqa: E402 - after the path is set
from bench.databases import POSTGRES_SERVER, fresh_database  # noqa: E402

PYTHON = sys.executable
POSTGRES_DATABASE = "kp_bench"

# (what it stands for, the query string of /search/)
QUERIES = [
    ("one word", "q=afvigelse"),
    ("inflected form", "q=afvigelserne"),
    ("inflected form", "q=journaliseringen"),
    ("compound word", "q=støjklager"),
    ("rare word", "q=grødeskæring"),
    ("two words", "q=jordflytning+anmeldelse"),
    ("two words", "q=dispensation+naturtyper"),
    ("question", "q=hvordan+behandler+jeg+en+støjklage"),
    ("phrase", "q=%22fristen+for+en+partsh%C3%B8ring%22"),
    ("phrase in an attachment", "q=%22konstruktiv+rundvisning+p%C3%A5+matriklen%22"),
    ("document number", "q=PRO-014"),
    ("facet filter", "q=tilsyn&type=procedurepage"),
    ("second page", "q=miljøtilsyn&page=2"),
    ("no hits", "q=xylofonundervisning"),
]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", choices=["sqlite", "postgres"], required=True)
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--sections", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=30, help="Measured rounds over all queries.")
    parser.add_argument("--warmup", type=int, default=3, help="Unmeasured rounds first.")
    parser.add_argument("--budget", type=float, default=120, help="Seconds one query may take over all rounds.")
    parser.add_argument("--reuse", action="store_true", help="Keep an existing benchmark database.")
    parser.add_argument("--setup-only", action="store_true", help="Build the database, measure nothing.")
    parser.add_argument("--profile", action="store_true", help="Also profile one round of searches (cProfile).")
    parser.add_argument("--results", type=Path, default=ROOT / "bench" / "SEARCH_RESULTS.md")
    return parser.parse_args()


def environment(database):
    var_dir = ROOT / "var" / "bench" / database
    url = f"sqlite:///{var_dir / 'db.sqlite3'}" if database == "sqlite" else f"{POSTGRES_SERVER}/{POSTGRES_DATABASE}"
    return {"DATABASE_URL": url, "PORTAL_VAR_DIR": str(var_dir), "DJANGO_SETTINGS_MODULE": "bench.settings"}


def manage(env, *arguments):
    """Runs manage.py with the benchmark's settings; returns (command line, seconds)."""
    command = [PYTHON, "manage.py", *arguments]
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env={**os.environ, **env}, check=True)  # noqa: S603 - our own manage.py
    return "manage.py " + " ".join(arguments), time.perf_counter() - started


def build(args, env):
    var_dir = Path(env["PORTAL_VAR_DIR"])
    var_dir.mkdir(parents=True, exist_ok=True)
    fresh_database(env["DATABASE_URL"])
    steps = [manage(env, "migrate", "--noinput", "-v0")]
    steps.append(manage(env, "generate_handbook", "--documents", str(args.documents), "--sections", str(args.sections)))
    return steps


def search_urls():
    return [(label, f"/search/?{query}") for label, query in QUERIES]


def document_count():
    from handbook.models import ControlledDocumentPage

    return ControlledDocumentPage.objects.live().count()


def main():
    args = parse_args()
    env = environment(args.database)
    os.environ.update(env)
    steps = []
    if not (args.reuse and report.database_exists(args.database, env)):
        steps = build(args, env)
    if args.setup_only:
        return
    # Started as the deployed portal starts (portal/wsgi.py), so whatever it does at start-up counts here too.
    import portal.wsgi  # noqa: F401

    load_before = os.getloadavg()
    urls = search_urls()
    measurements = measure.measure([*urls, ("minimal Django view", measure.MINIMAL_URL)], **timing(args))
    if args.profile:
        measure.profile(urls, Path(env["PORTAL_VAR_DIR"]) / "search.prof")
    section = report.Section(
        database=args.database,
        documents=document_count(),
        command=" ".join(["bench/search_latency.py", *sys.argv[1:]]),
        steps=steps,
        rounds=args.rounds,
        warmup=args.warmup,
        load=(load_before, os.getloadavg()),
        rows=measurements[:-1],
        minimal=measurements[-1],
    )
    report.write(args.results, section)
    print(section.markdown())


def timing(args):
    return {"rounds": args.rounds, "warmup": args.warmup, "budget": args.budget}


if __name__ == "__main__":
    main()
