"""The register of published versions of controlled documents, and the readers' confirmations."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentVersion(models.Model):
    """One published version of a controlled document: what readers see in its version history."""

    document = models.ForeignKey(
        "handbook.ControlledDocumentPage", verbose_name=_("document"), on_delete=models.CASCADE, related_name="versions"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", verbose_name=_("revision"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    major = models.PositiveIntegerField(_("major version"))
    minor = models.PositiveIntegerField(_("minor version"))
    published_at = models.DateTimeField(_("published"))
    effective_date = models.DateField(_("effective date"), null=True)
    authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        blank=True,
        related_name="+",
        help_text=_("Everyone who saved a revision of this version since the version before it went live."),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewed by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("approved by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_directly = models.BooleanField(
        _("published by an administrator"),
        default=False,
        help_text=_("Went live without the approval workflow, published directly by an administrator."),
    )
    change_summary = models.TextField(_("change summary"), blank=True)
    is_significant = models.BooleanField(_("significant change"), default=False)
    audience = models.ManyToManyField(
        "auth.Group",
        verbose_name=_("asked to confirm"),
        blank=True,
        related_name="+",
        help_text=_("Groups asked to confirm that they have read a significant version; none means all staff."),
    )

    class Meta:
        ordering = ["document", "-major", "-minor"]
        constraints = [
            models.UniqueConstraint(fields=["document", "major", "minor"], name="unique_document_version"),
        ]
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")

    def __str__(self):
        return f"{self.document.document_number} {self.label}"

    @property
    def label(self):
        return f"{self.major}.{self.minor}"


class Acknowledgement(models.Model):
    """A person's confirmation of having read and understood one version of a document."""

    version = models.ForeignKey(
        DocumentVersion, verbose_name=_("version"), on_delete=models.CASCADE, related_name="acknowledgements"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="acknowledgements"
    )
    confirmed_at = models.DateTimeField(_("confirmed"), auto_now_add=True)

    class Meta:
        ordering = ["-confirmed_at"]
        constraints = [models.UniqueConstraint(fields=["version", "user"], name="unique_acknowledgement")]
        verbose_name = _("read confirmation")
        verbose_name_plural = _("read confirmations")

    def __str__(self):
        return f"{self.user} – {self.version}"
