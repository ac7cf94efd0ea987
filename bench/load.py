#!/usr/bin/env python
"""Load benchmark: the portal under gunicorn as deployed, measured with wrk as 200 logged-in readers.

    .venv/bin/python bench/load.py --database sqlite [--duration 20] [--connections 16] [--reuse]
    .venv/bin/python bench/load.py --database postgres [--duration 20] [--connections 16] [--reuse]

Builds the benchmark's database unless --reuse finds it (a SQLite file under var/bench/load/sqlite/, or the
PostgreSQL database kp_load at 127.0.0.1:5432 as user postgres): migrate, the demo portal (for the report
form), the large handbook. Then collects the static files, makes the readers' sessions, starts gunicorn
(gunicorn.conf.py, bench/serve_settings.py, Redis) on a free port of 127.0.0.1, checks a few answers of each
scenario, runs every scenario with wrk (a warm-up, then the measured run), stops gunicorn and writes the figures
into bench/RESULTS.md, replacing that database's section. Traffic goes only to 127.0.0.1.
"""

import argparse
import datetime
import os
import re
import secrets
import shlex
import subprocess
import sys
import urllib.error
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import report as search_report  # noqa: E402 - after the path is set
from bench.databases import POSTGRES_SERVER, fresh_database  # noqa: E402
from bench.load import lua_data, profile, results, server, wrk  # noqa: E402

PYTHON = sys.executable
POSTGRES_DATABASE = "kp_load"
LOGIN_FORM = 'autocomplete="current-password"'
GENERATE_DATA = ROOT / "portal" / "management" / "commands" / "generate_data.py"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", choices=["sqlite", "postgres"], required=True)
    parser.add_argument("--duration", type=int, default=20, help="Seconds each scenario is measured.")
    parser.add_argument("--warmup", type=int, default=5, help="Seconds of each scenario before it is measured.")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2, help="wrk's threads.")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn's worker processes.")
    parser.add_argument("--readers", type=int, default=200, help="Readers, each with a session of their own.")
    parser.add_argument("--only", nargs="+", metavar="SCENARIO", help="Measure only these scenarios (a trial).")
    parser.add_argument("--documents", type=int, default=10_000, help="Documents to generate when building.")
    parser.add_argument(
        "--generator",
        choices=["data", "handbook"],
        default="data" if GENERATE_DATA.exists() else "handbook",
        help="generate_data (the whole data set: versions, cases, users) or generate_handbook (documents only).",
    )
    parser.add_argument("--reuse", action="store_true", help="Measure the existing database without rebuilding.")
    parser.add_argument(
        "--database-url",
        help="Another database of the same kind to build or reuse (default: var/bench/load/sqlite or kp_load).",
    )
    parser.add_argument("--setup-only", action="store_true", help="Build the database, measure nothing.")
    parser.add_argument(
        "--profile",
        metavar="SCENARIO",
        help="After measuring, run SCENARIO once more under py-spy and add where its time goes.",
    )
    parser.add_argument("--redis-db", type=int, default=13, help="The Redis database the cache uses (flushed).")
    parser.add_argument("--results", type=Path, default=ROOT / "bench" / "RESULTS.md")
    return parser.parse_args()


def environment(args):
    var_dir = ROOT / "var" / "bench" / "load" / args.database
    postgres = f"{POSTGRES_SERVER}/{POSTGRES_DATABASE}"
    url = args.database_url or (f"sqlite:///{var_dir / 'db.sqlite3'}" if args.database == "sqlite" else postgres)
    return {
        "DJANGO_SETTINGS_MODULE": "bench.serve_settings",
        "DATABASE_URL": url,
        "DATABASE_CONN_MAX_AGE": "60",
        "PORTAL_VAR_DIR": str(var_dir),
        "REDIS_URL": f"redis://127.0.0.1:6379/{args.redis_db}",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_PROXY": "false",
        "PORTAL_REPORTS_PER_HOUR": "1000000",
        "GUNICORN_WORKERS": str(args.workers),
        "GUNICORN_ACCESS_LOG": str(var_dir / "access.log"),
    }


def manage(env, *arguments):
    command = [PYTHON, "manage.py", *arguments]
    print("+", " ".join(command[1:]), flush=True)
    # Without Wagtail's line per page created, which slows the generator down several times, and without Redis:
    # every page saved would bump the handbook's render version there (the cache is cleared before measuring).
    quiet = {**os.environ, **env, "LOG_LEVEL": "WARNING"}
    quiet.pop("REDIS_URL")
    subprocess.run(command, cwd=ROOT, env=quiet, check=True)  # noqa: S603 - our own manage.py


def build(args, env):
    Path(env["PORTAL_VAR_DIR"]).mkdir(parents=True, exist_ok=True)
    fresh_database(env["DATABASE_URL"])
    manage(env, "migrate", "--noinput", "-v0")
    if args.generator == "data":
        manage(env, "generate_data", "--documents", str(args.documents))
    else:
        manage(env, "load_demo", "--allow-demo-users")  # the reporting section and its forms
        manage(env, "generate_handbook", "--documents", str(args.documents))


def prepare(args, env):
    """The readers' sessions and each scenario's Lua data file, made inside Django."""
    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connections

    from bench.load import prepare as plan

    cache.clear()  # the benchmark's own Redis database: every run starts from a cold cache
    plan.forget_sessions()
    scenarios = plan.scenarios(plan.readers(args.readers))
    if args.only:
        scenarios = [scenario for scenario in scenarios if scenario["name"] in args.only]
    lua_dir = Path(env["PORTAL_VAR_DIR"]) / "lua"
    lua_dir.mkdir(exist_ok=True)
    for scenario in scenarios:
        scenario["file"] = lua_dir / f"{scenario['name']}.lua"
        scenario["file"].write_text(lua_data.scenario_file(_for_lua(scenario)))
    connections.close_all()
    return scenarios


def _for_lua(scenario):
    return {key: scenario[key] for key in ("method", "expect", "marker", "sample", "requests")}


def preflight(base_url, scenarios, count=3):
    """A few answers of each scenario, checked by hand: the status, the page's marker, the reader's own name or
    the document asked for, and never the login page. Raises RuntimeError with what was wrong."""
    for scenario in scenarios:
        for item in scenario["requests"][:count]:
            status, body = fetch(base_url, scenario["method"], item)
            expected = [scenario["marker"], item["check"]]
            missing = [text for text in expected if text and text not in body]
            if status != scenario["expect"] or missing or LOGIN_FORM in body:
                raise RuntimeError(
                    f"{scenario['name']}: {scenario['method']} {item['path']} answered {status}, "
                    f"missing {missing}, login page: {LOGIN_FORM in body}"
                )


def fetch(base_url, method, item):
    body = item.get("body")
    data = body.replace("SUBMISSIONKEY", str(uuid.uuid4())).encode() if body else None
    headers = {"Cookie": item["cookie"], "Accept-Language": "da"}
    if data:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    request = urllib.request.Request(base_url + item["path"], data=data, headers=headers, method=method)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=300) as answer:  # noqa: S310 - 127.0.0.1 only
            return answer.status, answer.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


def run_wrk(base_url, scenario, args, duration):
    command = wrk.command(
        base_url, scenario["file"], duration=duration, connections=args.connections, threads=args.threads
    )
    done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603 - wrk, our script
    return wrk.parse(done.stdout + done.stderr)


def stored_reports():
    from django.db import connections

    from bench.load.prepare import stored_reports as count

    try:
        return count()
    finally:
        connections.close_all()


def measure(args, base_url, scenarios, process):
    """Each scenario: a warm-up, the measured run and, for the one to profile, a run under py-spy at once (before
    a slower scenario's leftover requests could show in its samples). Returns rows, reports stored, shares."""
    rows, reports_stored, shares = [], 0, []
    for scenario in scenarios:
        print(f"{scenario['name']}: {args.warmup} s warm-up, {args.duration} s measured", flush=True)
        if args.warmup:
            run_wrk(base_url, scenario, args, args.warmup)
        before = stored_reports() if scenario["method"] == "POST" else 0
        figures = run_wrk(base_url, scenario, args, args.duration)
        if scenario["method"] == "POST":
            reports_stored = stored_reports() - before
        print(f"  {figures.requests_per_second:.0f} requests/s, p99 {figures.p99_ms:.1f} ms", flush=True)
        rows.append(results.Row(scenario["name"], scenario["label"], _request(scenario), figures))
        if scenario["name"] == args.profile:
            shares = where_time_goes(args, base_url, scenario, process)
    return rows, reports_stored, shares


def where_time_goes(args, base_url, scenario, process):
    """py-spy samples gunicorn's workers while wrk runs the scenario again; the shares per part of the stack."""
    output = Path(os.environ["PORTAL_VAR_DIR"]) / f"{args.profile}.pyspy.txt"
    print(f"{args.profile}: {args.duration} s under py-spy", flush=True)
    sampler = subprocess.Popen(  # noqa: S603 - py-spy on our own gunicorn
        profile.record_command(process.pid, args.duration, output), stdout=subprocess.DEVNULL
    )
    run_wrk(base_url, scenario, args, args.duration)
    sampler.wait(args.duration + 60)
    return profile.summarize(output.read_text())


def _request(scenario):
    paths = {item["path"] for item in scenario["requests"]}
    path = scenario["requests"][0]["path"]
    described = re.sub(r"\.[0-9a-f]{12}\.", ".<hash>.", path)  # the static file's hashed name
    return f"{scenario['method']} {described}" + (f" (+{len(paths) - 1} others)" if len(paths) > 1 else "")


def commands(args, env):
    shown = (
        "DATABASE_URL",
        "DATABASE_CONN_MAX_AGE",
        "REDIS_URL",
        "SECURE_PROXY",
        "GUNICORN_WORKERS",
        "PORTAL_REPORTS_PER_HOUR",
        "DJANGO_SETTINGS_MODULE",
    )
    settings = " ".join(f"{name}={env[name]}" for name in shown).replace(str(ROOT) + "/", "")
    scenario = wrk.command(
        "http://127.0.0.1:PORT",
        "var/bench/load/<database>/lua/<scenario>.lua",
        duration=args.duration,
        connections=args.connections,
        threads=args.threads,
    )
    return [
        f".venv/bin/python bench/load.py {shlex.join(sys.argv[1:])}",
        f"  # runs: {settings} SECRET_KEY=… ALLOWED_HOSTS=127.0.0.1 GUNICORN_BIND=127.0.0.1:PORT "
        f".venv/bin/gunicorn {' '.join(server.command()[1:])}",
        f"  # and per scenario, after a {args.warmup} s warm-up: {shlex.join(scenario).replace(str(ROOT) + '/', '')}",
    ]


def main():
    args = parse_args()
    env = environment(args)
    os.environ.update(env)
    if not (args.reuse and search_report.database_exists(args.database, env)):
        build(args, env)
    if args.setup_only:
        return
    manage(env, "collectstatic", "--noinput", "-v0")
    scenarios = prepare(args, env)
    port = server.free_port()
    base_url = f"http://127.0.0.1:{port}"
    process = server.start(env, port, Path(env["PORTAL_VAR_DIR"]) / "gunicorn.log")
    try:
        server.wait_healthy(base_url, process)
        preflight(base_url, scenarios)
        load_before = os.getloadavg()
        measured_at = datetime.datetime.now(datetime.UTC)
        rows, reports_stored, shares = measure(args, base_url, scenarios, process)
        load_after = os.getloadavg()
    finally:
        server.stop(process)
    section = results.Section(
        database=args.database,
        documents=document_count(),
        measured_at=measured_at,
        machine=search_report.machine(),
        software=search_report.software(args.database),
        load=(load_before, load_after),
        commands=commands(args, env),
        settings=(
            f"{args.duration} s per scenario after {args.warmup} s warm-up, wrk -t{args.threads} "
            f"-c{args.connections}, gunicorn {args.workers} workers × {os.environ.get('GUNICORN_THREADS', '4')} "
            f"threads, {args.readers} readers"
        ),
        rows=rows,
        reports_stored=reports_stored,
        profiled=args.profile or "",
        profile=shares,
    )
    results.write(args.results, section)
    print(section.markdown())


def document_count():
    from handbook.models import ControlledDocumentPage

    return ControlledDocumentPage.objects.live().count()


if __name__ == "__main__":
    main()
