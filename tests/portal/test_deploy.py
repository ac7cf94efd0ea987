"""Production settings pass Django's deployment checks, and the SECURE_PROXY switch turns HTTPS hardening on or off.

Each case runs in its own process: production settings are read once, at start-up, from the environment.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management.utils import get_random_secret_key

ROOT = Path(__file__).resolve().parents[2]
HOST = "intranet.kommune.example"
CHECK_DEPLOY = ["manage.py", "check", "--deploy", "--fail-level", "WARNING"]

SHOW_SECURITY_SETTINGS = """
import json, django
django.setup()
from django.conf import settings
names = ["SECURE_PROXY_SSL_HEADER", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SESSION_COOKIE_SECURE",
         "CSRF_COOKIE_SECURE", "DEBUG"]
print(json.dumps({name: getattr(settings, name) for name in names}))
"""

# Requests through the whole middleware stack, as the load balancer and a browser send them.
REQUEST_PAGES = """
import json, os, django
django.setup()
from django.test import Client
client = Client()
answers = {}
for name, path, headers in [
    ("healthz over http", "/healthz/", {}),
    ("healthz over https", "/healthz/", {"HTTP_X_FORWARDED_PROTO": "https"}),
    ("login over http", "/login/", {}),
]:
    response = client.get(path, HTTP_HOST=os.environ["ALLOWED_HOSTS"], **headers)
    answers[name] = {
        "status": response.status_code,
        "location": response.get("Location", ""),
        "hsts": response.get("Strict-Transport-Security", ""),
    }
print(json.dumps(answers))
"""


def run_production(code_or_args, tmp_path, **env):
    """Python with production settings, its own var folder, a fresh 50-character secret and a real host name."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("SECURE_", "DJANGO_"))}
    environment.pop("DATABASE_URL", None)
    environment.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=get_random_secret_key(),
        ALLOWED_HOSTS=HOST,
        PORTAL_VAR_DIR=str(tmp_path),
        **env,
    )
    args = ["-c", code_or_args] if isinstance(code_or_args, str) else code_or_args
    return subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_generated_secret_is_fifty_characters():
    assert len(get_random_secret_key()) == 50


def test_check_deploy_reports_no_issues(tmp_path):
    result = run_production(CHECK_DEPLOY, tmp_path)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_check_deploy_notices_when_the_https_hardening_is_off(tmp_path):
    result = run_production(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], tmp_path, SECURE_PROXY="false"
    )

    assert result.returncode != 0
    for warning in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert warning in result.stderr + result.stdout


def security_settings(tmp_path, **env):
    result = run_production(SHOW_SECURITY_SETTINGS, tmp_path, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("switch", [{}, {"SECURE_PROXY": "true"}], ids=["default", "on"])
def test_behind_a_proxy_the_portal_insists_on_https(tmp_path, switch):
    values = security_settings(tmp_path, **switch)

    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 365 * 24 * 3600
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["DEBUG"] is False


def test_without_a_proxy_none_of_the_https_hardening_applies(tmp_path):
    values = security_settings(tmp_path, SECURE_PROXY="false")

    assert values["SECURE_PROXY_SSL_HEADER"] is None
    assert values["SECURE_SSL_REDIRECT"] is False
    assert values["SECURE_HSTS_SECONDS"] == 0
    assert values["SESSION_COOKIE_SECURE"] is False
    assert values["CSRF_COOKIE_SECURE"] is False


def test_plain_http_is_redirected_to_https_except_the_health_check(tmp_path):
    result = run_production(REQUEST_PAGES, tmp_path)

    assert result.returncode == 0, result.stderr
    answers = json.loads(result.stdout.strip().splitlines()[-1])
    assert answers["healthz over http"]["status"] == 200
    assert answers["healthz over https"]["status"] == 200
    assert answers["healthz over https"]["hsts"].startswith("max-age=31536000")
    assert answers["login over http"] == {"status": 301, "location": f"https://{HOST}/login/", "hsts": ""}
