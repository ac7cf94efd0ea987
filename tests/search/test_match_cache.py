"""The matches of a query are cached for everyone until the handbook changes: a change is seen at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from search import match_cache
from search.backends.database import DatabaseSearch
from search.query import SearchRequest
from tests.factories import make_document


def found(text):
    return [hit.title for hit in DatabaseSearch().search(SearchRequest(text=text)).hits]


@pytest.fixture
def noise_procedure(site_tree):
    return make_document(site_tree.section, title="Støj fra vindmøller", slug="stoej-vindmoeller")


def test_a_repeated_search_reads_the_matches_from_the_cache(noise_procedure):
    with CaptureQueriesContext(connection) as first:
        found("vindmøllerne")
    with CaptureQueriesContext(connection) as second:
        assert found("vindmøllerne") == ["Støj fra vindmøller"]

    assert len(second) < len(first)
    assert not any("indexentry" in query["sql"] for query in second.captured_queries)


def test_a_new_document_is_found_at_once(site_tree, noise_procedure):
    assert found("vindmøller") == ["Støj fra vindmøller"]

    make_document(site_tree.section, title="Vindmøller og skyggekast", slug="skyggekast")

    assert sorted(found("vindmøller")) == ["Støj fra vindmøller", "Vindmøller og skyggekast"]


def test_an_unpublished_document_disappears_at_once(noise_procedure):
    assert found("vindmøller") == ["Støj fra vindmøller"]

    noise_procedure.unpublish()

    assert found("vindmøller") == []


def test_a_document_put_behind_a_restriction_disappears_at_once(noise_procedure):
    assert found("vindmøller") == ["Støj fra vindmøller"]

    PageViewRestriction.objects.create(page=noise_procedure, restriction_type=PageViewRestriction.LOGIN)

    assert found("vindmøller") == []


def test_the_cache_holds_ids_and_counts_only(noise_procedure):
    found("vindmøller")
    match_any, matching, counts = match_cache.get(SearchRequest(text="vindmøller"))

    assert match_any is False
    assert matching == [noise_procedure.pk]
    assert counts["type"] == {"procedurepage": 1}


def test_ticked_facets_are_cached_apart(noise_procedure):
    assert found("vindmøller") == ["Støj fra vindmøller"]

    ticked = DatabaseSearch().search(SearchRequest(text="vindmøller", types=("policypage",)))

    assert ticked.hits == []
    assert found("vindmøller") == ["Støj fra vindmøller"]
