"""The portal's URLs plus a minimal view, the yardstick the search page is measured against."""

from django.http import HttpResponse
from django.urls import include, path

MINIMAL_PAGE = "<!doctype html><html lang='da'><title>Minimal</title><p>Et fast, lille svar.</p></html>"


def minimal(request):
    """The least a logged-in request costs here: the same middleware (session, user, login check), no work."""
    return HttpResponse(MINIMAL_PAGE)


urlpatterns = [
    path("bench/minimal/", minimal, name="bench_minimal"),
    path("", include("portal.urls")),
]
