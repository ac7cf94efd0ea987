"""Content-Security-Policy: the readers' pages run under a strict policy (scripts and styles from our own files
only), and nothing in our templates or in the pages we render needs more; the Wagtail admin alone gets the
relaxations it needs. The browser side of this is tests/e2e/test_csp.py."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.test import Client
from django.urls import reverse

from forms.models import Deviation
from portal.csp import merged
from tests.factories import UserFactory, make_document, procedure_body
from tests.forms.factories import build_reporting, make_case, make_proposal
from tests.forms.test_submission import fresh_rate_limit, report_data  # noqa: F401 (fresh_rate_limit: autouse)

pytestmark = pytest.mark.django_db

UNSAFE = ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'strict-dynamic'")
SCRIPT_DATA_TYPES = {"application/json", "application/ld+json"}  # |json_script: data, never executed


def policy(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    header = response.headers.get("Content-Security-Policy", "")
    directives = (part.split() for part in header.split(";") if part.strip())
    return {name: sources for name, *sources in directives}


def strictness_problems(response):
    found = policy(response)
    if not found:
        return ["no Content-Security-Policy header"]
    problems = [f"{name} allows {source}" for name in ("script-src", "style-src") for source in found.get(name, [])]
    problems = [problem for problem in problems if problem.split()[-1] in UNSAFE]
    problems += [f"{name} missing" for name in ("default-src", "script-src", "style-src") if name not in found]
    if found.get("object-src") != ["'none'"]:
        problems.append("object-src is not 'none'")
    return problems


# The HTML a page sends


def inline_code(html):
    """Each piece of inline script or style, event handler or javascript: URL in a rendered page."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for script in soup.find_all("script"):
        if not script.get("src") and script.get("type", "").lower() not in SCRIPT_DATA_TYPES and script.string:
            found.append(f"inline script: {script.string.strip()[:60]}")
    found += [f"<style> element: {style.get_text()[:60]}" for style in soup.find_all("style")]
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            text = " ".join(value) if isinstance(value, list) else value
            if name == "style":
                found.append(f'style="{text}" on <{element.name}>')
            elif name.startswith("on"):
                found.append(f"{name} handler on <{element.name}>")
            elif text.strip().lower().startswith("javascript:"):
                found.append(f"javascript: URL in {name} of <{element.name}>")
    return found


@pytest.mark.parametrize(
    "html",
    [
        "<script>alert(1)</script>",
        '<script type="module">import "x";</script>',
        "<style>body { color: red }</style>",
        '<p style="color: red">x</p>',
        '<button onclick="go()">x</button>',
        '<a href="javascript:go()">x</a>',
        '<form action=" JavaScript:go()"></form>',
    ],
)
def test_the_page_check_finds_each_kind_of_inline_code(html):
    assert inline_code(f"<html><body>{html}</body></html>")


def test_the_page_check_lets_external_scripts_and_json_data_through():
    html = '<script src="/static/js/portal.js" defer></script><script type="application/json" id="d">{"a": 1}</script>'
    assert inline_code(html) == []


# Our templates, so that a new one cannot bring inline code in


TEMPLATE_DIRS = [Path(settings.BASE_DIR) / "templates"] + sorted(Path(settings.BASE_DIR).glob("*/templates"))
# Mail bodies are read in mail programs, not served under the policy; mail clients need inline styles.
NOT_SERVED = [Path(settings.BASE_DIR) / "templates" / "wagtailadmin" / "notifications"]

HTML_TAG = re.compile(r"<[a-zA-Z][^<>]*>")
TEMPLATE_RULES = {
    "inline script": re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>", re.IGNORECASE),
    "<style> element": re.compile(r"<style\b", re.IGNORECASE),
    "javascript: URL": re.compile(r"javascript:", re.IGNORECASE),
}
TAG_RULES = {
    "style attribute": re.compile(r"\sstyle\s*=", re.IGNORECASE),
    "event handler": re.compile(r"\son[a-z]+\s*=", re.IGNORECASE),
}


def template_problems(text):
    problems = [name for name, rule in TEMPLATE_RULES.items() if rule.search(text)]
    tags = HTML_TAG.findall(text)
    problems += [name for name, rule in TAG_RULES.items() if any(rule.search(tag) for tag in tags)]
    return problems


def served_templates():
    for directory in TEMPLATE_DIRS:
        for path in sorted(directory.rglob("*.html")):
            if not any(path.is_relative_to(excluded) for excluded in NOT_SERVED):
                yield path


@pytest.mark.parametrize(
    "text",
    [
        "<script>document.title = 'x';</script>",
        "<script type=\"text/javascript\">{% include 'x.js' %}</script>",
        "<style>.x { color: red }</style>",
        '<div class="x" style="{{ width }}">',
        '<div{% if wide %} style="width: 100%"{% endif %}>',
        '<input type="checkbox" onchange="this.form.submit()">',
        '<a href="javascript:history.back()">',
    ],
)
def test_the_template_scan_finds_each_kind_of_inline_code(text):
    assert template_problems(text)


def test_the_template_scan_lets_template_syntax_and_external_scripts_through():
    text = (
        "{% load static %}<script src=\"{% static 'js/portal.js' %}\" defer></script>"
        '{% include "x.html" with only=True %}{{ data|json_script:"data" }}<p class="{{ style }}">online</p>'
    )
    assert template_problems(text) == []


def test_no_served_template_holds_inline_code():
    templates = list(served_templates())
    assert len(templates) > 50  # the scan reaches the project's templates
    found = {str(path.relative_to(settings.BASE_DIR)): template_problems(path.read_text()) for path in templates}
    assert {path: problems for path, problems in found.items() if problems} == {}


# The policy sent


def test_the_login_page_is_sent_with_the_strict_policy(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert strictness_problems(response) == []
    assert policy(response)["script-src"] == ["'self'"]
    assert policy(response)["style-src"] == ["'self'"]


def test_the_admin_gets_its_relaxations_and_no_more(client):
    admin = UserFactory(username="admin", is_superuser=True, is_staff=True)
    client.force_login(admin)
    found = policy(client.get(reverse("wagtailadmin_home")))
    assert found["script-src"] == ["'self'", "'unsafe-inline'"]
    assert found["style-src"] == ["'self'", "'unsafe-inline'"]
    assert found["img-src"] == ["'self'", "data:", "blob:"]
    assert "'unsafe-eval'" not in " ".join(sum(found.values(), []))
    assert found["object-src"] == ["'none'"] and found["frame-ancestors"] == ["'self'"]


def test_a_front_end_address_that_begins_like_the_admin_is_strict(reader_client, site_tree):
    response = reader_client.get("/administration-of-something/")  # not under /admin/
    assert strictness_problems(response) == []


def test_the_admin_relaxations_add_to_a_views_own_update():
    assert merged({"img-src": ["https://x.example"]}, {"img-src": ["blob:"], "style-src": ["'unsafe-inline'"]}) == {
        "img-src": ["https://x.example", "blob:"],
        "style-src": ["'unsafe-inline'"],
    }
    assert merged(None, {"img-src": ["blob:"]}) == {"img-src": ["blob:"]}


def test_no_gravatar_address_leaves_the_admin(client):
    admin = UserFactory(username="admin", email="admin@kommune.example", is_superuser=True, is_staff=True)
    client.force_login(admin)
    assert b"gravatar.com" not in client.get(reverse("wagtailadmin_home")).content


def test_a_refused_form_gets_our_page_without_inline_styles(site_tree):
    """Django's own CSRF failure page has a <style> element; ours is served instead, under the strict policy."""
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": "medarbejder", "password": "demo1234"})
    assert response.status_code == 403
    text = response.content.decode()
    assert "Formularen blev ikke sendt" in text or "The form was not sent" in text  # English until compiled
    assert inline_code(response.content.decode()) == []
    assert strictness_problems(response) == []


# The readers' pages as rendered


def route(target, name, *args):
    return target.url + target.reverse_subpage(name, args=args)


@pytest.fixture
def reader_pages(site_tree, reader_client, reader):
    """Every kind of page a reader sees, with content in it: name -> response."""
    document = make_document(site_tree.section, slug="klager")
    body = procedure_body()
    body[1]["value"] = "<p>Gælder for alle sagsbehandlere i Team Miljø og Team Natur.</p>"
    document.body = body
    document.save_revision().publish()  # version 1.1: 1.0 is now superseded
    reporting = build_reporting(site_tree.home)
    case = make_case(Deviation, reporter=reader, title="Skabelonen mangler et felt")
    make_proposal(reporter=reader, on_board=True, public_title="Tjekliste", public_summary="Forslag: tjekliste.")
    get = reader_client.get
    form_url = reporting.deviation_form.url
    return {
        "front page": get(site_tree.home.url),
        "handbook": get(site_tree.handbook.url),
        "section": get(site_tree.section.url),
        "document": get(document.url),
        "version history": get(route(document, "history")),
        "superseded version": get(route(document, "version", 1, 0)),
        "comparison": get(route(document, "compare"), {"fra": "1.0", "til": "1.1"}),
        "print": get(route(document, "print")),
        "search with hits": get(reverse("search"), {"q": "klager"}),
        "search with a facet": get(reverse("search"), {"q": "klager", "type": "procedurepage"}),
        "search without hits": get(reverse("search"), {"q": "zzzxq"}),
        "reporting": get(reporting.index.url),
        "deviation form": get(form_url, {"dokument": document.document_number, "version": document.version}),
        "deviation form with errors": reader_client.post(form_url, {"title": "", "description": ""}),
        "proposal form": get(reporting.proposal_form.url),
        "receipt": reader_client.post(form_url, report_data(reporting.deviation_form)),
        "my reports": get(route(reporting.index, "my_reports")),
        "case": get(route(reporting.index, "case", case.reference)),
        "board": get(reporting.board.url),
        "not found": get("/findes-ikke/"),
    }


def test_the_reader_pages_hold_no_inline_code(reader_pages):
    # The pages are the real thing, not error pages: each shows what it is for.
    statuses = {name: response.status_code for name, response in reader_pages.items()}
    assert statuses == {**dict.fromkeys(reader_pages, 200), "not found": 404}
    text = {
        name: " ".join(BeautifulSoup(page_response.content, "html.parser").get_text(" ").split())
        for name, page_response in reader_pages.items()
    }
    assert "Behandling af klager over støj" in text["search with hits"]
    assert "Team Natur" in text["document"] and "Team Natur" not in text["superseded version"]
    assert "Team Natur" in text["comparison"]
    assert "AFV-" in text["receipt"]
    assert "Skabelonen mangler et felt" in text["case"]
    assert "Tjekliste" in text["board"]
    assert 'data-module="error-summary"' in reader_pages["deviation form with errors"].content.decode()

    found = {name: inline_code(response.content.decode()) for name, response in reader_pages.items()}
    assert {name: problems for name, problems in found.items() if problems} == {}


def test_the_reader_pages_are_sent_with_the_strict_policy(reader_pages):
    found = {name: strictness_problems(response) for name, response in reader_pages.items()}
    assert {name: problems for name, problems in found.items() if problems} == {}
