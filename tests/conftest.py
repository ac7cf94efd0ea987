import pytest

from tests.factories import UserFactory, build_site


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
