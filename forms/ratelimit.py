"""A ceiling on reports per person per hour, so a stuck button or a script cannot flood the quality group.

Counted in the cache under a hash of the user id, per clock hour: the count says nothing about which
reports were made, so an anonymous report stays anonymous.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache


def _key(user):
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{user.pk}".encode()).hexdigest()[:32]
    return f"forms:reports:{digest}:{int(time.time() // 3600)}"


def limit():
    return getattr(settings, "PORTAL_REPORTS_PER_HOUR", 20)


def exceeded(user):
    return cache.get(_key(user), 0) >= limit()


def record(user):
    key = _key(user)
    if not cache.add(key, 1, timeout=3600):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=3600)
