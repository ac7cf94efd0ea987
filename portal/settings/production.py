"""Production: every secret and host from the environment; refuses to start without SECRET_KEY.

Behind a TLS-terminating proxy or load balancer (the default, SECURE_PROXY=true) the portal trusts its
X-Forwarded-Proto header, redirects plain HTTP to HTTPS, sends HSTS and marks its cookies secure. `make serve`
turns that off to serve plain HTTP on this machine.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False
if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")  # noqa: F405
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in the environment for production.")

# Hashed, compressed static files, collected by `manage.py collectstatic` and served by WhiteNoise.
STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}  # noqa: F405

SECURE_PROXY = env_bool("SECURE_PROXY", True)  # noqa: F405
if SECURE_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    # The load balancer asks for /healthz/ over plain HTTP inside the network.
    SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))  # noqa: F405
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)  # noqa: F405
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)  # noqa: F405
    # Behind the proxy every request comes from its address: the lock-out must count the address the proxy saw,
    # or anyone could lock a named person out. The proxy must overwrite X-Forwarded-For (docs/deployment.md).
    PORTAL_TRUSTED_PROXIES = int(os.environ.get("TRUSTED_PROXIES", "1"))  # noqa: F405
SESSION_COOKIE_SECURE = SECURE_PROXY
CSRF_COOKIE_SECURE = SECURE_PROXY
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")  # noqa: F405
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Errors go to the log (gunicorn's stderr), never to the page.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},  # noqa: F405
}
