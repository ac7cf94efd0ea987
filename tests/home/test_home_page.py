import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from handbook.models import ControlledDocumentPage
from tests.factories import make_document

pytestmark = pytest.mark.django_db


def published(page, when):
    ControlledDocumentPage.objects.filter(pk=page.pk).update(last_published_at=when)


def test_front_page_greets_the_reader_and_lists_sections(reader_client, site_tree):
    soup = BeautifulSoup(reader_client.get("/").content, "html.parser")

    assert "Goddag, Mette" in soup.h1.get_text()
    assert soup.find("a", href=site_tree.section.url) is not None


def test_front_page_lists_recently_published_documents_newest_first(reader_client, site_tree):
    older = make_document(site_tree.section, title="Klager over støj", slug="klager")
    newer = make_document(site_tree.section, title="Miljøtilsyn", slug="tilsyn")
    draft = make_document(site_tree.section, title="Kladde", slug="kladde")
    draft.unpublish()
    published(older, timezone.make_aware(datetime.datetime(2026, 10, 1, 10)))
    published(newer, timezone.make_aware(datetime.datetime(2026, 11, 24, 10)))

    text = BeautifulSoup(reader_client.get("/").content, "html.parser").find("main").get_text(" ", strip=True)

    assert text.index("Miljøtilsyn") < text.index("Klager over støj")
    assert "PRO-002" in text and "24. november 2026" in text
    assert "1. oktober 2026" in text
    assert "Kladde" not in text
