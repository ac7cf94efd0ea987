"""What an employee may not see is never found on the search page or offered by the autocomplete: drafts,
unpublished and private pages, deviations and proposals; not even when the query is their exact title or
reference, and not by way of the "did you mean" suggestion."""

import json

import pytest
from bs4 import BeautifulSoup

HIDDEN_PAGES = ["draft", "private", "unpublished"]
CASES = ["deviation", "proposal"]
UNIQUE_WORDS = {"draft": "vagtplaner", "private": "personalesag", "unpublished": "snerydning"}


def results_of(client, query):
    """The text of the hits (recommended ones included) and their links, without the query shown back."""
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    hits = soup.select(".search-hits > li")
    suggestions = soup.select(".search-no-hits a")
    text = " ".join(hit.get_text(" ", strip=True) for hit in hits + suggestions)
    links = [a["href"] for hit in hits for a in hit.select("a")]
    return text, links


def suggestion_text(client, query):
    response = client.get("/search/autocomplete/", {"q": query})
    assert response.status_code == 200
    suggestions = response.json()["suggestions"]
    return json.dumps(suggestions, ensure_ascii=False), suggestions


@pytest.fixture
def reporter_client(client, known_handbook):
    """The employee who reported the deviation and the proposal."""
    client.force_login(known_handbook.hidden.deviation.reporter)
    return client


@pytest.mark.parametrize("key", HIDDEN_PAGES)
def test_a_hidden_page_is_not_found_by_its_title_number_or_words(reader_client, known_handbook, key):
    page = getattr(known_handbook.hidden, key)
    queries = [page.title, f'"{page.title}"', page.document_number, page.title.lower(), UNIQUE_WORDS[key]]

    for query in queries:
        text, links = results_of(reader_client, query)
        assert page.title not in text and page.document_number not in text, query
        assert page.url not in links and f"/{page.slug}/" not in " ".join(links), query


@pytest.mark.parametrize("key", CASES)
def test_a_case_is_not_found_by_its_title_or_reference(reader_client, known_handbook, key):
    case = getattr(known_handbook.hidden, key)

    for query in [case.title, f'"{case.title}"', case.reference, case.reference.lower(), case.description]:
        text, _links = results_of(reader_client, query)
        assert case.title not in text and case.reference not in text, query


@pytest.mark.parametrize("key", CASES)
def test_not_even_the_reporter_finds_the_case(reporter_client, known_handbook, key):
    case = getattr(known_handbook.hidden, key)

    text, _links = results_of(reporter_client, case.reference)
    assert case.reference not in text

    text, _links = results_of(reporter_client, case.title)
    assert case.title not in text


@pytest.mark.parametrize("key", HIDDEN_PAGES)
def test_the_autocomplete_never_offers_a_hidden_page(reader_client, known_handbook, key):
    page = getattr(known_handbook.hidden, key)

    for query in [page.title, page.title[:4], " ".join(page.title.split()[:2]), page.document_number]:
        raw, suggestions = suggestion_text(reader_client, query)
        assert page.title not in raw and page.document_number not in raw, query
        assert page.url not in [suggestion["url"] for suggestion in suggestions]


@pytest.mark.parametrize("key", CASES)
def test_the_autocomplete_never_offers_a_case(reader_client, known_handbook, key):
    case = getattr(known_handbook.hidden, key)

    for query in [case.title, case.title[:4], case.reference, case.reference[:6]]:
        raw, _suggestions = suggestion_text(reader_client, query)
        assert case.title not in raw and case.reference not in raw, query


@pytest.mark.parametrize(
    ("misspelt", "secret"),
    [
        ("vagtplanr", "vagtplaner"),  # a word of the draft's title only
        ("personalesg", "personalesag"),  # of the private page's title
        ("snerydnng", "snerydning"),  # of the unpublished page's title
        ("omstruktureing", "omstrukturering"),  # a tag of the private page only
    ],
)
def test_did_you_mean_never_reveals_a_word_of_a_hidden_page(reader_client, known_handbook, misspelt, secret):
    response = reader_client.get("/search/", {"q": misspelt})

    assert secret not in response.content.decode()


def test_did_you_mean_still_helps_with_visible_words(reader_client, known_handbook):
    # The counterpart of the test above: the suggestion works, it just keeps to what the reader may see.
    response = reader_client.get("/search/", {"q": "kompetencevurderng"})

    assert "?q=kompetencevurdering" in response.content.decode()
