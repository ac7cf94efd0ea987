"""Template tags for the reporter's side of cases: where the reporting pages are, a case's state, the home panels.

The handbook's document page loads ``report_problem_url`` from here through a project include, so that the
handbook never imports this app. The reporting pages are found once per request, in one query, whatever
the page and however many links it shows.
"""

from urllib.parse import urlencode

from django import template
from wagtail.models import Page

from forms import views
from forms.lifecycle import Status
from forms.models import (
    Deviation,
    DeviationFormPage,
    ProposalBoardPage,
    ProposalFormPage,
    ReportingIndexPage,
)
from forms.uploads import ALLOWED_TYPES

register = template.Library()

PAGES_BY_NAME = {
    "index": ReportingIndexPage,
    "deviation_form": DeviationFormPage,
    "proposal_form": ProposalFormPage,
    "board": ProposalBoardPage,
}
HOME_PANEL_SIZE = 10

# DKFDS badge variants: colour helps, the state's name says it.
STATUS_VARIANTS = {
    Status.RECEIVED: "",
    Status.IN_PROGRESS: "badge-info",
    Status.ACTION_TAKEN: "badge-warning",
    Status.CLOSED: "badge-success",
    Status.REJECTED: "badge-error",
}


# Where the reporting pages are -------------------------------------------------------------------------------


def _request_memo(context, key, compute):
    request = context.get("request")
    memo = request.__dict__.setdefault("_case_tags_memo", {}) if request is not None else {}
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def _fetch_reporting_pages():
    """The first live page of each reporting type by class, in one query.

    Each is its own class without its own fields, which links need none of. Whole rows, not only(): a deferred
    specific page copies every base field, and would load each deferred one with a query of its own."""
    pages = {}
    for page in Page.objects.live().type(*PAGES_BY_NAME.values()).order_by("path"):
        specific = page.get_specific(deferred=True)
        pages.setdefault(type(specific), specific)
    return pages


def _reporting_page(context, name):
    pages = _request_memo(context, "reporting_pages", _fetch_reporting_pages)
    return pages.get(PAGES_BY_NAME[name])


def _page_url(context, name):
    page = _reporting_page(context, name)
    return (page.get_url(request=context.get("request")) or "") if page is not None else ""


def _index_url(context, route, *args):
    base = _page_url(context, "index")
    return base + _reporting_page(context, "index").reverse_subpage(route, args=args) if base else ""


@register.simple_tag(takes_context=True)
def reporting_url(context, name):
    """The URL of a reporting page: index, deviation_form, proposal_form, board, or the route my_reports;
    "" while it is not published."""
    if name == "my_reports":
        return _index_url(context, "my_reports")
    return _page_url(context, name)


@register.simple_tag(takes_context=True)
def reporting_page_title(context, name):
    page = _reporting_page(context, name)
    return page.title if page is not None else ""


@register.simple_tag(takes_context=True)
def case_url(context, case):
    return _index_url(context, "case", case.reference)


@register.simple_tag(takes_context=True)
def attachment_url(context, attachment):
    return _index_url(context, "attachment", attachment.pk)


@register.simple_tag(takes_context=True)
def report_problem_url(context, document, version=""):
    """The deviation form, pre-filled with the document and the version being read; "" without a form."""
    form_url = _page_url(context, "deviation_form")
    if not form_url or not getattr(document, "document_number", ""):
        return ""
    query = {"dokument": document.document_number, "version": version or document.version}
    return f"{form_url}?{urlencode(query)}"


# A case's state ------------------------------------------------------------------------------------------------


@register.filter
def verbose_name(case):
    """“afvigelse” or “forbedringsforslag”."""
    return case._meta.verbose_name


@register.filter
def is_deviation(case):
    return isinstance(case, Deviation)


@register.filter
def status_variant(status):
    return STATUS_VARIANTS.get(status, "")


@register.filter
def last_change(case):
    """When the reporter last saw the case change: its latest published edit or change of state."""
    return max(filter(None, (case.last_published_at, case.status_changed_at, case.received_at)))


@register.simple_tag
def accepted_file_types():
    """The file name endings a report accepts, for the file field's hint: “CSV, DOC, DOCX …”."""
    extensions = {extension for names, _label in ALLOWED_TYPES.values() for extension in names}
    return ", ".join(sorted(extension.lstrip(".").upper() for extension in extensions))


# Lists of cases for one person -------------------------------------------------------------------------------


def _user(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


@register.simple_tag(takes_context=True)
def my_open_reports(context, limit=HOME_PANEL_SIZE):
    """The person's own open reports, newest first (an anonymous report is nobody's)."""
    user = _user(context)
    return views.reported_by(user, open_only=True, limit=limit) if user else []


@register.simple_tag(takes_context=True)
def my_assigned_cases(context, limit=HOME_PANEL_SIZE):
    """The open cases the person handles, soonest due first."""
    user = _user(context)
    return views.handled_by(user, open_only=True, limit=limit) if user else []
