"""Where a scenario's time goes inside gunicorn: py-spy samples the workers while wrk runs the scenario once more
(after the measured runs, so the sampling slows no measured figure), and the samples are summed by the part
of the stack they are in."""

import os
from collections import Counter
from pathlib import Path

PY_SPY = Path(os.environ.get("VIRTUAL_ENV", Path(__file__).resolve().parent.parent.parent / ".venv")) / "bin" / "py-spy"
# A sample in a request has Django's handler on its stack.
REQUEST = "(django/core/handlers/"
# (part, where its code lives): a sample counts for the innermost frame that lies in one of them, so a cache
# read inside a template counts as the cache, a query made while Wagtail routes as SQL; the standard library
# (sockets, say) counts for whoever called it.
PARTS = [
    ("the portal's own code", ("handbook/", "home/", "forms/", "search/", "portal/", "bench/")),
    ("SQL (database driver and Django's query execution)", ("django/db/backends/",)),
    ("cache (Redis client)", ("redis/",)),
    ("SQL compilation (ORM)", ("django/db/models/",)),
    ("template rendering", ("django/template/",)),
    ("page routing and serving (Wagtail)", ("wagtail/",)),
    ("sessions and login", ("django/contrib/sessions/", "django/contrib/auth/")),
    ("middleware (security, CSP, WhiteNoise, locale, CSRF)", ("django/middleware/", "csp/", "whitenoise/")),
    ("HTTP handling (gunicorn)", ("gunicorn/",)),
]


def record_command(pid, seconds, output):
    return [
        str(PY_SPY),
        "record",
        "--pid",
        str(pid),
        "--subprocesses",
        "--duration",
        str(seconds),
        "--rate",
        "50",
        "--format",
        "raw",
        "--output",
        str(output),
    ]


def summarize(collapsed):
    """Per part, the share of the samples taken while a request was handled (%), largest first, from py-spy's
    raw (collapsed stack) output: one line per stack, frames separated by ';', then a space and the number of
    samples. Idle threads waiting for a request and gunicorn's master are left out."""
    counts, total = Counter(), 0
    for line in collapsed.splitlines():
        stack, _, samples = line.rpartition(" ")
        if not samples.isdigit() or REQUEST not in stack:
            continue
        total += int(samples)
        counts[_part(stack.split(";"))] += int(samples)
    return [(part, 100 * samples / total) for part, samples in counts.most_common()] if total else []


def _part(frames):
    for frame in reversed(frames):  # the innermost frame first
        path = frame.rpartition("(")[2]  # "render (django/template/base.py:1017)"
        for part, prefixes in PARTS:
            if path.startswith(prefixes):
                return part
    return "other (the standard library, other packages)"
