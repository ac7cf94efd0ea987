"""«Dokumentoversigt», the master list of controlled documents: its figures equal a direct count of the database,
its filters, its CSV and XLSX exports, and who may see it."""

import csv
import datetime
import io
from collections import Counter
from types import SimpleNamespace
from urllib.parse import urlsplit

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import GroupApprovalTask, GroupPagePermission, Page, Workflow, WorkflowTask

from handbook import roles, withdrawal
from handbook.models import ControlledDocumentPage, DocumentWithdrawal, InstructionPage, PolicyPage, SectionPage
from tests.factories import GroupFactory, UserFactory, build_site, make_document

pytestmark = pytest.mark.django_db

URL = "/admin/handbook/documents/"
LABELS = {"current": "Gældende", "revision": "Under revision", "planned": "Planlagt", "withdrawn": "Udgået"}
CONTROL_TITLE = "Kontrol\x07tegn i titlen"


def staff(username, page=None, page_permissions=(), groups=(), admin=True):
    user = UserFactory(username=username)
    group = Group.objects.create(name=f"Rolle {username}")
    if admin:
        group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for action in page_permissions:
        GroupPagePermission.objects.create(
            group=group,
            page=page,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{action}_page"),
        )
    user.groups.add(group, *[Group.objects.get_or_create(name=name)[0] for name in groups])
    return user


def build():
    """Documents in every status, in two sections and two teams, and the people who look at them."""
    tree = build_site()
    nature = tree.handbook.add_child(instance=SectionPage(title="Natur", slug="natur"))
    team_nature = GroupFactory(name="Team Natur")
    make_document(tree.section, title="Støjklager")
    make_document(tree.section, page_class=PolicyPage, title="Miljøpolitik")
    make_document(nature, page_class=InstructionPage, title=CONTROL_TITLE, owner_team=team_nature)
    # Under revision: a live document with a draft.
    revised = make_document(nature, title="Naturtilsyn", owner_team=team_nature)
    revised.title = "Naturtilsyn, revideret"
    revised.save_revision()
    # Under revision too: a live document in an approval workflow.
    workflow = Workflow.objects.create(name="Prøvegodkendelse")
    WorkflowTask.objects.create(workflow=workflow, task=GroupApprovalTask.objects.create(name="Godkend"), sort_order=0)
    in_review = make_document(nature, page_class=PolicyPage, title="Til godkendelse")
    workflow.start(in_review, UserFactory(username="indsender"))
    # Planned: never published, and scheduled for later.
    draft = tree.section.add_child(instance=InstructionPage(title="Ny instruks", live=False))
    draft.save_revision()
    scheduled = nature.add_child(instance=PolicyPage(title="Kommende politik", live=False, owner_team=team_nature))
    scheduled.go_live_at = timezone.now() + datetime.timedelta(days=7)
    scheduled.save_revision().publish()
    assert not PolicyPage.objects.get(pk=scheduled.pk).live
    # Withdrawn.
    old = make_document(tree.section, title="Gammel procedure")
    withdrawal.withdraw(old, None, "Afløst.")
    return SimpleNamespace(
        tree=tree,
        nature=nature,
        team_nature=team_nature,
        editor=staff("redaktoer-liste", tree.handbook, ["add", "change"]),
        quality=quality_member(tree),
        admin_without_rights=staff("kun-admin-liste"),
        employee=staff("medarbejder-liste", groups=[roles.EMPLOYEES], admin=False),
    )


def quality_member(tree):
    """A member of the WorkSmarter group as setup_roles makes it (no page rights on this handbook's sections)."""
    group = roles.ensure_roles(tree.handbook)[roles.QUALITY_GROUP]
    user = UserFactory(username="worksmarter-liste")
    user.groups.add(group)
    return user


@pytest.fixture(scope="module")
def handbook(django_db_setup, django_db_blocker):
    """Built once for the module, in a transaction rolled back at its end."""
    with django_db_blocker.unblock():
        assert "test" in str(connection.settings_dict["NAME"]) or "memory" in str(connection.settings_dict["NAME"])
        with transaction.atomic():
            cache.clear()
            yield build()
            transaction.set_rollback(True)
    cache.clear()


def direct_status(page):
    """The status by its definition, counted page by page, independently of the list's query."""
    if DocumentWithdrawal.objects.filter(document_id=page.pk).exists():
        return "withdrawn"
    if not page.live:
        return "planned"
    if page.has_unpublished_changes or page.workflow_in_progress:
        return "revision"
    return "current"


def direct_counts(pages=None):
    pages = ControlledDocumentPage.objects.all() if pages is None else pages
    return Counter(direct_status(Page.objects.get(pk=page.pk)) for page in pages)


def shown_counts(response):
    assert response.status_code == 200, response.status_code
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        item["data-status"]: int(item.find("dd")["data-count"]) for item in soup.select(".master-list-counts > div")
    }


def shown_rows(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {row.find("td").get_text(strip=True): row for row in soup.select("table tbody tr")}


def csv_rows(client, **params):
    response = client.get(URL, {**params, "export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def editor_client(client, handbook):
    client.force_login(handbook.editor)
    return client


def test_every_status_is_present_and_the_figures_equal_a_direct_count(handbook, editor_client):
    direct = direct_counts()
    assert set(direct) == set(LABELS) and all(direct.values())
    in_review = ControlledDocumentPage.objects.get(title="Til godkendelse")
    assert direct_status(in_review) == "revision"

    shown = shown_counts(editor_client.get(URL))

    assert {status: shown[status] for status in LABELS} == dict(direct)
    assert shown["total"] == ControlledDocumentPage.objects.count() == sum(direct.values())
    assert len(shown_rows(editor_client.get(URL))) == ControlledDocumentPage.objects.count()


def test_the_exports_have_the_same_figures(handbook, editor_client):
    direct = direct_counts()
    rows = csv_rows(editor_client)

    assert Counter(row["Status"] for row in rows) == {LABELS[status]: count for status, count in direct.items()}
    numbers = set(ControlledDocumentPage.objects.values_list("document_number", flat=True))
    assert {row["Nummer"] for row in rows} == numbers

    response = editor_client.get(URL, {"export": "xlsx"})
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header, *cells = list(sheet.values)
    status_column = header.index("Status")
    assert Counter(row[status_column] for row in cells) == Counter(row["Status"] for row in rows)
    assert "Kontroltegn i titlen" in [row[header.index("Titel")] for row in cells]  # the control character gone


def test_the_list_shows_each_documents_control_data_with_danish_dates(handbook, editor_client):
    document = ControlledDocumentPage.objects.get(title="Støjklager")
    row = shown_rows(editor_client.get(URL))[document.document_number]
    text = " ".join(row.get_text(" ", strip=True).split())

    assert "Støjklager" in text and "Procedure" in text and "1.0" in text and "Gældende" in text
    assert "Miljø" in text and "Team Miljø" in text and "Anne Holm" in text
    assert "1. marts 2026" in text

    planned = ControlledDocumentPage.objects.get(title="Ny instruks")
    assert "–" in shown_rows(editor_client.get(URL))[planned.document_number].get_text()


@pytest.mark.parametrize("status", list(LABELS))
def test_filter_by_status(handbook, editor_client, status):
    response = editor_client.get(URL, {"status": status})
    expected = {
        page.document_number
        for page in ControlledDocumentPage.objects.all()
        if direct_status(Page.objects.get(pk=page.pk)) == status
    }

    assert set(shown_rows(response)) == expected
    assert {row["Nummer"] for row in csv_rows(editor_client, status=status)} == expected


def test_filter_by_type_section_and_owner(handbook, editor_client):
    policies = set(PolicyPage.objects.values_list("document_number", flat=True))
    assert set(shown_rows(editor_client.get(URL, {"document_type": "policy"}))) == policies

    in_nature = set(ControlledDocumentPage.objects.child_of(handbook.nature).values_list("document_number", flat=True))
    response = editor_client.get(URL, {"section": handbook.nature.pk})
    assert set(shown_rows(response)) == in_nature
    assert shown_counts(response)["total"] == len(in_nature)

    owned = set(
        ControlledDocumentPage.objects.filter(owner_team=handbook.team_nature).values_list("document_number", flat=True)
    )
    assert set(shown_rows(editor_client.get(URL, {"owner_team": handbook.team_nature.pk}))) == owned
    both = editor_client.get(URL, {"owner_team": handbook.team_nature.pk, "status": "planned"})
    assert set(shown_rows(both)) == {ControlledDocumentPage.objects.get(title="Kommende politik").document_number}


def test_the_quality_group_sees_it(handbook, client):
    client.force_login(handbook.quality)
    assert client.get(URL).status_code == 200


@pytest.mark.parametrize("who", ["employee", "admin_without_rights"])
def test_others_are_turned_away(handbook, client, who):
    client.force_login(getattr(handbook, who))

    for params in ({}, {"export": "csv"}, {"export": "xlsx"}):
        response = client.get(URL, params)
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert urlsplit(response["Location"]).path in ("/login/", "/admin/login/", "/admin/")
