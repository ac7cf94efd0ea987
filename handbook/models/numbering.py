from django.db import models, transaction
from django.utils.translation import gettext_lazy as _


class DocumentNumberCounter(models.Model):
    """The last running number given out per document type, so numbers are never reused."""

    prefix = models.CharField(_("prefix"), max_length=8, primary_key=True)
    last_number = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("document number counter")
        verbose_name_plural = _("document number counters")

    def __str__(self):
        return f"{self.prefix}: {self.last_number}"


def next_document_number(prefix):
    """Hands out the next number for a prefix; the row lock keeps two creations from sharing one."""
    with transaction.atomic():
        counter, _created = DocumentNumberCounter.objects.select_for_update().get_or_create(prefix=prefix)
        counter.last_number += 1
        counter.save(update_fields=["last_number"])
    return f"{prefix}-{counter.last_number:03d}"
