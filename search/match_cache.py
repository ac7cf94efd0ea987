"""The answer to a query, cached until the handbook changes.

Every reader is shown the same documents for the same words (the search covers what everyone may see), so three
things are kept per query text and ticked facets: the ranked ids with the facet counts, each page of hits once it
has been shown, and that page rendered (search/templatetags/search_cache_tags.py). The query log is still written
per request. Any saved, deleted, moved or restricted page, and any changed recommendation, bumps a version that is
part of every key, so nothing stale is served; the time limit only bounds what a cache shared by several processes
keeps of versions no longer asked for.
"""

import hashlib
import uuid

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import post_page_move

VERSION_KEY = "search:handbook-version"
SECONDS = 300


def _version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    return version


def _key(request):
    words = f"{request.text}\x00{sorted(request.filters().items())}".encode()
    return f"search:matches:{_version()}:{hashlib.sha256(words).hexdigest()}"


def get(request):
    return cache.get(_key(request))


def put(request, answer):
    cache.set(_key(request), answer, SECONDS)


def get_page(request):
    """A whole page of results (hits with their excerpts, facets), the same for every reader."""
    return cache.get(_page_key(request))


def put_page(request, result):
    cache.set(_page_key(request), result, SECONDS)


def get_html(request):
    """The rendered facets and hits of a page of results."""
    return cache.get(f"{_page_key(request)}:html")


def put_html(request, html):
    cache.set(f"{_page_key(request)}:html", html, SECONDS)


def _page_key(request):
    return f"{_key(request)}:page:{request.page}:{request.per_page}"


def handbook_changed(**kwargs):
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def _page_saved_or_deleted(sender, **kwargs):
    if issubclass(sender, Page):
        handbook_changed()


def connect():
    post_save.connect(_page_saved_or_deleted, dispatch_uid="search-cache-page-saved")
    post_delete.connect(_page_saved_or_deleted, dispatch_uid="search-cache-page-deleted")
    post_page_move.connect(handbook_changed, dispatch_uid="search-cache-page-moved")
    post_save.connect(handbook_changed, sender=PageViewRestriction, dispatch_uid="search-cache-restricted")
    post_delete.connect(handbook_changed, sender=PageViewRestriction, dispatch_uid="search-cache-unrestricted")
    # The rendered results show the editors' recommendations.
    post_save.connect(handbook_changed, sender=SearchPromotion, dispatch_uid="search-cache-promoted")
    post_delete.connect(handbook_changed, sender=SearchPromotion, dispatch_uid="search-cache-unpromoted")
