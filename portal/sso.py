"""Single sign-on with the municipality's OpenID Connect provider (Entra ID, Keycloak, an OIDC bridge to KOMBIT).

mozilla-django-oidc does the protocol; this module decides who a person is here, keeps their names and mapped
groups in step with the provider, and turns every failure into a Danish message on the login page rather than
an error page. Loaded only when single sign-on is switched on (portal/settings/sso.py, docs/sso.md).
"""

import hashlib
import logging
from urllib.parse import quote, urlencode

import jwt
import requests
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.exceptions import SuspiciousOperation, ValidationError
from django.core.validators import validate_email
from django.db import DatabaseError, transaction
from django.http import HttpResponseRedirect
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView, get_next_url

LOGGER = logging.getLogger(__name__)

PROVIDER_DOWN = _(
    "The municipality's login is not answering just now. Try again in a few minutes; if it goes on, contact the "
    "IT support."
)
LOGIN_FAILED = _(
    "You were not logged in with the municipality's login. Start again from this page; if it goes on, contact "
    "the IT support."
)
LOGIN_CANCELLED = _("The login with the municipality's login was cancelled.")
MISSING_CLAIMS = _(
    "The municipality's login did not say who you are, so you could not be logged in. Contact the IT support."
)
LOCAL_ACCOUNT = _(
    "A local account with your user name already exists here and cannot be taken over by the municipality's "
    "login. Contact the administrator."
)
INACTIVE = _("This account is not active. Contact the administrator.")

# Settings that the provider's discovery document can supply, and its names for them.
DISCOVERED = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
    "OIDC_OP_ISSUER": "issuer",
}
DISCOVERY_SECONDS = 3600
# Claims kept as they are; other user names (e-mail, preferred_username, upn) are compared in lower case.
CASE_SENSITIVE_CLAIMS = {"sub", "oid"}


class ProviderUnavailable(Exception):
    """The provider did not answer, or answered with something that is not OpenID Connect."""


class LoginRefused(Exception):
    """The provider vouched for someone we will not log in; the message tells them why."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def provider_setting(name):
    """A provider setting from the environment, else from the provider's discovery document."""
    value = getattr(settings, name, "")
    if value or name not in DISCOVERED or not settings.OIDC_OP_DISCOVERY_URL:
        return value
    return discovery_document().get(DISCOVERED[name]) or ""


def discovery_document():
    url = settings.OIDC_OP_DISCOVERY_URL
    key = "portal-sso-discovery-" + hashlib.sha256(url.encode()).hexdigest()
    document = cache.get(key)
    if document is None:
        try:
            response = requests.get(url, timeout=settings.OIDC_TIMEOUT)
            response.raise_for_status()
            document = response.json()
        except (requests.RequestException, ValueError) as error:
            raise ProviderUnavailable(f"discovery document {url}: {error}") from error
        if not isinstance(document, dict) or not document.get("authorization_endpoint"):
            raise ProviderUnavailable(f"discovery document {url} names no authorization endpoint")
        cache.set(key, document, DISCOVERY_SECONDS)
    return document


def username_from(claims):
    """The user name the configured claim gives, or "" when it gives none we can use."""
    claim = settings.OIDC_USERNAME_CLAIM
    value = claims.get(claim)
    if not isinstance(value, str) or not value.strip() or len(value.strip()) > 150:
        return ""
    value = value.strip()
    return value if claim in CASE_SENSITIVE_CLAIMS else value.lower()


def _provider_property(name):
    return property(lambda self: provider_setting(name))


class SSOBackend(OIDCAuthenticationBackend):
    """Logs in the person the provider vouches for, and only from the callback."""

    # Read when a login needs them: Django builds every backend for every password login too, and a provider
    # that is down must not stop the local administrators.
    OIDC_OP_TOKEN_ENDPOINT = _provider_property("OIDC_OP_TOKEN_ENDPOINT")
    OIDC_OP_USER_ENDPOINT = _provider_property("OIDC_OP_USER_ENDPOINT")
    OIDC_OP_JWKS_ENDPOINT = _provider_property("OIDC_OP_JWKS_ENDPOINT")
    OIDC_RP_CLIENT_ID = _provider_property("OIDC_RP_CLIENT_ID")
    OIDC_RP_CLIENT_SECRET = _provider_property("OIDC_RP_CLIENT_SECRET")
    OIDC_RP_SIGN_ALGO = _provider_property("OIDC_RP_SIGN_ALGO")
    OIDC_RP_IDP_SIGN_KEY = None

    def __init__(self, *args, **kwargs):
        self.UserModel = get_user_model()

    def authenticate(self, request, **kwargs):
        """No door of its own: Django's authenticate() never reaches the provider, whatever a request carries.

        Only the callback view logs in through the provider (authenticate_callback), outside django-axes: the
        provider checks the password and counts the failures, and a refused provider login from the town hall's
        one shared address must not lock everyone behind it out.
        """
        return None

    def authenticate_callback(self, request, nonce, code_verifier):
        """The person the provider's answer vouches for, or None with ``request.sso_refusal`` saying why."""
        try:
            return super().authenticate(request, nonce=nonce, code_verifier=code_verifier)
        except LoginRefused as refusal:
            return self._refuse(request, refusal.message, refusal)
        except requests.HTTPError as error:
            status = error.response.status_code if error.response is not None else 500
            return self._refuse(request, LOGIN_FAILED if status < 500 else PROVIDER_DOWN, error)
        except (ProviderUnavailable, requests.RequestException) as error:
            return self._refuse(request, PROVIDER_DOWN, error)
        except (SuspiciousOperation, jwt.PyJWTError, DatabaseError, ValueError, KeyError, TypeError) as error:
            return self._refuse(request, LOGIN_FAILED, error)

    def _refuse(self, request, message, error):
        LOGGER.warning("Single sign-on refused: %s", error)
        request.sso_refusal = message
        return None

    def verify_token(self, token, **kwargs):
        payload = super().verify_token(token, **kwargs)
        if "nonce" in kwargs:  # the ID token (a signed userinfo answer comes without one)
            self._check_audience_and_issuer(payload)
        return payload

    def _check_audience_and_issuer(self, payload):
        # The library checks neither; Entra ID signs every tenant's tokens with the same keys.
        audience = payload.get("aud")
        audiences = [audience] if isinstance(audience, str) else audience or []
        if self.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("ID token is for another client")
        issuer = provider_setting("OIDC_OP_ISSUER")
        if issuer and payload.get("iss") != issuer:
            raise SuspiciousOperation(f"ID token issued by {payload.get('iss')!r}, not {issuer!r}")

    def get_userinfo(self, access_token, id_token, payload):
        """The ID token's claims, completed by the userinfo endpoint (Entra ID puts groups only in the token)."""
        claims = dict(payload)
        if self.OIDC_OP_USER_ENDPOINT and access_token:
            userinfo = super().get_userinfo(access_token, id_token, payload)
            if not isinstance(userinfo, dict) or userinfo.get("sub") != payload.get("sub"):
                raise LoginRefused(LOGIN_FAILED)
            claims.update(userinfo)
        return claims

    def verify_claims(self, claims):
        if not username_from(claims):
            raise LoginRefused(MISSING_CLAIMS)
        return True

    def filter_users_by_claims(self, claims):
        return self.UserModel.objects.filter(username=username_from(claims))

    def describe_user_by_claims(self, claims):
        return f"user name {username_from(claims)}"

    def create_user(self, claims):
        user = self.UserModel(username=username_from(claims))
        user.set_unusable_password()  # a provider's person logs in through the provider only
        return self.update_user(user, claims)

    def update_user(self, user, claims):
        if user.pk and user.is_superuser:
            raise LoginRefused(LOCAL_ACCOUNT)  # superusers are local break-glass accounts, never the provider's
        if user.pk and user.has_usable_password() and not settings.OIDC_LINK_LOCAL_ACCOUNTS:
            raise LoginRefused(LOCAL_ACCOUNT)
        apply_profile(user, claims)
        with transaction.atomic():
            user.save()
            sync_groups(user, claims)
        return user


def apply_profile(user, claims):
    """Names and e-mail from the claims the provider gives; a claim it leaves out changes nothing."""
    first, last = claims.get("given_name"), claims.get("family_name")
    if not (isinstance(first, str) or isinstance(last, str)) and isinstance(claims.get("name"), str):
        first, _space, last = claims["name"].strip().rpartition(" ")
        first, last = (first, last) if first else (last, "")
    if isinstance(first, str):
        user.first_name = first.strip()[:150]
    if isinstance(last, str):
        user.last_name = last.strip()[:150]
    email = claims.get("email")
    if isinstance(email, str) and len(email) <= 254:
        try:
            validate_email(email)
        except ValidationError:
            return
        user.email = email


def sync_groups(user, claims):
    """Adds the mapped groups the claim names and removes the mapped groups it no longer names.

    Groups outside the mapping are the administrators' to give and take; they are left alone.
    """
    mapping = settings.OIDC_GROUP_MAP
    values = claims.get(settings.OIDC_GROUPS_CLAIM) or []
    values = [values] if isinstance(values, str) else values if isinstance(values, list) else []
    if settings.OIDC_GROUPS_CLAIM not in claims and "_claim_names" in claims:
        LOGGER.warning("The provider sent %s by reference (too many groups): mapped groups removed", user)
    wanted = {name for value in values if isinstance(value, str) for name in mapping.get(value, [])}
    mapped = {name for names in mapping.values() for name in names}
    groups = list(Group.objects.filter(name__in=mapped))
    if missing := mapped - {group.name for group in groups}:
        LOGGER.warning("OIDC_GROUP_MAP names groups that do not exist: %s", ", ".join(sorted(missing)))
    user.groups.remove(*(group for group in groups if group.name not in wanted))
    user.groups.add(*(group for group in groups if group.name in wanted))


def login_page_after_failure(request, message, next_url=None):
    """Back to the login page with the reason, keeping the page the person was on their way to."""
    messages.error(request, message)
    login_url = resolve_url(settings.LOGIN_URL)
    return HttpResponseRedirect(f"{login_url}?next={quote(next_url)}" if next_url else login_url)


@method_decorator(login_not_required, name="dispatch")
class SSOLoginView(OIDCAuthenticationRequestView):
    """Sends the person to the provider; the provider's address may first need its discovery document."""

    def get(self, request):
        try:
            self.OIDC_OP_AUTH_ENDPOINT = provider_setting("OIDC_OP_AUTHORIZATION_ENDPOINT")
        except ProviderUnavailable as error:
            LOGGER.warning("Single sign-on unavailable: %s", error)
            return login_page_after_failure(request, PROVIDER_DOWN, get_next_url(request, "next"))
        return super().get(request)


@method_decorator(login_not_required, name="dispatch")
class SSOCallbackView(OIDCAuthenticationCallbackView):
    """Where the provider sends the person back; every failure ends on the login page with the reason."""

    def get(self, request):
        pending = request.session.get("oidc_states")
        login = pending.pop(request.GET.get("state", ""), None) if isinstance(pending, dict) else None
        if login is None:  # a state this session never sent: an old tab, a replay, a forged link
            LOGGER.warning("Single sign-on callback with an unknown state")
            return self.login_failure()
        request.session.modified = True  # each state is used once, whatever happens next
        request.session.save()
        if "code" not in request.GET:  # the provider says why in "error"
            return self.login_failure()
        self.user = SSOBackend().authenticate_callback(request, login.get("nonce"), login.get("code_verifier"))
        if self.user is None or not self.user.is_active:
            return self.login_failure()
        self.user.backend = f"{SSOBackend.__module__}.{SSOBackend.__qualname__}"
        return self.login_success()

    def login_failure(self):
        request = self.request
        user = getattr(self, "user", None)
        if user is not None and not user.is_active:
            message = INACTIVE
        elif request.GET.get("error") == "access_denied":
            message = LOGIN_CANCELLED
        else:
            message = getattr(request, "sso_refusal", LOGIN_FAILED)
        return login_page_after_failure(request, message, request.session.get("oidc_login_next"))


def provider_logout_url(request):
    """After logging out here, the provider's own logout (RP-initiated logout), for those who came through it."""
    after_logout = resolve_url(settings.LOGOUT_REDIRECT_URL)
    id_token = request.session.get("oidc_id_token")
    if not id_token:
        return after_logout
    back = request.build_absolute_uri(after_logout)
    query = urlencode(
        {"id_token_hint": id_token, "post_logout_redirect_uri": back, "client_id": settings.OIDC_RP_CLIENT_ID}
    )
    separator = "&" if "?" in settings.OIDC_OP_LOGOUT_URL else "?"
    return f"{settings.OIDC_OP_LOGOUT_URL}{separator}{query}"


def login_options(request):
    """For the login page: the provider's button, and whether the password form is offered at all."""
    return {"sso_login_url": reverse("oidc_authentication_init"), "sso_only": settings.OIDC_ONLY}
