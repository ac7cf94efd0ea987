from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The readers' search page, its backends (database, Elasticsearch) and the record of what people look for."""

    name = "search"
    label = "portal_search"  # "search" alone reads as Wagtail's own search app in admin permissions
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"
