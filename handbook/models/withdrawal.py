"""Withdrawn documents (udgåede dokumenter): out of force, out of the tree, kept readable in the archive."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentWithdrawal(models.Model):
    """That a controlled document was withdrawn, when, by whom, why, and what replaces it.

    A record of its own rather than fields on the page: page fields live in revisions, and a withdrawal is a
    fact about the document, not a revision of it.
    """

    document = models.OneToOneField(
        "handbook.ControlledDocumentPage",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="withdrawal",
    )
    withdrawn_at = models.DateTimeField(_("withdrawn"))
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("withdrawn by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(_("reason"))
    replaced_by = models.ForeignKey(
        "handbook.ControlledDocumentPage",
        verbose_name=_("replaced by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaces",
    )

    class Meta:
        ordering = ["-withdrawn_at"]
        verbose_name = _("withdrawn document")
        verbose_name_plural = _("withdrawn documents")

    def __str__(self):
        return str(self.document)
