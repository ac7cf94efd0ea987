"""The print view of a controlled document: the version in force, stamped as uncontrolled when printed."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.formats import date_format

from handbook.models import ProcedurePage
from handbook.templatetags.print_tags import page_numbering_parts
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


# Every printed sheet: what static/css/print.css puts in the page's margin boxes, read from <html> -------------


def sheet_stamps(soup):
    return {name: value for name, value in soup.html.attrs.items() if name.startswith("data-print-")}


def expected_sheet_stamps(day):
    return {
        "data-print-heading": "PRO-001 Behandling af klager over støj",
        "data-print-version": "Version 1.0",
        "data-print-stamp": f"Ukontrolleret ved udskrift – gældende version 1.0 pr. {date_format(day, 'j. F Y')}",
        "data-print-page-before": "Side ",
        "data-print-page-between": " af ",
        "data-print-page-after": "",
    }


def test_every_sheet_of_the_print_view_names_the_document_its_version_and_the_day_of_printing(reader_client, procedure):
    soup = soup_of(reader_client.get(print_url(procedure)))

    assert sheet_stamps(soup) == expected_sheet_stamps(timezone.localdate())
    # No inline style carries them: the Content-Security-Policy refuses inline styles on reader pages.
    assert soup.find("style") is None
    assert soup.find(style=True) is None
    print_css = soup.find("link", href=lambda href: href and href.endswith("css/print.css"))
    assert print_css["media"] == "print"


def test_the_document_page_printed_from_the_browser_carries_the_same_sheet_stamps(reader_client, procedure):
    soup = soup_of(reader_client.get(procedure.url))

    assert sheet_stamps(soup) == expected_sheet_stamps(timezone.localdate())


def test_a_superseded_version_does_not_claim_to_be_in_force_on_paper(reader_client, procedure):
    editor = UserFactory(username="godkender")
    procedure.change_summary = "Ny frist."
    procedure.save_revision(user=editor).publish(user=editor, skip_permission_checks=True)

    soup = soup_of(
        reader_client.get(procedure.url + procedure.reverse_subpage("version", kwargs={"major": 1, "minor": 0}))
    )

    assert sheet_stamps(soup) == {}
    assert soup.find(class_="print-stamp") is None


def test_the_stamps_name_the_day_of_printing_not_the_day_the_page_was_first_shown(
    reader_client, procedure, monkeypatch
):
    """The document's content is cached for every reader across midnight; its print stamps are not."""
    reader_client.get(procedure.url)  # the shared parts of the page are now cached
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    class Tomorrow(datetime.datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime.datetime.now(tz) + datetime.timedelta(days=1)

    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    monkeypatch.setattr("django.template.defaulttags.datetime", Tomorrow)  # {% now %}
    soup = soup_of(reader_client.get(procedure.url))

    assert sheet_stamps(soup) == expected_sheet_stamps(tomorrow)
    assert f"gældende version 1.0 pr. {date_format(tomorrow, 'j. F Y')}" in text_of(soup.find(class_="print-stamp"))


def test_a_title_with_quotes_and_markup_stays_an_attribute_value(reader_client, site_tree):
    title = 'Støj "om natten" <b>&</b> \\ andet'
    document = make_document(site_tree.section, ProcedurePage, slug="natstoej", title=title)

    response = reader_client.get(print_url(document))

    assert soup_of(response).html["data-print-heading"] == f"{document.document_number} {title}"
    assert b"<b>" not in response.content


def test_page_numbering_is_split_around_the_counters_that_css_puts_between_the_words():
    assert page_numbering_parts("Side %(number)s af %(total)s") == ("Side ", " af ", "")
    assert page_numbering_parts("%(number)s/%(total)s") == ("", "/", "")
