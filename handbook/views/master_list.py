"""«Dokumentoversigt»: the master list of controlled documents for the auditor (ISO 9001 7.5.3), in the admin.

Every controlled document with its number, title, type, version, status, section, owner, approver, effective date
and next review; filtered by status, type, section and owner; exported as CSV or XLSX. The status is computed in
the database (``with_status``), so the list, its counts and the exports are one query each and always agree:

- udgået (withdrawn): it has a DocumentWithdrawal;
- planlagt (planned): not live, and not withdrawn (a go-live scheduled, or never published);
- under revision: live, with unpublished changes or an approval workflow in progress;
- gældende (in force): live, and none of the above.

The hooks that wire it in are in handbook/wagtail_hooks/master_list.py.
"""

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Case, CharField, Count, Exists, F, OuterRef, Q, Value, When
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page, WorkflowState
from wagtail.permissions import policy_registry

from handbook.models import (
    ControlledDocumentPage,
    DocumentWithdrawal,
    InstructionPage,
    PolicyPage,
    ProcedurePage,
)
from handbook.templatetags.handbook_tags import person_name
from handbook.views.document_admin import DocumentFilterSet
from handbook.views.review_admin import section_title

INDEX_URL_NAME = "handbook_master_list:index"
RESULTS_URL_NAME = "handbook_master_list:results"

CURRENT = "current"
UNDER_REVISION = "revision"
PLANNED = "planned"
WITHDRAWN = "withdrawn"
STATUSES = [
    (CURRENT, _("In force")),
    (UNDER_REVISION, _("Under revision")),
    (PLANNED, _("Planned")),
    (WITHDRAWN, _("Withdrawn")),
]
STATUS_LABELS = dict(STATUSES)
DOCUMENT_TYPES = [("policy", PolicyPage), ("procedure", ProcedurePage), ("instruction", InstructionPage)]

# Who sees the list: anyone who edits or approves handbook pages somewhere, the quality group and administrators.
PAGE_PERMISSIONS = ["add", "change", "publish"]
# Held by approvers, the quality group and administrators (handbook/roles.py).
ROLE_PERMISSION = "handbook.view_acknowledgement"


def can_see_master_list(user):
    """Editors, approvers, the quality group and administrators. The role groups are recognised by a permission
    they hold (``setup_roles``), read from the permissions Django has loaded already: the admin menu asks on every
    page, and must not cost a query."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    if not user.has_perm("wagtailadmin.access_admin"):
        return False
    if user.has_perm(ROLE_PERMISSION):
        return True
    return policy_registry.get_by_type(Page).user_has_any_permission(user, PAGE_PERMISSIONS)


def with_status(queryset):
    """The documents annotated with ``status`` (CURRENT, UNDER_REVISION, PLANNED or WITHDRAWN), in the query."""
    in_workflow = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
        status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
    )
    withdrawn = DocumentWithdrawal.objects.filter(document_id=OuterRef("pk"))
    return queryset.annotate(
        status=Case(
            When(Exists(withdrawn), then=Value(WITHDRAWN)),
            When(live=False, then=Value(PLANNED)),
            When(Q(has_unpublished_changes=True) | Exists(in_workflow), then=Value(UNDER_REVISION)),
            default=Value(CURRENT),
            output_field=CharField(),
        )
    )


def status_counts(queryset):
    """{status: number of documents} for every status (0 where none), and "total"."""
    if "status" not in queryset.query.annotations:
        queryset = with_status(queryset)
    rows = queryset.order_by().values("status").annotate(count=Count("pk")).values_list("status", "count")
    counts = dict.fromkeys(STATUS_LABELS, 0)
    counts.update(rows)
    counts["total"] = sum(counts[status] for status in STATUS_LABELS)
    return counts


def danish_date(value):
    return date_format(value, "j. F Y") if value else ""


def spreadsheet_text(value):
    """Text as a spreadsheet cell takes it: without the control characters that XLSX cannot store."""
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


class MasterListFilterSet(DocumentFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), empty_label=_("All statuses"), choices=STATUSES)
    document_type = django_filters.ChoiceFilter(
        label=_("Type"),
        empty_label=_("All types"),
        choices=[(key, model._meta.verbose_name) for key, model in DOCUMENT_TYPES],
        method="filter_type",
    )

    class Meta:
        model = ControlledDocumentPage
        fields = []

    def filter_type(self, queryset, name, value):
        model = dict(DOCUMENT_TYPES).get(value)
        return queryset.filter(content_type=ContentType.objects.get_for_model(model)) if model else queryset


class StatusColumn(Column):
    cell_template_name = "handbook/admin/master_list/status_cell.html"


class MasterListView(ReportView):
    page_title = _("Document overview")
    header_icon = "list-ul"
    template_name = "wagtailadmin/reports/base_report.html"
    results_template_name = "handbook/admin/master_list/results.html"
    filterset_class = MasterListFilterSet
    index_url_name = INDEX_URL_NAME
    index_results_url_name = RESULTS_URL_NAME
    default_ordering = "document_number"
    paginate_by = 100
    columns = [
        Column("document_number", label=_("Number"), sort_key="document_number", classname="w-whitespace-nowrap"),
        TitleColumn("title", label=_("Title"), url_name="wagtailadmin_pages:edit", sort_key="title"),
        Column("type_label", label=_("Type")),
        Column("version_label", label=_("Version")),
        StatusColumn("status", label=_("Status"), sort_key="status"),
        Column("section_title", label=_("Section"), sort_key="section_title"),
        Column("owner_team_name", label=_("Owner (team)"), sort_key="owner_team_name"),
        Column("approver_name", label=_("Approver")),
        Column("effective", label=_("Effective from"), sort_key="effective_date"),
        Column("next_review", label=_("Next review"), sort_key="next_review_date"),
    ]
    list_export = [
        "document_number",
        "title",
        "type_label",
        "version_label",
        "status_label",
        "section_title",
        "owner_team_name",
        "approver_name",
        "effective_date",
        "next_review_date",
    ]
    export_headings = {
        "document_number": _("Number"),
        "title": _("Title"),
        "type_label": _("Type"),
        "version_label": _("Version"),
        "status_label": _("Status"),
        "section_title": _("Section"),
        "owner_team_name": _("Owner (team)"),
        "approver_name": _("Approver"),
        "effective_date": _("Effective from"),
        "next_review_date": _("Next review"),
    }
    # Text only: dates and numbers keep their own types in the spreadsheet.
    custom_value_preprocess = {
        **ReportView.custom_value_preprocess,
        str: {ReportView.FORMAT_XLSX: spreadsheet_text},
    }

    def dispatch(self, request, *args, **kwargs):
        if not can_see_master_list(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def today(self):
        return timezone.localdate()

    def get_filename(self):
        return f"dokumentoversigt-{self.today:%Y-%m-%d}"

    def get_queryset(self):
        self.queryset = (
            with_status(ControlledDocumentPage.objects.all())
            .select_related("approver")
            .annotate(section_title=section_title(), owner_team_name=F("owner_team__name"))
        )
        return super().get_queryset()

    def order_queryset(self, queryset):
        ordering = self.ordering or self.default_ordering
        return queryset.order_by(ordering, "document_number", "pk")

    def decorate_paginated_queryset(self, object_list):
        return [self.decorate(document) for document in object_list]

    def decorate(self, document):
        document.status_label = str(STATUS_LABELS.get(document.status, ""))
        model = document.specific_class
        document.type_label = str(model._meta.verbose_name).capitalize() if model else ""
        document.version_label = document.version if document.first_published_at else "–"
        document.approver_name = person_name(document.approver)
        document.effective = danish_date(document.effective_date)
        document.next_review = danish_date(document.next_review_date)
        return document

    def to_row_dict(self, item):
        self.decorate(item)
        return {
            "document_number": item.document_number,
            "title": item.title,
            "type_label": item.type_label,
            "version_label": item.version_label,
            "status_label": item.status_label,
            "section_title": item.section_title or "",
            "owner_team_name": item.owner_team_name or "",
            "approver_name": item.approver_name,
            "effective_date": item.effective_date,
            "next_review_date": item.next_review_date,
        }

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        counts = status_counts(self.object_list)
        context["status_counts"] = [(key, label, counts[key]) for key, label in STATUSES]
        context["total_count"] = counts["total"]
        return context
