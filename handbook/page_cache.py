"""What every reader of a handbook page is shown alike, rendered once and cached until the handbook changes.

A page's parts that are the same for everyone who may open it (its content, metadata, version links,
related documents, breadcrumbs and the handbook menu) are cached in the shared cache under a key made of the
page, its publication and a handbook version. Anything that the handbook shows changes that version: a page
saved, published, unpublished, moved or deleted, a view restriction, a document version, an ISO clause, a
team's or a person's name, an attachment, a site. The version lives in the shared cache (Redis in production),
so a publish in one worker is seen by every worker at once; no process keeps a copy.

Who may open a page is not cached here: Wagtail checks view restrictions before the page renders. What
differs per person (the read confirmation, the header, forms with their CSRF token, messages) stays outside
every cached part.
"""

import hashlib
import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

VERSION_KEY = "handbook:render-version"
PEOPLE_VERSION_KEY = "handbook:people-version"  # who may do what: people, groups, permissions
# Keys name a handbook version, so an old entry is never read again; the time limit only frees the memory.
SECONDS = 3600

# The shared parts of pages (see templates), fetched together by read_ahead.
PAGE_FRAGMENTS = ("breadcrumbs", "document-header", "document-content", "handbook-nav", "home-panels")
SITE_FRAGMENTS = ("header-reporting-link",)

# Models whose rows a handbook page shows, besides the pages themselves.
_SHOWN_MODELS = {
    "auth.group",
    "handbook.documentversion",
    "handbook.isoclause",
    "taggit.tag",
    "wagtailcore.pageviewrestriction",
    "wagtailcore.site",
    "wagtaildocs.document",
}
_PERMISSION_MODELS = {"auth.user", "auth.group", "auth.permission", "wagtailcore.grouppagepermission"}
# A person's name is shown (responsible, approver), but a login saves only these: nothing shown.
_UNSHOWN_USER_FIELDS = frozenset({"last_login", "password"})


def enabled():
    """Whether rendered parts may be cached: only in a cache that every worker shares, since a per-process cache
    would keep serving a page that another worker has since republished. ``PAGE_FRAGMENT_CACHE`` in the
    settings overrides this (True for tests and the single-process development server)."""
    configured = getattr(settings, "PAGE_FRAGMENT_CACHE", None)
    if configured is not None:
        return bool(configured)
    backend = settings.CACHES["default"]["BACKEND"]
    return not backend.endswith(("LocMemCache", "DummyCache"))


def version():
    """The handbook's current version: a random token, made anew on every change."""
    return _versions(None)[0]


def _versions(request):
    """(the handbook's version, the people's version), read together, and once per request so that every part
    of one page is of the same version."""
    known = getattr(request, "_handbook_cache_versions", None)
    if known is None:
        found = cache.get_many([VERSION_KEY, PEOPLE_VERSION_KEY])
        known = tuple(found.get(key) or _new_version(key) for key in (VERSION_KEY, PEOPLE_VERSION_KEY))
        if request is not None:
            request._handbook_cache_versions = known
    return known


def _new_version(key):
    cache.add(key, uuid.uuid4().hex, None)
    return cache.get(key) or ""


def handbook_changed(**kwargs):
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def request_version(request):
    return _versions(request)[0]


def read_ahead(request, page):
    """Fetches in one round trip everything the shared parts of the page will ask the cache for."""
    if request is None or hasattr(request, "_handbook_read_ahead") or not enabled():
        return
    keys = [fragment_key(request, name, page) for name in PAGE_FRAGMENTS]
    keys += [site_fragment_key(request, name) for name in SITE_FRAGMENTS]
    if isinstance(page, Page) and page.pk:
        keys.append(_significant_key(request, page))
    keys += [_admin_access_key(request), _pending_key(request)]
    if isinstance(page, Page) and page.pk:
        keys.append(_personal_key(request, "acknowledgement", page.pk))
    keys = [key for key in keys if key]
    request._handbook_read_ahead = (cache.get_many(keys), set(keys))


def cached(request, key):
    """The cached value under ``key`` (None when there is none), from the read-ahead when it asked for it."""
    found, asked = getattr(request, "_handbook_read_ahead", ({}, ()))
    return found.get(key) if key in asked else cache.get(key)


def site_fragment_key(request, name):
    """The cache key of a part that is the same on every page for everyone (a link to a published page)."""
    if not enabled() or request is None or getattr(request, "is_preview", False):
        return None
    return f"handbook:fragment:{request_version(request)}:{name}:site:{get_language()}"


def fragment_key(request, name, page):
    """The cache key of a page's part shared by its readers, or None when this rendering must not be cached:
    a preview or draft, a page not live, a superseded version."""
    if not enabled() or page is None or not isinstance(page, Page) or not page.pk or not page.live:
        return None
    if request is None or getattr(request, "is_preview", False):
        return None
    published = page.last_published_at.timestamp() if page.last_published_at else ""
    # The date: a printed page is stamped with the day it was printed.
    day = timezone.localdate().isoformat()
    return f"handbook:fragment:{request_version(request)}:{name}:{page.pk}:{published}:{get_language()}:{day}"


def has_significant_version(request, document, compute):
    """Whether the document has a version that asks readers to confirm it: for most documents it has none, and
    then no reader's standing need be looked up. True when that is not known."""
    if not enabled():
        return True  # not known without a query of its own: let the reader's standing be looked up
    key = _significant_key(request, document)
    known = cached(request, key)
    if known is None:
        known = bool(compute())
        cache.set(key, known, SECONDS)
    return known


def _significant_key(request, document):
    return f"handbook:significant:{request_version(request)}:{document.pk}"


def _admin_access_key(request):
    user_id = _user_id(request)
    return None if user_id is None else f"handbook:admin-access:{_versions(request)[1]}:{user_id}"


def _user_id(request):
    user = getattr(request, "user", None)
    return user.pk if user is not None and user.is_authenticated else None


def _pending_key(request, user_id=None):
    user_id = user_id or _user_id(request)
    if user_id is None:
        return None
    handbook_version, people_version = _versions(request)
    return f"handbook:pending:{handbook_version}:{people_version}:{user_id}"


def pending_confirmations(request, compute):
    """The person's pending read confirmations (``compute``), kept until the handbook or the people change or
    the person confirms one: the front page asks for them on every visit."""
    return _remembered(request, _pending_key(request) if enabled() else None, compute)


def personal(request, name, page, compute):
    """What one person is shown about one page (``compute``; None is a value too), kept until the handbook or the
    people change or the person confirms a version of it: the read-confirmation prompt costs more queries than the
    rest of the page."""
    previewing = getattr(request, "is_preview", False)
    key = _personal_key(request, name, page.pk) if enabled() and page.pk and not previewing else None
    return _remembered(request, key, compute)


def _remembered(request, key, compute):
    """The value kept under ``key``, or ``compute()`` kept there now (in a tuple: None is a value too)."""
    if key is None:
        return compute()
    known = cached(request, key)
    if known is None:
        known = (compute(),)
        cache.set(key, known, SECONDS)
    return known[0]


def _personal_key(request, name, page_id, user_id=None):
    user_id = user_id or _user_id(request)
    if user_id is None:
        return None
    handbook_version, people_version = _versions(request)
    return f"handbook:personal:{handbook_version}:{people_version}:{user_id}:{page_id}:{name}:{get_language()}"


def _confirmed(instance):
    cache.delete(_pending_key(None, instance.user_id))
    from handbook.models import DocumentVersion  # the models import this module

    document_id = DocumentVersion.objects.filter(pk=instance.version_id).values_list("document_id", flat=True).first()
    cache.delete(_personal_key(None, "acknowledgement", document_id, instance.user_id))


def may_access_admin(request):
    """Whether the person may use the admin (the header's link to it), remembered per person until a person,
    group or permission changes: Django would read all their permissions on every page for it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    key = _admin_access_key(request) if enabled() else None
    return _remembered(request, key, lambda: user.has_perm("wagtailadmin.access_admin"))


def people_changed(**kwargs):
    cache.set(PEOPLE_VERSION_KEY, uuid.uuid4().hex, None)


def view_restrictions(page, find):
    """The view restrictions on the page and above it (Wagtail's ``find``), skipped when it is known that there
    are none: Wagtail looks them up before serving any page, and most pages have none."""
    if not enabled() or not page.pk:
        return find()
    # The version its routing read, if it was routed here: one round trip fewer.
    key = f"handbook:restricted:{getattr(page, '_handbook_cache_version', None) or version()}:{page.pk}"
    if cache.get(key) is False:
        return PageViewRestriction.objects.none()
    restrictions = find()
    cache.set(key, bool(restrictions), SECONDS)  # bool() reads them once, and the queryset keeps them
    return restrictions


# Routing ----------------------------------------------------------------------------------------------


def _route_key(request, root, path_components):
    path = "/".join(path_components).encode()
    return f"handbook:route:{request_version(request)}:{root.pk}:{hashlib.sha256(path).hexdigest()}"


def route(root, request, path_components, find):
    """Wagtail's route from ``root`` along the path, with the page it leads to remembered until the handbook
    changes: one query for the page instead of two per level of the tree. ``find`` is Wagtail's own routing,
    used on a miss. The page is always read fresh, and its own ``route`` still decides (live or 404, and the
    routes of a routable page below it)."""
    if not enabled() or not path_components:
        return find(request, path_components)
    key = _route_key(request, root, path_components)
    known = cache.get(key)
    if known is not None:
        page_id, content_type_id, consumed = known
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        page = model.objects.filter(pk=page_id).first() if model is not None else None
        if page is not None:
            page._handbook_cache_version = request_version(request)
            return page.route(request, path_components[consumed:])
    result = find(request, path_components)
    page = result[0]
    consumed = page.depth - root.depth
    # A page's own address only: below a routable page, any made-up path would be a route of its own to keep.
    if consumed == len(path_components) and page.url_path == root.url_path + "".join(
        f"{slug}/" for slug in path_components
    ):
        cache.set(key, (page.pk, page.content_type_id, consumed), SECONDS)
    return result


# Invalidation ------------------------------------------------------------------------------------------


def _saved_or_deleted(sender, **kwargs):
    update_fields = kwargs.get("update_fields")
    if _is_shown(sender, kwargs["instance"], update_fields):
        handbook_changed()
    if sender._meta.label_lower == "handbook.acknowledgement":
        _confirmed(kwargs["instance"])
    if sender._meta.label_lower in _PERMISSION_MODELS and not (
        update_fields and set(update_fields) <= _UNSHOWN_USER_FIELDS
    ):
        people_changed()


def _is_shown(model, instance, update_fields):
    if issubclass(model, Page) or model._meta.label_lower in _SHOWN_MODELS:
        return True
    return model is get_user_model() and _shown_person_changed(instance, update_fields)


def _shown_person_changed(user, update_fields):
    """Whether a saved person's name may be on a page: they are responsible for or approved a document. Logins,
    new people and everyone else change nothing shown."""
    if update_fields and set(update_fields) <= _UNSHOWN_USER_FIELDS:
        return False
    from handbook.models import ControlledDocumentPage  # the page models import this module

    return ControlledDocumentPage.objects.filter(Q(responsible_person=user) | Q(approver=user)).exists()


def _many_to_many_changed(sender, **kwargs):
    if sender is PageViewRestriction.groups.through:
        handbook_changed()
    elif sender in _permission_links():
        people_changed()


def _permission_links():
    """The tables that give people their groups and permissions, and groups theirs."""
    user_model = get_user_model()
    return {user_model.groups.through, user_model.user_permissions.through, Group.permissions.through}


def connect():
    post_save.connect(_saved_or_deleted, dispatch_uid="handbook-page-cache-saved")
    post_delete.connect(_saved_or_deleted, dispatch_uid="handbook-page-cache-deleted")
    m2m_changed.connect(_many_to_many_changed, dispatch_uid="handbook-page-cache-many-to-many")
    post_page_move.connect(handbook_changed, dispatch_uid="handbook-page-cache-moved")
    page_published.connect(handbook_changed, dispatch_uid="handbook-page-cache-published")
    page_unpublished.connect(handbook_changed, dispatch_uid="handbook-page-cache-unpublished")
