"""/healthz/ for the load balancer: 200 "ok" when the database and the cache answer, 503 "unavailable" when either
does not, open without login, never cached, and revealing nothing else."""

from unittest import mock

import pytest
from django.core.cache import cache
from django.db import OperationalError
from django.test import Client

pytestmark = pytest.mark.django_db

URL = "/healthz/"
SECRET_ERROR = "password authentication failed for user kp_secret on 10.1.2.3"


@pytest.fixture
def balancer():
    """The load balancer: no session, no cookies."""
    return Client()


def assert_not_cacheable(response):
    cache_control = response["Cache-Control"]
    assert "no-cache" in cache_control
    assert "no-store" in cache_control
    assert "max-age=0" in cache_control


def assert_reveals_nothing(response, expected):
    assert response.content == expected
    assert response["Content-Type"].startswith("text/plain")
    for header in ("Server", "X-Powered-By"):
        assert header not in response


def test_healthy_without_login(balancer):
    response = balancer.get(URL)

    assert response.status_code == 200
    assert_reveals_nothing(response, b"ok\n")
    assert_not_cacheable(response)
    assert "Set-Cookie" not in response.headers


def test_healthy_for_a_logged_in_person_too(reader_client):
    assert reader_client.get(URL).status_code == 200


def test_the_login_requirement_does_not_apply_to_it_but_does_to_the_rest(balancer, site_tree):
    assert balancer.get(URL).status_code == 200
    assert balancer.get("/").status_code == 302


def test_head_works_without_a_body(balancer):
    response = balancer.head(URL)

    assert response.status_code == 200
    assert response.content == b""


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_other_methods_are_not_allowed(balancer, method):
    response = getattr(balancer, method)(URL)

    assert response.status_code == 405
    assert sorted(response["Allow"].split(", ")) == ["GET", "HEAD"]


def test_unavailable_when_the_database_raises(balancer):
    with mock.patch("portal.health.connection.cursor", side_effect=OperationalError(SECRET_ERROR)):
        response = balancer.get(URL)

    assert response.status_code == 503
    assert_reveals_nothing(response, b"unavailable\n")
    assert_not_cacheable(response)


def test_unavailable_when_the_cache_raises(balancer):
    with mock.patch.object(cache, "set", side_effect=ConnectionError(SECRET_ERROR)):
        response = balancer.get(URL)

    assert response.status_code == 503
    assert_reveals_nothing(response, b"unavailable\n")


def test_unavailable_when_the_cache_loses_what_it_was_given(balancer):
    with mock.patch.object(cache, "get", return_value=None):
        response = balancer.get(URL)

    assert response.status_code == 503
    assert_reveals_nothing(response, b"unavailable\n")


def test_the_failure_goes_to_the_log_not_the_page(balancer, caplog):
    with mock.patch("portal.health.connection.cursor", side_effect=OperationalError(SECRET_ERROR)):
        response = balancer.get(URL)

    assert SECRET_ERROR.encode() not in response.content
    assert SECRET_ERROR in caplog.text


def test_a_query_string_changes_nothing(balancer):
    response = balancer.get(URL, {"verbose": "1", "debug": "true"})

    assert response.status_code == 200
    assert response.content == b"ok\n"


def test_healthy_again_when_the_database_is_back(balancer):
    with mock.patch("portal.health.connection.cursor", side_effect=OperationalError(SECRET_ERROR)):
        assert balancer.get(URL).status_code == 503

    assert balancer.get(URL).status_code == 200
