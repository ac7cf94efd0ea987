"""Which Wagtail Site a page request is for, kept in the shared cache.

Wagtail looks the Site up with a query of its own on every page it serves; on a handbook page that was the
largest single cost once the page's parts came from the cache. The answer is kept under the handbook's version,
which every Site or page change renews (handbook/page_cache.py), so no worker serves a stale one.
"""

import hashlib

from django.core.cache import cache
from django.http.request import split_domain_port
from wagtail import views
from wagtail.models import Site

from handbook import page_cache


def _key(request):
    hostname = split_domain_port(request._get_raw_host())[0]
    host = hashlib.sha256(f"{hostname}:{request.get_port()}".encode()).hexdigest()
    return f"portal:site:{page_cache.request_version(request)}:{host}"


def site_for_request(request):
    key = _key(request)
    known = cache.get(key)
    if known is None:
        known = (Site._find_for_request(request),)  # Wagtail's own lookup; None when no site answers
        cache.set(key, known, page_cache.SECONDS)
    return known[0]


def serve(request, path):
    """Wagtail's page view, given the Site from the cache (Wagtail reads it from ``request._wagtail_site``)."""
    if page_cache.enabled():
        request._wagtail_site = site_for_request(request)
    return views.serve(request, path)
