"""Pages: together they hold every hit exactly once, in the same order each time; too far means the last page."""

import pytest

from tests.search.contract.helpers import hit_ids, search
from tests.search.factories import EVERYWHERE


def pages_of(backend, text, per_page, **fields):
    first = search(backend, text, per_page=per_page, **fields)
    pages = [first] + [
        search(backend, text, per_page=per_page, page=n, **fields) for n in range(2, first.page_count + 1)
    ]
    return pages


@pytest.mark.parametrize("per_page", [1, 5, 12])
def test_the_pages_give_every_hit_exactly_once(search_backend, known_handbook, per_page):
    pages = pages_of(search_backend, EVERYWHERE, per_page)

    ids = [page_id for result in pages for page_id in hit_ids(result)]
    assert len(pages) == -(-12 // per_page)
    assert len(ids) == 12 and set(ids) == known_handbook.visible_ids
    assert [result.request.page for result in pages] == list(range(1, len(pages) + 1))
    assert {result.total for result in pages} == {12}
    assert all(len(hit_ids(result)) == per_page for result in pages[:-1])


def test_the_order_is_the_same_every_time(search_backend, known_handbook):
    runs = [[hit_ids(result) for result in pages_of(search_backend, EVERYWHERE, 5)] for _ in range(3)]

    assert runs[0] == runs[1] == runs[2]


def test_pages_of_a_filtered_search_are_stable_too(search_backend, known_handbook):
    fields = {"types": ("procedurepage", "instructionpage")}

    runs = [
        [page_id for r in pages_of(search_backend, EVERYWHERE, 4, **fields) for page_id in hit_ids(r)] for _ in "ab"
    ]

    assert runs[0] == runs[1]
    assert len(runs[0]) == len(set(runs[0])) == 9


@pytest.mark.parametrize("page_number", [4, 5, 1000])
def test_a_page_beyond_the_end_is_the_last_page(search_backend, known_handbook, page_number):
    last = search(search_backend, EVERYWHERE, per_page=5, page=3)

    result = search(search_backend, EVERYWHERE, per_page=5, page=page_number)

    assert result.request.page == 3
    assert hit_ids(result) == hit_ids(last) and len(hit_ids(last)) == 2
    assert result.total == 12


def test_no_hits_is_one_empty_page(search_backend, known_handbook):
    result = search(search_backend, "blåbærsyltetøj", page=7)

    assert (result.request.page, result.page_count, result.hits) == (1, 1, [])
