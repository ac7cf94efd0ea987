"""The contract every search backend keeps: one known handbook, searched through each configured backend.

The database backend always runs; Elasticsearch runs too when ELASTICSEARCH_URL is set, against an index of
its own rebuilt from the known handbook and deleted afterwards.
"""

import os
import uuid

import pytest
from django.conf import settings
from django.test import override_settings

from tests.search.conftest import built_once
from tests.search.factories import build_handbook


def configured_backends():
    backends = ["database"]
    if settings.ELASTICSEARCH_URL or os.environ.get("ELASTICSEARCH_URL"):
        backends.append("elasticsearch")
    return backends


@pytest.fixture(scope="package")
def elasticsearch_index():
    """With Elasticsearch configured, the contract never touches the portal's own index."""
    if "elasticsearch" not in configured_backends():
        yield None
        return
    name = f"{settings.ELASTICSEARCH_INDEX}-contract-{uuid.uuid4().hex[:8]}"
    with override_settings(ELASTICSEARCH_INDEX=name):
        yield name
    from search import es_index

    es_index.client().options(ignore_status=404).indices.delete(index=name)


@pytest.fixture(scope="package")
def known_handbook(elasticsearch_index, django_db_setup, django_db_blocker):
    """Built once for the whole contract package (it overrides the per-module fixture)."""
    with built_once(django_db_blocker):
        yield build_handbook()


@pytest.fixture(scope="package", params=configured_backends())
def search_backend(request, known_handbook, django_db_blocker):
    if request.param == "database":
        from search.backends.database import DatabaseSearch

        return DatabaseSearch()
    from search.backends.elasticsearch import ElasticsearchSearch  # imported only when a server is configured

    backend = ElasticsearchSearch()
    with django_db_blocker.unblock():
        backend.rebuild()
    return backend


@pytest.fixture(autouse=True)
def each_test_rolled_back(db):
    """Every contract test runs in its own savepoint inside the handbook's transaction."""
