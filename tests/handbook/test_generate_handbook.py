"""The large-handbook generator (manage.py generate_handbook), on a handbook of 40 documents in 3 sections."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Page

from bench.datagen.files import ATTACHMENTS
from handbook.models import ControlledDocumentPage, HandbookIndexPage, SectionPage
from search.backends.database import DatabaseSearch
from search.query import SearchRequest
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def generated(django_db_setup, django_db_blocker):
    """Generated once for the module, inside a transaction rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        output = StringIO()
        call_command("generate_handbook", documents=40, sections=3, seed=1, stdout=output)
        yield output.getvalue()
        transaction.set_rollback(True)


def docx_attached_most():
    """The Word attachment attached to the most generated documents, and those documents' ids."""
    attached = {}
    for page in ControlledDocumentPage.objects.all():
        for document in page.attached_documents():
            attached.setdefault(document.title, set()).add(page.pk)
    specs = [spec for spec in ATTACHMENTS if spec.filename.endswith(".docx") and spec.title in attached]
    spec = max(specs, key=lambda spec: len(attached[spec.title]))
    return spec, attached[spec.title]


def test_forty_live_documents_in_three_sections_with_unique_numbers(generated):
    documents = ControlledDocumentPage.objects.live().public()
    handbook = HandbookIndexPage.objects.get()
    sections = SectionPage.objects.child_of(handbook)

    assert documents.count() == 40
    assert len(set(documents.values_list("document_number", flat=True))) == 40
    assert sections.count() == 3
    assert sum(section.get_children().live().count() for section in sections) == 40
    assert Page.find_problems() == ([], [], [], [], [])  # treebeard finds the tree sound
    assert "Generated 40 documents" in generated


def test_each_document_is_published_as_version_one_with_tags_and_owner(generated):
    for page in ControlledDocumentPage.objects.all():
        assert page.version == "1.0"
        assert page.live_revision_id == page.latest_revision_id is not None
        assert page.versions.get().label == "1.0"
        assert page.tags.exists()
        assert page.owner_team.name.startswith("Team ")


def test_a_generated_document_opens_for_a_reader(generated, client):
    client.force_login(UserFactory(username="laeser"))
    page = ControlledDocumentPage.objects.live().order_by("pk").first()

    response = client.get(page.url)

    assert response.status_code == 200
    assert page.document_number in response.text


def test_a_phrase_only_in_an_attached_word_file_finds_the_documents_it_is_attached_to(generated):
    spec, attached_to = docx_attached_most()

    result = DatabaseSearch().search(SearchRequest(text=f'"{spec.marker}"', per_page=50))

    assert {hit.page_id for hit in result.hits} == attached_to
    assert all(spec.title in [attachment.title for attachment in hit.attachments] for hit in result.hits)


def test_a_second_run_adds_documents_to_the_same_sections(generated):
    call_command("generate_handbook", documents=5, sections=3, stdout=StringIO())

    assert ControlledDocumentPage.objects.live().count() == 45
    assert len(set(ControlledDocumentPage.objects.values_list("document_number", flat=True))) == 45
    assert SectionPage.objects.count() == 3
    assert Page.find_problems() == ([], [], [], [], [])
