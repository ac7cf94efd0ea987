"""“Rapportér et problem med dette dokument” on every handbook document, opening the deviation form pre-filled."""

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from handbook.models import InstructionPage, PolicyPage, ProcedurePage
from tests.factories import make_document
from tests.forms.test_submission import form_values

pytestmark = pytest.mark.django_db

LINK_TEXT = "Rapportér et problem med dette dokument"


def report_link(response):
    soup = BeautifulSoup(response.content, "html.parser")
    links = [a for a in soup.find_all("a") if " ".join(a.get_text().split()) == LINK_TEXT]
    assert len(links) <= 1
    return links[0]["href"] if links else None


@pytest.mark.parametrize("page_class", [PolicyPage, ProcedurePage, InstructionPage])
def test_every_kind_of_document_links_to_the_deviation_form_with_its_number_and_version(
    reader_client, reporting, site_tree, page_class
):
    document = make_document(site_tree.section, page_class, title="Dokumentet", slug="dokumentet")

    href = report_link(reader_client.get(document.url))

    url = urlsplit(href)
    assert url.path == reporting.deviation_form.url
    assert parse_qs(url.query) == {"dokument": [document.document_number], "version": [document.version]}


def test_following_the_link_fills_in_the_document_and_the_version_being_read(reader_client, reporting, document):
    document.save_revision().publish()  # now 1.1
    old_version_url = document.url + document.reverse_subpage("version", kwargs={"major": 1, "minor": 0})

    from_current = reader_client.get(report_link(reader_client.get(document.url)))
    from_old = reader_client.get(report_link(reader_client.get(old_version_url)))

    assert form_values(from_current)["document"] == document.document_number
    assert form_values(from_current)["document_version"] == f"{document.document_number}@1.1"
    assert form_values(from_old)["document_version"] == f"{document.document_number}@1.0"
    named = BeautifulSoup(from_old.content, "html.parser").find(id="report-document")
    assert " ".join(named.get_text().split()) == f"Dokument: {document.document_number} {document.title}, version 1.0"


def test_no_link_without_a_published_deviation_form(reader_client, reporting, document):
    reporting.deviation_form.unpublish()

    assert report_link(reader_client.get(document.url)) is None


def test_the_link_keeps_the_document_page_within_its_query_budget(reader_client, reporting, document):
    reader_client.get(document.url)
    with CaptureQueriesContext(connection) as queries:
        response = reader_client.get(document.url)

    assert report_link(response) is not None
    assert len(queries) <= 25  # the budget of tests/handbook/test_query_counts.py
