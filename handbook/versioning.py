"""Document control at go-live: every revision of a controlled document that goes live is versioned here.

Wagtail makes a page live along many paths (publish in the editor, the last approval of a workflow, a scheduled
go-live, bulk publish, revert and publish, copy with publish, the admin API), and only some of them call the
page's ``publish`` method. Every one of them sends ``page_published`` once the page is live, so that signal is
the one place: it stamps the next version, the effective date and the next review on the live revision and the
page, and records the ``DocumentVersion`` with its authors, reviewer and approver.

A version is counted when a revision actually goes live, so a scheduled or rejected revision never takes a
number, and publishing the live revision again (a bulk publish without changes) adds none.
"""

import datetime
import logging

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import get_active_log_context, log
from wagtail.models import PageLogEntry, Revision, TaskState, WorkflowState
from wagtail.signals import page_published

from handbook.dates import add_months

logger = logging.getLogger(__name__)


def next_version(document, significant):
    """(major, minor) after the document's last published version: 1.0 first, then 1.1, or 2.0 if significant."""
    last = document.versions.order_by("-major", "-minor").first() if document.pk else None
    if last is None:
        return 1, 0
    return (last.major + 1, 0) if significant else (last.major, last.minor + 1)


def _as_date(value):
    """A date from revision content, which holds a date until saved and its ISO string after."""
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)


def control_fields(document, content):
    """The document-control fields for a revision going live today: version, effective date, next review.

    The effective date is the one the revision names if that day has come and it is later than the previous
    version's (a copied or reverted revision carries an old one); otherwise it is today.
    """
    major, minor = next_version(document, bool(content.get("is_significant_change")))
    today = timezone.localdate()
    effective = _as_date(content["effective_date"]) if content.get("effective_date") else today
    previous = previous_version(document)
    if effective > today or (previous and previous.effective_date and effective <= previous.effective_date):
        effective = today
    interval = int(content.get("review_interval_months") or document.review_interval_months)
    return {
        "version_major": major,
        "version_minor": minor,
        "effective_date": effective,
        "next_review_date": add_months(today, interval),
    }


def stamp(document, revision):
    """Writes the control fields into the live revision and the live page, so both carry them."""
    fields = control_fields(document, revision.content)
    revision.content.update({name: _serialised(value) for name, value in fields.items()})
    revision.save(update_fields=["content"])
    type(document).objects.filter(pk=document.pk).update(**fields)
    for name, value in fields.items():
        setattr(document, name, value)
    return fields


def _serialised(value):
    return value.isoformat() if isinstance(value, datetime.date) else value


def previous_version(document):
    return document.versions.order_by("-major", "-minor").first()


def authors_of(document, revision, previous):
    """Everyone who saved a revision between the previous live version and this one."""
    revisions = Revision.objects.for_instance(document).filter(pk__lte=revision.pk).exclude(user=None)
    if previous is not None and previous.revision_id:
        revisions = revisions.filter(pk__gt=previous.revision_id)
    return list(revisions.values_list("user_id", flat=True).distinct())


def approvals_of(revision):
    """The approvals in the finished workflow that let ``revision`` go live, first step first."""
    return list(
        TaskState.objects.filter(
            revision=revision,
            status=TaskState.STATUS_APPROVED,
            workflow_state__status=WorkflowState.STATUS_APPROVED,
        )
        .select_related("finished_by")
        .order_by("finished_at", "pk")
    )


def direct_publisher(revision, publisher):
    """Who published outside the workflow: the publisher, or at a scheduled go-live whoever scheduled it."""
    if publisher is not None:
        return publisher
    scheduled = (
        PageLogEntry.objects.filter(revision=revision, action="wagtail.publish.schedule")
        .select_related("user")
        .order_by("-timestamp")
        .first()
    )
    return scheduled.user if scheduled else None


def record_version(document, revision, publisher, fields):
    from handbook.models import DocumentVersion

    content = revision.content
    previous = previous_version(document)
    approvals = approvals_of(revision)
    record = DocumentVersion.objects.create(
        document_id=document.pk,
        revision=revision,
        major=fields["version_major"],
        minor=fields["version_minor"],
        published_at=timezone.now(),
        effective_date=fields["effective_date"],
        reviewed_by=approvals[0].finished_by if len(approvals) > 1 else None,
        approved_by=approvals[-1].finished_by if approvals else direct_publisher(revision, publisher),
        published_directly=not approvals,
        change_summary=content.get("change_summary") or "",
        is_significant=bool(content.get("is_significant_change")),
    )
    record.authors.set(authors_of(document, revision, previous))
    if record.is_significant:
        record.audience.set(content.get("acknowledgement_groups") or [])
    return record


def version_going_live(sender, instance, revision, user=None, **kwargs):
    """``page_published`` receiver: versions a controlled document whose revision has just gone live."""
    from handbook.models import ControlledDocumentPage, DocumentVersion

    document = instance
    if not isinstance(document, ControlledDocumentPage) or not document.live or kwargs.get("alias"):
        return  # not ours, scheduled for later (Wagtail signals that too), or an alias following its original
    if revision is None or document.live_revision_id != revision.pk:
        return
    if DocumentVersion.objects.filter(revision=revision).exists():
        return  # the live revision published again (a bulk publish without changes): no new version
    with transaction.atomic():
        fields = stamp(document, revision)
        record = record_version(document, revision, _publisher(revision, user), fields)
    if record.published_directly:
        log(instance=document, action=DIRECT_PUBLISH_ACTION, user=record.approved_by, revision=revision)
    logger.info("Document %s published as version %s", document.document_number, record.label)


def _publisher(revision, user):
    """Who made the revision live: the signal's user where given, else the user of the admin request at hand."""
    return user or get_active_log_context().user


DIRECT_PUBLISH_ACTION = "handbook.publish_directly"


def connect():
    # Connected before the page cache and the search index listen, so that what they read carries the version.
    page_published.connect(version_going_live, dispatch_uid="handbook-version-going-live")
