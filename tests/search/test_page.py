"""The search page as an employee sees it: hits with their details, counts, facets, pages and help when
nothing is found. Anonymous visitors are sent to the login page."""

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from tests.search.factories import EVERYWHERE

SEARCH = "/search/"
AUTOCOMPLETE = "/search/autocomplete/"


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def search_page(client, **params):
    return soup_of(client.get(SEARCH, params))


def hit_titles(soup, selector="ol.search-hits"):
    return [link.get_text(" ", strip=True) for link in soup.select(f"{selector} .search-hit-title a")]


def hit_links(soup, selector="ol.search-hits"):
    return [link["href"] for link in soup.select(f"{selector} .search-hit-title a")]


def facet_box(soup, name, value):
    [box] = soup.select(f'.search-facets input[type=checkbox][name="{name}"][value="{value}"]')
    return box


def facet_count(soup, name, value):
    box = facet_box(soup, name, value)
    return soup.select_one(f'label[for="{box["id"]}"] .search-facet-count').get_text(strip=True)


def test_a_hit_shows_the_documents_title_number_type_section_version_and_date(reader_client, known_handbook):
    registration = known_handbook.docs.registration

    soup = search_page(reader_client, q="afvigelserne")

    [hit] = [li for li in soup.select("ol.search-hits > li") if li.a["href"] == registration.url]
    assert hit.select_one(".search-hit-number").get_text() == registration.document_number
    assert hit.select_one(".search-hit-title").get_text(" ", strip=True).endswith("Registrering i sagssystemet")
    meta = [span.get_text(" ", strip=True) for span in hit.select(".search-hit-meta > span")]
    assert meta == ["Instruks", "Fælles", "Version 1.0", "Opdateret 1. marts 2026"]
    assert hit.select_one(".search-hit-meta time")["datetime"] == "2026-03-01"
    assert [mark.get_text() for mark in hit.select(".search-hit-excerpt mark")] == ["afvigelse"] * 4


def test_the_excerpt_on_the_page_escapes_the_documents_text(reader_client, known_handbook):
    response = reader_client.get(SEARCH, {"q": "støjmålinger"})

    html = response.content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert '<script>alert("x")' not in html
    assert "<mark>støjmålinger</mark>" in html


def test_the_number_of_hits_and_the_query_are_shown(reader_client, known_handbook):
    soup = search_page(reader_client, q=EVERYWHERE)

    count = soup.select_one(".search-count").get_text(" ", strip=True)
    assert count.startswith("12 ") and f"«{EVERYWHERE}»" in count
    assert len(soup.select("ol.search-hits > li")) == 10
    assert soup.select_one("#page-search-q")["value"] == EVERYWHERE


def test_the_number_of_hits_is_said_in_danish(reader_client, known_handbook):
    count = search_page(reader_client, q=EVERYWHERE).select_one(".search-count").get_text(" ", strip=True)
    one = search_page(reader_client, q="vægtbroen").select_one(".search-count").get_text(" ", strip=True)

    assert count == f"12 dokumenter fundet for «{EVERYWHERE}»"
    assert one == "1 dokument fundet for «vægtbroen»"


def test_facets_are_checkboxes_with_counts_and_ticks(reader_client, known_handbook):
    s = known_handbook.sections

    soup = search_page(reader_client, q=EVERYWHERE, type="procedurepage")

    assert "checked" in facet_box(soup, "type", "procedurepage").attrs
    assert "checked" not in facet_box(soup, "type", "policypage").attrs
    assert facet_count(soup, "type", "procedurepage") == "(5)"
    assert facet_count(soup, "type", "policypage") == "(3)"  # counted as if the type were not ticked
    assert facet_count(soup, "section", s.environment.pk) == "(2)"  # procedures in "Miljø"
    assert soup.select_one(".search-count").get_text(strip=True).startswith("5 ")
    form = soup.select_one("form.search-facets")
    assert form["method"] == "get" and form.select_one('input[type=hidden][name="q"]')["value"] == EVERYWHERE


def test_ticking_a_second_facet_narrows_the_hits(reader_client, known_handbook):
    docs, s = known_handbook.docs, known_handbook.sections

    soup = search_page(reader_client, q=EVERYWHERE, type="procedurepage", section=s.environment.pk)

    assert sorted(hit_links(soup)) == sorted([docs.journal.url, docs.noise.url])
    assert "checked" in facet_box(soup, "section", s.environment.pk).attrs


def test_the_page_links_keep_the_query_and_the_ticks(reader_client, known_handbook):
    query = f"hele & {EVERYWHERE}"
    types = ["procedurepage", "instructionpage", "policypage"]

    first = search_page(reader_client, q=query, type=types)

    links = {a["href"] for a in first.select("nav.pagination a") if "current-page" not in a.get("class", [])}
    assert links, "two pages of hits have a link to the second"
    for link in links:
        params = parse_qs(urlsplit(link).query)
        assert params["q"] == [query] and sorted(params["type"]) == sorted(types) and params["page"] == ["2"]
    second = soup_of(reader_client.get(SEARCH + next(iter(links))))
    assert len(hit_links(second)) == 2
    assert set(hit_links(first)) | set(hit_links(second)) == {doc.url for doc in vars(known_handbook.docs).values()}
    assert second.select_one("ol.search-hits")["start"] == "11"


def test_an_attachment_is_shown_under_its_document(reader_client, known_handbook):
    soup = search_page(reader_client, q="vægtbroen")

    [attachment] = soup.select("ol.search-hits .search-hit-attachments li")
    assert attachment.a.get_text() == "Skabelon: Sorteringsvejledning"
    assert attachment.a["href"] == known_handbook.docs.waste.attached_documents()[0].url
    assert [mark.get_text() for mark in attachment.select("mark")] == ["vægtbroen"]
    assert hit_links(soup) == [known_handbook.docs.waste.url]


def test_no_hits_shows_help_and_a_corrected_query(reader_client, known_handbook):
    soup = search_page(reader_client, q="afvigelsr")

    assert soup.select("ol.search-hits") == []
    help_box = soup.select_one(".search-no-hits")
    [suggestion] = [a for a in help_box.select("a") if "q=" in a["href"]]
    assert parse_qs(urlsplit(suggestion["href"]).query) == {"q": ["afvigelser"]}
    assert suggestion.get_text() == "afvigelser"


def test_no_hits_is_said_in_danish(reader_client, known_handbook):
    help_box = search_page(reader_client, q="afvigelsr").select_one(".search-no-hits")

    assert help_box.h2.get_text(strip=True) == "Ingen dokumenter matcher din søgning"
    assert help_box.p.get_text(" ", strip=True) == "Mente du: afvigelser"


def test_a_search_that_matches_no_word_offers_no_correction(reader_client, known_handbook):
    help_box = search_page(reader_client, q="xqzvw").select_one(".search-no-hits")

    assert [a for a in help_box.select("a") if "q=" in a["href"]] == []


def test_the_page_without_a_query_invites_a_search(reader_client, known_handbook):
    soup = search_page(reader_client)

    assert soup.select(".search-prompt") and not soup.select(".search-count") and not soup.select("ol.search-hits")
    assert soup.select_one("#page-search-q")["name"] == "q"


@pytest.mark.parametrize("url", [SEARCH, AUTOCOMPLETE])
def test_an_anonymous_visitor_is_sent_to_the_login_page(client, known_handbook, url):
    response = client.get(url, {"q": "afvigelser"})

    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=")
    assert "afvigelse" not in response.content.decode()


def test_every_handbook_page_has_the_search_box_in_its_header(reader_client, known_handbook):
    soup = soup_of(reader_client.get(known_handbook.docs.journal.url))

    [form] = soup.select("header form.portal-search")
    assert form["action"] == SEARCH and form["method"] == "get"
    assert form["data-autocomplete-url"] == AUTOCOMPLETE
    assert form.select_one("input[type=search]")["name"] == "q"


def test_the_autocomplete_answers_with_titles_numbers_and_addresses(reader_client, known_handbook):
    deviations = known_handbook.docs.deviations

    response = reader_client.get(AUTOCOMPLETE, {"q": "afv"})

    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert response.json() == {
        "suggestions": [
            {"title": deviations.title, "document_number": deviations.document_number, "url": deviations.url}
        ]
    }


@pytest.mark.parametrize("text", ["", "a", " a ", "blåbær"])
def test_the_autocomplete_is_empty_for_too_little_or_nothing_known(reader_client, known_handbook, text):
    response = reader_client.get(AUTOCOMPLETE, {"q": text})

    assert response.json() == {"suggestions": []}


@pytest.fixture
def promotions(known_handbook):
    """For "larm": the dispensation procedure (which never says it) and, wrongly, a draft and a private page."""
    query = Query.get("larm")
    for order, page in enumerate(
        [known_handbook.hidden.draft, known_handbook.docs.dispensation, known_handbook.hidden.private]
    ):
        SearchPromotion.objects.create(query=query, page=page, sort_order=order, description="Læs den først.")


def test_a_recommended_result_comes_first(reader_client, known_handbook, promotions):
    docs = known_handbook.docs

    soup = search_page(reader_client, q="Larm")

    recommended = soup.select_one(".search-recommended")
    assert hit_links(soup, ".search-recommended") == [docs.dispensation.url]
    assert recommended.select(".search-hit-recommended .search-recommended-badge")
    assert recommended.select_one(".search-hit-excerpt").get_text() == "Læs den først."
    assert hit_links(soup) == [docs.noise.url]
    html = str(soup)
    assert html.index("search-recommended") < html.index('class="unstyled-list no-max-width search-hits" start')


def test_a_recommended_result_is_marked_in_danish(reader_client, known_handbook, promotions):
    soup = search_page(reader_client, q="larm")

    assert soup.select_one(".search-recommended-badge").get_text(strip=True) == "Anbefalet"
    assert soup.select_one(".search-recommended h2").get_text(strip=True) == "Anbefalet"


def test_a_recommendation_of_a_draft_or_private_page_is_not_shown(reader_client, known_handbook, promotions):
    hidden = known_handbook.hidden

    html = reader_client.get(SEARCH, {"q": "larm"}).content.decode()

    for page in [hidden.draft, hidden.private]:
        assert page.title not in html
        assert page.url not in html
