"""Whatever arrives in the address, the search page and the autocomplete answer normally: never a 500, and
the query is shown back escaped. Runs on SQLite and, with DATABASE_URL, on PostgreSQL."""

import pytest
from bs4 import BeautifulSoup
from django.utils.html import escape

SEARCH = "/search/"
AUTOCOMPLETE = "/search/autocomplete/"

QUERIES = [
    "",
    "   ",
    "\t\n",
    "a" * 10_000,
    "afvigelse " * 1_000,
    "ø" * 10_000,
    '"',
    '""',
    "*",
    "afv*",
    "*:*",
    "NEAR",
    "afvigelse NEAR tilsyn",
    "NEAR(afvigelse tilsyn, 2)",
    "OR",
    "afvigelse OR tilsyn",
    "AND",
    "AND NOT",
    "afvigelse AND NOT tilsyn",
    "NOT",
    "'",
    "''",
    "-",
    "-afvigelse",
    "--",
    '"intern audit',
    'intern" audit"',
    '"""intern"',
    "\x00",
    "afv\x00igelse",
    "\x00\x00\x00",
    "'; DROP TABLE wagtailcore_page; --",
    "1' OR '1'='1",
    "title:x",
    "title:afvigelser",
    "body:",
    "{a b}",
    "{title body}: afvigelse",
    "^",
    "afvigelse^2",
    "(",
    ")",
    "((afvigelse)",
    "+",
    "%",
    "_",
    "\\",
    "&",
    ";",
    "🙂",
    "😀 afvigelser 🚮",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "\u202eafvigelse",
    "PRO-",
    "PRO-99999",
    "PRO-000",
    "PRO 0",
    "XYZ-001",
]

FACET_PARAMS = [
    {"type": "foo"},
    {"type": "procedurepage\x00"},
    {"type": "\x00"},
    {"type": "<script>"},
    {"type": ["procedurepage"] * 50},
    {"section": "abc"},
    {"section": "-1"},
    {"section": "1.5"},
    {"section": "\x00"},
    {"section": "99999999999999999999999"},
    {"section": [str(n) for n in range(500)]},
    {"owner": "-1"},
    {"owner": "0x10"},
    {"owner": "99999999999999999999999"},
    {"owner": "9223372036854775808"},
    {"tag": "<script>"},
    {"tag": "a\x00b"},
    {"tag": "findes-ikke"},
    {"tag": "støj' OR 1=1 --"},
    {"tag": "x" * 10_000},
]

PAGES = ["-1", "0", "abc", "999999", "1e9", "", " 2 ", "2.5", "\x00", "99999999999999999999999", "-99999999999"]


def shown(query):
    """The query as the page should show it back: control characters out, single spaces, 200 characters."""
    cleaned = "".join(" " if ord(c) < 32 or ord(c) == 127 else c for c in query)
    return " ".join(cleaned.split())[:200]


def assert_page_answers(response, query):
    assert response.status_code == 200
    html = response.content.decode()
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("#page-search-q")["value"] == shown(query)
    assert escape(shown(query)) in html  # in the box, the title and the count line, escaped
    assert "<script>alert" not in html and "<img src=x" not in html
    return soup


@pytest.mark.parametrize("query", QUERIES, ids=[repr(q[:30]) for q in QUERIES])
def test_any_query_gets_a_normal_page(reader_client, known_handbook, query):
    assert_page_answers(reader_client.get(SEARCH, {"q": query}), query)


@pytest.mark.parametrize("query", QUERIES, ids=[repr(q[:30]) for q in QUERIES])
def test_any_query_gets_a_normal_autocomplete(reader_client, known_handbook, query):
    response = reader_client.get(AUTOCOMPLETE, {"q": query})

    assert response.status_code == 200
    suggestions = response.json()["suggestions"]
    assert isinstance(suggestions, list) and len(suggestions) <= 8
    visible = {doc.title for doc in vars(known_handbook.docs).values()}
    assert {suggestion["title"] for suggestion in suggestions} <= visible


@pytest.mark.parametrize("params", FACET_PARAMS, ids=[repr(p)[:40] for p in FACET_PARAMS])
def test_any_facet_value_gets_a_normal_page(reader_client, known_handbook, params):
    soup = assert_page_answers(reader_client.get(SEARCH, {"q": "afvigelse", **params}), "afvigelse")

    ticked = [box["value"] for box in soup.select(".search-facets input[type=checkbox][checked]")]
    assert not [value for value in ticked if "<" in value or "\x00" in value]


@pytest.mark.parametrize("params", FACET_PARAMS, ids=[repr(p)[:40] for p in FACET_PARAMS])
def test_facet_values_alone_get_a_normal_page(reader_client, known_handbook, params):
    assert_page_answers(reader_client.get(SEARCH, params), "")


@pytest.mark.parametrize("page_number", PAGES, ids=[repr(p) for p in PAGES])
def test_any_page_number_gets_a_normal_page(reader_client, known_handbook, page_number):
    soup = assert_page_answers(reader_client.get(SEARCH, {"q": "forvaltningen", "page": page_number}), "forvaltningen")

    assert soup.select("ol.search-hits > li")  # a page that exists: the first or the last
    current = soup.select_one("nav.pagination [aria-current=page]")
    assert list(current.stripped_strings)[-1] in ("1", "2")


def test_a_page_beyond_the_end_shows_the_last_page(reader_client, known_handbook):
    soup = assert_page_answers(reader_client.get(SEARCH, {"q": "forvaltningen", "page": "999999"}), "forvaltningen")

    assert len(soup.select("ol.search-hits > li")) == 2
    assert soup.select_one("ol.search-hits")["start"] == "11"


def test_several_queries_in_one_address_get_a_normal_page(reader_client, known_handbook):
    assert_page_answers(reader_client.get(SEARCH, {"q": ["afvigelse", "tilsyn"]}), "tilsyn")


def test_a_post_is_refused_politely(reader_client, known_handbook):
    assert reader_client.post(SEARCH, {"q": "afvigelse"}).status_code == 405
    assert reader_client.post(AUTOCOMPLETE, {"q": "afvigelse"}).status_code == 405
