"""Shared fixtures for the reporting tests: the reporting section, its forms, and the people in it."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache

from handbook import roles
from tests.factories import UserFactory, make_document
from tests.forms.factories import build_reporting


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate-limit counters live in the cache; user ids repeat between tests."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def reporting(site_tree):
    return build_reporting(site_tree.home)


@pytest.fixture
def document(site_tree):
    return make_document(site_tree.section)


@pytest.fixture
def quality_member(db):
    """A member of the WorkSmarter group, with the group's permissions on cases."""
    from forms.roles import ensure_reporting_roles

    ensure_reporting_roles()
    user = UserFactory(username="worksmarter", first_name="Søren", last_name="Madsen")
    user.groups.add(Group.objects.get(name=roles.QUALITY_GROUP))
    return user


@pytest.fixture
def colleague(db):
    return UserFactory(username="kollega", first_name="Karl", last_name="Berg")


def submission_key(response):
    """The hidden key of a rendered report form."""
    return re.search(r'name="submission_key" value="([^"]+)"', response.content.decode()).group(1)
