"""The search page and its autocomplete. Both need a login, like everything on the intranet."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from search import service
from search.backends import SearchUnavailable, get_backend
from search.query import SearchRequest, clean_text
from search.suggestions import did_you_mean

MIN_AUTOCOMPLETE_LENGTH = 2


@require_GET
def search_page(request):
    query = SearchRequest.from_querydict(request.GET)
    result = None
    if not query.is_empty or query.has_filters:
        try:
            result = service.run(query, request)
        except SearchUnavailable as error:
            context = {"query": query, "result": None, "unavailable": error.message}
            return render(request, "search/search_page.html", context, status=503)
    context = {"query": query, "result": result}
    if result is not None:
        pages = Paginator(range(result.total), query.per_page).get_page(result.request.page)
        context.update(
            page_obj=pages,
            page_range=pages.paginator.get_elided_page_range(pages.number, on_each_side=2, on_ends=1),
            base_query=urlencode([("q", query.text), *_filter_params(result.request)]),
            alternatives=did_you_mean(query.words) if not result.total else [],
        )
    return render(request, "search/search_page.html", context)


@require_GET
def autocomplete(request):
    text = clean_text(request.GET.get("q", ""))
    suggestions = get_backend().autocomplete(text, http_request=request) if len(text) >= MIN_AUTOCOMPLETE_LENGTH else []
    return JsonResponse(
        {"suggestions": [{"title": s.title, "document_number": s.document_number, "url": s.url} for s in suggestions]}
    )


def _filter_params(query):
    """The ticked facets as (name, value) pairs, for links that keep them (pages, removing one tick)."""
    return [(name, value) for name, values in query.filters().items() for value in values]
