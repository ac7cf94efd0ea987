"""A controlled document printed to PDF by Chromium: every sheet names the document, its version, that it is
uncontrolled with the day it was printed, and which sheet of how many it is (the page's margin boxes,
static/css/print.css)."""

import io
import re

from django.utils import timezone, translation
from django.utils.formats import date_format
from pypdf import PdfReader

from handbook.models import ControlledDocumentPage


def longest_demo_document():
    """The demo document with the most text, which prints on several sheets."""
    documents = ControlledDocumentPage.objects.live().specific()
    return max(documents, key=lambda document: len(str(document.body.raw_data)))


def sheets_printed(page):
    """The text of each sheet of the page printed to A4 PDF, whitespace made single spaces."""
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))
    return [" ".join(sheet.extract_text().split()) for sheet in pdf.pages]


def assert_every_sheet_is_stamped(sheets, document):
    with translation.override("da"):
        today = date_format(timezone.localdate(), "j. F Y")
    assert len(sheets) >= 3, f"{document.document_number} printed on {len(sheets)} sheet(s)"
    for number, text in enumerate(sheets, start=1):
        assert document.document_number in text, number
        assert document.title in text, number
        assert f"Version {document.version}" in text, number
        assert f"Ukontrolleret ved udskrift – gældende version {document.version} pr. {today}" in text, number
        assert re.findall(r"Side (\d+) af (\d+)", text) == [(str(number), str(len(sheets)))], text


def test_every_sheet_of_the_print_view_is_stamped_and_numbered(reader_page, demo_site):
    document = longest_demo_document()

    reader_page.goto(demo_site.url + document.url + document.reverse_subpage("print"))

    assert_every_sheet_is_stamped(sheets_printed(reader_page), document)


def test_every_sheet_of_the_document_page_printed_from_the_browser_is_stamped_and_numbered(reader_page, demo_site):
    document = longest_demo_document()

    reader_page.goto(demo_site.url + document.url)

    assert_every_sheet_is_stamped(sheets_printed(reader_page), document)


def test_other_pages_print_without_document_stamps(reader_page, demo_site):
    section = longest_demo_document().get_parent()

    reader_page.goto(demo_site.url + section.url)

    for text in sheets_printed(reader_page):
        assert "Ukontrolleret ved udskrift" not in text
        assert not re.search(r"Side \d+ af \d+", text)
