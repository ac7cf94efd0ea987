"""The Elasticsearch path without a server: the exact index and request bodies it sends, how it reads the answers,
and how publishing keeps the index up to date. Nothing here connects to anything."""

import json
import os
import subprocess
import sys
from types import SimpleNamespace

import elasticsearch
import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from handbook.models import HandbookIndexPage, SectionPage
from search import es_index, es_signals
from search.backends.elasticsearch import ElasticsearchSearch, SearchUnavailable, build_autocomplete, build_search
from search.query import SearchRequest
from tests.factories import GroupFactory, make_document
from tests.search.factories import make_attachment

NOWHERE = "http://elasticsearch.invalid:9200"  # never contacted: every client below is a fake
CONFIGURED = bool(os.environ.get("ELASTICSEARCH_URL"))  # these tests run with or without a server


@pytest.fixture(autouse=True)
def index_name(settings):
    settings.ELASTICSEARCH_INDEX = "kvalitetsportalen"


DANISH = {
    "type": "custom",
    "tokenizer": "standard",
    "filter": ["lowercase", "danish_stop", "danish_stemmer"],
}
DANISH_FILTERS = {
    "danish_stop": {"type": "stop", "stopwords": "_danish_"},
    "danish_stemmer": {"type": "stemmer", "language": "danish"},
}
AUTOCOMPLETE = {"type": "text", "analyzer": "title_autocomplete", "search_analyzer": "title_autocomplete_search"}


def danish_text(**extra):
    return {"type": "text", "analyzer": "danish_text", **extra}


def test_index_definition_analyses_danish_and_maps_every_field():
    assert es_index.index_definition() == {
        "settings": {
            "number_of_shards": 1,
            "analysis": {
                "analyzer": {
                    "danish_text": DANISH,
                    "title_autocomplete": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": ["lowercase", "title_prefixes"],
                    },
                    "title_autocomplete_search": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": ["lowercase", "typed_prefix"],
                    },
                },
                "filter": {
                    **DANISH_FILTERS,
                    "title_prefixes": {"type": "edge_ngram", "min_gram": 1, "max_gram": 30},
                    "typed_prefix": {"type": "truncate", "length": 30},
                },
            },
        },
        "mappings": {
            "properties": {
                "page_id": {"type": "integer"},
                "title": danish_text(
                    copy_to="content", fields={"autocomplete": AUTOCOMPLETE, "sort": {"type": "keyword"}}
                ),
                "document_number": {
                    "type": "text",
                    "analyzer": "standard",
                    "copy_to": "content",
                    "fields": {"keyword": {"type": "keyword"}, "autocomplete": AUTOCOMPLETE},
                },
                "summary": danish_text(copy_to="content"),
                "body": danish_text(copy_to="content", index_options="offsets"),
                "attachments": {
                    "type": "nested",
                    "include_in_root": True,
                    "properties": {
                        "document_id": {"type": "integer"},
                        "title": danish_text(),
                        "url": {"type": "keyword", "index": False},
                        "text": danish_text(index_options="offsets"),
                    },
                },
                "content": danish_text(),
                "type": {"type": "keyword"},
                "section_id": {"type": "integer"},
                "section_title": danish_text(fields={"keyword": {"type": "keyword"}}),
                "tags": {"type": "keyword"},
                "owner_id": {"type": "integer"},
                "version": {"type": "keyword"},
                "url": {"type": "keyword", "index": False},
                "last_published": {"type": "date"},
            }
        },
    }


HIGHLIGHT = {
    "pre_tags": ["<mark>"],
    "post_tags": ["</mark>"],
    "encoder": "html",
    "fragment_size": 160,
    "number_of_fragments": 2,
    "order": "score",
}
MATCH_FIELDS = ["content", "attachments.text"]


def test_search_body_for_words_a_phrase_and_two_facets():
    request = SearchRequest(
        text='klager over "støj fra virksomheder"', types=("procedurepage",), tags=("stoej", "klager"), page=2
    )
    tag_filter = {"terms": {"tags": ["stoej", "klager"]}}

    def marked(field):  # each word on its own, phrase words too, as the database backend marks them
        return {"match": {field: "klager støj fra virksomheder"}}

    type_filter = {"terms": {"type": ["procedurepage"]}}

    assert build_search(request).to_dict() == {
        "query": {
            "bool": {
                "filter": [
                    {
                        "bool": {
                            "filter": [
                                {
                                    "multi_match": {
                                        "query": "støj fra virksomheder",
                                        "fields": MATCH_FIELDS,
                                        "type": "phrase",
                                    }
                                },
                                {
                                    "multi_match": {
                                        "query": "klager",  # "over" is a stop word
                                        "fields": MATCH_FIELDS,
                                        "type": "cross_fields",
                                        "operator": "and",
                                    }
                                },
                            ]
                        }
                    }
                ],
                "should": [
                    {
                        "multi_match": {
                            "query": "klager",
                            "fields": ["title^5", "document_number^10", "summary^2", "body"],
                            "type": "most_fields",
                        }
                    },
                    {
                        "multi_match": {
                            "query": "støj fra virksomheder",
                            "fields": ["title^5", "summary^2", "body"],
                            "type": "phrase",
                        }
                    },
                    {
                        "nested": {
                            "path": "attachments",
                            "score_mode": "max",
                            "query": {
                                "bool": {
                                    "should": [
                                        {"match_phrase": {"attachments.text": "støj fra virksomheder"}},
                                        {"match": {"attachments.text": "klager"}},
                                    ]
                                }
                            },
                            "inner_hits": {
                                "name": "attachments",
                                "size": 10,
                                "_source": False,
                                "docvalue_fields": ["attachments.document_id"],
                                "highlight": {
                                    **HIGHLIGHT,
                                    "fields": {"attachments.text": {"highlight_query": marked("attachments.text")}},
                                },
                            },
                        }
                    },
                ],
            }
        },
        "post_filter": {"bool": {"filter": [type_filter, tag_filter]}},
        "aggs": {
            "all_matches": {"filter": {"match_all": {}}},
            "type": {
                "filter": {"bool": {"filter": [tag_filter]}},
                "aggs": {
                    "values": {"terms": {"field": "type", "size": 100}},
                    "selected": {"terms": {"field": "type", "include": ["procedurepage"], "size": 1}},
                },
            },
            "section": {
                "filter": {"bool": {"filter": [type_filter, tag_filter]}},
                "aggs": {"values": {"terms": {"field": "section_id", "size": 100}}},
            },
            "tag": {
                "filter": {"bool": {"filter": [type_filter]}},
                "aggs": {
                    "values": {"terms": {"field": "tags", "size": 100}},
                    "selected": {"terms": {"field": "tags", "include": ["stoej", "klager"], "size": 2}},
                },
            },
            "owner": {
                "filter": {"bool": {"filter": [type_filter, tag_filter]}},
                "aggs": {"values": {"terms": {"field": "owner_id", "size": 100}}},
            },
        },
        "highlight": {**HIGHLIGHT, "fields": {"body": {"highlight_query": marked("body")}}},
        "sort": ["_score", {"title.sort": "asc"}, {"page_id": "asc"}],
        "track_total_hits": True,
        "_source": False,
        "from": 10,
        "size": 10,
    }


def test_a_document_number_leads_whatever_its_text_holds():
    body = build_search(SearchRequest(text="pro14")).to_dict()
    number = {"constant_score": {"filter": {"term": {"document_number.keyword": "PRO-014"}}, "boost": 1000}}

    required = body["query"]["bool"]["filter"][0]["bool"]
    assert required["minimum_should_match"] == 1
    assert required["should"][1] == number
    assert body["query"]["bool"]["should"][-1] == number


def test_when_no_document_has_every_word_any_word_matches_and_those_with_all_lead():
    body = build_search(SearchRequest(text="støj tilsyn").matching_any()).to_dict()
    every_word = {
        "multi_match": {"query": "støj tilsyn", "fields": MATCH_FIELDS, "type": "cross_fields", "operator": "and"}
    }

    required = body["query"]["bool"]["filter"][0]["bool"]["filter"]
    assert required[0]["multi_match"]["operator"] == "or"
    assert {"constant_score": {"filter": every_word, "boost": 1000}} in body["query"]["bool"]["should"]


def test_ticks_without_words_list_every_selected_document_by_title():
    body = build_search(SearchRequest(sections=(7,), owners=(3,))).to_dict()

    assert body["query"] == {"match_all": {}}
    assert body["sort"] == [{"title.sort": "asc"}, {"page_id": "asc"}]
    assert body["post_filter"] == {"bool": {"filter": [{"terms": {"section_id": [7]}}, {"terms": {"owner_id": [3]}}]}}
    assert "highlight" not in body


def test_an_id_no_integer_field_can_hold_matches_nothing_instead_of_failing():
    body = build_search(SearchRequest(text="støj", sections=(10**23,), owners=(3, 2**63))).to_dict()

    assert body["post_filter"] == {"bool": {"filter": [{"match_none": {}}, {"terms": {"owner_id": [3]}}]}}
    assert "selected" not in body["aggs"]["section"]["aggs"]
    assert body["aggs"]["owner"]["aggs"]["selected"]["terms"]["include"] == [3]


def test_autocomplete_body_matches_title_and_number_prefixes():
    assert build_autocomplete("behandling af kl", 5).to_dict() == {
        "query": {
            "bool": {
                "should": [
                    {"match": {"title.autocomplete": {"query": "behandling af kl", "operator": "and"}}},
                    {
                        "match": {
                            "document_number.autocomplete": {"query": "behandling af kl", "operator": "and", "boost": 2}
                        }
                    },
                ],
                "minimum_should_match": 1,
            }
        },
        "sort": ["_score", {"title.sort": "asc"}],
        "_source": False,
        "size": 5,
    }


# The document built from a page


@pytest.fixture
def section(known_handbook):
    """A section of its own in the known handbook; each test's changes are rolled back."""
    handbook = HandbookIndexPage.objects.get(pk=known_handbook.site.handbook.pk)
    return handbook.add_child(instance=SectionPage(title="Vej og park", slug="vej-og-park"))


@pytest.fixture
def attached_procedure(section):
    template = make_attachment(
        "Skabelon: Partshøring", "partshoering.docx", "Brev til virksomheden om partshøring før påbud."
    )
    return make_document(
        section,
        title="Behandling af klager over støj",
        owner_team=GroupFactory(name="Team Miljø"),
        attachments=[{"type": "attachment", "value": {"document": template.pk, "kind": "template"}}],
    ), template


def test_document_holds_what_readers_search_and_filter_by(attached_procedure, section):
    procedure, template = attached_procedure

    document = es_index.page_document(procedure).to_dict()

    assert document["page_id"] == procedure.pk
    assert document["title"] == "Behandling af klager over støj"
    assert document["document_number"] == procedure.document_number and procedure.document_number.startswith("PRO-")
    assert document["type"] == "procedurepage"
    assert (document["section_id"], document["section_title"]) == (section.pk, "Vej og park")
    assert document["tags"] == ["klager", "støj"]
    assert document["owner_id"] == procedure.owner_team_id
    assert document["version"] == "1.0"
    assert document["url"] == procedure.url
    assert document["last_published"] == procedure.last_published_at
    assert document["summary"] == "Sådan behandles en klage over støj fra en virksomhed."
    assert "Journalisér klagen samme dag." in document["body"]
    assert document["attachments"] == [
        {
            "document_id": template.pk,
            "title": "Skabelon: Partshøring",
            "url": template.url,
            "text": "Brev til virksomheden om partshøring før påbud.",
        }
    ]


def test_rebuild_recreates_the_index_with_every_visible_document_only(attached_procedure, known_handbook, monkeypatch):
    procedure, _template = attached_procedure
    client = RecordingClient()
    bulked = []

    def bulk(es, actions, **kwargs):
        client.calls.append("bulk")
        bulked.extend(actions)
        return len(bulked), []

    monkeypatch.setattr(es_index.helpers, "bulk", bulk)

    assert es_index.rebuild(client) == len(known_handbook.visible_ids) + 1

    assert client.calls == [
        ("delete", "kvalitetsportalen", {"ignore_status": 404}),
        ("create", "kvalitetsportalen", es_index.index_definition()),
        "bulk",
        ("refresh", "kvalitetsportalen"),
    ]
    # Neither the draft, the private page nor the unpublished one.
    assert {action["_id"] for action in bulked} == known_handbook.visible_ids | {procedure.pk}
    assert {action["_index"] for action in bulked} == {"kvalitetsportalen"}
    [entry] = [action["_source"] for action in bulked if action["_id"] == procedure.pk]
    assert entry == es_index.page_document(procedure).to_dict()


class RecordingClient:
    """Records the index calls `rebuild` makes, in order."""

    def __init__(self):
        self.calls = []
        self._options = {}
        self.indices = SimpleNamespace(delete=self._delete, create=self._create, refresh=self._refresh)

    def options(self, **options):
        self._options = options
        return self

    def _delete(self, index):
        self.calls.append(("delete", index, self._options))

    def _create(self, index, **definition):
        self.calls.append(("create", index, definition))

    def _refresh(self, index):
        self.calls.append(("refresh", index))


# Reading the answers


class CannedClient:
    """Answers each search with the next canned response and keeps the requests it was sent."""

    def __init__(self, *responses):
        self.responses = list(responses)
        self.requests = []

    def search(self, index, body, **params):
        self.requests.append((index, body))
        return SimpleNamespace(body=self.responses.pop(0))


class DownClient:
    def search(self, **kwargs):
        raise elasticsearch.ConnectionError("Connection refused")


def facet_aggregations(all_matches, type=(), section=(), tag=(), owner=(), selected_tags=()):
    def buckets(pairs):
        return {"buckets": [{"key": key, "doc_count": count} for key, count in pairs]}

    aggregations = {
        "all_matches": {"doc_count": all_matches},
        "type": {"values": buckets(type)},
        "section": {"values": buckets(section)},
        "tag": {"values": buckets(tag)},
        "owner": {"values": buckets(owner)},
    }
    if selected_tags:
        aggregations["tag"]["selected"] = buckets(selected_tags)
    return aggregations


def response(hits, total, aggregations):
    return {"hits": {"total": {"value": total, "relation": "eq"}, "hits": hits}, "aggregations": aggregations}


FACETS_BY_ID = ("section", "tag", "owner")  # values the page must name from the database


def test_hits_excerpts_and_facets_come_from_the_answer(known_handbook):
    docs, sections, owners = known_handbook.docs, known_handbook.sections, known_handbook.owners
    template_id = docs.waste.attached_documents()[0].pk
    hits = [
        {
            "_id": str(docs.waste.pk),
            "highlight": {"body": ["Pap, glas og <mark>metal</mark> sorteres", "&lt;b&gt; <mark>metal</mark>"]},
            "inner_hits": {
                "attachments": {
                    "hits": {
                        "hits": [
                            {
                                "fields": {"attachments.document_id": [template_id]},
                                "highlight": {"attachments.text": ["ved <mark>kvartalsvis</mark> kalibrering"]},
                            }
                        ]
                    }
                }
            },
        },
        {"_id": str(docs.noise.pk)},  # found by its title alone: no fragments
        {"_id": str(known_handbook.hidden.private.pk)},  # restricted since it was indexed: never shown
    ]
    aggregations = facet_aggregations(
        3,
        type=[("instructionpage", 2), ("procedurepage", 1)],
        section=[(sections.environment.pk, 3)],
        tag=[("affald", 1)],
        owner=[(owners.environment.pk, 3)],
        selected_tags=[(known_handbook.tag_slugs["støj"], 1)],
    )
    client = CannedClient(response(hits, 3, aggregations))
    request = SearchRequest(text="metal", tags=(known_handbook.tag_slugs["støj"],))

    result = ElasticsearchSearch(client).search(request)

    assert client.requests == [(["kvalitetsportalen"], build_search(request).to_dict())]
    assert result.total == 3
    assert [hit.title for hit in result.hits] == ["Affaldssortering på genbrugspladsen", "Støj fra virksomheder"]
    waste, noise = result.hits
    assert waste.excerpt == "Pap, glas og <mark>metal</mark> sorteres … &lt;b&gt; <mark>metal</mark>"
    assert [(a.title, a.excerpt) for a in waste.attachments] == [
        ("Skabelon: Sorteringsvejledning", "ved <mark>kvartalsvis</mark> kalibrering")
    ]
    assert noise.excerpt == "Sådan behandles henvendelser om larm. Gælder for hele forvaltningen."
    assert noise.attachments == []
    assert [(o.value, o.count) for o in result.facet("type").options] == [("instructionpage", 2), ("procedurepage", 1)]
    options = {name: [(o.label, o.count, o.selected) for o in result.facet(name).options] for name in FACETS_BY_ID}
    assert options == {
        "section": [("Miljø", 3, False)],
        "tag": [("støj", 1, True), ("affald", 1, False)],
        "owner": [("Team Miljø", 3, False)],
    }


def test_too_few_documents_with_every_word_asks_again_for_any_word(known_handbook):
    empty = facet_aggregations(0)
    client = CannedClient(response([], 1, facet_aggregations(1)), response([], 4, empty))

    result = ElasticsearchSearch(client).search(SearchRequest(text="larm tilsyn"))

    first, second = (body for _index, body in client.requests)
    assert first["query"]["bool"]["filter"][0]["bool"]["filter"][0]["multi_match"]["operator"] == "and"
    assert second == build_search(SearchRequest(text="larm tilsyn").matching_any()).to_dict()
    assert result.request.match_any
    assert result.total == 4


# Not "page": that name is pytest-playwright's fixture, and would tie the test to a browser.
@pytest.mark.parametrize(("page_number", "per_page", "first_request"), [(999, 10, (9980, 10)), (1000, 50, (9950, 50))])
def test_a_page_past_the_last_shows_the_last(known_handbook, page_number, per_page, first_request):
    aggregations = facet_aggregations(12)
    client = CannedClient(response([], 12, aggregations), response([], 12, aggregations))

    result = ElasticsearchSearch(client).search(
        SearchRequest(text="forvaltningen", page=page_number, per_page=per_page)
    )

    # Never past Elasticsearch's window of 10,000 hits, which it would refuse.
    last_page = (-(-12 // per_page) - 1) * per_page
    assert [(body["from"], body["size"]) for _index, body in client.requests] == [first_request, (last_page, per_page)]
    assert result.request.page == -(-12 // per_page)


def test_a_page_of_a_search_without_hits_is_the_first(known_handbook):
    client = CannedClient(response([], 0, facet_aggregations(0)))

    result = ElasticsearchSearch(client).search(SearchRequest(text="blåbærsyltetøj", page=7))

    assert (result.request.page, result.total, len(client.requests)) == (1, 0, 1)


def test_an_empty_query_asks_nothing(known_handbook):
    result = ElasticsearchSearch(DownClient()).search(SearchRequest(text=""))

    assert (result.total, result.hits) == (0, [])


def test_a_server_that_does_not_answer_makes_search_unavailable_not_empty(known_handbook, caplog):
    with pytest.raises(SearchUnavailable):
        ElasticsearchSearch(DownClient()).search(SearchRequest(text="afvigelse"))

    assert "Elasticsearch could not answer a search" in caplog.text


def test_autocomplete_suggests_only_visible_documents_with_their_addresses(known_handbook):
    docs, hidden = known_handbook.docs, known_handbook.hidden
    ids = [docs.deviations.pk, hidden.draft.pk, hidden.private.pk, docs.registration.pk]
    client = CannedClient({"hits": {"total": {"value": 4}, "hits": [{"_id": str(i)} for i in ids]}})

    suggestions = ElasticsearchSearch(client).autocomplete("afv", limit=4)

    assert client.requests == [(["kvalitetsportalen"], build_autocomplete("afv", 4).to_dict())]
    assert [(s.title, s.document_number, s.url) for s in suggestions] == [
        (docs.deviations.title, docs.deviations.document_number, docs.deviations.url),
        (docs.registration.title, docs.registration.document_number, docs.registration.url),
    ]


def test_autocomplete_without_a_server_suggests_nothing(known_handbook, caplog):
    assert ElasticsearchSearch(DownClient()).autocomplete("afv") == []
    assert "Elasticsearch could not suggest titles" in caplog.text


# Keeping the index up to date


@pytest.fixture
def es_signals_connected(settings):
    """The signals connected as the app connects them when ELASTICSEARCH_URL is set; disconnected after."""
    settings.ELASTICSEARCH_URL = NOWHERE
    was_connected = es_signals.connected()
    apps.get_app_config("portal_search").ready()
    assert es_signals.connected()
    yield
    if not was_connected:
        es_signals.disconnect()


@pytest.fixture
def index_calls(monkeypatch, es_signals_connected):
    calls = []
    monkeypatch.setattr(es_index, "index_page", lambda page, es=None: calls.append(("index", page.pk, page.title)))
    monkeypatch.setattr(es_index, "remove_page", lambda page_id, es=None: calls.append(("remove", page_id)))
    return calls


def test_the_app_keeps_the_index_up_to_date_only_with_elasticsearch():
    assert es_signals.connected() == bool(django_settings.ELASTICSEARCH_URL) == CONFIGURED


def test_publishing_indexes_the_document_after_the_commit(section, index_calls, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as pending:
        procedure = make_document(section, title="Behandling af klager over støj")
    assert index_calls == []  # nothing before the transaction commits

    for callback in pending:
        callback()

    assert index_calls == [("index", procedure.pk, "Behandling af klager over støj")]


def test_unpublishing_and_deleting_remove_the_document(section, index_calls, django_capture_on_commit_callbacks):
    first = make_document(section, title="Første")
    second = make_document(section, title="Anden")

    with django_capture_on_commit_callbacks(execute=True):
        first.unpublish()
    with django_capture_on_commit_callbacks(execute=True):
        second.delete()

    # Wagtail unpublishes a live page before deleting it, so a deletion is heard twice; removing is idempotent.
    assert set(index_calls) == {("remove", first.pk), ("remove", second.pk)}


def test_deleting_a_section_removes_each_of_its_documents(section, index_calls, django_capture_on_commit_callbacks):
    documents = [make_document(section, title=f"Dokument {n}") for n in range(2)]

    with django_capture_on_commit_callbacks(execute=True):
        section.delete()

    assert set(index_calls) == {("remove", document.pk) for document in documents}


def test_moving_reindexes_the_document_under_its_new_section(
    section, known_handbook, index_calls, django_capture_on_commit_callbacks
):
    procedure = make_document(section, title="Behandling af klager over støj")
    nature = known_handbook.sections.nature

    with django_capture_on_commit_callbacks(execute=True):
        procedure.move(nature, pos="last-child")

    assert index_calls == [("index", procedure.pk, "Behandling af klager over støj")]
    assert es_index.page_document(procedure.specific_class.objects.get(pk=procedure.pk)).section_id == nature.pk


def test_a_view_restriction_takes_its_documents_out_and_lifting_it_puts_them_back(
    section, index_calls, django_capture_on_commit_callbacks
):
    procedure = make_document(section, title="Behandling af klager over støj")

    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=section, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
        )
    with django_capture_on_commit_callbacks(execute=True):
        make_document(section, title="Fortroligt", slug="fortroligt")
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()

    hidden_one = procedure.get_siblings().get(slug="fortroligt").pk
    assert index_calls == [
        ("remove", procedure.pk),
        ("remove", hidden_one),  # published under the restriction: never indexed
        ("index", procedure.pk, "Behandling af klager over støj"),
        ("index", hidden_one, "Fortroligt"),
    ]


@pytest.mark.parametrize(
    "failure", [elasticsearch.ConnectionError("Connection refused"), elasticsearch.TransportError("Timed out")]
)
def test_a_failing_elasticsearch_is_logged_and_the_publish_stands(
    section, es_signals_connected, monkeypatch, caplog, django_capture_on_commit_callbacks, failure
):
    class FailingClient:
        def index(self, **kwargs):
            raise failure

    monkeypatch.setattr(es_index, "client", FailingClient)

    with django_capture_on_commit_callbacks(execute=True):
        procedure = make_document(section, title="Behandling af klager over støj")

    procedure.refresh_from_db()
    assert procedure.live and procedure.live_revision_id and not procedure.has_unpublished_changes
    assert f"Elasticsearch did not update document {procedure.pk}" in caplog.text


# Switching it on


def test_elasticsearch_url_switches_the_admin_to_wagtails_elasticsearch8_in_danish():
    """The settings as a fresh process reads them with ELASTICSEARCH_URL set; the backend is built, not contacted."""
    code = (
        "import json, django; django.setup()\n"
        "from django.conf import settings\n"
        "from wagtail.search.backends import get_search_backend\n"
        "backend = get_search_backend()\n"
        "print(json.dumps({'settings': settings.WAGTAILSEARCH_BACKENDS, 'class': type(backend).__name__,\n"
        "    'prefix': backend.index_prefix, 'analysis': backend.settings['settings']['analysis']}))\n"
    )
    env = {
        **os.environ,
        "ELASTICSEARCH_URL": NOWHERE,
        "ELASTICSEARCH_INDEX": "kp",
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
    }
    run = subprocess.run(  # noqa: S603 - our own interpreter on our own code
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True, cwd=django_settings.BASE_DIR
    )
    seen = json.loads(run.stdout)

    backend = seen["settings"]["default"]
    assert backend["BACKEND"] == "wagtail.search.backends.elasticsearch8"
    assert backend["URLS"] == [NOWHERE]
    assert backend["INDEX_PREFIX"] == "kp-admin-"
    assert seen["class"] == "Elasticsearch8SearchBackend"
    assert seen["prefix"] == "kp-admin-"
    readers = es_index.index_definition()["settings"]["analysis"]
    assert seen["analysis"]["analyzer"]["default"] == readers["analyzer"]["danish_text"]
    assert {name: seen["analysis"]["filter"][name] for name in DANISH_FILTERS} == DANISH_FILTERS
    assert "edgengram_analyzer" in seen["analysis"]["analyzer"]  # Wagtail's own analysis is kept


@pytest.mark.skipif(CONFIGURED, reason="ELASTICSEARCH_URL is set")
def test_without_elasticsearch_url_the_admin_searches_the_database():
    assert django_settings.WAGTAILSEARCH_BACKENDS == {
        "default": {"BACKEND": "search.danish_index", "SEARCH_CONFIG": "danish"}
    }


def test_rebuild_command_rebuilds_elasticsearch_when_configured(settings, monkeypatch, capsys):
    settings.ELASTICSEARCH_URL = NOWHERE
    rebuilt_with = []
    monkeypatch.setattr(es_index, "client", lambda: "the client for ELASTICSEARCH_URL")
    monkeypatch.setattr(es_index, "rebuild", lambda es=None: rebuilt_with.append(es) or 23)

    call_command("rebuild_search_index")

    assert rebuilt_with == ["the client for ELASTICSEARCH_URL"]
    assert "Indexed 23 documents in Elasticsearch index 'kvalitetsportalen'." in capsys.readouterr().out


def test_rebuild_command_runs_update_index_for_the_database_backend(known_handbook, settings, capsys):
    settings.ELASTICSEARCH_URL = ""
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.danish_index", "SEARCH_CONFIG": "danish"}}

    call_command("rebuild_search_index")

    out = capsys.readouterr().out
    assert "Readers search Wagtail's database index (no ELASTICSEARCH_URL); running update_index." in out
    assert "default: handbook.ProcedurePage" in out  # Wagtail's own report of the rebuild
