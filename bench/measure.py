"""Timing requests in process with Django's test client, as a logged-in reader.

The search keeps a query's matches in Django's cache until the handbook changes, so every search is timed twice
per round: cold (the cache cleared first, as for a query nobody has asked since the last publish) and warm
(the same request again at once, as for a query asked twice). The cache is cleared outside the timing.
"""

import cProfile
import pstats
import time
from dataclasses import dataclass, field

MINIMAL_URL = "/bench/minimal/"


@dataclass
class Measurement:
    label: str
    url: str
    cold: list = field(default_factory=list)  # ms per request
    warm: list = field(default_factory=list)
    backend: list = field(default_factory=list)  # ms of the backend's search alone, cold
    queries_cold: int = 0
    queries_warm: int = 0
    hits: int | None = None
    first: float = 0.0  # seconds of the first, cold request

    @property
    def is_search(self):
        return self.url != MINIMAL_URL


def reader_client():
    from django.contrib.auth import get_user_model
    from django.test import Client

    user, _created = get_user_model().objects.get_or_create(username="bench-laeser", defaults={"first_name": "Bench"})
    client = Client()
    client.force_login(user)
    return client


def clear_cache():
    from django.core.cache import cache

    cache.clear()


def timed_get(client, url):
    started = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise SystemExit(f"GET {url} answered {response.status_code}")
    return elapsed


def cold_get(client, url):
    clear_cache()
    return timed_get(client, url)


def backend_search(url):
    """(ms, hits) of the backend's search alone, as the page calls it, with the cache cleared first."""
    from django.http import QueryDict

    from search.backends import get_backend
    from search.query import SearchRequest

    request = SearchRequest.from_querydict(QueryDict(url.split("?", 1)[1]))
    clear_cache()
    started = time.perf_counter()
    result = get_backend().search(request)
    return (time.perf_counter() - started) * 1000, result.total


def count_queries(client, url, cold):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if cold:
        clear_cache()
    with CaptureQueriesContext(connection) as captured:
        timed_get(client, url)
    return len(captured)


def measure(urls, rounds, warmup, budget):
    """[Measurement] for [(label, url)]: `warmup` rounds, then `rounds` rounds, fewer for a query so slow that
    all rounds of it would take longer than `budget` seconds."""
    client = reader_client()
    measurements = [Measurement(label, url) for label, url in urls]
    allowed = _warm_up(client, measurements, rounds, warmup, budget)
    for number in range(rounds):
        for m in measurements:
            if number >= allowed[m.url]:
                continue
            m.cold.append(cold_get(client, m.url))
            if m.is_search:
                m.warm.append(timed_get(client, m.url))
                # the backend alone each round, or only once for a query slower than a second
                if m.first < 1 or not m.backend:
                    elapsed, m.hits = backend_search(m.url)
                    m.backend.append(elapsed)
    for m in measurements:
        m.queries_cold = count_queries(client, m.url, cold=True)
        m.queries_warm = count_queries(client, m.url, cold=False)
    return measurements


def _warm_up(client, measurements, rounds, warmup, budget):
    allowed = {}
    for m in measurements:
        m.first = cold_get(client, m.url) / 1000
        allowed[m.url] = rounds if m.first * rounds <= budget else max(3, int(budget / m.first))
        if allowed[m.url] < rounds:
            print(f"{m.url} took {m.first:.1f} s: measured {allowed[m.url]} times, not {rounds}", flush=True)
    for _ in range(warmup - 1):
        for m in measurements:
            if allowed[m.url] == rounds:
                cold_get(client, m.url)
                timed_get(client, m.url)
    return allowed


def profile(urls, path):
    """cProfile of one round of cold searches, printed and saved."""
    client = reader_client()
    profiler = cProfile.Profile()
    for _label, url in urls:
        clear_cache()
        profiler.enable()
        client.get(url)
        profiler.disable()
    profiler.dump_stats(path)
    print(f"\nProfile of one round of cold searches (all of it in {path}):")
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
