from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class FormsConfig(AppConfig):
    """Deviations and improvement proposals: the form pages, the cases they create and their handling."""

    name = "forms"
    verbose_name = pgettext_lazy("deviations and proposals", "Reports")  # not Wagtail's "Reports" menu
    default_auto_field = "django.db.models.BigAutoField"
