"""Fixtures for the search tests: the known handbook, built once per module in a transaction rolled back after."""

from contextlib import contextmanager

import pytest
from django.core.cache import cache
from django.db import connection, transaction

from tests.search.factories import build_handbook


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """A test that uses the shared handbook uses the database, even if it asks for nothing else: marked, it
    makes pytest-django create the test database (unmarked, the fixture would reach the development one)."""
    for item in items:
        if "known_handbook" in getattr(item, "fixturenames", ()) and item.get_closest_marker("django_db") is None:
            item.add_marker(pytest.mark.django_db)


@pytest.fixture(autouse=True)
def fresh_cache():
    """The "did you mean" vocabulary and Wagtail's site root paths are cached; each test has its own tree."""
    cache.clear()
    yield
    cache.clear()


@contextmanager
def built_once(django_db_blocker):
    """Data shared by many tests: built inside one transaction that is rolled back when they are done.

    Each test still runs in its own savepoint (pytest-django's `db`), so what a test changes is undone.
    """
    with django_db_blocker.unblock():
        name = str(connection.settings_dict["NAME"])
        assert "test" in name or "memory" in name, f"not a test database: {name}"
        with transaction.atomic():
            cache.clear()
            yield
            transaction.set_rollback(True)
    cache.clear()


@pytest.fixture(scope="module")
def known_handbook(django_db_setup, django_db_blocker):
    with built_once(django_db_blocker):
        yield build_handbook()
