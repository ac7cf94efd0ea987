from django.db import IntegrityError, models, transaction
from django.db.models import F
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
    """The next reference for ``prefix`` in the current year, Copenhagen time: AFV-2026-0001.

    The counter is raised with one UPDATE, which locks its row until the caller's transaction ends: on
    PostgreSQL a concurrent submission waits there and then sees the raised number, so no two cases share
    one. A number once given is never given again, even if its case is deleted.
    """
    year = timezone.localdate(timezone=timezone.get_default_timezone()).year
    with transaction.atomic():
        if not _raise_counter(prefix, year):
            _create_counter(prefix, year)
        number = CaseNumberCounter.objects.filter(prefix=prefix, year=year).values_list("last_number", flat=True).get()
    return f"{prefix}-{year}-{number:04d}"


def _raise_counter(prefix, year):
    return CaseNumberCounter.objects.filter(prefix=prefix, year=year).update(last_number=F("last_number") + 1)


def _create_counter(prefix, year):
    """The year's first number. When two submissions start a year at once, the second waits on the unique
    constraint until the first commits, fails, and then raises the row the first one made."""
    try:
        with transaction.atomic():
            CaseNumberCounter.objects.create(prefix=prefix, year=year, last_number=1)
    except IntegrityError:
        _raise_counter(prefix, year)
