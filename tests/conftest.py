import pytest
from django.db import connections

from tests.factories import UserFactory, build_site


@pytest.hookimpl(tryfirst=True)  # before pytest-django orders the tests by how they use the database
def pytest_collection_modifyitems(items):
    """Marks tests that reach the database only through a fixture (``db`` by way of ``site_tree``, say).

    pytest-django runs unmarked tests after the transactional ones, which leave the database flushed; marked,
    they run first, on the migrated database.
    """
    for item in items:
        if "db" in getattr(item, "fixturenames", ()) and item.get_closest_marker("django_db") is None:
            item.add_marker(pytest.mark.django_db)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """Keeps the serialized test database where every connection object finds it.

    Django's connections are context-local, and Playwright's event loop gives the browser tests a new
    connection object that lacks the contents serialized at set-up; without them a transactional test
    cannot restore the migrations' data (root page, default site, ISO clauses) after the previous flush.
    """
    for connection in connections.all():
        contents = connection.__dict__.get("_test_serialized_contents")
        if contents is not None:
            type(connection)._test_serialized_contents = contents


@pytest.fixture
def site_tree(db):
    return build_site()


@pytest.fixture
def reader(db):
    return UserFactory(username="medarbejder", first_name="Mette", last_name="Jensen")


@pytest.fixture
def reader_client(client, reader):
    client.force_login(reader)
    return client
