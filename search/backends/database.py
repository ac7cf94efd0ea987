"""Search through Wagtail's database backend (SQLite or PostgreSQL), with facets counted over the matches.

Wagtail finds and ranks the documents; one more query fetches the tags of the matches, and the facets are
counted in Python over those rows, so the number of queries does not grow with the number of hits.
"""

from modelsearch.query import And, Phrase, PlainText
from wagtail.models import Page

from handbook.models import ControlledDocumentPage, DocumentTag
from search import facets
from search.highlight import StemHighlighter
from search.hits import load_hits
from search.results import SearchResult, Suggestion
from search.text import significant, words

ROW_FIELDS = ("id", "content_type_id", "path", "owner_team_id", "document_number")
CHUNK = 900  # ids per IN (...), below SQLite's limit on query parameters


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


def _chunks(ids):
    ids = list(ids)
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


class DatabaseSearch:
    def search(self, request, http_request=None):
        rows = self._matches(request)
        if len(rows) < request.per_page and len(significant(request.words)) > 1 and not request.document_number():
            # Few documents hold every word: those lead, then the documents with some of them.
            found = {row.id for row in rows}
            request = request.matching_any()
            rows += [row for row in self._matches(request) if row.id not in found]
        values = self._facet_values(rows)
        filters = request.filters()
        counts = facets.count(values.values(), filters)
        matching = [row.id for row in rows if facets.passes(values[row.id], filters)]
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

    def autocomplete(self, text, limit=8, http_request=None):
        text = " ".join(words(text))  # words only: quotes and operators would be FTS syntax to SQLite
        if not text:
            return []
        pages = visible_documents().only("id", "title", "document_number", "url_path").autocomplete(text)[:limit]
        return [Suggestion(page.title, page.document_number, page.get_url(http_request)) for page in pages]

    @staticmethod
    def highlighter(request):
        return StemHighlighter(significant(request.words) + [w for p in request.phrases for w in p.split()])

    def _matches(self, request):
        """The matching documents' facet rows, best first; a document number typed as the query leads."""
        documents = visible_documents().only(*ROW_FIELDS)
        if request.is_empty:
            rows = list(documents.order_by("title")) if request.has_filters else []
        else:
            rows = list(documents.search(wagtail_query(request), order_by_relevance=True))
        number = request.document_number()
        if number:
            named = list(documents.filter(document_number=number))
            rows = named + [row for row in rows if row.document_number != number]
        return rows

    @staticmethod
    def _facet_values(rows):
        """Each matching document's values per facet: its type, section, owner and tags."""
        tags = {}
        for ids in _chunks(row.id for row in rows):
            for page_id, slug in DocumentTag.objects.filter(content_object_id__in=ids).values_list(
                "content_object_id", "tag__slug"
            ):
                tags.setdefault(page_id, set()).add(slug)
        sections = {}
        section_paths = {row.path[: -Page.steplen] for row in rows}
        for path, section_id in Page.objects.filter(path__in=section_paths).values_list("path", "id"):
            sections[path] = section_id
        return {
            row.id: {
                "type": {facets.type_name(row.content_type_id)},
                "section": {sections.get(row.path[: -Page.steplen])},
                "owner": {row.owner_team_id} if row.owner_team_id else set(),
                "tag": tags.get(row.id, set()),
            }
            for row in rows
        }
