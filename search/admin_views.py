"""What people look for, for the editors: «Hyppigste søgninger» and «Søgninger uden resultater» under Reports.

Both read Wagtail's query log (Query, QueryDailyHits) and our QueryOutcome, which hold query strings and counts
only, never who searched. Each query links to the search page and to its recommended results, so an editor can
act on what the report shows. The hooks that wire them in are in search/wagtail_hooks.py.
"""

import datetime
from urllib.parse import urlencode

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, F, Max, OuterRef, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page
from wagtail.permissions import policy_registry

FREQUENT_URL_NAME = "search_reports:frequent"
ZERO_HITS_URL_NAME = "search_reports:zero_hits"

# Who sees the reports: those who can act on them, by editing documents or by pinning recommended results.
PAGE_PERMISSIONS = ["add", "change", "publish"]
PROMOTION_PERMISSIONS = ["add", "change", "delete"]

PERIOD_CHOICES = [("7", _("Last 7 days")), ("30", _("Last 30 days")), ("365", _("Last 365 days"))]
DEFAULT_PERIOD = "30"


def can_see_reports(user):
    promotions = policy_registry.get_by_type(SearchPromotion)
    pages = policy_registry.get_by_type(Page)
    return pages.user_has_any_permission(user, PAGE_PERMISSIONS) or promotions.user_has_any_permission(
        user, PROMOTION_PERMISSIONS
    )


def can_recommend(user):
    """Wagtail's promotions form for an existing query is its edit view, which asks for "change"."""
    return policy_registry.get_by_type(SearchPromotion).user_has_permission(user, "change")


def period_start(period, today):
    """The first day of a period of ``period`` days ending today."""
    return today - datetime.timedelta(days=int(period) - 1)


def search_url(query_string):
    return f"{reverse('search')}?{urlencode({'q': query_string})}"


def recommend_url(query):
    """Wagtail's promotions form for this query: its edit view, which comes with the query string filled in (the
    add view has no way to be prefilled) and with the recommendations already pinned, if any."""
    return reverse("wagtailsearchpromotions:edit", args=[query.pk])


def with_promotions(queryset):
    return queryset.annotate(has_promotions=Exists(SearchPromotion.objects.filter(query=OuterRef("pk"))))


# Columns ---------------------------------------------------------------------------------------------


class QueryColumn(Column):
    """The query, linking to the search page with it."""

    cell_template_name = "search/admin/query_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["search_url"] = search_url(instance.query_string)
        return context


class DateColumn(Column):
    """A date the Danish way ("24. november 2026"), not Wagtail's "3 days ago"."""

    cell_template_name = "search/admin/date_cell.html"


class RecommendColumn(Column):
    """The way to the query's recommended results; the view shows it only to those who may change them."""

    cell_template_name = "search/admin/recommend_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["recommend_url"] = recommend_url(instance)
        return context


# Filters ---------------------------------------------------------------------------------------------


class FrequentQueriesFilterSet(WagtailFilterSet):
    period = django_filters.ChoiceFilter(
        label=_("Period"),
        choices=PERIOD_CHOICES,
        empty_label=None,
        initial=DEFAULT_PERIOD,
        widget=forms.RadioSelect,
        method="filter_period",
    )

    class Meta:
        model = Query
        fields = []

    def __init__(self, data=None, *args, **kwargs):
        # Without a choice the default period is shown as chosen, and the report is not "filtered".
        if data is not None and not data.get("period"):
            data = data.copy()
            data["period"] = DEFAULT_PERIOD
        super().__init__(data, *args, **kwargs)

    def filter_period(self, queryset, name, value):
        return queryset  # the view counts the searches within the period (FrequentQueriesView.period)


class ZeroHitQueriesFilterSet(WagtailFilterSet):
    period = django_filters.ChoiceFilter(
        label=_("Last searched"),
        choices=PERIOD_CHOICES,
        empty_label=_("Any time"),
        widget=forms.RadioSelect,
        method="filter_period",
    )
    status = django_filters.ChoiceFilter(
        label=_("Hits last time"),
        choices=[("none", _("Still none")), ("some", _("Found something"))],
        empty_label=_("All"),
        widget=forms.RadioSelect,
        method="filter_status",
    )

    class Meta:
        model = Query
        fields = []

    def filter_period(self, queryset, name, value):
        return queryset.filter(outcome__last_searched__gte=period_start(value, timezone.localdate()))

    def filter_status(self, queryset, name, value):
        if value == "none":
            return queryset.filter(outcome__last_hit_count=0)
        return queryset.filter(outcome__last_hit_count__gt=0)


# Reports ---------------------------------------------------------------------------------------------


class QueryReportView(ReportView):
    """What both reports share: who may see them, the search box, a stable order and the export."""

    header_icon = "search"
    is_searchable = True
    search_fields = ["query_string"]  # Query is not in the search index: a plain icontains

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if not can_recommend(request.user):
            self.columns = [column for column in self.columns if not isinstance(column, RecommendColumn)]

    def dispatch(self, request, *args, **kwargs):
        if not can_see_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def today(self):
        return timezone.localdate()

    def order_queryset(self, queryset):
        # A tie-breaker keeps the order (and so the pages) stable.
        ordering = self.ordering or self.default_ordering
        return queryset.order_by(ordering, "query_string")

    def get_filename(self):
        return f"{self.export_filename}-{self.today:%Y-%m-%d}"


class FrequentQueriesView(QueryReportView):
    """Hyppigste søgninger: the queries searched most often within the period, with their hits last time."""

    page_title = _("Most frequent searches")
    results_template_name = "search/admin/frequent_results.html"
    filterset_class = FrequentQueriesFilterSet
    index_url_name = FREQUENT_URL_NAME
    index_results_url_name = "search_reports:frequent_results"
    default_ordering = "-searches"
    export_filename = "hyppigste-soegninger"
    columns = [
        QueryColumn("query_string", label=_("Query"), sort_key="query_string"),
        NumberColumn("searches", label=_("Searches"), sort_key="searches"),
        NumberColumn("last_hit_count", label=_("Hits last time"), sort_key="last_hit_count"),
        DateColumn("last_searched", label=_("Last searched"), sort_key="last_searched"),
        RecommendColumn("recommend", label=_("Recommended results")),
    ]
    list_export = ["query_string", "searches", "last_hit_count", "last_searched"]
    export_headings = {
        "query_string": _("Query"),
        "searches": _("Searches"),
        "last_hit_count": _("Hits last time"),
        "last_searched": _("Last searched"),
    }

    @cached_property
    def period(self):
        if self.filters and self.filters.is_valid():
            return self.filters.form.cleaned_data.get("period") or DEFAULT_PERIOD
        return DEFAULT_PERIOD

    def get_base_queryset(self):
        # Filtering on the daily hits before annotating makes the sum count the period's days only.
        queryset = Query.objects.filter(daily_hits__date__gte=period_start(self.period, self.today)).annotate(
            searches=Sum("daily_hits__hits"),
            last_searched=Max("daily_hits__date"),
            last_hit_count=F("outcome__last_hit_count"),
        )
        return with_promotions(queryset.filter(searches__gt=0))

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["period_label"] = dict(PERIOD_CHOICES)[self.period]
        return context


class ZeroHitQueriesView(QueryReportView):
    """Søgninger uden resultater: the queries whose searches found nothing, most often first."""

    page_title = _("Searches without results")
    results_template_name = "search/admin/zero_hits_results.html"
    filterset_class = ZeroHitQueriesFilterSet
    index_url_name = ZERO_HITS_URL_NAME
    index_results_url_name = "search_reports:zero_hits_results"
    default_ordering = "-zero_hit_searches"
    export_filename = "soegninger-uden-resultater"
    columns = [
        QueryColumn("query_string", label=_("Query"), sort_key="query_string"),
        NumberColumn("zero_hit_searches", label=_("Searches without hits"), sort_key="zero_hit_searches"),
        DateColumn("last_searched", label=_("Last searched"), sort_key="last_searched"),
        NumberColumn("last_hit_count", label=_("Hits last time"), sort_key="last_hit_count"),
        RecommendColumn("recommend", label=_("Recommended results")),
    ]
    list_export = ["query_string", "zero_hit_searches", "last_searched", "last_hit_count"]
    export_headings = {
        "query_string": _("Query"),
        "zero_hit_searches": _("Searches without hits"),
        "last_searched": _("Last searched"),
        "last_hit_count": _("Hits last time"),
    }

    def get_base_queryset(self):
        queryset = Query.objects.filter(outcome__zero_hit_searches__gt=0).annotate(
            zero_hit_searches=F("outcome__zero_hit_searches"),
            last_searched=F("outcome__last_searched"),
            last_hit_count=F("outcome__last_hit_count"),
        )
        return with_promotions(queryset)
