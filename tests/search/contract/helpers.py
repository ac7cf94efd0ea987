"""Small helpers shared by the contract tests."""

from search.query import SearchRequest


def search(backend, text="", **fields):
    return backend.search(SearchRequest(text=text, **fields))


def hit_ids(result):
    return [hit.page_id for hit in result.hits]


def all_hit_ids(backend, text, per_page=50, **fields):
    """Every hit of a search, page by page (one page of 50 holds the known handbook)."""
    return hit_ids(search(backend, text, per_page=per_page, **fields))
