"""Template tags for reading the handbook: navigation, breadcrumbs, listings and a document's outline.

Every list costs one query however long it is: pages come from one queryset each, narrowed with only(), and
their URLs from ``page.get_url(request)``, which reads the site root paths cached on the request. Lists that
more than one part of a page needs (the sidebar and the section's table, say) are fetched once per request.
"""

from dataclasses import dataclass, field

from django import template
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.db.models.functions import Substr
from wagtail.models import Page

from handbook.models import (
    ControlledDocumentPage,
    HandbookIndexPage,
    InstructionPage,
    PolicyPage,
    ProcedurePage,
    SectionPage,
)
from handbook.outline import build_outline

register = template.Library()

DOCUMENT_TYPES = (PolicyPage, ProcedurePage, InstructionPage)
# What a link to a page needs; anything else would be fetched again, once per page.
PAGE_FIELDS = ("id", "title", "slug", "path", "depth", "url_path", "live", "content_type")
DOCUMENT_FIELDS = (
    *PAGE_FIELDS,
    "document_number",
    "version_major",
    "version_minor",
    "effective_date",
    "last_published_at",
)


# Navigation and breadcrumbs ---------------------------------------------------------------------------


@dataclass
class NavItem:
    title: str
    url: str
    number: str = ""
    is_current: bool = False
    is_active: bool = False  # the current page is this item or below it
    children: list = field(default_factory=list)


@dataclass
class HandbookNavigation:
    index: NavItem | None
    sections: list


def _request_memo(context, key, compute):
    """Computes a value once per request (or once per rendering, when there is no request)."""
    request = context.get("request")
    if request is not None:
        memo = request.__dict__.setdefault("_handbook_tags_memo", {})
    else:
        memo = context.render_context.setdefault("_handbook_tags_memo", {})
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def _url(page, context):
    return page.get_url(request=context.get("request")) or ""


def _levels_below_index(page):
    """How far below the handbook index the page sits, by its type (the page types fix the tree's shape)."""
    if isinstance(page, HandbookIndexPage):
        return 0
    if isinstance(page, SectionPage):
        return 1
    if isinstance(page, ControlledDocumentPage):
        return 2
    return None


@dataclass
class _Tree:
    ancestors: list  # below the tree's root, the front page first
    index: Page | None  # the handbook index the page is, or is in
    sections: list  # the index's live sections


def _tree(context, page):
    """The page's ancestors and, on a handbook page, the handbook index's live sections, in one query."""

    def fetch():
        steplen = Page.steplen
        ancestor_paths = [page.path[: steplen * depth] for depth in range(2, page.depth)]
        levels = _levels_below_index(page)
        if levels is None:
            pages = Page.objects.filter(path__in=ancestor_paths).only(*PAGE_FIELDS) if ancestor_paths else []
            return _Tree(ancestors=list(pages), index=None, sections=[])
        index_path = page.path[: steplen * (page.depth - levels)]
        section_depth = page.depth - levels + 1
        sections_of_index = Q(
            path__startswith=index_path,
            depth=section_depth,
            live=True,
            content_type=ContentType.objects.get_for_model(SectionPage),
        )
        pages = list(Page.objects.filter(Q(path__in=ancestor_paths) | sections_of_index).only(*PAGE_FIELDS))
        ancestors = [candidate for candidate in pages if candidate.path in ancestor_paths]
        index = page if levels == 0 else next((a for a in ancestors if a.path == index_path), None)
        sections = [
            candidate
            for candidate in pages
            if candidate.depth == section_depth and candidate.path.startswith(index_path) and candidate.live
        ]
        return _Tree(ancestors=ancestors, index=index, sections=sections)

    return _request_memo(context, ("tree", page.pk, page.path), fetch)


def _live_documents(context, section):
    return _request_memo(
        context,
        ("documents", section.pk),
        lambda: list(ControlledDocumentPage.objects.child_of(section).live().only(*DOCUMENT_FIELDS)),
    )


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context, page):
    """The breadcrumb trail as NavItems (title, url): the front page down to the page's parent, then the page
    itself (``is_current``, no url). Empty on the front page itself."""
    if page is None or page.depth is None or page.depth <= 2:
        return []
    items = [NavItem(title=ancestor.title, url=_url(ancestor, context)) for ancestor in _tree(context, page).ancestors]
    items.append(NavItem(title=page.title, url="", is_current=True))
    return items


@register.simple_tag(takes_context=True)
def handbook_navigation(context, page):
    """The handbook's tree as far as the reader needs it: the index, its live sections and, for the section the
    reader is in, its live documents (number and title). Returns a HandbookNavigation whose items say which one
    is the current page (``is_current``) and which section contains it (``is_active``)."""
    tree = _tree(context, page)
    if tree.index is None:
        return HandbookNavigation(index=None, sections=[])
    levels = _levels_below_index(page)
    current_section = page if levels == 1 else (tree.ancestors[-1] if levels == 2 and tree.ancestors else None)
    sections = []
    for section in tree.sections:
        item = NavItem(
            title=section.title,
            url=_url(section, context),
            is_current=section.pk == page.pk,
            is_active=current_section is not None and section.pk == current_section.pk,
        )
        if item.is_active:
            item.children = [
                NavItem(
                    title=document.title,
                    url=_url(document, context),
                    number=document.document_number,
                    is_current=document.pk == page.pk,
                    is_active=document.pk == page.pk,
                )
                for document in _live_documents(context, current_section)
            ]
        sections.append(item)
    index_item = NavItem(
        title=tree.index.title,
        url=_url(tree.index, context),
        is_current=tree.index.pk == page.pk,
        is_active=True,
    )
    return HandbookNavigation(index=index_item, sections=sections)


# Listings ---------------------------------------------------------------------------------------------


@register.simple_tag(takes_context=True)
def section_documents(context, section):
    """The section's live documents in the order the editors gave them, with number, version and dates."""
    _prime_document_types()
    return _live_documents(context, section)


@register.simple_tag(takes_context=True)
def handbook_sections(context, root):
    """The live sections below ``root`` (the handbook index or the front page), each with ``document_count``:
    the number of its live documents. Two queries, whatever the number of sections and documents."""
    sections = _request_memo(
        context,
        ("sections-below", root.pk),
        lambda: list(SectionPage.objects.descendant_of(root).live().only(*PAGE_FIELDS, "intro")),
    )
    if not sections:
        return []
    steplen = Page.steplen
    prefix_lengths = {section.depth * steplen for section in sections}
    counts = {}
    for prefix_length in prefix_lengths:
        rows = (
            ControlledDocumentPage.objects.live()
            .descendant_of(root)
            .annotate(section_path=Substr("path", 1, prefix_length))
            .order_by()
            .values("section_path")
            .annotate(count=Count("pk"))
            .values_list("section_path", "count")
        )
        counts.update(rows)
    for section in sections:
        section.document_count = counts.get(section.path, 0)
    return sections


@register.simple_tag
def handbook_index(root):
    """The live handbook index below ``root`` (normally the front page), or None."""
    return HandbookIndexPage.objects.descendant_of(root).live().only(*PAGE_FIELDS).first()


@register.simple_tag
def recent_documents(limit=10):
    """The ``limit`` live controlled documents published most recently, newest first."""
    _prime_document_types()
    return list(
        ControlledDocumentPage.objects.live()
        .filter(last_published_at__isnull=False)
        .order_by("-last_published_at")
        .only(*DOCUMENT_FIELDS)[:limit]
    )


@register.simple_tag
def related_documents(page):
    """The page's related documents that are live, by number, in one query."""
    documents = [document for document in page.related_documents.all() if document.live]
    return sorted(documents, key=lambda document: document.document_number)


def _prime_document_types():
    """Loads the document types' content types in one query (none once cached), so that naming each
    document's type afterwards costs nothing."""
    ContentType.objects.get_for_models(*DOCUMENT_TYPES)


@register.filter
def document_type(page):
    """A document's type as its model's verbose name (Politik, Procedure, Instruks)."""
    model = type(page)
    if model in (ControlledDocumentPage, Page):
        model = page.specific_class
    return model._meta.verbose_name if model is not None else ""


@register.simple_tag
def document_people(page):
    """The document's responsible person and approver, fetched together in one query:
    ``{"responsible": user or None, "approver": user or None}``."""
    ids = {page.responsible_person_id, page.approver_id} - {None}
    users = get_user_model().objects.only("username", "first_name", "last_name").in_bulk(ids) if ids else {}
    return {"responsible": users.get(page.responsible_person_id), "approver": users.get(page.approver_id)}


@register.filter
def person_name(user):
    """A user's full name, or the user name when no name is given."""
    if not user:
        return ""
    return user.get_full_name() or user.get_username()


@register.filter
def file_size(document):
    """A Wagtail document's size in bytes: the stored figure, else the file's own (no query either way), else
    None when the file is missing."""
    if document is None:
        return None
    if document.file_size:
        return document.file_size
    try:
        return document.file.size
    except (OSError, ValueError):
        return None


@register.simple_tag
def document_outline(body):
    """The outline of a document's body (see handbook.outline): its table of contents and anchored blocks."""
    return build_outline(body)
