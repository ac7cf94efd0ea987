"""A ceiling on reports per person per hour, so a stuck button or a script cannot flood the quality group.

Counted in the cache per clock hour under a keyed hash of the user id: the count says nothing about which
reports were made, and the key does not say whose count it is. Anonymous reports are counted apart, all
together in one bucket with a ceiling of its own, and never under anything derived from their sender: whoever
holds the secret key and the cache could otherwise see whose count went up when an anonymous report arrived.
The last hour is estimated from this hour's count and the previous hour's, weighted by how much of it is
still within the last 60 minutes, so the limit does not reset in full on the hour.

A cache that fails lets the report through: losing a report is worse than one too many.
"""

import hashlib
import hmac
import logging
import time

from django.conf import settings
from django.core.cache import cache

WINDOW = 3600
logger = logging.getLogger(__name__)


def limit(anonymous=False):
    if anonymous:
        return settings.PORTAL_ANONYMOUS_REPORTS_PER_HOUR
    return getattr(settings, "PORTAL_REPORTS_PER_HOUR", 20)


def exceeded(user):
    """Whether ``user`` has sent as many reports as accepted within the hour; with ``user`` None (an anonymous
    report), whether everyone together has sent as many anonymous reports."""
    return sent_within_the_hour(user) >= limit(anonymous=user is None)


def sent_within_the_hour(user, now=None):
    """The reports of ``user`` within the last hour, or all anonymous reports when ``user`` is None."""
    now = time.time() if now is None else now
    hour, seconds_into_it = divmod(int(now), WINDOW)
    try:
        counts = cache.get_many([_key(user, hour), _key(user, hour - 1)])
    except Exception:
        logger.warning("The report rate limit could not be read from the cache", exc_info=True)
        return 0
    this_hour, last_hour = counts.get(_key(user, hour), 0), counts.get(_key(user, hour - 1), 0)
    return this_hour + last_hour * (WINDOW - seconds_into_it) / WINDOW


def record(user, now=None):
    """Counts a report of ``user``, or with ``user`` None one more in the shared bucket of anonymous reports."""
    now = time.time() if now is None else now
    key = _key(user, int(now) // WINDOW)
    try:
        cache.add(key, 0, timeout=2 * WINDOW)  # read again during the next hour
        cache.incr(key)
    except ValueError:  # gone between add and incr
        cache.add(key, 1, timeout=2 * WINDOW)
    except Exception:
        logger.warning("The report rate limit could not be recorded in the cache", exc_info=True)


def _key(user, hour):
    if user is None:
        return f"forms:reports:anonymous:{hour}"
    digest = hmac.new(settings.SECRET_KEY.encode(), f"reports:{user.pk}".encode(), hashlib.sha256).hexdigest()
    return f"forms:reports:{digest[:32]}:{hour}"
