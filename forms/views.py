"""The reporter's side: the report forms, the receipt, “My reports”, one case, its files and the board.

A case is shown only to its reporter, its handler and those with a permission on cases (the WorkSmarter
group); anyone else gets the same 404 as for a reference that does not exist.
"""

from itertools import chain
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import F
from django.http import FileResponse, Http404
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from forms import ratelimit, submission
from forms.lifecycle import OPEN_STATES, Status
from forms.models import CaseAttachment, Deviation, ImprovementProposal
from forms.report_form import read_version
from handbook.models import ControlledDocumentPage

CASE_MODELS = (Deviation, ImprovementProposal)
BOARD_PAGE_SIZE = 20
# What the board may read of a proposal: its public text, state and date, never the report itself.
BOARD_FIELDS = ("reference", "public_title", "public_summary", "public_outcome", "status", "received_at")


# The form and the receipt


def serve_report_form(request, page):
    if request.method != "POST":
        form = page.get_form(page=page, user=request.user, initial=page.initial_values(request))
        return _render_form(request, page, form)
    form = page.get_form(request.POST, request.FILES, page=page, user=request.user)
    if not form.is_valid():
        return _render_form(request, page, form)
    case = submission.existing_case(page.case_model, form)
    if case is None:
        # An anonymous report is counted with the other anonymous ones, under nothing derived from its sender.
        sender = None if form.cleaned_data["anonymous"] else request.user
        if ratelimit.exceeded(sender):
            form.add_error(None, _rate_limit_message(sender is None))
            return _render_form(request, page, form, status=429)
        case = page.process_form_submission(form)
        ratelimit.record(sender)
    # A case found by the key is this person's own: the stored key is bound to who sent it.
    return page.render_landing_page(request, case)


def _rate_limit_message(anonymous):
    if anonymous:
        return _(
            "So many anonymous reports have arrived within the last hour that we accept no more for now. Wait a "
            "while and send it again: what you wrote is still in the form."
        )
    return _(
        "You have sent %(limit)d reports within the last hour, which is as many as we accept. Wait a "
        "while and send it again: what you wrote is still in the form."
    ) % {"limit": ratelimit.limit()}


def _render_form(request, page, form, status=200):
    context = page.get_context(request)
    context["form"] = form
    context["reported_document"] = reported_document(form)
    return TemplateResponse(request, page.get_template(request), context, status=status)


def reported_document(form):
    """The handbook document the report is about as the form stands, with the version being read: a dict of
    ``document`` and ``version``, or None. Opened from a document, it is the one in the address."""
    if form.is_bound:
        cleaned = getattr(form, "cleaned_data", {})
        document, version = cleaned.get("document"), cleaned.get("document_version", "")
    else:
        number = (form.initial.get("document") or "").strip()
        documents = ControlledDocumentPage.objects.live().filter(document_number__iexact=number)
        document = documents.first() if number else None
        version = read_version(document, form.initial.get("document_version"))
    if document is None:
        return None
    return {"document": document, "version": version or document.version}


# “My reports” and one case


def reported_by(user, *, open_only=False, limit=None):
    """The person's own reports, deviations and proposals together, newest first. An anonymous report has no
    reporter, so it is nobody's here."""
    return _newest_first(_per_model(lambda model: model.objects.filter(reporter=user), open_only, limit), limit)


def handled_by(user, *, open_only=False, limit=None):
    """The cases the person handles: the open ones first, soonest due first, then the finished ones."""

    def queryset(model):
        return model.objects.filter(handler=user).order_by(F("due_date").asc(nulls_last=True), "-received_at")

    return sorted(_per_model(queryset, open_only, limit), key=_handling_order)[:limit]


def _per_model(queryset_for, open_only, limit):
    querysets = []
    for model in CASE_MODELS:
        queryset = queryset_for(model).select_related("document", "handler")
        if open_only:
            queryset = queryset.filter(status__in=OPEN_STATES)
        querysets.append(queryset[:limit] if limit else queryset)
    return chain.from_iterable(querysets)


def _newest_first(cases, limit=None):
    return sorted(cases, key=lambda case: case.received_at, reverse=True)[:limit]


def _handling_order(case):
    if not case.is_open:
        return (2, 0, -case.received_at.timestamp())
    if case.due_date is None:
        return (1, 0, -case.received_at.timestamp())
    return (0, case.due_date.toordinal(), -case.received_at.timestamp())


def my_reports(request, index):
    """The person's own reports, newest first, and the cases they handle."""
    context = index.get_context(request)
    context.update({"reports": reported_by(request.user), "handled_cases": handled_by(request.user)})
    return TemplateResponse(request, "forms/my_reports.html", context)


def case_detail(request, index, reference):
    case = _find_case(reference)
    if case is None or not case.can_be_viewed_by(request.user):
        raise Http404  # the same answer whether the case exists or not
    context = index.get_context(request)
    context.update(
        {
            "case": case,
            "attachments": case.attachments.all(),
            "status_changes": case.status_changes,
            "is_reporter": case.reporter_id is not None and case.reporter_id == request.user.pk,
        }
    )
    response = TemplateResponse(request, "forms/case_detail.html", context)
    patch_cache_control(response, private=True, no_store=True)
    return response


def attachment(request, index, attachment_id):
    item = CaseAttachment.objects.filter(pk=attachment_id).select_related("content_type").first()
    case = item.case if item else None
    if case is None or not case.can_be_viewed_by(request.user):
        raise Http404
    try:
        file = item.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None  # a file lost from the disk is a missing page, not a server error
    response = FileResponse(file, as_attachment=True, filename=item.original_name)
    response["Content-Type"] = item.mime_type
    response["X-Content-Type-Options"] = "nosniff"
    # Opened by mistake in the browser's own tab, the file can run nothing of ours.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    patch_cache_control(response, private=True, no_store=True)
    return response


def _find_case(reference):
    prefix = reference.split("-", 1)[0].upper()
    for model in CASE_MODELS:
        if model.reference_prefix == prefix:
            return (
                model.objects.filter(reference=reference.upper())
                .select_related("document", "handler", "reporter")
                .first()
            )
    return None


# The board


def board_context(request):
    """The moderated proposals on the board, newest first, by state if asked for, a page at a time.

    Only a proposal's published row is read (a moderator's draft lives in its revisions), and of it only the
    public fields.
    """
    proposals = (
        ImprovementProposal.objects.filter(live=True, on_board=True).only(*BOARD_FIELDS).order_by("-received_at")
    )
    status = request.GET.get("status", "")
    if status in Status.values:
        proposals = proposals.filter(status=status)
    else:
        status = ""
    page_obj = Paginator(proposals, BOARD_PAGE_SIZE).get_page(request.GET.get("side"))
    return {
        "proposals": page_obj,
        "status_filter": status,
        "status_choices": Status.choices,
        "base_query": urlencode({"status": status}) if status else "",
        "page_range": page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1),
    }
