"""Every page type is routable and renders its realistic content for a reader."""

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from django.utils.formats import date_format

from handbook.dates import add_months
from handbook.models import InstructionPage, PolicyPage, ProcedurePage
from tests.factories import make_document

pytestmark = pytest.mark.django_db


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def procedure(site_tree):
    return make_document(site_tree.section, ProcedurePage, title="Behandling af klager over støj", slug="klager")


def test_procedure_shows_its_metadata_in_danish(reader_client, procedure):
    soup = soup_of(reader_client.get(procedure.url))

    assert "Behandling af klager over støj" in soup.h1.get_text()
    assert "PRO-001" in soup.h1.get_text()
    metadata = soup.find(attrs={"aria-label": "Dokumentoplysninger"}).get_text(" ", strip=True)
    next_review = date_format(add_months(timezone.localdate(), 12), "j. F Y")
    for expected in [
        "PRO-001",
        "Procedure",
        "1.0",
        "1. marts 2026",
        "Team Miljø",
        "Rasmus Nielsen",
        "Anne Holm",
        next_review,
        "støj",
        "8.5",
        "Miljøbeskyttelsesloven",
    ]:
        assert expected in metadata, expected
    law = soup.find("a", href="https://www.retsinformation.dk/eli/lta/2024/1093")
    assert law is not None


def test_procedure_has_a_table_of_contents_matching_its_anchors(reader_client, procedure):
    soup = soup_of(reader_client.get(procedure.url))

    toc = soup.find("nav", attrs={"aria-label": "Indhold"})
    entries = [(link.get_text(strip=True), link["href"]) for link in toc.find_all("a")]
    assert [title for title, _href in entries] == [
        "Formål",
        "Anvendelsesområde",
        "Ansvar",
        "Fremgangsmåde",
        "Særlige forhold",
    ]
    for _title, href in entries:
        assert soup.find(id=href.lstrip("#")) is not None, href


def test_procedure_body_blocks_render_with_their_semantics(reader_client, procedure):
    soup = soup_of(reader_client.get(procedure.url))
    main = soup.find("main")

    steps = main.find("ol")
    assert [item.get_text(" ", strip=True).split(" ")[0] for item in steps.find_all("li", recursive=False)] == [
        "Modtag",
        "Partshøring",
    ]
    table = main.find("table")
    assert table.caption.get_text(strip=True) == "Vejledende støjgrænser"
    assert [th.get_text(strip=True) for th in table.find_all("th", attrs={"scope": "col"})] == [
        "Tidspunkt",
        "Grænseværdi",
    ]
    assert "Svar klageren inden 14 dage." in main.get_text()
    assert "Registrerer og journaliserer klagen." in main.get_text()


def test_related_documents_and_attachments_are_listed(reader_client, site_tree):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    template = get_document_model().objects.create(
        title="Skabelon: Tilsynsrapport", file=ContentFile(b"Skabelon", name="tilsynsrapport.docx")
    )
    related = make_document(site_tree.section, InstructionPage, title="Partshøring", slug="partshoering")
    draft = make_document(site_tree.section, InstructionPage, title="Hemmeligt udkast", slug="udkast")
    draft.unpublish()
    page = make_document(
        site_tree.section,
        title="Miljøtilsyn",
        slug="tilsyn",
        attachments=[
            {
                "type": "attachment",
                "value": {"document": template.pk, "kind": "template", "description": "Bruges ved alle tilsyn"},
            }
        ],
    )
    page.related_documents.set([related, draft])
    page.save_revision().publish()

    text = soup_of(reader_client.get(page.url)).get_text(" ", strip=True)

    assert "Skabelon: Tilsynsrapport" in text
    assert "INS-001" in text and "Partshøring" in text
    assert "Hemmeligt udkast" not in text


@pytest.mark.parametrize(
    ("page_class", "prefix", "label"),
    [
        (PolicyPage, "POL", "Politik"),
        (InstructionPage, "INS", "Instruks"),
    ],
)
def test_other_document_types_render(reader_client, site_tree, page_class, prefix, label):
    page = make_document(site_tree.section, page_class, title="Kvalitetspolitik", slug="politik")

    soup = soup_of(reader_client.get(page.url))

    assert f"{prefix}-001" in soup.h1.get_text()
    assert label in soup.find(attrs={"aria-label": "Dokumentoplysninger"}).get_text()


def test_section_lists_its_live_documents(reader_client, site_tree):
    make_document(site_tree.section, title="Klager over støj", slug="klager")
    make_document(site_tree.section, InstructionPage, title="Partshøring", slug="partshoering")
    make_document(site_tree.section, title="Kladde", slug="kladde").unpublish()

    text = soup_of(reader_client.get(site_tree.section.url)).find("main").get_text(" ", strip=True)

    assert "PRO-001" in text and "Klager over støj" in text
    assert "INS-001" in text and "Partshøring" in text
    assert "Kladde" not in text


def test_handbook_index_lists_sections(reader_client, site_tree):
    make_document(site_tree.section, title="Klager over støj", slug="klager")

    text = soup_of(reader_client.get(site_tree.handbook.url)).find("main").get_text(" ", strip=True)

    assert "Miljø" in text
    assert "Tilsyn og klager." in text


def test_unpublished_document_is_not_found_by_a_reader(reader_client, site_tree):
    page = make_document(site_tree.section, title="Udkast", slug="udkast")
    page.unpublish()

    assert reader_client.get("/kvalitetshaandbogen/miljoe/udkast/").status_code == 404


def test_hostile_text_in_a_title_is_escaped(reader_client, site_tree):
    page = make_document(site_tree.section, title="<script>alert('x')</script>", slug="fjendtlig")

    body = reader_client.get(page.url).content.decode()

    assert "<script>alert('x')</script>" not in body
    assert "&lt;script&gt;" in body
