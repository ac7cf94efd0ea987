"""What the load benchmark requests, prepared inside Django: readers with sessions of their own, and per
scenario the requests wrk sends (each with another reader's session) and what a right answer contains.

A session is made as a login makes it (the user's id, backend and password hash in the session store), without
going through the login page, so the benchmark measures the pages and not the password hasher or django-axes.
"""

import random
import string
from importlib import import_module
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.contrib.staticfiles.storage import staticfiles_storage
from django.utils.crypto import get_random_string
from django.utils.html import escape

from forms.models import Deviation, DeviationFormPage
from handbook.models import ProcedurePage
from handbook.roles import EMPLOYEES

READER_PREFIX = "laeser-"
BACKEND = "django.contrib.auth.backends.ModelBackend"
STATIC_FILE = "dkfds/css/dkfds.min.css"
# Typical searches: a word, an inflected form, two words, a document number.
SEARCHES = ["afvigelse", "støjklager", "jordflytning anmeldelse", "PRO-014", "tilsyn", "partshøring"]
# What each kind of answer contains; the login page contains none of them.
MARKERS = {
    "minimal": "id='bench-minimal-30kb'",
    "static": "font-family",
    "home": "page-home",
    "procedure": '<span class="document-number">PRO-',
    "search": "search-results-column",
    "report": 'class="receipt-reference">AFV-',
}


def readers(count):
    """``count`` active employees: the data set's own people first (they have reports, confirmations to give
    and teams, as real readers do), then readers «Læser 001» and on, made once, for what is missing."""
    User = get_user_model()
    employees = User.objects.filter(is_active=True, is_superuser=False, groups__name=EMPLOYEES)
    found = list(employees.exclude(username__startswith=READER_PREFIX).order_by("pk")[:count])
    names = [f"{READER_PREFIX}{number:03d}" for number in range(1, count - len(found) + 1)]
    existing = set(User.objects.filter(username__in=names).values_list("username", flat=True))
    new_users = [User(username=name, first_name=f"Læser {name[-3:]}") for name in names if name not in existing]
    for user in new_users:
        user.set_unusable_password()
    User.objects.bulk_create(new_users)
    made = list(User.objects.filter(username__in=names).order_by("username"))
    Group.objects.get_or_create(name=EMPLOYEES)[0].user_set.add(*made)
    return found + made


def greeting(user):
    """How the home page names the reader, as the template writes it."""
    return escape(user.first_name or user.get_username())


def forget_sessions():
    """The benchmark's database serves only the benchmark: the last run's sessions go."""
    Session.objects.all().delete()


def login_cookie(user):
    """A new session for ``user`` and a CSRF secret: the Cookie header a logged-in browser would send."""
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = BACKEND
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.save()
    csrf = get_random_string(32, string.ascii_letters + string.digits)
    cookie = f"{settings.SESSION_COOKIE_NAME}={store.session_key}; {settings.CSRF_COOKIE_NAME}={csrf}"
    return cookie, csrf


def scenarios(users, seed=1):
    """The scenarios in the order they run: the two baselines, then the portal's pages. Each is the data
    scenario.lua reads, plus a name and a label for the results."""
    rng = random.Random(seed)  # noqa: S311 - a sample of pages, not a secret
    sessions = [(user, *login_cookie(user)) for user in users]
    procedures = ProcedurePage.objects.live().order_by("pk")
    newest = procedures.last()
    mixed = rng.sample(list(procedures.values_list("pk", flat=True)), min(len(sessions), procedures.count()))
    mixed_pages = {page.pk: page for page in procedures.filter(pk__in=mixed).specific()}
    form_url = DeviationFormPage.objects.live().first().url

    def get(name, label, marker, targets, sample=10):
        """Paths round robin over the sessions; a check of None means the reader's own name (the greeting)."""
        requests = []
        for index, (user, cookie, _csrf) in enumerate(sessions):
            path, check = targets[index % len(targets)]
            requests.append({"path": path, "cookie": cookie, "check": greeting(user) if check is None else check})
        return _scenario(name, label, "GET", 200, marker, sample, requests)

    return [
        get("minimal", "minimal Django view, 30 KB", MARKERS["minimal"], [("/bench/minimal-30kb/", "")]),
        get("static", "static file (WhiteNoise)", MARKERS["static"], [(staticfiles_storage.url(STATIC_FILE), "")]),
        get("procedure", "procedure page, the same one", MARKERS["procedure"], [(newest.url, newest.document_number)]),
        get(
            "procedure_mix",
            "procedure pages, a different one each",
            MARKERS["procedure"],
            [(mixed_pages[pk].url, mixed_pages[pk].document_number) for pk in mixed],
        ),
        get("search", "search page", MARKERS["search"], [(f"/search/?{urlencode({'q': q})}", q) for q in SEARCHES]),
        _scenario(
            "report",
            "deviation report (POST, receipt)",
            "POST",
            200,
            MARKERS["report"],
            1,
            [report_request(form_url, cookie, csrf, user, newest) for user, cookie, csrf in sessions],
        ),
        # Last: each reader's own overview is the page most likely to be slow, and requests still running when
        # its wrk stops would otherwise slow the next scenario.
        get("home", "home page (each reader's own)", MARKERS["home"], [("/", None)]),
    ]


def report_request(form_url, cookie, csrf, user, document):
    """A deviation about ``document``; scenario.lua puts a fresh submission key in place of SUBMISSIONKEY."""
    fields = {
        "csrfmiddlewaretoken": csrf,
        "title": f"Belastningstest: fejl i {document.document_number}",
        "description": "Indberettet under belastningstesten. Teksten er kort og fast.",
        "document": document.document_number,
        "submission_key": "SUBMISSIONKEY",
    }
    return {"path": form_url, "cookie": cookie, "check": "AFV-", "body": urlencode(fields)}


def _scenario(name, label, method, expect, marker, sample, requests):
    return {
        "name": name,
        "label": label,
        "method": method,
        "expect": expect,
        "marker": marker,
        "sample": sample,
        "requests": requests,
    }


def stored_reports():
    return Deviation.objects.count()
