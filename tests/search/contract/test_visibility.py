"""Only what every reader may see is ever found: never a draft, an unpublished or private page, or a case."""

import pytest

from tests.search.contract.helpers import all_hit_ids, search
from tests.search.factories import EVERYWHERE

HIDDEN = ["draft", "private", "unpublished"]
CASES = ["deviation", "proposal"]


def test_a_search_for_every_document_finds_only_the_visible_ones(search_backend, known_handbook):
    assert set(all_hit_ids(search_backend, EVERYWHERE)) == known_handbook.visible_ids


@pytest.mark.parametrize("key", HIDDEN)
def test_a_hidden_document_is_not_found_by_its_title(search_backend, known_handbook, key):
    page = getattr(known_handbook.hidden, key)

    assert page.pk not in all_hit_ids(search_backend, page.title)
    assert page.pk not in all_hit_ids(search_backend, f'"{page.title}"')
    assert all_hit_ids(search_backend, page.document_number) == []


@pytest.mark.parametrize("query", ["afvigelse", "journaliseres", "vægtbroen", "klagerne", "tilsynene"])
def test_hidden_documents_are_not_found_by_their_words(search_backend, known_handbook, query):
    ids = set(all_hit_ids(search_backend, query))

    assert ids and ids <= known_handbook.visible_ids


@pytest.mark.parametrize("key", CASES)
def test_cases_are_never_found(search_backend, known_handbook, key):
    case = getattr(known_handbook.hidden, key)

    for query in [case.title, case.reference, f'"{case.title}"']:
        hits = search(search_backend, query, per_page=50).hits
        assert {hit.page_id for hit in hits} <= known_handbook.visible_ids
        assert case.title not in [hit.title for hit in hits]


@pytest.mark.parametrize("key", HIDDEN)
def test_the_autocomplete_never_offers_a_hidden_document(search_backend, known_handbook, key):
    page = getattr(known_handbook.hidden, key)
    first_words = " ".join(page.title.split()[:2])

    for text in [page.title, first_words, page.title[:3], page.document_number]:
        titles = [suggestion.title for suggestion in search_backend.autocomplete(text)]
        assert page.title not in titles, text


@pytest.mark.parametrize("key", CASES)
def test_the_autocomplete_never_offers_a_case(search_backend, known_handbook, key):
    case = getattr(known_handbook.hidden, key)

    for text in [case.title, case.title[:3], case.reference]:
        titles = [suggestion.title for suggestion in search_backend.autocomplete(text)]
        assert case.title not in titles and case.reference not in titles, text
