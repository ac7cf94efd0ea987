"""The reporter's side: the report forms, the receipt, “My reports”, one case, its files and the board."""

from itertools import chain

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from forms import ratelimit, submission
from forms.models import CaseAttachment, Deviation, ImprovementProposal

CASE_MODELS = (Deviation, ImprovementProposal)
BOARD_PAGE_SIZE = 20


def serve_report_form(request, page):
    if request.method != "POST":
        form = page.get_form(page=page, user=request.user, initial=page.initial_values(request))
        return _render_form(request, page, form)
    form = page.get_form(request.POST, request.FILES, page=page, user=request.user)
    if not form.is_valid():
        return _render_form(request, page, form)
    case = submission.existing_case(page.case_model, form)
    if case is None:
        if ratelimit.exceeded(request.user):
            form.add_error(
                None,
                _(
                    "You have sent %(limit)d reports within the last hour, which is as many as we accept. Wait a "
                    "while and send it again: what you wrote is still in the form."
                )
                % {"limit": ratelimit.limit()},
            )
            return _render_form(request, page, form, status=429)
        case = page.process_form_submission(form)
        ratelimit.record(request.user)
    elif not (case.anonymous or case.reporter_id == request.user.pk):
        raise PermissionDenied  # a submission key is never shared; someone is guessing
    return page.render_landing_page(request, case)


def _render_form(request, page, form, status=200):
    context = page.get_context(request)
    context["form"] = form
    return TemplateResponse(request, page.get_template(request), context, status=status)


def my_reports(request, index):
    """The person's own reports, newest first, and the cases they handle."""
    own = _cases(lambda model: model.objects.filter(reporter=request.user))
    handled = _cases(lambda model: model.objects.filter(handler=request.user).exclude(reporter=request.user))
    context = index.get_context(request)
    context.update({"reports": own, "handled_cases": handled})
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
            "is_reporter": case.reporter_id == request.user.pk,
        }
    )
    return TemplateResponse(request, "forms/case_detail.html", context)


def attachment(request, index, attachment_id):
    item = CaseAttachment.objects.filter(pk=attachment_id).select_related("content_type").first()
    case = item.case if item else None
    if case is None or not case.can_be_viewed_by(request.user):
        raise Http404
    response = FileResponse(item.file.open("rb"), as_attachment=True, filename=item.original_name)
    response["Content-Type"] = item.mime_type
    response["X-Content-Type-Options"] = "nosniff"
    return response


def board_context(request):
    proposals = (
        ImprovementProposal.objects.filter(live=True, on_board=True)
        .only("reference", "public_title", "public_summary", "public_outcome", "status", "received_at")
        .order_by("-received_at")
    )
    status = request.GET.get("status", "")
    if status in dict(ImprovementProposal._meta.get_field("status").choices):
        proposals = proposals.filter(status=status)
    else:
        status = ""
    page_obj = Paginator(proposals, BOARD_PAGE_SIZE).get_page(request.GET.get("side"))
    return {"proposals": page_obj, "status_filter": status}


def _cases(queryset_for):
    cases = chain.from_iterable(
        queryset_for(model).select_related("document", "handler").order_by("-received_at") for model in CASE_MODELS
    )
    return sorted(cases, key=lambda case: case.received_at, reverse=True)


def _find_case(reference):
    prefix = reference.split("-", 1)[0].upper()
    for model in CASE_MODELS:
        if model.reference_prefix == prefix:
            return model.objects.filter(reference=reference.upper()).select_related("document", "handler").first()
    return None
