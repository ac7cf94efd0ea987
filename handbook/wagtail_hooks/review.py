"""Periodic review in the admin: the report "Dokumenter til gennemgang" (Reports menu), the dashboard panel, the
"Gennemgået uden ændringer" view reached from a document's actions, and its entry in the audit log."""

import datetime

from django.urls import include, path, reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter

from handbook import review
from handbook.models import ControlledDocumentPage
from handbook.views import review_admin


@hooks.register("register_admin_urls")
def register_review_urls():
    urls = [
        path("", review_admin.ReviewReportView.as_view(), name="report"),
        path("results/", review_admin.ReviewReportView.as_view(results_only=True), name="report_results"),
        path("<int:page_id>/", review_admin.ReviewWithoutChangeView.as_view(), name="review"),
    ]
    return [path("handbook/review/", include((urls, "handbook_review"), namespace="handbook_review"))]


class ReviewReportMenuItem(MenuItem):
    def is_shown(self, request):
        return review_admin.can_see_report(request.user)


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return ReviewReportMenuItem(
        _("Documents due for review"),
        reverse(review_admin.REPORT_URL_NAME),
        name="handbook-review",
        icon_name="time",
        order=1050,
    )


@hooks.register("construct_homepage_panels")
def add_due_reviews_panel(request, panels):
    panels.append(review_admin.DueReviewsPanel())


def _review_button(page, user, next_url, priority):
    """The "Reviewed without change" action for a live controlled document the user may publish, else None."""
    if page.specific_class is None or not issubclass(page.specific_class, ControlledDocumentPage):
        return None
    if not page.live or not review.can_review(user, page):
        return None
    return Button(
        _("Reviewed without change"),
        review_admin.review_url(page, next_url or ""),
        icon_name="calendar-check",
        priority=priority,
    )


@hooks.register("register_page_header_buttons")
def review_header_button(page, user, view_name, next_url=None):
    button = _review_button(page, user, next_url, priority=66)
    return [button] if button else []


@hooks.register("register_page_listing_more_buttons")
def review_listing_button(page, user, next_url=None):
    button = _review_button(page, user, next_url, priority=45)
    return [button] if button else []


class ReviewedWithoutChangeFormatter(LogFormatter):
    label = _("Reviewed without change")

    def format_message(self, log_entry):
        try:
            date = datetime.date.fromisoformat(log_entry.data["next_review_date"])
        except (KeyError, TypeError, ValueError):
            return _("Reviewed without change")
        return _("Reviewed without change. Next review: %(date)s") % {"date": date_format(date, "j. F Y")}

    def format_comment(self, log_entry):
        return (log_entry.data or {}).get("note", "")


@hooks.register("register_log_actions")
def register_review_log_action(actions):
    actions.register_action(review.REVIEWED_WITHOUT_CHANGE)(ReviewedWithoutChangeFormatter)
