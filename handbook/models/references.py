from django.db import models
from django.utils.translation import gettext_lazy as _


class IsoClause(models.Model):
    """A clause of ISO 9001 that a controlled document helps fulfil (e.g. 7.5 Dokumenteret information)."""

    number = models.CharField(_("clause"), max_length=10, unique=True)
    title = models.CharField(_("title"), max_length=200)
    sort_key = models.PositiveIntegerField(_("sort key"), default=0, editable=False)

    class Meta:
        ordering = ["sort_key"]
        verbose_name = _("ISO 9001 clause")
        verbose_name_plural = _("ISO 9001 clauses")

    def __str__(self):
        return f"{self.number} {self.title}"

    def save(self, *args, **kwargs):
        self.sort_key = clause_sort_key(self.number)
        super().save(*args, **kwargs)


def clause_sort_key(number):
    """Orders "10.2" after "9.3": each part of the number weighs a hundredth of the one before."""
    parts = (number.split(".") + ["0", "0"])[:3]
    return sum(int(part) * 100 ** (2 - position) for position, part in enumerate(parts) if part.isdigit())
