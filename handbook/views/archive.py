"""The readers' archive of withdrawn documents («Udgåede dokumenter»): the list, and each withdrawn document with
its whole version history, every page marked «Udgået – ikke gældende».

A withdrawn document is unpublished, so Wagtail no longer serves it or its version routes; the archive shows it
from the register of published versions (DocumentVersion) and the revisions it names, as the version history does
(handbook/views/history.py). Like every page of the intranet it needs a login (the middleware), and a document
below a view restriction stays behind it here too.
"""

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.models import PageViewRestriction, Revision

from handbook.models import DocumentReview, DocumentWithdrawal, HandbookIndexPage
from handbook.views.history import as_published, can_be_opened, history_entries, published_versions

PER_PAGE = 50
INDEX_URL_NAME = "handbook_archive"
DOCUMENT_URL_NAME = "handbook_archived_document"
VERSION_URL_NAME = "handbook_archived_version"


def archive_url():
    return reverse(INDEX_URL_NAME)


def archived_document_url(document):
    return reverse(DOCUMENT_URL_NAME, args=[document.document_number])


def replacement_url(request, replacement):
    """Where a replacement is read: its page while it is in force, its place in the archive once it is withdrawn."""
    if replacement is None:
        return ""
    if not replacement.live and _is_withdrawn(replacement):
        return archived_document_url(replacement)
    return replacement.get_url(request=request) or ""


def _is_withdrawn(document):
    """Whether the document is withdrawn; no query when its withdrawal was read along with it (select_related)."""
    try:
        document.withdrawal  # noqa: B018
    except DocumentWithdrawal.DoesNotExist:
        return False
    return True


def _hidden_paths(request):
    """The paths under a view restriction that the reader does not pass."""
    return [
        restriction.page.path
        for restriction in PageViewRestriction.objects.select_related("page")
        if not restriction.accept_request(request)
    ]


def _visible(withdrawals, request):
    hidden = _hidden_paths(request)
    if hidden:
        below = Q()
        for path in hidden:
            below |= Q(document__path__startswith=path)
        withdrawals = withdrawals.exclude(below)
    return withdrawals


def _handbook():
    return HandbookIndexPage.objects.live().first()


def archive_index(request):
    withdrawals = _visible(
        DocumentWithdrawal.objects.select_related("document", "replaced_by", "replaced_by__withdrawal").order_by(
            "-withdrawn_at", "-pk"
        ),
        request,
    )
    pages = Paginator(withdrawals, PER_PAGE).get_page(request.GET.get("side"))
    for record in pages:
        record.replacement_url = replacement_url(request, record.replaced_by)
        record.archive_url = archived_document_url(record.document)
    return TemplateResponse(
        request,
        "handbook/archive/index.html",
        {
            "withdrawals": pages,
            "page_obj": pages,
            "page_range": pages.paginator.get_elided_page_range(pages.number, on_each_side=2, on_ends=1),
            "handbook": _handbook(),
        },
    )


def _withdrawal_for(request, number):
    record = (
        _visible(
            DocumentWithdrawal.objects.select_related("document", "replaced_by", "replaced_by__withdrawal"), request
        )
        .filter(document__document_number=number)
        .first()
    )
    if record is None:
        raise Http404
    return record


def archived_document(request, number):
    return _render_version(request, _withdrawal_for(request, number), None)


def archived_version(request, number, major, minor):
    return _render_version(request, _withdrawal_for(request, number), (major, minor))


def _render_version(request, record, wanted):
    document = record.document.specific
    versions = published_versions(document)
    last = versions[0] if versions else None
    base_url = archived_document_url(document)
    if wanted is not None:
        if last is not None and wanted == (last.major, last.minor):
            return redirect(base_url)
        shown = next((v for v in versions if (v.major, v.minor) == wanted and can_be_opened(v)), None)
        if shown is None:
            raise Http404
    else:
        shown = last if last is not None and can_be_opened(last) else None

    if shown is None:
        # Never published: its draft was never in force, and drafts are shown to no reader.
        page = document
        page.summary, page.body, page.attachments = "", [], []
    else:
        revision = Revision.objects.filter(pk=shown.revision_id, object_id=str(document.pk)).only("content").first()
        if revision is None:
            raise Http404
        page = as_published(document, revision, shown)

    # The history's newest entry is the last version before the withdrawal, read here; older ones below it.
    if last is not None:
        document.version_major, document.version_minor = last.major, last.minor
    reviews = list(DocumentReview.objects.filter(document_id=document.pk).select_related("reviewed_by"))
    context = page.get_context(request)
    context.update(
        {
            "document": document,
            "withdrawal": record,
            "historical_version": shown,
            "last_version": last,
            "is_last_version": shown is not None and shown is last,
            "entries": history_entries(document, versions, reviews, base_url),
            "document_url": base_url,
            "archive_url": archive_url(),
            "replacement_url": replacement_url(request, record.replaced_by),
            "handbook": _handbook(),
        }
    )
    return TemplateResponse(request, "handbook/archive/document.html", context)
