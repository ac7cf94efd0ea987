"""Deviations and improvement proposals: moderated snippets with a reference number and a lifecycle."""

import uuid
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage, storages
from django.db import models, transaction
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from forms import lifecycle
from forms.lifecycle import Status


def private_storage():
    """Where attachments of cases are kept: outside MEDIA_ROOT, served only through a view that checks who may
    see the case. A callable, so that migrations name it instead of baking in this machine's path.

    STORAGES["private"] (a private S3 bucket or prefix) when the settings define it, else PRIVATE_MEDIA_ROOT,
    read here rather than in STORAGES because the test settings move it after base.py has run."""
    if "private" in settings.STORAGES:
        return storages["private"]
    return FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


class Case(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, models.Model):
    """What deviations and proposals share: the submission, its reporter and its handling."""

    reference_prefix = None  # AFV, FOR

    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    document = models.ForeignKey(
        "handbook.ControlledDocumentPage",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    document_version = models.CharField(_("document version"), max_length=16, blank=True)
    section = models.ForeignKey(
        "handbook.SectionPage",
        verbose_name=_("section"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    anonymous = models.BooleanField(_("reported anonymously"), default=False, editable=False)
    answers = models.JSONField(_("other answers"), default=list, blank=True, editable=False)
    # The hidden key of the form that created the case: a resubmitted form finds its case instead of making one.
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    received_at = models.DateTimeField(_("received"), default=timezone.now, editable=False)

    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED)
    status_changed_at = models.DateTimeField(_("status changed"), default=timezone.now, editable=False)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handler"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    cause = models.TextField(_("cause"), blank=True)
    action = models.TextField(_("action"), blank=True)
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)

    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.SearchField("description"),
        index.AutocompleteField("reference"),
        index.FilterField("status"),
    ]

    class Meta:
        abstract = True
        ordering = ["-received_at"]

    def __str__(self):
        return f"{self.reference} {self.title}"

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        handling = {"status", "handler", "due_date", "cause", "action", "rejection_reason", "effectiveness_check"}
        if update_fields is not None and not handling & set(update_fields):
            return super().save(*args, **kwargs)
        if self.pk is None and self.status != Status.RECEIVED:
            raise ValidationError({"status": _("A new case starts as received.")})
        old_status, old_handler_id = self._stored_handling()
        lifecycle.check_transition(self, old_status, self.status)  # enforced here too, not only in forms
        if old_status != self.status:
            self.status_changed_at = timezone.now()
            self.closed_at = self.status_changed_at if self.status in lifecycle.FINAL_STATES else None
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "status_changed_at", "closed_at"}
        super().save(*args, **kwargs)
        if old_status != self.status:
            StatusChange.objects.create(case=self, old_status=old_status, new_status=self.status)
        self._notify_after_commit(old_status, old_handler_id)

    # Lifecycle

    def requirements_for(self, status):
        """(field, message) pairs that must be filled in while the case is in ``status``.

        Cumulative: a case that has reached a state still needs what the states before it needed.
        """
        if status in (Status.IN_PROGRESS, Status.ACTION_TAKEN, Status.CLOSED):
            return [
                ("handler", _("Choose who handles the case.")),
                ("due_date", _("Set a due date for the case.")),
            ]
        if status == Status.REJECTED:
            return [("rejection_reason", _("Give the reason for rejecting the case."))]
        return []

    def stored_status(self):
        """The state as saved, whatever this instance holds now."""
        return self._stored_handling()[0]

    def _stored_handling(self):
        if self.pk is None:
            return Status.RECEIVED, None
        stored = type(self).objects.filter(pk=self.pk).values_list("status", "handler_id").first()
        return stored or (Status.RECEIVED, None)

    def clean(self):
        super().clean()
        lifecycle.check_transition(self, self.stored_status(), self.status)

    def _notify_after_commit(self, old_status, old_handler_id):
        """Mails go out once the change is committed; a failing mail is logged there and never undoes it."""
        from functools import partial

        from forms import notifications

        if old_status != self.status:
            transaction.on_commit(partial(notifications.status_changed, self), robust=True)
        if self.handler_id and self.handler_id != old_handler_id:
            transaction.on_commit(partial(notifications.handler_assigned, self), robust=True)

    # What people see

    @property
    def is_open(self):
        return self.status in lifecycle.OPEN_STATES

    @property
    def is_overdue(self):
        return self.is_open and self.due_date is not None and self.due_date < timezone.localdate()

    @property
    def outcome(self):
        """What came of the case, for the reporter: the action once taken, or why it was rejected."""
        if self.status == Status.REJECTED:
            return self.rejection_reason
        if self.status in (Status.ACTION_TAKEN, Status.CLOSED):
            return self.action
        return ""

    def can_be_viewed_by(self, user):
        if not user.is_authenticated:
            return False
        if user.has_perm(f"forms.view_{self._meta.model_name}") or user.has_perm(
            f"forms.change_{self._meta.model_name}"
        ):
            return True
        return user.pk in (self.reporter_id, self.handler_id)

    @cached_property
    def status_changes(self):
        return list(
            StatusChange.objects.filter(
                content_type=ContentType.objects.get_for_model(self), object_id=self.pk
            ).order_by("changed_at", "pk")
        )


def workflow_states_relation(query_name):
    """Wagtail's workflow states of a snippet, by its base content type as Wagtail stores them."""
    return GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name=query_name,
        for_concrete_model=False,
    )


def revisions_relation(query_name):
    return GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name=query_name,
        for_concrete_model=False,
    )


class Deviation(Case):
    """An afvigelse: something that did not go as the handbook says, or a complaint."""

    reference_prefix = "AFV"

    class Kind(models.TextChoices):
        DOCUMENT = "document", _("Error or gap in a document")
        CASEWORK = "casework", _("Casework or procedure not followed")
        COMPLAINT = "complaint", _("Complaint from a citizen or business")
        SUPPLIER = "supplier", _("Supplier")
        AUDIT = "audit", _("Audit finding")
        OTHER = "other", _("Other")

    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    effectiveness_check = models.TextField(
        _("effectiveness check"),
        blank=True,
        help_text=_("How it was checked that the corrective action worked, when, and by whom."),
    )

    workflow_states = workflow_states_relation("deviation")
    revisions = revisions_relation("deviation")
    attachments = GenericRelation("forms.CaseAttachment", related_query_name="deviation")

    class Meta(Case.Meta):
        verbose_name = _("deviation")
        verbose_name_plural = _("deviations")

    def requirements_for(self, status):
        required = super().requirements_for(status)
        if status == Status.ACTION_TAKEN:
            required += [
                ("cause", _("Describe the cause of the deviation.")),
                ("action", _("Describe the correction or corrective action.")),
            ]
        elif status == Status.CLOSED:
            required += [
                ("cause", _("Describe the cause of the deviation.")),
                ("action", _("A deviation cannot be closed without a corrective action.")),
                ("effectiveness_check", _("A deviation cannot be closed without an effectiveness check.")),
            ]
        return required


class ImprovementProposal(Case):
    """A forbedringsforslag; once moderated it may be shown to all staff on the proposals board."""

    reference_prefix = "FOR"

    class Kind(models.TextChoices):
        WORKFLOW = "workflow", _("Way of working")
        DOCUMENT = "document", _("Handbook document")
        SYSTEMS = "systems", _("IT systems and tools")
        SERVICE = "service", _("Service to citizens and businesses")
        OTHER = "other", _("Other")

    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    on_board = models.BooleanField(
        _("show on the proposals board"),
        default=False,
        help_text=_("Shown to all staff once this version is published, with the public text below only."),
    )
    public_title = models.CharField(_("public title"), max_length=200, blank=True)
    public_summary = models.TextField(
        _("public summary"), blank=True, help_text=_("What was proposed, without personal data.")
    )
    public_outcome = models.TextField(_("public outcome"), blank=True, help_text=_("What we did."))

    workflow_states = workflow_states_relation("improvement_proposal")
    revisions = revisions_relation("improvement_proposal")
    attachments = GenericRelation("forms.CaseAttachment", related_query_name="improvement_proposal")

    class Meta(Case.Meta):
        verbose_name = _("improvement proposal")
        verbose_name_plural = _("improvement proposals")

    def requirements_for(self, status):
        required = super().requirements_for(status)
        if status in (Status.ACTION_TAKEN, Status.CLOSED):
            required += [("action", _("Describe what was done with the proposal."))]
        return required

    def clean(self):
        super().clean()
        if self.on_board and not (self.public_title.strip() and self.public_summary.strip()):
            raise ValidationError(
                {"public_title": _("A proposal on the board needs a public title and a public summary.")}
            )


class StatusChange(models.Model):
    """One move of a case from one state to another, for the reporter's timeline (who moved it is not kept)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    case = GenericForeignKey("content_type", "object_id")
    old_status = models.CharField(_("from"), max_length=20, choices=Status.choices)
    new_status = models.CharField(_("to"), max_length=20, choices=Status.choices)
    changed_at = models.DateTimeField(_("changed"), default=timezone.now)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.get_old_status_display()} → {self.get_new_status_display()}"


def attachment_path(attachment, filename):
    # A generated name: what the reporter called the file is kept apart, never used as a path.
    return f"indberetninger/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class CaseAttachment(models.Model):
    """A file attached to a deviation or proposal by its reporter."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    case = GenericForeignKey("content_type", "object_id")
    file = models.FileField(_("file"), storage=private_storage, upload_to=attachment_path, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    mime_type = models.CharField(_("file type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size"))

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return self.original_name
