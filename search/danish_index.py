"""Wagtail's database search backend, in Danish on every database (settings: WAGTAILSEARCH_BACKENDS).

PostgreSQL stems with its own `danish` text search configuration (SEARCH_CONFIG); SQLite gets Snowball stems
from search.danish_sqlite.
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as database_backend


def SearchBackend(params):  # noqa: N802 - Wagtail looks the backend up by this name
    backend = database_backend(params)
    if connection.vendor == "sqlite":
        from search import danish_sqlite  # its module defines SQLite-only models

        if isinstance(backend, danish_sqlite.sqlite.SQLiteSearchBackend):
            return danish_sqlite.DanishSQLiteSearchBackend(params)
    return backend
