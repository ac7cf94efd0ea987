"""The front page's reporting panels: “Mine åbne indberetninger”, and “Sager du behandler” for a handler."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.utils import timezone

from tests.factories import UserFactory
from tests.forms.factories import build_reporting, make_case, make_proposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def reporting(site_tree):
    return build_reporting(site_tree.home)


@pytest.fixture
def handler(db):
    return UserFactory(username="behandler", first_name="Hanne", last_name="Dahl")


def front_page(user):
    client = Client()
    client.force_login(user)
    return BeautifulSoup(client.get("/").content, "html.parser")


def panel(soup, heading):
    found = soup.find("h2", string=heading)
    return found.find_parent("section") if found else None


def case_url(reporting, case):
    return reporting.index.url + reporting.index.reverse_subpage("case", args=[case.reference])


def take_on(case, handler, days_left):
    case.handler = handler
    case.due_date = timezone.localdate() + datetime.timedelta(days=days_left)
    case.status = "in_progress"
    case.save()
    return case


def reject(case):
    case.status = "rejected"
    case.rejection_reason = "Dubleret."
    case.save()
    return case


def test_my_open_reports_lists_the_persons_open_reports_with_links(reporting, reader, handler):
    deviation = make_case(reporter=reader, title="Skabelon uden dato")
    proposal = take_on(make_proposal(reporter=reader, title="Tjekliste på tablet"), handler, 10)
    finished = reject(make_case(reporter=reader, title="Afvist sag"))
    others = make_case(reporter=handler, title="Andres sag")
    anonymous = make_case(reporter=None, title="Anonym sag")

    found = panel(front_page(reader), "Mine åbne indberetninger")

    links = {a.get_text(" ", strip=True): a["href"] for a in found.select("li a")}
    assert links == {
        f"{proposal.reference} Tjekliste på tablet": case_url(reporting, proposal),
        f"{deviation.reference} Skabelon uden dato": case_url(reporting, deviation),
    }
    assert list(links)[0].startswith(proposal.reference)  # newest first
    assert "Under behandling" in found.get_text() and "Modtaget" in found.get_text()
    text = found.get_text()
    assert finished.reference not in text and others.reference not in text and anonymous.reference not in text
    more = found.find("a", string="Alle dine indberetninger")
    assert more["href"] == reporting.index.url + reporting.index.reverse_subpage("my_reports")


def test_the_cases_a_handler_handles_are_listed_soonest_due_first_with_overdue_marked(reporting, reader, handler):
    late = take_on(make_case(reporter=reader, title="For sent"), handler, -3)
    later = take_on(make_proposal(reporter=reader, title="God tid"), handler, 20)
    soon = take_on(make_case(reporter=None, title="Snart"), handler, 2)
    reject(take_on(make_case(reporter=reader, title="Afsluttet"), handler, 5))

    found = panel(front_page(handler), "Sager du behandler")

    rows = found.find("tbody").find_all("tr")
    assert [row.find("th").a.get_text(strip=True) for row in rows] == ["For sent", "Snart", "God tid"]
    assert [row.find("th").a["href"] for row in rows] == [case_url(reporting, c) for c in (late, soon, later)]
    assert ["Overskredet" in row.get_text() for row in rows] == [True, False, False]


def test_the_panels_are_not_shown_when_empty(reporting, reader, handler):
    reject(make_case(reporter=reader, title="Afvist"))

    soup = front_page(reader)

    assert panel(soup, "Mine åbne indberetninger") is None
    assert panel(soup, "Sager du behandler") is None
    assert panel(front_page(handler), "Sager du behandler") is None
