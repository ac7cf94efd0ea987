"""The text of attached files (templates, appendices), extracted once per file so the search can index it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AttachmentText(models.Model):
    document = models.OneToOneField(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="extracted_text",
    )
    file_hash = models.CharField(_("file hash"), max_length=40, help_text=_("The file the text was taken from."))
    text = models.TextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("attachment text")
        verbose_name_plural = _("attachment texts")

    def __str__(self):
        return str(self.document)
