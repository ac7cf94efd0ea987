"""Read and acknowledge: a significant version asks the people it concerns to confirm having read it, editors
follow who has, and the admin keeps the register."""

import csv
import io
import re
from urllib.parse import urlsplit

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.log_actions import registry as log_registry
from wagtail.models import GroupPagePermission, PageLogEntry, PageViewRestriction

from handbook import acknowledgements
from handbook.models import Acknowledgement, DocumentVersion, ProcedurePage
from tests.factories import UserFactory, make_document

pytestmark = pytest.mark.django_db

PROMPT = "Denne version kræver, at du bekræfter, at du har læst den"
BUTTON = "Jeg har læst og forstået"


# Building the situation -----------------------------------------------------------------------------------


def revise(page, *, significant, summary="Nye frister for partshøring.", groups=(), title=None):
    """Publishes a new version of the document as an editor and an approver would; returns the fresh page."""
    page = ProcedurePage.objects.get(pk=page.pk)
    page.title = title or page.title
    page.change_summary = summary
    page.is_significant_change = significant
    page.acknowledgement_groups.set(list(groups))
    editor = UserFactory(username="skribent", first_name="Sofie", last_name="Skov")
    approver = UserFactory(username="godkender", first_name="Anne", last_name="Holm")
    page.save_revision(user=editor).publish(user=approver, skip_permission_checks=True)
    return ProcedurePage.objects.get(pk=page.pk)


def subpage_url(page, name):
    return page.url + page.reverse_subpage(name)


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def main_text(response):
    return soup_of(response).find("main").get_text(" ", strip=True)


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def csv_link(client, page):
    """The spreadsheet link on the document's read status page."""
    soup = soup_of(client.get(subpage_url(page, "read_status")))
    return next(link["href"] for link in soup.find("main").find_all("a") if "CSV" in link.get_text())


def status_urls(page):
    """The read status page, and the same asked for as a spreadsheet."""
    return {"read_status": subpage_url(page, "read_status"), "csv": subpage_url(page, "read_status_csv")}


def confirm(client, page, **data):
    return client.post(subpage_url(page, "acknowledge"), data)


@pytest.fixture
def document(site_tree):
    return make_document(site_tree.section, title="Behandling af klager over støj", slug="klager")


@pytest.fixture
def significant(document):
    """The document at version 2.0, a significant change that asks all staff."""
    return revise(document, significant=True, summary="Ny frist: svar klageren inden 10 dage.")


@pytest.fixture
def colleague(db):
    return UserFactory(username="kollega", first_name="Karl", last_name="Andersen")


@pytest.fixture
def editor(site_tree):
    """An editor of the handbook: may edit its pages (and so see the read status), and use the admin."""
    group = Group.objects.create(name="Redaktører")
    GroupPagePermission.objects.create(
        group=group,
        page=site_tree.handbook,
        permission=Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page"),
    )
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    user = UserFactory(username="redaktion", first_name="Rikke", last_name="Dahl")
    user.groups.add(group)
    return user


@pytest.fixture
def editor_client(editor):
    client = Client()  # its own, beside the reader's
    client.force_login(editor)
    return client


# Who is asked ---------------------------------------------------------------------------------------------


def test_a_minor_first_version_asks_no_one(reader, document):
    assert acknowledgements.pending_versions(reader) == []
    assert acknowledgements.state_for(document, reader) is None


def test_a_significant_version_asks_all_active_staff(reader, colleague, significant):
    departed = UserFactory(username="fratraadt", first_name="Frede", last_name="Fratrådt", is_active=False)

    version = DocumentVersion.objects.get(document=significant, major=2, minor=0)
    assert version.is_significant
    assert set(acknowledgements.audience(version)) >= {reader, colleague}
    assert departed not in acknowledgements.audience(version)
    assert [pending.pk for pending in acknowledgements.pending_versions(reader)] == [version.pk]
    assert acknowledgements.pending_versions(departed) == []


def test_a_significant_version_for_chosen_groups_asks_only_their_members(client, reader, colleague, document):
    team = Group.objects.create(name="Team Natur")
    colleague.groups.add(team)
    page = revise(document, significant=True, groups=[team])

    version = acknowledgements.current_significant_version(page)
    assert list(acknowledgements.audience(version)) == [colleague]
    assert acknowledgements.pending_versions(reader) == []
    assert len(acknowledgements.pending_versions(colleague)) == 1

    client.force_login(reader)
    assert PROMPT not in main_text(client.get(page.url))
    client.force_login(colleague)
    assert PROMPT in main_text(client.get(page.url))


def test_those_who_may_not_see_the_document_are_not_asked(reader, colleague, site_tree, significant):
    team = Group.objects.create(name="Team Natur")
    colleague.groups.add(team)
    restriction = PageViewRestriction.objects.create(page=site_tree.section, restriction_type="groups")
    restriction.groups.add(team)

    version = acknowledgements.current_significant_version(significant)
    audience = set(acknowledgements.audience(version))
    assert colleague in audience
    assert reader not in audience
    assert acknowledgements.pending_versions(reader) == []
    assert len(acknowledgements.pending_versions(colleague)) == 1


# The prompt and the confirmation ----------------------------------------------------------------------------


def test_the_document_page_asks_for_confirmation_with_version_and_summary(reader_client, significant):
    soup = soup_of(reader_client.get(significant.url))

    alert = soup.find("div", class_="alert-warning")
    text = alert.get_text(" ", strip=True)
    assert PROMPT in text
    assert "Version 2.0" in text
    assert "Ny frist: svar klageren inden 10 dage." in text
    form = alert.find("form")
    assert form["method"] == "post"
    assert form["action"] == subpage_url(significant, "acknowledge")
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"}) is not None
    assert form.find("button").get_text(strip=True) == BUTTON


def test_confirming_records_one_row_for_the_reader_and_a_second_post_adds_none(reader_client, reader, significant):
    response = confirm(reader_client, significant, version="2.0")

    assert response.status_code == 302
    assert response["Location"] == significant.url
    assert messages_of(response) == ["Tak. Du har bekræftet, at du har læst og forstået version 2.0 af PRO-001."]
    assert Acknowledgement.objects.filter(user=reader, version__major=2).count() == 1

    again = confirm(reader_client, significant, version="2.0")

    assert again.status_code == 302
    assert Acknowledgement.objects.count() == 1
    assert messages_of(again)[-1] == "Du havde allerede bekræftet, at du har læst version 2.0."
    text = main_text(reader_client.get(significant.url))
    today = date_format(timezone.localdate(), "j. F Y")
    assert f"Du bekræftede at have læst version 2.0 den {today}." in text
    assert PROMPT not in text


def test_no_one_can_confirm_for_someone_else(reader_client, reader, colleague, significant):
    confirm(reader_client, significant, version="2.0", user=colleague.pk, user_id=colleague.pk)

    assert list(Acknowledgement.objects.values_list("user__username", flat=True)) == [reader.username]
    assert len(acknowledgements.pending_versions(colleague)) == 1


def test_the_csrf_token_is_required(client, reader, significant):
    client.handler.enforce_csrf_checks = True
    client.force_login(reader)

    response = confirm(client, significant, version="2.0")

    assert response.status_code == 403
    assert not Acknowledgement.objects.exists()


def test_a_get_confirms_nothing_and_leads_back_to_the_document(reader_client, significant):
    response = reader_client.get(subpage_url(significant, "acknowledge"))

    assert response.status_code == 302
    assert response["Location"] == significant.url
    assert not Acknowledgement.objects.exists()


def test_there_is_nothing_to_confirm_on_a_document_without_a_significant_version(reader_client, document):
    response = confirm(reader_client, document, version="1.0")

    assert response.status_code == 302
    assert messages_of(response) == ["Der er ikke noget for dig at bekræfte på dette dokument."]
    assert not Acknowledgement.objects.exists()


def test_someone_outside_the_audience_cannot_confirm(reader_client, colleague, document):
    team = Group.objects.create(name="Team Natur")
    colleague.groups.add(team)
    page = revise(document, significant=True, groups=[team])

    response = confirm(reader_client, page, version="2.0")

    assert messages_of(response) == ["Der er ikke noget for dig at bekræfte på dette dokument."]
    assert not Acknowledgement.objects.exists()


def test_a_confirmation_of_a_superseded_version_is_refused(reader_client, significant):
    newer = revise(significant, significant=True, summary="Helt ny proces.")

    response = confirm(reader_client, newer, version="2.0")

    assert messages_of(response) == [
        "Dokumentet er ændret, siden du åbnede det: version 3.0 gælder nu. Læs den, og bekræft derefter igen."
    ]
    assert not Acknowledgement.objects.exists()


def test_the_confirmation_is_in_the_audit_log(reader_client, reader, significant):
    confirm(reader_client, significant, version="2.0")

    entry = PageLogEntry.objects.get(action="handbook.acknowledged")
    assert entry.page_id == significant.pk
    assert entry.user_id == reader.pk
    assert entry.data["version"] == "2.0"
    assert entry.data["document_number"] == "PRO-001"
    assert log_registry.get_action_label("handbook.acknowledged") == "Læsebekræftelse"
    assert entry.message == "Bekræftede at have læst og forstået version 2.0"


# Later versions ---------------------------------------------------------------------------------------------


def test_a_minor_version_afterwards_does_not_ask_again(reader_client, reader, colleague, significant):
    confirm(reader_client, significant, version="2.0")

    minor = revise(significant, significant=False, summary="Stavefejl rettet.")

    assert minor.version == "2.1"
    assert acknowledgements.pending_versions(reader) == []
    text = main_text(reader_client.get(minor.url))
    assert PROMPT not in text
    assert "Du bekræftede at have læst version 2.0" in text
    # Whoever had not confirmed 2.0 is still asked to, and confirms 2.0.
    assert [version.label for version in acknowledgements.pending_versions(colleague)] == ["2.0"]


def test_a_new_significant_version_asks_again(reader_client, reader, significant):
    confirm(reader_client, significant, version="2.0")

    newer = revise(significant, significant=True, summary="Helt ny proces.")

    assert [version.label for version in acknowledgements.pending_versions(reader)] == ["3.0"]
    text = main_text(reader_client.get(newer.url))
    assert PROMPT in text and "Version 3.0" in text
    confirm(reader_client, newer, version="3.0")
    assert sorted(Acknowledgement.objects.values_list("version__major", flat=True)) == [2, 3]


# The front page -----------------------------------------------------------------------------------------------


def test_the_front_page_lists_pending_confirmations_and_not_confirmed_ones(reader_client, site_tree, significant):
    other = revise(
        make_document(site_tree.section, title="Miljøtilsyn på virksomheder", slug="tilsyn"), significant=True
    )

    soup = soup_of(reader_client.get("/"))
    panel = soup.find("section", class_="pending-confirmations")
    text = panel.get_text(" ", strip=True)
    assert "2 dokumenter afventer din læsebekræftelse" in text
    assert "PRO-001 Behandling af klager over støj , version 2.0" in text
    assert "PRO-002 Miljøtilsyn på virksomheder , version 2.0" in text
    assert panel.find("a", href=significant.url) is not None
    assert panel.find("a", href=other.url) is not None

    confirm(reader_client, significant, version="2.0")

    text = soup_of(reader_client.get("/")).find("section", class_="pending-confirmations").get_text(" ", strip=True)
    assert "1 dokument afventer din læsebekræftelse" in text
    assert "Behandling af klager over støj" not in text


def test_a_long_pending_list_shows_the_newest_ten_and_counts_them_all(reader_client, site_tree):
    for number in range(12):
        revise(
            make_document(site_tree.section, title=f"Instruks {number:02}", slug=f"instruks-{number}"), significant=True
        )

    panel = soup_of(reader_client.get("/")).find("section", class_="pending-confirmations")

    assert "12 dokumenter afventer din læsebekræftelse" in panel.get_text(" ", strip=True)
    assert len(panel.select(".pending-confirmation-list li")) == 10
    assert "Her vises de 10 nyeste." in panel.get_text(" ", strip=True)
    assert "Instruks 11" in panel.get_text(" ", strip=True)  # the newest
    assert "Instruks 00" not in panel.get_text(" ", strip=True)


def test_the_front_page_says_nothing_when_nothing_is_pending(reader_client, document):
    soup = soup_of(reader_client.get("/"))

    assert soup.find("section", class_="pending-confirmations") is None
    assert "læsebekræftelse" not in soup.find("main").get_text()


def front_page_queries(client):
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert response.status_code == 200
    return len(queries), response


def add_significant_documents(section, count, start):
    for number in range(start, start + count):
        page = section.add_child(instance=ProcedurePage(title=f"Procedure {number}", slug=f"procedure-{number}"))
        page.is_significant_change = True
        page.change_summary = "Ny procedure."
        page.save_revision().publish()


def test_the_front_page_panel_costs_the_same_queries_for_3_and_30_pending(reader_client, site_tree):
    for number in range(5):
        UserFactory(username=f"medarbejder{number}")
    add_significant_documents(site_tree.section, 3, start=0)
    with_three, response = front_page_queries(reader_client)
    assert "3 dokumenter afventer" in response.content.decode()

    add_significant_documents(site_tree.section, 27, start=3)
    for number in range(5, 40):
        UserFactory(username=f"medarbejder{number}")
    with_thirty, response = front_page_queries(reader_client)

    assert "30 dokumenter afventer" in response.content.decode()
    assert with_thirty == with_three


# Read status ----------------------------------------------------------------------------------------------


def test_read_status_shows_who_has_and_has_not_confirmed(client, editor_client, reader, colleague, significant):
    client.force_login(reader)
    confirm(client, significant, version="2.0")

    soup = soup_of(editor_client.get(subpage_url(significant, "read_status")))

    text = soup.find("main").get_text(" ", strip=True)
    # Asked: everyone active (the reader, the colleague, the editor, and the people named on the document).
    total = acknowledgements.audience(acknowledgements.current_significant_version(significant)).count()
    percent = round(100 / total)
    assert f"1 af {total} ({percent} %)" in text
    confirmed_table = soup.find("table", attrs={"aria-labelledby": "confirmed-heading"})
    unconfirmed_table = soup.find("table", attrs={"aria-labelledby": "not-confirmed-heading"})
    assert "Mette Jensen" in confirmed_table.get_text()
    assert date_format(timezone.localdate(), "j. F Y") in confirmed_table.get_text()
    assert "Karl Andersen" in unconfirmed_table.get_text()
    assert "Mette Jensen" not in unconfirmed_table.get_text()
    assert "Alle medarbejdere" in text


def test_read_status_percentage_for_a_chosen_group(client, editor_client, colleague, document):
    team = Group.objects.create(name="Team Natur")
    members = [UserFactory(username=f"natur{number}", first_name=f"Navn{number}") for number in range(3)]
    for member in [colleague, *members]:
        member.groups.add(team)
    page = revise(document, significant=True, groups=[team])
    client.force_login(colleague)
    confirm(client, page, version="2.0")

    text = main_text(editor_client.get(subpage_url(page, "read_status")))

    assert "1 af 4 (25 %)" in text
    assert "Team Natur" in text


def test_read_status_of_an_earlier_significant_version(client, editor_client, reader, significant):
    client.force_login(reader)
    confirm(client, significant, version="2.0")
    newer = revise(significant, significant=True, summary="Helt ny proces.")

    current = main_text(editor_client.get(subpage_url(newer, "read_status")))
    earlier = main_text(editor_client.get(subpage_url(newer, "read_status") + "?version=2.0"))

    assert "Helt ny proces." in current and "0 af" in current
    assert "Ny frist: svar klageren inden 10 dage." in earlier and "1 af" in earlier


@pytest.mark.parametrize("label", ["9.0", "1.0", "abc", "2", "2.0.1", "99999999999999999999.0", "-1.0"])
def test_an_unknown_version_is_not_found(editor_client, significant, label):
    assert editor_client.get(subpage_url(significant, "read_status"), {"version": label}).status_code == 404
    assert editor_client.get(subpage_url(significant, "read_status_csv"), {"version": label}).status_code == 404


def test_read_status_of_a_document_without_a_significant_version(editor_client, document):
    text = main_text(editor_client.get(subpage_url(document, "read_status")))

    assert "Ingen version af dette dokument har bedt læserne bekræfte" in text


def test_the_csv_has_danish_headings_and_one_row_per_person(client, editor_client, reader, colleague, significant):
    colleague.first_name = '=HYPERLINK("http://example.com")'
    colleague.save()
    client.force_login(reader)
    confirm(client, significant, version="2.0")

    link = csv_link(editor_client, significant)
    assert "version=2.0" in link
    response = editor_client.get(link)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="laesestatus-PRO-001-version-2.0.csv"'
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Dokumentnummer", "Version", "Navn", "Brugernavn", "E-mail", "Status", "Bekræftet den"]
    by_user = {row[3]: row for row in rows[1:]}
    total = acknowledgements.audience(acknowledgements.current_significant_version(significant)).count()
    assert len(rows) == 1 + total
    mette = by_user["medarbejder"]
    assert mette[:6] == ["PRO-001", "2.0", "Mette Jensen", "medarbejder", "medarbejder@kommune.example", "Bekræftet"]
    assert re.fullmatch(r"\d\d-\d\d-\d{4} \d\d:\d\d", mette[6])
    assert by_user["kollega"][5:] == ["Ikke bekræftet", ""]
    assert by_user["kollega"][2].startswith("'=HYPERLINK")  # a spreadsheet must not run it as a formula
    assert rows[1][3] == "medarbejder"  # those who confirmed come first


@pytest.mark.parametrize("kind", ["read_status", "csv"])
def test_a_reader_may_not_see_the_read_status(reader_client, significant, kind):
    response = reader_client.get(status_urls(significant)[kind])

    assert response.status_code == 403
    assert "Karl" not in response.content.decode()


@pytest.mark.parametrize("kind", ["read_status", "csv", "acknowledge"])
def test_an_anonymous_visitor_is_sent_to_login(client, significant, kind):
    url = status_urls(significant).get(kind) or subpage_url(significant, kind)
    response = client.get(url)

    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == "/login/"


def test_only_editors_see_the_link_to_the_read_status(reader_client, editor_client, significant):
    link_text = "Læsestatus for version 2.0"

    assert link_text not in main_text(reader_client.get(significant.url))
    soup = soup_of(editor_client.get(significant.url))
    links = [link for link in soup.find("main").find_all("a") if link_text in link.get_text()]
    assert len(links) == 1
    link = links[0]
    assert link["href"] == subpage_url(significant, "read_status")


# The admin register ---------------------------------------------------------------------------------------


INDEX_URL = "/admin/handbook/acknowledgement/"


@pytest.fixture
def superuser_client(db):
    client = Client()
    client.force_login(UserFactory(username="admin", is_superuser=True, is_staff=True))
    return client


@pytest.fixture
def confirmed(reader, colleague, significant):
    for person in (reader, colleague):
        client = Client()
        client.force_login(person)
        confirm(client, significant, version="2.0")
    return significant


def test_the_register_lists_confirmations(superuser_client, confirmed):
    response = superuser_client.get(INDEX_URL)

    text = soup_of(response).get_text(" ", strip=True)
    assert "Læsebekræftelser" in text
    for expected in ["Mette Jensen", "Karl Andersen", "PRO-001", "Behandling af klager over støj", "2.0"]:
        assert expected in text, expected
    assert f'href="{subpage_url(confirmed, "read_status")}?version=2.0"' in response.content.decode()


def test_the_register_searches_by_name_and_number(superuser_client, confirmed):
    by_name = soup_of(superuser_client.get(INDEX_URL, {"q": "Karl Andersen"})).get_text(" ", strip=True)
    by_number = soup_of(superuser_client.get(INDEX_URL, {"q": "PRO-001"})).get_text(" ", strip=True)
    no_one = soup_of(superuser_client.get(INDEX_URL, {"q": "PRO-999"})).get_text(" ", strip=True)

    assert "Karl Andersen" in by_name and "Mette Jensen" not in by_name
    assert "Karl Andersen" in by_number and "Mette Jensen" in by_number
    assert "Mette Jensen" not in no_one


def test_the_register_filters_by_owner_team_and_date(superuser_client, site_tree, confirmed):
    team = confirmed.owner_team
    other_team = Group.objects.create(name="Team Vej og Park")

    make_document(site_tree.section, title="Vejvedligeholdelse", slug="vej", owner_team=other_team)

    assert "Mette Jensen" in superuser_client.get(INDEX_URL, {"owner_team": team.pk}).content.decode()
    assert "Mette Jensen" not in superuser_client.get(INDEX_URL, {"owner_team": other_team.pk}).content.decode()
    midnight = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0).isoformat()
    assert "Mette Jensen" in superuser_client.get(INDEX_URL, {"confirmed_at__gte": midnight}).content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"user__password__startswith": "md5"},
        {"owner_team": "abc"},
        {"confirmed_at__gte": "ikke-en-dato"},
        {"nonexistent": "1"},
        {"o": "99"},
        {"p": "abc"},
    ],
)
def test_the_register_never_fails_on_a_bad_address(superuser_client, confirmed, params):
    response = superuser_client.get(INDEX_URL, params)

    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert response["Location"] == INDEX_URL


def test_the_register_exports_csv_and_xlsx(superuser_client, confirmed):
    csv_response = superuser_client.get(INDEX_URL, {"export": "csv"})
    content = b"".join(csv_response.streaming_content).decode("utf-8")
    rows = list(csv.reader(io.StringIO(content)))
    assert rows[0] == ["Navn", "Brugernavn", "Dokumentnummer", "Titel", "Version", "Bekræftet"]
    assert sorted(row[1] for row in rows[1:]) == ["kollega", "medarbejder"]

    xlsx_response = superuser_client.get(INDEX_URL, {"export": "xlsx"})
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(xlsx_response.streaming_content)))
    sheet_rows = list(workbook.active.values)
    assert sheet_rows[0][0] == "Navn"
    assert len(sheet_rows) == 3
    assert 'filename="laesebekraeftelser.xlsx"' in xlsx_response["Content-Disposition"]


def test_the_register_inspects_but_never_adds_or_edits(client, reader, confirmed):
    auditor = UserFactory(username="revisor", first_name="Rita", last_name="Revisor")
    auditor.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="handbook", codename="view_acknowledgement"),
    )
    client.force_login(auditor)
    acknowledgement = Acknowledgement.objects.get(user=reader)

    assert client.get(INDEX_URL).status_code == 200
    inspect = client.get(f"{INDEX_URL}inspect/{acknowledgement.pk}/")
    assert inspect.status_code == 200
    assert "Mette Jensen" in inspect.content.decode() or "medarbejder" in inspect.content.decode()
    for url in [
        f"{INDEX_URL}create/",
        f"{INDEX_URL}edit/{acknowledgement.pk}/",
        f"{INDEX_URL}delete/{acknowledgement.pk}/",
    ]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == reverse("wagtailadmin_home"), url
    assert client.post(f"{INDEX_URL}delete/{acknowledgement.pk}/").status_code == 302
    assert Acknowledgement.objects.filter(pk=acknowledgement.pk).exists()


def test_the_register_is_closed_to_readers_editors_without_the_permission_and_anonymous(
    client, reader, editor, confirmed
):
    acknowledgement = Acknowledgement.objects.get(user=reader)
    urls = [INDEX_URL, f"{INDEX_URL}inspect/{acknowledgement.pk}/", f"{INDEX_URL}?export=csv"]

    for url in urls:
        response = client.get(url)  # anonymous
        assert response.status_code == 302 and urlsplit(response["Location"]).path == "/login/", url

    client.force_login(reader)  # no access to the admin at all
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and urlsplit(response["Location"]).path == "/login/", url
        assert b"Karl" not in response.content
        # Asked with JavaScript, the admin answers plainly: 403.
        assert client.get(url, headers={"x-requested-with": "XMLHttpRequest"}).status_code == 403, url

    client.force_login(editor)  # uses the admin, but may not see the register
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home"), url
        assert client.get(url, headers={"x-requested-with": "XMLHttpRequest"}).status_code == 403, url
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Læsebekræftelser" not in menu
