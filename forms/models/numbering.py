from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CaseNumberCounter(models.Model):
    """The last running number given out per case type and year: AFV-2026-0001, FOR-2026-0001."""

    prefix = models.CharField(_("prefix"), max_length=8)
    year = models.PositiveIntegerField(_("year"))
    last_number = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("case number counter")
        verbose_name_plural = _("case number counters")
        constraints = [models.UniqueConstraint(fields=["prefix", "year"], name="unique_case_counter_per_year")]

    def __str__(self):
        return f"{self.prefix}-{self.year}: {self.last_number}"


def next_case_reference(prefix):
    """The next reference for ``prefix`` this year (Copenhagen time).

    The counter row is locked while it is incremented, so concurrent submissions on PostgreSQL wait for each
    other instead of sharing a number; the first submission of a year may race to create the row, and the
    loser simply locks the row the winner created.
    """
    year = timezone.localdate().year
    with transaction.atomic():
        _ensure_counter(prefix, year)
        counter = CaseNumberCounter.objects.select_for_update().get(prefix=prefix, year=year)
        counter.last_number += 1
        counter.save(update_fields=["last_number"])
    return f"{prefix}-{year}-{counter.last_number:04d}"


def _ensure_counter(prefix, year):
    if CaseNumberCounter.objects.filter(prefix=prefix, year=year).exists():
        return
    try:
        with transaction.atomic():
            CaseNumberCounter.objects.create(prefix=prefix, year=year)
    except IntegrityError:
        pass  # another submission created it first
