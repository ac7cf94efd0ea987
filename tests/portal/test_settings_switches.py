"""Each optional service switches on by its environment variable alone, as docs/deployment.md says.

The settings are read in a fresh process with the production settings module and exactly the environment given,
so that what an operator sets is what the portal gets.
"""

import json
import os
import re
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REDIS_TEST_URL = "redis://127.0.0.1:6379/15"

# Every variable that switches a service: the test process's own values must not leak into the child.
SWITCHES = {
    "DATABASE_URL",
    "DATABASE_CONN_MAX_AGE",
    "REDIS_URL",
    "ELASTICSEARCH_URL",
    "ELASTICSEARCH_INDEX",
    "EMAIL_HOST",
    "EMAIL_PORT",
    "EMAIL_HOST_USER",
    "EMAIL_HOST_PASSWORD",
    "EMAIL_USE_TLS",
    "SECURE_PROXY",
    "S3_BUCKET",
    "S3_PRIVATE_BUCKET",
    "S3_ENDPOINT_URL",
    "S3_REGION",
    "S3_ADDRESSING_STYLE",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "PORTAL_BASE_URL",
    "DJANGO_SETTINGS_MODULE",
}

PRINT_SETTINGS = """
import json, sys
import django
django.setup()
from django.conf import settings
print(json.dumps({name: getattr(settings, name, None) for name in sys.argv[1:]}, default=str))
"""


def run_with(env, script, *args, tmp_path):
    """Runs ``script`` under the production settings with ``env`` on top of a clean environment."""
    environment = {key: value for key, value in os.environ.items() if key not in SWITCHES}
    environment.update(
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="kvalitet.kommune.example",
        PORTAL_VAR_DIR=str(tmp_path),
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
    )
    environment.update(env)
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-c", script, *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def settings_with(tmp_path, env, *names):
    return json.loads(run_with(env, PRINT_SETTINGS, *names, tmp_path=tmp_path))


def test_without_s3_media_stay_on_the_disk_and_attachments_in_their_own_folder(tmp_path):
    settings = settings_with(tmp_path, {}, "STORAGES", "WAGTAILDOCS_SERVE_METHOD")

    assert settings["STORAGES"]["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert "private" not in settings["STORAGES"]  # forms.models.cases.private_storage() uses PRIVATE_MEDIA_ROOT
    assert settings["WAGTAILDOCS_SERVE_METHOD"] == "serve_view"


def test_s3_bucket_moves_media_and_attachments_to_private_objects(tmp_path):
    env = {
        "S3_BUCKET": "kp-media",
        "S3_ENDPOINT_URL": "https://s3.kommune.example",
        "S3_REGION": "eu-north-1",
        "S3_ADDRESSING_STYLE": "path",
        "AWS_ACCESS_KEY_ID": "portal",
        "AWS_SECRET_ACCESS_KEY": "hemmelig",
        "PORTAL_BASE_URL": "https://kvalitet.kommune.example",
    }

    storages = settings_with(tmp_path, env, "STORAGES")["STORAGES"]

    media, private = storages["default"], storages["private"]
    assert media["BACKEND"] == private["BACKEND"] == "storages.backends.s3.S3Storage"
    for options in (media["OPTIONS"], private["OPTIONS"]):
        assert options["bucket_name"] == "kp-media"
        assert options["endpoint_url"] == "https://s3.kommune.example"
        assert options["region_name"] == "eu-north-1"
        assert options["addressing_style"] == "path"
        assert (options["access_key"], options["secret_key"]) == ("portal", "hemmelig")
        assert options["default_acl"] == "private"
        assert options["file_overwrite"] is False
    # Media addressed through the portal itself (its /media/ route, behind the login); attachments have no
    # address of their own and a prefix of their own.
    assert (media["OPTIONS"]["location"], private["OPTIONS"]["location"]) == ("media", "private")
    assert media["OPTIONS"]["custom_domain"] == "kvalitet.kommune.example"
    assert media["OPTIONS"]["url_protocol"] == "https:"
    assert "custom_domain" not in private["OPTIONS"]


def test_s3_private_bucket_keeps_attachments_apart_and_credentials_default_to_the_instance_role(tmp_path):
    storages = settings_with(tmp_path, {"S3_BUCKET": "kp-media", "S3_PRIVATE_BUCKET": "kp-sager"}, "STORAGES")[
        "STORAGES"
    ]

    assert storages["default"]["OPTIONS"]["bucket_name"] == "kp-media"
    assert storages["private"]["OPTIONS"]["bucket_name"] == "kp-sager"
    assert storages["default"]["OPTIONS"]["access_key"] is None  # boto3 then asks the instance role
    assert storages["default"]["OPTIONS"]["endpoint_url"] is None  # AWS itself


def test_without_redis_each_process_caches_for_itself_and_sessions_live_in_the_database(tmp_path):
    settings = settings_with(tmp_path, {}, "CACHES", "SESSION_ENGINE")

    assert settings["CACHES"]["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert settings["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"


def test_redis_url_gives_a_shared_cache_and_cached_db_sessions(tmp_path):
    settings = settings_with(tmp_path, {"REDIS_URL": REDIS_TEST_URL}, "CACHES", "SESSION_ENGINE")

    assert settings["CACHES"]["default"] == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_TEST_URL,
    }
    assert settings["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"


SESSION_ROUND_TRIP = """
import sys
import django
django.setup()
from django.core.cache import cache
from django.core.management import call_command
from django.contrib.sessions.backends.cached_db import KEY_PREFIX
from django.utils.module_loading import import_string
from django.conf import settings

call_command("migrate", "sessions", verbosity=0)
cache.set(sys.argv[1], "gemt i Redis", 60)
session = import_string(settings.SESSION_ENGINE + ".SessionStore")()
session["besked"] = "hej"
session.create()
print(session.session_key)
print(cache.key_func(KEY_PREFIX + session.session_key, cache.key_prefix, cache.version))
"""


@pytest.fixture
def redis_db15():
    import redis

    client = redis.Redis.from_url(REDIS_TEST_URL)
    try:
        client.ping()
    except redis.ConnectionError:
        pytest.skip("needs Redis at 127.0.0.1:6379")
    created = []
    yield client, created
    if created:
        client.delete(*created)
    client.close()


def test_redis_really_holds_the_cache_and_the_sessions_of_another_process(tmp_path, redis_db15):
    client, created = redis_db15
    key = f"kp-deploy-test-{uuid.uuid4().hex}"

    lines = run_with({"REDIS_URL": REDIS_TEST_URL}, SESSION_ROUND_TRIP, key, tmp_path=tmp_path).split()
    session_key, session_cache_key = lines
    created += [f":1:{key}", session_cache_key]

    # Another server (this process) finds both in Redis: the cached value and the session.
    assert client.exists(f":1:{key}")
    assert client.exists(session_cache_key)
    assert session_key in session_cache_key


def test_elasticsearch_url_switches_both_searches(tmp_path):
    script = PRINT_SETTINGS + "from search.backends import get_backend\nprint(type(get_backend()).__name__)\n"
    env = {"ELASTICSEARCH_URL": "https://es.kommune.example:9200", "ELASTICSEARCH_INDEX": "kp"}
    output = run_with(env, script, "WAGTAILSEARCH_BACKENDS", tmp_path=tmp_path).splitlines()

    backend = json.loads(output[0])["WAGTAILSEARCH_BACKENDS"]["default"]
    assert backend["BACKEND"] == "wagtail.search.backends.elasticsearch8"
    assert backend["URLS"] == ["https://es.kommune.example:9200"]
    assert backend["INDEX_PREFIX"] == "kp-admin-"
    assert output[1] == "ElasticsearchSearch"


def test_without_elasticsearch_both_searches_use_the_database(tmp_path):
    script = PRINT_SETTINGS + "from search.backends import get_backend\nprint(type(get_backend()).__name__)\n"
    output = run_with({}, script, "WAGTAILSEARCH_BACKENDS", tmp_path=tmp_path).splitlines()

    assert json.loads(output[0])["WAGTAILSEARCH_BACKENDS"]["default"]["BACKEND"] == "search.danish_index"
    assert output[1] == "DatabaseSearch"


def test_email_host_sends_mail_by_smtp(tmp_path):
    env = {"EMAIL_HOST": "smtp.kommune.example", "EMAIL_PORT": "25", "EMAIL_USE_TLS": "false"}
    names = ("EMAIL_BACKEND", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_USE_TLS")

    assert settings_with(tmp_path, env, *names) == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "smtp.kommune.example",
        "EMAIL_PORT": 25,
        "EMAIL_USE_TLS": False,
    }


def test_without_email_host_mail_goes_to_the_log(tmp_path):
    settings = settings_with(tmp_path, {}, "EMAIL_BACKEND")

    assert settings["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"


def test_database_url_and_persistent_connections(tmp_path):
    env = {"DATABASE_URL": "postgres://portal:pw@db-primary.kommune.example:5432/kp", "DATABASE_CONN_MAX_AGE": "60"}

    database = settings_with(tmp_path, env, "DATABASES")["DATABASES"]["default"]

    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["PORT"], database["NAME"]) == ("db-primary.kommune.example", 5432, "kp")
    assert database["CONN_MAX_AGE"] == 60


@pytest.mark.parametrize(("value", "behind_proxy"), [(None, True), ("true", True), ("false", False)])
def test_secure_proxy_switch(tmp_path, value, behind_proxy):
    env = {} if value is None else {"SECURE_PROXY": value}

    settings = settings_with(tmp_path, env, "SECURE_PROXY_SSL_HEADER", "SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE")

    expected_header = ["HTTP_X_FORWARDED_PROTO", "https"] if behind_proxy else None
    assert settings["SECURE_PROXY_SSL_HEADER"] == expected_header
    assert settings["SECURE_SSL_REDIRECT"] is behind_proxy
    assert settings["SESSION_COOKIE_SECURE"] is behind_proxy


def test_every_variable_in_the_deployment_guide_is_read_by_the_settings():
    guide = (ROOT / "docs" / "deployment.md").read_text().split("## Environment variables", 1)[1]
    documented = set(re.findall(r"^\| `([A-Z][A-Z0-9_]+)`(?:, `([A-Z][A-Z0-9_]+)`)?", guide, re.MULTILINE))
    names = {name for pair in documented for name in pair if name} - {"DJANGO_SETTINGS_MODULE"}
    sources = [*(ROOT / "portal" / "settings").glob("*.py"), ROOT / "gunicorn.conf.py"]
    read = "\n".join(path.read_text() for path in sources)

    assert len(names) > 30
    assert sorted(name for name in names if f'"{name}"' not in read) == []
