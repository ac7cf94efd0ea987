"""What people look for, in the admin's Reports menu: «Hyppigste søgninger» and «Søgninger uden resultater»
(search/admin_views.py). They supersede Wagtail's own "Search terms" report, which is taken off the menu."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search import admin_views

# Wagtail's report of the same counts, for superusers only, without periods, outcomes or links to act on.
WAGTAIL_SEARCH_TERMS_MENU_ITEM = "search-terms"


@hooks.register("register_admin_urls")
def register_report_urls():
    frequent = admin_views.FrequentQueriesView
    zero_hits = admin_views.ZeroHitQueriesView
    urls = [
        path("frequent/", frequent.as_view(), name="frequent"),
        path("frequent/results/", frequent.as_view(results_only=True), name="frequent_results"),
        path("zero-hits/", zero_hits.as_view(), name="zero_hits"),
        path("zero-hits/results/", zero_hits.as_view(results_only=True), name="zero_hits_results"),
    ]
    return [path("search-queries/", include((urls, "search_reports"), namespace="search_reports"))]


class QueryReportMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_see_reports(request.user)


@hooks.register("register_reports_menu_item")
def register_frequent_queries_menu_item():
    return QueryReportMenuItem(
        _("Most frequent searches"),
        reverse(admin_views.FREQUENT_URL_NAME),
        name="search-frequent",
        icon_name="search",
        order=1300,
    )


@hooks.register("register_reports_menu_item")
def register_zero_hit_queries_menu_item():
    return QueryReportMenuItem(
        _("Searches without results"),
        reverse(admin_views.ZERO_HITS_URL_NAME),
        name="search-zero-hits",
        icon_name="warning",
        order=1310,
    )


@hooks.register("construct_reports_menu")
def hide_wagtail_search_terms_report(request, menu_items):
    menu_items[:] = [item for item in menu_items if item.name != WAGTAIL_SEARCH_TERMS_MENU_ITEM]
