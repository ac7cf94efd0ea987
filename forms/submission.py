"""Turns a valid report form into a case: stored first, mailed after the commit, never made twice."""

from django.db import IntegrityError, transaction
from wagtail.log_actions import LogContext, log

from forms import notifications
from forms.models import CaseAttachment
from forms.models.numbering import next_case_reference


def existing_case(model, form):
    """The case an identical earlier post of this form already created, if any (double click, resubmit)."""
    return model.objects.filter(submission_key=form.cleaned_data["submission_key"]).first()


def create_case(page, form, user):
    """Stores the report as a live case with its attachments; returns ``(case, created)``.

    When the same form arrives twice at once, the unique submission key lets one of them through and the
    other finds the case the first made.
    """
    model = page.case_model
    try:
        case = _store(model, form, user)
    except IntegrityError:
        case = existing_case(model, form)
        if case is None:
            raise
        return case, False
    transaction.on_commit(lambda: notifications.case_received(case, page))
    return case, True


def _store(model, form, user):
    data = form.cleaned_data
    anonymous = data["anonymous"]
    document = data["document"]
    case = model(
        title=data["title"],
        description=data["description"],
        document=document,
        document_version=(data["document_version"] or document.version) if document else "",
        section=_section_of(document),
        reporter=None if anonymous else user,
        anonymous=anonymous,
        answers=form.answers(),
        submission_key=data["submission_key"],
    )
    if document is not None and hasattr(model, "Kind"):
        case.kind = model.Kind.DOCUMENT
    # An anonymous report leaves no user anywhere: not on the case, its revision or the audit log.
    log_user = None if anonymous else user
    with transaction.atomic(), LogContext(user=log_user, generate_uuid=False):
        case.reference = next_case_reference(model.reference_prefix)
        case.live = True
        case.save()
        for upload in data["attachments"]:
            _attach(case, upload)
        revision = case.save_revision(user=log_user, log_action=False)
        revision.publish(user=log_user, log_action=False, skip_permission_checks=True)  # the reporter may report
        log(instance=case, action="wagtail.create", user=log_user)
    return case


def _attach(case, upload):
    attachment = CaseAttachment(
        case=case,
        original_name=upload.name,
        mime_type=getattr(upload, "detected_mime_type", "application/octet-stream"),
        size=upload.size,
    )
    attachment.file.save(upload.name, upload, save=False)
    attachment.save()


def _section_of(document):
    from handbook.models import SectionPage

    if document is None:
        return None
    return SectionPage.objects.ancestor_of(document).order_by("-depth").first()  # the nearest section
