"""The load benchmark's own parts (bench/load/): reading wrk's figures, the Lua data wrk is given, the readers'
sessions and the results file. No load is generated here; the benchmark itself is bench/load.py."""

import datetime
from importlib import import_module

import pytest
from django.conf import settings
from django.contrib.auth import get_user
from django.contrib.auth.models import Group
from django.test import RequestFactory

from bench.load import lua_data, prepare, profile, results, wrk
from handbook.roles import EMPLOYEES
from tests.factories import UserFactory

WRK_OUTPUT = """Running 20s test @ http://127.0.0.1:40123
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    41.20ms   12.01ms 180.33ms   71.00%
  8000 requests in 20.00s, 220.00MB read
Requests/sec:    400.00
BENCH_RESULT requests=8000 duration_us=20000000 bytes=230686720 p50_us=38500 p95_us=61000 p99_us=97250 \
max_us=180330 connect=0 read=0 write=0 status=0 timeout=0 checked=800 wrong=0 first_wrong=
"""


def figures(**changes):
    """wrk's output with some of the script's figures changed."""
    values = {"requests": 8000, "duration_us": 20_000_000, "p99_us": 97250, "status": 0, "wrong": 0, **changes}
    lines = []
    for line in WRK_OUTPUT.splitlines():
        if line.startswith("BENCH_RESULT"):
            pairs = (pair.split("=", 1) for pair in line.split()[1:])
            line = "BENCH_RESULT " + " ".join(f"{key}={values.get(key, value)}" for key, value in pairs)
        lines.append(line)
    return wrk.parse("\n".join(lines))


def session_request(cookie):
    """A request carrying ``cookie``, with its session loaded as SessionMiddleware loads it."""
    request = RequestFactory().get("/", HTTP_COOKIE=cookie)
    store = import_module(settings.SESSION_ENGINE).SessionStore
    request.session = store(request.COOKIES[settings.SESSION_COOKIE_NAME])
    return request


def test_wrk_figures_are_read_from_the_scripts_line():
    parsed = wrk.parse(WRK_OUTPUT)
    assert parsed.requests == 8000
    assert parsed.requests_per_second == pytest.approx(400.0)
    assert (parsed.p50_ms, parsed.p95_ms, parsed.p99_ms) == (38.5, 61.0, 97.25)
    assert parsed.errors == {"connect": 0, "read": 0, "write": 0, "status": 0, "timeout": 0}
    assert parsed.faultless


def test_an_error_status_or_a_wrong_page_is_not_faultless():
    assert not figures(status=3).faultless
    wrong = figures(wrong=2)
    assert not wrong.faultless
    assert wrong.wrong == 2
    assert not figures(requests=0).faultless  # a page slower than the run: no answer is no success


def test_a_failed_wrk_run_is_an_error_not_zero_figures():
    with pytest.raises(ValueError, match="BENCH_RESULT"):
        wrk.parse("unable to connect to 127.0.0.1:40123 Connection refused\n")


def test_wrk_command_gives_the_data_file_to_the_script():
    command = wrk.command("http://127.0.0.1:1234", "var/home.lua", duration=20, connections=16)
    assert command[:4] == ["wrk", "-t2", "-c16", "-d20s"]
    assert command[-3:] == ["http://127.0.0.1:1234", "--", "var/home.lua"]
    assert str(wrk.SCRIPT) in command


def test_lua_strings_escape_quotes_backslashes_and_danish_letters():
    assert lua_data.lua_string('a "b" \\ c') == '"a \\"b\\" \\\\ c"'
    # UTF-8 bytes as three-digit decimal escapes, so a digit after one cannot extend it.
    assert lua_data.lua_string("Læser 001") == '"L\\195\\166ser 001"'
    assert lua_data.lua_string("ø1") == '"\\195\\1841"'


def test_the_scenario_file_is_a_lua_table_of_requests():
    text = lua_data.scenario_file(
        {
            "method": "GET",
            "expect": 200,
            "requests": [{"path": "/", "cookie": "sessionid=abc", "body": None}],
        }
    )
    assert text.splitlines()[1] == "return {"
    assert '  method = "GET",' in text
    assert '      path = "/",' in text
    assert "body" not in text  # nil is left out
    with pytest.raises(TypeError):
        lua_data.to_lua({"when": datetime.date(2026, 1, 1)})


@pytest.mark.django_db
def test_a_readers_session_logs_that_reader_in():
    readers = prepare.readers(3)
    assert [reader.first_name for reader in readers] == ["Læser 001", "Læser 002", "Læser 003"]
    assert all(reader.groups.filter(name=EMPLOYEES).exists() for reader in readers)
    assert len(prepare.readers(3)) == 3  # made once
    assert prepare.greeting(readers[0]) == "Læser 001"

    cookie, csrf = prepare.login_cookie(readers[1])
    request = session_request(cookie)
    assert get_user(request) == readers[1]
    assert request.COOKIES[settings.CSRF_COOKIE_NAME] == csrf and len(csrf) == 32
    assert prepare.login_cookie(readers[1])[0] != cookie  # each call is another session


@pytest.mark.django_db
def test_the_data_sets_employees_read_first():
    employee = UserFactory(username="jens", first_name="Jens")
    employee.groups.add(Group.objects.get_or_create(name=EMPLOYEES)[0])
    UserFactory(username="outsider")  # not an employee: never a reader

    readers = prepare.readers(2)
    assert [reader.username for reader in readers] == ["jens", "laeser-001"]


@pytest.mark.django_db
def test_a_session_ends_when_the_readers_password_changes():
    reader = prepare.readers(1)[0]
    cookie, _csrf = prepare.login_cookie(reader)
    reader.set_password("a new password of some length")
    reader.save()
    assert get_user(session_request(cookie)).is_anonymous  # the session carries the real password hash


def section(database="sqlite", procedure_rps=300.0, minimal_rps=1000.0, p99_ms=50.0, status_errors=0):
    def row(name, rps, p99=10.0, status=0):
        f = wrk.Figures(
            requests=int(rps * 20),
            seconds=20.0,
            p50_ms=5.0,
            p95_ms=8.0,
            p99_ms=p99,
            max_ms=p99,
            errors={"connect": 0, "read": 0, "write": 0, "status": status, "timeout": 0},
            checked=10,
            wrong=0,
            first_wrong="",
        )
        return results.Row(name, name, f"GET /{name}/", f)

    return results.Section(
        database=database,
        documents=10_000,
        measured_at=datetime.datetime(2026, 11, 24, 14, 0, tzinfo=datetime.UTC),
        machine="a test machine",
        software="SQLite",
        load=((1.0, 1.0, 1.0), (2.0, 2.0, 2.0)),
        commands=[".venv/bin/python bench/load.py --database " + database],
        settings="20 s per scenario",
        rows=[
            row("minimal", minimal_rps),
            row("procedure", procedure_rps, p99=p99_ms),
            row("report", 50.0, status=status_errors),
        ],
        reports_stored=1000,
    )


def test_the_verdict_states_the_procedure_pages_share_and_the_goals():
    text = section(procedure_rps=300.0, minimal_rps=1000.0, p99_ms=50.0).markdown()
    assert "**30.0 %** of the minimal view's requests/s" in text
    assert "goal ≥ 10 %: met" in text and "goal < 100 ms: met" in text
    assert "Errors: none (goal met)." in text
    assert "Measured 2026-11-24 15:00 (Europe/Copenhagen)" in text


def test_a_missed_goal_and_errors_are_said_plainly():
    text = section(procedure_rps=50.0, minimal_rps=1000.0, p99_ms=250.0, status_errors=4).markdown()
    assert "**5.0 %**" in text
    assert "goal ≥ 10 %: **missed**" in text and "goal < 100 ms: **missed**" in text
    assert "Errors: **in report** (goal missed)." in text
    assert "| report | `GET /report/` | 50 |" in text
    assert "0/0/0/4/0" in text


def test_a_rerun_replaces_only_its_own_databases_section(tmp_path):
    path = tmp_path / "RESULTS.md"
    results.write(path, section("postgres", procedure_rps=100.0))
    path.write_text(path.read_text() + "\n## Where the time goes\n\nWritten by hand.\n")
    results.write(path, section("sqlite", procedure_rps=200.0))
    results.write(path, section("postgres", procedure_rps=400.0))

    text = path.read_text()
    assert text.startswith(results.HEADER.split("<!-- load:end")[0])
    assert text.index("<!-- load:sqlite -->") < text.index("<!-- load:postgres -->")
    assert text.count("<!-- load:postgres -->") == 1
    assert "**40.0 %**" in text and "**10.0 %**" not in text  # the new PostgreSQL figures, not the old
    assert "**20.0 %**" in text  # SQLite's section untouched
    assert "Written by hand." in text


def test_new_sections_go_above_the_analysis_written_by_hand(tmp_path):
    path = tmp_path / "RESULTS.md"
    results.write(path, section("sqlite"))
    path.write_text(path.read_text() + "\n## Where the time goes\n\nWritten by hand.\n")
    results.write(path, section("postgres"))

    text = path.read_text()
    assert text.index("<!-- /load:postgres -->") < text.index("## Where the time goes")


def test_py_spy_samples_count_for_the_innermost_part_of_the_stack():
    request = "run (gunicorn/workers/gthread.py:1);__call__ (django/core/handlers/wsgi.py:124);"
    collapsed = "\n".join(
        [
            request + "render (django/template/base.py:1017);get (redis/client.py:9);recv (socket.py:1) 30",
            request + "render (django/template/base.py:1017) 50",
            request + "serve (wagtail/views.py:19);execute (django/db/backends/utils.py:1) 15",
            request + "route (handbook/page_cache.py:120);sha256 (hashlib.py:1) 5",
            "run (threading.py:982);_worker (concurrent/futures/thread.py:81) 900",  # an idle thread
            "not a stack line",
        ]
    )
    shares = dict(profile.summarize(collapsed))
    assert shares == {
        "template rendering": 50.0,
        "cache (Redis client)": 30.0,
        "SQL (database driver and Django's query execution)": 15.0,
        "the portal's own code": 5.0,
    }
    assert profile.summarize("") == []
