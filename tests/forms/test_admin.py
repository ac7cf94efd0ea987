"""The WorkSmarter group handles cases in Wagtail's admin: lists, filters, search, exports and the editor."""

import csv
import datetime
import io
import re
from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone, translation
from django.utils.dateformat import format as date_format
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from forms import lifecycle
from forms.admin_views import STATUS_CHANGE_ACTION
from forms.lifecycle import Status
from forms.models import CaseAttachment, Deviation, ImprovementProposal, StatusChange
from handbook.models import SectionPage
from tests.factories import UserFactory
from tests.forms.admin_fixtures import edit_url, handling_form, in_days, move, url
from tests.forms.factories import make_case, make_proposal

pytestmark = pytest.mark.django_db

TZ = timezone.get_default_timezone()


@pytest.fixture
def quality_client(client, quality_member):
    client.force_login(quality_member)
    return client


@pytest.fixture
def cases(site_tree, colleague, quality_member):
    """Four deviations that differ in every way the list filters on, and one proposal."""
    other_section = site_tree.handbook.add_child(instance=SectionPage(title="Natur", slug="natur"))
    waiting = make_case(
        title="Skabelonen mangler en dato",
        description="Der er intet felt til afgørelsesdatoen i skabelonen.",
        kind=Deviation.Kind.DOCUMENT,
        section=site_tree.section,
        received_at=datetime.datetime(2026, 1, 10, 9, 0, tzinfo=TZ),
        reporter=colleague,
        anonymous=False,
    )
    late = move(
        make_case(
            title="Klage over sagsbehandlingstid",
            description="Borgeren har ventet i fire måneder på svar.",
            kind=Deviation.Kind.COMPLAINT,
            section=other_section,
            received_at=datetime.datetime(2026, 2, 10, 9, 0, tzinfo=TZ),
        ),
        Status.IN_PROGRESS,
        handler=quality_member,
        due_date=in_days(-3),
    )
    on_time = move(
        make_case(
            title="Partshøring sendt uden bilag",
            description="Bilaget manglede i brevet til virksomheden.",
            kind=Deviation.Kind.CASEWORK,
            section=site_tree.section,
            received_at=datetime.datetime(2026, 3, 10, 9, 0, tzinfo=TZ),
        ),
        Status.IN_PROGRESS,
        handler=colleague,
        due_date=in_days(10),
    )
    rejected = move(
        make_case(
            title="Printeren på 2. sal",
            description="Printeren virker ikke.",
            received_at=datetime.datetime(2026, 4, 10, 9, 0, tzinfo=TZ),
        ),
        Status.REJECTED,
        rejection_reason="Hører under IT-support, ikke kvalitetssystemet.",
        due_date=in_days(-30),  # past, but a rejected case is not overdue
    )
    proposal = make_proposal(title="Fælles postkasse til klager")
    return SimpleNamespace(
        waiting=waiting, late=late, on_time=on_time, rejected=rejected, proposal=proposal, other_section=other_section
    )


def references_in(response):
    body = response.content.decode()
    return {ref for ref in Deviation.objects.values_list("reference", flat=True) if ref in body}


# The list


def test_the_list_shows_each_case_with_its_handling(quality_client, cases):
    response = quality_client.get(url(Deviation, "list"))

    body = response.content.decode()
    assert response.status_code == 200
    assert references_in(response) == {c.reference for c in (cases.waiting, cases.late, cases.on_time, cases.rejected)}
    assert cases.proposal.reference not in body  # proposals have their own list
    assert "Klage over sagsbehandlingstid" in body
    assert "Søren Madsen" in body  # the handler by name
    assert "Natur" in body  # the section
    assert date_format(in_days(-3), "j. F Y") in body


def test_only_an_open_case_past_its_due_date_is_marked_overdue(quality_client, cases):
    response = quality_client.get(url(Deviation, "list_results"))

    rows = response.content.decode().split("<tr")
    overdue = translation.gettext("Overdue")
    marked = {ref for ref in references_in(response) if any(ref in row and overdue in row for row in rows)}
    assert marked == {cases.late.reference}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": "in_progress"}, {"late", "on_time"}),
        ({"status": "rejected"}, {"rejected"}),
        ({"kind": "complaint"}, {"late"}),
        ({"kind": "document"}, {"waiting"}),
        ({"section": "main"}, {"waiting", "on_time"}),
        ({"section": "other"}, {"late"}),
        ({"handler": "quality_member"}, {"late"}),
        ({"handler": "colleague"}, {"on_time"}),
        ({"handler": "null"}, {"waiting", "rejected"}),
        ({"received_at_from": "01.02.2026", "received_at_to": "31.03.2026"}, {"late", "on_time"}),
        ({"received_at_from": "2026-04-01"}, {"rejected"}),
        ({"overdue": "true"}, {"late"}),
        ({"overdue": "false"}, {"waiting", "on_time", "rejected"}),
        ({"status": "in_progress", "overdue": "false"}, {"on_time"}),
    ],
)
def test_each_filter_narrows_the_list(quality_client, cases, site_tree, quality_member, colleague, params, expected):
    stand_ins = {
        "main": site_tree.section.pk,
        "other": cases.other_section.pk,
        "quality_member": quality_member.pk,
        "colleague": colleague.pk,
    }
    query = {name: stand_ins.get(value, value) for name, value in params.items()}

    response = quality_client.get(url(Deviation, "list"), query)

    assert response.status_code == 200
    assert references_in(response) == {getattr(cases, name).reference for name in expected}


def test_the_kind_filter_offers_each_models_own_kinds(quality_client, cases):
    deviations = quality_client.get(url(Deviation, "list")).content.decode()
    proposals = quality_client.get(url(ImprovementProposal, "list")).content.decode()

    assert 'value="complaint"' in deviations
    assert 'value="complaint"' not in proposals
    assert 'value="systems"' in proposals


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Skabelonen", {"waiting"}),  # a word of the title
        ("sagsbehandlingstid", {"late"}),
        ("virksomheden", {"on_time"}),  # a word of the description
        ("AFV-2026-0002", {"late"}),  # the reference, whole
        ("afv-2026-0003", {"on_time"}),  # in any case
        ("0004", {"rejected"}),  # a part of it
        ("Regnvandsbassin", set()),
    ],
)
def test_search_finds_cases_by_title_description_and_reference(quality_client, cases, query, expected):
    response = quality_client.get(url(Deviation, "list"), {"q": query})

    assert response.status_code == 200
    assert references_in(response) == {getattr(cases, name).reference for name in expected}


@pytest.mark.parametrize("query", ['"', "AND", "NOT", "*", "-", "(", "a:b", "AFV-", "%", "'; DROP", "ø" * 300])
def test_any_search_text_gives_a_list_never_an_error(quality_client, cases, query):
    response = quality_client.get(url(Deviation, "list_results"), {"q": query})

    assert response.status_code == 200


def test_search_and_filters_work_together(quality_client, cases):
    response = quality_client.get(
        url(Deviation, "list_results"), {"q": "AFV-2026", "status": "in_progress", "ordering": "due_date"}
    )

    assert response.status_code == 200
    assert references_in(response) == {cases.late.reference, cases.on_time.reference}


def test_a_newly_reported_case_is_found_by_search(quality_client, reporting, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = quality_client.post(
            reporting.deviation_form.url,
            {
                "title": "Vejledningen om kørebøger er forældet",
                "description": "Den henviser til en blanket der ikke findes mere.",
                "submission_key": "0f4c8f5e-8a7f-4a55-9b1a-0c2b0b7f7a11",
            },
        )
    assert response.status_code == 200
    case = Deviation.objects.get(title__startswith="Vejledningen")

    for query in ("kørebøger", "blanket", case.reference):
        found = quality_client.get(url(Deviation, "list_results"), {"q": query})
        assert case.reference in found.content.decode(), query


# Exports


def by_field(model, headings, rows):
    """The exported rows keyed by the names in the viewset's ``list_export``, found through their headings."""
    viewset = model.snippet_viewset
    names = {str(viewset.export_headings[name]): name for name in viewset.list_export}
    assert list(headings) == [str(viewset.export_headings[name]) for name in viewset.list_export]
    return [{names[heading]: value for heading, value in zip(headings, row, strict=True)} for row in rows]


def read_csv(response, model=Deviation):
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    headings, *rows = list(csv.reader(io.StringIO(text)))
    return by_field(model, headings, rows)


def test_the_csv_export_has_the_listed_rows_and_the_handling_columns(quality_client, cases):
    move(
        cases.on_time,
        Status.ACTION_TAKEN,
        cause="Bilaget blev ikke vedhæftet",
        action='=HYPERLINK("http://example.com")',  # typed by a person, must not become a formula
    )

    response = quality_client.get(url(Deviation, "list"), {"export": "csv", "status": "action_taken"})

    assert response["Content-Disposition"] == 'attachment; filename="afvigelser.csv"'
    rows = read_csv(response)
    assert [row["reference"] for row in rows] == [cases.on_time.reference]
    row = rows[0]
    assert row["title"] == "Partshøring sendt uden bilag"
    assert row["status"] == str(Status.ACTION_TAKEN.label)
    assert row["kind"] == str(Deviation.Kind.CASEWORK.label)
    assert row["section"] == "Miljø"
    assert row["handler"] == "Karl Berg (kollega)"
    assert row["due_date"] == in_days(10).strftime("%d.%m.%Y")
    assert row["received_at"] == "10.03.2026 09:00"  # Copenhagen time
    assert row["cause"] == "Bilaget blev ikke vedhæftet"
    assert row["action"] == '\'=HYPERLINK("http://example.com")'
    assert row["effectiveness_check"] == ""


def test_the_export_headings_are_danish(quality_client, cases):
    text = b"".join(quality_client.get(url(Deviation, "list"), {"export": "csv"}).streaming_content).decode("utf-8-sig")
    headings = next(csv.reader(io.StringIO(text)))

    with translation.override("da"):
        expected = [
            str(Deviation.snippet_viewset.export_headings[name]) for name in Deviation.snippet_viewset.list_export
        ]
    assert headings == expected
    assert len(set(headings)) == len(headings)


def test_the_export_names_a_reporter_and_never_an_anonymous_one(quality_client, cases, colleague):
    rows = {row["reference"]: row for row in read_csv(quality_client.get(url(Deviation, "list"), {"export": "csv"}))}

    assert len(rows) == 4
    assert rows[cases.waiting.reference]["reporter"] == "Karl Berg"
    anonymous = rows[cases.late.reference]
    assert anonymous["reporter"] == translation.gettext("Anonymous report")
    assert "Karl" not in "".join(anonymous.values())


def test_the_xlsx_export_keeps_dates_as_dates(quality_client, cases):
    move(cases.rejected, Status.REJECTED)  # unchanged: still rejected, closed when it was rejected

    response = quality_client.get(url(Deviation, "list"), {"export": "xlsx", "overdue": "true"})

    assert response["Content-Disposition"].startswith('attachment; filename="afvigelser.xlsx"')
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    headings, *values = list(sheet.iter_rows(values_only=True))
    rows = by_field(Deviation, headings, values)
    assert [row["reference"] for row in rows] == [cases.late.reference]
    row = rows[0]
    assert row["handler"] == "Søren Madsen (worksmarter)"
    assert row["received_at"] == datetime.datetime(2026, 2, 10, 9, 0)  # Copenhagen time, as a date cell
    assert row["due_date"] == in_days(-3)
    assert row["reporter"] == translation.gettext("Anonymous report")


def test_the_proposal_export_has_its_own_columns(quality_client, cases):
    response = quality_client.get(url(ImprovementProposal, "list"), {"export": "csv"})

    assert response["Content-Disposition"] == 'attachment; filename="forbedringsforslag.csv"'
    rows = read_csv(response, ImprovementProposal)
    assert [row["reference"] for row in rows] == [cases.proposal.reference]
    assert "on_board" in rows[0]
    assert "effectiveness_check" not in rows[0]


# The editor


def test_the_editor_shows_the_report_read_only(quality_client, reporting, document, colleague):
    case = make_case(
        title="Skabelonen mangler en dato",
        description="Første linje\nAnden linje <script>alert(1)</script>",
        document=document,
        document_version="1.0",
        reporter=colleague,
        anonymous=False,
        answers=[{"label": "Hvornår skete det?", "value": "I går"}],
    )
    attachment = CaseAttachment(case=case, original_name="foto.png", mime_type="image/png", size=4)
    attachment.file.save("foto.png", ContentFile(b"\x89PNG"), save=False)
    attachment.save()

    response = quality_client.get(edit_url(case))

    body = response.content.decode()
    assert response.status_code == 200
    assert case.reference in body
    assert "Karl Berg" in body
    assert "Første linje<br>Anden linje &lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "<script>alert(1)" not in body
    assert f'<a href="{document.url}">{document.document_number} {document.title}</a>' in body
    assert "Hvornår skete det?" in body and "I går" in body
    assert f'href="/indberetninger/bilag/{attachment.pk}/"' in body
    assert translation.gettext("Correction / corrective action") in body


def test_the_editor_never_names_an_anonymous_reporter(quality_client, reporting):
    case = make_case()

    body = quality_client.get(edit_url(case)).content.decode()

    assert translation.gettext("Anonymous report") in body


def test_handlers_are_chosen_by_name_among_active_users(quality_client, cases):
    UserFactory(username="gammel", first_name="Gert", last_name="Gammel", is_active=False)

    body = quality_client.get(edit_url(cases.waiting)).content.decode()

    assert "Karl Berg (kollega)" in body
    assert "Gert Gammel" not in body


def test_a_proposal_has_a_board_part_and_no_effectiveness_check(quality_client, cases):
    body = quality_client.get(edit_url(cases.proposal)).content.decode()

    assert 'name="public_summary"' in body
    assert 'name="on_board"' in body
    assert 'name="effectiveness_check"' not in body
    assert translation.pgettext("handling of a proposal", "What we did") in body
    assert translation.gettext("Correction / corrective action") not in body


def test_cases_are_not_created_or_copied_in_the_admin(quality_client, cases, admin_user, client):
    listing = quality_client.get(url(Deviation, "list")).content.decode()
    assert url(Deviation, "add") not in listing

    client.force_login(admin_user)
    assert client.get(url(Deviation, "add")).status_code in (302, 403)
    assert "copy" not in [name.split(":")[-1] for name in _url_names(Deviation)]


def _url_names(model):
    return [pattern.name for pattern in model.snippet_viewset.get_urlpatterns()]


# Moving a case


def test_an_allowed_move_is_saved_logged_and_mailed_to_the_reporter(
    quality_client, cases, quality_member, mailoutbox, django_capture_on_commit_callbacks
):
    case = cases.waiting
    data = handling_form(case, status=Status.IN_PROGRESS, handler=quality_member.pk, due_date=in_days(14).isoformat())

    with django_capture_on_commit_callbacks(execute=True):
        response = quality_client.post(edit_url(case), data)

    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == Status.IN_PROGRESS
    assert case.handler == quality_member
    assert [(c.old_status, c.new_status) for c in case.status_changes] == [(Status.RECEIVED, Status.IN_PROGRESS)]
    entry = ModelLogEntry.objects.get(action=STATUS_CHANGE_ACTION, object_id=str(case.pk))
    assert entry.user == quality_member
    assert entry.data == {"old": "received", "new": "in_progress"}
    history = quality_client.get(url(Deviation, "history", case.pk)).content.decode()
    expected = translation.gettext("Status changed from “%(old)s” to “%(new)s”") % {
        "old": Status.RECEIVED.label,
        "new": Status.IN_PROGRESS.label,
    }
    assert expected in history
    assert "kollega@kommune.example" in [address for message in mailoutbox for address in message.to]


def test_a_deviation_is_handled_to_closed(quality_client, cases, django_capture_on_commit_callbacks):
    case = cases.late
    steps = [
        {"status": Status.ACTION_TAKEN, "cause": "Sagen lå i en forkert kø.", "action": "Køen er rettet."},
        {"status": Status.CLOSED, "effectiveness_check": "Stikprøve af 20 sager i maj: alle i rette kø."},
    ]
    for step in steps:
        with django_capture_on_commit_callbacks(execute=True):
            response = quality_client.post(edit_url(case), handling_form(case, **step))
        assert response.status_code == 302, step
        case.refresh_from_db()

    assert case.status == Status.CLOSED
    assert case.closed_at is not None
    assert ModelLogEntry.objects.filter(action=STATUS_CHANGE_ACTION, object_id=str(case.pk)).count() == 2


def refusal_message(case, new_status, **fields):
    """The model's own reason, in Danish, as the admin must show it."""
    candidate = type(case).objects.get(pk=case.pk)
    for name, value in fields.items():
        setattr(candidate, name, value)
    with translation.override("da"):
        return {field: str(message) for field, message in lifecycle.refusal(candidate, case.status, new_status).items()}


REFUSED_MOVES = [
    ("waiting", {"status": Status.CLOSED}, "status"),
    ("waiting", {"status": Status.IN_PROGRESS}, "handler"),  # no handler, no due date
    ("waiting", {"status": Status.REJECTED}, "rejection_reason"),
    ("on_time", {"status": Status.ACTION_TAKEN, "action": "Rettet."}, "cause"),
    ("rejected", {"status": Status.IN_PROGRESS}, "status"),
]


@pytest.mark.parametrize("button", ["action-publish", None])  # publishing, and saving a draft
@pytest.mark.parametrize(("name", "change", "field"), REFUSED_MOVES)
def test_a_refused_move_comes_back_with_the_reason_and_changes_nothing(
    quality_client, cases, mailoutbox, django_capture_on_commit_callbacks, name, change, field, button
):
    case = getattr(cases, name)
    revisions_before = case.revisions.count()
    moves_before = StatusChange.objects.count()
    expected = refusal_message(case, change["status"], **{k: v for k, v in change.items() if k != "status"})

    with django_capture_on_commit_callbacks(execute=True):
        response = quality_client.post(edit_url(case), handling_form(case, button=button, **change))

    assert response.status_code == 200
    assert field in expected
    body = response.content.decode()
    assert expected[field] in body
    assert re.search(rf'id="panel-child-\w+-child-{field}-errors"', body)  # next to the field
    stored = Deviation.objects.get(pk=case.pk)
    assert stored.status == case.status
    assert stored.revisions.count() == revisions_before
    assert StatusChange.objects.count() == moves_before
    assert mailoutbox == []


def test_closing_a_deviation_without_an_effectiveness_check_is_refused(quality_client, cases):
    case = move(cases.on_time, Status.ACTION_TAKEN, cause="Skabelonen var forældet.", action="Skabelonen er rettet.")
    expected = refusal_message(case, Status.CLOSED)["effectiveness_check"]

    response = quality_client.post(edit_url(case), handling_form(case, status=Status.CLOSED))

    assert response.status_code == 200
    assert expected in response.content.decode()
    assert Deviation.objects.get(pk=case.pk).status == Status.ACTION_TAKEN


def test_a_move_refused_only_when_published_still_shows_the_form(quality_client, cases, monkeypatch):
    """Someone else moved the case after the form was checked: the model's own check at saving catches it."""
    case = cases.waiting
    revisions = case.revisions.count()
    monkeypatch.setattr(Deviation, "clean", lambda self: None)  # as if the form had seen the case before the move
    expected = refusal_message(case, Status.CLOSED)["status"]

    response = quality_client.post(edit_url(case), handling_form(case, status=Status.CLOSED))

    assert response.status_code == 200
    assert expected in response.content.decode()
    stored = Deviation.objects.get(pk=case.pk)
    assert stored.status == Status.RECEIVED
    assert stored.revisions.count() == revisions
