"""The editors' side of search: «Hyppigste søgninger», «Søgninger uden resultater» and recommended results."""

import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import GroupPagePermission

from handbook import roles
from handbook.models import InstructionPage, SectionPage
from search.models import QueryOutcome
from search.roles import ensure_search_roles
from tests.factories import UserFactory, make_document

FREQUENT = reverse("search_reports:frequent")
ZERO_HITS = reverse("search_reports:zero_hits")
TODAY = timezone.localdate()


def days_ago(days):
    return TODAY - datetime.timedelta(days=days)


def searched(text, day, times=1, hits=0):
    """What ``times`` searches for ``text`` on ``day`` leave in the query log, each finding ``hits`` documents."""
    query = Query.get(text)
    for _ in range(times):
        query.add_hit(date=day)
    outcome, _created = QueryOutcome.objects.get_or_create(query=query, defaults={"last_searched": day})
    outcome.zero_hit_searches += 0 if hits else times
    if day >= outcome.last_searched:
        outcome.last_searched, outcome.last_hit_count = day, hits
    outcome.save()
    return query


@pytest.fixture
def groups(site_tree):
    quality_section = site_tree.handbook.add_child(instance=SectionPage(title="Fælles", slug="faelles"))
    groups = roles.ensure_roles(site_tree.handbook, quality_section)
    ensure_search_roles()
    return groups


def member(groups, username, *names):
    user = UserFactory(username=username)
    user.groups.add(*[groups[name] for name in (roles.EMPLOYEES, *names)])
    return user


@pytest.fixture
def editor(groups):
    return member(groups, "redaktoer1", roles.EDITORS)


@pytest.fixture
def worksmarter(groups):
    return member(groups, "worksmarter1", roles.QUALITY_GROUP)


@pytest.fixture
def employee(groups):
    return member(groups, "medarbejder1")


@pytest.fixture
def query_log(db):
    """Klager: often, recently and long ago; støj: ten days ago; hundeglamm and byggetilladelse found nothing."""
    searched("klager", TODAY, times=5, hits=3)
    searched("klager", days_ago(60), times=3, hits=2)
    searched("støj", days_ago(10), times=2, hits=1)
    searched("hundeglamm", days_ago(2), times=4)
    searched("byggetilladelse", days_ago(200), times=6)
    searched("byggetilladelse", days_ago(100), times=1, hits=1)


def rows(response):
    """The report's table as lists of cell texts."""
    assert response.status_code == 200
    table = BeautifulSoup(response.content, "html.parser").select_one("#listing-results table")
    if table is None:
        return []
    return [[" ".join(cell.get_text().split()) for cell in row.find_all("td")] for row in table.tbody.find_all("tr")]


def first_column(response):
    return [row[0] for row in rows(response)]


def refused(response):
    """Wagtail's admin answers a refusal with 403, or by sending the user to the dashboard or the login."""
    if response.status_code == 403:
        return True
    elsewhere = (reverse("wagtailadmin_home"), settings.LOGIN_URL)
    return response.status_code == 302 and response.url.split("?")[0] in elsewhere


def open_report(client, user, url, **params):
    client.force_login(user)
    return client.get(url, params)


# Who may see them ------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["editor", "worksmarter"])
def test_editors_and_the_quality_group_find_both_reports_under_reports(client, request, role, query_log):
    client.force_login(request.getfixturevalue(role))

    menu = client.get(reverse("wagtailadmin_home")).content.decode()

    assert FREQUENT in menu
    assert ZERO_HITS in menu
    assert first_column(client.get(FREQUENT))[0] == "klager"
    assert first_column(client.get(ZERO_HITS))[0] == "byggetilladelse"


@pytest.mark.parametrize("url", [FREQUENT, ZERO_HITS, f"{FREQUENT}?export=csv", f"{ZERO_HITS}results/"])
def test_an_employee_cannot_reach_the_reports(client, employee, query_log, url):
    client.force_login(employee)

    response = client.get(url)

    assert refused(response)
    assert b"klager" not in response.content


def test_admin_access_without_editing_rights_is_not_enough(client, groups, query_log):
    viewer_group = Group.objects.create(name="Kun administration")
    viewer_group.permissions.add(Permission.objects.get(codename="access_admin"))
    viewer = UserFactory(username="kigger")
    viewer.groups.add(viewer_group)
    client.force_login(viewer)

    assert refused(client.get(FREQUENT))
    assert refused(client.get(ZERO_HITS))
    assert FREQUENT not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_wagtails_own_search_terms_report_gives_way_to_ours(admin_client, site_tree):
    menu = admin_client.get(reverse("wagtailadmin_home")).content.decode()

    assert FREQUENT in menu
    assert reverse("wagtailsearchpromotions:search_terms") not in menu


def test_without_rights_to_recommend_the_report_offers_no_way_to_it(client, site_tree, query_log):
    page_editors = Group.objects.create(name="Sideredaktører")
    page_editors.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=page_editors, page=site_tree.handbook, permission=Permission.objects.get(codename="change_page")
    )
    page_editor = UserFactory(username="sideredaktoer")
    page_editor.groups.add(page_editors)

    response = open_report(client, page_editor, FREQUENT)

    assert first_column(response) == ["klager", "hundeglamm", "støj"]
    links = [a["href"] for a in BeautifulSoup(response.content, "html.parser").select("#listing-results tbody a")]
    assert links == ["/search/?q=klager", "/search/?q=hundeglamm", "/search/?q=st%C3%B8j"]


# Hyppigste søgninger ---------------------------------------------------------------------------------


def test_the_most_frequent_searches_of_the_last_30_days(client, editor, query_log):
    response = open_report(client, editor, FREQUENT)

    # query, searches in the period, hits last time, last searched, action
    assert [row[:4] for row in rows(response)] == [
        ["klager", "5", "3", _danish_date(TODAY)],
        ["hundeglamm", "4", "0", _danish_date(days_ago(2))],
        ["støj", "2", "1", _danish_date(days_ago(10))],
    ]


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        ("7", [["klager", "5"], ["hundeglamm", "4"]]),
        ("30", [["klager", "5"], ["hundeglamm", "4"], ["støj", "2"]]),
        ("365", [["klager", "8"], ["byggetilladelse", "7"], ["hundeglamm", "4"], ["støj", "2"]]),
    ],
)
def test_the_period_decides_which_searches_count(client, editor, query_log, period, expected):
    response = open_report(client, editor, FREQUENT, period=period)

    assert [row[:2] for row in rows(response)] == expected


def test_an_unknown_period_falls_back_to_30_days(client, editor, query_log):
    response = open_report(client, editor, FREQUENT, period="1000")

    assert first_column(response) == ["klager", "hundeglamm", "støj"]


def test_the_search_box_narrows_the_report(client, editor, query_log):
    response = open_report(client, editor, FREQUENT, q="stø")

    assert first_column(response) == ["støj"]


def test_each_query_links_to_the_search_page_and_to_its_recommended_results(client, editor, query_log):
    response = open_report(client, editor, FREQUENT, period="7")
    html = BeautifulSoup(response.content, "html.parser")
    row = next(tr for tr in html.select("#listing-results tbody tr") if "hundeglamm" in tr.get_text())
    links = [a["href"] for a in row.find_all("a")]

    assert "/search/?q=hundeglamm" in links
    assert reverse("wagtailsearchpromotions:edit", args=[Query.get("hundeglamm").pk]) in links
    assert "Add recommended result" in row.get_text() or "Tilføj anbefalet resultat" in row.get_text()


def test_the_most_frequent_searches_as_csv(client, editor, query_log):
    response = open_report(client, editor, FREQUENT, export="csv")

    assert response["Content-Type"].startswith("text/csv")
    assert f"hyppigste-soegninger-{TODAY:%Y-%m-%d}.csv" in response["Content-Disposition"]
    lines = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(lines[0]) == 4
    assert lines[1:] == [
        ["klager", "5", "3", TODAY.isoformat()],
        ["hundeglamm", "4", "0", days_ago(2).isoformat()],
        ["støj", "2", "1", days_ago(10).isoformat()],
    ]


def test_the_most_frequent_searches_as_xlsx(client, editor, query_log):
    response = open_report(client, editor, FREQUENT, export="xlsx", period="365")

    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = list(sheet.iter_rows(min_row=2, values_only=True))
    assert values[0][:3] == ("klager", 8, 3)
    assert len(values) == 4


# Søgninger uden resultater ---------------------------------------------------------------------------


def test_searches_without_results_most_often_first(client, worksmarter, query_log):
    response = open_report(client, worksmarter, ZERO_HITS)

    # query, searches without hits, last searched, hits last time, action
    assert [row[:4] for row in rows(response)] == [
        ["byggetilladelse", "6", _danish_date(days_ago(100)), "1"],
        ["hundeglamm", "4", _danish_date(days_ago(2)), "0"],
    ]


def test_a_query_that_always_found_something_is_not_a_search_without_results(client, editor, query_log):
    response = open_report(client, editor, ZERO_HITS)

    assert "klager" not in first_column(response)
    assert "støj" not in first_column(response)


def test_searches_without_results_filtered_by_last_search_and_by_what_they_find_now(client, editor, query_log):
    assert first_column(open_report(client, editor, ZERO_HITS, period="30")) == ["hundeglamm"]
    assert first_column(open_report(client, editor, ZERO_HITS, status="none")) == ["hundeglamm"]
    assert first_column(open_report(client, editor, ZERO_HITS, status="some")) == ["byggetilladelse"]


def test_a_readers_search_without_hits_reaches_the_report(client, reader, editor, site_tree):
    make_document(site_tree.section)
    client.force_login(reader)
    client.get("/search/", {"q": "Hundeglamm"})
    client.get("/search/", {"q": "klager"})

    response = open_report(client, editor, ZERO_HITS)

    assert [row[:4] for row in rows(response)] == [["hundeglamm", "1", _danish_date(TODAY), "0"]]


def test_searches_without_results_as_csv(client, editor, query_log):
    response = open_report(client, editor, ZERO_HITS, export="csv")

    lines = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert lines[1:] == [
        ["byggetilladelse", "6", days_ago(100).isoformat(), "1"],
        ["hundeglamm", "4", days_ago(2).isoformat(), "0"],
    ]


def test_no_searches_without_results_says_so(client, editor, site_tree):
    response = open_report(client, editor, ZERO_HITS)

    assert rows(response) == []
    assert response.context["items_count"] == 0


# Recommended results ---------------------------------------------------------------------------------


@pytest.fixture
def documents(site_tree):
    complaints = make_document(site_tree.section)
    driving = make_document(site_tree.section, InstructionPage, title="Kørsel i tjenesten", slug="koersel")
    return complaints, driving


def promotion_data(query_string, page_id, description=""):
    return {
        "query_string": query_string,
        "editors_picks-TOTAL_FORMS": 1,
        "editors_picks-INITIAL_FORMS": 0,
        "editors_picks-MAX_NUM_FORMS": 1000,
        "editors_picks-0-DELETE": "",
        "editors_picks-0-ORDER": 0,
        "editors_picks-0-page": page_id,
        "editors_picks-0-description": description,
    }


@pytest.mark.parametrize("role", ["editor", "worksmarter"])
def test_an_editor_recommends_a_document_and_readers_see_it_first(client, request, role, reader, documents):
    complaints, driving = documents
    client.force_login(request.getfixturevalue(role))

    response = client.post(
        reverse("wagtailsearchpromotions:add"), promotion_data("Klager", driving.pk, "Klager over kørsel")
    )

    assert response.status_code == 302
    assert SearchPromotion.objects.get().query.query_string == "klager"
    client.force_login(reader)
    html = BeautifulSoup(client.get("/search/", {"q": "klager"}).content, "html.parser")
    hits = html.select(".search-hit")
    assert "search-hit-recommended" in hits[0]["class"]
    assert driving.title in hits[0].get_text()
    assert "Klager over kørsel" in hits[0].get_text()
    assert any(complaints.title in hit.get_text() for hit in hits[1:])


def test_the_recommend_link_opens_the_form_with_the_query_filled_in(client, editor, query_log):
    client.force_login(editor)

    response = client.get(reverse("wagtailsearchpromotions:edit", args=[Query.get("hundeglamm").pk]))

    assert response.status_code == 200
    field = BeautifulSoup(response.content, "html.parser").find("input", attrs={"name": "query_string"})
    assert field["value"] == "hundeglamm"


def test_an_employee_cannot_recommend_results(client, employee, documents):
    client.force_login(employee)

    response = client.post(reverse("wagtailsearchpromotions:add"), promotion_data("klager", documents[1].pk))

    assert refused(response)
    assert not SearchPromotion.objects.exists()


DANISH_MONTHS = [
    *("januar", "februar", "marts", "april", "maj", "juni"),
    *("juli", "august", "september", "oktober", "november", "december"),
]


def _danish_month(day):
    return DANISH_MONTHS[day.month - 1]


def _danish_date(day):
    return f"{day.day}. {_danish_month(day)} {day.year}"
