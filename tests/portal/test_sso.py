"""Single sign-on with OpenID Connect, driven end to end against a real provider running in a thread."""

import importlib
import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from unittest import mock
from urllib.parse import parse_qs, urlparse

import pytest
import requests
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import override_settings
from django.urls import clear_url_caches

from tests.factories import GroupFactory, UserFactory
from tests.portal.oidc_provider import CLIENT_ID, CLIENT_SECRET, FakeProvider, new_key

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
GROUP_MAP = "kvalitet-redaktoerer=Redaktører,kvalitet-worksmarter=WorkSmarter-gruppen"
METTE = {
    "sub": "a1b2c3",
    "preferred_username": "MJE@Kommune.example",
    "given_name": "Mette",
    "family_name": "Jensen",
    "email": "mje@kommune.example",
    "groups": ["kvalitet-redaktoerer", "alle-medarbejdere"],
}

PROVIDER_DOWN = "Kommunens login svarer ikke lige nu."
LOGIN_FAILED = "Du blev ikke logget ind med kommunens login."
BUTTON = "Log ind med kommunens login"


@pytest.fixture
def provider():
    fake = FakeProvider()
    fake.person = dict(METTE)
    yield fake
    fake.stop()


def sso_environment(provider, **extra):
    """What an operator sets: the provider's discovery document, our client, whose name and groups count."""
    return {
        "OIDC_RP_CLIENT_ID": CLIENT_ID,
        "OIDC_RP_CLIENT_SECRET": CLIENT_SECRET,
        "OIDC_OP_DISCOVERY_URL": f"{provider.url}/.well-known/openid-configuration",
        "OIDC_USERNAME_CLAIM": "preferred_username",
        "OIDC_GROUP_MAP": GROUP_MAP,
        **extra,
    }


def reload_urls():
    clear_url_caches()
    importlib.reload(importlib.import_module("mozilla_django_oidc.urls"))
    importlib.reload(importlib.import_module("portal.urls"))


@contextmanager
def single_sign_on(provider, **environment):
    """The settings portal/settings/sso.py gives with this environment, applied to the running test settings."""
    from portal.settings import sso

    cache.clear()  # the discovery document of an earlier provider
    with mock.patch.dict(os.environ, sso_environment(provider, **environment)):
        importlib.reload(sso)
    names = [name for name in sso.__all__ if name != "INSTALLED_APPS"]  # the app has no models to register
    try:
        with override_settings(**{name: getattr(sso, name) for name in names}):
            reload_urls()
            yield provider
    finally:
        importlib.reload(sso)
        reload_urls()
        cache.clear()


@pytest.fixture
def sso_on(provider):
    with single_sign_on(provider) as switched_on:
        yield switched_on


@pytest.fixture
def roles(db):
    return {name: GroupFactory(name=name) for name in ("Redaktører", "WorkSmarter-gruppen", "Team Miljø")}


def start_login(client, next_url="/"):
    """From the button to the provider's redirect back to us (the person logs in at the provider)."""
    response = client.get("/oidc/authenticate/", {"next": next_url})
    assert response.status_code == 302
    to_provider = requests.get(response["Location"], allow_redirects=False, timeout=10)
    assert to_provider.status_code == 302, to_provider.text
    back = urlparse(to_provider.headers["Location"])
    assert back.path == "/oidc/callback/"
    return parse_qs(back.query)


def finish_login(client, callback_query):
    return client.get("/oidc/callback/", {key: values[0] for key, values in callback_query.items()})


def log_in(client, next_url="/"):
    return finish_login(client, start_login(client, next_url))


def logged_in_user(client):
    user_id = client.session.get("_auth_user_id")
    return get_user_model().objects.get(pk=user_id) if user_id else None


def login_page_after(client, response):
    """The callback sends a failed login back to the login page; what that page then says."""
    assert response.status_code == 302
    assert urlparse(response["Location"]).path == "/login/"
    login_page = client.get(response["Location"])
    assert login_page.status_code == 200
    return login_page.content.decode()


def group_names(user):
    return set(user.groups.values_list("name", flat=True))


def test_first_login_creates_the_person_with_names_and_mapped_groups(client, sso_on, roles):
    response = log_in(client, next_url="/search/")

    assert response.status_code == 302
    assert response["Location"] == "/search/"
    user = logged_in_user(client)
    assert user.username == "mje@kommune.example"
    assert (user.first_name, user.last_name, user.email) == ("Mette", "Jensen", "mje@kommune.example")
    assert group_names(user) == {"Redaktører"}
    assert not user.has_usable_password()
    assert not user.is_staff and not user.is_superuser


def test_a_next_address_elsewhere_is_not_followed(client, sso_on, roles):
    response = log_in(client, next_url="https://angriber.example/")

    assert response["Location"] == "/"
    assert logged_in_user(client) is not None


def test_groups_and_names_follow_the_provider_at_each_login(client, sso_on, roles):
    log_in(client)
    user = logged_in_user(client)
    user.groups.add(roles["Team Miljø"])  # given by an administrator here: not the provider's to take
    client.post("/logout/")

    sso_on.person.update(groups=["kvalitet-worksmarter"], family_name="Bech", email="mette.bech@kommune.example")
    log_in(client)

    user.refresh_from_db()
    assert logged_in_user(client) == user
    assert group_names(user) == {"WorkSmarter-gruppen", "Team Miljø"}
    assert (user.last_name, user.email) == ("Bech", "mette.bech@kommune.example")


def test_all_mapped_groups_go_when_the_claim_names_none(client, sso_on, roles):
    log_in(client)
    client.post("/logout/")
    del sso_on.person["groups"]

    log_in(client)

    assert group_names(logged_in_user(client)) == set()


def test_the_login_page_offers_the_button_and_keeps_the_password_form(client, sso_on):
    body = client.get("/login/", {"next": "/search/"}).content.decode()

    assert BUTTON in body
    assert 'href="/oidc/authenticate/?next=/search/"' in body
    assert 'name="password"' in body


def test_password_login_still_works_when_the_provider_is_down(client, sso_on):
    UserFactory(username="admin")
    sso_on.stop()

    response = client.post("/login/", {"username": "admin", "password": "demo1234"})

    assert response.status_code == 302
    assert logged_in_user(client).username == "admin"


def test_a_state_this_session_never_sent_is_refused(client, sso_on, roles):
    query = start_login(client)
    query["state"] = ["forfalsket"]

    body = login_page_after(client, finish_login(client, query))

    assert LOGIN_FAILED in body
    assert logged_in_user(client) is None


def test_a_callback_without_any_login_started_is_refused(client, sso_on):
    body = login_page_after(client, client.get("/oidc/callback/", {"code": "x", "state": "y"}))

    assert LOGIN_FAILED in body


def test_an_id_token_signed_with_another_key_is_refused(client, sso_on, roles):
    sso_on.signing_key = new_key()

    body = login_page_after(client, log_in(client))

    assert LOGIN_FAILED in body
    assert logged_in_user(client) is None
    assert not get_user_model().objects.filter(username="mje@kommune.example").exists()


def test_an_expired_id_token_is_refused(client, sso_on, roles):
    sso_on.id_token_changes = {"exp": 1_700_000_000}

    body = login_page_after(client, log_in(client))

    assert LOGIN_FAILED in body
    assert logged_in_user(client) is None


def test_an_id_token_for_another_application_is_refused(client, sso_on, roles):
    sso_on.id_token_changes = {"aud": "en-anden-app"}

    body = login_page_after(client, log_in(client))

    assert LOGIN_FAILED in body
    assert logged_in_user(client) is None


def test_an_id_token_from_another_issuer_is_refused(client, sso_on, roles):
    sso_on.id_token_changes = {"iss": "https://login.example.com/en-anden-kommune/v2.0"}

    body = login_page_after(client, log_in(client))

    assert LOGIN_FAILED in body
    assert logged_in_user(client) is None


@pytest.mark.parametrize("query", [{}, {"state": "x" * 10_000}, {"code": "\x00", "state": "<script>"}])
def test_nonsense_at_the_callback_ends_on_the_login_page(client, sso_on, query):
    body = login_page_after(client, client.get("/oidc/callback/", query))

    assert LOGIN_FAILED in body
    assert "<script>" not in body


def test_a_person_without_the_user_name_claim_is_refused_in_danish(client, sso_on, roles):
    del sso_on.person["preferred_username"]

    body = login_page_after(client, log_in(client))

    assert "Kommunens login oplyste ikke, hvem du er" in body
    assert logged_in_user(client) is None


def test_a_local_account_with_a_password_is_not_taken_over(client, sso_on, roles):
    UserFactory(username="mje@kommune.example", first_name="Lokal")

    body = login_page_after(client, log_in(client))

    assert "Der findes allerede en lokal konto med dit brugernavn" in body
    assert logged_in_user(client) is None
    assert get_user_model().objects.get(username="mje@kommune.example").first_name == "Lokal"


def test_a_superuser_is_never_the_providers(client, sso_on, roles):
    admin = UserFactory(username="mje@kommune.example", is_superuser=True)
    admin.set_unusable_password()
    admin.save()

    body = login_page_after(client, log_in(client))

    assert "Der findes allerede en lokal konto" in body
    assert logged_in_user(client) is None


def test_a_deactivated_person_is_told_so(client, sso_on, roles):
    log_in(client)
    get_user_model().objects.filter(username="mje@kommune.example").update(is_active=False)
    client.post("/logout/")

    body = login_page_after(client, log_in(client))

    assert "Denne konto er ikke aktiv" in body
    assert logged_in_user(client) is None


def test_a_login_cancelled_at_the_provider_says_so(client, sso_on):
    query = start_login(client)

    response = client.get("/oidc/callback/", {"error": "access_denied", "state": query["state"][0]})

    assert "Log ind med kommunens login blev afbrudt." in login_page_after(client, response)


def test_provider_down_before_the_login_gives_a_danish_message(client, sso_on):
    sso_on.stop()

    response = client.get("/oidc/authenticate/", {"next": "/search/"})

    assert response["Location"] == "/login/?next=/search/"
    assert PROVIDER_DOWN in login_page_after(client, response)


def test_provider_down_during_the_login_gives_a_danish_message(client, sso_on, roles):
    query = start_login(client)
    sso_on.stop()

    body = login_page_after(client, finish_login(client, query))

    assert PROVIDER_DOWN in body
    assert logged_in_user(client) is None


def test_repeated_refusals_do_not_lock_out_the_office(client, sso_on, roles):
    """Everyone behind the town hall's one address shares it: refused provider logins must not lock it out."""
    sso_on.signing_key = new_key()
    for _attempt in range(6):
        log_in(client)
    sso_on.signing_key = sso_on.key

    response = log_in(client)

    assert response.status_code == 302
    assert logged_in_user(client).username == "mje@kommune.example"


@pytest.fixture
def sso_only(provider):
    with single_sign_on(provider, OIDC_ONLY="true") as switched_on:
        yield switched_on


def test_oidc_only_takes_the_password_form_away_and_refuses_passwords(client, sso_only):
    UserFactory(username="admin")

    body = client.get("/login/").content.decode()
    response = client.post("/login/", {"username": "admin", "password": "demo1234"})

    assert BUTTON in body
    assert 'name="password"' not in body
    assert logged_in_user(client) is None
    assert response.status_code != 302


@pytest.fixture
def sso_with_logout(provider):
    with single_sign_on(provider, OIDC_OP_LOGOUT_URL=f"{provider.url}/logout") as switched_on:
        yield switched_on


def test_logout_ends_the_providers_session_too(client, sso_with_logout, roles):
    log_in(client)

    response = client.post("/oidc/logout/")

    target = urlparse(response["Location"])
    query = parse_qs(target.query)
    assert f"{target.scheme}://{target.netloc}{target.path}" == f"{sso_with_logout.url}/logout"
    assert query["post_logout_redirect_uri"] == ["http://testserver/login/"]
    assert query["id_token_hint"][0].count(".") == 2
    assert logged_in_user(client) is None


def logout_form_action(client):
    header = BeautifulSoup(client.get("/search/").content, "html.parser")
    return header.select_one("form.portal-logout")["action"]


def test_the_headers_log_out_button_ends_the_providers_session_when_it_is_on(client, sso_with_logout):
    client.force_login(UserFactory(username="medarbejder"))

    assert logout_form_action(client) == "/oidc/logout/"


def test_the_headers_log_out_button_stays_here_when_it_is_off(client):
    client.force_login(UserFactory(username="medarbejder"))

    assert logout_form_action(client) == "/logout/"


def test_logout_of_a_local_account_stays_here(client, sso_with_logout):
    client.force_login(UserFactory(username="admin"))

    response = client.post("/oidc/logout/")

    assert response["Location"] == "/login/"
    assert logged_in_user(client) is None


def test_switched_off_there_is_no_button_and_no_provider_urls(client):
    reader = UserFactory(username="medarbejder")

    assert BUTTON not in client.get("/login/").content.decode()
    anonymous = client.get("/oidc/authenticate/")
    client.force_login(reader)
    logged_in = client.get("/oidc/authenticate/")

    assert urlparse(anonymous["Location"]).path == "/login/"  # the closed intranet's login, not a provider
    assert logged_in.status_code == 404, logged_in.content[:2000]


def settings_in_subprocess(**environment):
    """The test settings as a fresh process with this environment reads them."""
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.AUTHENTICATION_BACKENDS, 'mozilla_django_oidc' in s.INSTALLED_APPS, "
        "getattr(s, 'OIDC_RP_CLIENT_ID', None))"
    )
    clean = {key: value for key, value in os.environ.items() if not key.startswith("OIDC_")}
    return subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, **environment, "DJANGO_SETTINGS_MODULE": "portal.settings.test"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_without_the_environment_nothing_of_single_sign_on_is_loaded():
    result = settings_in_subprocess()

    assert result.returncode == 0, result.stderr
    assert "portal.sso" not in result.stdout
    assert result.stdout.strip().endswith("False None")


def test_with_the_environment_the_backend_comes_after_the_lock_out_check():
    result = settings_in_subprocess(
        OIDC_RP_CLIENT_ID=CLIENT_ID,
        OIDC_RP_CLIENT_SECRET=CLIENT_SECRET,
        OIDC_OP_DISCOVERY_URL="https://login.kommune.example/.well-known/openid-configuration",
    )

    assert result.returncode == 0, result.stderr
    backends = result.stdout.split("]")[0]
    assert backends.index("portal.lockout.LockoutBackend") < backends.index("portal.sso.SSOBackend")
    assert "ModelBackend" in backends
    assert result.stdout.strip().endswith(f"True {CLIENT_ID}")


@pytest.mark.parametrize(
    ("environment", "complaint"),
    [
        ({"OIDC_RP_CLIENT_SECRET": "s"}, "OIDC_OP_DISCOVERY_URL"),
        ({"OIDC_OP_DISCOVERY_URL": "https://login.kommune.example/"}, "OIDC_RP_CLIENT_SECRET"),
        (
            {"OIDC_RP_CLIENT_SECRET": "s", "OIDC_OP_DISCOVERY_URL": "https://x/", "OIDC_GROUP_MAP": "Redaktører"},
            "OIDC_GROUP_MAP",
        ),
    ],
)
def test_half_a_configuration_refuses_to_start(environment, complaint):
    result = settings_in_subprocess(OIDC_RP_CLIENT_ID=CLIENT_ID, **environment)

    assert result.returncode != 0
    assert complaint in result.stderr
