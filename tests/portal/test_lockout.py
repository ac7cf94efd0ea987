"""Brute force: five wrong passwords lock a user name out from one address, with our Danish page, until the cool-off
ends or an administrator unlocks it in the admin («Låste logins»)."""

import datetime
import json

import pytest
from axes.models import AccessAttempt
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.test import Client
from django.utils import timezone

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOCKOUTS_URL = "/admin/lockouts/"
UNLOCK_URL = "/admin/lockouts/unlock/"


@pytest.fixture
def employee(db):
    return UserFactory(username="medarbejder")


def post_login(client, username, password, address="10.0.0.7"):
    return client.post("/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def fail(client, times, username="medarbejder", address="10.0.0.7"):
    return [post_login(client, username, "forkert", address) for _ in range(times)][-1]


def failures(username="medarbejder"):
    return sum(AccessAttempt.objects.filter(username=username).values_list("failures_since_start", flat=True))


def text_of(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def logged_in(client):
    return "_auth_user_id" in client.session


def admin_client(user):
    client = Client()
    client.force_login(user)
    return client


def permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


# Counting through our login page


def test_a_wrong_password_is_counted(client, employee):
    response = post_login(client, "medarbejder", "forkert")

    assert response.status_code == 200
    assert "Brugernavn eller adgangskode er forkert" in text_of(response)
    assert failures() == 1


def test_the_fifth_failure_locks_out_with_a_danish_page_not_axes_english_text(client, employee):
    fail(client, 4)

    response = post_login(client, "medarbejder", "forkert")

    assert response.status_code == 429
    text = text_of(response)
    assert "For mange mislykkede forsøg" in text
    assert "“medarbejder”" in text
    assert "spærret i 60 minutter" in text
    assert "portalens administrator eller IT-support" in text
    assert "Account locked" not in text
    assert "Kvalitetsportalen" in text  # our page, with our header


def test_the_sixth_attempt_with_the_right_password_is_refused(client, employee):
    fail(client, 5)

    response = post_login(client, "medarbejder", "demo1234")

    assert response.status_code == 429
    assert "For mange mislykkede forsøg" in text_of(response)
    assert not logged_in(client)
    assert client.get("/").status_code == 302


def test_the_page_says_when_the_person_can_try_again_in_copenhagen_time(client, employee):
    response = fail(client, 5)

    last = AccessAttempt.objects.get(username="medarbejder").attempt_time
    again = timezone.localtime(last + datetime.timedelta(hours=1))
    assert f"Du kan prøve igen kl. {again:%H:%M}" in text_of(response)


def test_tries_while_locked_out_do_not_extend_the_lock_out(client, employee):
    fail(client, 5)
    first_lockout = AccessAttempt.objects.get(username="medarbejder").attempt_time

    fail(client, 3)
    post_login(client, "medarbejder", "demo1234")

    attempt = AccessAttempt.objects.get(username="medarbejder")
    assert attempt.attempt_time == first_lockout
    assert attempt.failures_since_start == 5


def test_a_successful_login_resets_the_count(client, employee):
    fail(client, 4)
    assert failures() == 4

    assert post_login(client, "medarbejder", "demo1234").status_code == 302
    client.post("/logout/")

    assert failures() == 0
    fail(client, 4)  # four new failures are not enough for a lock-out
    assert post_login(client, "medarbejder", "demo1234").status_code == 302


def test_the_lock_out_holds_one_user_name_from_one_address(client, employee):
    UserFactory(username="kollega")
    fail(client, 5)

    assert post_login(Client(), "kollega", "demo1234").status_code == 302
    assert post_login(Client(), "medarbejder", "demo1234", address="10.0.0.8").status_code == 302
    assert post_login(Client(), "medarbejder", "demo1234").status_code == 429


def test_behind_the_load_balancer_the_lock_out_holds_the_address_the_balancer_saw(client, employee, settings):
    settings.PORTAL_TRUSTED_PROXIES = 1  # as production.py sets it with SECURE_PROXY on
    balancer = "10.0.0.1"

    for _ in range(5):
        client.post(
            "/login/",
            {"username": "medarbejder", "password": "forkert"},
            REMOTE_ADDR=balancer,
            HTTP_X_FORWARDED_FOR="192.0.2.66",
        )
    elsewhere = Client().post(
        "/login/",
        {"username": "medarbejder", "password": "demo1234"},
        REMOTE_ADDR=balancer,
        HTTP_X_FORWARDED_FOR="192.0.2.10",
    )

    assert elsewhere.status_code == 302  # the person at their own desk is not locked out by someone else
    assert AccessAttempt.objects.get(username="medarbejder").ip_address == "192.0.2.66"


def test_the_lock_out_ends_after_the_cool_off(client, employee):
    fail(client, 5)
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(hours=1, minutes=1))

    response = post_login(client, "medarbejder", "demo1234")

    assert response.status_code == 302
    assert logged_in(client)


def test_a_login_from_code_without_a_request_still_works(client, employee):
    assert client.login(username="medarbejder", password="demo1234")
    assert not client.login(username="medarbejder", password="forkert")
    assert AccessAttempt.objects.count() == 0  # no request, no address: not a login from the network


def test_hostile_user_names_are_locked_out_and_shown_escaped(client, db):
    response = fail(client, 5, username="<b>x</b>")

    assert response.status_code == 429
    assert b"<b>x</b>" not in response.content
    assert "“<b>x</b>”" in text_of(response)


# The administrator's list and unlock


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin", is_superuser=True, is_staff=True)


@pytest.fixture
def locked_out(client, employee):
    fail(client, 6)
    return employee


def test_the_administrator_sees_who_is_locked_out(superuser, locked_out):
    response = admin_client(superuser).get(LOCKOUTS_URL)

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("h1").get_text(strip=True) == "Låste logins"
    rows = [[" ".join(cell.get_text(" ").split()) for cell in row.find_all("td")] for row in soup.select("tbody tr")]
    last = timezone.localtime(AccessAttempt.objects.get().attempt_time)
    assert rows == [["medarbejder", "10.0.0.7", "5", f"{last:%d.%m.%Y %H:%M}", "Lås op"]]


def test_a_failure_or_two_is_not_a_lock_out(client, superuser, employee):
    fail(client, 2)

    response = admin_client(superuser).get(LOCKOUTS_URL)

    assert "Ingen logins er låst lige nu." in text_of(response)
    assert b"medarbejder" not in response.content.split(b"<main", 1)[-1]


def test_unlocking_lets_the_person_log_in_at_once(superuser, locked_out):
    admin = admin_client(superuser)

    response = admin.post(UNLOCK_URL, {"username": "medarbejder", "ip_address": "10.0.0.7"}, follow=True)

    assert response.redirect_chain == [(LOCKOUTS_URL, 302)]
    assert "medarbejder kan logge ind igen." in text_of(response)
    assert "Ingen logins er låst lige nu." in text_of(response)
    client = Client()
    assert post_login(client, "medarbejder", "demo1234").status_code == 302
    assert logged_in(client)


def test_unlocking_one_login_leaves_the_others_locked(client, superuser, locked_out):
    UserFactory(username="kollega")
    fail(Client(), 5, username="kollega")

    admin_client(superuser).post(UNLOCK_URL, {"username": "medarbejder", "ip_address": "10.0.0.7"})

    assert failures("medarbejder") == 0
    assert failures("kollega") == 5
    assert post_login(Client(), "kollega", "demo1234").status_code == 429


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"username": "medarbejder"},
        {"ip_address": "10.0.0.7"},
        {"username": "medarbejder", "ip_address": "ikke en adresse"},
        {"username": "x" * 10_000, "ip_address": "10.0.0.7"},
        {"username": "ukendt", "ip_address": "10.0.0.7"},
    ],
)
def test_bad_unlock_requests_get_a_message_and_unlock_nothing(superuser, locked_out, data):
    response = admin_client(superuser).post(UNLOCK_URL, data, follow=True)

    assert response.status_code == 200
    assert "Det login var ikke låst." in text_of(response)
    assert failures() == 5


def test_unlocking_needs_a_post_with_a_csrf_token(superuser, locked_out):
    admin = Client(enforce_csrf_checks=True)
    admin.force_login(superuser)

    assert admin.get(UNLOCK_URL, {"username": "medarbejder", "ip_address": "10.0.0.7"}).status_code == 405
    assert admin.post(UNLOCK_URL, {"username": "medarbejder", "ip_address": "10.0.0.7"}).status_code == 403
    assert failures() == 5


def test_a_user_with_the_permission_may_unlock(locked_out):
    helpdesk = UserFactory(username="it-support")
    helpdesk.user_permissions.add(
        permission("wagtailadmin", "access_admin"), permission("axes", "delete_accessattempt")
    )
    admin = admin_client(helpdesk)

    assert "medarbejder" in text_of(admin.get(LOCKOUTS_URL))
    admin.post(UNLOCK_URL, {"username": "medarbejder", "ip_address": "10.0.0.7"})
    assert failures() == 0


def test_an_editor_without_the_permission_is_refused_the_list_and_the_unlock(locked_out):
    editor = UserFactory(username="redaktoer")
    editor.user_permissions.add(permission("wagtailadmin", "access_admin"))
    admin = admin_client(editor)

    listing = admin.get(LOCKOUTS_URL)
    unlock = admin.post(UNLOCK_URL, {"username": "medarbejder", "ip_address": "10.0.0.7"})

    for response in (listing, unlock):  # Wagtail's “permission denied”: back to the dashboard with a message
        assert response.status_code == 302
        assert response["Location"] == "/admin/"
    assert failures() == 5
    assert LOCKOUTS_URL not in admin.get("/admin/").content.decode()


def test_a_reader_and_a_visitor_never_reach_the_list(locked_out):
    reader = admin_client(UserFactory(username="laeser"))

    assert reader.get(LOCKOUTS_URL).status_code in (302, 403)
    assert b"10.0.0.7" not in reader.get(LOCKOUTS_URL, follow=True).content
    visitor = Client().get(LOCKOUTS_URL)
    assert visitor.status_code == 302
    assert visitor["Location"].startswith("/login/")


def test_the_settings_menu_offers_locked_logins_to_the_administrator(superuser):
    response = admin_client(superuser).get("/admin/")

    menu = BeautifulSoup(response.content, "html.parser").find(id="wagtail-sidebar-props").string
    assert LOCKOUTS_URL in menu
    assert "Låste logins" in json.dumps(json.loads(menu), ensure_ascii=False)
