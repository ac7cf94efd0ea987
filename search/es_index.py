"""The readers' Elasticsearch index: its Danish analysis and mapping, in code, and how documents get into it.

The index holds only what every reader may see (`visible_documents()`), one entry per controlled document:
its own text in Danish (stemmed, stop words dropped), its attachments as nested entries so that a match in a
template is shown under the template it was found in, and the facet values as keywords.
"""

from functools import lru_cache

from django.conf import settings
from elasticsearch import Elasticsearch, helpers
from elasticsearch.dsl import (
    Date,
    Document,
    Index,
    InnerDoc,
    Integer,
    Keyword,
    Nested,
    Text,
    analyzer,
    token_filter,
)
from wagtail.models import Page

from handbook.attachment_text import document_text
from handbook.models import DocumentTag
from search.backends.database import visible_documents
from search.facets import type_name
from search.hits import page_text

TIMEOUT = 5  # seconds: a reader waits no longer than this for an unreachable server
BULK_TIMEOUT = 120  # a bulk request carries hundreds of documents with their attachments' text
BULK_CHUNK = 200
LONGEST_PREFIX = 30  # Danish compounds are long: "kvalitetsledelsessystemet" still completes letter by letter

danish_stop = token_filter("danish_stop", "stop", stopwords="_danish_")
danish_stemmer = token_filter("danish_stemmer", "stemmer", language="danish")  # Snowball, as on SQLite
danish = analyzer("danish_text", tokenizer="standard", filter=["lowercase", danish_stop, danish_stemmer])

title_prefixes = token_filter("title_prefixes", "edge_ngram", min_gram=1, max_gram=LONGEST_PREFIX)
autocomplete = analyzer("title_autocomplete", tokenizer="standard", filter=["lowercase", title_prefixes])
# What is typed is matched whole against the stored prefixes, cut to the longest prefix that is stored.
typed_prefix = token_filter("typed_prefix", "truncate", length=LONGEST_PREFIX)
autocomplete_search = analyzer("title_autocomplete_search", tokenizer="standard", filter=["lowercase", typed_prefix])


def _prefixes():
    return Text(analyzer=autocomplete, search_analyzer=autocomplete_search)


class Attachment(InnerDoc):
    document_id = Integer()
    title = Text(analyzer=danish)
    url = Keyword(index=False)
    text = Text(analyzer=danish, index_options="offsets")  # offsets: fast excerpts from long files


class HandbookDocument(Document):
    """One controlled document. Every text the reader's words must be found in is copied to `content`;
    attachments are also indexed into the root document, so "every word somewhere in the document" is one query."""

    page_id = Integer()
    title = Text(analyzer=danish, copy_to="content", fields={"autocomplete": _prefixes(), "sort": Keyword()})
    document_number = Text(
        analyzer="standard", copy_to="content", fields={"keyword": Keyword(), "autocomplete": _prefixes()}
    )
    summary = Text(analyzer=danish, copy_to="content")
    body = Text(analyzer=danish, copy_to="content", index_options="offsets")  # summary and body, as readers see it
    attachments = Nested(Attachment, include_in_root=True)
    content = Text(analyzer=danish)
    type = Keyword()  # model name: policypage, procedurepage, instructionpage
    section_id = Integer()
    section_title = Text(analyzer=danish, fields={"keyword": Keyword()})
    tags = Keyword()  # tag slugs
    owner_id = Integer()
    version = Keyword()
    url = Keyword(index=False)
    last_published = Date()


def index_name():
    return settings.ELASTICSEARCH_INDEX


def search_index(name=None):
    index = Index(name or index_name())
    # One shard: a handbook is small, and word statistics over the whole handbook rank consistently.
    index.settings(number_of_shards=1)
    index.document(HandbookDocument)
    return index


def index_definition():
    """The settings (Danish analysis) and mappings the index is created with."""
    return search_index().to_dict()


@lru_cache(maxsize=4)
def _client_for(url):
    return Elasticsearch(url, request_timeout=TIMEOUT)


def client():
    """The client for ELASTICSEARCH_URL, one per process (it keeps a pool of connections)."""
    return _client_for(settings.ELASTICSEARCH_URL)


def _attachment(document):
    return Attachment(document_id=document.pk, title=document.title, url=document.url, text=document_text(document))


def page_document(page, section=None, tags=None):
    """The index entry of a controlled document; `section` and `tags` may be given when fetched in bulk."""
    section = section or page.get_parent()
    tags = [tag.slug for tag in page.tags.all()] if tags is None else tags
    return HandbookDocument(
        meta={"id": page.pk},
        page_id=page.pk,
        title=page.title,
        document_number=page.document_number,
        summary=page.summary,
        body=page_text(page),
        attachments=[_attachment(document) for document in page.attached_documents()],
        type=type_name(page.content_type_id),
        section_id=section.pk,
        section_title=section.title,
        tags=sorted(tags),
        owner_id=page.owner_team_id,
        version=page.version,
        url=page.get_url(),
        last_published=page.last_published_at,
    )


def index_page(page, es=None):
    """Adds or replaces one document; the caller has made sure readers may see it."""
    (es or client()).index(index=index_name(), id=page.pk, document=page_document(page).to_dict())


def remove_page(page_id, es=None):
    """Takes one document out of the index; one that was never in it is no error."""
    (es or client()).options(ignore_status=404).delete(index=index_name(), id=page_id)


def _chunks():
    """The visible documents in chunks, each with its sections and tags fetched in one query apiece."""
    documents = visible_documents().order_by("pk")
    last = 0
    while chunk := list(documents.filter(pk__gt=last)[:BULK_CHUNK]):
        last = chunk[-1].pk
        sections = Page.objects.filter(path__in={page.path[: -Page.steplen] for page in chunk}).only("title", "path")
        tags = {}
        for page_id, slug in DocumentTag.objects.filter(content_object__in=chunk).values_list(
            "content_object_id", "tag__slug"
        ):
            tags.setdefault(page_id, []).append(slug)
        yield chunk, {section.path: section for section in sections}, tags


def bulk_actions(name):
    for chunk, sections, tags in _chunks():
        for page in chunk:
            document = page_document(page, sections[page.path[: -Page.steplen]], tags.get(page.pk, []))
            yield {"_index": name, "_id": page.pk, "_source": document.to_dict()}


def rebuild(es=None):
    """Creates the index afresh with the mapping above and fills it with every visible document."""
    es = es or client()
    name = index_name()
    es.options(ignore_status=404).indices.delete(index=name)
    es.indices.create(index=name, **index_definition())
    indexed, _errors = helpers.bulk(es.options(request_timeout=BULK_TIMEOUT), bulk_actions(name))
    es.indices.refresh(index=name)
    return indexed
