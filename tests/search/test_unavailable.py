"""When the search engine cannot answer, the reader is told so in Danish, and nothing is recorded as a miss."""

import pytest
from django.utils import translation
from wagtail.contrib.search_promotions.models import Query

from search.backends import SearchUnavailable
from search.backends.database import DatabaseSearch
from tests.factories import make_document


@pytest.fixture
def engine_down(monkeypatch):
    def refuse(self, request, http_request=None):
        raise SearchUnavailable

    monkeypatch.setattr(DatabaseSearch, "search", refuse)


def test_an_unavailable_engine_gives_a_danish_message_and_503(reader_client, site_tree, engine_down):
    make_document(site_tree.section)

    with translation.override("da"):
        response = reader_client.get("/search/", {"q": "klage"})

    assert response.status_code == 503
    assert "Søgningen er ikke tilgængelig lige nu" in response.content.decode()
    assert 'value="klage"' in response.content.decode()  # the query is kept in the box
    assert not Query.objects.exists()
