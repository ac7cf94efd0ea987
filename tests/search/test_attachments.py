"""The text of attached Word and PDF files finds the document they belong to; a file that cannot be read is
skipped with a log line, and the document is published and found by its own words all the same."""

import io
import logging

import pytest
from django.core.files.base import ContentFile
from pypdf import PdfReader, PdfWriter
from wagtail.documents import get_document_model

from handbook.models import ProcedurePage
from search.backends.database import DatabaseSearch
from search.query import SearchRequest
from tests.search.factories import docx_bytes, make_attachment, make_search_document, paragraphs

EXTRACTION_LOG = "handbook.attachment_text"


def pdf_bytes(text):
    """A one-page PDF with `text` in Helvetica: small, valid, and readable by pypdf."""
    content = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


def encrypted_pdf_bytes(text):
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(text))))
    writer.encrypt(user_password="hemmelig", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def upload(title, filename, data):
    return get_document_model().objects.create(title=title, file=ContentFile(data, name=filename))


def attached(*documents):
    return [{"type": "attachment", "value": {"document": d.pk, "kind": "appendix"}} for d in documents]


def procedure(site_tree, *documents, title="Miljøtilsyn", body="Tilsynet varsles skriftligt."):
    return make_search_document(
        site_tree.section, ProcedurePage, title, "Om tilsyn.", body, attachments=attached(*documents)
    )


def hits(text):
    return DatabaseSearch().search(SearchRequest(text=text)).hits


def test_the_text_of_a_pdf_finds_its_document(site_tree):
    document = upload("Bilag: Tjekliste", "tjekliste.pdf", pdf_bytes("Kontroller olieudskilleren og sandfanget."))
    page = procedure(site_tree, document)

    [hit] = hits('"olieudskilleren og sandfanget"')

    assert hit.page_id == page.pk
    [attachment] = hit.attachments
    assert attachment.title == "Bilag: Tjekliste"
    assert "<mark>olieudskilleren</mark>" in attachment.excerpt and "<mark>sandfanget</mark>" in attachment.excerpt


def test_the_tables_of_a_word_template_are_searched_too(site_tree):
    import docx

    template = docx.Document()
    template.add_paragraph("Skabelon til tilsynsrapport.")
    template.add_table(rows=1, cols=2).rows[0].cells[1].text = "Spildevandstilladelse"
    buffer = io.BytesIO()
    template.save(buffer)
    page = procedure(site_tree, upload("Skabelon: Rapport", "rapport.docx", buffer.getvalue()))

    assert [hit.page_id for hit in hits("spildevandstilladelsen")] == [page.pk]


def test_a_phrase_in_two_attachments_lists_each_under_the_document(site_tree):
    first = make_attachment("Skabelon: Varsel", "varsel.docx", "Varsel om tilsyn med grundvandsboringer.")
    second = make_attachment("Bilag: Kort", "kort.docx", "Kort over grundvandsboringer i kommunen.")
    page = procedure(site_tree, first, second)

    [hit] = hits("grundvandsboringerne")

    assert hit.page_id == page.pk
    assert sorted(attachment.title for attachment in hit.attachments) == ["Bilag: Kort", "Skabelon: Varsel"]


@pytest.mark.parametrize(
    ("filename", "data"),
    [
        ("ødelagt.pdf", b"%PDF-1.4\nikke en rigtig pdf"),
        ("krypteret.pdf", encrypted_pdf_bytes("Hemmelig olieudskiller")),
        ("ødelagt.docx", b"PK\x03\x04 ikke en rigtig docx"),
        ("tom.pdf", b""),
    ],
    ids=["broken pdf", "encrypted pdf", "broken docx", "empty pdf"],
)
def test_an_unreadable_file_is_skipped_with_a_log_line(site_tree, caplog, filename, data):
    document = upload("Bilag", filename, data)

    with caplog.at_level(logging.WARNING, logger=EXTRACTION_LOG):
        page = procedure(site_tree, document, body="Tilsynet varsles skriftligt om kloakering.")

    assert page.live
    assert any(filename in record.getMessage() for record in caplog.records if record.name == EXTRACTION_LOG)
    [hit] = hits("kloakeringen")  # found by its own words
    assert hit.page_id == page.pk and hit.attachments == []
    assert hits("olieudskiller") == []


def test_a_missing_file_is_skipped_with_a_log_line(site_tree, caplog):
    document = make_attachment("Bilag: Væk", "vaek.docx", "Om regnvandsbassiner.")
    document.file.storage.delete(document.file.name)

    with caplog.at_level(logging.WARNING, logger=EXTRACTION_LOG):
        page = procedure(site_tree, document, body="Om kloakering.")

    assert any(record.name == EXTRACTION_LOG for record in caplog.records)
    assert [hit.page_id for hit in hits("kloakering")] == [page.pk]


def test_a_replaced_file_is_searched_by_its_new_text(site_tree):
    document = make_attachment("Skabelon: Afgørelse", "afgoerelse.docx", "Afgørelse om påbud efter gammel model.")
    page = procedure(site_tree, document)
    assert [hit.page_id for hit in hits("påbud")] == [page.pk]

    document.file = ContentFile(docx_bytes("Afgørelse om forbud efter ny model."), name="afgoerelse-2.docx")
    document._set_document_file_metadata()  # as the admin does when a file is replaced
    document.save()
    page.save_revision().publish()

    assert hits("påbud") == []
    [hit] = hits("forbuddet")
    assert hit.page_id == page.pk and "<mark>forbud</mark>" in hit.attachments[0].excerpt


def test_an_attachment_added_in_a_draft_is_found_only_once_published(site_tree):
    page = procedure(site_tree)
    page.attachments = attached(make_attachment("Bilag: Udkast", "udkast.docx", "Om sprøjtefrie bræmmer."))
    revision = page.save_revision()

    assert hits("bræmmer") == []

    revision.publish()
    assert [hit.page_id for hit in hits("bræmmer")] == [page.pk]


def test_a_removed_attachment_is_no_longer_found(site_tree):
    page = procedure(site_tree, make_attachment("Bilag: Gammelt", "gammelt.docx", "Om vandløbsregulativet."))
    assert [hit.page_id for hit in hits("vandløbsregulativet")] == [page.pk]

    page.attachments = []
    page.body = paragraphs("Tilsynet varsles skriftligt.")
    page.save_revision().publish()

    assert hits("vandløbsregulativet") == []


def test_the_page_shows_the_attachment_under_its_document(reader_client, site_tree):
    document = upload("Bilag: Tjekliste", "tjekliste.pdf", pdf_bytes("Kontroller olieudskilleren."))
    page = procedure(site_tree, document)

    html = reader_client.get("/search/", {"q": "olieudskillere"}).content.decode()

    assert f'href="{page.url}"' in html
    assert f'href="{document.url}">Bilag: Tjekliste</a>' in html
    assert "<mark>olieudskilleren</mark>" in html
