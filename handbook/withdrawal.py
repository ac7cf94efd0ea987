"""Withdrawn documents (udgåede dokumenter) and the rule that controlled documents are never deleted.

Withdrawing a document records why (and what replaces it) in a ``DocumentWithdrawal``, stops any approval in
progress and any scheduled publication, and unpublishes the page with Wagtail's own unpublish action. Every
list a reader sees (the section pages, the handbook menu, the front page, the search and its autocomplete,
review lists and reminders, read-confirmation requests) shows live pages only, so an unpublished page leaves all
of them at once, and the search indexes and the page cache hear of it through ``page_unpublished``. The
document stays readable in the archive (handbook/views/archive.py), rendered from the revisions that the register
of published versions names.

A withdrawn document is not edited or published again: the admin refuses (handbook/wagtail_hooks/withdrawal.py).

Controlled documents are never deleted except by a superuser: the admin's delete and bulk delete refuse anyone
else (hooks), and ``refuse_and_log_deletion`` below, on ``pre_delete``, refuses a deletion made in an admin
request by anyone else whatever the path, and records every deletion in Wagtail's audit log (whose entries
outlive the page) and in the application log.
"""

import logging

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import pre_delete
from django.urls import reverse
from django.utils import timezone
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.contrib.redirects.models import Redirect
from wagtail.log_actions import get_active_log_context, log

from handbook import roles
from handbook.models import ControlledDocumentPage, DocumentVersion, DocumentWithdrawal

logger = logging.getLogger(__name__)

# The audit log's actions; their Danish labels are registered in handbook/wagtail_hooks/withdrawal.py.
WITHDRAW_ACTION = "handbook.withdraw"
DELETE_ACTION = "handbook.delete_document"


class WithdrawalRefused(Exception):
    """The document cannot be withdrawn: it is withdrawn already, or the replacement is not a document in force."""


# Withdrawing -----------------------------------------------------------------------------------------------


def is_administrator(user):
    if not (user and user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or user.groups.filter(name=roles.ADMINISTRATORS).exists()


def can_withdraw(user, document):
    """Whether ``user`` may withdraw ``document``: its unit manager (an approver with rights on its section), or
    an administrator."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if roles.is_approver(user, document):
        return True
    if not hasattr(user, "_handbook_is_administrator"):  # once per request, however many documents are checked
        user._handbook_is_administrator = is_administrator(user)
    return user._handbook_is_administrator


def redirect_to_archive(document):
    """Sends the document's old address (bookmarks, links in e-mails and other documents) to its place in the
    archive, through Wagtail's redirects, which answer where the page no longer does."""
    old_path = document.get_url(None)
    if not old_path:
        return None
    redirect, _created = Redirect.objects.update_or_create(
        old_path=Redirect.normalise_path(old_path),
        site=None,
        defaults={
            "redirect_link": reverse("handbook_archived_document", args=[document.document_number]),
            "redirect_page": None,
            "is_permanent": True,
        },
    )
    return redirect


def is_withdrawn(document):
    return DocumentWithdrawal.objects.filter(document_id=document.pk).exists()


def replacement_candidates(document=None):
    """The documents that may replace ``document``: those in force, itself excepted."""
    candidates = ControlledDocumentPage.objects.live().filter(withdrawal__isnull=True)
    if document is not None:
        candidates = candidates.exclude(pk=document.pk)
    return candidates.order_by("document_number")


def last_version(document):
    """The newest published version of the document (None if it was never published)."""
    return DocumentVersion.objects.filter(document_id=document.pk).order_by("-major", "-minor").first()


def withdraw(document, user, reason, replaced_by=None):
    """Withdraws ``document``: records the withdrawal, ends any approval in progress and any scheduled
    publication, unpublishes the page and writes the audit log entry. The permission check is the caller's
    (``can_withdraw``). Returns the DocumentWithdrawal; raises WithdrawalRefused."""
    reason = (reason or "").strip()
    if not reason:
        raise WithdrawalRefused("reason")
    with transaction.atomic():
        # Locking the row makes a second, concurrent withdrawal wait, then find the first.
        current = ControlledDocumentPage.objects.select_for_update().get(pk=document.pk).specific
        if DocumentWithdrawal.objects.filter(document_id=current.pk).exists():
            raise WithdrawalRefused("withdrawn")
        if replaced_by is not None and not replacement_candidates(current).filter(pk=replaced_by.pk).exists():
            raise WithdrawalRefused("replacement")
        workflow_state = current.current_workflow_state
        if workflow_state is not None:
            workflow_state.cancel(user=user)
        withdrawal = DocumentWithdrawal.objects.create(
            document=current,
            withdrawn_at=timezone.now(),
            withdrawn_by=user,
            reason=reason,
            replaced_by=replaced_by,
        )
        redirect_to_archive(current)
        if current.live:
            # Our own log entry below says what happened; Wagtail's "unpublished" would only repeat part of it.
            UnpublishPageAction(current, user=user, log_action=False).execute(skip_permission_checks=True)
        # A publication scheduled for later would bring the document back.
        current.revisions.filter(approved_go_live_at__isnull=False).update(approved_go_live_at=None)
        version = last_version(current)
        log(
            instance=current,
            action=WITHDRAW_ACTION,
            user=user,
            data={
                "reason": reason,
                "version": version.label if version else None,
                "replaced_by": (
                    {"id": replaced_by.pk, "number": replaced_by.document_number, "title": replaced_by.title}
                    if replaced_by is not None
                    else None
                ),
            },
        )
    logger.info(
        "Document %s withdrawn by %s%s",
        current.document_number,
        user.get_username() if user else "-",
        f", replaced by {replaced_by.document_number}" if replaced_by is not None else "",
    )
    document.live = False
    return withdrawal


# Deleting --------------------------------------------------------------------------------------------------


def documents_within(pages):
    """The controlled documents among ``pages`` and below them."""
    pages = [page for page in pages if page is not None]
    if not pages:
        return ControlledDocumentPage.objects.none()
    within = Q()
    for page in pages:
        within |= Q(path__startswith=page.path)
    return ControlledDocumentPage.objects.filter(within)


def may_delete_documents(user):
    """Only superusers delete controlled documents."""
    return bool(user and user.is_authenticated and user.is_active and user.is_superuser)


def deletion_refused(user, pages):
    """Whether deleting ``pages`` (with everything below them) would delete a controlled document that ``user``
    may not delete."""
    return not may_delete_documents(user) and documents_within(pages).exists()


def refuse_and_log_deletion(sender, instance, **kwargs):
    """``pre_delete`` of a controlled document (sent once per document, for its ControlledDocumentPage row):
    refuses it to anyone but a superuser in an admin request, and records it in the audit log and the log.

    Outside a request (a management command, a data migration) there is no one to ask: it is allowed, and
    logged."""
    user = get_active_log_context().user
    if user is not None and not may_delete_documents(user):
        logger.warning(
            "Refused to delete document %s for %s: only superusers delete controlled documents",
            instance.document_number,
            user.get_username(),
        )
        raise PermissionDenied("Only superusers may delete controlled documents.")
    version = f"{instance.version_major}.{instance.version_minor}" if instance.first_published_at else None
    # An entry in Wagtail's audit log outlives the page (its page key has no database constraint).
    log(
        instance=instance,
        action=DELETE_ACTION,
        user=user,
        title=f"{instance.document_number} {instance.title}",
        deleted=True,
        data={"number": instance.document_number, "title": instance.title, "version": version},
    )
    logger.warning(
        "Document %s «%s» (page %s) deleted by %s",
        instance.document_number,
        instance.title,
        instance.pk,
        user.get_username() if user is not None else "a command outside the admin",
    )


def connect():
    pre_delete.connect(refuse_and_log_deletion, sender=ControlledDocumentPage, dispatch_uid="handbook-document-deleted")
