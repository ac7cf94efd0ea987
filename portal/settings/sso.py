"""Optional single sign-on with OpenID Connect (mozilla-django-oidc), switched on by the environment.

Imported at the end of base.py. Without OIDC_RP_CLIENT_ID nothing here is exported: no app, no backend, no URLs,
no button. See docs/sso.md.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from . import base  # the settings so far: this module is imported at the end of base.py


def parse_group_map(text):
    """ "kvalitet-redaktoerer=Redaktører,kvalitet-ws=WorkSmarter-gruppen" as {provider value: [group names]}."""
    mapping = {}
    for pair in filter(str.strip, text.split(",")):
        value, separator, group = (part.strip() for part in pair.rpartition("="))
        if not (separator and value and group):
            raise ImproperlyConfigured(f"OIDC_GROUP_MAP: {pair.strip()!r} is not provider-value=Group name.")
        mapping.setdefault(value, []).append(group)
    return mapping


SSO_ENABLED = bool(os.environ.get("OIDC_RP_CLIENT_ID", "").strip())
__all__ = ["SSO_ENABLED"]

if SSO_ENABLED:
    OIDC_RP_CLIENT_ID = os.environ["OIDC_RP_CLIENT_ID"].strip()
    OIDC_RP_CLIENT_SECRET = os.environ.get("OIDC_RP_CLIENT_SECRET", "")
    OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
    OIDC_RP_SCOPES = os.environ.get("OIDC_RP_SCOPES", "openid email profile")

    # Either the provider's discovery document, read when first needed, or each endpoint by hand.
    OIDC_OP_DISCOVERY_URL = os.environ.get("OIDC_OP_DISCOVERY_URL", "")
    OIDC_OP_ISSUER = os.environ.get("OIDC_OP_ISSUER", "")
    OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
    OIDC_OP_TOKEN_ENDPOINT = os.environ.get("OIDC_OP_TOKEN_ENDPOINT", "")
    OIDC_OP_USER_ENDPOINT = os.environ.get("OIDC_OP_USER_ENDPOINT", "")
    OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT", "")
    if not OIDC_RP_CLIENT_SECRET:
        raise ImproperlyConfigured("OIDC_RP_CLIENT_SECRET must be set with OIDC_RP_CLIENT_ID.")
    if not OIDC_OP_DISCOVERY_URL and not (
        OIDC_OP_AUTHORIZATION_ENDPOINT and OIDC_OP_TOKEN_ENDPOINT and OIDC_OP_JWKS_ENDPOINT
    ):
        raise ImproperlyConfigured(
            "Single sign-on needs OIDC_OP_DISCOVERY_URL, or OIDC_OP_AUTHORIZATION_ENDPOINT, OIDC_OP_TOKEN_ENDPOINT "
            "and OIDC_OP_JWKS_ENDPOINT."
        )

    # Who is who: the claim that names a person for good, the claim with their groups, and what those mean here.
    OIDC_USERNAME_CLAIM = os.environ.get("OIDC_USERNAME_CLAIM", "sub")
    OIDC_GROUPS_CLAIM = os.environ.get("OIDC_GROUPS_CLAIM", "groups")
    OIDC_GROUP_MAP = parse_group_map(os.environ.get("OIDC_GROUP_MAP", ""))
    OIDC_CREATE_USER = base.env_bool("OIDC_CREATE_USERS", True)
    # A local account with a password is never taken over by a provider login unless this says so.
    OIDC_LINK_LOCAL_ACCOUNTS = base.env_bool("OIDC_LINK_LOCAL_ACCOUNTS", False)
    # Only the provider's login: the password form is gone and passwords are no longer checked.
    OIDC_ONLY = base.env_bool("OIDC_ONLY", False)

    OIDC_USE_PKCE = base.env_bool("OIDC_USE_PKCE", True)
    OIDC_TIMEOUT = float(os.environ.get("OIDC_TIMEOUT", "10"))  # the library's default waits for ever
    OIDC_AUTHENTICATE_CLASS = "portal.sso.SSOLoginView"
    OIDC_CALLBACK_CLASS = "portal.sso.SSOCallbackView"
    LOGIN_REDIRECT_URL_FAILURE = base.LOGIN_URL

    # Logging out here ends the provider's session too when it has a logout endpoint (RP-initiated logout).
    OIDC_OP_LOGOUT_URL = os.environ.get("OIDC_OP_LOGOUT_URL", "")
    if OIDC_OP_LOGOUT_URL:
        OIDC_OP_LOGOUT_URL_METHOD = "portal.sso.provider_logout_url"
        OIDC_STORE_ID_TOKEN = True  # the logout endpoint is told whose session to end

    INSTALLED_APPS = [*base.INSTALLED_APPS, "mozilla_django_oidc"]
    local_backend = "django.contrib.auth.backends.ModelBackend"
    AUTHENTICATION_BACKENDS = [
        *(backend for backend in base.AUTHENTICATION_BACKENDS if not (OIDC_ONLY and backend == local_backend)),
        "portal.sso.SSOBackend",
    ]
    TEMPLATES = [
        {
            **base.TEMPLATES[0],
            "OPTIONS": {
                **base.TEMPLATES[0]["OPTIONS"],
                "context_processors": [*base.TEMPLATES[0]["OPTIONS"]["context_processors"], "portal.sso.login_options"],
            },
        },
        *base.TEMPLATES[1:],
    ]
    __all__ = [name for name in dir() if name.isupper()]
