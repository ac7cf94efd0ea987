"""Search through Elasticsearch 8 (with ELASTICSEARCH_URL set): the same answers as the database backend, with
the ranking, facet counts and excerpts computed by the server in one request.

The request body is built by pure functions (`build_search`, `build_autocomplete`) so that tests can check
exactly what is sent without a server. Facet semantics match the database backend: the ticks filter the hits
through `post_filter`, and each facet is counted under the other facets' ticks but not its own.
"""

import logging
from collections import Counter

from django.utils.safestring import mark_safe
from elasticsearch import ApiError, TransportError
from elasticsearch.dsl import Q, Search

from search import es_index, facets
from search.backends import SearchUnavailable
from search.backends.database import visible_documents
from search.hits import load_hits
from search.results import SearchResult, Suggestion
from search.text import significant

logger = logging.getLogger(__name__)

ERRORS = (ApiError, TransportError)  # TransportError covers an unreachable server and a timeout
MAX_RESULT_WINDOW = 10_000  # Elasticsearch's default limit on from + size

# Where the reader's words must be found (the document's own text and its attachments), and how much a
# match in each field weighs in the ranking: a title match ranks above a body match.
MATCH_FIELDS = ["content", "attachments.text"]
WORD_FIELDS = ["title^5", "document_number^10", "summary^2", "body"]
PHRASE_FIELDS = ["title^5", "summary^2", "body"]
# Far above any text score: a document number typed as the query, then (when no document holds every word)
# the documents that hold them all, lead whatever else matches.
LEADING_BOOST = 1000

FACET_FIELDS = {"type": "type", "section": "section_id", "tag": "tags", "owner": "owner_id"}
NUMERIC_FACETS = {"section", "owner"}
INTEGER_RANGE = range(-(2**31), 2**31)  # an id outside an integer field's range is refused, not just unmatched
FACET_BUCKETS = 100

HIGHLIGHT = {
    "pre_tags": ["<mark>"],
    "post_tags": ["</mark>"],
    "encoder": "html",  # the text around the marks comes back escaped
    "fragment_size": 160,
    "number_of_fragments": 2,
    "order": "score",
}
FRAGMENT_SEPARATOR = " … "


def _words(request):
    return " ".join(significant(request.words))


def _every_word(request, operator="and"):
    return Q("multi_match", query=_words(request), fields=MATCH_FIELDS, type="cross_fields", operator=operator)


def _number_query(number):
    return Q("constant_score", filter=Q("term", **{"document_number.keyword": number}), boost=LEADING_BOOST)


def _required(request):
    """What a document must hold: every phrase as written, and every word (any of them once none holds all)."""
    clauses = [Q("multi_match", query=phrase, fields=MATCH_FIELDS, type="phrase") for phrase in request.phrases]
    if request.words:
        clauses.append(_every_word(request, "or" if request.match_any else "and"))
    required = Q("bool", filter=clauses)
    number = request.document_number()
    if number:  # the named document is found even when its text does not hold the query's words
        required = Q("bool", should=[required, _number_query(number)], minimum_should_match=1)
    return required


def _marked(request, field):
    """Marks every word of the query, phrases' words included, each on its own, as the database backend marks
    them; without it, Elasticsearch would mark a whole phrase as one span."""
    marked = significant(request.words) + [word for phrase in request.phrases for word in phrase.split()]
    return {"highlight_query": Q("match", **{field: " ".join(marked)}).to_dict()}


def _attachments(request):
    """Matches inside attachments, each returned with its own marked fragments."""
    clauses = [Q("match_phrase", **{"attachments.text": phrase}) for phrase in request.phrases]
    if request.words:
        clauses.append(Q("match", **{"attachments.text": _words(request)}))
    return Q(
        "nested",
        path="attachments",
        score_mode="max",
        query=Q("bool", should=clauses),
        inner_hits={
            "name": "attachments",
            "size": 10,
            "_source": False,
            "docvalue_fields": ["attachments.document_id"],
            "highlight": {**HIGHLIGHT, "fields": {"attachments.text": _marked(request, "attachments.text")}},
        },
    )


def _ranking(request):
    should = [Q("multi_match", query=phrase, fields=PHRASE_FIELDS, type="phrase") for phrase in request.phrases]
    if request.words:
        should.insert(0, Q("multi_match", query=_words(request), fields=WORD_FIELDS, type="most_fields"))
    should.append(_attachments(request))
    if request.match_any and request.words:
        should.append(Q("constant_score", filter=_every_word(request), boost=LEADING_BOOST))
    number = request.document_number()
    if number:
        should.append(_number_query(number))
    return should


def _values(request, name):
    """The ticked values of a facet that the index can hold at all."""
    values = request.filters()[name]
    return [value for value in values if value in INTEGER_RANGE] if name in NUMERIC_FACETS else list(values)


def facet_filter(request, skip=None):
    """The ticked facets but `skip`: values of one facet widen (terms), different facets narrow (filter)."""
    clauses = [
        Q("terms", **{FACET_FIELDS[name]: _values(request, name)}) if _values(request, name) else Q("match_none")
        for name, values in request.filters().items()
        if values and name != skip
    ]
    return Q("bool", filter=clauses) if clauses else Q("match_all")


def _with_facets(search, request):
    if request.has_filters:
        search = search.post_filter(facet_filter(request))
    search.aggs.bucket("all_matches", "filter", filter=Q("match_all"))  # the matches before any tick
    for name, field in FACET_FIELDS.items():
        facet = search.aggs.bucket(name, "filter", filter=facet_filter(request, skip=name))
        facet.bucket("values", "terms", field=field, size=FACET_BUCKETS)
        selected = _values(request, name)
        if selected:  # a ticked value is counted even when it is not among the most frequent
            facet.bucket("selected", "terms", field=field, include=selected, size=len(selected))
    return search


def build_search(request):
    """The whole request for one page of results, facets and excerpts."""
    search = Search()
    if request.is_empty:  # only ticks: every document they select, by title
        search = search.query(Q("match_all")).sort({"title.sort": "asc"}, {"page_id": "asc"})
    else:
        search = search.query(Q("bool", filter=[_required(request)], should=_ranking(request)))
        search = search.sort("_score", {"title.sort": "asc"}, {"page_id": "asc"})
        search = search.highlight_options(**HIGHLIGHT).highlight("body", **_marked(request, "body"))
    search = _with_facets(search, request)
    start = (request.page - 1) * request.per_page
    return search.source(False).extra(track_total_hits=True)[start : start + request.per_page]


def build_autocomplete(text, limit=8):
    """Titles (and document numbers) that begin with what has been typed, word by word."""
    query = Q(
        "bool",
        should=[
            Q("match", **{"title.autocomplete": {"query": text, "operator": "and"}}),
            Q("match", **{"document_number.autocomplete": {"query": text, "operator": "and", "boost": 2}}),
        ],
        minimum_should_match=1,
    )
    return Search().query(query).sort("_score", {"title.sort": "asc"}).source(False)[:limit]


def facet_counts(aggregations):
    """{facet: {value: count}} from the aggregations, with values typed as the database backend types them."""
    counts = {}
    for name in FACET_FIELDS:
        facet = aggregations[name]
        buckets = facet["values"]["buckets"] + facet.get("selected", {}).get("buckets", [])
        convert = int if name in NUMERIC_FACETS else str
        counts[name] = Counter({convert(bucket["key"]): bucket["doc_count"] for bucket in buckets})
    return counts


def _excerpt(fragments):
    # The html encoder escaped the text; the only markup in a fragment is our own <mark>.
    return mark_safe(FRAGMENT_SEPARATOR.join(fragments))  # noqa: S308


class FragmentHighlighter:
    """Excerpts from the fragments Elasticsearch marked: the document's own text and each attachment's."""

    def __init__(self, hits):
        self.body = {}
        self.attachments = {}
        for hit in hits:
            page_id = int(hit["_id"])
            self.body[page_id] = hit.get("highlight", {}).get("body", [])
            for inner in hit.get("inner_hits", {}).get("attachments", {}).get("hits", {}).get("hits", []):
                document_ids = inner.get("fields", {}).get("attachments.document_id", [])
                fragments = inner.get("highlight", {}).get("attachments.text", [])
                if document_ids and fragments:
                    self.attachments[(page_id, int(document_ids[0]))] = fragments

    def body_excerpt(self, page, text):
        return _excerpt(self.body.get(page.pk, []))

    def attachment_excerpt(self, page, document_id, text):
        return _excerpt(self.attachments.get((page.pk, document_id), []))


def _last_page(total, per_page):
    """The page holding the last of `total` hits, and never one past Elasticsearch's window of 10,000 hits."""
    return max(1, min(-(-total // per_page), MAX_RESULT_WINDOW // per_page))


class ElasticsearchSearch:
    def __init__(self, client=None):
        self.client = client

    @property
    def es(self):
        return self.client or es_index.client()

    def search(self, request, http_request=None):
        if request.is_empty and not request.has_filters:
            counts = facets.count([], request.filters())
            return SearchResult(request, [], 0, facets.build(counts, request, facets.labels_for(counts, request)))
        request = request.with_page(min(request.page, MAX_RESULT_WINDOW // request.per_page))
        response = self._execute(request)
        if self._too_few(request, response):
            # Few documents hold every word: those lead, then the documents with some of them.
            request = request.matching_any()
            response = self._execute(request)
        total = response["hits"]["total"]["value"]
        page = min(request.page, _last_page(total, request.per_page))
        if page != request.page:  # past the last page: show the last (facets and total stay as they are)
            request = request.with_page(page)
            if total:
                response = self._execute(request)
        hits = response["hits"]["hits"]
        counts = facet_counts(response["aggregations"])
        return SearchResult(
            request=request,
            hits=load_hits(self._visible([int(hit["_id"]) for hit in hits]), FragmentHighlighter(hits), http_request),
            total=total,
            facets=facets.build(counts, request, facets.labels_for(counts, request)),
        )

    def autocomplete(self, text, limit=8, http_request=None):
        if not text.strip():
            return []
        try:
            response = self._run(build_autocomplete(text, limit))
        except ERRORS as error:
            logger.warning("Elasticsearch could not suggest titles: %s", error)
            return []  # suggestions are a convenience: the search itself still works
        ids = [int(hit["_id"]) for hit in response["hits"]["hits"]]
        pages = visible_documents().filter(pk__in=ids).only("id", "title", "document_number", "url_path")
        pages = {page.pk: page for page in pages}
        return [
            Suggestion(pages[i].title, pages[i].document_number, pages[i].get_url(http_request))
            for i in ids
            if i in pages
        ]

    def rebuild(self):
        return es_index.rebuild(self.es)

    def _run(self, search):
        return search.using(self.es).index(es_index.index_name()).execute().to_dict()

    def _execute(self, request):
        try:
            return self._run(build_search(request))
        except ERRORS as error:
            logger.error("Elasticsearch could not answer a search: %s", error)
            raise SearchUnavailable from error

    @staticmethod
    def _too_few(request, response):
        return (
            not request.match_any
            and len(significant(request.words)) > 1
            and not request.document_number()
            and response["aggregations"]["all_matches"]["doc_count"] < request.per_page
        )

    @staticmethod
    def _visible(page_ids):
        """The index holds only visible documents; this guards against one restricted since it was indexed."""
        visible = set(visible_documents().filter(pk__in=page_ids).values_list("pk", flat=True))
        return [page_id for page_id in page_ids if page_id in visible]
