"""Search through Wagtail's database backend (SQLite or PostgreSQL), with facets counted over the matches.

Wagtail finds and ranks the documents in one query, which also reads each match's type, section, owner and
tags; the facets are counted in Python over those rows, so the number of queries does not grow with the number
of hits, and only the page of hits shown is loaded as pages.
"""

from modelsearch.query import And, Phrase, PlainText
from wagtail.models import Page

from handbook.models import ControlledDocumentPage, DocumentTag
from search import facets, match_cache
from search.highlight import StemHighlighter
from search.hits import load_hits
from search.results import SearchResult, Suggestion
from search.text import significant, words

# What the facets need of each match, read as plain values: building thousands of page objects would cost more
# than the search itself.
ROW_FIELDS = ("id", "content_type_id", "path", "owner_team_id")


def visible_documents():
    """Only what every reader may see: live, published documents outside any view restriction."""
    return ControlledDocumentPage.objects.live().public()


def wagtail_query(request):
    """Phrases must appear as written; the words must all appear, or any of them once nothing has them all."""
    parts = [Phrase(phrase) for phrase in request.phrases]
    if request.words:
        operator = "or" if request.match_any else "and"
        parts.append(PlainText(" ".join(significant(request.words)), operator=operator))
    return parts[0] if len(parts) == 1 else And(parts)


class DatabaseSearch:
    def search(self, request, http_request=None):
        shown = match_cache.get_page(request)
        if shown is not None:
            return shown
        result = self._search(request, http_request)
        match_cache.put_page(request, result)
        return result

    def _search(self, request, http_request):
        answer = match_cache.get(request)
        if answer is None:
            answer = self._answer(request)
            match_cache.put(request, answer)
        match_any, matching, counts = answer
        if match_any:
            request = request.matching_any()
        page = min(request.page, max(1, -(-len(matching) // request.per_page)))
        request = request.with_page(page)
        start = (page - 1) * request.per_page
        hits = load_hits(matching[start : start + request.per_page], self.highlighter(request), http_request)
        return SearchResult(
            request=request,
            hits=hits,
            total=len(matching),
            facets=facets.build(counts, request, facets.labels_for(counts, request)),
        )

    def _answer(self, request):
        """(whether some words sufficed, the ids that pass the ticked facets, best first, the facet counts)."""
        match_any, matches = self._all_matches(request)
        filters = request.filters()
        matching = [page_id for page_id, values in matches.items() if facets.passes(values, filters)]
        return match_any, matching, facets.count(matches.values(), filters)

    def _all_matches(self, request):
        """(whether some words sufficed, {page id: facet values}) for the query text, best match first."""
        rows, tags = self._matches(request)
        words = significant(request.words)
        match_any = len(rows) < request.per_page and len(words) > 1 and not request.document_number()
        if match_any:
            # Few documents hold every word: those lead, then the documents with some of them.
            more_rows, more_tags = self._matches(request.matching_any())
            rows, tags = rows + more_rows, tags | more_tags
        return match_any, _facet_values(rows, tags.values_list("content_object_id", "tag__slug"))

    def autocomplete(self, text, limit=8, http_request=None):
        text = " ".join(words(text))  # words only: quotes and operators would be FTS syntax to SQLite
        if not text:
            return []
        pages = visible_documents().only("id", "title", "document_number", "url_path").autocomplete(text)[:limit]
        return [Suggestion(page.title, page.document_number, page.get_url(http_request)) for page in pages]

    def rebuild(self):
        """Nothing to do: Wagtail updates its database index whenever a page is published or unpublished."""
        return visible_documents().count()

    @staticmethod
    def highlighter(request):
        return StemHighlighter(significant(request.words) + [w for p in request.phrases for w in p.split()])

    def _matches(self, request):
        """The matching documents' facet rows, best match first (a document number typed as the query leads),
        and their tags."""
        documents = visible_documents()
        if request.is_empty:
            ranked = documents.order_by("title") if request.has_filters else documents.none()
        else:
            # Wagtail's results as a queryset, so that only the facet columns are read.
            ranked = documents.search(wagtail_query(request), order_by_relevance=True).get_queryset()
        rows = list(ranked.values_list(*ROW_FIELDS))
        # The tags in a query of their own: joined to the ranked rows, each row would be ranked once per tag.
        tags = DocumentTag.objects.filter(content_object__in=ranked.order_by().values("pk"))
        number = request.document_number()
        if number:
            named = documents.filter(document_number=number)
            rows = list(named.values_list(*ROW_FIELDS)) + rows
            tags = tags | DocumentTag.objects.filter(content_object__in=named.values("pk"))
        return rows, tags


def _facet_values(rows, tags):
    """{page id: {facet: set of values}}, in the order of the rows; a document found twice keeps its first place."""
    sections = dict(Page.objects.filter(path__in={row[2][: -Page.steplen] for row in rows}).values_list("path", "id"))
    types = {content_type_id: facets.type_name(content_type_id) for content_type_id in {row[1] for row in rows}}
    matches = {}
    for page_id, content_type_id, path, owner_id in rows:
        matches.setdefault(
            page_id,
            {
                "type": {types[content_type_id]},
                "section": {sections.get(path[: -Page.steplen])},
                "owner": {owner_id} if owner_id else set(),
                "tag": set(),
            },
        )
    for page_id, slug in tags:
        if page_id in matches:
            matches[page_id]["tag"].add(slug)
    return matches
