"""Bad input posted to the report form: a clear Danish message next to the field, the rest kept, nothing stored.

Every post goes over HTTP to the form page, as a browser (or someone pretending to be one) would send it.
The test client raises any server error, so each test also shows that no input gives a 500.
"""

import io
import re
import uuid
import zipfile
from pathlib import Path
from urllib.parse import quote_from_bytes

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.datastructures import MultiValueDict

from forms.models import CaseAttachment, Deviation
from forms.uploads import ALLOWED_TYPES, validate_upload
from tests.factories import UserFactory
from tests.forms.test_submission import (
    docx_bytes,
    form_values,
    fresh_rate_limit,  # noqa: F401 (an autouse fixture)
    image_bytes,
    pdf_bytes,
    receipt_reference,
    report_data,
    stored_files,
    upload,
    xlsx_bytes,
)

LONG_TEXT = ("Støj fra kompressoren om natten. " * 3031)[:99_999] + "."  # 100,000 characters
assert len(LONG_TEXT) == 100_000
UNREADABLE = "Teksten indeholder tegn, der ikke kan læses. Fjern dem (eller skriv teksten igen), og send den."


@pytest.fixture
def form_page(reporting):
    return reporting.deviation_form


@pytest.fixture
def answer_field(form_page):
    return form_page.form_fields.get().clean_name


@pytest.fixture
def reporter_client(client, reader):
    client.force_login(reader)
    return client


@pytest.fixture
def nothing_stored(db):
    """Checks, after the test, that no case, attachment or file was stored."""
    files_before = stored_files()
    yield
    assert not Deviation.objects.exists()
    assert not CaseAttachment.objects.exists()
    assert stored_files() == files_before


def text_of(element):
    return " ".join(element.get_text(" ").split())


def field_group(response, name):
    """The `.form-group` around the field ``name`` in the re-rendered form."""
    soup = BeautifulSoup(response.content, "html.parser")
    element = soup.find("form", class_="report-form").find(attrs={"name": name})
    assert element is not None, f"no field {name}"
    group = element.find_parent(class_="form-group")
    assert group is not None, f"{name} has no form group"
    return group


def error_summary(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return text_of(soup.find(id="form-errors") or soup.new_tag("div"))


def assert_refused(response, field, message):
    """The form came back with ``message`` beside ``field``."""
    assert response.status_code == 200
    assert message in text_of(field_group(response, field))


def assert_kept(response, data, *except_fields):
    """Everything the reporter typed is in the re-rendered form (files must be chosen again)."""
    values = form_values(response)
    for name, value in data.items():
        if name in ("attachments", "submission_key", *except_fields):
            continue
        if name == "anonymous":
            assert values.get("anonymous") == "on"
        else:
            assert values[name] == value, name


def multipart(fields, files=()):
    """A multipart body built by hand, so that it may hold what the test client would never send."""
    boundary = b"kvalitetsportalen-test-boundary"
    body = b""
    for name, value in fields.items():
        value = value if isinstance(value, bytes) else value.encode()
        body += b"--" + boundary + b'\r\nContent-Disposition: form-data; name="' + name.encode() + b'"\r\n\r\n'
        body += value + b"\r\n"
    for name, filename, content in files:
        body += b"--" + boundary + b'\r\nContent-Disposition: form-data; name="' + name.encode() + b'"; '
        body += b'filename="' + filename.encode() + b'"\r\nContent-Type: application/octet-stream\r\n\r\n'
        body += content + b"\r\n"
    body += b"--" + boundary + b"--\r\n"
    return body, f"multipart/form-data; boundary={boundary.decode()}"


# Text fields


@pytest.mark.usefixtures("nothing_stored")
def test_empty_required_fields(reporter_client, form_page, answer_field):
    data = report_data(form_page, title="  ", description="", document="PRO-001", anonymous="on")

    response = reporter_client.post(form_page.url, data)

    assert_refused(response, "title", "Dette felt er påkrævet.")
    assert_refused(response, "description", "Dette felt er påkrævet.")
    assert "Dette felt er påkrævet." not in text_of(field_group(response, answer_field))
    assert_kept(response, data, "title", "description", "document")
    assert form_values(response)["document"] == "PRO-001"


@pytest.mark.usefixtures("nothing_stored")
def test_a_description_of_100000_characters(reporter_client, form_page):
    data = report_data(form_page, description=LONG_TEXT, anonymous="on")

    response = reporter_client.post(form_page.url, data)

    assert_refused(
        response, "description", "Teksten er for lang: højst 10.000 tegn, og den har 100.000. Gør den kortere"
    )
    assert_kept(response, data)


@pytest.mark.usefixtures("nothing_stored")
def test_a_builder_answer_of_100000_characters(reporter_client, form_page, answer_field):
    data = report_data(form_page, **{answer_field: LONG_TEXT})

    response = reporter_client.post(form_page.url, data)

    assert_refused(response, answer_field, "Teksten er for lang: højst 255 tegn, og den har 100.000.")
    assert_kept(response, data)


@pytest.mark.usefixtures("nothing_stored")
def test_null_bytes(reporter_client, form_page):
    data = report_data(form_page, title="Skabelon\x00fejl", description="Linje et\x00\x00linje to")

    response = reporter_client.post(form_page.url, data)

    assert_refused(response, "title", UNREADABLE)
    assert_refused(response, "description", UNREADABLE)


@pytest.mark.usefixtures("nothing_stored")
def test_invalid_utf8_in_a_multipart_post(reporter_client, form_page, answer_field):
    data = report_data(form_page, description="Beskrivelsen er i orden.")
    fields = {**data, "title": b"Skabelon \xff\xfe\xc3 fejl"}

    body, content_type = multipart(fields)
    response = reporter_client.generic("POST", form_page.url, body, content_type=content_type)

    assert_refused(response, "title", UNREADABLE)
    assert_kept(response, data, "title")


@pytest.mark.usefixtures("nothing_stored")
def test_invalid_utf8_in_an_urlencoded_post(reporter_client, form_page):
    data = report_data(form_page, title="Skabelonen mangler en dato")
    body = "&".join(
        f"{name}={quote_from_bytes(value.encode())}" for name, value in data.items() if name != "description"
    )
    body += "&description=" + quote_from_bytes(b"Ugyldig \xe6\xf8\xe5 tekst")

    response = reporter_client.post(form_page.url, body, content_type="application/x-www-form-urlencoded")

    assert_refused(response, "description", UNREADABLE)
    assert_kept(response, data, "description")


def test_html_and_script_are_accepted_and_shown_escaped(reporter_client, form_page):
    title = '<script>alert("hej")</script> <b>fed</b>'
    data = report_data(form_page, title=title, description='<img src="x" onerror="alert(1)"> tekst')

    response = reporter_client.post(form_page.url, data)

    assert response.status_code == 200
    case = Deviation.objects.get()
    assert case.title == title  # kept as written
    assert receipt_reference(response) == case.reference
    soup = BeautifulSoup(response.content, "html.parser")
    assert not [script for script in soup.find_all("script") if "alert" in script.text]
    assert not soup.find("b", string="fed")
    assert "&lt;script&gt;alert(&quot;hej&quot;)&lt;/script&gt;" in response.content.decode()
    assert title in soup.get_text()


# The document


@pytest.mark.usefixtures("nothing_stored")
def test_an_unknown_document_number(reporter_client, form_page, document):
    data = report_data(form_page, document="PRO-999")

    response = reporter_client.post(form_page.url, data)

    assert_refused(response, "document", "Vi kender ikke dokumentet “PRO-999”. Skriv dets nummer, for eksempel PRO-014")
    assert_kept(response, data)


@pytest.mark.usefixtures("nothing_stored")
def test_a_document_field_with_no_number_at_all(reporter_client, form_page):
    data = report_data(form_page, document="<b>den om støj</b>")

    response = reporter_client.post(form_page.url, data)

    assert_refused(response, "document", "Vi kender ikke dokumentet “<b>den om støj</b>”.")
    assert not field_group(response, "document").find("b")


# Files


@pytest.mark.usefixtures("nothing_stored")
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "rapport.pdf",
            b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(200),
            "Filen “rapport.pdf” kan ikke vedhæftes: indholdet er hverken PDF, et billede, et Office-dokument "
            "eller almindelig tekst.",
        ),
        (
            "rapport.pdf",
            b"\x7fELF\x02\x01\x01\x00" + bytes(200),
            "Filen “rapport.pdf” kan ikke vedhæftes",
        ),
        ("rapport.pdf", "zip", "Filen “rapport.pdf” kan ikke vedhæftes"),
        (
            "billede.png",
            pdf_bytes(),
            "Filen “billede.png” er ikke det, navnet siger: indholdet er et PDF-dokument. Tjek, at du har valgt "
            "den rigtige fil.",
        ),
        ("rapport.docx", "zip", "Filen “rapport.docx” kan ikke vedhæftes"),
        ("tom.txt", b"", "Filen “tom.txt” er tom."),
    ],
    ids=["windows-program", "linux-program", "zip-as-pdf", "pdf-as-png", "zip-as-docx", "empty"],
)
def test_a_spoofed_or_unacceptable_file(reporter_client, form_page, name, content, message):
    if content == "zip":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("word/document.xml", "<ikke et rigtigt dokument/>")  # no [Content_Types].xml
        content = buffer.getvalue()
    data = report_data(form_page)

    response = reporter_client.post(form_page.url, {**data, "attachments": [upload(name, content)]})

    assert_refused(response, "attachments", message)
    assert_kept(response, data)


@pytest.mark.usefixtures("nothing_stored")
def test_a_file_over_10_mb(reporter_client, form_page):
    data = report_data(form_page)
    big = pdf_bytes() + b"0" * (11 * 1024 * 1024)

    response = reporter_client.post(form_page.url, {**data, "attachments": [upload("stor.pdf", big)]})

    assert_refused(response, "attachments", "Filen “stor.pdf” fylder 11,0 MB; en fil må højst fylde 10,0 MB.")
    assert_kept(response, data)


@pytest.mark.usefixtures("nothing_stored")
def test_six_files(reporter_client, form_page):
    data = report_data(form_page)
    files = [upload(f"notat{number}.txt", b"Et notat.\n") for number in range(6)]

    response = reporter_client.post(form_page.url, {**data, "attachments": files})

    assert_refused(response, "attachments", "Du kan højst vedhæfte 5 filer; du valgte 6. Vælg færre filer.")
    assert_kept(response, data)


@pytest.mark.django_db
def test_a_path_in_the_file_name_is_refused_by_the_form(form_page, reader):
    """Django keeps a Windows path in a name on Linux; the form refuses such a name outright."""
    files = MultiValueDict({"attachments": [SimpleUploadedFile("..\\..\\windows\\x.pdf", pdf_bytes())]})
    form = form_page.get_form(report_data(form_page), files, page=form_page, user=reader)

    assert not form.is_valid()
    assert form.errors["attachments"] == [
        "Filnavnet “..\\..\\windows\\x.pdf” er ikke gyldigt. Giv filen et andet navn, for eksempel “bilag.pdf”, "
        "og prøv igen."
    ]


def test_a_path_sent_over_http_is_stripped_and_the_file_stored_under_a_generated_name(reporter_client, form_page):
    data = report_data(form_page)
    files = [
        ("attachments", "..\\..\\x.pdf", pdf_bytes()),
        ("attachments", "../../../etc/y.pdf", pdf_bytes()),
    ]

    body, content_type = multipart(data, files)
    response = reporter_client.generic("POST", form_page.url, body, content_type=content_type)

    assert response.status_code == 200
    case = Deviation.objects.get()
    attachments = CaseAttachment.objects.filter(object_id=case.pk)
    assert sorted(a.original_name for a in attachments) == ["x.pdf", "y.pdf"]
    private_root = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    for attachment in attachments:
        path = Path(attachment.file.path).resolve()
        assert path.is_relative_to(private_root) and path.is_file()
        assert re.fullmatch(r"[0-9a-f]{32}\.pdf", path.name)


def test_allowed_types_are_accepted(reporter_client, form_page):
    files = [
        upload("afgørelse.pdf", pdf_bytes()),
        upload("foto.jpg", image_bytes("JPEG")),
        upload("høringssvar.docx", docx_bytes()),
        upload("målinger.xlsx", xlsx_bytes()),
        upload("notat.txt", "Støjmåling kl. 22.15: 47 dB(A).\n".encode()),
    ]

    response = reporter_client.post(form_page.url, {**report_data(form_page), "attachments": files})

    assert response.status_code == 200
    case = Deviation.objects.get()
    assert dict(CaseAttachment.objects.filter(object_id=case.pk).values_list("original_name", "mime_type")) == {
        "afgørelse.pdf": "application/pdf",
        "foto.jpg": "image/jpeg",
        "høringssvar.docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "målinger.xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "notat.txt": "text/plain",
    }


@pytest.mark.parametrize(
    ("name", "content", "mime_type"),
    [
        ("a.pdf", pdf_bytes(), "application/pdf"),
        ("a.png", image_bytes("PNG"), "image/png"),
        ("a.jpeg", image_bytes("JPEG"), "image/jpeg"),
        ("a.docx", docx_bytes(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("a.xlsx", xlsx_bytes(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("a.txt", "Æblegrød og Ørsted, 100 % UTF-8.\n".encode(), "text/plain"),
        ("a.csv", b"dato;dB\n2026-11-24;47\n", "text/plain"),
    ],
)
def test_each_allowed_type_is_recognised_by_its_content(name, content, mime_type):
    assert validate_upload(upload(name, content)) == mime_type
    assert mime_type in ALLOWED_TYPES


def test_text_that_is_not_utf8_is_not_plain_text():
    with pytest.raises(ValidationError, match="kan ikke vedhæftes"):
        validate_upload(upload("notat.txt", "Æblegrød".encode("cp1252") + b"\x00\x01"))


# The hidden form key


@pytest.mark.parametrize("key", ["ikke-en-nøgle", "", None, "0" * 36, str(uuid.uuid4()) + "\x00"])
def test_a_tampered_or_missing_submission_key(reporter_client, form_page, key):
    data = report_data(form_page)
    if key is None:
        del data["submission_key"]
    else:
        data["submission_key"] = key

    response = reporter_client.post(form_page.url, data)

    assert response.status_code == 200
    assert "Formularen var udløbet eller beskadiget og blev derfor ikke sendt." in error_summary(response)
    assert not Deviation.objects.exists()
    assert_kept(response, data)
    fresh_key = form_values(response)["submission_key"]
    assert uuid.UUID(fresh_key) and fresh_key != key

    resent = reporter_client.post(form_page.url, form_values(response))

    assert resent.status_code == 200
    assert receipt_reference(resent) == Deviation.objects.get().reference


# The rate limit


def test_the_rate_limit(client, form_page, reader, settings):
    settings.PORTAL_REPORTS_PER_HOUR = 2
    client.force_login(reader)
    for number in range(2):
        assert client.post(form_page.url, report_data(form_page, title=f"Indberetning {number}")).status_code == 200
    data = report_data(form_page, title="Den tredje")

    response = client.post(form_page.url, data)

    assert response.status_code == 429
    limit_message = "Du har sendt 2 indberetninger inden for den seneste time, og flere tager vi ikke imod."
    assert limit_message in error_summary(response)
    assert_kept(response, data)
    assert Deviation.objects.count() == 2

    colleague = UserFactory(username="kollega")
    client.force_login(colleague)
    other = client.post(form_page.url, report_data(form_page, title="Kollegaens indberetning"))
    assert other.status_code == 200
    assert Deviation.objects.filter(reporter=colleague).count() == 1


def test_resending_a_stored_report_at_the_limit_still_shows_its_receipt(reporter_client, form_page, settings):
    settings.PORTAL_REPORTS_PER_HOUR = 1
    data = report_data(form_page)
    first = reporter_client.post(form_page.url, data)

    again = reporter_client.post(form_page.url, data)

    assert again.status_code == 200
    assert receipt_reference(again) == receipt_reference(first) == Deviation.objects.get().reference
