"""Turns a valid report form into a case: stored first, mailed after the commit, never made twice."""

import hashlib
import hmac
import uuid
from functools import partial

from django.conf import settings
from django.db import IntegrityError, transaction
from wagtail.log_actions import LogContext, log

from forms import notifications
from forms.models import CaseAttachment
from forms.models.numbering import next_case_reference


def stored_submission_key(form_key, user):
    """The key kept on the case: the form's hidden key bound to the person who sent it.

    A key copied into someone else's form then finds nothing of theirs, and the stored value says nothing
    about who sent an anonymous report: without the key in the reporter's browser it cannot be recomputed.
    """
    message = f"case-submission:{getattr(user, 'pk', None)}:{form_key}".encode()
    digest = hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).digest()
    return uuid.UUID(bytes=digest[:16])


def existing_case(model, form, user=None):
    """The case an identical earlier post of this form already created, if any (double click, resubmit)."""
    key = stored_submission_key(form.cleaned_data["submission_key"], user or form.user)
    return model.objects.filter(submission_key=key).first()


def create_case(page, form, user):
    """Stores the report as a live case with its attachments; returns ``(case, created)``.

    When the same form arrives twice at once, the unique submission key lets one of them through and the
    other finds the case the first made.
    """
    model = page.case_model
    try:
        case = _store(model, form, user)
    except IntegrityError:
        case = existing_case(model, form, user)
        if case is None:
            raise
        return case, False
    transaction.on_commit(partial(notifications.case_received, case, page), robust=True)
    return case, True


def _store(model, form, user):
    case = _new_case(model, form, user)
    # An anonymous report leaves no user anywhere: not on the case, its revision or the audit log.
    log_user = None if case.anonymous else user
    attachments = []
    try:
        # The files are written before the transaction, so the reference counter stays locked only briefly.
        for upload in form.cleaned_data["attachments"]:
            attachments.append(_saved_attachment(upload))
        with transaction.atomic(), LogContext(user=log_user, generate_uuid=False):
            case.reference = next_case_reference(model.reference_prefix)
            case.live = True
            case.save()
            for attachment in attachments:
                attachment.case = case
                attachment.save()
            revision = case.save_revision(user=log_user, log_action=False)
            revision.publish(user=log_user, log_action=False, skip_permission_checks=True)  # any reporter may
            log(instance=case, action="wagtail.create", user=log_user)
    except BaseException:
        for attachment in attachments:
            attachment.file.delete(save=False)  # nothing stored means no orphaned files either
        raise
    return case


def _new_case(model, form, user):
    data = form.cleaned_data
    anonymous = data["anonymous"]
    document = data["document"]
    case = model(
        title=data["title"],
        description=data["description"],
        document=document,
        document_version=data["document_version"] if document else "",
        section=_section_of(document),
        reporter=None if anonymous else user,
        anonymous=anonymous,
        answers=form.answers(),
        submission_key=stored_submission_key(data["submission_key"], user),
    )
    if document is not None:
        case.kind = model.Kind.DOCUMENT
    return case


def _saved_attachment(upload):
    """The file under a generated name in private storage; what the reporter called it is kept apart."""
    attachment = CaseAttachment(
        original_name=upload.name,
        mime_type=getattr(upload, "detected_mime_type", "application/octet-stream"),
        size=upload.size,
    )
    attachment.file.save(upload.name, upload, save=False)
    return attachment


def _section_of(document):
    from handbook.models import SectionPage

    if document is None:
        return None
    return SectionPage.objects.ancestor_of(document).order_by("-depth").first()  # the nearest section
