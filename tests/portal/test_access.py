"""The intranet is closed: nothing but the login page is served to an anonymous visitor."""

import io
from urllib.parse import urlsplit

import PIL.Image
import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from handbook.models import InstructionPage, PolicyPage
from tests.factories import make_document

pytestmark = pytest.mark.django_db


def png_bytes():
    buffer = io.BytesIO()
    PIL.Image.new("RGB", (4, 4), "green").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def full_site(site_tree):
    make_document(site_tree.section, title="Klager over støj", slug="klager")
    make_document(site_tree.section, PolicyPage, title="Kvalitetspolitik", slug="politik")
    make_document(site_tree.section, InstructionPage, title="Partshøring", slug="partshoering")
    return site_tree


def assert_sent_to_login(response, path):
    assert response.status_code == 302, path
    location = urlsplit(response["Location"])
    assert location.path == "/login/", path
    assert "next=" in location.query, path


def test_every_page_of_the_site_map_redirects_to_login(client, full_site):
    urls = [page.url for page in Page.objects.live().descendant_of(full_site.home, inclusive=True)]
    assert len(urls) >= 6

    for url in urls:
        response = client.get(url)
        assert_sent_to_login(response, url)
        assert "Klager over støj" not in response.content.decode()


@pytest.mark.parametrize("path", ["/", "/admin/", "/admin/pages/", "/documents/", "/logout/", "/nonexistent/"])
def test_application_urls_redirect_to_login(client, full_site, path):
    assert_sent_to_login(client.get(path), path)


def test_a_document_download_redirects_to_login(client, full_site):
    document = get_document_model().objects.create(
        title="Skabelon: Tilsynsrapport", file=ContentFile(b"Fortroligt indhold", name="tilsynsrapport.txt")
    )

    response = client.get(document.url)

    assert_sent_to_login(response, document.url)
    assert b"Fortroligt" not in response.content


def test_a_media_file_redirects_to_login(client, full_site, reader):
    image = get_image_model().objects.create(title="Kort", file=ContentFile(png_bytes(), name="kort.png"))
    url = image.file.url

    assert_sent_to_login(client.get(url), url)
    client.force_login(reader)
    assert client.get(url).status_code == 200


def test_logged_in_reader_sees_the_pages(reader_client, full_site):
    for page in Page.objects.live().descendant_of(full_site.home, inclusive=True):
        assert reader_client.get(page.url).status_code == 200, page.url


def test_the_login_page_is_open(client, db):
    response = client.get("/login/")

    assert response.status_code == 200
    assert 'name="username"' in response.content.decode()
