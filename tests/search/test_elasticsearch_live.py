"""The Elasticsearch backend against a real server: runs only with ELASTICSEARCH_URL set.

The known handbook is indexed once into an index of its own (deleted afterwards); the searches below are the
ones a caseworker types, in Danish inflections, with facets, excerpts and title suggestions.
"""

import os
import uuid
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.test import override_settings

from handbook.models import ProcedurePage
from search import es_index
from search.backends.elasticsearch import ElasticsearchSearch
from search.query import SearchRequest
from tests.search.factories import ATTACHMENT_PHRASE, make_search_document

pytestmark = pytest.mark.skipif(not os.environ.get("ELASTICSEARCH_URL"), reason="needs ELASTICSEARCH_URL")


@pytest.fixture(scope="module")
def live(known_handbook, django_db_blocker):
    name = f"{settings.ELASTICSEARCH_INDEX}-test-{uuid.uuid4().hex[:8]}"
    with override_settings(ELASTICSEARCH_INDEX=name), django_db_blocker.unblock():
        backend = ElasticsearchSearch()
        indexed = backend.rebuild()
        yield SimpleNamespace(backend=backend, indexed=indexed, handbook=known_handbook)
        es_index.client().options(ignore_status=404).indices.delete(index=name)


def search(live, text, **filters):
    return live.backend.search(SearchRequest(text=text, **filters))


def ids(result):
    return [hit.page_id for hit in result.hits]


def test_rebuild_indexes_every_visible_document(live, db):
    assert live.indexed == len(live.handbook.visible_ids)


@pytest.mark.parametrize(
    ("query", "key"),
    [("afvigelserne", "registration"), ("procedurer", "document_control"), ("journaliseringen", "journal")],
)
def test_danish_inflections_find_each_other(live, db, query, key):
    result = search(live, query)

    assert getattr(live.handbook.docs, key).pk in ids(result)[:3]
    assert not set(ids(result)) - live.handbook.visible_ids


def test_what_readers_may_not_see_is_never_found(live, db):
    hidden = {page.pk for page in vars(live.handbook.hidden).values() if hasattr(page, "path")}

    for query in ["afvigelse", "journaliseres", "vægtbroen", "forvaltningen"]:
        assert not hidden & set(ids(search(live, query))), query


def test_a_document_number_finds_that_document_first(live, db):
    journal = live.handbook.docs.journal  # the audit procedure refers to it by number in its body

    assert ids(search(live, journal.document_number))[0] == journal.pk


def test_a_title_match_ranks_above_a_body_match(live, db):
    docs = live.handbook.docs

    found = ids(search(live, "audit"))

    assert found.index(docs.audit.pk) < found.index(docs.policy.pk)


def test_a_phrase_in_an_attachment_is_found_and_marked_under_it(live, db):
    result = search(live, f'"{ATTACHMENT_PHRASE}"')

    assert ids(result) == [live.handbook.docs.waste.pk]
    (attachment,) = result.hits[0].attachments
    assert attachment.title == "Skabelon: Sorteringsvejledning"
    assert "<mark>kvartalsvis" in attachment.excerpt  # the phrase may be marked as one span


def test_excerpts_mark_the_inflected_words(live, db):
    result = search(live, "afvigelserne")

    registration = next(hit for hit in result.hits if hit.page_id == live.handbook.docs.registration.pk)
    assert "<mark>afvigelse</mark>" in registration.excerpt


def test_a_facet_counts_under_the_other_facets_ticks_but_not_its_own(live, db):
    sections = live.handbook.sections

    result = search(live, "forvaltningen", types=("procedurepage",))

    assert result.total == 5
    types = {option.value: option.count for option in result.facet("type").options}
    assert types == {"policypage": 3, "procedurepage": 5, "instructionpage": 4}
    in_sections = {int(option.value): option.count for option in result.facet("section").options}
    assert in_sections == {sections.common.pk: 2, sections.environment.pk: 2, sections.nature.pk: 1}


def test_autocomplete_suggests_visible_titles_only(live, db):
    backend = live.backend

    assert [s.title for s in backend.autocomplete("håndt")] == ["Håndtering af afvigelser"]
    assert backend.autocomplete("udkast") == []  # the draft
    assert backend.autocomplete("fortrolig") == []  # the private page


def test_publishing_and_unpublishing_keep_the_index_in_step(live, db, django_capture_on_commit_callbacks):
    section = live.handbook.sections.nature

    with django_capture_on_commit_callbacks(execute=True):
        page = make_search_document(section, ProcedurePage, "Vinterberedskab", "Glatførebekæmpelse.", "Saltning.")
    es_index.client().indices.refresh(index=es_index.index_name())
    assert ids(search(live, "glatførebekæmpelsen")) == [page.pk]

    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    es_index.client().indices.refresh(index=es_index.index_name())
    assert ids(search(live, "glatførebekæmpelsen")) == []
