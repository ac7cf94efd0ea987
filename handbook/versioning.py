"""Version numbers of controlled documents: stamped on the revision that goes live, recorded in the register.

A version is counted when a revision actually goes live (at once, or later at its scheduled go-live), so a
scheduled or rejected revision never takes a number.
"""

import datetime

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from wagtail.models import TaskState

from handbook.dates import add_months


def next_version(document, significant):
    """(major, minor) after the document's last published version: 1.0 first, then 1.1, or 2.0 if significant."""
    last = document.versions.order_by("-major", "-minor").first() if document.pk else None
    if last is None:
        return 1, 0
    return (last.major + 1, 0) if significant else (last.major, last.minor + 1)


def _as_date(value):
    """A date from revision content, which holds a date until saved and its ISO string after."""
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)


def goes_live_now(revision):
    go_live_at = revision.content.get("go_live_at")
    if isinstance(go_live_at, str):
        go_live_at = parse_datetime(go_live_at)
    return not go_live_at or go_live_at <= timezone.now()


def stamp_revision(document, revision):
    """Writes the next version, the effective date (today unless set) and the next review date (today plus the
    interval) into the revision about to go live, so that the published page carries them."""
    content = revision.content
    major, minor = next_version(document, bool(content.get("is_significant_change")))
    today = timezone.localdate()
    effective = content.get("effective_date")
    content["version_major"], content["version_minor"] = major, minor
    if not effective or _as_date(effective) > today:
        content["effective_date"] = today.isoformat()
    interval = int(content.get("review_interval_months") or document.review_interval_months)
    content["next_review_date"] = add_months(today, interval).isoformat()
    revision.save(update_fields=["content"])
    return major, minor


def approver_of(revision, publisher):
    """Who approved the revision: the approver in its workflow, else whoever published it."""
    approval = (
        TaskState.objects.filter(revision=revision, status=TaskState.STATUS_APPROVED)
        .select_related("finished_by")
        .order_by("-finished_at")
        .first()
    )
    return approval.finished_by if approval and approval.finished_by else publisher


def record_version(document, revision, publisher, version):
    from handbook.models import DocumentVersion

    content = revision.content
    major, minor = version
    record = DocumentVersion.objects.create(
        document_id=document.pk,
        revision=revision,
        major=major,
        minor=minor,
        published_at=timezone.now(),
        effective_date=content.get("effective_date"),
        approved_by=approver_of(revision, publisher),
        change_summary=content.get("change_summary") or "",
        is_significant=bool(content.get("is_significant_change")),
    )
    if record.is_significant:
        record.audience.set(content.get("acknowledgement_groups") or [])
    return record
