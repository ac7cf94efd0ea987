"""The readers' search behind one interface: `search(request) -> SearchResult` and `autocomplete(text)`.

The database backend (Wagtail's, in Danish) is the default; with ELASTICSEARCH_URL set, Elasticsearch answers.
"""

from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

DATABASE = "search.backends.database.DatabaseSearch"
ELASTICSEARCH = "search.backends.elasticsearch.ElasticsearchSearch"


class SearchUnavailable(Exception):
    """The search engine could not answer; the page says so instead of claiming that nothing was found."""

    message = _("Search is not available right now. Please try again in a few minutes.")


def get_backend():
    return import_string(ELASTICSEARCH if settings.ELASTICSEARCH_URL else DATABASE)()
