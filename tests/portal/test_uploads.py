"""Uploads go out as downloads the browser may not reinterpret, and only to those logged in: handbook documents
(/documents/), images and their renditions (/media/), and the private attachments of cases."""

from io import BytesIO

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.test import Client
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from forms.models import CaseAttachment
from tests.factories import UserFactory
from tests.forms.factories import build_reporting, make_case

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
HTML = b"<html><body><script>alert(document.cookie)</script></body></html>"


def png_bytes():
    buffer = BytesIO()
    PILImage.new("RGB", (40, 30), "red").save(buffer, "PNG")
    return buffer.getvalue()


def body_of(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def assert_served_as_download(response, content):
    assert response.status_code == 200
    assert body_of(response) == content
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def assert_sent_to_login(response, content):
    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=")
    assert content not in body_of(response)


@pytest.fixture
def visitor():
    return Client()


# Handbook documents: /documents/<id>/<name>


def make_document_file(filename, content):
    document = get_document_model()(title=filename)
    document.file.save(filename, ContentFile(content), save=False)
    document.save()
    return document


@pytest.mark.parametrize(
    ("filename", "content", "content_type"),
    [("procedure.pdf", PDF, "application/pdf"), ("skema.txt", HTML, "text/plain")],
)
def test_a_handbook_document_is_a_download_even_a_pdf(reader_client, filename, content, content_type):
    document = make_document_file(filename, content)

    response = reader_client.get(document.url)

    assert_served_as_download(response, content)
    assert response["Content-Type"] == content_type
    assert f'filename="{document.filename}"' in response["Content-Disposition"]


def test_a_handbook_document_is_served_by_django_never_by_a_redirect_to_the_storage():
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"


def test_a_visitor_gets_no_handbook_document(visitor):
    document = make_document_file("procedure.pdf", PDF)

    assert_sent_to_login(visitor.get(document.url), PDF)


# Images and renditions: /media/…


@pytest.fixture
def image(db):
    return get_image_model().objects.create(title="Kort over området", file=ImageFile(BytesIO(png_bytes()), "kort.png"))


def test_an_original_image_is_a_download_that_an_img_may_still_show(reader_client, image):
    response = reader_client.get(image.file.url)

    assert_served_as_download(response, image.file.open("rb").read())
    assert response["Content-Type"] == "image/png"  # the type an <img> needs; the disposition it ignores
    assert "sandbox" in response["Content-Security-Policy"]


def test_a_rendition_is_a_download_too(reader_client, image):
    rendition = image.get_rendition("fill-20x20")

    response = reader_client.get(rendition.url)

    assert rendition.url.startswith(settings.MEDIA_URL)
    assert_served_as_download(response, rendition.file.open("rb").read())
    assert response["Content-Type"] == "image/png"


@pytest.mark.parametrize(("name", "content"), [("original_images/kort.svg", SVG), ("original_images/side.html", HTML)])
def test_an_uploaded_svg_or_html_file_never_runs_as_a_page(reader_client, name, content):
    path = settings.MEDIA_ROOT / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)

    response = reader_client.get(settings.MEDIA_URL + name)

    assert_served_as_download(response, content)
    policy = response["Content-Security-Policy"]
    assert "default-src 'none'" in policy
    assert "sandbox" in policy
    assert "script-src" not in policy


def test_a_visitor_gets_no_image_nor_rendition(visitor, image):
    rendition = image.get_rendition("fill-20x20")

    assert_sent_to_login(visitor.get(image.file.url), png_bytes())
    assert_sent_to_login(visitor.get(rendition.url), rendition.file.open("rb").read())


@pytest.mark.parametrize(
    "path",
    ["original_images/findes-ikke.png", "../settings/base.py", "%2e%2e/%2e%2e/manage.py", "original_images/", ""],
)
def test_a_missing_file_or_a_path_outside_the_media_folder_is_not_found(reader_client, path):
    response = reader_client.get(settings.MEDIA_URL + path)

    assert response.status_code == 404


# Attachments of deviations and proposals, private to the case


@pytest.fixture
def case_attachment(site_tree, reader):
    reporting = build_reporting(site_tree.home)
    case = make_case(reporter=reader, title="Støjmåling mangler")
    attachment = CaseAttachment(case=case, original_name="side.html", mime_type="text/html", size=len(HTML))
    attachment.file.save("side.html", ContentFile(HTML), save=False)
    attachment.save()
    return reporting.index.url + reporting.index.reverse_subpage("attachment", args=[attachment.pk])


def test_a_case_attachment_is_a_download_for_its_reporter(reader_client, case_attachment):
    response = reader_client.get(case_attachment)

    assert_served_as_download(response, HTML)
    assert "sandbox" in response["Content-Security-Policy"]


def test_a_visitor_and_a_colleague_get_no_case_attachment(visitor, case_attachment):
    colleague = Client()
    colleague.force_login(UserFactory(username="kollega"))

    assert_sent_to_login(visitor.get(case_attachment), HTML)
    response = colleague.get(case_attachment)
    assert response.status_code == 404
    assert HTML not in body_of(response)
