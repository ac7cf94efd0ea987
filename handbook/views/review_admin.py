"""The admin side of periodic review: the report of documents due for review, the dashboard panel and the view in
which an approver records a review without change. The hooks that wire them in are in
handbook/wagtail_hooks/review.py."""

from urllib.parse import urlencode

import django_filters
from django import forms
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Left, Length
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permissions import policy_registry

from handbook import review, roles
from handbook.models import ControlledDocumentPage
from handbook.templatetags.handbook_tags import person_name
from handbook.views.document_admin import DocumentActionView, DocumentFilterSet

REPORT_URL_NAME = "handbook_review:report"
REPORT_RESULTS_URL_NAME = "handbook_review:report_results"
REVIEW_URL_NAME = "handbook_review:review"
# Who sees the report: anyone who may edit handbook pages (editors, approvers, administrators).
REPORT_PERMISSIONS = ["add", "change", "publish"]


def page_permission_policy():
    return policy_registry.get_by_type(Page)


def can_see_report(user):
    return page_permission_policy().user_has_any_permission(user, REPORT_PERMISSIONS)


def review_url(document, next_url=""):
    """The address of the review-without-change view for a document, returning to ``next_url`` afterwards."""
    url = reverse(REVIEW_URL_NAME, args=[document.pk])
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def format_date(value):
    return date_format(value, "j. F Y") if value else ""


# The report ------------------------------------------------------------------------------------------


class ReviewReportFilterSet(DocumentFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        empty_label=_("Overdue and due soon"),
        choices=[(review.OVERDUE, _("Overdue")), (review.DUE_SOON, _("Due within 30 days"))],
        method="filter_status",
    )

    class Meta:
        model = ControlledDocumentPage
        fields = []

    def filter_status(self, queryset, name, value):
        return review.filter_by_status(queryset, value)


class NextReviewColumn(Column):
    cell_template_name = "handbook/admin/review/next_review_cell.html"


class ReviewActionColumn(Column):
    cell_template_name = "handbook/admin/review/review_action_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context["review_url"] = review_url(instance, request.get_full_path() if request else "")
        return context


def section_title():
    """The title of a document's parent (its section), as a subquery on the parent's path."""
    parent_path = Left(OuterRef("path"), Length(OuterRef("path")) - Page.steplen)
    return Subquery(Page.objects.filter(path=parent_path).values("title")[:1])


class ReviewReportView(ReportView):
    """Dokumenter til gennemgang: live documents overdue or due within 30 days, in a fixed number of queries."""

    page_title = _("Documents due for review")
    header_icon = "time"
    template_name = "wagtailadmin/reports/base_report.html"
    results_template_name = "handbook/admin/review/report_results.html"
    filterset_class = ReviewReportFilterSet
    index_url_name = REPORT_URL_NAME
    index_results_url_name = REPORT_RESULTS_URL_NAME
    default_ordering = "next_review_date"
    model = Page  # for the permission policy: the report is for those who may edit pages
    any_permission_required = REPORT_PERMISSIONS
    columns = [
        Column("document_number", label=_("Number"), sort_key="document_number", classname="w-whitespace-nowrap"),
        TitleColumn("title", label=_("Title"), url_name="wagtailadmin_pages:edit", sort_key="title"),
        Column("section_title", label=_("Section"), sort_key="section_title"),
        Column("owner_team_name", label=_("Owner (team)"), sort_key="owner_team_name"),
        Column(
            "responsible", label=_("Responsible"), accessor=lambda document: person_name(document.responsible_person)
        ),
        NextReviewColumn("next_review_date", label=_("Next review"), sort_key="next_review_date"),
        ReviewActionColumn("review_action", label=_("Actions")),
    ]
    list_export = [
        "document_number",
        "title",
        "section_title",
        "owner_team_name",
        "responsible",
        "next_review_date",
        "status",
    ]
    export_headings = {
        "document_number": _("Number"),
        "title": _("Title"),
        "section_title": _("Section"),
        "owner_team_name": _("Owner (team)"),
        "responsible": _("Responsible"),
        "next_review_date": _("Next review"),
        "status": _("Status"),
    }

    @cached_property
    def today(self):
        return timezone.localdate()

    def get_filename(self):
        return f"dokumenter-til-gennemgang-{self.today:%Y-%m-%d}"

    def get_queryset(self):
        self.queryset = (
            review.due_for_review(self.today)
            .select_related("responsible_person")
            .annotate(section_title=section_title(), owner_team_name=F("owner_team__name"))
        )
        return super().get_queryset()

    def order_queryset(self, queryset):
        # A tie-breaker keeps the order (and so the pages) stable.
        ordering = self.ordering or self.default_ordering
        return queryset.order_by(ordering, "document_number", "pk")

    def decorate_paginated_queryset(self, object_list):
        documents = list(object_list)
        user = self.request.user
        for document in documents:
            # The user's page permissions are fetched once and cached on the user: no query per document.
            document.can_review = review.can_review(user, document)
        return documents

    def to_row_dict(self, item):
        return {
            "document_number": item.document_number,
            "title": item.title,
            "section_title": item.section_title or "",
            "owner_team_name": item.owner_team_name or "",
            "responsible": person_name(item.responsible_person),
            "next_review_date": item.next_review_date,
            "status": str(_("Overdue") if item.is_overdue else _("Due soon")),
        }


# The dashboard panel ---------------------------------------------------------------------------------


# What the panel's rows need, including what a permission check on each reads (path, depth, live).
PANEL_FIELDS = (
    "id",
    "title",
    "path",
    "depth",
    "live",
    "content_type",
    "document_number",
    "next_review_date",
    "review_interval_months",
    "responsible_person",
)


class DueReviewsPanel(Component):
    """The dashboard's panel: the user's own documents due for review and, for an approver, the handbook's
    overdue count with a link to the report."""

    name = "handbook_due_reviews"
    template_name = "handbook/admin/review/dashboard_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        user = request.user
        documents = list(review.due_for_person(user).only(*PANEL_FIELDS))
        for document in documents:
            document.can_review = review.can_review(user, document)
        is_approver = roles.is_unit_manager(user)
        return {
            "documents": documents,
            "is_approver": is_approver,
            "overdue_count": review.overdue_for_review().count() if is_approver else None,
            "report_url": reverse(REPORT_URL_NAME),
            "next_url": request.get_full_path(),
            "request": request,
        }


# Review without change -------------------------------------------------------------------------------


class ReviewWithoutChangeForm(forms.Form):
    note = forms.CharField(
        label=_("Remark"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Optional: what you checked, or why the document still holds."),
    )


class ReviewWithoutChangeView(DocumentActionView):
    """GET asks the approver to confirm (with an optional note); POST records the review and redirects."""

    template_name = "handbook/admin/review/review_without_change.html"
    forbidden_template_name = "handbook/admin/review/forbidden.html"
    page_title = _("Reviewed without change")
    header_icon = "calendar-check"

    def may_act(self, user, document):
        return review.can_review(user, document)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(REPORT_URL_NAME), "label": gettext("Documents due for review")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def get_success_url(self):
        return self.next_url or reverse("wagtailadmin_pages:edit", args=[self.document.pk])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        context.update(
            document=self.document,
            new_review_date=review.next_review_after_review(self.document, today),
            status=review.review_status(self.document, today),
            next_url=self.next_url,
            cancel_url=self.get_success_url(),
            action_url=self.request.get_full_path(),
        )
        return context

    def render(self, form):
        return self.render_to_response(self.get_context_data(form=form))

    def get(self, request, *args, **kwargs):
        return self.render(ReviewWithoutChangeForm())

    def post(self, request, *args, **kwargs):
        form = ReviewWithoutChangeForm(request.POST)
        if not self.document.live:
            messages.error(request, gettext("Only a published document can be reviewed without change."))
            return redirect(request.get_full_path())
        if not form.is_valid():
            messages.validation_error(
                request, gettext("The review could not be recorded. Correct the error below."), form
            )
            return self.render(form)
        try:
            document_review, created = review.record_review_without_change(
                self.document, request.user, form.cleaned_data["note"]
            )
        except review.ReviewRefused:
            messages.error(request, gettext("Only a published document can be reviewed without change."))
            return redirect(request.get_full_path())
        values = {
            "document": self.document.get_admin_display_title(),
            "date": format_date(document_review.next_review_date),
        }
        if created:
            messages.success(
                request, gettext("%(document)s was reviewed without change. Next review: %(date)s.") % values
            )
        else:
            messages.info(
                request,
                gettext("Your review of %(document)s was already recorded. Next review: %(date)s.") % values,
            )
        return redirect(self.get_success_url())
