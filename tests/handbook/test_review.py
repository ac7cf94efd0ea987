"""Periodic review: what is due, reviews without change, the admin report and panels, and the e-mail reminders."""

import csv
import datetime
import io
from smtplib import SMTPException
from urllib.parse import urlsplit

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.log_actions import registry as log_registry
from wagtail.models import GroupPagePermission, PageLogEntry

from handbook import review
from handbook.dates import add_months
from handbook.models import (
    ControlledDocumentPage,
    DocumentReview,
    DocumentVersion,
    InstructionPage,
    PolicyPage,
    ProcedurePage,
    ReviewReminder,
    SectionPage,
)
from tests.factories import GroupFactory, UserFactory, make_document

pytestmark = pytest.mark.django_db

REPORT_URL = "/admin/handbook/review/"
REPORT_RESULTS_URL = "/admin/handbook/review/results/"


def today():
    return timezone.localdate()


def days(count):
    return today() + datetime.timedelta(days=count)


def danish_date(value):
    with translation.override("da"):
        return date_format(value, "j. F Y")


def set_review_date(document, value):
    ControlledDocumentPage.objects.filter(pk=document.pk).update(next_review_date=value)
    document.next_review_date = value
    return document


def review_url(document):
    return reverse("handbook_review:review", args=[document.pk])


def user_with_access(username, handbook=None, page_permissions=(), **fields):
    """A user with the Wagtail admin and, on the handbook, the given page permissions (add, change, publish)."""
    group = Group.objects.create(name=f"Rolle {username}")
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for action in page_permissions:
        GroupPagePermission.objects.create(
            group=group,
            page=handbook,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{action}_page"),
        )
    user = UserFactory(username=username, **fields)
    user.groups.add(group)
    return user


def logged_in(client, user):
    client.force_login(user)
    return client


def text_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def assert_sent_to_login(response):
    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == "/login/"


@pytest.fixture
def people(site_tree):
    handbook = site_tree.handbook
    return type(
        "People",
        (),
        {
            "approver": user_with_access(
                "godkender", handbook, ["add", "change", "publish"], first_name="Anne", last_name="Holm"
            ),
            "editor": user_with_access(
                "redaktoer2", handbook, ["add", "change"], first_name="Rasmus", last_name="Berg"
            ),
            "admin_only": user_with_access("kun-admin", first_name="Kim", last_name="Lund"),
            "owner": UserFactory(username="ejer", first_name="Ole", last_name="Ejer"),
            "other": UserFactory(username="anden", first_name="Eva", last_name="Anden"),
        },
    )


@pytest.fixture
def documents(site_tree, people):
    """Overdue, due today, due in 30 days, due in 31 days, unpublished and overdue, in two sections and teams."""
    nature = site_tree.handbook.add_child(instance=SectionPage(title="Natur", slug="natur"))
    nature_team = GroupFactory(name="Team Natur")
    overdue = make_document(site_tree.section, title="Klager over støj", slug="klager", responsible_person=people.owner)
    due_today = make_document(
        nature,
        PolicyPage,
        title="Naturpolitik",
        slug="naturpolitik",
        owner_team=nature_team,
        responsible_person=people.owner,
    )
    due_in_30 = make_document(
        nature,
        InstructionPage,
        title="Dispensationer",
        slug="dispensationer",
        owner_team=nature_team,
        responsible_person=people.other,
    )
    later = make_document(site_tree.section, title="Miljøtilsyn", slug="tilsyn", responsible_person=people.owner)
    withdrawn = make_document(
        site_tree.section, title="Tilbagetrukket", slug="tilbagetrukket", responsible_person=people.owner
    )
    withdrawn.unpublish()
    set_review_date(overdue, days(-10))
    set_review_date(due_today, today())
    set_review_date(due_in_30, days(30))
    set_review_date(later, days(31))
    set_review_date(withdrawn, days(-100))
    return type(
        "Documents",
        (),
        {
            "overdue": overdue,
            "due_today": due_today,
            "due_in_30": due_in_30,
            "later": later,
            "withdrawn": withdrawn,
            "nature": nature,
            "nature_team": nature_team,
        },
    )


# What is due ------------------------------------------------------------------------------------------


def test_due_selection_takes_live_documents_up_to_thirty_days_ahead(documents):
    due = list(review.due_for_review())

    assert [document.pk for document in due] == [documents.overdue.pk, documents.due_today.pk, documents.due_in_30.pk]
    assert [document.is_overdue for document in due] == [True, False, False]
    assert list(review.overdue_for_review().values_list("pk", flat=True)) == [documents.overdue.pk]


def test_due_selection_by_status_and_person(documents, people):
    due = review.due_for_review()

    assert [d.pk for d in review.filter_by_status(due, review.OVERDUE)] == [documents.overdue.pk]
    assert [d.pk for d in review.filter_by_status(due, review.DUE_SOON)] == [
        documents.due_today.pk,
        documents.due_in_30.pk,
    ]
    assert [d.pk for d in review.due_for_person(people.owner)] == [documents.overdue.pk, documents.due_today.pk]
    assert review.review_status(documents.overdue) == review.OVERDUE
    assert review.review_status(documents.due_in_30) == review.DUE_SOON
    assert review.review_status(documents.later) is None


# Review without change --------------------------------------------------------------------------------


def test_the_confirmation_form_shows_the_document_and_the_new_date(client, documents, people):
    response = logged_in(client, people.approver).get(review_url(documents.overdue))

    text = text_of(response)
    assert "Gennemgået uden ændringer" in text
    assert "PRO-001 Klager over støj" in text
    assert "Overskredet" in text
    assert danish_date(add_months(today(), 12)) in text
    assert "Bemærkning" in text


def test_review_without_change_moves_the_date_and_keeps_the_version(client, documents, people):
    document = documents.overdue
    versions_before = DocumentVersion.objects.filter(document=document).count()
    revisions_before = document.revisions.count()
    new_date = add_months(today(), document.review_interval_months)

    response = logged_in(client, people.approver).post(review_url(document), {"note": "Stadig dækkende."})

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[document.pk])
    document = ProcedurePage.objects.get(pk=document.pk)
    assert document.next_review_date == new_date
    assert document.version == "1.0"
    assert DocumentVersion.objects.filter(document=document).count() == versions_before
    assert document.revisions.count() == revisions_before
    assert document.get_latest_revision_as_object().next_review_date == new_date
    recorded = DocumentReview.objects.get(document=document)
    assert recorded.reviewed_by == people.approver
    assert recorded.note == "Stadig dækkende."
    assert recorded.next_review_date == new_date
    entry = PageLogEntry.objects.get(page=document, action=review.REVIEWED_WITHOUT_CHANGE)
    assert entry.user == people.approver
    assert entry.data["note"] == "Stadig dækkende."
    assert entry.data["next_review_date"] == new_date.isoformat()
    assert entry.data["previous_review_date"] == days(-10).isoformat()


def test_the_message_and_the_page_history_are_in_danish(client, documents, people):
    client = logged_in(client, people.approver)
    response = client.post(review_url(documents.overdue), {"note": "Ingen ændringer i lovgrundlaget."}, follow=True)

    new_date = danish_date(add_months(today(), 12))
    assert f"PRO-001 Klager over støj er registreret som gennemgået uden ændringer. Næste gennemgang: {new_date}." in (
        text_of(response)
    )
    with translation.override("da"):
        assert str(log_registry.get_action_label(review.REVIEWED_WITHOUT_CHANGE)) == "Gennemgået uden ændringer"
    history = text_of(client.get(reverse("wagtailadmin_pages:history", args=[documents.overdue.pk])))
    assert "Gennemgået uden ændringer" in history
    assert "Ingen ændringer i lovgrundlaget." in history


def test_a_later_draft_keeps_the_new_date(client, documents, people):
    logged_in(client, people.approver).post(review_url(documents.overdue), {"note": ""})

    draft = ProcedurePage.objects.get(pk=documents.overdue.pk).get_latest_revision_as_object()
    draft.title = "Klager over støj og lugt"
    draft.save_revision(user=people.editor)

    assert ProcedurePage.objects.get(pk=documents.overdue.pk).get_latest_revision_as_object().next_review_date == (
        add_months(today(), 12)
    )


def test_a_double_submit_records_once(client, documents, people):
    client = logged_in(client, people.approver)

    client.post(review_url(documents.overdue), {"note": "Første"})
    response = client.post(review_url(documents.overdue), {"note": "Anden"}, follow=True)

    assert DocumentReview.objects.filter(document=documents.overdue).count() == 1
    assert PageLogEntry.objects.filter(page=documents.overdue, action=review.REVIEWED_WITHOUT_CHANGE).count() == 1
    assert "var allerede registreret" in text_of(response)


def test_the_review_returns_to_the_page_it_came_from_but_never_off_site(client, documents, people):
    client = logged_in(client, people.approver)
    url = review_url(documents.overdue)

    assert client.post(f"{url}?next={REPORT_URL}", {"note": ""})["Location"] == REPORT_URL
    DocumentReview.objects.all().delete()
    response = client.post(url, {"note": "", "next": "https://evil.example/"})
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[documents.overdue.pk])


def test_a_too_long_note_is_refused_with_a_message(client, documents, people):
    response = logged_in(client, people.approver).post(review_url(documents.overdue), {"note": "x" * 2001})

    assert response.status_code == 200
    assert "Denne værdi må højst have 2000 tegn" in text_of(response)
    assert not DocumentReview.objects.exists()


def test_an_unpublished_document_cannot_be_reviewed(client, documents, people):
    client = logged_in(client, people.approver)

    assert "Kun et udgivet dokument" in text_of(client.get(review_url(documents.withdrawn)))
    response = client.post(review_url(documents.withdrawn), {"note": ""})

    assert response.status_code == 302
    assert not DocumentReview.objects.exists()


def test_a_page_that_is_not_a_document_is_not_found(client, site_tree, people):
    response = logged_in(client, people.approver).get(review_url(site_tree.section))

    assert response.status_code == 404


# Who may do what --------------------------------------------------------------------------------------


def every_url(documents):
    return [REPORT_URL, REPORT_RESULTS_URL, f"{REPORT_URL}?export=csv", review_url(documents.overdue)]


def test_anonymous_visitors_are_sent_to_login_from_every_review_url(client, documents):
    for url in every_url(documents):
        assert_sent_to_login(client.get(url))
    assert_sent_to_login(client.post(review_url(documents.overdue), {"note": ""}))
    assert not DocumentReview.objects.exists()


def test_a_reader_without_admin_access_gets_nothing_from_any_review_url(reader_client, documents):
    for url in every_url(documents):
        response = reader_client.get(url)
        assert_sent_to_login(response)
        assert "Klager over støj" not in response.content.decode()
    assert_sent_to_login(reader_client.post(review_url(documents.overdue), {"note": ""}))
    assert not DocumentReview.objects.exists()


def test_an_editor_without_publish_permission_may_not_review(client, documents, people):
    client = logged_in(client, people.editor)

    assert client.get(review_url(documents.overdue)).status_code == 403
    response = client.post(review_url(documents.overdue), {"note": ""})

    assert response.status_code == 403
    assert "Kun en godkender" in response.content.decode()
    assert not DocumentReview.objects.exists()
    assert ControlledDocumentPage.objects.get(pk=documents.overdue.pk).next_review_date == days(-10)


def test_an_editor_sees_the_report_without_review_buttons(client, documents, people):
    text = text_of(logged_in(client, people.editor).get(REPORT_URL))

    assert "Klager over støj" in text
    assert "Gennemgået uden ændringer" not in text


def test_admin_access_alone_does_not_open_the_report_or_the_review(client, documents, people):
    client = logged_in(client, people.admin_only)

    for url in [REPORT_URL, REPORT_RESULTS_URL, f"{REPORT_URL}?export=csv"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == reverse("wagtailadmin_home")
    assert client.get(review_url(documents.overdue)).status_code == 403
    assert client.post(review_url(documents.overdue), {"note": ""}).status_code == 403
    assert not DocumentReview.objects.exists()


def test_the_review_action_is_offered_to_approvers_only(client, documents, people):
    edit_url = reverse("wagtailadmin_pages:edit", args=[documents.overdue.pk])
    explore_url = reverse("wagtailadmin_explore", args=[documents.overdue.get_parent().pk])

    assert review_url(documents.overdue) in logged_in(client, people.approver).get(edit_url).content.decode()
    assert review_url(documents.overdue) in client.get(explore_url).content.decode()
    assert review_url(documents.overdue) not in logged_in(client, people.editor).get(edit_url).content.decode()
    assert review_url(documents.overdue) not in client.get(explore_url).content.decode()


def test_the_report_is_in_the_reports_menu_for_editors_only(client, documents, people):
    assert REPORT_URL in logged_in(client, people.editor).get("/admin/").content.decode()
    assert REPORT_URL not in logged_in(client, people.admin_only).get("/admin/").content.decode()


# The report -------------------------------------------------------------------------------------------


def report_rows(response):
    soup = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 200
    return [
        [cell.get_text(" ", strip=True) for cell in row.find_all(["td", "th"])]
        for row in soup.select("#listing-results table tbody tr, table.listing tbody tr")
    ]


def test_the_report_lists_due_documents_with_their_details(client, documents, people):
    client = logged_in(client, people.approver)
    response = client.get(REPORT_URL)

    rows = report_rows(response)
    assert [row[0] for row in rows] == ["PRO-001", "POL-001", "INS-001"]
    assert rows[0][1:5] == ["Klager over støj", "Miljø", "Team Miljø", "Ole Ejer"]
    assert danish_date(days(-10)) in rows[0][5] and "Overskredet" in rows[0][5]
    assert rows[1][1:5] == ["Naturpolitik", "Natur", "Team Natur", "Ole Ejer"]
    assert "Overskredet" not in rows[1][5]
    assert "Gennemgået uden ændringer" in rows[0][6]
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("a", href=reverse("wagtailadmin_pages:edit", args=[documents.overdue.pk])) is not None
    assert "Dokumenter til gennemgang" in soup.title.get_text()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=overdue", ["PRO-001"]),
        ("status=due", ["POL-001", "INS-001"]),
        ("section={nature}", ["POL-001", "INS-001"]),
        ("owner_team={team}", ["POL-001", "INS-001"]),
        ("section={nature}&status=overdue", []),
        ("section=nonsense&status=whatever", ["PRO-001", "POL-001", "INS-001"]),
        ("ordering=-next_review_date", ["INS-001", "POL-001", "PRO-001"]),
        ("ordering=bogus&p=999", ["PRO-001", "POL-001", "INS-001"]),
    ],
)
def test_the_report_filters(client, documents, people, query, expected):
    query = query.format(nature=documents.nature.pk, team=documents.nature_team.pk)
    client = logged_in(client, people.approver)

    for url in [REPORT_URL, REPORT_RESULTS_URL]:
        assert [row[0] for row in report_rows(client.get(f"{url}?{query}"))] == expected, url


def test_the_report_says_so_when_nothing_matches(client, documents, people):
    text = text_of(logged_in(client, people.approver).get(f"{REPORT_URL}?section={documents.nature.pk}&status=overdue"))

    assert "Ingen dokumenter til gennemgang passer til filtrene." in text


def test_the_report_exports_csv_and_xlsx(client, documents, people):
    client = logged_in(client, people.approver)

    response = client.get(f"{REPORT_URL}?export=csv&status=due")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == ["Nummer", "Titel", "Afsnit", "Ejer (team)", "Ansvarlig", "Næste gennemgang", "Status"]
    assert rows[1] == [
        "POL-001",
        "Naturpolitik",
        "Natur",
        "Team Natur",
        "Ole Ejer",
        today().isoformat(),
        "Inden for 30 dage",
    ]
    assert len(rows) == 3

    response = client.get(f"{REPORT_URL}?export=xlsx&status=overdue")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = list(sheet.values)
    assert values[1][:5] == ("PRO-001", "Klager over støj", "Miljø", "Team Miljø", "Ole Ejer")
    assert values[1][6] == "Overskredet"


def queries_for(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def add_due_documents(section, count, responsible):
    for number in range(count):
        document = make_document(
            section, title=f"Procedure {number}", slug=f"procedure-{number}", responsible_person=responsible
        )
        set_review_date(document, days(number % 40 - 5))


def test_the_report_and_the_dashboard_take_a_fixed_number_of_queries(client, documents, people):
    client = logged_in(client, people.approver)
    people.owner.groups.add(*people.approver.groups.all())
    client_owner = logged_in(type(client)(), people.owner)
    report, dashboard = queries_for(client, REPORT_URL), queries_for(client_owner, "/admin/")

    add_due_documents(documents.nature, 12, people.owner)

    assert queries_for(client, REPORT_URL) == report
    assert queries_for(client, f"{REPORT_URL}?export=csv") <= report
    assert queries_for(client_owner, "/admin/") == dashboard


# The dashboard panel ----------------------------------------------------------------------------------


def dashboard_panel(client):
    response = client.get("/admin/")
    assert response.status_code == 200
    panel = BeautifulSoup(response.content, "html.parser").find(id="handbook-due-reviews-section")
    return panel.get_text(" ", strip=True) if panel else ""


def test_the_dashboard_lists_ones_own_due_documents_and_the_overdue_count_for_approvers(client, documents, people):
    people.owner.groups.add(*people.approver.groups.all())

    panel = dashboard_panel(logged_in(client, people.owner))

    assert "Dine dokumenter til gennemgang" in panel
    assert "Klager over støj" in panel and "Naturpolitik" in panel
    assert "Dispensationer" not in panel  # someone else's
    assert "Miljøtilsyn" not in panel  # not due yet
    assert "Tilbagetrukket" not in panel  # not published
    assert "Overskredet" in panel
    assert "1 dokument i håndbogen har overskredet sin gennemgangsdato." in panel


def test_the_dashboard_shows_an_editor_only_their_own_documents(client, documents, people):
    set_review_date(documents.due_in_30, days(-3))
    ControlledDocumentPage.objects.filter(pk=documents.due_in_30.pk).update(responsible_person=people.editor)

    panel = dashboard_panel(logged_in(client, people.editor))

    assert "Dispensationer" in panel and "Overskredet" in panel
    assert "Klager over støj" not in panel
    assert "håndbogen har overskredet" not in panel
    assert "Gennemgået uden ændringer" not in panel


def test_the_dashboard_has_no_panel_for_an_editor_with_nothing_due(client, documents, people):
    assert dashboard_panel(logged_in(client, people.editor)) == ""


# The reader's front page ------------------------------------------------------------------------------


def front_page_panel(client):
    response = client.get("/")
    assert response.status_code == 200
    panel = BeautifulSoup(response.content, "html.parser").find("section", class_="due-reviews")
    return panel


def test_the_front_page_shows_ones_own_due_documents(client, documents, people):
    panel = front_page_panel(logged_in(client, people.owner))

    assert panel.h2.get_text(strip=True) == "Dine dokumenter til gennemgang"
    rows = [
        [cell.get_text(" ", strip=True) for cell in row.find_all(["td", "th"])] for row in panel.tbody.find_all("tr")
    ]
    assert rows == [
        ["PRO-001", "Klager over støj", f"{danish_date(days(-10))} Overskredet"],
        ["POL-001", "Naturpolitik", danish_date(today())],
    ]
    assert panel.find("a", href=documents.overdue.url) is not None


def test_the_front_page_shows_nothing_to_someone_with_nothing_due(reader_client, documents):
    assert front_page_panel(reader_client) is None
    assert "Dine dokumenter til gennemgang" not in reader_client.get("/").content.decode()


def test_the_front_page_takes_a_fixed_number_of_queries(client, documents, people):
    client = logged_in(client, people.owner)
    before = queries_for(client, "/")

    add_due_documents(documents.nature, 12, people.owner)

    assert queries_for(client, "/") == before
    assert len(front_page_panel(client).tbody.find_all("tr")) == 14


# E-mail reminders -------------------------------------------------------------------------------------


def run_reminders(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("send_review_reminders", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def reminder_documents(documents, people):
    inactive = UserFactory(username="tidligere", first_name="Tidligere", last_name="Ansat", is_active=False)
    no_email = UserFactory(username="uden-mail", first_name="Uden", last_name="Mail", email="")
    not_due_only = UserFactory(username="ikke-due", first_name="Ikke", last_name="Forfalden")
    for person, slug in [(inactive, "inaktiv"), (no_email, "uden-mail")]:
        set_review_date(
            make_document(documents.nature, title=f"Dokument {slug}", slug=slug, responsible_person=person), days(-1)
        )
    ControlledDocumentPage.objects.filter(pk=documents.later.pk).update(responsible_person=not_due_only)
    return documents


def test_the_command_sends_one_digest_per_responsible_person(reminder_documents, people):
    documents = reminder_documents

    out, _err = run_reminders()

    assert sorted(message.to[0] for message in mail.outbox) == ["anden@kommune.example", "ejer@kommune.example"]
    owners = next(message for message in mail.outbox if message.to == ["ejer@kommune.example"])
    assert owners.subject == "Kvalitetsportalen: 2 af dine dokumenter skal gennemgås"
    body = owners.body
    assert "Kære Ole" in body
    assert "Overskredet:" in body and "Inden for 30 dage:" in body
    assert f"PRO-001 Klager over støj, næste gennemgang {danish_date(days(-10))}" in body
    assert f"POL-001 Naturpolitik, næste gennemgang {danish_date(today())}" in body
    assert body.index("PRO-001") < body.index("Inden for 30 dage:") < body.index("POL-001")
    assert f"http://testserver/admin/pages/{documents.overdue.pk}/edit/" in body
    assert f"http://testserver/admin/pages/{documents.due_today.pk}/edit/" in body
    assert "Miljøtilsyn" not in body and "Dispensationer" not in body and "Tilbagetrukket" not in body
    others = next(message for message in mail.outbox if message.to == ["anden@kommune.example"])
    assert "INS-001 Dispensationer" in others.body and "Klager over støj" not in others.body
    assert set(ReviewReminder.objects.values_list("user__username", "sent_on")) == {
        ("ejer", today()),
        ("anden", today()),
    }
    assert "2 påmindelser sendt; 0 har allerede fået påmindelse i dag; 0 mislykkedes." in out


def test_a_second_run_the_same_day_sends_nothing(reminder_documents):
    run_reminders()
    mail.outbox.clear()

    out, _err = run_reminders()

    assert mail.outbox == []
    assert ReviewReminder.objects.count() == 2
    assert "0 påmindelser sendt; 2 har allerede fået påmindelse i dag; 0 mislykkedes." in out


def test_a_dry_run_prints_and_sends_nothing(reminder_documents):
    out, _err = run_reminders("--dry-run")

    assert mail.outbox == []
    assert not ReviewReminder.objects.exists()
    assert "Til Ole Ejer <ejer@kommune.example>: Kvalitetsportalen: 2 af dine dokumenter skal gennemgås" in out
    assert "PRO-001 Klager over støj" in out and "(overskredet)" in out
    assert "Prøvekørsel: 2 påmindelser ville blive sendt" in out


class FailingForOneBackend(EmailBackend):
    """Delivers like the test backend, but the mail server refuses the owner's address."""

    def send_messages(self, messages):
        if any("ejer@kommune.example" in message.to for message in messages):
            raise SMTPException("550 mailbox unavailable")
        return super().send_messages(messages)


def test_a_failing_mail_server_for_one_person_does_not_stop_the_others(reminder_documents, settings):
    settings.EMAIL_BACKEND = "tests.handbook.test_review.FailingForOneBackend"

    out, err = run_reminders()

    assert [message.to for message in mail.outbox] == [["anden@kommune.example"]]
    assert list(ReviewReminder.objects.values_list("user__username", flat=True)) == ["anden"]
    assert "ejer@kommune.example" in err
    assert "1 påmindelse sendt; 0 har allerede fået påmindelse i dag; 1 mislykkedes." in out

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox.clear()
    run_reminders()
    assert [message.to for message in mail.outbox] == [["ejer@kommune.example"]]
