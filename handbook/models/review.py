"""Periodic review of controlled documents: reviews without change and the reminders sent about them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentReview(models.Model):
    """An approver's record that a document was reviewed and still holds, without a new version."""

    document = models.ForeignKey(
        "handbook.ControlledDocumentPage", verbose_name=_("document"), on_delete=models.CASCADE, related_name="reviews"
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewed by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("reviewed"), auto_now_add=True)
    note = models.TextField(_("note"), blank=True)
    next_review_date = models.DateField(_("next review"))

    class Meta:
        ordering = ["-reviewed_at"]
        verbose_name = _("review without change")
        verbose_name_plural = _("reviews without change")

    def __str__(self):
        return f"{self.document.document_number} {self.reviewed_at:%Y-%m-%d}"


class ReviewReminder(models.Model):
    """That a person was sent the digest of their due documents on a day: at most one a day."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_on = models.DateField()
    documents = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "sent_on"], name="one_review_reminder_a_day")]
        verbose_name = _("review reminder")
        verbose_name_plural = _("review reminders")

    def __str__(self):
        return f"{self.user} {self.sent_on}"
