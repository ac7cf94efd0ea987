"""Nothing lost under load: the real portal under gunicorn, many reporters at once, a worker killed mid-load.

Each client is a person in a browser: it opens the deviation form, sends it, and reads the reference off the
receipt. When the connection breaks (the worker handling it was killed), the person sends the same form
again, as they would after an error page; the form's hidden submission key makes that resend show the case
the lost request already stored, or store it now if the lost request never committed. A response that was
lost is therefore accounted for by its resend: every report ends with exactly one receipt and one case.

The mail server is down all along: it drops every connection, so each mail fails after the commit and costs
nothing. Just before the kill it hangs instead, until every worker thread waits on it: those requests have
committed their case and not yet answered, so the kill is sure to lose responses of stored cases.
"""

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
from bs4 import BeautifulSoup
from django.conf import settings
from django.db import connection
from django.test import Client

from forms.models import CaseNumberCounter, Deviation
from tests.factories import UserFactory
from tests.forms.test_submission import form_values, receipt_reference, this_year

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: gunicorn's workers and the test share one database, which SQLite cannot serve "
    "to several writing processes at once (set DATABASE_URL=postgres://...).",
)

CLIENTS = 16
REPORTS_PER_CLIENT = 13  # 208 reports, 416 requests
KILL_AFTER = CLIENTS * REPORTS_PER_CLIENT // 3  # receipts seen before a worker is killed
ATTEMPTS = 6
WORKERS, THREADS = 2, 4
BASE_DIR = Path(settings.BASE_DIR)


@dataclass
class Report:
    """What one person sent, what the receipt said, and how many of their posts went unanswered."""

    user_id: int
    title: str
    description: str
    reference: str | None = None
    lost_posts: int = 0


@dataclass
class Load:
    reports: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    receipts: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    enough_for_the_kill: threading.Event = field(default_factory=threading.Event)

    def receipt_seen(self):
        with self.lock:
            self.receipts += 1
            if self.receipts >= KILL_AFTER:
                self.enough_for_the_kill.set()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_no_report_is_lost_or_doubled_when_a_worker_dies_under_load(reporting, tmp_path):
    people = [UserFactory(username=f"belastning{number}") for number in range(CLIENTS)]
    cookies = [session_cookie(person) for person in people]  # committed: the test is transactional
    form_url = reporting.deviation_form.url

    with MailServerDown() as mail, portal_under_gunicorn(tmp_path, mail.port) as server:
        load = Load()
        threads = [
            threading.Thread(target=report_many, args=(server.url + form_url, person.pk, cookie, number, load))
            for number, (person, cookie) in enumerate(zip(people, cookies, strict=True))
        ]
        for thread in threads:
            thread.start()
        assert load.enough_for_the_kill.wait(timeout=120), f"the load never got going: {load.errors[:3]}"
        workers_before = server.workers()
        # A loaded machine takes a while to bring every thread to the mail server; the wait ends when they are there.
        waiting_on_mail = mail.hang_until(WORKERS * THREADS, timeout=60)
        os.kill(workers_before[0], signal.SIGKILL)
        mail.drop_again()
        for thread in threads:
            thread.join(timeout=180)
        assert not any(thread.is_alive() for thread in threads), "a client hung"
        replaced = server.wait_for_workers(exclude=workers_before[0])
        log = server.log()

    assert load.errors == []
    assert replaced, "gunicorn did not start a new worker in place of the killed one"
    assert waiting_on_mail == WORKERS * THREADS, "the workers were not all busy when one was killed"
    reports = load.reports
    assert len(reports) == CLIENTS * REPORTS_PER_CLIENT
    lost = sum(report.lost_posts for report in reports)

    references = [report.reference for report in reports]
    assert len(set(references)) == len(references), "two receipts show the same reference"
    stored = {case.reference: case for case in Deviation.objects.all()}
    assert len(stored) == len(reports), f"{len(stored)} cases stored for {len(reports)} receipts ({lost} lost posts)"
    assert set(stored) == set(references)
    for report in reports:
        case = stored[report.reference]
        assert (case.title, case.description, case.reporter_id) == (report.title, report.description, report.user_id)
        assert case.live and not case.anonymous
        assert [answer["value"] for answer in case.answers] == [report.title]

    # Numbers are taken in the case's own transaction, so a request killed before its commit gives its number
    # back: the year's references run from 0001 without a gap, and the counter stands at the last one.
    year = this_year()
    assert sorted(references) == [f"AFV-{year}-{number:04d}" for number in range(1, len(reports) + 1)]
    assert CaseNumberCounter.objects.get(prefix="AFV", year=year).last_number == len(reports)
    # The mail server was down: every mail failed after the commit, in the log, not in front of the reporter.
    assert '" 500 ' not in log
    mailed = set(re.findall(r"Could not send the receipt mail for (AFV-\d{4}-\d{4})", log))
    # The cases whose request died while it waited on the mail server: stored, never answered. Their reporters
    # sent the form again and got the same case back, not a second one.
    answered_on_resend = set(stored) - mailed
    assert answered_on_resend, "no stored case lost its response, so the resend of one was not tested"
    for report in reports:
        if report.reference in answered_on_resend:
            assert report.lost_posts >= 1
    print(
        f"{len(reports)} reports by {CLIENTS} people; {lost} posts lost with the worker and sent again, "
        f"{len(answered_on_resend)} of them after their case was stored"
    )


def report_many(form_url, user_id, cookie, number, load):
    browser = requests.Session()
    browser.cookies.set(settings.SESSION_COOKIE_NAME, cookie, domain="127.0.0.1")
    try:
        for sequence in range(REPORTS_PER_CLIENT):
            report = Report(user_id, f"Belastning {number}-{sequence}", f"Rapport {uuid.uuid4()} fra klient {number}.")
            report.reference = send_report(browser, form_url, report)
            with load.lock:
                load.reports.append(report)
            load.receipt_seen()
    except Exception as error:  # reported by the test, not lost in the thread
        with load.lock:
            load.errors.append(f"client {number}: {error!r}")
    finally:
        browser.close()


def send_report(browser, form_url, report):
    """Opens the form, fills it in and sends it; sends the same form again while no answer comes back."""
    blank = persistently(lambda: browser.get(form_url, timeout=60))
    data = form_values(blank)
    data.update(title=report.title, description=report.description)
    for name in extra_questions(blank):
        data[name] = report.title
    data["csrfmiddlewaretoken"] = csrf_token(blank)
    for attempt in range(ATTEMPTS):
        try:
            response = browser.post(form_url, data=data, headers={"Referer": form_url}, timeout=60)
        except requests.ConnectionError:
            report.lost_posts += 1
            time.sleep(0.2 * (attempt + 1))  # a person reads the error, then presses the button again
            continue
        reference = receipt_reference(response)
        if response.status_code != 200 or reference is None:
            raise AssertionError(f"{report.title}: HTTP {response.status_code} without a receipt")
        return reference
    raise AssertionError(f"{report.title}: no answer after {ATTEMPTS} attempts")


def persistently(request):
    for attempt in range(ATTEMPTS):
        try:
            response = request()
        except requests.ConnectionError:
            time.sleep(0.2 * (attempt + 1))
            continue
        response.raise_for_status()
        return response
    raise AssertionError(f"no answer after {ATTEMPTS} attempts")


def extra_questions(response):
    """The names of the questions editors added (the form's fields beyond the fixed ones)."""
    from forms.report_form import CORE_FIELDS

    return [name for name in form_values(response) if name not in CORE_FIELDS]


def csrf_token(response):
    return BeautifulSoup(response.content, "html.parser").find("input", {"name": "csrfmiddlewaretoken"})["value"]


def session_cookie(user):
    """A logged-in session stored in the test database, which gunicorn's workers read too."""
    browser = Client()
    browser.force_login(user)
    return browser.cookies[settings.SESSION_COOKIE_NAME].value


# The portal under gunicorn


@dataclass
class Server:
    process: subprocess.Popen
    url: str
    log_path: Path

    def workers(self):
        """gunicorn's workers: the master's child processes."""
        children = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:  # the process ended while we looked
                continue
            if int(fields[1]) == self.process.pid:
                children.append(int(stat.parent.name))
        return sorted(children)

    def wait_for_workers(self, exclude, count=2, timeout=20):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            workers = self.workers()
            if len(workers) == count and exclude not in workers:
                return True
            time.sleep(0.2)
        return False

    def log(self):
        return self.log_path.read_text(errors="replace")


class portal_under_gunicorn:  # noqa: N801 (used as a context manager, like open)
    """`make serve`'s gunicorn on a free port: production settings over plain HTTP, the test database, files
    in the test's folder, and the given mail server."""

    def __init__(self, folder, mail_port):
        self.folder, self.mail_port = folder, mail_port

    def __enter__(self):
        environment = self.environment()
        subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
            [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
            cwd=BASE_DIR,
            env=environment,
            check=True,
            timeout=120,
        )
        log_path = self.folder / "gunicorn.log"
        self.log_file = log_path.open("wb")
        gunicorn = Path(sys.executable).with_name("gunicorn")
        process = subprocess.Popen(  # noqa: S603
            # gunicorn 27 opens a control socket at one fixed path per user: ours must not take another server's.
            [str(gunicorn), "--config", "gunicorn.conf.py", "--no-control-socket"],
            cwd=BASE_DIR,
            env=environment,
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
        )
        self.server = Server(process, f"http://{environment['GUNICORN_BIND']}", log_path)
        try:
            self.wait_until_healthy()
        except BaseException:
            self.stop()
            raise
        return self.server

    def __exit__(self, *exc_info):
        self.stop()

    def environment(self):
        database = connection.settings_dict
        environment = {
            key: value
            for key, value in os.environ.items()
            if key not in {"REDIS_URL", "ELASTICSEARCH_URL", "DJANGO_SETTINGS_MODULE"}
        }
        environment.update(
            DJANGO_SETTINGS_MODULE="portal.settings.production",
            SECURE_PROXY="false",
            SECRET_KEY=settings.SECRET_KEY,  # the sessions made here are signed with it
            ALLOWED_HOSTS="127.0.0.1",
            DATABASE_URL=(
                f"postgres://{quote(database['USER'] or '')}:{quote(database['PASSWORD'] or '')}@"
                f"{database['HOST'] or '127.0.0.1'}:"
                f"{database['PORT'] or 5432}/{database['NAME']}"
            ),
            PORTAL_VAR_DIR=str(self.folder / "var"),
            MEDIA_ROOT=str(self.folder / "media"),
            PRIVATE_MEDIA_ROOT=str(self.folder / "private"),
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(self.mail_port),
            EMAIL_USE_TLS="false",
            EMAIL_TIMEOUT="30",  # longer than the wait for every thread to hang on the mail server
            PORTAL_REPORTS_PER_HOUR="1000",  # the hourly limit is not under test here
            LOG_LEVEL="WARNING",  # the failed mails are errors; the INFO chatter only costs time
            GUNICORN_BIND=f"127.0.0.1:{free_port()}",
            GUNICORN_WORKERS=str(WORKERS),
            GUNICORN_THREADS=str(THREADS),
        )
        return environment

    def wait_until_healthy(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.server.process.poll() is not None:
                raise AssertionError(f"gunicorn exited at start:\n{self.server.log()[-3000:]}")
            try:
                if requests.get(f"{self.server.url}/healthz/", timeout=2).status_code == 200:
                    return
            except requests.ConnectionError:
                pass
            time.sleep(0.2)
        raise AssertionError(f"gunicorn did not become healthy:\n{self.server.log()[-3000:]}")

    def stop(self):
        process = self.server.process
        if process.poll() is None:
            process.terminate()  # gunicorn's graceful stop: the master ends its workers
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.log_file.close()


class MailServerDown:
    """A mail server that takes each connection and drops it at once, or, while told to hang, holds it."""

    def __init__(self):
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.listener.settimeout(0.1)
        self.port = self.listener.getsockname()[1]
        self.hanging, self.stopping = threading.Event(), threading.Event()
        self.held, self.lock = [], threading.Lock()
        self.thread = threading.Thread(target=self.serve, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc_info):
        self.stopping.set()
        self.thread.join(timeout=5)
        self.drop_again()
        self.listener.close()

    def serve(self):
        while not self.stopping.is_set():
            try:
                conversation, _ = self.listener.accept()
            except TimeoutError:
                continue
            with self.lock:
                if self.hanging.is_set():
                    self.held.append(conversation)
                else:
                    conversation.close()

    def hang_until(self, count, timeout=20):
        """Holds every new connection until ``count`` are held (or the time is up); returns how many are."""
        self.hanging.set()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and len(self.held) < count:
            time.sleep(0.05)
        return len(self.held)

    def drop_again(self):
        with self.lock:
            self.hanging.clear()
            for conversation in self.held:
                conversation.close()
            self.held.clear()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
