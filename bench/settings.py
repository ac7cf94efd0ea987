"""Settings for the benchmark: the portal as deployed (DEBUG off, persistent database connections), with the
benchmark's minimal view beside it. The database comes from DATABASE_URL, set by bench/search_latency.py."""

import os

from portal.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "bench-only-key")  # noqa: S105 - never served
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
ROOT_URLCONF = "bench.urls"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # the benchmark user logs in by session
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# A deployed portal keeps its database connections open between requests, as the benchmark's client does.
DATABASES["default"]["CONN_MAX_AGE"] = 60  # noqa: F405
