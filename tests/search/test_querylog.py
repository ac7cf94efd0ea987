"""The record of what people look for: what a search leaves behind, and what it must never leave behind."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import DatabaseError, models
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from handbook.models import InstructionPage
from search.models import QueryOutcome
from tests.factories import make_document

SEARCH_URL = "/search/"
READER_IP = "192.0.2.77"


@pytest.fixture
def document(site_tree):
    return make_document(site_tree.section)


def search(client, **params):
    response = client.get(SEARCH_URL, params, REMOTE_ADDR=READER_IP)
    assert response.status_code == 200
    return response


def outcome(text):
    return QueryOutcome.objects.get(query__query_string=text)


def test_a_search_records_the_normalised_query_with_a_daily_hit(reader_client, document):
    search(reader_client, q="  Klager   over støj ")
    search(reader_client, q="klager over STØJ")

    query = Query.objects.get()
    assert query.query_string == "klager over støj"
    assert list(query.daily_hits.values_list("date", "hits")) == [(timezone.localdate(), 2)]
    assert outcome("klager over støj").last_hit_count == 1
    assert outcome("klager over støj").zero_hit_searches == 0


def test_a_search_without_hits_is_counted_as_such(reader_client, document):
    search(reader_client, q="hundeglamm")
    search(reader_client, q="hundeglamm")
    search(reader_client, q="klager")

    assert outcome("hundeglamm").zero_hit_searches == 2
    assert outcome("hundeglamm").last_hit_count == 0
    assert outcome("hundeglamm").last_searched == timezone.localdate()
    assert outcome("klager").zero_hit_searches == 0


def test_a_query_that_finds_something_later_keeps_its_zero_hit_count(reader_client, site_tree):
    search(reader_client, q="journalisering")
    make_document(site_tree.section, title="Journalisering af post", slug="journalisering")

    search(reader_client, q="journalisering")

    assert outcome("journalisering").zero_hit_searches == 1
    assert outcome("journalisering").last_hit_count == 1


def test_the_next_page_and_filtered_searches_are_not_recorded(reader_client, site_tree):
    for number in range(11):  # two pages of hits
        make_document(site_tree.section, title=f"Klager over støj {number}", slug=f"klager-{number}")

    search(reader_client, q="klager", page="2")
    search(reader_client, q="klager", type="procedurepage")

    assert not Query.objects.exists()
    assert not QueryOutcome.objects.exists()


def test_a_search_with_only_filters_is_not_recorded(reader_client, document):
    search(reader_client, type="procedurepage")

    assert not Query.objects.exists()


def fields_of(model):
    return {field.name: field for field in model._meta.concrete_fields}


def test_no_one_who_searched_is_stored_with_the_query(reader_client, reader, site_tree):
    make_document(site_tree.section, InstructionPage, title="Kørsel i tjenesten", slug="koersel")
    search(reader_client, q="kørsel")
    search(reader_client, q="hundeglamm")
    session_key = reader_client.session.session_key

    # The log's tables hold a query string, days, counts and links between themselves: nothing else.
    assert set(fields_of(Query)) == {"id", "query_string"}
    assert set(fields_of(QueryDailyHits)) == {"id", "query", "date", "hits"}
    assert set(fields_of(QueryOutcome)) == {"id", "query", "zero_hit_searches", "last_hit_count", "last_searched"}
    traces = {reader.username, reader.email, reader.first_name, session_key, READER_IP}
    for model in (Query, QueryDailyHits, QueryOutcome):
        for field in fields_of(model).values():
            if field.is_relation:
                assert field.related_model in (Query, QueryDailyHits), f"{model.__name__}.{field.name}"
                continue
            assert not isinstance(field, models.DateTimeField), "a time of day would single out who searched"
            for value in model.objects.values_list(field.attname, flat=True):
                assert not any(trace in str(value) for trace in traces), f"{model.__name__}.{field.name}: {value!r}"
    assert Query.objects.count() == 2


def test_a_failing_query_log_never_costs_the_reader_the_results(reader_client, document, monkeypatch, caplog):
    def broken(self, date=None):
        raise DatabaseError("the query log's table is locked")

    monkeypatch.setattr(Query, "add_hit", broken)

    response = search(reader_client, q="klager")

    assert document.title in response.content.decode()
    assert "Could not record a search query" in caplog.text
    # The failed recording is rolled back whole: no query without its count.
    assert not Query.objects.exists()


def test_wagtails_clean_up_keeps_a_year_of_counts(db):
    """Wagtail's searchpromotions_garbage_collect deletes daily hits older than WAGTAILSEARCH_HITS_MAX_AGE (by
    default 7 days), and with them the queries and their outcomes: the reports look back 365 days."""
    query = Query.get("byggetilladelse")
    query.add_hit(date=timezone.localdate() - datetime.timedelta(days=364))
    QueryOutcome.objects.create(query=query, zero_hit_searches=1, last_searched=query.daily_hits.get().date)

    call_command("searchpromotions_garbage_collect", stdout=StringIO())

    assert query.daily_hits.count() == 1
    assert outcome("byggetilladelse").zero_hit_searches == 1
