from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FormsConfig(AppConfig):
    """Deviations and improvement proposals: the form pages, the cases they create and their handling."""

    name = "forms"
    verbose_name = _("Reports")
    default_auto_field = "django.db.models.BigAutoField"
