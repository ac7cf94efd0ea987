"""One search as the page runs it: the backend's result, the editors' recommendations and the query log."""

from search import querylog
from search.backends import get_backend
from search.promotions import recommended


def run(request, http_request=None):
    backend = get_backend()
    result = backend.search(request, http_request)
    if request.text and request.page == 1:
        result.recommended = recommended(request.text, http_request)
        if not request.has_filters:
            querylog.record(request.text, result.total)  # what people type, not where they click next
    return result
