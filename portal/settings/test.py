"""Lean settings for the test suite: fast hashing, mail kept in memory, files in a temporary folder."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# One process, its own cache, whatever REDIS_URL says: tests must not share state through a server.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SESSION_ENGINE = "django.contrib.sessions.backends.db"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="kvalitetsportalen-media-"))
PRIVATE_MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="kvalitetsportalen-private-"))
WAGTAILADMIN_BASE_URL = "http://testserver"
