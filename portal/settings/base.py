"""Settings shared by every environment; each value that differs per machine comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("PORTAL_VAR_DIR", BASE_DIR / "var"))


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")

INSTALLED_APPS = [
    "portal",
    "home",
    "handbook",
    "forms",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.redirects",
    "wagtail.contrib.table_block",
    "wagtail.contrib.routable_page",
    "wagtail_modeladmin",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files with hashed names and far-future caching, compressed, before anything else does work.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # django-csp, with the admin's relaxations chosen by path (portal/csp.py).
    "portal.csp.PathPolicyCSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The intranet is closed: every view needs a logged-in user unless marked login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

if "DATABASE_URL" not in os.environ:
    VAR_DIR.mkdir(parents=True, exist_ok=True)  # the embedded SQLite default lives there
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several gunicorn threads write at once: a write transaction takes the lock at its start and waits for it (up
    # to 20 s) instead of failing with "database is locked"; WAL lets readers go on while one writes.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis when REDIS_URL is set: one cache shared by every worker and server. Otherwise each process keeps its own.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
    # Sessions read from the shared cache and written through to the database. Never with per-process caches:
    # a session ended in one worker would live on in another's cache.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# A session lasts a working day from the login (hours), and ends when the browser closes.
SESSION_COOKIE_AGE = int(float(os.environ.get("SESSION_HOURS", "10")) * 3600)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# django-axes first, so that a locked-out person is refused before the password is checked.
AUTHENTICATION_BACKENDS = [
    "portal.lockout.LockoutBackend",  # axes' AxesStandaloneBackend, tolerant of calls without a request
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Brute force: after five failed logins for one user name from one address, that pair is locked out until an
# administrator unlocks it or the cool-off ends (hours).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The client's address, from X-Forwarded-For behind PORTAL_TRUSTED_PROXIES proxies (production.py sets it).
AXES_CLIENT_IP_CALLABLE = "portal.lockout.client_address"
PORTAL_TRUSTED_PROXIES = 0
AXES_VERBOSE = False
# Attempts while locked out are refused without counting, so the lock-out ends when its page says it does.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# Our login page in Danish (429) instead of axes' English text.
AXES_LOCKOUT_CALLABLE = "portal.lockout.lockout_response"

# Content-Security-Policy: scripts and styles only from our own static files, never inline.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
# The Wagtail admin (and only it) gets these on top of the policy above; each was seen refused in Chromium with
# Wagtail 8.0.1 (tests/e2e/test_csp.py visits the admin pages). No 'unsafe-eval': the admin does not need it.
PORTAL_ADMIN_CSP_UPDATE = {
    # Wagtail starts widgets from inline <script> elements in its templates: date pickers (listing filters, date
    # fields), InlinePanel and MultipleChooserPanel, search promotions; and its bundled
    # JavaScript inserts inline scripts while editing a page.
    "script-src": ["'unsafe-inline'"],
    # The page editor (Draftail, StreamField, the preview panel) inserts <style> elements, and Wagtail's and
    # wagtail-modeladmin's templates carry style="…" attributes.
    "style-src": ["'unsafe-inline'"],
    # The multiple image upload shows a preview of each chosen file from a blob: URL before it is sent.
    "img-src": ["blob:"],
}
# No avatars from gravatar.com: the admin would send a hash of each editor's e-mail address to a third party, and
# img-src 'self' refuses them anyway. Wagtail shows its default avatar instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

LOGIN_URL = "/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/login/"

# Danish, in Copenhagen time.
LANGUAGE_CODE = "da"
LANGUAGES = [("da", "Dansk")]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # Det Fælles Designsystem is served whole: its CSS refers to ../img and ../fonts.
    ("dkfds", BASE_DIR / "node_modules" / "dkfds" / "dist"),
]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Files attached to deviations and proposals: never under MEDIA_URL, served only to those who may see the case.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Documents stream through Wagtail's serve view, which checks the login and collection privacy; never a redirect to
# the storage's own address.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# With S3_BUCKET set, uploads go to S3-compatible object storage (AWS, MinIO, Ceph...) so that every application
# server sees the same files. Objects are private; nothing in the bucket is reachable from a browser.
S3_BUCKET = os.environ.get("S3_BUCKET", "")
if S3_BUCKET:
    _s3_options = {
        "bucket_name": S3_BUCKET,
        "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("S3_REGION") or None,
        "addressing_style": os.environ.get("S3_ADDRESSING_STYLE") or None,  # "path" for most MinIO set-ups
        # Unset: boto3's own chain (instance role, ~/.aws, ...).
        "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
        "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
        "default_acl": "private",
        "querystring_auth": True,
        "file_overwrite": False,  # two uploads named "skema.pdf" must not replace each other
    }
    # Media under "media/" in the bucket, addressed as the portal's own MEDIA_URL: an <img> asks the portal, whose
    # login requirement covers it, and the portal streams the object (see docs/deployment.md).
    _portal_scheme, _portal_host = os.environ.get("PORTAL_BASE_URL", "http://127.0.0.1:8000").rstrip("/").split("://")
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3_options,
            "location": MEDIA_URL.strip("/"),
            "custom_domain": _portal_host,
            "url_protocol": f"{_portal_scheme}:",
        },
    }
    # Case attachments in their own bucket, or under "private/" in the same one; read only through the case's
    # permission-checking view (forms.models.cases.private_storage).
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3_options,
            "bucket_name": os.environ.get("S3_PRIVATE_BUCKET") or S3_BUCKET,
            "location": "private",
            "querystring_expire": 60,
        },
    }
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# E-mail through Django's mail framework; SMTP when EMAIL_HOST is set.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Reports (deviations and proposals) one person may send per hour.
PORTAL_REPORTS_PER_HOUR = int(os.environ.get("PORTAL_REPORTS_PER_HOUR", "20"))
# Anonymous reports share one count of their own: none is ever counted under its sender.
PORTAL_ANONYMOUS_REPORTS_PER_HOUR = int(os.environ.get("PORTAL_ANONYMOUS_REPORTS_PER_HOUR", "100"))

# Mail is sent during a request, after the commit: a hanging mail server must not hold the page.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "kvalitetsportalen@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = "Kvalitetsportalen"
WAGTAILADMIN_BASE_URL = os.environ.get("PORTAL_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
# The last approval of a workflow publishes without the approver's own publish permission (handbook/approval.py).
WAGTAIL_FINISH_WORKFLOW_ACTION = "handbook.approval.publish_approved"
WAGTAILADMIN_PERMITTED_LANGUAGES = [("da", "Dansk"), ("en", "English")]
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
WAGTAILADMIN_LOGIN_URL = LOGIN_URL
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "doc", "xlsx", "xls", "odt", "ods", "pptx", "txt", "csv", "rtf"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Documents always download, PDF too, with nosniff (served through Django: WAGTAILDOCS_SERVE_METHOD above).
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
# Wagtail's database search in Danish: PostgreSQL's `danish` configuration, Snowball stems on SQLite.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.danish_index", "SEARCH_CONFIG": "danish"}}

# Daily search counts are kept a year (Wagtail's clean-up keeps 7 days), for the yearly «Hyppigste søgninger».
WAGTAILSEARCH_HITS_MAX_AGE = 366

# With ELASTICSEARCH_URL set, readers search through Elasticsearch 8 and the admin through Wagtail's backend.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX = os.environ.get("ELASTICSEARCH_INDEX", "kvalitetsportalen")
if ELASTICSEARCH_URL:
    # Wagtail's backend reads INDEX_PREFIX (it has no INDEX setting): its indexes are "<index>-admin-wagtailcore_page"
    # and so on. Its text fields take the index's default analyzer, here the Danish one that search/es_index.py
    # gives the readers' index, so editors find "afvigelserne" by "afvigelse" too.
    WAGTAILSEARCH_BACKENDS["default"] = {
        "BACKEND": "wagtail.search.backends.elasticsearch8",
        "URLS": [ELASTICSEARCH_URL],
        "INDEX_PREFIX": f"{ELASTICSEARCH_INDEX}-admin-",
        "TIMEOUT": 5,
        "INDEX_SETTINGS": {
            "settings": {
                "analysis": {
                    "filter": {
                        "danish_stop": {"type": "stop", "stopwords": "_danish_"},
                        "danish_stemmer": {"type": "stemmer", "language": "danish"},
                    },
                    "analyzer": {
                        "default": {
                            "type": "custom",
                            "tokenizer": "standard",
                            "filter": ["lowercase", "danish_stop", "danish_stemmer"],
                        }
                    },
                }
            }
        },
    }

WAGTAIL_ENABLE_UPDATE_CHECK = False
PORTAL_SITE_TITLE = _("Quality portal")

from .sso import *  # noqa: E402, F403 - optional single sign-on, switched on by OIDC_* variables (docs/sso.md)
