"""The print view of a controlled document: the version in force, stamped as uncontrolled when printed."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.formats import date_format

from handbook.models import ProcedurePage
from tests.factories import UserFactory, make_document

pytestmark = pytest.mark.django_db


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def text_of(element):
    return " ".join(element.get_text(" ", strip=True).split())


@pytest.fixture
def procedure(site_tree):
    return make_document(site_tree.section, ProcedurePage, slug="klager")


def print_url(page):
    return page.url + page.reverse_subpage("print")


def test_print_view_is_stamped_with_version_date_and_the_address_of_the_version_in_force(reader_client, procedure):
    soup = soup_of(reader_client.get(print_url(procedure)))

    stamp = text_of(soup.find(class_="print-stamp"))
    today = date_format(timezone.localdate(), "j. F Y")
    assert f"Ukontrolleret ved udskrift – gældende version 1.0 pr. {today}" in stamp
    assert "PRO-001" in stamp
    assert "http://testserver/kvalitetshaandbogen/miljoe/klager/" in stamp
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_print_view_has_the_body_and_metadata_but_no_navigation(reader_client, procedure):
    soup = soup_of(reader_client.get(print_url(procedure)))

    assert soup.find("header", class_="site-header") is None
    assert soup.find("footer", class_="site-footer") is None
    assert soup.find("nav", class_="breadcrumbs") is None
    assert soup.find("nav", class_="handbook-nav") is None
    assert "PRO-001 Behandling af klager over støj" in text_of(soup.h1)
    metadata = text_of(soup.find(class_="print-metadata"))
    for expected in ["Dokumentnummer PRO-001", "Version 1.0", "Gældende fra 1. marts 2026", "Team Miljø", "Anne Holm"]:
        assert expected in metadata, expected
    body = text_of(soup.find(class_="document-body"))
    assert "Journalisér klagen samme dag." in body
    assert soup.find("table").caption.get_text(strip=True) == "Vejledende støjgrænser"
    # The way back to the document is there on screen, not on paper.
    back = soup.find("a", class_="back-link")
    assert back["href"] == procedure.url
    assert "d-print-none" in back.find_parent("div")["class"]


def test_print_view_prints_the_version_in_force_not_a_draft(reader_client, procedure):
    editor = UserFactory(username="redaktoer")
    procedure.title = "Kladdetitel"
    procedure.body = [{"type": "paragraph", "value": "<p>HEMMELIG KLADDETEKST</p>"}]
    procedure.save_revision(user=editor)

    content = reader_client.get(print_url(procedure)).content.decode()

    assert "Kladdetitel" not in content
    assert "HEMMELIG KLADDETEKST" not in content
    assert "Behandling af klager over støj" in content


def test_document_page_links_to_the_print_view_and_stamps_the_same_version(reader_client, procedure):
    soup = soup_of(reader_client.get(procedure.url))

    metadata = soup.find(attrs={"aria-label": "Dokumentoplysninger"})
    link = next(a for a in metadata.find_all("a") if a.get_text(strip=True) == "Udskriftsvenlig version")
    assert link["href"] == print_url(procedure)
    assert "d-print-none" in link.find_parent("ul")["class"]
    # The document page's own print stamp names the same version as the print view.
    assert "Ukontrolleret ved udskrift" in text_of(soup.find(class_="print-stamp"))
    assert "version 1.0" in text_of(soup.find(class_="print-stamp"))


def test_print_view_takes_no_more_queries_than_the_document_page(reader_client, procedure):
    def queries(url):
        reader_client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert reader_client.get(url).status_code == 200
        return len(captured)

    assert queries(print_url(procedure)) <= queries(procedure.url)


def test_anonymous_visitors_are_sent_to_log_in(client, procedure):
    response = client.get(print_url(procedure))

    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=")
