"""Sessions end: with the browser, a working day (SESSION_COOKIE_AGE) after the login, and at logout on the server."""

import datetime
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def employee(db):
    return UserFactory(username="medarbejder")


def log_in(client):
    response = client.post("/login/", {"username": "medarbejder", "password": "demo1234"})
    assert response.status_code == 302
    return response.cookies[settings.SESSION_COOKIE_NAME]


def the_clock_at(moment):
    """Django's session store reads the time here when it loads a session."""
    return mock.patch("django.contrib.sessions.backends.db.timezone.now", return_value=moment)


def test_the_session_cookie_ends_with_the_browser(client, employee):
    cookie = log_in(client)

    assert cookie["expires"] == ""
    assert cookie["max-age"] == ""
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


def test_a_session_lasts_a_working_day_from_the_login(client, employee):
    log_in(client)

    session = Session.objects.get()
    lasts = session.expire_date - timezone.now()
    assert settings.SESSION_COOKIE_AGE == 10 * 3600
    assert datetime.timedelta(hours=9, minutes=59) < lasts <= datetime.timedelta(hours=10)


def test_a_session_is_accepted_within_its_age_and_refused_after_it(client, employee, site_tree):
    log_in(client)
    login_time = timezone.now()

    with the_clock_at(login_time + datetime.timedelta(hours=9, minutes=50)):
        assert client.get("/").status_code == 200
    with the_clock_at(login_time + datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE + 60)):
        response = client.get("/")

    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_logout_ends_the_session_on_the_server(client, employee, site_tree):
    cookie = log_in(client)
    stolen = Client()
    stolen.cookies[settings.SESSION_COOKIE_NAME] = cookie.value
    assert stolen.get("/").status_code == 200  # the same cookie works from anywhere while the session lives

    client.post("/logout/")

    assert not Session.objects.filter(session_key=cookie.value).exists()
    response = stolen.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_logout_needs_a_post(client, employee, site_tree):
    log_in(client)

    assert client.get("/logout/").status_code == 405
    assert client.get("/").status_code == 200
