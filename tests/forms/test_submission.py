"""Submitting the report forms over HTTP: the case that is stored, and what an anonymous report leaves behind.

The small helpers at the top (a report's form data, the form as the browser would send it back, sample
files) are used by the other submission tests too.
"""

import io
import json
import uuid
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import ModelLogEntry, PageLogEntry, Revision

from forms.models import CaseAttachment, Deviation, ImprovementProposal
from tests.factories import make_document

# Helpers shared by the submission tests


def report_data(page, **fields):
    """What a reporter types: a title, a description, an answer to each extra question, and a fresh form key."""
    data = {"title": "Skabelonen mangler en dato", "description": "Der er intet felt til afgørelsesdatoen."}
    data.update({field.clean_name: "I går ved 10-tiden" for field in page.form_fields.all()})
    data["submission_key"] = str(uuid.uuid4())
    data.update(fields)
    return data


def form_values(response):
    """The values a browser would send back from the rendered report form (files excepted)."""
    form = BeautifulSoup(response.content, "html.parser").find("form", class_="report-form")
    values = {}
    for element in form.find_all(["input", "textarea", "select"]):
        name, kind = element.get("name"), element.get("type", "")
        if not name or name == "csrfmiddlewaretoken" or kind == "file":
            continue
        if element.name == "textarea":
            values[name] = element.text.removeprefix("\n")  # Django writes a newline after <textarea>
        elif element.name == "select":
            selected = element.find("option", selected=True)
            values[name] = selected.get("value", "") if selected else ""
        elif kind in ("checkbox", "radio"):
            if element.has_attr("checked"):
                values[name] = element.get("value", "on")
        else:
            values[name] = element.get("value", "")
    return values


def receipt_reference(response):
    """The reference number the receipt page announces."""
    text = BeautifulSoup(response.content, "html.parser").get_text(" ")
    for word in text.split():
        if word.startswith(("AFV-", "FOR-")):
            return word.strip(".,")
    return None


def stored_files():
    return {path for path in Path(settings.PRIVATE_MEDIA_ROOT).rglob("*") if path.is_file()}


def pdf_bytes():
    return b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def image_bytes(kind):
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, kind)
    return buffer.getvalue()


def docx_bytes():
    """A minimal Word document, built the way Word lays out its parts."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="word/document.xml"/></Relationships>',
        )
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            "<w:body><w:p><w:r><w:t>Skabelonen mangler en dato</w:t></w:r></w:p></w:body></w:document>",
        )
    return buffer.getvalue()


def xlsx_bytes():
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active["A1"] = "Målinger"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(name, content):
    return SimpleUploadedFile(name, content)


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    """The rate limit lives in the cache, which outlives each test's database."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def revised_document(document):
    """The document at version 1.1, so that the version being read (1.0) differs from the one in force."""
    document.save_revision().publish()
    document.refresh_from_db()
    assert document.version == "1.1"
    return document


def this_year():
    return timezone.localdate(timezone=timezone.get_default_timezone()).year


# Submitting each form


def test_deviation_from_a_document_link_is_stored_with_everything_the_reporter_gave(
    client, reporting, revised_document, site_tree, reader, django_capture_on_commit_callbacks
):
    client.force_login(reader)
    page = reporting.deviation_form
    opened = client.get(f"{page.url}?dokument={revised_document.document_number}&version=1.0")
    data = form_values(opened)
    assert data["document"] == revised_document.document_number
    question = page.form_fields.get()
    data.update(title="Skabelonen mangler en dato", description="Intet felt til datoen.")
    data[question.clean_name] = "Mandag morgen"
    files = [upload("Skærmbillede af skabelon.png", image_bytes("PNG")), upload("afgørelse.pdf", pdf_bytes())]

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(page.url, {**data, "attachments": files})

    assert response.status_code == 200
    case = Deviation.objects.get()
    assert case.reference == f"AFV-{this_year()}-0001"
    assert receipt_reference(response) == case.reference
    assert case.reporter == reader and case.anonymous is False
    assert (case.title, case.description) == ("Skabelonen mangler en dato", "Intet felt til datoen.")
    assert case.document_id == revised_document.pk
    assert case.document_version == "1.0"  # the version the reporter was reading, not the one in force
    assert case.section_id == site_tree.section.pk
    assert case.kind == Deviation.Kind.DOCUMENT
    assert case.answers == [{"label": "Hvornår skete det?", "value": "Mandag morgen"}]
    assert case.live and case.status == "received"
    revision = case.revisions.get()
    assert revision.user == reader and case.live_revision_id == revision.pk

    attachments = {a.original_name: a for a in CaseAttachment.objects.filter(object_id=case.pk)}
    assert set(attachments) == {"Skærmbillede af skabelon.png", "afgørelse.pdf"}
    assert [a.case for a in attachments.values()] == [case, case]
    pdf = attachments["afgørelse.pdf"]
    assert (pdf.mime_type, pdf.size) == ("application/pdf", len(pdf_bytes()))
    stored = Path(pdf.file.path).resolve()
    assert stored.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    assert stored.read_bytes() == pdf_bytes()
    assert "afgørelse" not in stored.name and stored.suffix == ".pdf"  # a generated name
    assert not stored.is_relative_to(Path(settings.MEDIA_ROOT).resolve())


def test_proposal_with_a_typed_document_number_takes_the_version_in_force(
    client, reporting, revised_document, reader, django_capture_on_commit_callbacks
):
    client.force_login(reader)
    page = reporting.proposal_form
    data = report_data(page, title="Digital tjekliste", description="Brug en tjekliste på tabletten.")
    data["document"] = revised_document.document_number.lower()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(page.url, data)

    assert response.status_code == 200
    case = ImprovementProposal.objects.get()
    assert case.reference == f"FOR-{this_year()}-0001"
    assert receipt_reference(response) == case.reference
    assert case.reporter == reader
    assert case.document_id == revised_document.pk and case.document_version == "1.1"
    assert case.kind == ImprovementProposal.Kind.DOCUMENT
    assert case.answers == []  # the proposal form has no extra questions
    assert case.revisions.count() == 1 and case.live
    assert not Deviation.objects.exists()


def test_the_version_read_is_not_kept_for_another_document_typed_instead(
    client, reporting, revised_document, site_tree, reader
):
    other = make_document(site_tree.section, title="Tilsyn med virksomheder")
    client.force_login(reader)
    page = reporting.deviation_form
    data = form_values(client.get(f"{page.url}?dokument={revised_document.document_number}&version=1.0"))
    data.update(report_data(page, document=other.document_number), submission_key=data["submission_key"])

    client.post(page.url, data)

    case = Deviation.objects.get()
    assert case.document_id == other.pk
    assert case.document_version == other.version


def test_a_report_without_a_document_has_no_document_version_or_section(client, reporting, reader):
    client.force_login(reader)
    data = report_data(reporting.deviation_form, document_version="PRO-001@1.0")

    client.post(reporting.deviation_form.url, data)

    case = Deviation.objects.get()
    assert (case.document, case.document_version, case.section) == (None, "", None)
    assert case.kind == Deviation.Kind.OTHER


# Anonymous reports


def traces_of(user):
    """Strings that would give the person away."""
    return [user.username, user.email, user.get_full_name(), user.first_name + " " + user.last_name]


def test_an_anonymous_report_leaves_no_trace_of_the_reporter(
    client, reporting, document, reader, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(reader)
    page = reporting.deviation_form
    data = report_data(page, anonymous="on", document=document.document_number)
    before = {
        "revisions": set(Revision.objects.values_list("pk", flat=True)),
        "model_log": set(ModelLogEntry.objects.values_list("pk", flat=True)),
        "page_log": set(PageLogEntry.objects.values_list("pk", flat=True)),
    }

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(page.url, {**data, "attachments": [upload("notat.txt", b"Kun tekst.\n")]})

    assert response.status_code == 200
    case = Deviation.objects.get()
    assert receipt_reference(response) == case.reference
    assert case.reporter_id is None and case.anonymous is True
    # Not on the case
    stored_values = json.dumps(list(Deviation.objects.values().get().values()), default=str)
    for trace in traces_of(reader):
        assert trace not in stored_values
    assert str(data["submission_key"]) not in stored_values  # the form's key is not kept as sent either
    # Not in any revision or log entry that the submission made
    new_revisions = Revision.objects.exclude(pk__in=before["revisions"])
    assert new_revisions.count() == 1
    for revision in new_revisions:
        assert revision.user_id is None
        assert revision.content["reporter"] is None
        for trace in traces_of(reader):
            assert trace not in json.dumps(revision.content)
    new_log = ModelLogEntry.objects.exclude(pk__in=before["model_log"])
    assert [entry.action for entry in new_log] == ["wagtail.create"]
    for entry in new_log:
        assert entry.user_id is None
        for trace in traces_of(reader):
            assert trace not in json.dumps(entry.data) + entry.label
    assert not PageLogEntry.objects.exclude(pk__in=before["page_log"]).filter(user=reader).exists()
    assert not Revision.objects.filter(user=reader).exists()
    assert not ModelLogEntry.objects.filter(user=reader).exists()
    assert not FormSubmission.objects.exists()
    # Not in any mail: no receipt, and the quality group's notice does not name them
    assert [message.to for message in mailoutbox] == [["kvalitet@kommune.example"]]
    notice = mailoutbox[0]
    assert case.reference in notice.subject
    assert "Indberettet anonymt." in notice.body
    for trace in traces_of(reader):
        assert trace not in notice.subject + notice.body + " ".join(notice.to + notice.cc + notice.bcc)
    # The rate limit counts the report with all anonymous ones, under nothing derived from the reporter
    keys = [key for key in cache._cache if "forms:reports" in key]
    assert len(keys) == 1
    assert ":forms:reports:anonymous:" in keys[0]
    assert str(reader.pk) not in keys[0].split(":")
    for trace in traces_of(reader):
        assert trace not in keys[0]


def test_a_named_report_is_recorded_with_its_reporter(
    client, reporting, reader, mailoutbox, django_capture_on_commit_callbacks
):
    """The other side of the anonymous test: the same checks find the reporter when there is one."""
    client.force_login(reader)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reporting.deviation_form.url, report_data(reporting.deviation_form))

    case = Deviation.objects.get()
    assert case.reporter == reader
    assert case.revisions.get().user == reader
    assert ModelLogEntry.objects.get(action="wagtail.create").user == reader
    notice = next(message for message in mailoutbox if message.to == ["kvalitet@kommune.example"])
    assert "Mette Jensen" in notice.body
