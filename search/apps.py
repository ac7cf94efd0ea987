from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The readers' search page, its backends (database, Elasticsearch) and the record of what people look for."""

    name = "search"
    label = "portal_search"  # "search" alone reads as Wagtail's own search app in admin permissions
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from search import match_cache  # the page models are ready only now

        match_cache.connect()
        # Readers search Elasticsearch only when it is configured; only then must publishing keep it up to date.
        if settings.ELASTICSEARCH_URL:
            from search import es_signals  # imports the page models, which are ready only now

            es_signals.connect()
