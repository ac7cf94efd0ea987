"""The search page costs the same number of SQL queries whether three documents match or thirty: hits,
sections, tags, owners and attachments are fetched in bulk, never one query per hit."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from handbook.models import ProcedurePage, SectionPage
from tests.factories import build_site
from tests.search.conftest import built_once
from tests.search.factories import make_attachment, make_search_document

FEW, MANY = "sjældent", "tilsynsrapport"  # said by 3 and by all 30 documents
MAX_QUERIES = 28  # session, user, search, facet rows, labels, hits, attachments, sections, promotions, query log


@pytest.fixture(scope="module")
def thirty_documents(django_db_setup, django_db_blocker):
    """Thirty procedures in two sections with three owners, tags and an attachment each."""
    with built_once(django_db_blocker):
        site = build_site()
        sections = [site.section, site.handbook.add_child(instance=SectionPage(title="Natur", slug="natur"))]
        owners = [Group.objects.create(name=name) for name in ("Kvalitet", "Team Natur", "Team Vej")]
        for n in range(30):
            said = [FEW, MANY] if n < 3 else [MANY]
            attachment = make_attachment(f"Bilag {n}", f"bilag-{n}.docx", *[f"Bilag om {word}." for word in said])
            make_search_document(
                sections[n % 2],
                ProcedurePage,
                f"Rutine {n}",
                " ".join(f"Om {word}, nummer {n}." for word in said),
                " ".join(f"Rutinen gælder {word}." for word in said),
                owners[n % 3],
                [f"emne-{n % 4}", "rutine"],
                attachments=[{"type": "attachment", "value": {"document": attachment.pk, "kind": "appendix"}}],
            )
        yield


def queries_for(client, url, params):
    client.get(url, params)  # once first: the query log's row, content types and the site's paths are then known
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries)


SEARCHES = {
    "word": lambda word: {"q": word},
    "page 2": lambda word: {"q": word, "page": "2"},
    "facets": lambda word: {"q": word, "tag": ["rutine", "emne-1"], "type": "procedurepage"},
    "phrase": lambda word: {"q": f'"gælder {word}"'},
    "attachment": lambda word: {"q": f'"bilag om {word}"'},
}


@pytest.mark.parametrize("search", SEARCHES.values(), ids=SEARCHES.keys())
def test_the_search_page_costs_the_same_for_few_and_many_hits(reader_client, thirty_documents, search):
    few = queries_for(reader_client, "/search/", search(FEW))
    many = queries_for(reader_client, "/search/", search(MANY))

    assert few == many
    assert many <= MAX_QUERIES


def test_more_hits_never_cost_more_for_several_words(reader_client, thirty_documents):
    # With fewer hits than a page holds, documents with only some of the words are searched for as well: a
    # fixed extra search, never one that grows with the hits.
    few = queries_for(reader_client, "/search/", {"q": f"{FEW} rutinen"})
    many = queries_for(reader_client, "/search/", {"q": f"{MANY} rutinen"})

    assert many <= few <= MAX_QUERIES


@pytest.mark.parametrize(("word", "count"), [(FEW, 3), (MANY, 30)])
def test_the_hits_are_really_few_and_many(reader_client, thirty_documents, word, count):
    soup = BeautifulSoup(reader_client.get("/search/", {"q": word}).content, "html.parser")

    assert soup.select_one(".search-count").get_text(strip=True).startswith(f"{count} ")
    assert len(soup.select("ol.search-hits > li .search-hit-attachments li")) == min(count, 10)


def test_the_autocomplete_costs_the_same_for_few_and_many_documents(reader_client, thirty_documents):
    few = queries_for(reader_client, "/search/autocomplete/", {"q": "rutine 1"})  # "Rutine 1", "Rutine 10" ...
    many = queries_for(reader_client, "/search/autocomplete/", {"q": "rutine"})

    assert few == many <= 5
