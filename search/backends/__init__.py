"""The readers' search behind one interface: `search(request) -> SearchResult` and `autocomplete(text)`.

The database backend (Wagtail's, in Danish) is the default; with ELASTICSEARCH_URL set, Elasticsearch answers.
"""

from django.conf import settings
from django.utils.module_loading import import_string

DATABASE = "search.backends.database.DatabaseSearch"
ELASTICSEARCH = "search.backends.elasticsearch.ElasticsearchSearch"


def get_backend():
    return import_string(ELASTICSEARCH if settings.ELASTICSEARCH_URL else DATABASE)()
