"""Settings for the load benchmark (bench/load.py): the portal exactly as `make serve` runs it in production, plus
the benchmark's baseline routes (bench/urls.py). Everything else comes from the environment the runner sets:
SECRET_KEY, ALLOWED_HOSTS, SECURE_PROXY=false, REDIS_URL, DATABASE_URL, PORTAL_REPORTS_PER_HOUR."""

from portal.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
# Mail is accepted and dropped: the benchmark measures the portal, not a mail server on this machine.
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
