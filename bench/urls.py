"""The portal's URLs plus the benchmarks' yardsticks: a minimal view (the search latency benchmark) and a
minimal view that returns a fixed 30 KB page, about the size of a handbook page (the load benchmark)."""

from django.http import HttpResponse
from django.urls import include, path

MINIMAL_PAGE = "<!doctype html><html lang='da'><title>Minimal</title><p>Et fast, lille svar.</p></html>"


def minimal(request):
    """The least a logged-in request costs here: the same middleware (session, user, login check), no work."""
    return HttpResponse(MINIMAL_PAGE)


def _page_of(size):
    paragraph = "<p>Et fast svar uden databaseopslag, lige så stort som en side i håndbogen.</p>\n"
    head = "<!doctype html><html lang='da'><title>Minimal 30 KB</title><main id='bench-minimal-30kb'>\n"
    body = paragraph * ((size - len(head)) // len(paragraph.encode()))
    return (head + body + "</main></html>").encode()


MINIMAL_30KB_PAGE = _page_of(30 * 1024)


def minimal_30kb(request):
    """The minimal view with a page-sized answer, so the network and the client's work count as for a real page."""
    return HttpResponse(MINIMAL_30KB_PAGE)


urlpatterns = [
    path("bench/minimal/", minimal, name="bench_minimal"),
    path("bench/minimal-30kb/", minimal_30kb, name="bench_minimal_30kb"),
    path("", include("portal.urls")),
]
