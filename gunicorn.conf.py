"""gunicorn for `make serve` and production; every value can be set from the environment.

Threads, not only processes: a request that waits on the database or on a slow mail server must not hold a
whole worker. Workers are recycled now and then, so that a slow leak never grows without bound.
"""

import gc
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = max_requests // 10
# Load Django once in the master, so that workers start fast and share its memory.
preload_app = True
wsgi_app = "portal.wsgi:application"
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
# gunicorn's control socket sits at one path per user: a second server on the machine would take it over.
control_socket_disable = True
# No user names in the access log: an anonymous report must not be traceable through it.
access_log_format = '%(h)s %(t)s "%(r)s" %(s)s %(b)s %(M)sms'


def when_ready(server):
    # What the preloaded app allocated stays put: the collector no longer walks it (and copy-on-write pages
    # stay shared between workers).
    gc.freeze()
