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


def test_a_page_of_results_shown_once_is_shown_again_without_a_query(noise_procedure):
    found("vindmøller")

    with CaptureQueriesContext(connection) as again:
        assert found("vindmøller") == ["Støj fra vindmøller"]

    assert len(again) == 0


def test_a_new_title_is_shown_at_once(noise_procedure):
    assert found("vindmøller") == ["Støj fra vindmøller"]

    noise_procedure.title = "Støj fra vindmøller og varmepumper"
    noise_procedure.save_revision().publish()

    assert found("vindmøller") == ["Støj fra vindmøller og varmepumper"]


def test_each_page_of_results_is_cached_apart(site_tree):
    for number in range(12):
        make_document(site_tree.section, title=f"Vindmølle {number:02}", slug=f"vindmoelle-{number}")
    first = DatabaseSearch().search(SearchRequest(text="vindmølle"))

    second = DatabaseSearch().search(SearchRequest(text="vindmølle", page=2))

    assert len(first.hits) == 10 and len(second.hits) == 2
    assert not {hit.title for hit in first.hits} & {hit.title for hit in second.hits}


def results_html(client, text):
    response = client.get("/search/", {"q": text})
    assert response.status_code == 200
    return response.content.decode()


def test_a_recommendation_added_by_an_editor_shows_at_once(client, site_tree, noise_procedure):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    from tests.factories import UserFactory

    client.force_login(UserFactory(username="laeser"))
    other = make_document(site_tree.section, title="Skyggekast fra vindmøller", slug="skyggekast")
    assert "search-recommended" not in results_html(client, "vindmøller")

    SearchPromotion.objects.create(query=Query.get("vindmøller"), page=other, sort_order=0)

    assert "search-recommended" in results_html(client, "vindmøller")


def test_the_rendered_results_are_shared_by_readers_and_name_none_of_them(client, site_tree, noise_procedure):
    from tests.factories import UserFactory

    first, second = UserFactory(username="mette", first_name="Mette"), UserFactory(username="ole", first_name="Ole")
    client.force_login(first)
    results_html(client, "vindmøller")
    client.force_login(second)

    with CaptureQueriesContext(connection) as queries:
        html = results_html(client, "vindmøller")

    assert "Støj fra vindmøller" in html
    assert "Mette" not in html
    assert not any("handbook_controlleddocumentpage" in query["sql"] for query in queries.captured_queries)
