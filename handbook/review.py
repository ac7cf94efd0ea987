"""Periodic review of controlled documents (ISO 9001 7.5.2/7.5.3): what is due, and reviews without change.

A document is *overdue* when its next review date has passed, and *due* when that date falls within the next
``REVIEW_WINDOW_DAYS`` days (today included). Publishing a new version sets the next review date (see
handbook.versioning); an approver who finds that the document still holds records a review without change,
which moves the date on by the document's interval without a new version.
"""

import datetime

from django.db import transaction
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.utils import timezone
from wagtail.log_actions import log

from handbook import roles
from handbook.dates import add_months
from handbook.models import ControlledDocumentPage, DocumentReview

REVIEW_WINDOW_DAYS = 30
# The audit log's action for a review without change; its label is registered in handbook/wagtail_hooks/review.py.
REVIEWED_WITHOUT_CHANGE = "handbook.reviewed_without_change"
# A second record by the same person for the same document within this time is a double submit, not a review.
DUPLICATE_WINDOW = datetime.timedelta(minutes=1)

OVERDUE = "overdue"
DUE_SOON = "due"


class ReviewRefused(Exception):
    """The document cannot be reviewed without change (it is not published)."""


def review_horizon(today=None):
    """The last next-review date that counts as due: today plus the review window."""
    return (today or timezone.localdate()) + datetime.timedelta(days=REVIEW_WINDOW_DAYS)


def due_for_review(today=None):
    """Live controlled documents overdue or due within the window, soonest first, each annotated ``is_overdue``."""
    today = today or timezone.localdate()
    return (
        ControlledDocumentPage.objects.live()
        .filter(next_review_date__isnull=False, next_review_date__lte=review_horizon(today))
        .annotate(is_overdue=ExpressionWrapper(Q(next_review_date__lt=today), output_field=BooleanField()))
        .order_by("next_review_date", "document_number")
    )


def overdue_for_review(today=None):
    """Live controlled documents whose next review date has passed."""
    today = today or timezone.localdate()
    return due_for_review(today).filter(next_review_date__lt=today)


def due_for_person(user, today=None):
    """The documents due or overdue for review that ``user`` is the responsible person for."""
    if user is None or not user.is_authenticated:
        return ControlledDocumentPage.objects.none()
    return due_for_review(today).filter(responsible_person=user)


def filter_by_status(queryset, status, today=None):
    """Narrows a due-for-review queryset to OVERDUE or DUE_SOON documents; any other status leaves it as it is."""
    today = today or timezone.localdate()
    if status == OVERDUE:
        return queryset.filter(next_review_date__lt=today)
    if status == DUE_SOON:
        return queryset.filter(next_review_date__gte=today, next_review_date__lte=review_horizon(today))
    return queryset


def review_status(document, today=None):
    """OVERDUE, DUE_SOON or None for a document, by its next review date."""
    today = today or timezone.localdate()
    if document.next_review_date is None:
        return None
    if document.next_review_date < today:
        return OVERDUE
    if document.next_review_date <= review_horizon(today):
        return DUE_SOON
    return None


def next_review_after_review(document, today=None):
    """The next review date that a review recorded today gives the document: today plus its interval."""
    return add_months(today or timezone.localdate(), document.review_interval_months)


def can_review(user, document):
    """Whether ``user`` may record a review without change: a unit manager for the document."""
    return roles.is_approver(user, document)


def record_review_without_change(document, user, note=""):
    """Records that ``user`` reviewed the live ``document`` and found that it still holds.

    Moves its next review date to today plus its review interval without a new version or revision: the live page
    row is updated in place, and so is the content of its latest revision, so that the edit form (and a later
    draft) starts from the new date. Writes a DocumentReview and an entry in Wagtail's audit log.

    Returns ``(review, created)``. A second record by the same person for the same document within
    DUPLICATE_WINDOW is taken for a double submit: nothing is recorded and the earlier review is returned with
    ``created=False``. Raises ReviewRefused for a document that is not live. The permission check is the caller's
    (see ``can_review``).
    """
    note = (note or "").strip()
    with transaction.atomic():
        # Locking the row makes concurrent submits of the same document wait for each other.
        current = ControlledDocumentPage.objects.select_for_update().get(pk=document.pk)
        if not current.live:
            raise ReviewRefused(document.pk)
        recent = (
            DocumentReview.objects.filter(
                document_id=current.pk,
                reviewed_by=user,
                reviewed_at__gte=timezone.now() - DUPLICATE_WINDOW,
            )
            .order_by("-reviewed_at")
            .first()
        )
        if recent is not None:
            return recent, False

        previous_date = current.next_review_date
        new_date = next_review_after_review(current)
        ControlledDocumentPage.objects.filter(pk=current.pk).update(next_review_date=new_date)
        revision = current.latest_revision
        if revision is not None:
            revision.content["next_review_date"] = new_date.isoformat()
            revision.save(update_fields=["content"])

        review = DocumentReview.objects.create(
            document_id=current.pk, reviewed_by=user, note=note, next_review_date=new_date
        )
        log(
            instance=document,
            action=REVIEWED_WITHOUT_CHANGE,
            user=user,
            data={
                "note": note,
                "version": current.version,
                "previous_review_date": previous_date.isoformat() if previous_date else None,
                "next_review_date": new_date.isoformat(),
            },
        )
    document.next_review_date = new_date
    return review, True
