"""What people look for. Wagtail's search promotions count the searches per query and day (without who
asked); this adds how many of them found nothing, so editors can add the words or documents that are missing.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class QueryOutcome(models.Model):
    query = models.OneToOneField(
        "wagtailsearchpromotions.Query",
        verbose_name=_("query"),
        on_delete=models.CASCADE,
        related_name="outcome",
    )
    zero_hit_searches = models.PositiveIntegerField(_("searches without hits"), default=0)
    last_hit_count = models.PositiveIntegerField(_("hits last time"), default=0)
    last_searched = models.DateField(_("last searched"))

    class Meta:
        verbose_name = _("query outcome")
        verbose_name_plural = _("query outcomes")

    def __str__(self):
        return str(self.query)
